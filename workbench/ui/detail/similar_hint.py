"""Under a new problem's title: the open problems like it, so a second 「库存差异率高」 is
not started without a word ("Similar open problems (3): P-2026-0012 库存差异率高, …").

The look-up runs in the background a moment after the user stops typing (through the
window's one runner, workbench.ui.operations); only the answer to the latest title is
shown, and a link opens that problem.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from workbench.services.similar import SimilarProblem
from workbench.ui.operations import LatestAnswer

Find = Callable[[str], Sequence[SimilarProblem]]
PAUSE_MS = 400


class SimilarHint(QLabel):
    """Shown only while ``active`` (a new problem's form) and something alike exists."""

    openRequested = Signal(int)  # a problem's id
    looked = Signal()  # an answer was shown (or found empty); tests wait for it

    def __init__(self, find: Find, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("similar_hint")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet("color: #8d5800;")
        self.linkActivated.connect(lambda href: self.openRequested.emit(int(href)))
        self._find = find
        self._latest = LatestAnswer(self)
        self._latest.answered.connect(self._answer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._look)
        self._title = ""
        self._active = False
        self.found: tuple[SimilarProblem, ...] = ()
        self.hide()

    def set_active(self, active: bool) -> None:
        """Look while a new problem is typed; forget everything otherwise."""
        self._active = active
        self._latest.forget()
        self._timer.stop()
        self._show(())

    def watch(self, title: str) -> None:
        """The title changed: look again once the typing pauses."""
        if self._active:
            self._title = title
            self._timer.start()

    def _look(self) -> None:
        title, find = self._title, self._find
        self._latest.ask(lambda _progress: tuple(find(title)))

    def _answer(self, found: tuple[SimilarProblem, ...]) -> None:
        if self._active:
            self._show(found)
            self.looked.emit()

    def _show(self, found: Sequence[SimilarProblem]) -> None:
        self.found = tuple(found)
        if not found:
            self.clear()
            self.hide()
            return
        links = ", ".join(
            f'<a href="{problem.id}">{html.escape(problem.code)}</a> {html.escape(problem.title)}'
            for problem in found
        )
        head = self.tr("Similar open problems (%1) — open one instead?").replace(
            "%1", str(len(found))
        )
        self.setText(f"{html.escape(head)}<br>{links}")
        self.show()
