"""The editor of one training session: kind, topic, ERP module, day, trainer, duration,
material link, note, and the problems it addresses, typed as their codes.

Saving is one undoable step that writes the fields and the problem links together; the
attendance beside it is taken person by person (workbench.ui.training_attendance). The
solutions it addresses are picked among the solutions of its problems and linked or
unlinked at once, each one undoable step (the page writes them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from workbench.services import Services
from workbench.services.errors import FieldError
from workbench.services.kinds import TRAINING_SESSION
from workbench.services.training_records import TrainingRecord
from workbench.ui.controls import push_button
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.detail.widgets import ChoiceCombo
from workbench.ui.improvement_form import codes_of
from workbench.ui.lookup_lists import LookupLists, pairs

PROBLEMS = "problems"  # the form's field of problem codes


class TrainingForm(RecordEditor):
    solutionLinkRequested = Signal(int)  # a solution's id
    solutionUnlinkRequested = Signal(int)  # the link's id

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("", self._check, parent)
        self.setTitle(self.tr("Training session"))
        self._services = services
        self.session: TrainingRecord | None = None
        form = self.form
        form.add_choice("kind", "training_kind", optional=False)
        form.add_line("topic", self.tr("e.g. handling an exceptional order"))
        self.module: ChoiceCombo = form.add_combo("erp_module_id", [], optional=True)
        form.add_date("held_on")
        self.trainer: ChoiceCombo = form.add_combo("trainer_id", [], optional=True)
        form.add_line("duration_hours", self.tr("e.g. 1.5"))
        form.add_line("material_link", self.tr("a link to the slides, manual page or video"))
        form.add_line(PROBLEMS, self.tr("Problem codes, e.g. P-2026-0001, P-2026-0007"))
        form.add_text("note", lines=2)
        # The solutions it addresses: the linked ones marked ✓ among those it may address.
        self.solution_choice = QComboBox()
        self.solution_choice.setObjectName("solution_choice")
        self.solution_choice.setMinimumContentsLength(6)
        self.solution_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.link_solution_button = push_button("link_solution", self.tr("Link"), self._link_chosen)
        self.unlink_solution_button = push_button(
            "unlink_solution", self.tr("Unlink"), self._unlink_chosen
        )
        self.solution_choice.currentIndexChanged.connect(lambda _i: self._solution_buttons())
        buttons = QHBoxLayout()  # under the choice: the form's column is narrow
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.link_solution_button)
        buttons.addWidget(self.unlink_solution_button)
        buttons.addStretch(1)
        picker = QVBoxLayout()
        picker.setContentsMargins(0, 0, 0, 0)
        picker.addWidget(self.solution_choice)
        picker.addLayout(buttons)
        form.layout_.addRow(self.tr("Solutions"), picker)
        self._linked: dict[int, int] = {}  # solution id → link id

    def set_lookups(self, lists: LookupLists) -> None:
        self.module.set_items(lists.active_modules())
        self.module.retired = lists.retired_modules()
        self.trainer.set_items(pairs(lists.people))

    # ---- values -----------------------------------------------------------------------
    def _ids(self, text: str) -> tuple[list[int], list[str]]:
        ids, unknown = [], []
        for code in codes_of(text):
            found = self._services.problems.id_of(code)
            if found is None:
                unknown.append(code)
            else:
                ids.append(found)
        return ids, unknown

    def session_values(self) -> tuple[dict[str, Any], list[int]]:
        """The fields the service takes, and the ids of the problems typed."""
        values = self.values()
        ids, _unknown = self._ids(str(values.pop(PROBLEMS, "")))
        return values, ids

    def _check(self, values: dict[str, Any]) -> list[FieldError]:
        shown = dict(values)
        _ids, unknown = self._ids(str(shown.pop(PROBLEMS, "")))
        errors = self._services.training.validate(shown)
        if unknown:
            errors.append(
                FieldError(
                    PROBLEMS,
                    "unknown_code",
                    f"no problem has the code {', '.join(unknown)}",
                    {"value": ", ".join(unknown)},
                )
            )
        return errors

    def problem_ids(self) -> set[int]:
        """The problems the shown session links now (as saved)."""
        if self.session is None:
            return set()
        return {link.problem_id for link in self.session.links if link.problem_id is not None}

    # ---- showing ----------------------------------------------------------------------
    def show_session(self, record: TrainingRecord) -> None:
        self.session = record
        self.setTitle(self.tr("Training session %1").replace("%1", record.code))
        values = TRAINING_SESSION.field_values(record)
        values[PROBLEMS] = ", ".join(
            link.problem_code for link in record.links if link.problem_id is not None
        )
        self.load({name: values.get(name) for name in self.form.names()})
        self.show_solutions(record)

    def show_solutions(self, record: TrainingRecord | None) -> None:
        """The solutions the saved session addresses, and those it may: the solutions
        of its problems (a linked one marked ✓). The typed fields are left alone."""
        self._linked = {}
        choice = self.solution_choice
        blocked = choice.blockSignals(True)
        choice.clear()
        if record is not None:
            self._linked = {link.solution_id: link.id for link in record.links if link.solution_id}
            offered: dict[int, str] = {
                link.solution_id: f"{link.title} ({link.problem_code})"
                for link in record.links
                if link.solution_id
            }
            for link in record.links:
                if link.problem_id is None:
                    continue
                problem = self._services.problems.get(link.problem_id)
                for cause in problem.causes:
                    for solution in cause.solutions:
                        offered.setdefault(solution.id, f"{solution.title} ({problem.code})")
            for solution_id, text in offered.items():
                mark = "✓ " if solution_id in self._linked else ""
                choice.addItem(mark + text, solution_id)
            linked = [n for n in range(choice.count()) if choice.itemData(n) in self._linked]
            choice.setCurrentIndex(linked[0] if linked else 0)
        choice.blockSignals(blocked)
        choice.setEnabled(choice.count() > 0)
        if record is not None and choice.count():
            choice.setToolTip(solutions_text(record))
        else:
            choice.setToolTip(self.tr("Link a problem first: its solutions are offered"))
        self._solution_buttons()

    def _solution_buttons(self) -> None:
        chosen = self.solution_choice.currentData()
        self.link_solution_button.setEnabled(chosen is not None and chosen not in self._linked)
        self.unlink_solution_button.setEnabled(chosen in self._linked)

    def _link_chosen(self) -> None:
        chosen = self.solution_choice.currentData()
        if chosen is not None and chosen not in self._linked:
            self.solutionLinkRequested.emit(int(chosen))

    def _unlink_chosen(self) -> None:
        link = self._linked.get(self.solution_choice.currentData())
        if link is not None:
            self.solutionUnlinkRequested.emit(link)

    def show_blank(self, module_id: int | None = None) -> None:
        self.session = None
        self.setTitle(self.tr("New training session"))
        blank: dict[str, Any] = {name: None for name in self.form.names()}
        blank.update(
            {
                "kind": "class",
                "topic": "",
                "held_on": dt.date.today(),
                "material_link": "",
                "note": "",
                PROBLEMS: "",
                "erp_module_id": module_id,
            }
        )
        self.load(blank, is_new=True)
        self.show_solutions(None)


def solutions_text(record: TrainingRecord) -> str:
    """The solutions a session addresses, each with its problem's code."""
    found = [f"{link.title} ({link.problem_code})" for link in record.links if link.solution_id]
    if not found:
        return QCoreApplication.translate("TrainingForm", "None linked")
    return "; ".join(found)
