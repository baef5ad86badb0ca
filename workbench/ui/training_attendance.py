"""Who attended a training session: the attendance table (name, department that day,
score) with a person picked from the people list to add, the one selected removed, and
a score (0–100) set. Each is asked of the page, which runs it as one undoable step."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.services.training_records import Attendee, TrainingRecord
from workbench.ui.controls import push_button, record_table
from workbench.ui.detail.editor import HEADING_STYLE
from workbench.ui.detail.widgets import ChoiceCombo, number_text
from workbench.ui.training_table import AttendeeTableModel


class AttendancePanel(QWidget):
    addRequested = Signal(int)  # person id
    removeRequested = Signal(int)  # person id
    scoreRequested = Signal(int, str)  # person id, the score as typed ("" clears it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendance")
        self.heading = QLabel(self.tr("Attendance"))
        self.heading.setStyleSheet(HEADING_STYLE)
        self.note = QLabel()
        self.note.setObjectName("attendance_note")
        self.note.setWordWrap(True)
        self.model = AttendeeTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("attendees")
        self.table.setModel(self.model)
        record_table(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.person = ChoiceCombo([], optional=True)
        self.person.setObjectName("pick_person")
        self.add_button = push_button("add_attendee", self.tr("Add"), self._add)
        self.remove_button = push_button("remove_attendee", self.tr("Remove"), self._remove)
        self.score = QLineEdit()
        self.score.setObjectName("score")
        self.score.setPlaceholderText(self.tr("0–100"))
        self.score.setMaximumWidth(90)
        self.score.returnPressed.connect(self._score)
        self.score_button = push_button("set_score", self.tr("Set score"), self._score)
        picking = QHBoxLayout()
        picking.addWidget(self.person, 1)
        picking.addWidget(self.add_button)
        scoring = QHBoxLayout()
        scoring.addWidget(QLabel(self.tr("Score")))
        scoring.addWidget(self.score)
        scoring.addWidget(self.score_button)
        scoring.addStretch(1)
        scoring.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(picking)
        layout.addWidget(self.table, 1)
        layout.addLayout(scoring)
        layout.addWidget(self.note)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.show_session(None)

    def set_people(self, people: tuple[tuple[int, str, str | None], ...]) -> None:
        self.person.set_items((i, f"{name} · {dept}" if dept else name) for i, name, dept in people)

    def selected(self) -> Attendee | None:
        row: Attendee | None = self.model.row(self.table.currentIndex().row())
        return row

    def show_session(self, record: TrainingRecord | None) -> None:
        """The attendees of ``record``; None (a new session, not saved): nothing to take."""
        chosen = self.selected()
        self.model.show(record.attendees if record is not None else ())
        enabled = record is not None
        for widget in (self.person, self.add_button, self.table, self.score):
            widget.setEnabled(enabled)
        if record is None:
            self.note.setText(self.tr("Save the session first, then take its attendance."))
        else:
            self.note.setText(
                self.tr("%1 attended. Grey: left the plant since.").replace(
                    "%1", str(len(record.attendees))
                )
            )
        if chosen is not None:
            for number in range(self.model.rowCount()):
                if self.model.row(number).person_id == chosen.person_id:
                    self.table.selectRow(number)
        self._selected()

    def select_person(self, person_id: int) -> bool:
        for number in range(self.model.rowCount()):
            if self.model.row(number).person_id == person_id:
                self.table.selectRow(number)
                return True
        return False

    def _selected(self) -> None:
        row = self.selected()
        self.remove_button.setEnabled(row is not None)
        self.score_button.setEnabled(row is not None)
        self.score.setText(number_text(row.score) if row is not None else "")

    def _add(self) -> None:
        person_id = self.person.value()
        if person_id is not None:
            self.addRequested.emit(int(person_id))

    def _remove(self) -> None:
        row = self.selected()
        if row is not None:
            self.removeRequested.emit(row.person_id)

    def _score(self) -> None:
        row = self.selected()
        if row is not None:
            self.scoreRequested.emit(row.person_id, self.score.text().strip())
