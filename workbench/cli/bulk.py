"""Writing a large demo record fast: Core ``executemany`` in big batches, one transaction.

The ORM path costs milliseconds per row; a million problems with their chains are ~7
million rows. Here rows are built as plain dicts and inserted in batches, with the same
audit entries the ORM path writes: a ``create`` entry per row whose snapshot is built
by workbench.store.audit from the very values inserted, so ``workbench check`` holds.
Problem codes continue the CodeSequence, so the program goes on from the last one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, Table, exists, func, select, text

from workbench.cli.scenario import PlannedCause, PlannedProblem
from workbench.store.audit import Change, chain_head, chain_rows, lock_chain, snapshot, text_key
from workbench.store.database import Database
from workbench.store.models import (
    AuditEntry,
    Base,
    Cause,
    CauseWhy,
    CodeSequence,
    Person,
    Problem,
    Result,
    Solution,
)

BATCH_PROBLEMS = 20_000
PROGRESS_EVERY = 100_000

_TABLES: tuple[Table, ...] = tuple(
    m.__table__ for m in (Problem, Cause, CauseWhy, Solution, Result)
)


def has_rows(database: Database) -> bool:
    """Does any table of the record (or the audit chain) hold a row?"""
    with database.engine.connect() as connection:
        return any(
            connection.scalar(select(exists().select_from(table)))
            for table in Base.metadata.sorted_tables
        )


def empty_record(database: Database) -> None:
    """Delete every row, children first, and start a new audit chain (demo ``--force``)."""
    with database.writer_engine.connect() as connection, connection.begin():
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


def _at(moment: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(moment, dt.time(hour))


class _BulkWriter:
    """Collects rows and their audit changes; ``flush`` inserts one batch."""

    def __init__(self, connection: Connection, actor: str) -> None:
        self._conn = connection
        self._actor = actor
        lock_chain(connection)  # before reading the ids and the chain's head
        self._next_id = {
            t.name: (connection.scalar(select(func.max(t.c.id))) or 0) + 1 for t in _TABLES
        }
        self._last_id, self._last_hash = chain_head(connection)
        self._sequence = {
            row.prefix: row.last for row in connection.execute(select(CodeSequence.__table__))
        }
        self._sequence_before = dict(self._sequence)
        self._people = {
            row.login: row.id for row in connection.execute(select(Person.login, Person.id))
        }
        self._rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in _TABLES}
        self._changes: list[Change] = []
        self._checked: set[str] = set()

    def _add(self, table: str, row: dict[str, Any]) -> int:
        row_id = self._next_id[table]
        self._next_id[table] = row_id + 1
        row["id"] = row_id
        self._rows[table].append(row)
        self._changes.append(Change("create", table, row_id, None, None, snapshot(row)))
        return row_id

    def _code(self, year: int) -> str:
        prefix = f"P-{year}"
        number = self._sequence.get(prefix, 0) + 1
        self._sequence[prefix] = number
        return f"{prefix}-{number:04d}"

    def add(self, plan: PlannedProblem) -> None:
        reported: dt.date = plan.values["reported_on"]
        last_day = plan.closed_on or reported
        problem_id = self._add(
            "problem",
            {
                **plan.values,
                "code": self._code(reported.year),
                "status": plan.status,
                "closed_on": plan.closed_on,
                "created_at": _at(reported, 9),
                "updated_at": _at(last_day, 17),
            },
        )
        for cause in plan.causes:
            self._add_cause(problem_id, cause, plan.verifier)

    def _add_cause(self, problem_id: int, cause: PlannedCause, verifier: str) -> None:
        cause_id = self._add("cause", {**cause.values, "problem_id": problem_id})
        for position, why in enumerate(cause.whys, start=1):
            self._add("cause_why", {"cause_id": cause_id, "position": position, "text": why})
        solution = cause.solution
        if solution is None:
            return
        solution_id = self._add("solution", {**solution.values, "cause_id": cause_id})
        result = solution.result
        if result is None:
            return
        verified = result.verified_on is not None
        self._add(
            "result",
            {
                **result.values,
                "solution_id": solution_id,
                "verified_by_id": self._people[verifier] if verified else None,
                "verified_at": _at(result.verified_on, 11) if result.verified_on else None,
            },
        )

    def flush(self) -> None:
        for table in _TABLES:
            rows = self._rows[table.name]
            if not rows:
                continue
            if table.name not in self._checked:
                missing = set(table.c.keys()) ^ set(rows[0])
                if missing:  # the audit snapshot must hold exactly the table's columns
                    raise RuntimeError(f"bulk rows for {table.name} differ in {missing}")
                self._checked.add(table.name)
            self._conn.execute(table.insert(), rows)
            rows.clear()
        if self._changes:
            at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
            entries = list(
                chain_rows(self._changes, self._actor, at, self._last_id, self._last_hash)
            )
            self._conn.execute(AuditEntry.__table__.insert(), entries)
            self._last_id, self._last_hash = entries[-1]["id"], entries[-1]["hash"]
            self._changes.clear()

    def finish(self) -> None:
        table = CodeSequence.__table__
        for prefix, last in self._sequence.items():
            before = self._sequence_before.get(prefix)
            key = text_key(prefix)
            if before is None:
                self._conn.execute(table.insert(), {"prefix": prefix, "last": last})
                row = snapshot({"prefix": prefix, "last": last})
                self._changes.append(Change("create", table.name, key, None, None, row))
            elif before != last:
                self._conn.execute(table.update().where(table.c.prefix == prefix), {"last": last})
                self._changes.append(
                    Change("update", table.name, key, "last", str(before), str(last))
                )
        self.flush()
        if self._conn.dialect.name == "postgresql":
            # Explicit ids do not move PostgreSQL's id sequences; the next ORM insert would clash.
            for name in (t.name for t in _TABLES):
                self._conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT MAX(id) FROM {name}))"
                    )
                )


def write_problems(
    database: Database,
    actor: str,
    plans: Iterable[PlannedProblem],
    total: int,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Insert planned problems with their chains and audit entries in one transaction."""
    written = 0
    with database.writer_engine.connect() as connection, connection.begin():
        writer = _BulkWriter(connection, actor)
        for plan in plans:
            writer.add(plan)
            written += 1
            if written % BATCH_PROBLEMS == 0:
                writer.flush()
            if progress is not None and written % PROGRESS_EVERY == 0:
                progress(written, total)
        writer.finish()
    return written
