"""Record versions for safe concurrent edits, read from the audit chain.

A record's version is the id of the last audit entry that touched it: it changes with
every saved change, costs one index seek (``ix_audit_entry_entity``) and needs no column
of its own. A form keeps the version it was filled from; saving with it refuses a record
that someone changed since, naming who, when and which fields, so no edit is lost without
a word (last save no longer wins).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.services.errors import Conflict, ConflictError
from workbench.store.models import AuditEntry


def versions(session: Session, kind: str, ids: Iterable[int]) -> dict[int, int]:
    """Version of each record ``kind`` in ``ids`` (records never audited are left out)."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(AuditEntry.entity_id, func.max(AuditEntry.id))
        .where(AuditEntry.entity == kind, AuditEntry.entity_id.in_(wanted))
        .group_by(AuditEntry.entity_id)
    )
    return {row[0]: row[1] for row in rows}


def last_change(session: Session, kind: str, rid: int, since: int) -> tuple[str | None, str | None]:
    """Who changed record (kind, rid) last after entry ``since``, and when (UTC ISO)."""
    row = session.execute(
        select(AuditEntry.actor, AuditEntry.at)
        .where(AuditEntry.entity == kind, AuditEntry.entity_id == rid, AuditEntry.id > since)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row is not None else (None, None)


def require_version(session: Session, kind: str, rid: int, expected: int | None) -> None:
    """Refuse to change record (kind, rid) unless it still stands at version ``expected``
    (None: the caller does not know a version, e.g. a script; nothing is checked)."""
    if expected is None:
        return
    current = versions(session, kind, [rid]).get(rid, 0)
    if current == expected:
        return
    fields = session.scalars(
        select(AuditEntry.field)
        .where(
            AuditEntry.entity == kind,
            AuditEntry.entity_id == rid,
            AuditEntry.id > expected,
            AuditEntry.field.is_not(None),
        )
        .distinct()
    ).all()
    by, at = last_change(session, kind, rid, expected)
    raise ConflictError([Conflict(kind, rid, by, at, tuple(sorted(f for f in fields if f)))])
