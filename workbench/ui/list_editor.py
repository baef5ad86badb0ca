"""One editor for the short lists a problem refers to (ERP modules, sites, departments,
people): a table edited in place by double-click, a row of fields to add an entry, and
the reason in words under the list when the services refuse a change.

The editor knows nothing of the record: the page gives it the columns and three
functions (load the entries, add one, update one) and every visible string, so the
words stay in the page's translation context. A refused change saves nothing; the
user's typing stays in the fields, and a cell edited in place shows the stored value
again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.services.errors import FieldError, StorageError, ValidationError
from workbench.ui import errors, labels
from workbench.ui.detail.widgets import ErrorText

ID_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the stored key of a choice cell (a department id)
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 2
HINT_STYLE = "color: #607d8b;"
RETRY_MS = 300  # a refresh waits this long at a time while a cell is being edited

Choices = Callable[[], Sequence[tuple[int | None, str]]]


@dataclass(frozen=True)
class Column:
    """One field of the entries: ``field`` is the name the services use in their errors."""

    field: str
    header: str
    max_length: int = 100
    placeholder: str = ""
    choices: Choices | None = None  # a choice among other entries, e.g. the department
    width: int | None = None  # None: share the room left


@dataclass(frozen=True)
class Entry:
    """One row: a text per text column, a key (or None) per choice column."""

    id: int
    values: tuple[Any, ...]
    active: bool = True


def _index_of(combo: QComboBox, key: Any) -> int:
    return next((i for i in range(combo.count()) if combo.itemData(i) == key), 0)


class _ChoiceDelegate(QStyledItemDelegate):
    """Edits a choice cell with a combo box; the key and its label change together."""

    def __init__(self, choices: Choices, parent: QWidget) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for key, label in self._choices():
            combo.addItem(label, key)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(_index_of(editor, index.data(KEY_ROLE)))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox):  # one setItemData: one itemChanged, not two
            roles = {
                Qt.ItemDataRole.DisplayRole: editor.currentText(),
                KEY_ROLE: editor.currentData(),
            }
            model.setItemData(index, roles)


class ListEditor(QWidget):
    """A list of entries to add to and edit in place; ``changed`` follows every save."""

    changed = Signal()
    current_changed = Signal()

    def __init__(
        self,
        columns: Sequence[Column],
        load: Callable[[], Sequence[Entry]],
        add: Callable[[Mapping[str, Any]], int],
        update: Callable[[int, Mapping[str, Any]], None],
        *,
        hint: str,
        add_text: str,
        inactive_tip: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._load, self._add, self._update = load, add, update
        self._inactive_tip = inactive_tip
        self.table = QTableWidget(0, len(self.columns))
        self._set_up_table()
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.add_button = QPushButton(add_text)
        self.error = ErrorText()
        self._adding = QHBoxLayout()
        for column in self.columns:
            widget = self._input(column)
            self.inputs[column.field] = widget
            self._adding.addWidget(widget, 1 if column.width is None else 0)
        self._adding.addWidget(self.add_button)
        self._top = QVBoxLayout()
        self._top.setContentsMargins(0, 0, 0, 0)
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        hint_label.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label)
        layout.addLayout(self._top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._adding)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add_entry)
        self.table.itemChanged.connect(self._edited)
        self.table.currentItemChanged.connect(lambda *_: self.current_changed.emit())

    def _set_up_table(self) -> None:
        table = self.table
        table.setHorizontalHeaderLabels([c.header for c in self.columns])
        table.horizontalHeader().setVisible(len(self.columns) > 1)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = table.horizontalHeader()
        for number, column in enumerate(self.columns):
            if column.width is None:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                table.setColumnWidth(number, column.width)
            if column.choices is not None:
                table.setItemDelegateForColumn(number, _ChoiceDelegate(column.choices, table))

    def _input(self, column: Column) -> QLineEdit | QComboBox:
        if column.choices is not None:
            combo = QComboBox()
            combo.setMinimumContentsLength(10)
            return combo
        line = QLineEdit()
        line.setMaxLength(column.max_length)
        line.setPlaceholderText(column.placeholder)
        if column.width is not None:
            line.setFixedWidth(column.width)
        line.returnPressed.connect(self.add_entry)
        return line

    # ---- what the page adds ------------------------------------------------------------
    def add_action(self, widget: QWidget) -> None:
        """A button of the page's own, after Add (e.g. Stop using)."""
        self._adding.addSpacing(12)
        self._adding.addWidget(widget)

    def add_top(self, widget: QWidget) -> None:
        """A widget of the page's own, above the table."""
        self._top.addWidget(widget)

    # ---- showing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the entries again after a change made elsewhere; while the user edits a
        cell in place, wait until the edit is over (reloading would drop it)."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            QTimer.singleShot(RETRY_MS, self, self.refresh)
            return
        self.reload()

    def reload(self, select: int | None = None) -> None:
        """Read the entries again; keep the current one (or select ``select``) and the
        scroll position."""
        wanted = select if select is not None else self.current_id()
        scrolled = self.table.verticalScrollBar().value()
        labels_by_column = self._choice_labels()
        for number, column in enumerate(self.columns):
            combo = self.inputs[column.field]
            if isinstance(combo, QComboBox) and number in labels_by_column:
                kept = combo.currentData()
                combo.clear()
                for key, label in labels_by_column[number].items():
                    combo.addItem(label, key)
                combo.setCurrentIndex(_index_of(combo, kept))
        blocked = self.table.blockSignals(True)
        entries = list(self._load())
        self.table.clearContents()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for number in range(len(self.columns)):
                item = QTableWidgetItem()
                item.setData(ID_ROLE, entry.id)
                self.table.setItem(row, number, item)
            self._show(row, entry, labels_by_column)
            if entry.id == wanted:
                self.table.setCurrentCell(row, 0)
        if select is None:
            self.table.verticalScrollBar().setValue(scrolled)
        self.table.blockSignals(blocked)
        self.current_changed.emit()

    def _choice_labels(self) -> dict[int, dict[Any, str]]:
        return {
            number: dict(column.choices())
            for number, column in enumerate(self.columns)
            if column.choices is not None
        }

    def _show(self, row: int, entry: Entry, choice_labels: Mapping[int, Mapping[Any, str]]) -> None:
        """Write ``entry`` into the items of ``row`` (signals blocked by the caller)."""
        for number, value in enumerate(entry.values):
            item = self._cell(row, number)
            if number in choice_labels:
                item.setData(KEY_ROLE, value)
                item.setText(choice_labels[number].get(value, ""))
            else:
                item.setText(str(value))
            item.setData(ACTIVE_ROLE, entry.active)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            font = item.font()
            font.setItalic(not entry.active)
            item.setFont(font)
            if entry.active:
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
                item.setToolTip("")
            else:
                grey = self.palette().color(QPalette.ColorRole.PlaceholderText)
                item.setForeground(QBrush(grey))
                item.setToolTip(self._inactive_tip)

    def current_id(self) -> int | None:
        item = self.table.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def current_active(self) -> bool:
        item = self.table.currentItem()
        return item is None or bool(item.data(ACTIVE_ROLE))

    def texts(self, column: int = 0) -> list[str]:
        """What the table shows in ``column``, top to bottom."""
        return [self._cell(row, column).text() for row in range(self.table.rowCount())]

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every cell of a shown entry has its item
        return item

    # ---- changing ----------------------------------------------------------------------
    def _message(self, error: FieldError) -> str:
        text = labels.error(error)
        if error.field not in labels.FIELDS:  # a field the shared labels do not name
            header = next((c.header for c in self.columns if c.field == error.field), None)
            if header:
                text = text.replace(error.field, header, 1)
        return text

    def _refused(self, error: ValidationError) -> None:
        self.error.show_text("\n".join(self._message(e) for e in error.errors))

    def add_entry(self) -> None:
        values = {
            field: widget.currentData() if isinstance(widget, QComboBox) else widget.text()
            for field, widget in self.inputs.items()
        }
        try:
            added = self._add(values)
        except StorageError as error:
            self.error.show_text(errors.storage(error, typing_kept=True))
            return
        except ValidationError as error:
            self._refused(error)
            wrong = next(
                (self.inputs[e.field] for e in error.errors if e.field in self.inputs), None
            )
            if wrong is not None:
                wrong.setFocus()
            return
        self.error.show_text("")
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.clear()
        self.reload(select=added)
        next(iter(self.inputs.values())).setFocus()
        self.changed.emit()

    def _edited(self, item: QTableWidgetItem) -> None:
        row, entry_id = item.row(), int(item.data(ID_ROLE))
        values = {}
        for number, column in enumerate(self.columns):
            cell = self._cell(row, number)
            values[column.field] = cell.data(KEY_ROLE) if column.choices else cell.text()
        try:
            self._update(entry_id, values)
        except ValidationError as error:
            self._refused(error)
        except StorageError as error:
            self.error.show_text(errors.storage(error))
        else:
            self.error.show_text("")
            self.changed.emit()
        # Show what is stored (trimmed, or the old value if refused). The items are updated
        # in place: clearing the table here would delete the item its editor is committing.
        stored = next((e for e in self._load() if e.id == entry_id), None)
        if stored is not None:
            blocked = self.table.blockSignals(True)
            self._show(row, stored, self._choice_labels())
            self.table.blockSignals(blocked)
