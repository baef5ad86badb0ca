"""The Problems list on screen before the database is open.

Opening the database imports SQLAlchemy's ORM and the services, a third of a second or
more. So at start-up the window first reads the list's first page through the DB-API on a
worker thread (workbench.services.first_page: plain rows, no ORM), shows it as the
Problems page, and starts the ordinary opening (workbench.ui.opening) only once those
rows are painted. When the services arrive, the window's Problems page is that same page,
attached to them: what the user selected or scrolled meanwhile stays.

When the file cannot be read that way (a URL, a file still to migrate, not a workbench
file …) the opening starts at once, and says what is wrong as before. A window closed
before the opening started does not open the database at all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from workbench.ui.operations import Operation
from workbench.ui.pages import PageEntry

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.first_page import FirstPage
    from workbench.services.progress import Progress
    from workbench.ui.main_window import MainWindow
    from workbench.ui.problems_page import ProblemsPage

PREVIEWED = "problems"  # the page shown before the database is open, when it opens first
# Open the database this long after the rows were shown even if no paint was seen (a
# window that is not exposed paints nothing).
PAINT_WAIT_MS = 250


class ListPreview(QObject):
    """Shows the first rows of ``target`` in a window, then starts its opening.

    ``pages(PAGES)`` gives the window's page entries with the Problems page built from the
    preview; ``start(window, open_database)`` reads, shows, and calls ``open_database``
    (once) when the rows are painted or when there is nothing to show.
    """

    def __init__(self, target: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self._window: MainWindow | None = None
        self._open: Callable[[], None] | None = None
        self._opened = False
        self.page: ProblemsPage | None = None  # the page shown, until the window takes it
        self.reading: Operation | None = None

    def pages(self, entries: Sequence[PageEntry]) -> tuple[PageEntry, ...]:
        """``entries``, the Problems page taken from the preview."""
        entries = tuple(entries)
        keys = [e.key for e in entries]
        if PREVIEWED not in keys:
            return entries
        where = keys.index(PREVIEWED)
        build_anew = entries[where].factory

        def build(services: Services, parent: QWidget) -> QWidget:
            page = self._take()
            if page is None:
                return build_anew(services, parent)
            page.attach(services)
            return page

        previewed = dataclasses.replace(entries[where], factory=build)
        return (*entries[:where], previewed, *entries[where + 1 :])

    def start(self, window: MainWindow, open_database: Callable[[], None]) -> None:
        self._window, self._open = window, open_database
        target = self._target

        def read(_progress: Progress) -> FirstPage | None:
            # Imported here, on the worker thread, while the window paints.
            from workbench.services.first_page import read_first_page
            from workbench.ui.problem_table import PAGE_SIZE

            statuses = previewable_statuses()
            if statuses is None:
                return None  # a remembered view the first page cannot show
            return read_first_page(target, PAGE_SIZE, statuses)

        self.reading = window.operations.run(read, dialog=False)
        self.reading.succeeded.connect(self._show)
        self.reading.failed.connect(lambda _message: self._open_database())

    def discard(self) -> None:
        """The database could not be opened: the window shows why, not the rows."""
        page = self._take()
        if page is not None and self._window is not None:
            self._window.stack.setCurrentWidget(self._window.opening_label)
            # Out of the window now, not at the next deferred deletion: the failure box
            # shown next must find no rows left behind (removeWidget keeps the parent).
            page.hide()
            page.setParent(None)
            page.deleteLater()

    # ---- the steps ---------------------------------------------------------------------
    def _show(self, first: object) -> None:
        from workbench.services.first_page import FirstPage  # loaded by the reading

        window = self._window
        if not isinstance(first, FirstPage) or window is None or not window.isVisible():
            self._open_database()
            return
        if self._opened:
            return
        from workbench.ui.problems_page import ProblemsPage

        page = ProblemsPage.preview(first, window.stack)
        self.page = page
        window.stack.addWidget(page)
        window.stack.setCurrentWidget(page)
        page.table.viewport().installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self, self._open_database)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        page = self.page
        if (
            event.type() == QEvent.Type.Paint
            and page is not None
            and watched is page.table.viewport()
        ):
            watched.removeEventFilter(self)
            # After this paint: the rows are on screen before the ORM is imported.
            QTimer.singleShot(0, self, self._open_database)
        return False

    def _open_database(self) -> None:
        if self._opened:
            return
        self._opened = True
        window = self._window
        if window is None or self._open is None or not window.isVisible():
            return  # closed meanwhile: there is nobody to open the database for
        self._open()

    def _take(self) -> ProblemsPage | None:
        page, self.page = self.page, None
        if page is not None:
            page.table.viewport().removeEventFilter(self)
            if self._window is not None:
                self._window.stack.removeWidget(page)
        return page


def previewable_statuses() -> tuple[str, ...] | None:
    """The statuses of the list the user left (``lists.json``), when the first page can
    show it: filtered by status alone and in the default order ("not closed", newest
    first, on a new start). None for any other filter or sort: the page then waits for
    the services."""
    from workbench.list_views import ListViews
    from workbench.services.records import ProblemFilter, ProblemSort
    from workbench.ui.problems_page import VIEW_NAME, remembered

    flt, sort = remembered(ListViews().load(VIEW_NAME))
    if sort != ProblemSort() or flt != ProblemFilter(statuses=flt.statuses):
        return None
    return flt.statuses
