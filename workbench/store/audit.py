"""The audit chain: every create, update and delete becomes an AuditEntry in the same
transaction, and each entry carries the hash of the previous one.

A create stores the new row as JSON, a delete the old row, an update one entry per
changed field. ``verify_chain`` recomputes every hash; the first entry that does not
match is where the file was changed behind the program's back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    func,
    inspect,
    select,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session, UOWTransaction, attributes

from workbench.store.models import AuditEntry, Base

GENESIS = "0" * 64
ACTOR_KEY = "workbench.actor"
# session.info key: (audit id, kind, record id, action) of every entry this unit of work wrote
WRITTEN_KEY = "workbench.written"
# PostgreSQL advisory lock held while appending, so two writers never chain after the same head
CHAIN_LOCK = 0x776F_726B_6265_6E63


def encode(value: Any) -> str | None:
    """The text form of a column value as kept in the audit chain."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def decode(column: Any, text: str | None) -> Any:
    """The column value whose audit text is ``text`` (the inverse of ``encode``)."""
    if text is None:
        return None
    kind = column.type
    if isinstance(kind, Boolean):
        return text == "true"
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat(text)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(text)
    if isinstance(kind, Integer):
        return int(text)
    if isinstance(kind, Float):
        return float(text)
    return text


@dataclass(frozen=True)
class Change:
    """One audit entry before it is chained."""

    action: str
    entity: str
    entity_id: int
    field: str | None
    old_value: str | None
    new_value: str | None


