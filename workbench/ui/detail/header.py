"""The top of the record workspace: code, status badge and title on one line with the
allowed next statuses, and under it only the notes that apply (closed, a reason, a
message)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from workbench.services.records import ProblemDetail
from workbench.ui import labels
from workbench.ui.detail.widgets import ErrorText, StatusBadge

INFO_STYLE = "color: #1b5e20;"
CLOSED_STYLE = (
    "color: #1b5e20; background: #e8f5e9; border: 1px solid #a5d6a7;"
    " border-radius: 3px; padding: 4px 8px;"
)


class ElidedLabel(QLabel):
    """One line that ends in "…" when it is wider than its room; the whole text is in
    its tooltip, and ``text()`` returns it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        super().setText(shown)


class ProblemHeader(QWidget):
    statusRequested = Signal(str)
    compareRequested = Signal()  # after a refused save: compare the edit with theirs
    takeTheirsRequested = Signal()  # after a refused save: show what is saved now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = QLabel()
        self.code.setObjectName("code")
        self.code.setStyleSheet("color: #546e7a; font-weight: bold;")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = StatusBadge()
        self.badge.setObjectName("status_badge")
        self.title = ElidedLabel()
        self.title.setObjectName("title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.message = ErrorText()
        self.message.setObjectName("message")
        self.closed_note = QLabel(self.tr("Closed: reopen to edit"))
        self.closed_note.setObjectName("closed_note")
        self.closed_note.setStyleSheet(CLOSED_STYLE)
        self.closed_note.hide()
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #546e7a;")
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.hide()
        self._buttons: dict[str, QPushButton] = {}
        self._button_row = QHBoxLayout()
        self._button_row.setSpacing(6)
        top = self._top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.code)
        top.addWidget(self.badge)
        top.addWidget(self.title, 1)
        top.addLayout(self._button_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.closed_note)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        self.compare_button = QPushButton(self.tr("Compare…"))
        self.compare_button.setObjectName("compare")
        self.compare_button.clicked.connect(self.compareRequested)
        self.take_theirs_button = QPushButton(self.tr("Show theirs"))
        self.take_theirs_button.setObjectName("take_theirs")
        self.take_theirs_button.setToolTip(self.tr("Discard your edit and show what is saved"))
        self.take_theirs_button.clicked.connect(self.takeTheirsRequested)
        self._conflict = QWidget()
        row = QHBoxLayout(self._conflict)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.compare_button)
        row.addWidget(self.take_theirs_button)
        row.addStretch(1)
        self._conflict.hide()
        layout.addWidget(self._conflict)

    def add_leading(self, widget: QWidget) -> None:
        """Put ``widget`` first on the top line (the page's "Hide list")."""
        self._top.insertWidget(0, widget)

    def add_trailing(self, widget: QWidget) -> None:
        """Put ``widget`` last on the top line (after the status buttons)."""
        self._top.addWidget(widget)

    def show_detail(self, detail: ProblemDetail | None, allowed: tuple[str, ...]) -> None:
        if detail is None:
            self.code.setText(self.tr("New problem"))
            self.badge.hide()
            self.title.setText(self.tr("Fill in at least the title, then save."))
            self.show_reason("")
        else:
            self.code.setText(detail.code)
            self.badge.show()
            self.badge.set_status(detail.status)
            self.title.setText(detail.title)
        imported = detail is not None and detail.imported_at is not None
        self.closed_note.setText(
            self.tr("Closed as imported (no verified result needed): reopen to edit")
            if imported
            else self.tr("Closed: reopen to edit")
        )
        self.code.setToolTip(
            self.tr("Imported from a spreadsheet on %1").replace(
                "%1", detail.imported_at.date().isoformat()
            )
            if detail is not None and detail.imported_at is not None
            else ""
        )
        self.closed_note.setVisible(detail is not None and detail.status == "closed")
        self._set_buttons(detail.status if detail else None, allowed)

    def _set_buttons(self, current: str | None, allowed: tuple[str, ...]) -> None:
        for button in self._buttons.values():
            self._button_row.removeWidget(button)
            button.hide()  # deleteLater waits for the event loop; never show a stale button
            button.deleteLater()
        self._buttons = {}
        for target in allowed if current else ():
            button = QPushButton(self.transition_text(current or "", target))
            button.setObjectName(f"status_{target}")
            button.setToolTip(
                self.tr("Change the status to %1").replace("%1", labels.choice("status", target))
            )
            button.clicked.connect(lambda _=False, t=target: self.statusRequested.emit(t))
            self._button_row.addWidget(button)
            self._buttons[target] = button

    def show_reason(self, text: str) -> None:
        """Why the problem has its status (a reject's or reopen's reason); "" hides it."""
        self.reason.setText(text)
        self.reason.setVisible(bool(text))

    def transition_text(self, current: str, target: str) -> str:
        return labels.transition(current, target)

    def status_button(self, target: str) -> QPushButton:
        return self._buttons[target]

    def show_error(self, text: str) -> None:
        self._conflict.hide()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.show_text(text)

    def show_conflict(self, text: str) -> None:
        """A save refused because someone saved first: the reason, and the ways on."""
        self.show_error(text)
        self._conflict.show()

    def show_info(self, text: str) -> None:
        self._conflict.hide()
        self.message.setStyleSheet(INFO_STYLE)
        self.message.show_text(text)
