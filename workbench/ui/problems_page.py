"""The Problems page: a filter bar, the SQL-backed list, and the detail panel beside it.

It refreshes from change notices, whoever wrote: the rows when problems or the lists
they show (modules, sites, departments, people) changed, the filters and forms when
those lists changed, the detail when its problem or chain changed. The selection and
the scroll position survive a refresh.

At start-up the page is first built from the list's first page alone
(``ProblemsPage.preview``): the list with its rows, and the filter bar not yet in use.
``attach(services)`` then builds the rest (the detail panel, the filters' lists) once the
database is open.
"""

from __future__ import annotations

import contextlib
import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.list_views import ListView, ListViews
from workbench.services.records import ProblemFilter, ProblemSort
from workbench.ui.controls import select_row
from workbench.ui.filter_bar import FilterBar
from workbench.ui.list_header import ListHeader
from workbench.ui.lookup_lists import LOOKUP_KINDS, LookupLists
from workbench.ui.pages import Registered
from workbench.ui.panes import HideFirstButton, Panes
from workbench.ui.problem_table import COLUMN_KEYS, ProblemTableModel, column_widths

if TYPE_CHECKING:  # the services and the detail panel are loaded once the database is open
    from workbench.services import Services
    from workbench.services.changes import ChangeSet
    from workbench.services.first_page import FirstPage
    from workbench.ui.detail.panel import ProblemDetailPanel
    from workbench.ui.problems_keys import ProblemsKeys

VIEW_NAME = "problems"  # the list's entry in lists.json


def remembered(view: ListView) -> tuple[ProblemFilter, ProblemSort]:
    """The filter and sort ``view`` keeps; "not closed", newest first on a new start."""
    flt = ProblemFilter.not_closed()
    if view.filter is not None:
        with contextlib.suppress(ValueError, TypeError):
            flt = ProblemFilter.from_json(view.filter)
    sort = ProblemSort()
    if view.sort_column in COLUMN_KEYS:
        sort = ProblemSort(view.sort_column, view.sort_descending)
    return flt, sort