def entry_hash(prev_hash: str, entry_id: int, at: str, actor: str, change: Change) -> str:
    parts = [
        prev_hash,
        str(entry_id),
        at,
        actor,
        change.action,
        change.entity,
        str(change.entity_id),
        change.field or "",
        "\x00" if change.old_value is None else change.old_value,
        "\x00" if change.new_value is None else change.new_value,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def snapshot(values: Mapping[str, Any]) -> str:
    return json.dumps(
        {key: encode(value) for key, value in values.items()}, ensure_ascii=False, sort_keys=True
    )


def chain_rows(
    changes: Iterable[Change], actor: str, at: str, last_id: int, last_hash: str
) -> Iterator[dict[str, Any]]:
    """Rows for ``audit_entry`` continuing the chain after (last_id, last_hash)."""
    prev = last_hash
    entry_id = last_id
    for change in changes:
        entry_id += 1
        digest = entry_hash(prev, entry_id, at, actor, change)
        yield {
            "id": entry_id,
            "at": at,
            "actor": actor,
            "action": change.action,
            "entity": change.entity,
            "entity_id": change.entity_id,
            "field": change.field,
            "old_value": change.old_value,
            "new_value": change.new_value,
            "prev_hash": prev,
            "hash": digest,
        }
        prev = digest


def text_key(key: str) -> int:
    """A stable entity_id for a row keyed by text (the code sequence's prefix): 31 bits
    of its SHA-256, so it fits every database's INTEGER."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big") & 0x7FFF_FFFF


def entity_key(obj: Base) -> int:
    """The entity_id audit entries give ``obj``: its integer id, else ``text_key`` of its key."""
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    if len(key) == 1 and isinstance(key[0], int):
        return key[0]
    return text_key("\x1f".join(str(part) for part in key))


def lock_chain(connection: Connection) -> None:
    """Hold the chain until this transaction ends. SQLite writers are already serialised by
    BEGIN IMMEDIATE; PostgreSQL needs an advisory lock, or two writers read the same head."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})


def hash_of(connection: Connection, entry_id: int) -> str | None:
    """The stored hash of entry ``entry_id``; None when there is no such entry."""
    return connection.scalar(select(AuditEntry.hash).where(AuditEntry.id == entry_id))


def chain_head(connection: Connection) -> tuple[int, str]:
    row = connection.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return (0, GENESIS) if row is None else (row[0], row[1])


def append(connection: Connection, changes: list[Change], actor: str) -> list[dict[str, Any]]:
    """Write ``changes`` at the end of the chain on ``connection`` (inside its transaction);
    returns the rows written."""
    if not changes:
        return []
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    lock_chain(connection)
    last_id, last_hash = chain_head(connection)
    rows = list(chain_rows(changes, actor, at, last_id, last_hash))
    connection.execute(AuditEntry.__table__.insert(), rows)
    return rows


def _columns(obj: Base) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {col.key: getattr(obj, col.key) for col in mapper.column_attrs}


def _changes_in_flush(session: Session) -> list[Change]:
    changes: list[Change] = []
    for obj in session.new:
        if isinstance(obj, Base) and obj.__audited__:
            values = _columns(obj)
            changes.append(
                Change("create", obj.__tablename__, entity_key(obj), None, None, snapshot(values))
            )
    for obj in session.dirty:
        if not (isinstance(obj, Base) and obj.__audited__) or not session.is_modified(obj):
            continue
        key = entity_key(obj)
        for prop in inspect(obj).mapper.column_attrs:
            history = attributes.get_history(obj, prop.key)
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if encode(old) != encode(new):
                changes.append(
                    Change("update", obj.__tablename__, key, prop.key, encode(old), encode(new))
                )
    for obj in session.deleted:
        if isinstance(obj, Base) and obj.__audited__:
            values = _columns(obj)
            changes.append(
                Change("delete", obj.__tablename__, entity_key(obj), None, snapshot(values), None)
            )
    return changes


def record_flush(session: Session, _flush_context: UOWTransaction) -> None:
    """``after_flush`` listener: chain what this flush wrote, by the session's actor."""
    actor = session.info.get(ACTOR_KEY)
    changes = _changes_in_flush(session)
    if not changes:
        return
    if actor is None:
        raise RuntimeError("a write session without an actor cannot be audited")
    rows = append(session.connection(), changes, actor)
    written = session.info.setdefault(WRITTEN_KEY, [])
    written.extend((r["id"], r["entity"], r["entity_id"], r["action"]) for r in rows)


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
    """The state a row should have after its audit entries; None once deleted."""
    state: dict[str, str | None] | None = None
    for entry in entries:
        if entry.action == "create":
            state = json.loads(entry.new_value)
        elif entry.action == "delete":
            state = None
        elif state is not None:
            state[entry.field] = entry.new_value
    return state


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


def verify_rows(
    connection: Connection,
    model: type[Base],
    batch: int = 20_000,
    step: Step = _no_step,
    touched_after: int | None = None,
) -> Breach | None:
    """Replay the audit entries of ``model``'s table and compare with its rows.

    Streams both sides ordered by id (a merge), so memory stays flat on big files.
    Returns the first row that differs from what its audit trail says.
    ``touched_after`` limits both sides to the rows that entries after that id touched.
    """
    table = model.__table__
    audit = AuditEntry.__table__
    columns = [col.key for col in inspect(model).mapper.column_attrs]
    entry_scope, row_scope = _scopes(table, touched_after)
    entries = connection.execution_options(yield_per=batch).execute(
        select(audit)
        .where(audit.c.entity == table.name, *entry_scope)
        .order_by(audit.c.entity_id, audit.c.id)
    )
    rows = iter(
        connection.execution_options(yield_per=batch).execute(
            select(*(_raw_dates(table.c[c]) for c in columns))
            .where(*row_scope)
            .order_by(table.c.id)
        )
    )
    dates = {c for c in columns if isinstance(table.c[c].type, Date | DateTime)}
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
            actual = {
                c: encode(_parsed(getattr(row, c)) if c in dates else getattr(row, c))
                for c in columns
            }
            row = next(rows, None)
        if expected != actual:
            if actual is None:
                return Breach(
                    entity_id, f"{table.name} {entity_id} was removed without the program"
                )
            if expected is None:
                return Breach(entity_id, f"{table.name} {entity_id} was added without the program")
            field = next(c for c in columns if expected.get(c) != actual[c])
            return Breach(
                entity_id, f"{table.name} {entity_id} field {field} was changed without the program"
            )
    if row is not None:
        return Breach(row.id, f"{table.name} {row.id} was added without the program")
    step(seen % batch)
    return None
