"""The Training page (培训记录): the sessions of a year beside the editor of the one
selected and its attendance, and the views a manager asks for: coverage per department
and module as a heat map, who was never trained on a module they work in, what one
person was trained on, sessions per month.

Every change (a session saved, added or deleted, a person added or removed, a score) is
one step of the page's undo. The views are read when their tab is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.services import ChangeSet, Services
from workbench.services.errors import ConflictError
from workbench.ui import errors
from workbench.ui.controls import ErrorText, push_button, record_table, select_row
from workbench.ui.detail.undo import conflict_text
from workbench.ui.lookup_lists import LOOKUP_KINDS, LookupLists
from workbench.ui.pages import Registered
from workbench.ui.panes import Panes
from workbench.ui.recorded_step import RecordedStep, perform
from workbench.ui.training_attendance import AttendancePanel
from workbench.ui.training_editing import TrainingEditing
from workbench.ui.training_form import PROBLEMS, TrainingForm
from workbench.ui.training_table import SessionTableModel
from workbench.ui.training_views import CoverageView, NeverTrainedView, PerMonthView, PersonView

SESSION = "training_session"
TABLES = (SESSION, "attendance", "training_link", "problem", "solution")


class TrainingPage(Registered, QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_page")
        self._services = services
        self._undo = QUndoStack(self)
        self.year = QComboBox()
        self.year.setObjectName("year")
        self.new_button = push_button("new_session", self.tr("New session"), self.new_session)
        self.delete_button = push_button("delete_session", self.tr("Delete"), self.delete_session)
        self.message = ErrorText()
        self.model = SessionTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("sessions")
        self.form = TrainingForm(services)
        self.attendance = AttendancePanel()
        self.coverage = CoverageView()
        self.never = NeverTrainedView()
        self.person = PersonView()
        self.months = PerMonthView()
        self.tabs = QTabWidget()
        self._stale: set[int] = set()
        self._layout()
        self.form.saveRequested.connect(self.save)
        self.attendance.addRequested.connect(self.add_attendee)
        self.attendance.removeRequested.connect(self.remove_attendee)
        self.attendance.scoreRequested.connect(self.set_score)
        self.person.leftRequested.connect(self.mark_left)
        self.never.leftRequested.connect(self.mark_left)
        self.form.solutionLinkRequested.connect(self.link_solution)
        self.form.solutionUnlinkRequested.connect(self.unlink_solution)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.year.currentIndexChanged.connect(lambda _i: self._year_chosen())
        self.tabs.currentChanged.connect(lambda _i: self._refresh_view())
        self._read_lookups()
        self.editing = TrainingEditing(self)  # Ctrl+N, Ctrl+S, Esc, Delete; Save/Discard/Stay
        self._shown_year = self.year.currentIndex()
        self.form.show_blank()  # something loaded: nothing typed yet to ask about
        self._fill_years()

    def _layout(self) -> None:
        table = self.table
        table.setModel(self.model)
        record_table(table)
        table.horizontalHeader().setStretchLastSection(True)
        # Columns sized to about a screen of rows, not to a year of 2,000 sessions.
        table.horizontalHeader().setResizeContentsPrecision(20)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.delete_button)
        top.addWidget(self.new_button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(table, 1)
        self.panes = Panes("training_splitter", (4, 3, 3))
        for pane in (left, self.form, self.attendance):
            self.panes.addWidget(pane)
        sessions = QWidget()
        box = QVBoxLayout(sessions)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.panes)
        self.tabs.addTab(sessions, self.tr("Sessions"))
        self.tabs.addTab(self.coverage, self.tr("Coverage"))
        self.tabs.addTab(self.never, self.tr("Never trained"))
        self.tabs.addTab(self.person, self.tr("By person"))
        self.tabs.addTab(self.months, self.tr("Sessions per month"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

    # ---- the Page protocol -------------------------------------------------------------
    page_key = "training"  # its title() and icon() come from the registry (Registered)

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != SESSION:
            return False
        record = self._services.training.get(record_id)
        self.tabs.setCurrentIndex(0)
        self._show_year(record.held_on.year)
        return self.select_session(record_id)

    def changed(self, change: ChangeSet) -> None:
        if change.touches(*LOOKUP_KINDS):
            self._read_lookups()
        if change.touches(*TABLES, *LOOKUP_KINDS):
            self._stale = set(range(1, self.tabs.count()))
            self._reload(keep_form=True)
            self._refresh_view()

    # ---- showing -----------------------------------------------------------------------
    def _read_lookups(self) -> None:
        self.form.set_lookups(LookupLists.read(self._services.lookups))
        self.attendance.set_people(self._services.training.people())

    def _fill_years(self) -> None:
        years = self._services.training.years()
        blocked = self.year.blockSignals(True)
        self.year.clear()
        for year in reversed(years or (self._services.training.today().year,)):
            self.year.addItem(str(year), year)
        self.year.addItem(self.tr("All years"), None)
        self.year.setCurrentIndex(0)
        self.year.blockSignals(blocked)
        self._show_list()
        self._stale = set(range(1, self.tabs.count()))

    def _show_year(self, year: int) -> None:
        index = self.year.findData(year)
        if index < 0:
            self._fill_years()
            index = max(self.year.findData(year), 0)
        if index != self.year.currentIndex():
            blocked = self.year.blockSignals(True)
            self.year.setCurrentIndex(index)
            self.year.blockSignals(blocked)
            self._show_list()

    def _year_chosen(self) -> None:
        if self.editing.may_leave_choice(self.year, self._shown_year):
            self._show_list()

    def _show_list(self, keep_steps: bool = False) -> None:
        """The year's list from its top; the undo steps are of the list shown, so they go
        unless the list is shown again after one of them (``keep_steps``: clearing the
        stack in the middle of an undo would delete the step being undone)."""
        if not keep_steps:
            self._undo.clear()
        self._shown_year = self.year.currentIndex()
        self._reload()
        self._select_row(0)
        if self.model.rowCount() == 0:
            self.form.show_blank()
            self.attendance.show_session(None)

    def _reload(self, keep_form: bool = False) -> None:
        selected = self.selected_id()
        service, year = self._services.training, self.year.currentData()
        self.model.show_paged(
            service.session_count(year),
            lambda first, count: service.session_page(year, first, count),
            lambda session_id: service.session_position(year, session_id),
        )
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 240))  # the topic
        if selected is not None and self.model.row_of(selected) is not None:
            self.select_session(selected, reload_form=not (keep_form and self.form.changes()))
        self.delete_button.setEnabled(self.selected_id() is not None)

    def _views_stale(self) -> None:
        self.attendance.set_people(self._services.training.people())
        self._stale = set(range(1, self.tabs.count()))
        self._refresh_view()

    def _refresh_view(self) -> None:
        index = self.tabs.currentIndex()
        if index in self._stale:
            self._stale.discard(index)
            view = self.tabs.widget(index)
            if isinstance(view, CoverageView | NeverTrainedView | PersonView | PerMonthView):
                view.refresh(self._services)

    def selected_id(self) -> int | None:
        row = self.model.row(self.table.currentIndex().row())
        return row.id if row is not None else None

    def select_session(self, session_id: int, reload_form: bool = True) -> bool:
        number = self.model.row_of(session_id)
        if number is None:
            return False
        selection = self.table.selectionModel()
        blocked = selection.blockSignals(True)
        self._select_row(number)
        selection.blockSignals(blocked)
        record = self._services.training.get(session_id)
        if reload_form:
            self.form.show_session(record)
        else:  # the typing stays; the solutions linked at once follow what is saved
            self.form.show_solutions(record)
        self.attendance.show_session(record)
        self.delete_button.setEnabled(True)
        return True

    def _select_row(self, number: int) -> None:
        select_row(self.table, number)

    def _selected(
        self, current: QModelIndex, _previous: QModelIndex | QPersistentModelIndex
    ) -> None:
        row = self.model.row(current.row())
        shown = self.form.session
        if row is not None and (shown is None or shown.id != row.id):
            back = lambda: self.model.row_of(shown.id) if shown else None  # noqa: E731
            if self.editing.may_leave_row(self.table, back):
                self.select_session(row.id)

    # ---- changes, each an undoable step ------------------------------------------------
    def _step(self, text: str, action: Callable[[], Any]) -> RecordedStep | None:
        """Run ``action`` as one step of the page's undo; a refusal is said above the tabs."""
        step = RecordedStep(
            self._services,
            text,
            action,
            lambda: self._services.training.session_count(self.year.currentData()),
            lambda _rows: self._after_step(),
            self._refused,
        )
        if not perform(step, self._undo, self._refused):
            return None
        self.message.show_text("")
        return step

    def _after_step(self) -> None:
        """An undo or redo is done: the list (and the session shown) as saved now, and
        the views read again when shown."""
        self.message.show_text("")
        self._views_stale()
        self._reload()
        if self.form.session is not None and self.selected_id() != self.form.session.id:
            self._show_list(keep_steps=True)  # the session shown is gone (an add undone)

    def _refused(self, error: Exception) -> None:
        text = conflict_text(error) if isinstance(error, ConflictError) else errors.describe(error)
        self.message.show_text(text)

    def save(self) -> None:
        values, wanted = self.form.session_values()
        service = self._services.training
        record = self.form.session
        if record is None:

            def create() -> None:
                made = service.create(values)
                for problem_id in wanted:
                    service.link(made.id, problem_id=problem_id)

            step = self._step(self.tr("Add session %1").replace("%1", values["topic"]), create)
            created = step.created(SESSION) if step else None
            if created is not None:
                self._show_year(service.get(created).held_on.year)
                self._reload()
                self.select_session(created)
            return
        changes = {k: v for k, v in self.form.changes().items() if k != PROBLEMS}
        had = self.form.problem_ids()
        links = {link.problem_id: link.id for link in record.links if link.problem_id}

        def write() -> None:
            if changes:
                service.update(record.id, changes, record.version)
            for problem_id in sorted(set(wanted) - had):
                service.link(record.id, problem_id=problem_id)
            for problem_id in sorted(had - set(wanted)):
                service.unlink(record.id, links[problem_id])

        if self._step(self.tr("Edit %1").replace("%1", record.code), write) is not None:
            self._reload()
            self.select_session(record.id)

    def new_session(self) -> None:
        if self.form.changes() and not self.editing.guard.may_leave():
            return
        self.table.clearSelection()
        self.form.show_blank()
        self.attendance.show_session(None)
        self.form.form.widget("topic").setFocus()

    def delete_session(self) -> None:
        session_id = self.selected_id()
        if session_id is None:
            return
        code = self.model.row(self.table.currentIndex().row()).code
        service = self._services.training
        step = self._step(
            self.tr("Delete %1").replace("%1", code), lambda: service.delete(session_id)
        )
        if step is not None:
            self._show_list(keep_steps=True)  # Ctrl+Z brings it back

    def _attendance_step(self, text: str, action: Callable[[int], Any]) -> None:
        record = self.form.session
        if record is None:
            return
        if self._step(text.replace("%1", record.code), lambda: action(record.id)) is not None:
            self._reload(keep_form=True)
            self.select_session(record.id, reload_form=not self.form.changes())

    def add_attendee(self, person_id: int) -> None:
        service = self._services.training
        self._attendance_step(
            self.tr("Add attendee to %1"), lambda sid: service.add_attendee(sid, person_id)
        )
        self.attendance.select_person(person_id)

    def remove_attendee(self, person_id: int) -> None:
        service = self._services.training
        self._attendance_step(
            self.tr("Remove attendee from %1"),
            lambda sid: service.remove_attendee(sid, person_id),
        )

    def set_score(self, person_id: int, score: str) -> None:
        service = self._services.training
        self._attendance_step(
            self.tr("Score in %1"), lambda sid: service.set_score(sid, person_id, score)
        )
        self.attendance.select_person(person_id)

    def link_solution(self, solution_id: int) -> None:
        service = self._services.training
        self._attendance_step(
            self.tr("Link a solution to %1"),
            lambda sid: service.link(sid, solution_id=solution_id),
        )

    def unlink_solution(self, link_id: int) -> None:
        service = self._services.training
        self._attendance_step(
            self.tr("Unlink a solution from %1"), lambda sid: service.unlink(sid, link_id)
        )

    def mark_left(self, person_id: int, day: dt.date) -> None:
        """The person left the plant on ``day``: one step (Ctrl+Z: still here)."""
        name = next((n for i, n, _d in self._services.training.people() if i == person_id), "")
        text = self.tr("%1 left the plant").replace("%1", name)
        if self._step(text, lambda: self._services.lookups.set_left(person_id, day)) is not None:
            self._views_stale()
