"""The Dashboard read straight from a SQLite file at start-up, before SQLAlchemy is loaded.

The window shows it while ``open_services`` imports the ORM; it is the reading the
services give (workbench.services.dashboard_read, the same SQL and the same code, run
through the DB-API in one read-only transaction: workbench.store.first_page). None means
"not this way" (a URL, a file still to migrate, not a workbench file, one that cannot
answer): the caller opens the database as usual, which says what is wrong.

This module must not import SQLAlchemy (a test checks it).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import threading
from concurrent.futures import Future
from pathlib import Path

from workbench.analysis.kpi_rules import period_of
from workbench.services.dashboard_facts import DashboardReading, FileState
from workbench.services.dashboard_memory import DashboardMemory, recall_target
from workbench.services.dashboard_read import read_charts, read_tiles
from workbench.store.first_page import open_snapshot, sqlite_path


def read_first_dashboard(
    target: str | None, language: str, today: dt.date
) -> tuple[FileState, DashboardReading] | None:
    """The Dashboard of the database ``--db``/``WORKBENCH_DB``/the default names as of
    ``today`` in ``language``, with the file state it was read in; None when it is not a
    SQLite file ready to read as it is."""
    path = sqlite_path(target)
    snapshot = open_snapshot(path) if path is not None else None
    if path is None or snapshot is None:
        return None
    try:
        head = snapshot.chain_head()
        if head is None:
            return None
        rows = snapshot.rows()
        tiles, alerts = read_tiles(rows, language)
        charts = read_charts(rows, language, today)
    except (sqlite3.Error, ValueError, TypeError, KeyError, IndexError):
        return None  # a file this reading cannot make sense of: the services will say
    finally:
        snapshot.close()
    return FileState(path, head, period_of(today)), DashboardReading(tiles, alerts, charts)


def first_dashboard(
    target: str | None, language: str, today: dt.date, folder: Path
) -> DashboardReading | None:
    """What the window draws before the database is open: the Dashboard as last read
    (kept in ``folder``) when the file is as it was then, else read now through the
    DB-API and kept for the next start; None when the file cannot be read so."""
    found = recall_target(target, language, today, folder)
    if found is not None:
        return found
    fresh = read_first_dashboard(target, language, today)
    if fresh is None:
        return None
    state, reading = fresh
    DashboardMemory(folder).remember(state, language, reading)
    return reading


# While the Dashboard is read at start-up the UI thread imports Qt, builds the window and
# imports the charts: the reading waits for Python's lock after each row SQLite gives it,
# up to the switch interval (5 ms by default), so the interval is shorter for that while.
SWITCH_WHILE_READING_S = 0.0002


def begin(target: str | None, language: str, folder: Path) -> Future[DashboardReading | None]:
    """``first_dashboard`` as of today, on a thread of its own begun now: the window's start
    (workbench.cli.main, workbench.ui.qt_app) begins it first, so the file is read while Qt
    is imported and the window built."""
    found: Future[DashboardReading | None] = Future()

    def read() -> None:
        switching = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_WHILE_READING_S)
        try:
            found.set_result(first_dashboard(target, language, dt.date.today(), folder))
        except Exception as error:  # the window then opens the database, which says why
            found.set_exception(error)
        finally:
            sys.setswitchinterval(switching)

    threading.Thread(target=read, name="first-dashboard", daemon=True).start()
    return found
