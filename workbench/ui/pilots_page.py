"""The Pilots page: pilot-iteration logs (试点迭代), each pilot with its rounds, its charts
and, once adopted, its roll-out.

The list of pilots is beside the pilot shown. Its tabs: the pilot (scope, hypothesis,
success criterion, round length, baseline), its rounds (what changed, the satisfaction
survey, durations before and after, findings, the decision), the charts of the rounds
against the criterion, and the roll-out to other lines and sites. Above the tabs one line
says plainly whether the criterion is met, and since which round. Every change is a step
of the page's undo; the rules (round dates, decisions, the criterion) are the service's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.services import ChangeSet, Services
from workbench.services.kinds import PILOT, PILOT_ROLLOUT, PILOT_ROUND
from workbench.services.pilot_records import PilotDetail
from workbench.ui import errors, labels
from workbench.ui.charts import ChartView
from workbench.ui.controls import fill_table, push_button, put_back, text_table
from workbench.ui.detail.widgets import ErrorText, number_text
from workbench.ui.forms_editing import FormsEditing
from workbench.ui.kind_form import KindForm
from workbench.ui.lookup_lists import LOOKUP_KINDS, LookupLists, pairs
from workbench.ui.pages import Registered
from workbench.ui.panes import Panes
from workbench.ui.recorded_step import RecordedStep, perform
from workbench.vocabulary.pilots import pilot_text

TABLES = ("pilot", "pilot_round", "pilot_rollout")
VOCABULARIES = {
    "criterion_measure": "criterion_measure",
    "criterion_direction": "direction",
    "decision": "decision",
    "status": "rollout_status",
}
MET, NOT_MET = "color: #1b5e20; font-weight: bold;", "color: #b71c1c; font-weight: bold;"


def verdict(pilot: PilotDetail, services: Services) -> tuple[str, bool | None]:
    """The criterion's state in words, and whether it is met now (None: not measured)."""
    status = services.pilots.criterion_status(pilot)
    text = pilot_text(
        status.state, labels.language(), since=status.since or "", lost=status.lost_since or ""
    )
    return f"{pilot.criterion_metric}: {text}", status.met


