"""Small building blocks every page uses the same way: a named push button, a table that
lists records (whole rows, one at a time, read-only, one line per row), a short table of
texts built from its headers and filled from rows of texts, and an error said in red."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

# The colour of an error said on a page or in a form.
ERROR_STYLE = "color: #b3261e;"


def push_button(name: str, text: str, slot: Callable[[], object]) -> QPushButton:
    """A button named ``name`` (for tests and style sheets) that runs ``slot`` when
    clicked; it never takes Enter from the form around it."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def record_table(table: QTableView) -> None:
    """Make ``table`` a list of records: whole rows selected one at a time, no editing in
    place, alternating rows, one line per row, headers on the left."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def stretch_column(table: QTableView, column: int) -> None:
    """Give ``column`` (a title's) the width the other columns, sized to their contents,
    leave: the list fits its pane and never scrolls sideways; the full text is in the
    tooltip."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def rows_dragged_within(table: QTableView) -> None:
    """Let a row of ``table`` be dragged to another place in it, dropped between rows
    (the model's ``dropMimeData`` says what a drop means)."""
    table.setDragEnabled(True)
    table.setAcceptDrops(True)
    table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.setDragDropOverwriteMode(False)
    table.setDropIndicatorShown(True)


def select_row(table: QTableView, row: int) -> bool:
    """Make ``row`` of ``table`` the current, selected row; False when there is none."""
    model = table.model()
    if not 0 <= row < model.rowCount():
        return False
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().setCurrentIndex(model.index(row, 0), flags)
    return True


def put_back(table: QTableView, row: int | None) -> None:
    """Make ``row`` the current row again (None: no row), without telling the page: it
    still shows that row's record (the user chose Stay when asked about leaving it)."""
    selection = table.selectionModel()
    blocked = selection.blockSignals(True)
    if row is None or not select_row(table, row):
        selection.clearCurrentIndex()
        table.clearSelection()
    selection.blockSignals(blocked)
    table.viewport().update()  # the view was not told either: paint the row again


def text_table(headers: list[str]) -> QTableWidget:
    """A short list of records shown as texts (a pilot's rounds, its roll-outs)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    record_table(table)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            table.setItem(number, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class ErrorText(QLabel):
    """Red, wrapped text that takes no room while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
