"""Verifying the audit chain and the records against it (what ``workbench check`` runs).

``verify_chain`` recomputes every hash; the first entry that does not match is where the
file was changed behind the program's back. ``verify_rows`` replays each row's entries
and compares the result with the row, on the fields those entries recorded: a column
that a migration added later is not in the snapshots of rows created before it, so it is
not held against them; once an entry records it, it is checked like every other field.
A column the chain leaves out (a file's bytes) is checked by ``verify_digests`` against
the SHA-256 the chain does record.
The columns are read as the database has them, not as the program's models say, so a
row is always compared with what the file really holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    MetaData,
    String,
    Table,
    func,
    inspect,
    select,
    type_coerce,
)

from workbench.store.audit import GENESIS, Change, encode, entry_hash
from workbench.store.models import AuditEntry, Base


@dataclass(frozen=True)
class Breach:
    """Where the record stops matching its audit chain: an entry or row id, and why."""

    ref: int
    reason: str


Step = Callable[[int], None]


def _no_step(_count: int) -> None:
    return None


def verify_chain(
    connection: Connection,
    batch: int = 50_000,
    step: Step = _no_step,
    after: tuple[int, str] | None = None,
) -> tuple[int, Breach | None]:
    """Recompute every hash; return how many entries were checked and the first break.

    ``after`` (id, hash) starts at the entry following that one, trusting it and those
    before it (the caller has checked that entry still holds that hash).
    ``step(n)`` is called after every ``batch`` entries; it may raise to stop the check."""
    table = AuditEntry.__table__
    start_id, prev = after or (0, GENESIS)
    expected_id: int | None = start_id + 1 if after else None
    checked = 0
    result = connection.execution_options(yield_per=batch).execute(
        select(table).where(table.c.id > start_id).order_by(table.c.id)
    )
    for row in result:
        if expected_id is not None and row.id != expected_id:
            return checked, Breach(row.id, f"entry {expected_id} is missing")
        if row.prev_hash != prev:
            return checked, Breach(row.id, "does not follow the entry before it")
        change = Change(
            row.action, row.entity, row.entity_id, row.field, row.old_value, row.new_value
        )
        if entry_hash(prev, row.id, row.at, row.actor, change) != row.hash:
            return checked, Breach(row.id, "its content was changed after it was written")
        prev = row.hash
        expected_id = row.id + 1
        checked += 1
        if checked % batch == 0:
            step(batch)
    step(checked % batch)
    return checked, None


def _raw_dates(column: Any) -> Any:
    """Dates as stored: SQLite keeps them as text, and a date edited into something that is
    not a date must be reported as a change, not stop the check with a parse error."""
    if isinstance(column.type, Date | DateTime):
        return type_coerce(column, String()).label(column.key)
    return column


def _parsed(value: Any) -> Any:
    """A date or time read as text, parsed as the program writes it (other databases
    return date objects, which pass through)."""
    if not isinstance(value, str):
        return value
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return f"unreadable {value!r}"


def _replay(entries: Iterable[Any]) -> dict[str, str | None] | None:
    """The fields a row's audit entries recorded, with the values they left; None once
    deleted. A create records the whole row as it was then; an update adds its field."""
    state: dict[str, str | None] | None = None
    for entry in entries:
        if entry.action == "create":
            state = json.loads(entry.new_value)
        elif entry.action == "delete":
            state = None
        elif state is not None:
            state[entry.field] = entry.new_value
    return state


def stored_columns(connection: Connection, table: Table) -> list[Column[Any]]:
    """``table``'s columns as the database has them (a migration may have added some).

    Only the columns are read: reflecting the whole table would read its indexes too, and
    warn about those on an expression, which SQLAlchemy cannot reflect (migration 0007).
    """
    stored = inspect(connection).get_columns(table.name)
    reflected = Table(
        table.name,
        MetaData(),
        *(Column(c["name"], c["type"]) for c in stored),
    )
    return list(reflected.columns)


def _scopes(table: Any, touched_after: int | None) -> tuple[list[Any], list[Any]]:
    """Filters on (entries, rows) that keep only rows touched by entries after an id."""
    if touched_after is None:
        return [], []
    audit = AuditEntry.__table__
    # coalesce() keeps SQLite on the id range (the new entries) instead of the entity
    # index, which would read every entry of the table.
    touched = (
        select(audit.c.entity_id)
        .where(func.coalesce(audit.c.entity, "") == table.name, audit.c.id > touched_after)
        .scalar_subquery()
    )
    return [audit.c.entity_id.in_(touched)], [table.c.id.in_(touched)]


def _differs(expected: dict[str, str | None], actual: dict[str, str | None]) -> str | None:
    """The first recorded field whose value the row no longer has. A recorded field the
    table no longer has (a migration dropped its column) cannot be compared."""
    return next((c for c, value in actual.items() if c in expected and expected[c] != value), None)


def verify_rows(
    connection: Connection,
    model: type[Base],
    batch: int = 20_000,
    step: Step = _no_step,
    touched_after: int | None = None,
) -> Breach | None:
    """Replay the audit entries of ``model``'s table and compare with its rows.

    Streams both sides ordered by id (a merge), so memory stays flat on big files.
    Returns the first row that differs from what its audit trail recorded, or that
    exists without a trail, or that is gone though its trail says it exists.
    ``touched_after`` limits both sides to the rows that entries after that id touched.
    """
    columns = [
        c
        for c in stored_columns(connection, model.__table__)
        if c.name not in model.__unaudited_columns__  # a file's bytes: see verify_digests
    ]
    table = columns[0].table
    audit = AuditEntry.__table__
    names = [c.name for c in columns]
    entry_scope, row_scope = _scopes(table, touched_after)
    entries = connection.execution_options(yield_per=batch).execute(
        select(audit)
        .where(audit.c.entity == table.name, *entry_scope)
        .order_by(audit.c.entity_id, audit.c.id)
    )
    rows = iter(
        connection.execution_options(yield_per=batch).execute(
            select(*(_raw_dates(c) for c in columns)).where(*row_scope).order_by(table.c.id)
        )
    )
    dates = {c.name for c in columns if isinstance(c.type, Date | DateTime)}
    row = next(rows, None)
    seen = 0
    for entity_id, group in groupby(entries, key=lambda e: e.entity_id):
        seen += 1
        if seen % batch == 0:
            step(batch)
        expected = _replay(group)
        if row is not None and row.id < entity_id:
            return Breach(row.id, f"{table.name} {row.id} was added without the program")
        actual = None
        if row is not None and row.id == entity_id:
            values = row._mapping
            actual = {c: encode(_parsed(values[c]) if c in dates else values[c]) for c in names}
            row = next(rows, None)
        if actual is None and expected is None:
            continue
        if actual is None:
            return Breach(entity_id, f"{table.name} {entity_id} was removed without the program")
        if expected is None:
            return Breach(entity_id, f"{table.name} {entity_id} was added without the program")
        field = _differs(expected, actual)
        if field is not None:
            return Breach(
                entity_id, f"{table.name} {entity_id} field {field} was changed without the program"
            )
    if row is not None:
        return Breach(row.id, f"{table.name} {row.id} was added without the program")
    step(seen % batch)
    return None


def verify_digests(
    connection: Connection,
    model: type[Base],
    batch: int = 16,
    touched_after: int | None = None,
) -> Breach | None:
    """Recompute the SHA-256 of each unaudited content column of ``model`` (a file's
    bytes) and compare it with the audited column that records it; the first row whose
    bytes were changed behind the program's back is the breach. ``touched_after`` limits
    the rows as in ``verify_rows``. Rows are read a few at a time: each may be megabytes."""
    table: Any = model.__table__
    _, row_scope = _scopes(table, touched_after)
    for content, digest in model.__digests__:
        rows = connection.execution_options(yield_per=batch).execute(
            select(table.c.id, table.c[content], table.c[digest])
            .where(*row_scope)
            .order_by(table.c.id)
        )
        for row in rows:
            row_id, data, recorded = int(row[0]), row[1], row[2]
            if data is None or hashlib.sha256(bytes(data)).hexdigest() != recorded:
                return Breach(
                    row_id, f"{table.name} {row_id} field {content} was changed without the program"
                )
    return None
