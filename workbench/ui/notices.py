"""Change notices delivered to the UI thread, whoever wrote and from whichever thread.

Writes through this window's Services are heard from ``Services.subscribe``, which calls
back in the writing thread (perhaps a worker); the ChangeSet crosses to the UI thread by
a queued signal. Writes by anyone else on the same database (a command, a second window,
a colleague on a shared server) are read from the audit chain every ``interval`` ms.
Entries already heard are not delivered twice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from shiboken6 import Shiboken

from workbench.services import Services
from workbench.services.changes import ChangeSet

POLL_MS = 1500


class ChangeNotices(QObject):
    """Emits ``changed(ChangeSet)`` in the UI thread for every committed write."""

    changed = Signal(object)  # ChangeSet
    _heard = Signal(object)  # ChangeSet, emitted in the writing thread

    def __init__(
        self, services: Services, parent: QObject | None = None, interval: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self._feed = services.changes
        self._seen = self._feed.last_entry()
        self._lock = threading.Lock()
        self._heard_ranges: list[tuple[int, int]] = []  # entries above _seen already heard
        self._heard.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = services.subscribe(self._on_write)
        self.timer = QTimer(self)
        self.timer.setInterval(interval)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def stop(self) -> None:
        """No more notices (the window is closing)."""
        self.timer.stop()
        unsubscribe, self._unsubscribe = self._unsubscribe, None
        if unsubscribe is not None:
            unsubscribe()

    def _on_write(self, change: ChangeSet) -> None:
        """In the writing thread, right after its commit."""
        with self._lock:
            self._heard_ranges.append((change.first_entry, change.last_entry))
        if Shiboken.isValid(self):
            self._heard.emit(change)

    @Slot(object)
    def _deliver(self, change: ChangeSet) -> None:
        self.changed.emit(change)

    def poll(self) -> None:
        """Deliver what others committed since the last look."""
        with self._lock:
            skip = tuple(self._heard_ranges)
        found = self._feed.since(self._seen, skip)
        if found is None:
            return  # unreadable just now (e.g. a network hiccup); look again next time
        changes, last = found
        with self._lock:
            self._seen = max(self._seen, last)
            self._heard_ranges = [r for r in self._heard_ranges if r[1] > self._seen]
        for change in changes:
            self.changed.emit(change)
