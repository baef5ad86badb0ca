"""The Settings page's team rules: kept in the database for everyone who uses it (not in
this laptop's settings.json), changed at once when ticked, and audited like any record.

The four-eyes rule (whoever entered a result's values does not verify it), which a
one-person plant can relax (the box says who relaxed it and when), and the largest
attachment a record takes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.services import Services
from workbench.services.errors import StorageError
from workbench.services.records import RuleChange
from workbench.ui import errors

HINT_STYLE = "color: #607d8b;"
MEGABYTE = 1024 * 1024


def _label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class TeamRulesBox(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Team rules"))
        self._services = services
        self.four_eyes = QCheckBox(
            self.tr("Let a person verify a result whose values they entered (one-person plant)")
        )
        self.four_eyes.setObjectName("relax_four_eyes")
        self.explanation = _label(
            self.tr(
                "The four-eyes rule: the person who verifies a result is not the one who "
                "entered its baseline or value after, so every closed problem was checked "
                "by a second person. Tick this only where one person does all the work. It "
                "applies to everyone using this database at once, and the audit trail "
                "records who changed it and when."
            )
        )
        self.status = _label()
        self.status.setObjectName("team_rules_status")
        self.attachment_limit = QSpinBox()
        self.attachment_limit.setObjectName("attachment_limit")
        self.attachment_limit.setRange(1, 200)
        self.attachment_limit.setSuffix(" MB")
        layout = QVBoxLayout(self)
        layout.addWidget(self.four_eyes)
        layout.addWidget(self.explanation)
        layout.addWidget(self.status)
        limit = QHBoxLayout()
        limit.addWidget(QLabel(self.tr("Largest attachment")))
        limit.addWidget(self.attachment_limit)
        limit.addStretch(1)
        layout.addLayout(limit)
        self.four_eyes.toggled.connect(self._changed)
        self.attachment_limit.editingFinished.connect(self._limit_changed)
        self.reload()

    def reload(self) -> None:
        """Show the rule as the database has it now (whoever changed it)."""
        try:
            relaxed = self._services.team.four_eyes_relaxed()
            history = self._services.team.changes()
            limit = self._services.team.attachment_limit()
        except StorageError as exc:
            self.status.setText(errors.storage(exc))
            self.status.show()
            return
        self.four_eyes.blockSignals(True)
        self.four_eyes.setChecked(relaxed)
        self.four_eyes.blockSignals(False)
        self.attachment_limit.setValue(max(1, round(limit / MEGABYTE)))
        self.status.setText(self._last_change(history[-1]) if history else "")
        self.status.setVisible(bool(history))

    def _last_change(self, change: RuleChange) -> str:
        moment = dt.datetime.fromisoformat(change.at)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        text = (
            self.tr("Relaxed by %1 on %2.")
            if change.value == "relaxed"
            else self.tr("Required again by %1 on %2.")
        )
        when = moment.astimezone().strftime("%Y-%m-%d %H:%M")
        return text.replace("%1", change.by).replace("%2", when)

    def _changed(self, relaxed: bool) -> None:
        self._change(lambda: self._services.team.set_four_eyes_relaxed(relaxed))

    def _limit_changed(self) -> None:
        limit = self.attachment_limit.value() * MEGABYTE  # unchanged: nothing written
        self._change(lambda: self._services.team.set_attachment_limit(limit))

    def _change(self, step: Callable[[], bool]) -> None:
        try:
            step()
        except StorageError as exc:
            self.reload()
            self.status.setText(errors.storage(exc))
            self.status.show()
            return
        self.reload()
