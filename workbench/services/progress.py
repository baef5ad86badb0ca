"""Progress and cancellation of long work, without Qt.

A long job (check, import, export, report, backup, search) takes a ``Progress``. It calls
``report(done, total, message)`` as it goes; each call also checks the cancel flag and
raises ``Cancelled`` once the user asked to stop, so the job's transaction rolls back and
nothing is left half-written. The window's runner (workbench.ui.operations) reads the
figures and sets the flag from the UI thread; the command line prints them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Listener = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user stopped the job; whatever it was writing was rolled back."""


class Progress:
    """Thread-safe progress of one job: the worker reports, anyone may cancel."""

    def __init__(self, listener: Listener | None = None) -> None:
        self._listener = listener
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._state: tuple[int, int, str] = (0, 0, "")

    def report(self, done: int, total: int = 0, message: str = "") -> None:
        """``done`` of ``total`` steps (0 when unknown); raises Cancelled if cancelled."""
        with self._lock:
            self._state = (done, total, message or self._state[2])
            state = self._state
        if self._listener is not None:
            self._listener(*state)
        self.check()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def state(self) -> tuple[int, int, str]:
        """The last (done, total, message) reported."""
        with self._lock:
            return self._state


def silent() -> Progress:
    """A Progress nobody watches or cancels (tests, quick calls)."""
    return Progress()
