"""When a colleague saved the problem while the user was typing: compare, then choose.

The save was refused and nothing was overwritten (workbench.services.versions). The
panel then offers two ways on: look at the colleague's version beside one's own edit,
field by field, and either keep one's own (saved over theirs, knowingly) or take theirs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.services.records import ProblemDetail
from workbench.ui import labels
from workbench.ui.lookup_lists import LookupLists

_CHOICES = ("hidden_cost", "frequency", "status")
_SCORES = ("severity", "impact")
# Choices of the chain's records, by (record kind, field): their vocabulary.
_LINK_CHOICES = {
    ("cause", "category"): "category",
    ("solution", "kind"): "kind",
    ("solution", "governance_path"): "governance_path",
    ("solution", "status"): "solution_status",
    ("result", "direction"): "direction",
}


def field_text(name: str, value: Any, lists: LookupLists | None, kind: str = "problem") -> str:
    """A field's value (of a record of ``kind``) as the form shows it: names, not ids
    or keys."""
    if value is None or value == "":
        return "—"
    if (kind, name) in _LINK_CHOICES:
        return labels.choice(_LINK_CHOICES[(kind, name)], str(value))
    if name in _CHOICES:
        return labels.choice(name, str(value))
    if name in _SCORES:
        return f"{value} · {labels.choice(name, str(value))}"
    if name.endswith("_id") and lists is not None:
        items = {
            "erp_module_id": [(m.id, m.name) for m in lists.modules],
            "site_id": [(s.id, s.name) for s in lists.sites],
            "department_id": [(d.id, d.name) for d in lists.departments],
        }.get(name, [(p.id, p.name) for p in lists.people])
        return dict(items).get(int(value), str(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class CompareDialog(QDialog):
    """Your edit beside what is saved now, for every field either side changed."""

    keepMine = Signal()
    takeTheirs = Signal()

    def __init__(
        self,
        mine: Mapping[str, Any],
        base: ProblemDetail,
        saved: ProblemDetail,
        lists: LookupLists | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compare_dialog")
        self.setWindowTitle(self.tr("Your edit and the saved version"))
        theirs = {
            name
            for name in mine.keys() | _changed(base, saved)
            if getattr(saved, name, None) != mine.get(name, getattr(base, name, None))
        }
        names = [name for name in _fields(saved) if name in theirs]
        self.table = QTableWidget(len(names), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Your edit"), self.tr("Saved now")]
        )
        for row, name in enumerate(names):
            yours = mine.get(name, getattr(base, name))
            cells = (
                labels.field(name),
                field_text(name, yours, lists),
                field_text(name, getattr(saved, name), lists),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(self)
        self.keep_button = QPushButton(self.tr("Save mine over theirs"))
        self.take_button = QPushButton(self.tr("Take theirs"))
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.keep_button.clicked.connect(lambda: self._choose(self.keepMine))
        self.take_button.clicked.connect(lambda: self._choose(self.takeTheirs))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Nothing was overwritten. Choose which version the problem keeps."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, 320)

    def _choose(self, choice: Any) -> None:
        self.accept()
        choice.emit()


def _fields(detail: ProblemDetail) -> list[str]:
    from workbench.ui.detail.problem_form import problem_values

    return list(problem_values(detail))


def _changed(base: ProblemDetail, saved: ProblemDetail) -> set[str]:
    """Fields the colleague changed since the form was filled."""
    return {name for name in _fields(saved) if getattr(base, name) != getattr(saved, name)}
