"""The first page on screen before the database is open: the Problems list, or the
Dashboard.

Opening the database imports SQLAlchemy's ORM and the services, a third of a second or
more. So at start-up the window first reads what its first page shows through the DB-API
on a worker thread, shows it, and starts the ordinary opening (workbench.ui.opening) only
once it is painted:

- the Problems list's first page (workbench.services.first_page: plain rows, no ORM);
- the Dashboard as it was last read, when the file is exactly as it was then, in the same
  month (workbench.services.dashboard_memory); else read afresh through the DB-API, in a
  process of its own begun before the window was built (workbench.services
  .first_dashboard.begin). Meanwhile the Dashboard page is built with its charts, hidden,
  and the reading fills it in.

When the services arrive, the window's page is that same page, attached to them: what
the user selected or scrolled meanwhile stays, and the Dashboard reads afresh. When the
file cannot be read that way (a URL, a file still to migrate, not a workbench file …)
the opening starts at once, and says what is
wrong as before. A window closed before the opening started does not open the database
at all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from workbench.ui.operations import Operation
from workbench.ui.pages import PageEntry

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.dashboard_facts import DashboardReading
    from workbench.services.first_page import FirstPage
    from workbench.services.progress import Progress
    from workbench.ui.dashboard_page import DashboardPage
    from workbench.ui.main_window import MainWindow
    from workbench.ui.problems_page import ProblemsPage

# The reading a preview runs on a worker thread: what it shows, None for nothing.
Reader = Callable[["Progress"], object]


class Attachable(Protocol):
    """A page built before the database is open, given the services when they come."""

    def attach(self, services: Services) -> None: ...


PREVIEWED = "problems"  # the page shown before the database is open, when it opens first
# Open the database this long after the rows were shown even if no paint was seen (a
# window that is not exposed paints nothing).
PAINT_WAIT_MS = 250


class PagePreview(QObject):
    """Shows page ``key`` of ``target`` in a window, then starts its opening.

    ``pages(PAGES)`` gives the window's page entries with that page built from the
    preview; ``start(window, open_database)`` reads, shows, and calls ``open_database``
    (once) when the page is painted or when there is nothing to show. A kind of preview
    says what it reads (``_reader``), the page it builds of it (``_build``; with
    ``attach(services)``) and the widget whose paint means it is on screen.
    """

    key: ClassVar[str]

    def __init__(self, target: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self._window: MainWindow | None = None
        self._open: Callable[[], None] | None = None
        self._opened = False
        self.page: QWidget | None = None  # the page shown, until the window takes it
        self.reading: Operation | None = None

    def pages(self, entries: Sequence[PageEntry]) -> tuple[PageEntry, ...]:
        """``entries``, the previewed page taken from the preview."""
        entries = tuple(entries)
        keys = [e.key for e in entries]
        if self.key not in keys:
            return entries
        where = keys.index(self.key)
        build_anew = entries[where].factory

        def build(services: Services, parent: QWidget) -> QWidget:
            page = self._take()
            if page is None:
                return build_anew(services, parent)
            cast(Attachable, page).attach(services)
            return page

        previewed = dataclasses.replace(entries[where], factory=build)
        return (*entries[:where], previewed, *entries[where + 1 :])

    def start(self, window: MainWindow, open_database: Callable[[], None]) -> None:
        self._window, self._open = window, open_database
        self.reading = window.operations.run(self._reader(), dialog=False)
        self.reading.succeeded.connect(self._show)
        self.reading.failed.connect(lambda _message: self._open_database())
        QTimer.singleShot(0, self, self._prepare)

    def _prepare(self) -> None:
        """Work on the UI thread while the reading runs: what the page is built with
        when the reading comes."""

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

    # ---- what a kind of preview says ------------------------------------------------------
    def _reader(self) -> Reader:
        raise NotImplementedError

    def _build(self, found: object, parent: QWidget) -> QWidget | None:
        """The page showing ``found``; None when it cannot be shown so."""
        raise NotImplementedError

    def _painted(self, page: QWidget) -> QWidget:
        return page

    # ---- the steps ---------------------------------------------------------------------
    def _show(self, found: object) -> None:
        window = self._window
        if found is None or window is None or not window.isVisible():
            self._open_database()
            return
        if self._opened:
            return
        page = self._build(found, window.stack)
        if page is None:
            self._open_database()
            return
        self.page = page
        window.stack.addWidget(page)
        window.stack.setCurrentWidget(page)
        self._painted(page).installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self, self._open_database)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        page = self.page
        if (
            event.type() == QEvent.Type.Paint
            and page is not None
            and watched is self._painted(page)
        ):
            watched.removeEventFilter(self)
            # After this paint: the page is on screen before the ORM is imported.
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

    def _take(self) -> QWidget | None:
        page, self.page = self.page, None
        if page is not None:
            self._painted(page).removeEventFilter(self)
            if self._window is not None:
                self._window.stack.removeWidget(page)
        return page


class ListPreview(PagePreview):
    """The Problems list's first rows."""

    key = PREVIEWED

    def _reader(self) -> Reader:
        target = self._target

        def read(_progress: Progress) -> FirstPage | None:
            # Imported here, on the worker thread, while the window paints.
            from workbench.services.first_page import read_first_page
            from workbench.ui.problem_table import PAGE_SIZE

            statuses = previewable_statuses()
            if statuses is None:
                return None  # a remembered view the first page cannot show
            return read_first_page(target, PAGE_SIZE, statuses)

        return read

    def _build(self, found: object, parent: QWidget) -> QWidget | None:
        from workbench.services.first_page import FirstPage  # loaded by the reading
        from workbench.ui.problems_page import ProblemsPage

        return ProblemsPage.preview(found, parent) if isinstance(found, FirstPage) else None

    def _painted(self, page: QWidget) -> QWidget:
        return cast("ProblemsPage", page).table.viewport()


