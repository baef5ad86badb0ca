"""The editor of one item of the quarterly improvement list, and why it has its place.

The item's problems are typed as their codes ("P-2026-0001, P-2026-0007"): the service
takes their ids, and a code that names no problem is said under the field. Saving is one
undoable step that writes the fields and the links together.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from workbench.services import Services
from workbench.services.errors import FieldError
from workbench.services.improvement_records import ImprovementRecord
from workbench.services.kinds import IMPROVEMENT_ITEM
from workbench.ui import labels
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.detail.widgets import ChoiceCombo
from workbench.ui.lookup_lists import LookupLists, pairs

PROBLEMS = "problems"  # the form's field of problem codes
_SPLIT = re.compile(r"[\s,，、;；]+")


def codes_of(text: str) -> list[str]:
    """The problem codes in ``text``, in order, each once (commas, 、 or spaces between)."""
    seen: list[str] = []
    for code in _SPLIT.split(text.strip().upper()):
        if code and code not in seen:
            seen.append(code)
    return seen


def why_text(item: ImprovementRecord) -> str:
    """Why the program proposes the item's place: its score and what it is made of."""
    part = item.basis
    if part is None:
        return QCoreApplication.translate("ImprovementForm", "No problem linked: score 0.")
    text = QCoreApplication.translate(
        "ImprovementForm", "Score %1 = %2 (%3) × impact %4, from %5 (the highest of %6)."
    )
    for key, value in (
        ("%1", str(part.score)),
        ("%2", str(part.weight)),
        ("%3", labels.choice("frequency", part.frequency)),
        ("%4", str(part.impact)),
        ("%5", part.problem_code),
        ("%6", str(len(item.problems))),
    ):
        text = text.replace(key, value)
    return text


class ImprovementForm(RecordEditor):
    """Title, owner, target, status and decision note of an item, and its problems."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("", self._check, parent)
        self.setTitle(self.tr("Improvement item"))
        self._services = services
        self.quarter = ""
        self.item: ImprovementRecord | None = None
        form = self.form
        form.add_line("title", self.tr("What the team will improve"))
        form.add_line(PROBLEMS, self.tr("Problem codes, e.g. P-2026-0001, P-2026-0007"))
        self.owner: ChoiceCombo = form.add_combo("owner_id", [], optional=True)
        form.add_choice("status", "improvement_status", optional=False)
        form.add_line("target_metric", self.tr("e.g. inventory variance rate"))
        form.add_line("target_value", self.tr("e.g. 0.5"))
        form.add_line("target_unit", self.tr("e.g. %"))
        form.add_optional_date("target_by")
        form.add_text("decision_note", lines=3)
        form.pair("target_value", "target_unit")
        self.why = QLabel()
        self.why.setObjectName("why")
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #37474f;")
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.carried = QLabel()
        self.carried.setObjectName("carried")
        self.carried.setWordWrap(True)
        self.carried.setStyleSheet("color: #6a1b9a;")
        form.layout_.addRow(self.tr("Why this place"), self.why)
        form.layout_.addRow(self.tr("Carried over"), self.carried)

    def set_lookups(self, lists: LookupLists) -> None:
        self.owner.set_items(pairs(lists.people))

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

    def item_values(self) -> dict[str, Any]:
        """What the service takes: the fields, the quarter, and ``problem_ids``."""
        values = self.values()
        ids, _unknown = self._ids(str(values.pop(PROBLEMS, "")))
        return {**values, "quarter": self.quarter, "problem_ids": ids}

    def _check(self, values: dict[str, Any]) -> list[FieldError]:
        shown = dict(values)
        ids, unknown = self._ids(str(shown.pop(PROBLEMS, "")))
        current = self.item.status if self.item is not None else None
        errors = self._services.improvements.validate(
            {**shown, "quarter": self.quarter or "2000Q1", "problem_ids": ids}, current
        )
        errors = [
            FieldError(PROBLEMS, e.code, e.message, e.params) if e.field == "problem_ids" else e
            for e in errors
            if not (unknown and e.field == "problem_ids")
        ]
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

    # ---- showing ----------------------------------------------------------------------
    def show_item(self, item: ImprovementRecord) -> None:
        self.item, self.quarter = item, item.quarter
        values = IMPROVEMENT_ITEM.field_values(item)
        values.pop("quarter", None)
        values[PROBLEMS] = ", ".join(p.code for p in item.problems)
        self.load({name: values.get(name) for name in self.form.names()})
        self.why.setText(why_text(item))
        self.carried.setText(carried_text(item))

    def show_blank(self, quarter: str, problem_codes: str = "") -> None:
        self.item, self.quarter = None, quarter
        blank: dict[str, Any] = {name: None for name in self.form.names()}
        blank.update({"title": "", "status": "proposed", PROBLEMS: ""})
        for name in ("target_metric", "target_unit", "decision_note"):
            blank[name] = ""
        self.load(blank, is_new=True)
        if problem_codes:
            self.restore({PROBLEMS: problem_codes})
        self.why.setText("—")
        self.carried.setText("—")


def carried_text(item: ImprovementRecord) -> str:
    carried = item.carried
    parts = []
    if carried.count:
        text = QCoreApplication.translate(
            "ImprovementForm", "%1 quarter(s) carried, since %2 (from %3)"
        )
        text = text.replace("%1", str(carried.count))
        text = text.replace("%2", carried.origin_quarter or "")
        text = text.replace("%3", carried.from_code or "")
        parts.append(text)
    if carried.to_code:
        text = QCoreApplication.translate("ImprovementForm", "Continued in %1 as %2")
        parts.append(text.replace("%1", carried.to_quarter or "").replace("%2", carried.to_code))
    return "; ".join(parts) or "—"
