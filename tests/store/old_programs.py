"""Writing a file at an old revision as the program of that revision did.

Today's bulk writer fills every column of today's tables. A file older than 0006 has no
columns for the decimals of a result's figures: they are added for the write and dropped
after it, and the figures are written without decimals (as floats, decimals not known),
so the audit snapshots hold no decimals that the file would lack once upgraded. The same
goes for a person's ``left_on`` (0010), added for the write, dropped after it, and empty,
and for a problem's ``imported_at`` (0013).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import replace
from pathlib import Path

from workbench.cli.bulk import write_problems
from workbench.cli.demo import SMALL_SPAN_DAYS, seed_lookups
from workbench.cli.scenario import PlannedProblem, PlannedResult, Planner, load_catalogue
from workbench.services import Services
from workbench.services.numbers import TypedNumber

DECIMALS = ("baseline_decimals", "after_decimals")


def _floats(result: PlannedResult) -> PlannedResult:
    values = {
        name: value.value if isinstance(value, TypedNumber) else value
        for name, value in result.values.items()
    }
    return replace(result, values=values)


def without_decimals(plan: PlannedProblem) -> PlannedProblem:
    """``plan`` with its results' figures as floats: their decimals are not known."""
    causes = []
    for cause in plan.causes:
        solution = cause.solution
        if solution is not None and solution.result is not None:
            solution = replace(solution, result=_floats(solution.result))
        causes.append(replace(cause, solution=solution))
    return replace(plan, causes=tuple(causes))


# Today's columns a file before 0006 lacks: (table, column, type).
LATER_COLUMNS = (
    *(("result", column, "SMALLINT") for column in DECIMALS),
    ("person", "left_on", "DATE"),
    ("problem", "imported_at", "DATETIME"),
)


def _alter(path: Path, add: bool) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        for table, column, kind in LATER_COLUMNS:
            if add:
                connection.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            else:
                connection.execute(f"ALTER TABLE {table} DROP COLUMN {column}")


def imported_at(path: Path, add: bool) -> None:
    """A problem's ``imported_at`` (0013) added to a file at an older revision, or dropped."""
    with closing(sqlite3.connect(path)) as connection, connection:
        action = "ADD COLUMN imported_at DATETIME" if add else "DROP COLUMN imported_at"
        connection.execute(f"ALTER TABLE problem {action}")


@contextmanager
def later_columns(path: Path) -> Iterator[None]:
    """Today's columns added to a file at an old revision for the writes of the block
    (today's models read and write them), and dropped after it."""
    _alter(path, add=True)
    try:
        yield
    finally:
        _alter(path, add=False)


def write_demo_before_0006(services: Services, path: Path, count: int = 48) -> None:
    """The default demo's ``count`` problems written in bulk (rows and audit entries, no
    status changes) into the file at ``path``, at a revision before 0006."""
    catalogue = load_catalogue("zh_CN")
    _alter(path, add=True)
    try:
        ids = seed_lookups(services, catalogue)
        today = services.problems.today()
        plans = Planner(catalogue, ids, today, SMALL_SPAN_DAYS).problems(count)
        write_problems(services, [without_decimals(p) for p in plans], ids.people, count)
    finally:
        services.database.dispose()  # no pooled connection keeps the old table's shape
        _alter(path, add=False)
