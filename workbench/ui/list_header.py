"""A list's column header: the sort arrow the right way up, a column chooser, and the
layout (columns shown, order, widths, sort) read from and kept in a ``ListView``.

Qt's header asks the style for a "sort down" arrow on an ascending column, and Fusion
(the style offscreen and on most Linux desktops) draws that as ▼. Under Fusion the
indicator is turned round so that ▲ is ascending and ▼ descending, as in Explorer and
Excel, and the default order (newest code first) shows ▼; the Windows styles already
draw it that way.

Right-clicking the header opens the column chooser: a tick per column; the last shown
column cannot be hidden.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHeaderView,
    QMenu,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

from workbench.list_views import ListView
from workbench.ui.controls import record_table

SAVE_DELAY_MS = 400
# Styles that draw Qt's ascending indicator as a downward arrow.
TURNED_STYLES = ("fusion",)
_Sort = QStyleOptionHeader.SortIndicator


class ListHeader(QHeaderView):
    """A horizontal header over columns named ``keys``, with ``texts`` for the chooser.

    ``layoutEdited`` says the user changed what a ``ListView`` keeps (a column shown or
    hidden, moved or resized, a sort), a moment after the last change of a drag.
    """

    layoutEdited = Signal()

    def __init__(self, keys: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.keys = tuple(keys)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(SAVE_DELAY_MS)
        self._later.timeout.connect(self.layoutEdited)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._choose_columns)
        self.setSectionsMovable(True)
        self.sectionResized.connect(self._edited)
        self.sectionMoved.connect(self._edited)
        self.sortIndicatorChanged.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        self._later.start()

    # ---- the arrow ---------------------------------------------------------------------
    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:
        super().initStyleOptionForIndex(option, logicalIndex)
        if self.style().name().lower() in TURNED_STYLES:
            option.sortIndicator = arrow(option.sortIndicator)

    # ---- the column chooser ------------------------------------------------------------
    def chooser(self) -> QMenu:
        """The menu of columns to show, each ticked when shown."""
        menu = QMenu(self)
        menu.setTitle(self.tr("Columns"))
        model = self.model()
        shown = self.count() - self.hiddenSectionCount()
        for section, _key in enumerate(self.keys):
            text = model.headerData(section, Qt.Orientation.Horizontal) if model else _key
            action = QAction(str(text), menu)
            action.setCheckable(True)
            action.setChecked(not self.isSectionHidden(section))
            # The last column shown stays: a list with no columns shows nothing to click.
            action.setEnabled(self.isSectionHidden(section) or shown > 1)
            action.toggled.connect(lambda on, s=section: self.show_column(s, on))
            menu.addAction(action)
        return menu

    def _choose_columns(self, position: QPoint) -> None:
        self.chooser().popup(self.mapToGlobal(position))

    def show_column(self, section: int, shown: bool) -> None:
        if not shown and self.count() - self.hiddenSectionCount() <= 1:
            return
        self.setSectionHidden(section, not shown)
        self.layoutEdited.emit()

    # ---- the view ----------------------------------------------------------------------
    def set_up(self, table: QTableView, view: ListView, default_widths: Sequence[int]) -> None:
        """Make ``table`` (whose header this is) a list of records: whole rows selected
        one at a time, no editing in place, one line per row, the columns of ``view``.
        Sorting is switched on once the list reads through the services (it sorts in SQL)."""
        record_table(table)
        table.setShowGrid(False)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        self.setHighlightSections(False)
        self.apply(view, default_widths)
        self.setSortIndicatorShown(True)
        self.setSectionsClickable(False)

    def apply(self, view: ListView, default_widths: Sequence[int]) -> None:
        """Show the columns, order and widths of ``view`` (unknown names are skipped)."""
        self.blockSignals(True)
        try:
            for section, width in enumerate(default_widths):
                wanted = view.widths.get(self.keys[section], width)
                self.resizeSection(section, max(20, min(int(wanted), 2000)))
            shown = [key for key in view.columns if key in self.keys]
            if shown:
                for visual, key in enumerate(shown):
                    self.moveSection(self.visualIndex(self.keys.index(key)), visual)
                for section, key in enumerate(self.keys):
                    self.setSectionHidden(section, key not in shown)
        finally:
            self.blockSignals(False)

    def view(self, sort_column: str, descending: bool, flt: dict[str, object]) -> ListView:
        """The layout now shown, with the list's sort and filter."""
        order = sorted(range(self.count()), key=self.visualIndex)
        return ListView(
            columns=tuple(self.keys[s] for s in order if not self.isSectionHidden(s)),
            widths={
                self.keys[s]: self.sectionSize(s)
                for s in range(self.count())
                if not self.isSectionHidden(s)
            },
            sort_column=sort_column,
            sort_descending=descending,
            filter=flt,
        )


def arrow(indicator: _Sort) -> _Sort:
    """Qt's indicator for an order turned the conventional way up (see the module)."""
    if indicator == _Sort.SortUp:
        return _Sort.SortDown
    if indicator == _Sort.SortDown:
        return _Sort.SortUp
    return indicator
