"""The Problems list's first page, read before the services (and SQLAlchemy) are loaded.

The window shows these rows while ``open_services`` imports the ORM on a worker thread;
they are the rows ``ProblemService.page(ProblemFilter(), ProblemSort(), 0, limit)`` gives,
read through the DB-API (workbench.store.first_page). Only plain data comes back. None
means "not this way": the caller opens the database as usual.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from workbench.services.records import ProblemRow
from workbench.store.first_page import open_snapshot, sqlite_path


@dataclass(frozen=True)
class FirstPage:
    """The first ``len(rows)`` rows of the unfiltered list and how many problems there are."""

    rows: tuple[ProblemRow, ...]
    total: int
    statuses: tuple[str, ...] = ()  # the list's status filter they were read for


def read_first_page(
    target: str | None, limit: int, statuses: tuple[str, ...] = ()
) -> FirstPage | None:
    """The first ``limit`` rows of the database ``--db``/``WORKBENCH_DB``/the default names,
    of problems in ``statuses`` (none: every problem), or None when it is not a SQLite
    file ready to read as it is (see the store module)."""
    path = sqlite_path(target)
    if path is None:
        return None
    snapshot = open_snapshot(path)
    if snapshot is None:
        return None
    try:
        rows = snapshot.first_rows(limit, statuses)
        total = snapshot.count(statuses) if rows is not None else None
    finally:
        snapshot.close()
    if rows is None or total is None:
        return None
    try:
        problems = tuple(_problem_row(row) for row in rows)
    except (TypeError, ValueError):  # a value the ORM would read differently: not this way
        return None
    return FirstPage(problems, total, statuses)


_REPORTED_ON = [f.name for f in fields(ProblemRow)].index("reported_on")


def _problem_row(values: tuple[Any, ...]) -> ProblemRow:
    columns = list(values)
    # reported_on comes as its ISO text; SQLAlchemy reads it from SQLite the same way.
    columns[_REPORTED_ON] = dt.date.fromisoformat(columns[_REPORTED_ON])
    return ProblemRow(*columns)
