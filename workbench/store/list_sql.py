"""SQL text shared by the Problems list's indexes and its queries (no SQLAlchemy here).

The list opens on "not closed" (every status but closed and rejected) and sorts by any
column. Migration 0007 gives each sort key a partial index over the problems not closed,
so a page deep in that list is an index walk over those problems only, and gives
frequency an index on its rank (how often, rarely 1 … several times a day 5).

SQLite uses a partial index only for a query whose WHERE holds the index's condition as
written, with literal values (a bound parameter does not count), and an index on an
expression only for the same expression. The indexes (workbench.store.models, the
migration) and the queries (workbench.services.problem_sql, workbench.store.first_page)
therefore take both from here; a test checks the plans use them.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from workbench.vocabulary import STATUS

# The statuses a problem ends in; "not closed" is every other one.
CLOSED: Final = ("closed", "rejected")

# How often, rarely … several times a day: the order frequency sorts in. A key outside
# these (none is written by the program) ranks 0, before them all.
FREQUENCY_RANKS: Final = (
    ("rarely", 1),
    ("monthly", 2),
    ("weekly", 3),
    ("daily", 4),
    ("several_daily", 5),
)


def not_closed_condition(column: str = "status") -> str:
    """``column`` (the problem's status) is none of the closed statuses, as SQL text."""
    closed = ", ".join(f"'{status}'" for status in CLOSED)
    return f"{column} NOT IN ({closed})"


def frequency_rank(column: str = "frequency") -> str:
    """The rank of ``column`` (the problem's frequency key) as a SQL expression."""
    cases = " ".join(f"WHEN '{key}' THEN {rank}" for key, rank in FREQUENCY_RANKS)
    return f"(CASE {column} {cases} ELSE 0 END)"


def is_not_closed(statuses: Collection[str]) -> bool:
    """Whether a filter on ``statuses`` is exactly "not closed": every status but the
    closed ones. Only then can it be written as ``not_closed_condition`` (and read from
    the partial indexes): the two are the same rows, as the program writes no other
    status."""
    wanted = set(STATUS.keys) - set(CLOSED)
    return len(statuses) == len(wanted) and set(statuses) == wanted


# The indexes on the frequency rank (migration 0007), as SQL. SQLAlchemy cannot reflect an
# index on an expression, so a migration that rebuilds the problem table in batch mode
# leaves them behind; workbench.store.migrate makes them again after every upgrade.
RANK_INDEXES: Final = (
    (
        "ix_problem_not_closed_frequency",
        f"problem ({frequency_rank()}, id, status) WHERE {not_closed_condition()}",
    ),
    ("ix_problem_frequency", f"problem ({frequency_rank()}, id)"),
)
