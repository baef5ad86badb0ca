"""The editor of one training session: kind, topic, ERP module, day, trainer, duration,
material link, note, and the problems it addresses, typed as their codes.

Saving is one undoable step that writes the fields and the problem links together; the
attendance beside it is taken person by person (workbench.ui.training_attendance).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from workbench.services import Services
from workbench.services.errors import FieldError
from workbench.services.kinds import TRAINING_SESSION
from workbench.services.training_records import TrainingRecord
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.detail.widgets import ChoiceCombo
from workbench.ui.improvement_form import codes_of
from workbench.ui.lookup_lists import LookupLists, pairs

PROBLEMS = "problems"  # the form's field of problem codes


class TrainingForm(RecordEditor):
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
        self.solutions = QLabel()
        self.solutions.setObjectName("linked_solutions")
        self.solutions.setWordWrap(True)
        self.solutions.setStyleSheet("color: #37474f;")
        self.solutions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.layout_.addRow(self.tr("Solutions"), self.solutions)

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
        self.solutions.setText(solutions_text(record))

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
        self.solutions.setText("—")


def solutions_text(record: TrainingRecord) -> str:
    """The solutions a session addresses, each with its problem's code."""
    found = [f"{link.title} ({link.problem_code})" for link in record.links if link.solution_id]
    if not found:
        return QCoreApplication.translate("TrainingForm", "None linked")
    return "; ".join(found)
