"""Count the rows of a slow filter in the background while the list already shows rows.

A free-text filter over a million problems is a scan: its exact count takes longer than
the first page of rows. ``BackgroundCount`` runs such counts through the window's one way
of running long work (``LatestAnswer`` in workbench.ui.operations), one at a time and
without a dialog, and delivers only the answer to the latest request; a request that a
newer one overtakes before it starts is never run. Only plain values (a filter, an int)
cross threads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from workbench.services.records import ProblemFilter
from workbench.ui.operations import LatestAnswer

Counter = Callable[[ProblemFilter], int]
FAILED = -1


class BackgroundCount(QObject):
    """``start(flt)`` counts on a worker thread; ``counted(n)`` comes back on this one."""

    counted = Signal(int)  # the count, or FAILED (a locked or vanished database)

    def __init__(self, count: Counter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = count
        self._latest = LatestAnswer(self)
        self._latest.answered.connect(lambda total: self.counted.emit(int(total)))
        self._latest.failed.connect(lambda _message: self.counted.emit(FAILED))

    def start(self, flt: ProblemFilter) -> None:
        count = self._count
        self._latest.ask(lambda _progress: count(flt))

    def cancel(self) -> None:
        """Forget the request under way or waiting: its answer will not be delivered."""
        self._latest.forget()
