"""Open the database on a worker thread while the window is already on screen.

Importing SQLAlchemy and running migrations costs a third of a second or more (much more
when a big file is upgraded), so the window paints first and the pages arrive when the
database is ready. Only the finished Services object crosses back to the UI thread; no
ORM object does, and widgets are touched only from the UI thread. The day's first opening
then makes the daily backup on the same thread, after the pages have the database: a
backup of a big file takes a while, and SQLite's online backup reads a snapshot of the
file as it is at the backup's start, before anyone can have changed anything.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot


class _Opener(QObject):
    done = Signal()
    backed_up = Signal()  # the daily backup made (or not needed, or not possible)

    def __init__(self, target: str | None) -> None:
        super().__init__()
        self._target = target
        self.result: object | None = None
        self.error: Exception | None = None

    @Slot()
    def run(self) -> None:
        try:
            from workbench.app import open_services

            services = open_services(self._target)
            from workbench.transfer.backup import database_file

            path = database_file(services)
            # Connections made here belong to this thread; the UI makes its own.
            services.release_connections()
        except Exception as exc:  # every failure is shown to the user, in words
            self.error = exc
            self.done.emit()
            return
        self.result = services
        self.done.emit()
        if path is not None:
            self._back_up(path)
        self.backed_up.emit()

    @staticmethod
    def _back_up(path: Path) -> None:
        """Once a day: a backup with the online API, rotated, on its own connection."""
        from workbench.settings import Settings
        from workbench.transfer.backup import Keep, backup_of_the_day

        backup_of_the_day(path, Keep.parse(Settings.load().backup_keep))


class DatabaseOpening(QObject):
    """Runs ``open_services(target)`` once on its own thread; reports by signal.

    ``error`` keeps the exception of a failed opening, so that the command line can
    report it the way it reports every other failure.
    """

    opened = Signal(object)  # Services
    failed = Signal(str)
    backed_up = Signal()  # after ``opened``: the day's backup is made (or was not needed)

    def __init__(self, target: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._delivered = False
        self._thread = QThread(self)
        self._opener = _Opener(target)
        self._opener.moveToThread(self._thread)
        self._thread.started.connect(self._opener.run)
        self._opener.done.connect(self._finish)
        self._opener.backed_up.connect(self.backed_up)

    @property
    def error(self) -> Exception | None:
        return self._opener.error

    def start(self) -> None:
        self._thread.start()

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def shutdown(self) -> None:
        """At quit: wait for the opening to end (a migration or the day's backup is not
        stopped half-way) and release a database that was opened after nobody wanted it
        any more."""
        self._stop()
        late = self._opener.result
        if late is not None and not self._delivered:
            late.close()  # type: ignore[attr-defined]

    @Slot()
    def _finish(self) -> None:
        error = self._opener.error
        if error is None:
            self._thread.quit()  # once the backup that follows is made; not waited for
        else:
            self._stop()
        if error is not None:
            from workbench.ui.errors import describe  # SQLAlchemy is not loaded at start-up

            self.failed.emit(describe(error))
            return
        self._delivered = True
        self.opened.emit(self._opener.result)