class ProblemsPage(Registered, QWidget):
    """Find problems (search, statuses, lookups, tags, overdue, mine) and work on the
    selected one. The columns, their widths, the sort and the filters are kept per user
    (workbench.list_views) and come back on the next start."""

    recordRequested = Signal(str, int)  # kind, id: open it on the page that shows it

    def __init__(
        self,
        services: Services | None,
        parent: QWidget | None = None,
        model: ProblemTableModel | None = None,
    ) -> None:
        super().__init__(parent)
        self._services: Services | None = None
        self._detail: ProblemDetailPanel | None = None
        self._keys: ProblemsKeys | None = None  # the window's editing keys, once attached
        self._shown: int | None = None
        self._reveal: int | None = None  # a problem just created here: scroll to it
        self.views = ListViews()
        self._view = self.views.load(VIEW_NAME)
        self._wanted = remembered(self._view)
        if model is None:
            model = ProblemTableModel(services, self, *self._wanted)
        else:
            model.setParent(self)
        self.model = model

        self.filters = FilterBar(self)
        self.filters.set_filter(self._wanted[0])
        self.search = self.filters.search
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("New problem"), self)
        self.new_button.setDefault(False)

        self.table = QTableView(self)
        self.header = ListHeader(COLUMN_KEYS, self.table)
        self.table.setHorizontalHeader(self.header)
        # Where the detail panel goes once the database is open: its empty state, as it
        # looks until a problem is selected.
        self._placeholder = QLabel(
            QCoreApplication.translate("ProblemDetailPanel", "Select a problem")
        )
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setStyleSheet("color: #78909c; font-size: 15px;")
        self._setup_table()
        self._layout()
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._show_count()
        self._controls = (self.filters, self.new_button)
        if services is not None:
            self.attach(services)
        else:
            for control in self._controls:
                control.setEnabled(False)

    @classmethod
    def preview(cls, first_page: FirstPage, parent: QWidget | None = None) -> ProblemsPage:
        """The page showing ``first_page`` before the database is open; ``attach`` it to
        the services when it is."""
        return cls(None, parent, ProblemTableModel.preview(first_page))

    @property
    def attached(self) -> bool:
        return self._services is not None

    @property
    def detail(self) -> ProblemDetailPanel:
        if self._detail is None:
            raise RuntimeError("the database is not open yet")
        return self._detail

    def attach(self, services: Services) -> None:
        """The database is open: build what needs it (the detail panel, the filters' lists),
        read the rows through the services, and open a problem selected meanwhile."""
        from workbench.ui.detail.panel import ProblemDetailPanel
        from workbench.ui.problems_keys import ProblemsKeys

        if self._services is not None:
            raise RuntimeError("the page already has its services")
        lists = LookupLists.read(services.lookups)
        detail = ProblemDetailPanel(services, self, lists)
        self._services, self._detail = services, detail
        self._keys = ProblemsKeys(self, detail)
        self.splitter.replaceWidget(1, detail)
        self._placeholder.deleteLater()
        detail.body.restore(self._view.splits.get("record", ()))
        detail.header.add_leading(self.list_button)
        self.list_button.show()
        self._fill_filters(lists)
        self.filters.set_filter(self._wanted[0])  # the lookups' ticks, now they are listed
        # What the bar shows: a remembered value no longer listed (a person removed) is gone.
        flt, sort = self.filters.current_filter(), self._wanted[1]
        if not self.model.attached:
            self.model.attach(services)
            if sort != self.model.problem_sort:
                self.model.sort(COLUMN_KEYS.index(sort.column), _order(sort))
        if flt != self.model.problem_filter:
            self.model.set_filter(flt)
        self._connect()
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.setSortingEnabled(True)
        for control in self._controls:
            control.setEnabled(True)
        self._show_count()
        if self._shown is not None:  # selected while the page was a preview
            self._reselect(self._shown)
            detail.show_problem(self._shown)

    # ---- building ----------------------------------------------------------------------
    def _setup_table(self) -> None:
        self.table.setModel(self.model)
        sort = self._wanted[1]
        self.header.set_up(self.table, self._view, column_widths(self.table.fontMetrics()))
        self.header.setSortIndicator(COLUMN_KEYS.index(sort.column), _order(sort))

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.filters, 1)
        bar.addWidget(self.count_label)
        bar.addSpacing(12)
        bar.addWidget(self.new_button)

        # The record gets the larger share: the list still shows code, title and status.
        self.splitter = Panes("list_splitter", (2, 3), self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self._placeholder)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.restore(self._view.splits.get("list", ()))
        self.list_button = HideFirstButton(self.splitter, self)
        self.list_button.hide()  # shown at the head of the record once it is attached

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.filters.changed.connect(self.apply_filter)
        self.new_button.clicked.connect(self._new_problem)
        self.header.sortIndicatorChanged.connect(self._sorted)
        self.header.layoutEdited.connect(self.keep_view)
        self.splitter.resized.connect(self.keep_view)
        self.detail.body.resized.connect(self.keep_view)
        self.model.modelReset.connect(self._show_count)
        self.model.countChanged.connect(self._show_count)
        self.detail.problemChanged.connect(self._problem_saved)
        self.detail.problemCreated.connect(self._problem_created)
        self.detail.problemDeleted.connect(self._problem_deleted)
        self.detail.openRequested.connect(self.select_problem)
        self.detail.recordRequested.connect(self.recordRequested)

    def _fill_filters(self, lists: LookupLists) -> None:
        self.filters.fill(lists)

    # ---- the Page protocol -------------------------------------------------------------
    page_key = "problems"  # its title() and icon() come from the registry (Registered)

    @property
    def undo_stack(self) -> QUndoStack:
        return self.detail.undo_stack

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "problem":
            return False
        self.select_problem(record_id)  # outside the list's filter it is shown all the same
        return self._shown == record_id

    @property
    def editing(self) -> ProblemsKeys | None:
        """The window's editing keys and Save/Discard/Stay for this page, once attached."""
        return self._keys

    def changed(self, change: ChangeSet) -> None:
        if self._services is None:
            return  # attach reads everything afresh
        if change.touches(*LOOKUP_KINDS):
            lists = LookupLists.read(self._services.lookups)
            self._fill_filters(lists)
            self.detail.set_lookups(lists)
        self.detail.changed(change)
        if change.touches("problem", *LOOKUP_KINDS):
            self._refresh_rows()

    def _refresh_rows(self) -> None:
        """Read the rows again; keep the selected problem selected and the list where the
        user scrolled it (a problem just created here is scrolled to instead)."""
        bar = self.table.verticalScrollBar()
        top = bar.value()
        self.model.refresh()
        self._show_count()
        if self._shown is not None:
            self._reselect(self._shown)
        if self._reveal is not None and self._reveal == self._shown:
            row = self.model.row_of(self._reveal)
            if row is not None:
                self.table.scrollTo(self.model.index(row, 0))
        else:
            bar.setValue(top)
        self._reveal = None

    # ---- what the user does ------------------------------------------------------------

    def current_filter(self) -> ProblemFilter:
        return self.filters.current_filter()

    def apply_filter(self) -> None:
        wanted = self.current_filter()
        if wanted != self.model.problem_filter:
            self.model.set_filter(wanted)
            self.keep_view()

    def keep_view(self) -> None:
        """Note the columns, widths, sort and filter in the user's lists.json."""
        sort, flt = self.model.problem_sort, self.model.problem_filter
        view = self.header.view(sort.column, sort.descending, flt.to_json())
        splits = {"list": tuple(self.splitter.sizes())}
        if self._detail is not None:
            splits["record"] = tuple(self._detail.body.sizes())
        view = dataclasses.replace(view, splits=splits)
        # A read-only config folder: the list works, it is just not remembered.
        with contextlib.suppress(OSError):
            self.views.save(VIEW_NAME, view)

    def select_problem(self, problem_id: int) -> bool:
        """Select ``problem_id`` in the list (wherever it is in it) and open it."""
        if problem_id != self._shown and self._keys is not None and not self._keys.may_leave():
            return False  # Stay: the problem being edited stays open
        row = self.model.row_of(problem_id)
        if row is None:
            self.table.clearSelection()
            self._show(problem_id)
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)
        if self._shown != problem_id:
            self._show(problem_id)
        return True

    @property
    def shown_problem_id(self) -> int | None:
        """The problem open in the detail panel, None for none or a new one."""
        return self._shown

    def _show(self, problem_id: int | None) -> None:
        self._shown = problem_id
        if self._detail is not None:  # else attach shows it
            self._detail.show_problem(problem_id)

    def _current_changed(
        self, current: QModelIndex, _previous: QModelIndex | QPersistentModelIndex
    ) -> None:
        if not current.isValid():
            return
        problem_id = self.model.problem_id(current.row())
        if problem_id is not None and problem_id != self._shown:
            if self._keys is not None and not self._keys.may_leave():
                return  # Stay: the selection goes back to the problem being edited
            self._show(problem_id)

    def _new_problem(self) -> None:
        if self._keys is not None and not self._keys.may_leave():
            return
        self.table.selectionModel().clearCurrentIndex()
        self.table.clearSelection()
        self._shown = None
        self.detail.new_problem()

    # The rows follow from the change notice of the write; here only what is selected.
    def _problem_saved(self, problem_id: int) -> None:
        self._shown = problem_id

    def _problem_created(self, problem_id: int) -> None:
        self._shown = self._reveal = problem_id

    def _problem_deleted(self, _problem_id: int) -> None:
        self._shown = None
        self.table.clearSelection()

    def _reselect(self, problem_id: int) -> None:
        current = self.table.currentIndex()
        if current.isValid() and self.model.problem_id(current.row()) == problem_id:
            return
        row = self.model.row_of(problem_id)
        if row is None:
            self.table.clearSelection()
            return
        select_row(self.table, row)

    def _sorted(self, _column: int, _order: Qt.SortOrder) -> None:
        """Every column sorts (in SQL); the selected problem stays selected."""
        if self._shown is not None:
            self._reselect(self._shown)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        number = QLocale().toString(count)
        if not self.model.count_exact:
            self.count_label.setText(self.tr("%1+ problems, counting…").replace("%1", number))
        elif count == 1:
            self.count_label.setText(self.tr("1 problem"))
        else:
            self.count_label.setText(self.tr("%1 problems").replace("%1", number))


def _order(sort: ProblemSort) -> Qt.SortOrder:
    return Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder
