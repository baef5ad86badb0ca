"""Long work off the UI thread, one way for every job: check, import, export, report, counts.

``Operations.run(job, ...)`` runs ``job(progress)`` on a worker thread of its own pool and
returns an ``Operation`` whose signals come back on the UI thread: ``succeeded(result)``,
``failed(message)`` (already in the window's language: never a traceback), ``cancelled()``,
then ``ended()``. The job reports through a Qt-free ``Progress``
(workbench.services.progress); the window polls it, so a job that reports a million times
costs no flood of signals. A progress dialog appears only if the job is still running after
``DIALOG_DELAY_MS``; its Cancel sets the job's cancel flag, and the job stops at its next
report with its transaction rolled back, so nothing is left half-written.

Only plain data crosses threads: the job's result and the exception. Widgets are touched
only here, on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from workbench.services.progress import Cancelled, Progress

Job = Callable[[Progress], Any]
DIALOG_DELAY_MS = 500
POLL_MS = 100
_OWN_RUNNER = "own_runner"


class _Signals(QObject):
    """Lives on the UI thread; the worker emits, Qt queues the calls to this thread."""

    done = Signal(object)
    raised = Signal(object)
    stopped = Signal()


class _Task(QRunnable):
    def __init__(self, job: Job, progress: Progress, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job, self._progress, self._signals = job, progress, signals

    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except Cancelled:
            self._signals.stopped.emit()
        except Exception as exc:  # every failure reaches the user, in words
            self._signals.raised.emit(exc)
        else:  # cancelled after its last report is finished all the same
            self._signals.done.emit(result)


class Operation(QObject):
    """One job under way. ``cancel()`` asks it to stop; the signals say how it ended."""

    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(
        self,
        title: str,
        progress: Progress,
        window: QWidget | None,
        dialog: bool,
        stages: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.title = title
        self._stages = stages or {}
        self.progress = progress
        self.running = True
        self.error: BaseException | None = None  # the exception a failed job raised
        self.dialog: QProgressDialog | None = None
        self._window = window
        self.signals = _Signals(self)
        self.signals.done.connect(self._succeeded)
        self.signals.raised.connect(self._failed)
        self.signals.stopped.connect(self._cancelled)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._show_progress)
        if dialog:
            QTimer.singleShot(DIALOG_DELAY_MS, self, self._open_dialog)

    def cancel(self) -> None:
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Stopping…"))
            self.dialog.setCancelButton(None)

    # ---- the dialog --------------------------------------------------------------------
    def _open_dialog(self) -> None:
        if not self.running or self.dialog is not None:
            return
        dialog = QProgressDialog(self.title, self.tr("Cancel"), 0, 0, self._window)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 60)
        # QProgressDialog.canceled would also fire on close(): listen to the button only.
        dialog.canceled.connect(self._dialog_cancelled)
        self.dialog = dialog
        self._show_progress()
        dialog.show()
        self._poll.start()

    @Slot()
    def _dialog_cancelled(self) -> None:
        if self.running:
            self.cancel()

    @Slot()
    def _show_progress(self) -> None:
        dialog = self.dialog
        if dialog is None or self.progress.cancelled:
            return
        done, total, message = self.progress.state
        message = self._stages.get(message, message)
        if total > 0:
            dialog.setMaximum(1000)
            dialog.setValue(min(1000, int(done * 1000 / total)))
            figures = f"{done:,} / {total:,}"
        else:
            dialog.setMaximum(0)  # a busy bar until the job knows its size
            figures = f"{done:,}" if done else ""
        detail = " – ".join(part for part in (message, figures) if part)
        dialog.setLabelText(f"{self.title}\n{detail}" if detail else self.title)

    # ---- the end -----------------------------------------------------------------------
    def _end(self) -> None:
        self.running = False
        self._poll.stop()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._dialog_cancelled)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)
        self.ended.emit()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        from workbench.ui.errors import describe

        self._end()
        self.error = error
        self.failed.emit(describe(error))
        self.ended.emit()

    @Slot()
    def _cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
        self.ended.emit()


class Operations(QObject):
    """Runs jobs on a pool of its own, so that the window can wait for them when it ends."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        # Its destructor waits for the workers still running.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._running: list[Operation] = []

    def run(
        self,
        job: Job,
        title: str = "",
        window: QWidget | None = None,
        dialog: bool = True,
        stages: Mapping[str, str] | None = None,
    ) -> Operation:
        """Start ``job(progress)``; with ``dialog`` a cancellable progress dialog over
        ``window`` appears if it runs longer than ``DIALOG_DELAY_MS``. ``stages`` names
        the job's progress messages (Qt-free keys) in the window's language."""
        # Owned by Python, not by a parent: kept in _running until it ends, then freed once
        # nobody holds it (deleteLater on a child whose parent Python then frees crashes).
        operation = Operation(title, Progress(), window, dialog, stages)
        self._running.append(operation)
        operation.ended.connect(lambda: self._forget(operation))
        self._pool.start(_Task(job, operation.progress, operation.signals))
        return operation

    @property
    def running(self) -> list[Operation]:
        return list(self._running)

    @property
    def busy_threads(self) -> int:
        """Worker threads still running a job (0 once ``shutdown`` has returned True)."""
        return self._pool.activeThreadCount()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel every job and wait for them to stop (at quit); False if one did not."""
        for operation in self._running:
            operation.progress.cancel()
        return self._pool.waitForDone(timeout_ms)

    def _forget(self, operation: Operation) -> None:
        if operation in self._running:
            self._running.remove(operation)


def runner_of(widget: QWidget) -> Operations:
    """The runner of the window ``widget`` is shown in, so that closing the window cancels
    the widget's jobs and waits for them (``MainWindow.operations``); a widget shown on its
    own (no such window) gets a runner of its own, made once."""
    window_runner = getattr(widget.window(), "operations", None)
    if isinstance(window_runner, Operations):
        return window_runner
    own = widget.findChild(Operations, _OWN_RUNNER, Qt.FindChildOption.FindDirectChildrenOnly)
    if own is None:
        own = Operations(widget, threads=1)
        own.setObjectName(_OWN_RUNNER)
    return own


class LatestAnswer(QObject):
    """Background questions where only the newest one matters (a count for the filter
    just typed, the problems like the title just typed): one runs at a time; one asked
    meanwhile waits, replacing any that waited; only the newest question's answer is
    delivered, as ``answered(result)`` or ``failed(message)``."""

    answered = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, cancel_older: bool = False) -> None:
        """``cancel_older``: a new question also cancels the one running (its job's
        Progress says cancelled), for jobs that stop early when told (a search)."""
        super().__init__(parent)
        self._operations = Operations(self, threads=1)
        self._asked = 0
        self._waiting: tuple[int, Job] | None = None
        self._running = False
        self._cancel_older = cancel_older
        self._current: Operation | None = None

    def ask(self, job: Job) -> None:
        self._asked += 1
        self._waiting = (self._asked, job)
        if not self._running:
            self._run_waiting()
        elif self._cancel_older and self._current is not None:
            self._current.cancel()

    def forget(self) -> None:
        """No answer to what was asked so far will be delivered."""
        self._asked += 1
        self._waiting = None

    def shutdown(self) -> None:
        """Deliver nothing more, cancel what runs and wait for it (the widget that asked
        is going away with its window)."""
        self.forget()
        self._operations.shutdown()

    def _run_waiting(self) -> None:
        if self._waiting is None:
            return
        question, job = self._waiting
        self._waiting = None
        self._running = True
        operation = self._operations.run(job, dialog=False)
        self._current = operation
        operation.succeeded.connect(lambda result: self._deliver(question, self.answered, result))
        operation.failed.connect(lambda message: self._deliver(question, self.failed, message))
        operation.ended.connect(self._ended)

    def _ended(self) -> None:
        if shiboken6.isValid(self):
            self._running = False
            self._current = None
            self._run_waiting()

    def _deliver(self, question: int, signal: Any, value: object) -> None:
        # The answer may come after the widget that asked (and this object) was deleted.
        if shiboken6.isValid(self) and question == self._asked:
            signal.emit(value)
