"""Count the rows of a slow filter on a worker thread while the list already shows rows.

A free-text filter over a million problems is a scan: its exact count takes longer than
the first page of rows. ``BackgroundCount`` runs such counts one at a time, each on a
short-lived thread, and delivers only the answer to the latest request; a request that a
newer one overtakes before it starts is never run. No thread is left idle, so nothing is
running when the program ends. Only plain values (a filter, an int) cross threads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from workbench.services.records import ProblemFilter

Counter = Callable[[ProblemFilter], int]
FAILED = -1


class _CountThread(QThread):
    counted = Signal(int, int)  # request number, count (FAILED when the count failed)

    def __init__(self, request: int, flt: ProblemFilter, count: Counter) -> None:
        super().__init__()
        self._request, self._filter, self._count = request, flt, count

    def run(self) -> None:
        try:
            total = self._count(self._filter)
        except Exception:  # a locked or vanished database: the list keeps what it shows
            total = FAILED
        self.counted.emit(self._request, total)


class BackgroundCount(QObject):
    """``start(flt)`` counts on a worker thread; ``counted(n)`` comes back on this one."""

    counted = Signal(int)  # the count, or FAILED

    def __init__(self, count: Counter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = count
        self._request = 0
        self._pending: tuple[int, ProblemFilter] | None = None
        self._running: list[_CountThread] = []  # at most one
        running = self._running
        # A QThread must not be deleted while it runs: wait for the count under way.
        self.destroyed.connect(lambda: [thread.wait() for thread in running])

    def start(self, flt: ProblemFilter) -> None:
        self._request += 1
        self._pending = (self._request, flt)
        if not self._running:
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
        thread = _CountThread(request, flt, self._count)
        thread.counted.connect(self._delivered)
        thread.finished.connect(self._finished)
        self._running.append(thread)
        thread.start()

    @Slot()
    def _finished(self) -> None:
        thread = self._running.pop()
        thread.wait()  # "finished" is sent just before the thread ends
        self._run_pending()

    @Slot(int, int)
    def _delivered(self, request: int, total: int) -> None:
        if request == self._request:
            self.counted.emit(total)
