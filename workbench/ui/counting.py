"""Count the rows of a slow filter in the background while the list already shows rows.

A free-text filter over a million problems is a scan: its exact count takes longer than
the first page of rows. ``BackgroundCount`` runs such counts through the window's one way
of running long work (workbench.ui.operations), one at a time and without a dialog, and
delivers only the answer to the latest request; a request that a newer one overtakes
before it starts is never run, and one overtaken while it runs is cancelled. Only plain
values (a filter, an int) cross threads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from workbench.services.progress import Progress
from workbench.services.records import ProblemFilter
from workbench.ui.operations import Operation, Operations

Counter = Callable[[ProblemFilter], int]
FAILED = -1


class BackgroundCount(QObject):
    """``start(flt)`` counts on a worker thread; ``counted(n)`` comes back on this one."""

    counted = Signal(int)  # the count, or FAILED (a locked or vanished database)

    def __init__(self, count: Counter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = count
        self._operations = Operations(self, threads=1)
        self._request = 0
        self._pending: tuple[int, ProblemFilter] | None = None
        self._running: Operation | None = None

    def start(self, flt: ProblemFilter) -> None:
        self._request += 1
        self._pending = (self._request, flt)
        if self._running is None:
            self._run_pending()

    def cancel(self) -> None:
        """Forget the request under way or waiting: its answer will not be delivered."""
        self._request += 1
        self._pending = None

    def _run_pending(self) -> None:
        if self._pending is None:
            return
        request, flt = self._pending
        self._pending = None
        count = self._count

        def job(_progress: Progress) -> int:
            return count(flt)

        operation = self._operations.run(job, dialog=False)
        operation.succeeded.connect(lambda total: self._delivered(request, int(total)))
        operation.failed.connect(lambda _message: self._delivered(request, FAILED))
        operation.ended.connect(self._ended)
        self._running = operation

    def _ended(self) -> None:
        self._running = None
        self._run_pending()

    def _delivered(self, request: int, total: int) -> None:
        if request == self._request:
            self.counted.emit(total)
