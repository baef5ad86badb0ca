"""The Dashboard read straight from a SQLite file at start-up, before SQLAlchemy is loaded.

The window shows it while ``open_services`` imports the ORM; it is the reading the
services give (workbench.services.dashboard_read, the same SQL and the same code, run
through the DB-API in one read-only transaction: workbench.store.first_page). ``begin``
makes it ready for the window's start: recalled when kept (workbench.services
.dashboard_memory), else read in a process of its own (``python -m`` this module) that
keeps it. None means "not this way" (a URL, a file still to migrate, not a workbench
file, one that cannot answer): the caller opens the database as usual, which says what
is wrong.

This module must not import SQLAlchemy (a test checks it).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
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


# A reading apart that takes longer than this is given up (the window then opens the
# database and reads the Dashboard through the services).
APART_TIMEOUT_S = 120.0


def remember_first_dashboard(
    target: str | None, language: str, today: dt.date, folder: Path
) -> bool:
    """Read the Dashboard of ``target`` through the DB-API and keep it in ``folder`` for
    the window to recall (workbench.services.dashboard_memory); False when the file
    cannot be read so or the folder written."""
    fresh = read_first_dashboard(target, language, today)
    return fresh is not None and DashboardMemory(folder).remember(fresh[0], language, fresh[1])


def _read_apart(target: str | None, language: str, folder: Path) -> bool:
    """``remember_first_dashboard`` in a process of its own, which Python's lock does not
    hold back while the window's process imports Qt and builds the window (on one process
    the reading took twice as long, waiting for the lock after each row SQLite gave it)."""
    package_root = str(Path(__file__).resolve().parents[2])
    paths = [package_root, *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    argv = [sys.executable, "-m", __name__, language, str(folder)]
    if target is not None:
        argv += ["--db", target]
    try:
        done = subprocess.run(
            argv,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=APART_TIMEOUT_S,
            check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # no console on Windows
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def begin(target: str | None, language: str, folder: Path) -> Future[DashboardReading | None]:
    """What the window draws before the database is open, made ready on a thread of its
    own begun now: the Dashboard as last read (kept in ``folder``) when the file is as it
    was then, else read now through the DB-API, in a process of its own, and kept for this
    start and the next; None when the file cannot be read so. The ``workbench`` command
    (workbench.cli.main) begins it first, so the file is read while Qt is imported and
    the window built; else the window's preview begins it (workbench.ui.preview)."""
    found: Future[DashboardReading | None] = Future()

    def read() -> None:
        today = dt.date.today()
        path = sqlite_path(target)
        if path is None or not path.is_file():  # a server, or nothing to read yet
            found.set_result(None)
            return
        try:
            kept = recall_target(target, language, today, folder)
            if kept is None and _read_apart(target, language, folder):
                kept = recall_target(target, language, today, folder)
        except Exception as error:  # the window then opens the database, which says why
            found.set_exception(error)
            return
        found.set_result(kept)

    threading.Thread(target=read, name="first-dashboard", daemon=True).start()
    return found


def main(argv: list[str]) -> int:
    """``python -m workbench.services.first_dashboard LANGUAGE FOLDER [--db TARGET]``:
    ``remember_first_dashboard``; exit 0 when kept, 1 when not."""
    language, folder, *rest = argv
    target = rest[1] if rest[:1] == ["--db"] else None
    return 0 if remember_first_dashboard(target, language, dt.date.today(), Path(folder)) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
