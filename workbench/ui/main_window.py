"""The main window: a navigation list of pages, the pages themselves, menus and status bar.

The pages come from the registry in ``pages.py`` and are built the first time they are
opened, so that start-up only pays for the page the user sees. The window knows a page
only as a ``Page``: it shows its undo stack in Edit > Undo/Redo while it is shown, asks
it to open a record, and hands every change notice to each page built so far.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from workbench import __version__
from workbench.ui.operations import Operation, Operations
from workbench.ui.pages import PAGES, Page, PageEntry, as_page
from workbench.ui.shortcuts import editing_of
from workbench.ui.window_keys import WindowKeys

if TYPE_CHECKING:  # imported when the database is open, not at start-up
    from workbench.services import Services
    from workbench.services.changes import ChangeSet
    from workbench.ui.notices import ChangeNotices
    from workbench.ui.search_box import SearchBox


# The KPIs are evaluated this long after the database opened, once the first page has
# read what it shows (the evaluation reads every KPI's measurements).
EVALUATE_AFTER_MS = 3000
# The user's work of today is counted this long after, for the same reason.
COUNT_AFTER_MS = 1500


class MainWindow(QMainWindow):
    """The window; pages appear once ``attach`` gives it the services of an open database."""

    def __init__(
        self,
        services: Services | None = None,
        pages: Sequence[PageEntry] | None = None,
        parent: QWidget | None = None,
        first: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._services: Services | None = None
        self.search_box: SearchBox | None = None
        self._entries = {entry.key: entry for entry in (PAGES if pages is None else pages)}
        # The page shown when the database is open: the first listed unless told.
        self.first_page = first if first in self._entries else next(iter(self._entries), None)
        self._built: dict[str, QWidget] = {}
        self._pages: dict[str, Page] = {}  # the same pages, seen as Page
        self.notices: ChangeNotices | None = None
        self._undo = QUndoGroup(self)
        # Long work of the window (checks now; import, export and reports later) runs here.
        self.operations = Operations(self)
        self.setWindowTitle(self.tr("Governance Workbench"))
        self.resize(1400, 900)

        self.navigation = QListWidget(self)
        self.navigation.setIconSize(QSize(16, 16))
        self.navigation.setSpacing(2)
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        for entry in self._entries.values():
            item = QListWidgetItem(entry.icon(), entry.title(), self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 14))
        self.navigation.setFixedWidth(
            max(self.navigation.sizeHintForColumn(0), self.fontMetrics().averageCharWidth() * 14)
            + 24
        )
        self.stack = QStackedWidget(self)
        self.opening_label = QLabel(self.tr("Opening the database…"), self.stack)
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening_label.setWordWrap(True)
        self.failure_box: QMessageBox | None = None
        self.stack.addWidget(self.opening_label)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.navigation.currentItemChanged.connect(self._navigated)
        self.navigation.setEnabled(False)
        if services is not None:
            self.attach(services)

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the database is not open yet")
        return self._services

    def attach(self, services: Services) -> None:
        """The database is open: show where it is and who works, and open the first page."""
        from workbench.ui.notices import ChangeNotices

        self._services = services
        self.notices = ChangeNotices(services, self)
        self.notices.changed.connect(self._route)
        self._build_status_bar()
        self.navigation.setEnabled(True)
        for action in self._database_actions:
            action.setEnabled(True)
        self.transfer.attach()
        if self.first_page is not None:
            self.open_page(self.first_page)
        if "mine" in self._entries:
            self._count_my_work(services)
        if "alerts" in self._entries:
            self._evaluate_alerts(services)

    def _evaluate_alerts(self, services: Services) -> None:
        """Evaluate the KPIs once the database is open, in the background and a moment
        after the first page has read what it shows: a breach measured since opens its
        ticket; the pages hear it as any write."""
        from workbench.ui import labels

        language = labels.language()

        def evaluate() -> None:
            if self._services is services:  # still the database open
                # The service (and its module) is built on the worker, not at start-up.
                self.operations.run(
                    lambda _progress: services.alerts.evaluate(language), dialog=False
                )

        QTimer.singleShot(EVALUATE_AFTER_MS, self, evaluate)

    def _count_my_work(self, services: Services) -> None:
        """Say at start how much needs the user today (counted in the background, once
        the first page has read what it shows)."""

        def say(count: object) -> None:
            if isinstance(count, int) and count:
                text = self.tr("%1 things need you today: see Mine.").replace("%1", str(count))
                self.statusBar().showMessage(text, 30_000)

        def count() -> None:
            if self._services is services:  # still the database open
                operation = self.operations.run(
                    lambda _progress: services.mine.today_for_me().count, dialog=False
                )
                operation.succeeded.connect(say)

        QTimer.singleShot(COUNT_AFTER_MS, self, count)

    def show_failure(self, message: str) -> None:
        """The database could not be opened: say why, and close once the user has read it."""
        text = self.tr("The database could not be opened:\n%1").replace("%1", message)
        self.opening_label.setText(text)
        self.failure_box = QMessageBox(
            QMessageBox.Icon.Critical, self.tr("Governance Workbench"), text, parent=self
        )
        self.failure_box.finished.connect(self.close)
        self.failure_box.open()  # window-modal, without a nested event loop

    def close_services(self) -> None:
        """Release the database (at the end of the window's life)."""
        self._stop_notices()
        if self._services is not None:
            self._services.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.keys.may_close(self._built):  # Save / Discard / Stay for typed work
            event.ignore()
            return
        self._stop_notices()
        self.operations.shutdown()  # cancel what runs: each job rolls back what it wrote
        super().closeEvent(event)

    def check_database(self, full: bool = False) -> Operation:
        """File → Check database: verify the record in the background, with progress."""
        from workbench.ui.database_check import check_database

        return check_database(self, self.services, self.operations, full)

    def _stop_notices(self) -> None:
        if self.notices is not None:
            self.notices.stop()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        check_action = QAction(self.tr("&Check database…"), self)
        check_action.triggered.connect(lambda: self.check_database())
        full_check_action = QAction(self.tr("Check database &fully…"), self)
        full_check_action.setToolTip(
            self.tr("Re-verify every audit entry and record, not only what is new")
        )
        full_check_action.triggered.connect(lambda: self.check_database(full=True))
        self._database_actions = (check_action, full_check_action)
        for action in self._database_actions:
            action.setEnabled(False)  # until the database is open
            file_menu.addAction(action)
        file_menu.addSeparator()
        from workbench.ui.transfer_actions import TransferActions

        self.transfer = TransferActions(self, self.operations, file_menu)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        # Undo, redo, save, new … work from anywhere in the window (workbench/ui/shortcuts.py).
        menus = {"file": file_menu, "edit": edit_menu, "help": help_menu}
        self.keys = WindowKeys(self, self._undo, menus)
        self.keys.add_quit(quit_action)
        self.undo_action = self.keys.actions["undo"]
        self.redo_action = self.keys.actions["redo"]
        help_menu.addSeparator()
        about_action = QAction(self.tr("&About Governance Workbench"), self)
        about_action.triggered.connect(self._about)
        help_menu.addAction(about_action)

    def _build_status_bar(self) -> None:
        services = self.services
        database = QLabel(self.tr("Database: %1").replace("%1", services.location))
        database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        user = QLabel(self.tr("User: %1").replace("%1", services.actor))
        self.statusBar().addWidget(database, 1)
        self.statusBar().addPermanentWidget(user)

    # ---- pages -------------------------------------------------------------------------
    def page_keys(self) -> list[str]:
        return list(self._entries)

    def page(self, key: str) -> QWidget:
        """The page ``key``, built on first use."""
        if key not in self._entries:
            raise KeyError(key)
        widget = self._built.get(key)
        if widget is None:
            widget = self._entries[key].factory(self.services, self.stack)
            page = as_page(widget, key)
            self._built[key] = widget
            self._pages[key] = page
            self.stack.addWidget(widget)
            asks = getattr(widget, "recordRequested", None)  # a page pointing at records
            if asks is not None:
                asks.connect(self.show_record)
            if page.undo_stack is not None:
                self._undo.addStack(page.undo_stack)
            editing = editing_of(widget)
            if editing is not None:  # "*" in the title while it has unsaved work
                editing.guard.unsavedChanged.connect(lambda _unsaved: self._show_title())
        return widget

    def open_page(self, key: str) -> QWidget:
        """Show page ``key`` (one of ``page_keys()``) and return it."""
        widget = self.page(key)
        page = self._pages[key]
        self.stack.setCurrentWidget(widget)
        # None is Qt's "no active stack"; the PySide6 stubs leave it out
        self._undo.setActiveStack(page.undo_stack)  # type: ignore[arg-type]
        self._show_title()
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key and not item.isSelected():
                self.navigation.setCurrentItem(item)
        return widget

    def open_record(self, key: str, kind: str, record_id: int) -> bool:
        """Show page ``key`` with record ``record_id`` of ``kind`` open in it."""
        self.open_page(key)
        return self._pages[key].open_record(kind, record_id)

    def can_search(self) -> bool:
        return self._services is not None

    def open_search(self, text: str | None = None) -> SearchBox | None:
        """Show the one search box (workbench.ui.search_box) over the page."""
        if self._services is None:
            return None
        if self.search_box is None:
            from workbench.ui.search_box import SearchBox

            self.search_box = SearchBox(self._services, self.centralWidget() or self)
            self.search_box.openRequested.connect(self.show_record)
        self.search_box.open(text)
        return self.search_box

    def close_search(self) -> bool:
        """Put the search box away; False when it was not shown."""
        if self.search_box is None or not self.search_box.isVisible():
            return False
        self.search_box.hide()
        return True

    def show_record(self, kind: str, record_id: int) -> bool:
        """Open the record on the first page (in PAGES order) that shows its kind."""
        for key in self._entries:
            page = self._pages.get(key) or as_page(self.page(key), key)
            if page.open_record(kind, record_id):
                self.open_page(key)
                return True
        return False

    def open_problem(self, code_or_id: str | int) -> int:
        """Open the Problems page with one problem selected; returns its id.

        Raises ValueError when no problem has that code or id.
        """
        from workbench.services.errors import NotFoundError

        problems = self.services.problems
        if isinstance(code_or_id, int):
            try:
                problem_id: int | None = problems.get(code_or_id).id
            except NotFoundError:
                problem_id = None
        else:
            problem_id = problems.id_of(code_or_id)
        if problem_id is None:
            raise ValueError(f"no problem {code_or_id}")
        self.open_record("problems", "problem", problem_id)
        return problem_id

    def _route(self, change: ChangeSet) -> None:
        """A committed write: every page built so far refreshes what it shows of it."""
        for page in list(self._pages.values()):
            page.changed(change)

    def _show_title(self) -> None:
        """The page's name, with "*" while it has unsaved work."""
        widget = self.stack.currentWidget()
        page = self._pages.get(self._key_of(widget))
        if page is None:
            return
        editing = editing_of(widget)
        mark = "*" if editing is not None and editing.guard.unsaved() else ""
        self.setWindowTitle(self.tr("%1 – Governance Workbench").replace("%1", page.title() + mark))

    def _key_of(self, widget: QWidget | None) -> str:
        return next((key for key, built in self._built.items() if built is widget), "")

    def _navigated(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        key = str(current.data(Qt.ItemDataRole.UserRole))
        shown = self.stack.currentWidget()
        if key != self._key_of(shown) and not self.keys.may_leave(shown):
            # Stay: the navigation goes back once the click or key that moved it is over.
            QTimer.singleShot(0, self, lambda: self._select_in_navigation(self._key_of(shown)))
            return
        self.open_page(key)

    def _select_in_navigation(self, key: str) -> None:
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                blocked = self.navigation.blockSignals(True)
                self.navigation.setCurrentItem(item)
                self.navigation.blockSignals(blocked)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Governance Workbench"),
            self.tr(
                "<b>Governance Workbench</b> %1<br>Keeps an ERP improving after go-live: "
                "problems, causes, solutions and measured results."
            ).replace("%1", __version__),
        )
