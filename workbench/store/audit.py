"""The audit chain: every create, update and delete becomes an AuditEntry in the same
transaction, and each entry carries the hash of the previous one.

A create stores the new row as JSON, a delete the old row, an update one entry per
changed field (never the columns a model leaves out, such as a file's bytes: its size and
SHA-256 are recorded instead). A schema migration writes a ``migrate`` entry of entity ``schema``
(workbench.store.migrate). workbench.store.verify recomputes the hashes and replays the
entries against the rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    inspect,
    select,
    text,
)
from sqlalchemy.orm import Session, UOWTransaction, attributes

from workbench.store.models import AuditEntry, Base

GENESIS = "0" * 64
ACTOR_KEY = "workbench.actor"
# session.info key: (audit id, kind, record id, action) of every entry this unit of work wrote
WRITTEN_KEY = "workbench.written"
# PostgreSQL advisory lock held while appending, so two writers never chain after the same head
CHAIN_LOCK = 0x776F_726B_6265_6E63
# A schema migration's entry: action, entity and field (see ``migration_change``)
MIGRATE = "migrate"
SCHEMA = "schema"
REVISION = "revision"


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


def migration_change(revision: str, previous: str | None, what: str) -> Change:
    """The entry a schema migration leaves: field ``revision`` went from ``previous`` to
    ``"<revision>: <what it changed>"``; entity_id is the revision's number."""
    key = int(revision) if revision.isdigit() else text_key(revision)
    return Change(MIGRATE, SCHEMA, key, REVISION, previous, f"{revision}: {what}")


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
    """The row as its audit entry records it: every column but the unaudited ones (a
    file's bytes, which are not even loaded for this)."""
    mapper = inspect(obj).mapper
    skipped = obj.__unaudited_columns__
    return {col.key: getattr(obj, col.key) for col in mapper.column_attrs if col.key not in skipped}


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
            if prop.key in obj.__unaudited_columns__:
                continue
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
