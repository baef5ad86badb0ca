"""Offscreen screenshots of pages, for the docs and for looking at what we built.

PAGE is the key of any page the window lists (``problems`` shows the list with its
first problem selected, ``settings`` …) or ``problem:CODE`` (that problem open in the
detail panel), ``kpi:NAME`` (a KPI with its trend), ``knowledge:ID`` (a knowledge entry)
or ``search:QUERY`` (the search box's results for QUERY over the Problems page). The
caller sets QT_QPA_PLATFORM=offscreen when there is no display.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)

from workbench.services import Services
from workbench.ui.main_window import MainWindow
from workbench.ui.pages import PAGES
from workbench.ui.qt_app import ensure_application
from workbench.vocabulary import resolve_language

PROBLEM_PREFIX = "problem:"
QUARTER_PREFIX = "improvements:"  # a quarter's improvement list, e.g. improvements:2026Q3
PILOT_PREFIX = "pilot:"  # a pilot with its charts, e.g. pilot:PL-2026-01
KNOWLEDGE_PREFIX = "knowledge:"  # a knowledge entry, e.g. knowledge:3
SEARCH_PREFIX = "search:"  # the search box's results, e.g. search:库存
SEARCH_WAIT_MS = 10_000
KPI_PREFIX = "kpi:"  # a KPI with its trend, by its name, e.g. kpi:数据准确率
# How long a page reading in the background (the Dashboard) may take to fill in.
FILL_WAIT_S = 60


def page_names() -> list[str]:
    return [
        *(entry.key for entry in PAGES),
        f"{PROBLEM_PREFIX}CODE",
        f"{QUARTER_PREFIX}2026Q3",
        f"{PILOT_PREFIX}CODE",
        f"{KNOWLEDGE_PREFIX}ID",
        f"{SEARCH_PREFIX}QUERY",
        f"{KPI_PREFIX}NAME",
    ]


@contextmanager
def _quiet_offscreen() -> Iterator[None]:
    """Drop the offscreen platform's notice that it cannot resize windows; it says nothing
    about the picture, and a command that worked should print only its own line."""

    previous: Callable[[QtMsgType, QMessageLogContext, str], None] | None = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "does not support propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _invalid(page: str, reason: str) -> ValueError:
    return ValueError(f"{reason}: {page!r}; valid pages: {', '.join(page_names())}")


def render(
    services: Services,
    page: str,
    out: Path,
    lang: str | None = None,
    size: tuple[int, int] = (1400, 900),
) -> None:
    """Render ``page`` at ``size`` (width, height) in ``lang`` and save it as PNG to ``out``."""
    problem_code: str | None = None
    quarter: str | None = None
    pilot_id: int | None = None
    shown: tuple[str, Any] | None = None  # a knowledge entry, or the search box's query
    kpi_id: int | None = None
    if page.startswith(KPI_PREFIX):
        name = page[len(KPI_PREFIX) :].strip()
        language = resolve_language(lang)
        kpi_id = next(
            (k.id for k in services.kpis.kpis() if name in (k.title(language), k.name, k.preset)),
            None,
        )
        if kpi_id is None:
            raise ValueError(f"no KPI named {name!r} in this database")
        page = "kpis"
    elif page.startswith(KNOWLEDGE_PREFIX):
        wanted = page[len(KNOWLEDGE_PREFIX) :].strip()
        if not wanted.isdigit() or not _has_entry(services, int(wanted)):
            raise ValueError(f"no knowledge entry {wanted!r} in this database")
        shown, page = ("knowledge", int(wanted)), "knowledge"
    elif page.startswith(SEARCH_PREFIX):
        shown, page = ("search", page[len(SEARCH_PREFIX) :]), "problems"
    elif page.startswith(PILOT_PREFIX):
        pilot_id = services.pilots.id_of(page[len(PILOT_PREFIX) :].strip())
        if pilot_id is None:
            raise ValueError(f"no pilot with code {page[len(PILOT_PREFIX) :]!r} in this database")
        page = "pilots"
    elif page.startswith(QUARTER_PREFIX):
        from workbench.services.quarters import check

        quarter, error = check("quarter", page[len(QUARTER_PREFIX) :])
        if error is not None or quarter is None:
            raise _invalid(page, "not a quarter")
        page = "improvements"
    elif page.startswith(PROBLEM_PREFIX):
        problem_code = page[len(PROBLEM_PREFIX) :].strip()
        if not problem_code:
            raise _invalid(page, "no problem code given")
        if services.problems.id_of(problem_code) is None:
            raise ValueError(f"no problem with code {problem_code!r} in this database")
    elif page not in (entry.key for entry in PAGES):
        raise _invalid(page, "unknown page")

    ensure_application(lang)

    with _quiet_offscreen():
        window = MainWindow(services, first=page if problem_code is None else "problems")
        _grab(window, page, problem_code, out, size, quarter, pilot_id, shown, kpi_id)


def _has_entry(services: Services, entry_id: int) -> bool:
    from workbench.services.errors import NotFoundError

    try:
        services.knowledge.get(entry_id)
    except NotFoundError:
        return False
    return True


def _show_search(window: MainWindow, query: str) -> None:
    """The search box open over the page with ``query``'s results in it."""
    box = window.open_search(query)
    if box is None:
        return
    done: list[bool] = []
    box.answered.connect(lambda: done.append(True))
    box.search_now()
    waited = QElapsedTimer()
    waited.start()
    while not done and waited.elapsed() < SEARCH_WAIT_MS:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _wait_until(done: Callable[[], bool]) -> None:
    """Let the event loop run until ``done()`` (a page's background reading arrived)."""
    deadline = time.monotonic() + FILL_WAIT_S
    while not done() and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def _grab(
    window: MainWindow,
    page: str,
    problem_code: str | None,
    out: Path,
    size: tuple[int, int],
    quarter: str | None = None,
    pilot_id: int | None = None,
    extra: tuple[str, Any] | None = None,
    kpi_id: int | None = None,
) -> None:
    try:
        # Shown at its size first, as a user's window is before they open a record: the
        # panes divide the width they really have.
        window.resize(*size)
        window.show()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        if problem_code is not None or page == "problems":
            # A screenshot never asks: a draft left from a crash is kept, not offered.
            window.page("problems").detail.drafts.offering = False  # type: ignore[attr-defined]
        if problem_code is None:
            shown = window.open_page(page)
            if page == "problems":
                first = shown.model.problem_id(0)  # type: ignore[attr-defined]
                if first is not None:
                    shown.select_problem(first)  # type: ignore[attr-defined]
            if quarter is not None:
                shown.open_quarter(quarter)  # type: ignore[attr-defined]
            if pilot_id is not None:
                shown.open_record("pilot", pilot_id)  # type: ignore[attr-defined]
                # The pilot's charts, where its rounds and criterion show at a glance.
                shown.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]
            if kpi_id is not None:
                shown.open_record("kpi", kpi_id)  # type: ignore[attr-defined]
            if getattr(shown, "readings", False) is None:  # the Dashboard's charts
                _wait_until(lambda: shown.readings is not None)  # type: ignore[attr-defined]
        else:
            window.open_problem(problem_code)
        if extra is not None and extra[0] == "knowledge":
            window.open_record("knowledge", "knowledge_entry", extra[1])
        elif extra is not None:
            _show_search(window, str(extra[1]))
        least = window.minimumSizeHint()
        if size[0] < least.width() or size[1] < least.height():
            raise ValueError(
                f"the window needs at least {least.width()}x{least.height()} pixels; "
                f"{size[0]}x{size[1]} is too small"
            )
        # Deliver the show, layout and any queued updates before grabbing.
        for _ in range(3):
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        image = window.grab()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            raise OSError(f"could not write {out}")
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
