"""The Alerts page (异常预警): the open exception alerts, since when, who owns them, their
latest value and their ticket. Double-click (or Open ticket) opens the ticket, a problem,
on the Problems page; Close closes an alert proposed for closing (the KPI back in range
for the team's number of periods, set here too). Evaluate runs the evaluation now, as
opening the database and ``workbench alerts`` do. Closing is one step of the page's undo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from workbench.services import ChangeSet, Services
from workbench.services.kpi_records import AlertRow
from workbench.ui import errors, labels
from workbench.ui.controls import ErrorText, fill_table, push_button, text_table
from workbench.ui.pages import Registered
from workbench.ui.recorded_step import RecordedStep, perform

TABLES = ("kpi", "kpi_measurement", "kpi_alert", "problem", "team_setting")


class AlertsPage(Registered, QWidget):
    recordRequested = Signal(str, int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alerts_page")
        self._services = services
        self._undo = QUndoStack(self)
        self.language = labels.language()
        self.rows: tuple[AlertRow, ...] = ()
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = ErrorText()
        self.table = text_table(
            [
                self.tr("KPI"),
                self.tr("Place"),
                self.tr("Status"),
                self.tr("Since"),
                self.tr("Last breach"),
                self.tr("Breaches"),
                self.tr("Latest value"),
                self.tr("Owner"),
                self.tr("Ticket"),
            ]
        )
        self.table.setObjectName("alerts")
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_ticket(row))
        self.table.currentCellChanged.connect(lambda *_: self._enable())
        self.close_after = QSpinBox()
        self.close_after.setObjectName("close_after")
        self.close_after.setRange(1, 24)
        self.close_after.setValue(services.alerts.close_after())
        self.close_after.editingFinished.connect(self._set_close_after)
        self.open_button = push_button("open_ticket", self.tr("Open ticket"), self.open_ticket)
        self.close_button = push_button("close_alert", self.tr("Close"), self.close_alert)
        evaluate = push_button("evaluate", self.tr("Evaluate now"), self.evaluate)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Propose closing after this many periods in range:")))
        bar.addWidget(self.close_after)
        bar.addStretch(1)
        bar.addWidget(evaluate)
        bar.addWidget(self.close_button)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.refresh()

    # ---- the Page protocol -------------------------------------------------------------
    page_key = "alerts"  # its title() and icon() come from the registry (Registered)

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo

    def open_record(self, kind: str, record_id: int) -> bool:
        return False

    def changed(self, change: ChangeSet) -> None:
        if change.touches(*TABLES):
            self.refresh()

    # ---- showing and acting ------------------------------------------------------------
    def refresh(self) -> None:
        self.rows = self._services.alerts.alerts(language=self.language)
        fill_table(
            self.table,
            [
                [
                    a.kpi,
                    a.place(self.language),
                    labels.choice("alert_status", a.status),
                    a.opened_period,
                    a.last_breach_period,
                    str(a.breaches),
                    "" if a.latest_value is None else f"{a.latest_value} {a.unit}".strip(),
                    a.owner or a.owner_department or "",
                    a.problem_code or "",
                ]
                for a in self.rows
            ],
        )
        self.heading.setText(self.tr("%1 open alerts").replace("%1", str(len(self.rows))))
        self._enable()

    def _current(self, row: int | None = None) -> AlertRow | None:
        row = self.table.currentRow() if row is None else row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _enable(self) -> None:
        alert = self._current()
        self.open_button.setEnabled(alert is not None and alert.problem_id is not None)
        self.close_button.setEnabled(alert is not None and alert.status == "close_proposed")

    def open_ticket(self, row: int | None = None) -> None:
        alert = self._current(row)
        if alert is not None and alert.problem_id is not None:
            self.recordRequested.emit("problem", alert.problem_id)

    def _refused(self, error: Exception) -> None:
        self.message.show_text(errors.describe(error))

    def _step(self, text: str, action: Callable[[], Any]) -> None:
        step = RecordedStep(
            self._services,
            text,
            action,
            lambda: None,
            lambda _r: self.refresh(),
            self._refused,
        )
        if not perform(step, self._undo, self._refused):
            return
        self.message.show_text("")
        self.refresh()

    def close_alert(self) -> None:
        alert = self._current()
        if alert is None:
            return
        service = self._services.alerts
        self._step(
            self.tr("Close the alert on %1").replace("%1", alert.kpi),
            lambda: service.close(alert.id),
        )

    def evaluate(self) -> None:
        service, language = self._services.alerts, self.language
        self._step(self.tr("Evaluate the KPIs"), lambda: service.evaluate(language))

    def _set_close_after(self) -> None:
        value = self.close_after.value()
        if value != self._services.alerts.close_after():
            service = self._services.alerts
            self._step(
                self.tr("Propose closing after %1 periods").replace("%1", str(value)),
                lambda: service.set_close_after(value),
            )
