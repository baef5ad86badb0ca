"""Change notices: what one committed write did, by record kind and id.

Every audited unit of work ends with a ``ChangeSet`` built from the audit entries it
appended. ``Database`` hands it to its subscribers after the commit (never for a rolled
back write), so a window refreshes only the pages that show those records, and undo
knows exactly which audit entries to reverse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CREATED = "create"
UPDATED = "update"
DELETED = "delete"


@dataclass(frozen=True)
class RecordChange:
    """One record touched by a write: its kind (table name), id and net action."""

    kind: str
    id: int
    action: str


@dataclass(frozen=True)
class ChangeSet:
    """What one committed write changed; ``first_entry``…``last_entry`` are its audit ids."""

    actor: str
    first_entry: int
    last_entry: int
    records: tuple[RecordChange, ...]
    # Kinds of further records this write created without listing them one by one (a bulk
    # write of a million rows); a page showing records of these kinds reads them again.
    more_of: frozenset[str] = frozenset()

    @classmethod
    def of(cls, actor: str, entries: Iterable[tuple[int, str, int, str]]) -> ChangeSet | None:
        """From (audit id, kind, record id, action) tuples in chain order; None if empty."""
        net: dict[tuple[str, int], str] = {}
        ids: list[int] = []
        for entry_id, kind, record_id, action in entries:
            ids.append(entry_id)
            key = (kind, record_id)
            before = net.get(key)
            if before == CREATED and action == DELETED:
                net.pop(key)  # made and removed in the same write: nothing to show
            elif before is None or action != UPDATED:
                net[key] = action
        if not ids:
            return None
        records = tuple(RecordChange(kind, rid, action) for (kind, rid), action in net.items())
        return cls(actor, min(ids), max(ids), records)

    def kinds(self) -> frozenset[str]:
        return frozenset(r.kind for r in self.records) | self.more_of

    def touches(self, *kinds: str) -> bool:
        return any(r.kind in kinds for r in self.records) or not self.more_of.isdisjoint(kinds)

    def ids(self, kind: str, action: str | None = None) -> frozenset[int]:
        """Ids of ``kind`` records changed (only those with ``action`` if given)."""
        return frozenset(
            r.id for r in self.records if r.kind == kind and (action is None or r.action == action)
        )
