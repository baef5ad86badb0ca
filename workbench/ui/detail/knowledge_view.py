"""A problem's knowledge: the tips and FAQs linked to it or to one of its causes or
solutions, most helpful first, in a tab of the record workspace. An outdated entry is
listed too, marked outdated.

Read-only here: entries are written and linked on the Knowledge page; a double-click
opens the entry there.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbench.services.knowledge_records import KnowledgeRow
from workbench.ui import labels
from workbench.ui.controls import fill_table, text_table

OUTDATED = QColor("#9e9e9e")


class KnowledgeView(QWidget):
    openRequested = Signal(int)  # an entry's id: show it on the Knowledge page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem_knowledge")
        self._rows: tuple[KnowledgeRow, ...] = ()
        self.table = text_table(
            [
                self.tr("Kind"),
                self.tr("Title or question"),
                self.tr("Status"),
                self.tr("Helpful"),
                self.tr("Author"),
            ]
        )
        self.table.cellDoubleClicked.connect(self._open)
        note = QLabel(
            self.tr(
                "Tips and FAQs linked to this problem, its causes or solutions, most helpful first."
            )
        )
        note.setStyleSheet("color: #546e7a;")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def set_rows(self, rows: Sequence[KnowledgeRow]) -> None:
        self._rows = tuple(rows)
        fill_table(
            self.table,
            [
                [
                    labels.choice("knowledge_kind", r.kind),
                    r.title,
                    labels.choice("knowledge_status", r.status),
                    f"+{r.helpful} / −{r.not_helpful}",
                    r.author,
                ]
                for r in self._rows
            ],
        )
        for number, row in enumerate(self._rows):
            if row.status == "outdated":
                for column in range(self.table.columnCount()):
                    item = self.table.item(number, column)
                    if item is not None:
                        item.setForeground(QBrush(OUTDATED))

    def rows(self) -> tuple[KnowledgeRow, ...]:
        return self._rows

    def _open(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._rows):
            self.openRequested.emit(self._rows[row].id)
