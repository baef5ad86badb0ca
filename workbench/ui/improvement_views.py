"""Read-only views of the improvement list: quarters side by side, the edits made after a
list was frozen, and the line that says a list is frozen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.services.improvement_records import (
    PostFreezeChange,
    QuarterHead,
    QuarterSummary,
)
from workbench.ui import labels
from workbench.ui.detail.history_view import local_time


def frozen_text(view: QuarterHead) -> str:
    """ "Frozen 2026-07-01 09:30 by zhao.lei", or "" for a list not frozen."""
    if view.frozen_at is None:
        return ""
    text = QCoreApplication.translate("ImprovementViews", "Frozen %1 by %2")
    when = local_time(view.frozen_at.isoformat())
    return text.replace("%1", when).replace("%2", view.frozen_by or "")


def _table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            item = QTableWidgetItem(text)
            if column and text.isdigit():
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(number, column, item)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class _ReadOnlyDialog(QDialog):
    def __init__(self, name: str, title: str, note: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #546e7a;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.note)

    def set_table(self, table: QTableWidget) -> None:
        self.table = table
        self._layout.addWidget(table, 1)
        self._layout.addWidget(self.buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.height() * 24)


class QuarterComparison(_ReadOnlyDialog):
    """Quarters side by side: items, committed, done, carried over, dropped, carried in."""

    def __init__(self, summaries: Sequence[QuarterSummary], parent: QWidget | None = None) -> None:
        super().__init__(
            "quarter_comparison",
            self.tr("Quarters compared"),
            self.tr(
                "Committed counts what the team committed to (committed, in progress or "
                "done); carried over, what went on into a later quarter."
            ),
            parent,
        )
        headers = [
            self.tr("Quarter"),
            self.tr("Items"),
            self.tr("Committed"),
            self.tr("Done"),
            self.tr("Carried over"),
            self.tr("Dropped"),
            self.tr("Carried in"),
            self.tr("Frozen"),
        ]
        rows = [
            (
                s.quarter,
                str(s.items),
                str(s.committed),
                str(s.done),
                str(s.carried_over),
                str(s.dropped),
                str(s.carried_in),
                "✓" if s.frozen else "",
            )
            for s in summaries
        ]
        self.set_table(_table(rows, headers))


class FrozenChangesDialog(_ReadOnlyDialog):
    """The edits of a frozen list's items since it was frozen: who, when, what, old → new."""

    def __init__(
        self, quarter: str, changes: Sequence[PostFreezeChange], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "frozen_changes",
            self.tr("Changes to %1 since it was frozen").replace("%1", quarter),
            self.tr("From the audit trail, oldest first: each edit made after the freeze."),
            parent,
        )
        headers = [
            self.tr("When"),
            self.tr("Who"),
            self.tr("Item"),
            self.tr("What"),
            self.tr("Before"),
            self.tr("After"),
        ]
        rows = [
            (
                local_time(c.at),
                c.actor,
                c.item_code,
                labels.field(c.field, "improvement_item") if c.field else c.action,
                c.old or "",
                c.new or "",
            )
            for c in changes
        ]
        self.set_table(_table(rows, headers))
