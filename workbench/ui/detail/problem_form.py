"""The problem's own fields (what, where, who, how bad, when) with Save, Revert and Delete."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from workbench.services import Services
from workbench.services.kinds import PROBLEM
from workbench.services.records import ProblemDetail
from workbench.ui import labels
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.detail.similar_hint import SimilarHint
from workbench.ui.detail.widgets import ChoiceCombo
from workbench.ui.lookup_lists import LookupLists, pairs

_LOOKUPS = ("erp_module_id", "department_id", "site_id", "reporter_id", "owner_id")


def blank_problem() -> dict[str, Any]:
    """What a new problem's form starts with: the kind's blank values, reported today."""
    return {**PROBLEM.blank(), "reported_on": dt.date.today()}


def problem_values(detail: ProblemDetail) -> dict[str, Any]:
    return {name: getattr(detail, name) for name in PROBLEM.fields}


class ProblemForm(RecordEditor):
    deleteRequested = Signal()
    openRequested = Signal(int)  # another problem's id: a similar one the user chose
    sourceRequested = Signal(str, int)  # kind, id: the KPI whose alert opened this ticket

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("", services.problems.validate, parent)
        self.setTitle(self.tr("Problem"))
        self._services = services
        form = self.form
        form.add_section(self.tr("What happens"))
        title = form.add_line("title", self.tr("A short, specific title"))
        self.similar = SimilarHint(services.similar.similar)
        form.add_below("title", self.similar)
        title.textEdited.connect(self.similar.watch)
        self.similar.openRequested.connect(self.openRequested)
        # A ticket's source (来源：KPI 预警 — 库存差异率 @ 无锡工厂), its KPI a link.
        self.source = QLabel()
        self.source.setObjectName("problem_source")
        self.source.setTextFormat(Qt.TextFormat.RichText)
        self.source.setWordWrap(True)
        self.source.linkActivated.connect(self._open_source)
        self.source.hide()
        form.add_below("title", self.source)
        form.add_text("description", lines=3)
        form.add_line("tags", self.tr("Comma-separated, e.g. inventory, month-end"))
        form.add_section(self.tr("Where and who"))
        self._combos: dict[str, ChoiceCombo] = {
            name: form.add_combo(name, [], optional=True) for name in _LOOKUPS
        }
        form.add_section(self.tr("How bad"))
        form.add_choice("hidden_cost", "hidden_cost", optional=True)
        form.add_choice("frequency", "frequency", optional=False)
        form.add_score("severity")
        form.add_score("impact")
        form.add_section(self.tr("Dates"))
        form.add_date("reported_on")
        form.add_optional_date("due_on")
        for left, right in (
            ("erp_module_id", "department_id"),
            ("reporter_id", "owner_id"),
            ("hidden_cost", "frequency"),
            ("severity", "impact"),
            ("reported_on", "due_on"),
        ):
            form.pair(left, right)
        self.delete_button = QPushButton(self.tr("Delete problem"))
        self.delete_button.setObjectName("delete_problem")
        self.delete_button.setToolTip(self.tr("Delete it with its chain; Ctrl+Z brings it back"))
        self.buttons.insertWidget(0, self.delete_button)
        self.delete_button.clicked.connect(self.deleteRequested)

    def set_lookups(self, lists: LookupLists) -> None:
        """Offer these modules, sites, departments and people; the values shown stay."""
        people = pairs(lists.people)
        self._combos["erp_module_id"].retired = lists.retired_modules()
        items: dict[str, list[tuple[Any, str]]] = {
            "erp_module_id": list(lists.active_modules()),
            "department_id": pairs(lists.departments),
            "site_id": pairs(lists.sites),
            "reporter_id": people,
            "owner_id": people,
        }
        for name, combo in self._combos.items():
            combo.set_items(items[name])

    def show_detail(self, detail: ProblemDetail) -> None:
        self.set_read_only(detail.status == "closed")  # reopened first, like its chain
        self.similar.set_active(False)
        self.load(problem_values(detail))
        self.delete_button.setEnabled(not self.read_only)
        self._show_source(detail.id)

    def _show_source(self, problem_id: int | None) -> None:
        """Where the problem came from, when an exception alert opened it."""
        language = labels.language()
        alert = (
            None if problem_id is None else self._services.alerts.for_problem(problem_id, language)
        )
        if alert is None:
            self.source.hide()
            return
        what = html.escape(f"{alert.kpi} @ {alert.place(language)}")
        self.source.setText(
            self.tr("Source: KPI alert — %1").replace(
                "%1", f'<a href="kpi:{alert.kpi_id}">{what}</a>'
            )
        )
        self.source.setToolTip(self.tr("Open the KPI on the KPIs page"))
        self.source.show()

    def _open_source(self, link: str) -> None:
        kind, _sep, record_id = link.partition(":")
        if record_id.isdigit():
            self.sourceRequested.emit(kind, int(record_id))

    def show_blank(self) -> None:
        self._show_source(None)
        self.set_read_only(False)
        self.load(blank_problem(), is_new=True)
        self.similar.set_active(True)
        self.delete_button.setEnabled(False)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.delete_button.setVisible(not read_only)
