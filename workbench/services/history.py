"""Undo at the domain level: a committed write is reversed from its own audit entries.

The audit chain already holds, for every write, each created row, each changed field's old
and new value, and each deleted row in full. Undoing a write replays those entries
backwards in one transaction: rows it created are deleted, fields it changed get their old
value back, rows it deleted come back with the same ids and values (a verified result keeps
its "verified by / when"). Before touching anything, every record must still be as the
write left it; if someone changed it since, ``ConflictError`` names who and when and
nothing is written. The undo is itself a write with a ChangeSet, so undoing the undo is
the redo. Nothing here knows a record kind: what works for problems works for every kind
added later. Code sequences never go back (a code once handed out is never reused).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workbench.services.base import Service
from workbench.services.errors import Conflict, ConflictError, FieldError, ValidationError
from workbench.services.versions import last_change
from workbench.store.attachments import ContentGone
from workbench.store.audit import WRITTEN_KEY, decode, encode
from workbench.store.changes import DELETED, ChangeSet
from workbench.store.models import AuditEntry, Base

# Entries that are not record edits and are never reversed.
_NOT_UNDONE = frozenset({"code_sequence", "schema"})
# Bookkeeping: not part of what the user changed; an undo is a change made now.
_STAMP = "updated_at"

State = dict[str, str | None]
# A rule run after an undo, inside its transaction, with the rows it touched.
Rule = Callable[[Session, "Sequence[Touched]"], None]


@dataclass
class Touched:
    """One record across a write: its state before and after (None: absent), as audit text.

    ``before`` holds only the fields the write changed when the record existed before and
    after it; a created or deleted record has every field."""

    kind: str
    id: int
    before: State | None = None
    after: State | None = None
    seen: bool = field(default=False, repr=False)

    def take(self, entry: Any) -> None:
        if entry.action == "create":
            if not self.seen:
                self.before = None
            self.after = json.loads(entry.new_value)
        elif entry.action == "delete":
            snapshot = json.loads(entry.old_value)
            if not self.seen:
                self.before = snapshot
            elif self.before is not None and self.after is not None:
                self.before = {**snapshot, **self.before}  # updated, then deleted
            self.after = None
        else:
            if not self.seen:
                self.before, self.after = {}, {}
            assert self.before is not None and self.after is not None
            self.before.setdefault(entry.field, entry.old_value)
            self.after[entry.field] = entry.new_value
        self.seen = True

    def state(self) -> State:
        """The fields known of this record, after the write where it then existed."""
        return {**(self.before or {}), **(self.after or {})}


def models_by_kind() -> dict[str, type[Base]]:
    return {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}


class HistoryService(Service):
    """Undo (and, by undoing an undo, redo) of committed writes."""

    def __init__(self, *args: Any, rules: Iterable[Rule] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._rules = tuple(rules)

    def undo(self, changes: ChangeSet | Sequence[ChangeSet]) -> ChangeSet | None:
        """Reverse ``changes`` (one write, or several, newest reversed first) in one
        transaction; returns the ChangeSet of the reversal, None when it changed nothing."""
        sets = (changes,) if isinstance(changes, ChangeSet) else tuple(changes)
        try:
            _, written = self._db.capture(lambda: self._undo(sets))
        except ContentGone as gone:  # a removed attachment whose bytes are no longer kept
            raise ValidationError(
                [FieldError("content", "attachment_gone", str(gone), {"value": gone.file_name})]
            ) from gone
        return written[0] if written else None

    def _undo(self, sets: Sequence[ChangeSet]) -> None:
        models = models_by_kind()
        order = {table.name: n for n, table in enumerate(Base.metadata.sorted_tables)}
        with self._db.write(self.actor) as session, session.no_autoflush:
            touched = self._touched(session, sets)
            self._refuse_conflicts(session, touched, models, max(s.last_entry for s in sets))
            touched.sort(key=lambda record: order[record.kind])
            # Parents come back before their children; children go before their parents.
            for record in touched:
                model = models[record.kind]
                if record.before is not None and record.after is None:
                    session.add(model(**_decoded(model, record.before)))
                elif record.before is not None and record.after is not None:
                    obj = session.get(model, record.id)
                    for name, value in _decoded(model, record.before).items():
                        setattr(obj, name, value)
                    if hasattr(obj, _STAMP):
                        setattr(obj, _STAMP, self._clock())
            session.flush()
            intended = set()
            for record in reversed(touched):
                if record.before is None and record.after is not None:
                    session.delete(session.get(models[record.kind], record.id))
                    intended.add((record.kind, record.id))
                    self._flush_delete(session, record)
            self._refuse_cascades(session, intended)
            for rule in self._rules:
                rule(session, touched)

    @staticmethod
    def _flush_delete(session: Session, record: Touched) -> None:
        """Delete now, so that a row that others came to refer to is named, not a crash."""
        try:
            session.flush()
        except IntegrityError as error:
            raise ConflictError([Conflict(record.kind, record.id)]) from error

    @staticmethod
    def _touched(session: Session, sets: Sequence[ChangeSet]) -> list[Touched]:
        records: dict[tuple[str, int], Touched] = {}
        for change in sorted(sets, key=lambda s: s.first_entry):
            entries = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.id.between(change.first_entry, change.last_entry))
                .order_by(AuditEntry.id)
            )
            for entry in entries:
                if entry.entity in _NOT_UNDONE:
                    continue
                key = (entry.entity, entry.entity_id)
                records.setdefault(key, Touched(*key)).take(entry)
        return list(records.values())

    def _refuse_conflicts(
        self,
        session: Session,
        touched: Sequence[Touched],
        models: dict[str, type[Base]],
        since: int,
    ) -> None:
        conflicts = [
            conflict
            for record in touched
            if (conflict := _conflict(session, models[record.kind], record, since)) is not None
        ]
        if conflicts:
            raise ConflictError(conflicts)

    @staticmethod
    def _refuse_cascades(session: Session, intended: set[tuple[str, int]]) -> None:
        """Deleting what a write created must not take along what others added under it."""
        written = session.info.get(WRITTEN_KEY, [])
        extra = [
            (kind, rid)
            for _, kind, rid, action in written
            if action == DELETED and (kind, rid) not in intended and kind not in _NOT_UNDONE
        ]
        if extra:
            kind, rid = extra[0]
            by, at = last_change(session, kind, rid, 0)
            raise ConflictError([Conflict(kind, rid, by, at)])


def _decoded(model: type[Base], state: State) -> dict[str, Any]:
    columns = {c.key: c for c in inspect(model).mapper.columns}
    return {name: decode(columns[name], text) for name, text in state.items() if name in columns}


def _conflict(session: Session, model: type[Base], record: Touched, since: int) -> Conflict | None:
    """Whether the record is no longer as the write left it."""
    obj = session.get(model, record.id)
    if record.after is None:
        stale = obj is not None and record.before is not None
        fields: tuple[str, ...] = ()
    elif obj is None:
        stale, fields = True, ()
    else:
        fields = tuple(
            name
            for name, text in record.after.items()
            if name != _STAMP and encode(getattr(obj, name)) != text
        )
        stale = bool(fields)
    if not stale:
        return None
    by, at = last_change(session, record.kind, record.id, since)
    return Conflict(record.kind, record.id, by, at, fields)
