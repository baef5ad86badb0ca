"""What a page of the window is, and the one registry of pages.

A page is a widget that satisfies ``Page``: it has a title and an icon, shows a record
when asked, may offer an undo stack, and hears every change notice while it exists. The
window knows pages only through this protocol and ``PAGES``, so adding a page is one
``PageEntry`` line in ``PAGES``. Page modules are imported when the page is first opened,
not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QStyle, QWidget

if TYPE_CHECKING:  # the services are imported once the database is open
    from workbench.services import Services
    from workbench.services.changes import ChangeSet

# Page titles are translated in this context (lupdate needs it spelled out in PAGES).
CONTEXT = "MainWindow"

PageFactory = Callable[["Services", QWidget], QWidget]


@runtime_checkable
class Page(Protocol):
    """The window's view of a page (every page is also a QWidget)."""

    def title(self) -> str:
        """The page's name, translated (as in the navigation)."""
        ...

    def icon(self) -> QIcon:
        """The page's icon (a null icon when it has none)."""
        ...

    @property
    def undo_stack(self) -> QUndoStack | None:
        """The stack Edit > Undo works on while the page is shown, if any."""
        ...

    def open_record(self, kind: str, record_id: int) -> bool:
        """Show record ``record_id`` of ``kind`` (a table name, e.g. "problem"); False when
        this page does not show that kind or the record is not in its list."""
        ...

    def changed(self, change: ChangeSet) -> None:
        """A committed write, by anyone: refresh what shows those records, nothing more."""
        ...


@dataclass(frozen=True)
class PageEntry:
    """One page: its key (as ``workbench screenshot`` names it), its title as source
    text, a standard icon (or None), and the function that builds it."""

    key: str
    title_source: str
    icon_source: QStyle.StandardPixmap | None
    factory: PageFactory

    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title_source)

    def icon(self) -> QIcon:
        if self.icon_source is None or QApplication.instance() is None:
            return QIcon()
        return QApplication.style().standardIcon(self.icon_source)


def lazy(module: str, name: str) -> PageFactory:
    """A factory that imports ``module`` only when the page is first built."""

    def build(services: Services, parent: QWidget) -> QWidget:
        page_class = getattr(import_module(module), name)
        widget: QWidget = page_class(services, parent)
        return widget

    return build


_Icon = QStyle.StandardPixmap

PAGES: tuple[PageEntry, ...] = (
    PageEntry(
        "dashboard",
        str(QT_TRANSLATE_NOOP("MainWindow", "Dashboard")),
        _Icon.SP_ComputerIcon,
        lazy("workbench.ui.dashboard_page", "DashboardPage"),
    ),
    PageEntry(
        "problems",
        str(QT_TRANSLATE_NOOP("MainWindow", "Problems")),
        _Icon.SP_FileDialogDetailedView,
        lazy("workbench.ui.problems_page", "ProblemsPage"),
    ),
    PageEntry(
        "improvements",
        str(QT_TRANSLATE_NOOP("MainWindow", "Improvements")),
        _Icon.SP_ArrowUp,
        lazy("workbench.ui.improvements_page", "ImprovementsPage"),
    ),
    PageEntry(
        "pilots",
        str(QT_TRANSLATE_NOOP("MainWindow", "Pilots")),
        _Icon.SP_MediaPlay,
        lazy("workbench.ui.pilots_page", "PilotsPage"),
    ),
    PageEntry(
        "training",
        str(QT_TRANSLATE_NOOP("MainWindow", "Training")),
        _Icon.SP_DialogHelpButton,
        lazy("workbench.ui.training_page", "TrainingPage"),
    ),
    PageEntry(
        "kpis",
        str(QT_TRANSLATE_NOOP("MainWindow", "KPIs")),
        _Icon.SP_FileDialogContentsView,
        lazy("workbench.ui.kpis_page", "KpisPage"),
    ),
    PageEntry(
        "alerts",
        str(QT_TRANSLATE_NOOP("MainWindow", "Alerts")),
        _Icon.SP_MessageBoxWarning,
        lazy("workbench.ui.alerts_page", "AlertsPage"),
    ),
    PageEntry(
        "knowledge",
        str(QT_TRANSLATE_NOOP("MainWindow", "Knowledge")),
        _Icon.SP_FileDialogContentsView,
        lazy("workbench.ui.knowledge_page", "KnowledgePage"),
    ),
    PageEntry(
        "reports",
        str(QT_TRANSLATE_NOOP("MainWindow", "Reports")),
        _Icon.SP_FileIcon,
        lazy("workbench.ui.reports_page", "ReportsPage"),
    ),
    PageEntry(
        "mine",
        str(QT_TRANSLATE_NOOP("MainWindow", "Mine")),
        _Icon.SP_DialogYesButton,
        lazy("workbench.ui.mine_page", "MinePage"),
    ),
    PageEntry(
        "settings",
        str(QT_TRANSLATE_NOOP("MainWindow", "Settings")),
        _Icon.SP_FileDialogInfoView,
        lazy("workbench.ui.settings_page", "SettingsPage"),
    ),
)


def entry(key: str) -> PageEntry:
    """The registered page ``key``; KeyError for a key not in PAGES."""
    for page in PAGES:
        if page.key == key:
            return page
    raise KeyError(key)


class Registered:
    """A page's title() and icon() from its registry entry, named by ``page_key``."""

    page_key: str

    def title(self) -> str:
        return entry(self.page_key).title()

    def icon(self) -> QIcon:
        return entry(self.page_key).icon()


def as_page(widget: QWidget, key: str) -> Page:
    """``widget`` seen as a Page; a TypeError names a page that misses part of it."""
    if not isinstance(widget, Page):
        raise TypeError(f"page {key!r} ({type(widget).__name__}) does not implement Page")
    return widget
