"""A problem's training: the sessions (drills, classes, manual updates …) linked to it or
to one of its solutions, newest first, in a tab of the record workspace.

Read-only here: sessions are made and linked on the Training page. Opening a session
(double-click) goes there.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbench.services.training_records import SessionRow
from workbench.ui import labels
from workbench.ui.controls import fill_table, text_table
from workbench.ui.detail.widgets import number_text


class TrainingView(QWidget):
    openRequested = Signal(int)  # a session's id: show it on the Training page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem_training")
        self._rows: tuple[SessionRow, ...] = ()
        self.table = text_table(
            [
                self.tr("Held on"),
                self.tr("Session"),
                self.tr("Kind"),
                self.tr("Topic"),
                self.tr("For"),
                self.tr("Attendees"),
                self.tr("Average score"),
            ]
        )
        self.table.cellDoubleClicked.connect(self._open)
        note = QLabel(self.tr("Training linked to this problem or its solutions, newest first."))
        note.setStyleSheet("color: #546e7a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def set_rows(self, rows: Sequence[SessionRow]) -> None:
        self._rows = tuple(rows)
        problem = self.tr("the problem")
        fill_table(
            self.table,
            [
                [
                    r.held_on.isoformat(),
                    r.code,
                    labels.choice("training_kind", r.kind),
                    r.topic,
                    problem if r.via == "problem" else r.via,
                    str(r.attendees),
                    number_text(r.average_score),
                ]
                for r in self._rows
            ],
        )

    def rows(self) -> tuple[SessionRow, ...]:
        return self._rows

    def _open(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._rows):
            self.openRequested.emit(self._rows[row].id)