class DashboardPreview(PagePreview):
    """The Dashboard as last read, when the file is as it was then; else as it is now."""

    key = "dashboard"

    def __init__(
        self,
        target: str | None,
        parent: QObject | None = None,
        early: Future[DashboardReading | None] | None = None,
    ) -> None:
        super().__init__(target, parent)
        self._early = early
        self._ready: DashboardPage | None = None  # built while the reading runs

    def _reader(self) -> Reader:
        from workbench.ui import labels

        early = self._early
        if early is None:
            from workbench.services.first_dashboard import begin
            from workbench.settings import cache_dir

            early = begin(self._target, labels.language(), cache_dir())
        return lambda _progress: early.result()

    def _prepare(self) -> None:
        # The page with its charts (pyqtgraph, a quarter of a second), built meanwhile and
        # hidden; the reading fills it in.
        import workbench.ui.charts  # noqa: F401
        from workbench.ui.dashboard_page import DashboardPage

        window = self._window
        if window is not None and self.page is None and not self._opened:
            self._ready = DashboardPage(None, window.stack)

    def _show(self, found: object) -> None:
        if found is None and self._ready is not None:  # nothing to show: not needed
            self._ready.deleteLater()
            self._ready = None
        super()._show(found)

    def _build(self, found: object, parent: QWidget) -> QWidget | None:
        from workbench.services.dashboard_facts import DashboardReading
        from workbench.ui.dashboard_page import DashboardPage

        if not isinstance(found, DashboardReading):
            return None
        page, self._ready = self._ready, None
        if page is None:
            return DashboardPage.preview(found, parent)
        page.show_reading(found)
        return page


def preview_of(
    first: str, target: str | None, early: Future[DashboardReading | None] | None = None
) -> PagePreview | None:
    """The preview of page ``first`` of ``target``, when that page has one; ``early``: the
    Dashboard's reading, begun already (workbench.services.first_dashboard.begin)."""
    if first == DashboardPreview.key:
        return DashboardPreview(target, early=early)
    return ListPreview(target) if first == ListPreview.key else None


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
