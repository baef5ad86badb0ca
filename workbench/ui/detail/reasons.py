"""Why a problem was rejected or reopened: the dialog that asks (a reason is required),
and the line that shows the reason kept with the status change that made the status.

The dialog is opened window-modal with ``open()``, not run with ``exec()``: the panel
changes the status when ``reasonGiven`` arrives, and Cancel changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services.closing import REASON_LENGTH
from workbench.services.records import ProblemDetail, StatusChangeRecord
from workbench.ui import labels


class ReasonDialog(QDialog):
    """Asks why before a reject or a reopen; OK is enabled once a reason is typed."""

    reasonGiven = Signal(str)

    def __init__(
        self, title: str, question: str, action: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(
            self.tr("Why? The reason is kept with the problem's status history.")
        )
        self.reason.setTabChangesFocus(True)
        self.hint = QLabel(self.tr("A reason is required."))
        self.hint.setStyleSheet("color: #607d8b;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button.setText(action)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.reason)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(460, 260)
        self.reason.textChanged.connect(self._update)
        self.buttons.accepted.connect(self._give)
        self.buttons.rejected.connect(self.reject)
        self._update()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None  # the box was made with OK
        return button

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def _update(self) -> None:
        typed = self.text()
        too_long = len(typed) > REASON_LENGTH
        self.ok_button.setEnabled(bool(typed) and not too_long)
        if too_long:
            self.hint.setText(
                self.tr("The reason is longer than %1 characters.").replace(
                    "%1", str(REASON_LENGTH)
                )
            )
        else:
            self.hint.setText("" if typed else self.tr("A reason is required."))

    def _give(self) -> None:
        reason = self.text()
        if not reason:
            return
        self.accept()
        self.reasonGiven.emit(reason)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReasonDialog", text)


def ask_reason(
    parent: QWidget, detail: ProblemDetail, status: str, given: Callable[[str], None]
) -> ReasonDialog:
    """Open the dialog asking why ``detail`` goes to ``status``; ``given(reason)`` runs on OK."""
    named = lambda text: text.replace("%1", detail.code).replace("%2", detail.title)  # noqa: E731
    if status == "rejected":
        title = _tr("Reject problem")
        question = named(
            _tr(
                "Reject %1 “%2”? It can be reopened later, but only as Open: its current "
                "stage is not kept. Say why it is rejected:"
            )
        )
    else:
        title = _tr("Reopen problem")
        question = named(_tr("Reopen %1 “%2”? Say why it needs more work:"))
    dialog = ReasonDialog(title, question, labels.transition(detail.status, status), parent)
    dialog.reasonGiven.connect(given)
    dialog.finished.connect(dialog.deleteLater)  # asked anew each time
    dialog.open()
    return dialog


def reason_line(change: StatusChangeRecord | None) -> str:
    """The kept reason of the change that made the current status, e.g. "Closed →
    Analysing, by 王芳 on 2026-12-01 14:05: “差异率又回升”"; "" when it gave none."""
    if change is None or not change.reason:
        return ""
    moment = change.changed_at.replace(tzinfo=dt.UTC).astimezone()
    text = _tr("%1 → %2, by %3 on %4: “%5”")
    return (
        text.replace("%1", labels.choice("status", change.from_status))
        .replace("%2", labels.choice("status", change.to_status))
        .replace("%3", change.changed_by)
        .replace("%4", moment.strftime("%Y-%m-%d %H:%M"))
        .replace("%5", change.reason)
    )
