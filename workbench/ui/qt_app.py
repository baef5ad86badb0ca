"""Qt start-up: the QApplication, the bundled CJK font, the translations, the window loop.

The font is added to the application font's fallback list so that Chinese renders on a
machine with no CJK font installed. English is the source language: it loads no .qm.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from workbench import __version__
from workbench.paths import fonts_dir, translations_dir
from workbench.services.dashboard_facts import DashboardReading
from workbench.ui.main_window import MainWindow
from workbench.ui.opening import DatabaseOpening
from workbench.ui.pages import PAGES
from workbench.ui.preview import preview_of
from workbench.vocabulary import SOURCE_LANGUAGE, resolve_language

APP_NAME = "Governance Workbench"
CJK_FONT_FILE = "wqy-microhei.ttc"
_TRANSLATOR_NAME = "workbench-translator"
_FONT_PROPERTY = "workbenchCjkFamilies"
FIRST_PAGE = "dashboard"  # the page the window shows when the database is open


def ensure_application(lang: str | None = None) -> QApplication:
    """The running QApplication (created if needed) with the CJK font and ``lang`` loaded
    (else the language in Settings, else the system's: workbench.vocabulary.resolve_language)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    _add_cjk_font(app)
    _install_translations(app, resolve_language(lang))
    return app


def _add_cjk_font(app: QApplication) -> None:
    families = app.property(_FONT_PROPERTY)
    if not families:
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / CJK_FONT_FILE))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        app.setProperty(_FONT_PROPERTY, list(families))
    font = app.font()
    first = font.family()
    wanted = [first, *(f for f in families if f != first)]
    if font.families() != wanted:
        font = QFont(font)
        font.setFamilies(wanted)
        app.setFont(font)


def _install_translations(app: QApplication, language: str) -> None:
    """Replace the translators of an earlier call with those of ``language``."""
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setParent(None)
    QLocale.setDefault(QLocale(language))
    if language == SOURCE_LANGUAGE:
        return
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for folder, name in ((Path(qt_dir), "qtbase"), (translations_dir(), "workbench")):
        translator = QTranslator(app)
        translator.setObjectName(_TRANSLATOR_NAME)
        if translator.load(f"{name}_{language}", str(folder)):
            app.installTranslator(translator)
        else:
            translator.setParent(None)


def start_window(
    target: str | None,
    lang: str | None = None,
    first: str = FIRST_PAGE,
    early: Future[DashboardReading | None] | None = None,
) -> tuple[MainWindow, DatabaseOpening]:
    """Show the main window at once and open the database ``target`` behind it, then
    show page ``first`` (the Dashboard unless told).

    Opening on the Problems list, its first rows show as soon as they are read; on the
    Dashboard, the Dashboard as last read when the file is as it was then, else read from
    the file (``early``: that reading, begun already, else begun by the preview;
    workbench.ui.preview). The database
    is opened once they are painted. Opening on
    another page (or with nothing to preview), the database is opened at once; the pages
    work when it is ready.
    If it cannot be opened (a newer schema, not a workbench file …) the window says why
    in a message box and closes when the user has read it; ``opening.error`` then holds
    the reason.
    """
    app = ensure_application(lang)
    preview = preview_of(first, target, early)
    pages = preview.pages(PAGES) if preview is not None else PAGES
    window = MainWindow(pages=pages, first=first)
    opening = DatabaseOpening(target, window)
    opening.opened.connect(window.attach)
    opening.failed.connect(window.show_failure)
    app.aboutToQuit.connect(opening.shutdown)
    if preview is not None:
        preview.setParent(window)
        opening.failed.connect(preview.discard)
    show_fitted(window)
    if preview is not None:
        preview.start(window, opening.start)
    else:
        _AfterFirstPaint(window, opening.start)
    return window, opening


class _AfterFirstPaint(QObject):
    """Calls ``action`` once, after the window's first paint (or soon, if it paints
    nothing), so that the window is on screen before SQLAlchemy is imported."""

    WAIT_MS = 250

    def __init__(self, window: MainWindow, action: Callable[[], None]) -> None:
        super().__init__(window)
        self._action: Callable[[], None] | None = action
        window.installEventFilter(self)
        QTimer.singleShot(self.WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._action is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            action()


def show_fitted(window: MainWindow) -> None:
    """Show the window within the screen's free area: on a 1366×768 plant laptop the
    status bar and the right edge must not be off-screen. Where it did not fit it is also
    maximised (the window manager, if there is one, then gives it the whole screen)."""
    screen = window.screen()
    if screen is None:
        window.show()
        return
    room = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar, borders
    width, height = room.width() - frame.width(), room.height() - frame.height()
    if window.width() <= width and window.height() <= height:
        window.show()
        return
    window.resize(min(window.width(), width), min(window.height(), height))
    window.move(room.topLeft())
    window.showMaximized()


def run_window(
    target: str | None,
    lang: str | None = None,
    first: str = FIRST_PAGE,
    early: Future[DashboardReading | None] | None = None,
) -> int:
    """The window on database ``target``, showing page ``first``, until it closes;
    returns the exit code. ``early``: the Dashboard's first reading, begun already
    (workbench.services.first_dashboard.begin).

    Raises the reason when the database could not be opened, after the user saw it.
    """
    app = ensure_application(lang)
    window, opening = start_window(target, lang, first, early)
    code = app.exec()
    window.close_services()
    if opening.error is not None:
        raise opening.error
    return code