class PilotsPage(Registered, QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pilots_page")
        self._services = services
        self._undo = QUndoStack(self)
        self.pilot: PilotDetail | None = None
        self.list = text_table(
            [self.tr("Code"), self.tr("Pilot"), self.tr("Scope"), self.tr("Status")]
        )
        self.new_button = push_button("new_pilot", self.tr("New pilot"), self.new_pilot)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.message = ErrorText()
        pilots = services.pilots
        self.form = KindForm(
            self.tr("Pilot"),
            PILOT,
            pilots.validate,
            VOCABULARIES,
            (("criterion_direction", "criterion_threshold"), ("baseline_median", "baseline_p90")),
        )
        self.round_form = KindForm(
            self.tr("Round"),
            PILOT_ROUND,
            pilots.validate_round,
            VOCABULARIES,
            (
                ("starts_on", "ends_on"),
                ("satisfaction_mean", "satisfaction_respondents"),
                ("duration_before_median", "duration_before_p90"),
                ("duration_after_median", "duration_after_p90"),
            ),
        )
        self.rollout_form = KindForm(
            self.tr("Roll-out"), PILOT_ROLLOUT, lambda _values: [], VOCABULARIES
        )
        self.rounds = text_table(
            [
                self.tr("Round"),
                self.tr("Dates"),
                self.tr("Satisfaction"),
                self.tr("Median after (h)"),
                self.tr("P90 after (h)"),
                self.tr("Decision"),
            ]
        )
        self.rollouts = text_table(
            [self.tr("Rolled out to"), self.tr("Status"), self.tr("Done on")]
        )
        self.add_round_button = push_button("add_round", self.tr("Add round"), self.add_round)
        self.add_rollout_button = push_button(
            "add_rollout", self.tr("Add roll-out"), self.add_rollout
        )
        self.charts: list[ChartView] = []
        self.charts_box = QVBoxLayout()
        self.tabs = QTabWidget()
        self._layout()
        self.form.saveRequested.connect(self.save_pilot)
        self.round_form.saveRequested.connect(self.save_round)
        self.rollout_form.saveRequested.connect(self.save_rollout)
        self.list.currentCellChanged.connect(lambda row, *_: self._pilot_chosen(row))
        self.rounds.currentCellChanged.connect(
            lambda row, _c, before, _b: self._leaf_chosen(self.rounds, row, before)
        )
        self.rollouts.currentCellChanged.connect(
            lambda row, _c, before, _b: self._leaf_chosen(self.rollouts, row, before)
        )
        self.set_lookups(LookupLists.read(services.lookups))
        forms = [self.form, self.round_form, self.rollout_form]
        for form in forms:
            form.show_blank()  # nothing typed yet: an empty form is not unsaved work
        # Ctrl+N, Ctrl+S, Esc; Save / Discard / Stay before typing is left.
        self.editing = FormsEditing(self, forms, self.new_pilot)
        self.reload()

    def _layout(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.new_button)
        column.addWidget(self.list, 1)
        self.tabs.addTab(self.form, self.tr("Pilot"))
        self.tabs.addTab(self._side(self.rounds, self.add_round_button, self.round_form), "")
        charts = QWidget()
        charts.setLayout(self.charts_box)
        self.tabs.addTab(charts, self.tr("Charts"))
        self.tabs.addTab(self._side(self.rollouts, self.add_rollout_button, self.rollout_form), "")
        self.tabs.setTabText(1, self.tr("Rounds"))
        self.tabs.setTabText(3, self.tr("Roll-out"))
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.verdict)
        box.addWidget(self.message)
        box.addWidget(self.tabs, 1)
        self.panes = Panes("pilot_splitter", (1, 3))
        self.panes.addWidget(left)
        self.panes.addWidget(right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.addWidget(self.panes)

    @staticmethod
    def _side(table: QTableWidget, button: QWidget, form: QWidget) -> QWidget:
        side = QWidget()
        row = QHBoxLayout(side)
        row.setContentsMargins(0, 6, 0, 0)
        column = QVBoxLayout()
        column.addWidget(button)
        column.addWidget(table, 1)
        row.addLayout(column, 2)
        row.addWidget(form, 3)
        return side

    def set_lookups(self, lists: LookupLists) -> None:
        people, sites = pairs(lists.people), pairs(lists.sites)
        self.form.set_references("owner_id", people)
        self.form.set_references("site_id", sites)
        self.form.set_references("erp_module_id", list(lists.active_modules()))
        self.rollout_form.set_references("site_id", sites)

    # ---- the Page protocol -------------------------------------------------------------
    page_key = "pilots"  # its title() and icon() come from the registry (Registered)

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "pilot":
            return False
        self.reload(record_id)
        return self.pilot is not None and self.pilot.id == record_id

    def changed(self, change: ChangeSet) -> None:
        if change.touches(*LOOKUP_KINDS):
            self.set_lookups(LookupLists.read(self._services.lookups))
        if change.touches(*TABLES):
            self.reload(self.pilot.id if self.pilot else None)

    # ---- showing -----------------------------------------------------------------------
    def reload(self, pilot_id: int | None = None) -> None:
        rows = self._services.pilots.rows()
        self._ids = [row.id for row in rows]
        self.list.blockSignals(True)
        fill_table(
            self.list,
            [[r.code, r.name, r.scope, labels.choice("pilot_status", r.status)] for r in rows],
        )
        self.list.blockSignals(False)
        wanted = pilot_id if pilot_id in self._ids else (self._ids[0] if self._ids else None)
        if wanted is None:
            self.new_pilot()
            return
        self.list.setCurrentCell(self._ids.index(wanted), 0)
        self.show_pilot(self._services.pilots.get(wanted))

    def _pilot_chosen(self, row: int) -> None:
        if 0 <= row < len(self._ids) and (self.pilot is None or self.pilot.id != self._ids[row]):
            shown = self.pilot
            back = lambda: self._ids.index(shown.id) if shown and shown.id in self._ids else None  # noqa: E731
            if not self.editing.may_leave_row(self.list, back):
                return
            self._undo.clear()  # the steps belong to the pilot shown
            self.show_pilot(self._services.pilots.get(self._ids[row]))

    def show_pilot(self, pilot: PilotDetail) -> None:
        self.pilot = pilot
        self.form.show_record(pilot)
        text, met = verdict(pilot, self._services)
        self.verdict.setText(f"{pilot.code} {pilot.name} · {text}")
        self.verdict.setStyleSheet(MET if met else NOT_MET if met is False else "")
        fill_table(self.rounds, [self._round_cells(r) for r in pilot.rounds])
        fill_table(
            self.rollouts,
            [
                [r.target, labels.choice("rollout_status", r.status), str(r.done_on or "")]
                for r in pilot.rollouts
            ],
        )
        self._show_charts(pilot)
        ended = pilot.status != "running"
        self.add_round_button.setEnabled(not ended)
        self.add_rollout_button.setEnabled(pilot.status == "adopted")
        if pilot.rounds:
            self.rounds.setCurrentCell(len(pilot.rounds) - 1, 0)
            self._round_chosen(len(pilot.rounds) - 1)
        else:
            self.round_form.show_blank()
        self.rollout_form.show_blank({"status": "planned"})

    def _round_cells(self, r: Any) -> list[str]:
        satisfaction = number_text(PILOT_ROUND.field_values(r)["satisfaction_mean"])
        values = PILOT_ROUND.field_values(r)
        return [
            pilot_text("round", labels.language(), number=r.number),
            f"{r.starts_on} – {r.ends_on}",
            f"{satisfaction} (n={r.satisfaction_respondents})" if satisfaction else "",
            number_text(values["duration_after_median"]),
            number_text(values["duration_after_p90"]),
            labels.choice("decision", r.decision) if r.decision else "",
        ]

    def _show_charts(self, pilot: PilotDetail) -> None:
        charts = self._services.pilots.charts(pilot, labels.language())
        if not self.charts:
            for chart in charts:
                view = ChartView(chart)
                self.charts.append(view)
                self.charts_box.addWidget(view, 1)
        for view, chart in zip(self.charts, charts, strict=True):
            view.set_chart(chart)

    def _leaf_chosen(self, table: QTableWidget, row: int, before: int) -> None:
        """Another round or roll-out picked: asked first when its form holds typing."""
        form = self.round_form if table is self.rounds else self.rollout_form
        if form.changes() and not self.editing.may_leave_row(table, lambda: before):
            return
        if table is self.rounds:
            self._round_chosen(row)
        else:
            self._rollout_chosen(row)

    def _round_chosen(self, row: int) -> None:
        if self.pilot is not None and 0 <= row < len(self.pilot.rounds):
            self.round_form.show_record(self.pilot.rounds[row])

    def _rollout_chosen(self, row: int) -> None:
        if self.pilot is not None and 0 <= row < len(self.pilot.rollouts):
            self.rollout_form.show_record(self.pilot.rollouts[row])

    # ---- changes, each an undoable step ------------------------------------------------
    def _refused(self, error: Exception) -> None:
        self.message.show_text(errors.describe(error))

    def _step(self, text: str, action: Callable[[], Any]) -> Any:
        pilot_id = self.pilot.id if self.pilot else None
        step = RecordedStep(
            self._services,
            text,
            action,
            lambda: None,
            lambda _nothing: self.reload(pilot_id),
            self._refused,
        )
        if not perform(step, self._undo, self._refused):
            return None
        self.message.show_text("")
        return step.result

    def new_pilot(self) -> None:
        if self.editing.unsaved() and not self.editing.guard.may_leave():
            return
        self.pilot = None
        self.list.clearSelection()
        self.form.show_blank()
        self.tabs.setCurrentIndex(0)
        self.verdict.setText(self.tr("New pilot: fill in the scope, hypothesis and criterion"))

    def save_pilot(self) -> None:
        pilots, form = self._services.pilots, self.form
        if form.record is None:
            created = self._step(self.tr("New pilot"), lambda: pilots.create(form.values()))
            if created is not None:
                self.reload(created.id)
            return
        record, changes = form.record, form.changes()
        done = self._step(
            self.tr("Edit %1").replace("%1", record.code),
            lambda: pilots.update(record.id, changes, record.version),
        )
        if done is not None:
            self.reload(record.id)

    def add_round(self) -> None:
        if self.round_form.changes() and not self.editing.guard.may_leave():
            return
        put_back(self.rounds, None)  # a new round has no row yet
        self.round_form.show_blank()
        self.tabs.setCurrentIndex(1)

    def save_round(self) -> None:
        pilot, form = self.pilot, self.round_form
        if pilot is None:
            return
        pilots = self._services.pilots
        if form.record is None:
            action: Callable[[], Any] = lambda: pilots.add_round(pilot.id, form.values())  # noqa: E731
            text = self.tr("Add round")
        else:
            record, changes = form.record, form.changes()
            action = lambda: pilots.update_round(record.id, changes, record.version)  # noqa: E731
            text = pilot_text("round", labels.language(), number=record.number)
        if self._step(text, action) is not None:
            self.reload(pilot.id)

    def add_rollout(self) -> None:
        if self.rollout_form.changes() and not self.editing.guard.may_leave():
            return
        put_back(self.rollouts, None)
        self.rollout_form.show_blank({"status": "planned"})
        self.tabs.setCurrentIndex(3)

    def save_rollout(self) -> None:
        pilot, form = self.pilot, self.rollout_form
        if pilot is None:
            return
        pilots = self._services.pilots
        if form.record is None:
            done = self._step(
                self.tr("Add roll-out"), lambda: pilots.add_rollout(pilot.id, form.values())
            )
        else:
            record, changes = form.record, form.changes()
            done = self._step(
                self.tr("Edit roll-out"),
                lambda: pilots.update_rollout(record.id, changes, record.version),
            )
        if done is not None:
            self.reload(pilot.id)
