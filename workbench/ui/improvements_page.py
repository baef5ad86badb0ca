"""The Improvements page: one quarter's improvement list (季度优化清单), ranked, beside the
editor of the item selected.

The list is ranked by the service: frequency × impact of the items' problems, unless the
manager placed an item by hand (Move up / Move down; "Proposed order" forgets the hand
placing). Carry over copies the quarter's unfinished items into the next one; Freeze
fixes a committed list, after which each edit is still allowed and listed under it;
Compare shows the quarters side by side. Every change is a step of the page's undo.
Those commands of the list as a whole are in workbench.ui.improvement_actions; this
module shows the quarter's list and edits its items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.services import ChangeSet, Services
from workbench.services import quarters as quarter_rules
from workbench.services.errors import ConflictError
from workbench.services.improvement_records import QuarterHead
from workbench.ui import errors
from workbench.ui.controls import (
    ErrorText,
    push_button,
    record_table,
    rows_dragged_within,
    select_row,
)
from workbench.ui.detail.undo import conflict_text
from workbench.ui.forms_editing import FormsEditing
from workbench.ui.improvement_actions import ListActions
from workbench.ui.improvement_form import ImprovementForm
from workbench.ui.improvement_table import ImprovementTableModel
from workbench.ui.lookup_lists import LOOKUP_KINDS, LookupLists
from workbench.ui.pages import Registered
from workbench.ui.panes import Panes
from workbench.ui.recorded_step import RecordedStep, perform

TABLES = ("improvement_item", "improvement_item_problem", "quarter_list")


class ImprovementsPage(Registered, QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("improvements_page")
        self._services = services
        self._undo = QUndoStack(self)
        self.quarter = QComboBox()
        self.quarter.setObjectName("quarter")
        self.new_button = push_button("new_item", self.tr("New item"), self.new_item)
        self.list_actions = ListActions(self)
        self.message = ErrorText()
        self.model = ImprovementTableModel(self)
        self.table = QTableView()
        self.form = ImprovementForm(services)
        self.form.show_blank("")  # nothing typed yet: an empty form is not unsaved work
        self._layout()
        self.form.saveRequested.connect(self.save)
        self.quarter.currentIndexChanged.connect(lambda _i: self._quarter_chosen())
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        # After the drop is over: the move reads the list again.
        self.model.moveRequested.connect(
            self.list_actions.move_to, Qt.ConnectionType.QueuedConnection
        )
        self.form.set_lookups(LookupLists.read(services.lookups))
        # Ctrl+N, Ctrl+S, Esc; Save / Discard / Stay before the item's typing is left.
        self.editing = FormsEditing(self, [self.form], self.new_item, self._describe_item)
        self._shown_quarter = ""
        self._fill_quarters()

    def _layout(self) -> None:
        table = self.table
        table.setModel(self.model)
        record_table(table)
        table.horizontalHeader().setStretchLastSection(True)
        rows_dragged_within(table)  # drag an item to its place: as Move up / Move down
        # Columns fit about a screen of rows, not a long quarter (fitting reads each row).
        table.horizontalHeader().setResizeContentsPrecision(20)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Quarter")))
        top.addWidget(self.quarter)
        actions = self.list_actions
        top.addWidget(actions.frozen)
        top.addWidget(actions.changes_button)
        top.addStretch(1)
        for button in (actions.carry_button, actions.freeze_button, actions.compare_button):
            top.addWidget(button)
        top.addSpacing(12)
        top.addWidget(self.new_button)
        order = QHBoxLayout()
        for button in (actions.up_button, actions.down_button, actions.proposed_button):
            order.addWidget(button)
        order.addStretch(1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(order)
        column.addWidget(table, 1)
        self.panes = Panes("improvement_splitter", (3, 2))
        self.panes.addWidget(left)
        self.panes.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.panes, 1)

    @property
    def services(self) -> Services:
        return self._services

    # ---- the Page protocol -------------------------------------------------------------
    page_key = "improvements"  # its title() and icon() come from the registry (Registered)

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "improvement_item":
            return False
        item = self._services.improvements.get(record_id)
        self.show_quarter(item.quarter)
        return self.select_item(record_id)

    def open_quarter(self, quarter: str) -> None:
        """Show ``quarter``'s list (e.g. 2026Q3), offered even if it has no items yet."""
        wanted = str(quarter_rules.parse(quarter))
        if self.quarter.findText(wanted) < 0:
            self.quarter.addItem(wanted)
        self.show_quarter(wanted)

    def changed(self, change: ChangeSet) -> None:
        if change.touches(*LOOKUP_KINDS):
            self.form.set_lookups(LookupLists.read(self._services.lookups))
        if change.touches(*TABLES, "problem"):
            self.reload(keep_form=True)

    # ---- showing -----------------------------------------------------------------------
    def _fill_quarters(self) -> None:
        offered = quarter_rules.offered(self._services.improvements.quarters(), dt.date.today())
        now = str(quarter_rules.Quarter.of(dt.date.today()))
        blocked = self.quarter.blockSignals(True)
        self.quarter.clear()
        self.quarter.addItems(offered)
        self.quarter.setCurrentText(now)
        self.quarter.blockSignals(blocked)
        self.show_quarter()

    def _quarter_chosen(self) -> None:
        """Another quarter in the box: asked first when the form has typing (Stay puts
        the box back)."""
        if self.editing.may_leave_choice(self.quarter, self.quarter.findText(self._shown_quarter)):
            self.show_quarter()

    def current_quarter(self) -> str:
        return self.quarter.currentText()

    def show_quarter(self, quarter: str | None = None) -> None:
        if quarter is not None and quarter != self.current_quarter():
            blocked = self.quarter.blockSignals(True)
            self.quarter.setCurrentText(quarter)
            self.quarter.blockSignals(blocked)
        self._undo.clear()  # the steps belong to the list shown
        self._shown_quarter = self.current_quarter()
        self.reload()
        self._select_row(0)

    def reload(self, keep_form: bool = False) -> None:
        selected = self.selected_id()
        self._show_head(self._services.improvements.head(self.current_quarter()))
        if selected is not None and self.model.row_of(selected) is not None:
            self.select_item(selected, reload_form=not (keep_form and self.form.changes()))
        elif self.model.rowCount() == 0:
            self.form.show_blank(self.current_quarter())

    def _show_head(self, head: QuarterHead) -> None:
        service, quarter = self._services.improvements, head.quarter
        self.model.show(
            head,
            lambda first, count: service.page(quarter, first, count),
            lambda item_id: service.position(quarter, item_id),
        )
        self.table.resizeColumnsToContents()
        for column, widest in ((2, 260), (6, 220)):  # title, target: full text in tooltips
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.list_actions.show_head(head)
        self._update_order_buttons()

    def selected_id(self) -> int | None:
        row = self.model.row(self.table.currentIndex().row())
        return row.id if row is not None else None

    def select_item(self, item_id: int, reload_form: bool = True) -> bool:
        """Select ``item_id`` and show it in the form (unless ``reload_form`` is False:
        the form keeps what is typed in it)."""
        number = self.model.row_of(item_id)
        if number is None:
            return False
        selection = self.table.selectionModel()
        blocked = selection.blockSignals(True)
        self._select_row(number)
        selection.blockSignals(blocked)
        if reload_form:
            self.form.show_item(self._services.improvements.get(item_id))
        self._update_order_buttons()
        return True

    def _select_row(self, number: int) -> None:
        if not select_row(self.table, number):
            self._update_order_buttons()

    def _selected(
        self, current: QModelIndex, _previous: QModelIndex | QPersistentModelIndex
    ) -> None:
        row = self.model.row(current.row())
        shown = self.form.item
        if row is not None and (shown is None or shown.id != row.id):
            back = lambda: self.model.row_of(shown.id) if shown else None  # noqa: E731
            if not self.editing.may_leave_row(self.table, back):
                return
            self.form.show_item(self._services.improvements.get(row.id))
        self._update_order_buttons()

    def _update_order_buttons(self) -> None:
        self.list_actions.enable(self.table.currentIndex().row(), self.model.rowCount())

    # ---- changes, each an undoable step ------------------------------------------------
    def step(self, text: str, action: Callable[[], Any]) -> RecordedStep | None:
        """Run ``action`` as one step of the page's undo; a refusal is said above the list."""
        step = RecordedStep(
            self._services,
            text,
            action,
            lambda: self._services.improvements.head(self.current_quarter()),
            lambda _head: self._after_step(),
            self._refused,
        )
        if not perform(step, self._undo, self._refused):
            return None
        self.message.show_text("")
        return step

    def _after_step(self) -> None:
        """An undo or redo is done: the list (and the item shown) as saved now."""
        self.message.show_text("")
        self.reload()

    def _refused(self, error: Exception) -> None:
        text = conflict_text(error) if isinstance(error, ConflictError) else errors.describe(error)
        self.message.show_text(text)

    def save(self) -> None:
        form = self.form
        values = form.item_values()
        service = self._services.improvements
        if form.item is None:
            step = self.step(
                self.tr("Add item %1").replace("%1", values.get("title", "")),
                lambda: service.create(values),
            )
            created = step.created("improvement_item") if step else None
            if created is not None:
                self.reload()
                self.select_item(created)
            return
        item = form.item
        changes = {k: v for k, v in form.changes().items() if k != "problems"}
        wanted, had = set(values["problem_ids"]), {p.id for p in item.problems}

        def write() -> None:
            if changes:
                service.update(item.id, changes, item.version)
            for problem_id in sorted(wanted - had):
                service.link(item.id, problem_id)
            for problem_id in sorted(had - wanted):
                service.unlink(item.id, problem_id)

        if self.step(self.tr("Edit %1").replace("%1", item.code), write) is not None:
            self.reload()
            self.select_item(item.id)

    def _describe_item(self) -> str:
        item = self.form.item
        if item is None:
            return QCoreApplication.translate("ImprovementsPage", "The new item")
        return f"{item.code} “{item.title}”"

    def new_item(self) -> None:
        if self.form.changes() and not self.editing.guard.may_leave():
            return
        self.table.clearSelection()
        self.form.show_blank(self.current_quarter())
        self.form.form.widget("title").setFocus()
