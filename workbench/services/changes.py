"""Change notices for the layers above services: what committed writes changed.

A write made through these ``Services`` is heard at once through ``Services.subscribe``.
A write made by anyone else on the same database (another window, a command, a second
person on a shared server) is found in the audit chain: every write appends its entries
there in the same transaction, so the entries after the last one seen are exactly what
changed since. ``ChangeFeed`` reads them, a bounded batch at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from sqlalchemy import func, select

from workbench.store.changes import CREATED, DELETED, UPDATED, ChangeSet, RecordChange
from workbench.store.database import Database
from workbench.store.errors import StorageError
from workbench.store.models import AuditEntry

__all__ = [
    "CREATED",
    "DELETED",
    "UPDATED",
    "ChangeFeed",
    "ChangeSet",
    "RecordChange",
]

# Entries read per call: a bulk import of a million rows arrives over several calls
# instead of as one huge read.
BATCH = 5_000


class ChangeFeed:
    """Reads the changes committed after a given audit entry, by anyone."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def last_entry(self) -> int:
        """The id of the newest audit entry (0 for an empty record)."""
        with self._db.read() as session:
            return session.scalar(select(func.max(AuditEntry.id))) or 0

    def since(
        self, after: int, skip: Sequence[tuple[int, int]] = (), limit: int = BATCH
    ) -> tuple[list[ChangeSet], int] | None:
        """ChangeSets of the entries after ``after`` (at most ``limit`` of them), one per
        run of entries by the same actor, leaving out the (first, last) entry id ranges in
        ``skip`` (writes already heard); and the id of the last entry read. None when the
        database cannot be read right now (the caller asks again later)."""
        query = (
            select(
                AuditEntry.id,
                AuditEntry.actor,
                AuditEntry.entity,
                AuditEntry.entity_id,
                AuditEntry.action,
            )
            .where(AuditEntry.id > after)
            .order_by(AuditEntry.id)
            .limit(limit)
        )
        try:
            with self._db.read() as session:
                rows = session.execute(query).all()
        except StorageError:
            return None
        if not rows:
            return [], after
        changes = []
        fresh = (row for row in rows if not any(a <= row.id <= b for a, b in skip))
        for actor, run in groupby(fresh, key=lambda row: row.actor):
            entries = [(row.id, row.entity, row.entity_id, row.action) for row in run]
            change = ChangeSet.of(actor, entries)
            if change is not None:
                changes.append(change)
        return changes, rows[-1].id
