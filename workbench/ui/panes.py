"""A page divided into panes the user sizes: the sizes come back on the next start, and
the first pane (a list beside the record it opens) can be hidden to give the record the
whole width.

``Panes`` is a splitter that knows its default shares and reports, a moment after the
user stops dragging, that its sizes changed; the page keeps them with its list view
(workbench.list_views ``splits``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QSplitter, QWidget

KEEP_DELAY_MS = 400


class Panes(QSplitter):
    """Side-by-side panes with default shares (e.g. 2:3) and remembered sizes."""

    resized = Signal()  # the user moved a handle (or hid or showed a pane); settled

    def __init__(self, name: str, shares: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName(name)
        self.setChildrenCollapsible(False)
        self._shares = tuple(shares)
        self._wanted: tuple[int, ...] = ()
        self._sized = False
        self._before_hiding: list[int] = []
        self._first_hidden = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(KEEP_DELAY_MS)
        self._timer.timeout.connect(self.resized)
        self.splitterMoved.connect(lambda *_: self._timer.start())

    def restore(self, sizes: Sequence[int]) -> None:
        """Use ``sizes`` (as kept) instead of the default shares; a 0 first pane is hidden."""
        self._wanted = tuple(sizes) if len(sizes) == len(self._shares) else ()
        if self._sized:
            self._apply()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            self._apply()

    def _apply(self) -> None:
        if self.count() != len(self._shares):
            return
        if self._wanted and any(self._wanted[1:]):
            if self._wanted[0] == 0:
                self._hide_first()
                return
            self.setSizes(list(self._wanted))
            return
        total, parts = max(self.width(), 1), sum(self._shares)
        self.setSizes([total * share // parts for share in self._shares])

    # ---- the first pane, hidden and shown ---------------------------------------------
    @property
    def first_hidden(self) -> bool:
        return self._first_hidden

    def toggle_first(self) -> None:
        if self.first_hidden:
            self.show_first()
        else:
            self._hide_first()
            self.resized.emit()

    def show_first(self) -> None:
        if not self.first_hidden:
            return
        sizes = self._before_hiding
        if len(sizes) != self.count() or not sizes[0]:
            total, parts = max(self.width(), 1), sum(self._shares)
            sizes = [total * share // parts for share in self._shares]
        self._first_hidden = False
        self.setCollapsible(0, False)
        self.setSizes(sizes)
        self.resized.emit()

    def _hide_first(self) -> None:
        sizes = self.sizes()
        if sizes and sizes[0]:
            self._before_hiding = sizes
        self._first_hidden = True
        self.setCollapsible(0, True)
        self.setSizes([0, sizes[0] + sizes[1], *sizes[2:]])


class HideFirstButton(QPushButton):
    """ "Hide list" / "Show list": hides or shows the first pane of ``panes``."""

    def __init__(self, panes: Panes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toggle_list")
        self.setFlat(True)
        self._panes = panes
        self.clicked.connect(panes.toggle_first)
        panes.resized.connect(self.update_text)
        self.update_text()

    def update_text(self) -> None:
        hidden = self._panes.first_hidden
        self.setText(
            QCoreApplication.translate("Panes", "▶ List")
            if hidden
            else QCoreApplication.translate("Panes", "◀ List")
        )
        self.setToolTip(
            QCoreApplication.translate(
                "Panes", "Give the record the whole width, or show the list beside it (Ctrl+L)"
            )
        )
