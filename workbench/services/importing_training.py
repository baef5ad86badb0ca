"""Writing an import of training attendance (workbench.transfer.training): a sign-in
sheet's rows, each a person at a session, the sessions made from the rows.

The rows of one session (its code, else its date, topic and module) make it once: a
session the database already holds is matched and gets only the attendances it lacks
(an attendance it has keeps its place; a different score is an update), so importing the
same sheet twice adds nothing. A new session is checked by the training kind's
description (workbench.services.kinds: a topic, a module, a date …) and numbered
T-2026-0001 by the year it was held unless the sheet keeps its code; an attendee must
exist (or be created by this import) and not have left before the day, with the
department of the sheet or, without one, the person's. The preview and the write make
the same plan; the write is the problem import's one transaction (its new list entries
first), all of it or nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, or_, select
from sqlalchemy.orm import Session

from workbench.services import kinds
from workbench.services.base import Service
from workbench.services.bulk import MAX_ERRORS, BatchError
from workbench.services.bulk_rows import RowError
from workbench.services.errors import FieldError, ValidationError
from workbench.services.importing import ImportService, ImportWritten, NewEntry, Tally
from workbench.services.progress import Progress
from workbench.services.training_rules import attendee, defaults
from workbench.store.bulk_import import ImportWriter, existing_codes
from workbench.store.models import Attendance, CodeSequence, Person, TrainingSession

SESSION, ATTENDANCE = kinds.TRAINING_SESSION, kinds.ATTENDANCE
_REFERENCED = {"erp_module_id": "erp_module", "trainer_id": "person"}


@dataclass(frozen=True)
class TrainingRow:
    """A sheet's row: the session's fields as read (names as ids), its code if the sheet
    keeps one, the person, their department that day, the score, and whether the 签到
    cell says they were not there (``absent``) or holds a mark or signature (``signed``)."""

    row: int
    session: Mapping[str, Any]
    code: str | None
    person_id: int | None
    department_id: int | None
    score: Any = None
    absent: bool = False
    signed: bool = False


def _new_names(row: TrainingRow) -> set[tuple[str, int]]:
    """The list entries a row names that the import would create (placeholders < 0)."""
    named = (("person", row.person_id), ("department", row.department_id))
    return {(table, value) for table, value in named if value is not None and value < 0}


@dataclass
class _Session:
    row: int  # its first row on the sheet
    values: dict[str, Any]  # its columns
    code: str | None
    existing: int | None  # the id of the session the database holds
    attendances: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Plan:
    sessions: list[_Session] = field(default_factory=list)
    updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)


def _fold(text: Any) -> str:
    return "".join(str(text or "").split()).casefold()


def _key(row: TrainingRow) -> tuple[Any, ...]:
    if row.code:
        return ("code", row.code)
    values = row.session
    return (values.get("held_on"), _fold(values.get("topic")), values.get("erp_module_id"))


class _Planner:
    """Groups, matches and checks the rows against what the database holds."""

    def __init__(self, connection: Connection, known: Mapping[str, set[int]]) -> None:
        self.conn = connection
        self.known = known
        self.plan = _Plan()
        self.errors = self.plan.tally.errors

    def _held(self, rows: Sequence[TrainingRow]) -> dict[tuple[Any, ...], int]:
        """The sessions the database holds that the rows may name, by their key."""
        table = TrainingSession.__table__
        codes = {r.code for r in rows if r.code}
        dates = {r.session.get("held_on") for r in rows if not r.code}
        dates = {d for d in dates if isinstance(d, dt.date)}
        query = select(table).where(or_(table.c.code.in_(codes), table.c.held_on.in_(dates)))
        found: dict[tuple[Any, ...], int] = {}
        for s in self.conn.execute(query).mappings():
            found[("code", s["code"])] = s["id"]
            found.setdefault((s["held_on"], _fold(s["topic"]), s["erp_module_id"]), s["id"])
        return found

    def _attended(self, ids: Iterable[int]) -> dict[tuple[int, int], Any]:
        table = Attendance.__table__
        query = select(table).where(table.c.session_id.in_(set(ids)))
        rows = self.conn.execute(query).mappings()
        return {(a["session_id"], a["person_id"]): a for a in rows}

    def fail(self, row: int, kind: str, error: FieldError) -> None:
        self.errors.append(RowError(row, kind, error))

    def _session(self, row: TrainingRow, held: Mapping[tuple[Any, ...], int]) -> _Session | None:
        existing = held.get(_key(row))
        if existing is not None:
            return _Session(row.row, {}, row.code, existing)
        clean, errors = SESSION.check({**defaults(), **row.session})
        for name, table in _REFERENCED.items():
            if clean.get(name) is not None and clean[name] not in self.known[table]:
                errors.append(FieldError(name, "unknown_reference", "refers to nothing"))
        for error in errors:
            self.fail(row.row, SESSION.name, error)
        return None if errors else _Session(row.row, SESSION.columns(clean), row.code, None)

    def _attendee(self, row: TrainingRow, held_on: Any, people: Session) -> int | None:
        clean, errors = ATTENDANCE.check({"person_id": row.person_id, "score": row.score})
        person = clean.get("person_id")
        if not errors and person is not None and person >= 0:  # < 0: created by the import
            try:
                attendee(people, person, held_on)
            except ValidationError as refused:
                errors += refused.errors
        if row.department_id is not None and row.department_id not in self.known["department"]:
            errors.append(FieldError("department_id", "unknown_reference", "refers to nothing"))
        for error in errors:
            self.fail(row.row, ATTENDANCE.name, error)
        return None if errors else person

    def make(self, rows: Sequence[TrainingRow]) -> _Plan:
        held = self._held(rows)
        attended = self._attended(held.values())
        sessions: dict[tuple[Any, ...], _Session | None] = {}
        seen: dict[tuple[tuple[Any, ...], int], int] = {}
        tally = self.plan.tally
        # Where people signed for a session, a row left blank is someone who did not come;
        # a sheet that only marks the absent has no signatures, and its blanks were there.
        signing = {_key(row) for row in rows if row.signed}
        left: set[tuple[str, int]] = set()  # the names the rows left out give …
        given: set[tuple[str, int]] = set()  # … and those the others give
        with Session(bind=self.conn) as people:  # read only, inside the caller's transaction
            for row in rows:
                if row.absent or (not row.signed and _key(row) in signing):
                    tally.left_out += 1
                    left |= _new_names(row)
                    continue
                given |= _new_names(row)
                key = _key(row)
                if key not in sessions:
                    sessions[key] = self._session(row, held)
                    if sessions[key] is not None:
                        self.plan.sessions.append(sessions[key])  # type: ignore[arg-type]
                session = sessions[key]
                held_on = row.session.get("held_on")
                person = self._attendee(row, held_on, people)
                if session is None or person is None:
                    continue
                first = seen.setdefault((key, person), row.row)
                if first != row.row:
                    message = f"repeats row {first}"
                    self.fail(
                        row.row, ATTENDANCE.name, FieldError("person_id", "repeated_row", message)
                    )
                    continue
                self._attendance(session, row, person, attended, people)
        # Someone who did not come is not added to the people list for it.
        tally.unused = frozenset(left - given)
        return self.plan

    def _attendance(
        self,
        session: _Session,
        row: TrainingRow,
        person: int,
        attended: Mapping[tuple[int, int], Mapping[str, Any]],
        people: Session,
    ) -> None:
        score = ATTENDANCE.columns(ATTENDANCE.check({"person_id": person, "score": row.score})[0])
        kept = attended.get((session.existing, person)) if session.existing else None
        if kept is not None:
            changes = {k: score[k] for k in ("score", "score_decimals") if kept[k] != score[k]}
            if row.score is not None and changes:
                self.plan.updates.append((kept["id"], changes))
                self.plan.tally.updated += 1
            else:
                self.plan.tally.unchanged += 1
            return
        department = row.department_id
        if department is None and person >= 0:
            department = people.scalar(select(Person.department_id).where(Person.id == person))
        session.attendances.append(
            {
                "person_id": person,
                "department_id": department,
                "score": score.get("score"),
                "score_decimals": score.get("score_decimals"),
            }
        )
        self.plan.tally.created += 1


def _codes(connection: Connection, sessions: Sequence[_Session]) -> list[str]:
    """Codes for the new sessions without one: the next of each year's sequence."""
    table = CodeSequence.__table__
    last = {r.prefix: r.last for r in connection.execute(select(table))}
    taken = {s.code for s in sessions if s.code}
    for code in taken:
        prefix, _, number = code.rpartition("-")
        if number.isdigit():
            last[prefix] = max(last.get(prefix, 0), int(number))
    given = []
    for session in sessions:
        if session.code is None and session.existing is None:
            prefix = f"T-{session.values['held_on'].year}"
            last[prefix] = last.get(prefix, 0) + 1
            session.code = f"{prefix}-{last[prefix]:04d}"
            given.append(session.code)
    return given


class TrainingImportService(Service):
    def lists(self) -> dict[str, list[dict[str, Any]]]:
        return ImportService(self._db, self.actor).lists()

    def existing(self, codes: Sequence[str]) -> dict[str, dict[str, Any]]:
        with self._db.engine.connect() as connection:
            return existing_codes(connection, "training_session", list(codes))

    def preview(
        self, items: Iterable[Any], placeholders: Mapping[str, set[int]], *, source: Any = None
    ) -> Tally:
        """What the write would do, writing nothing: attendances to add, scores to
        change, attendances already kept, absentees left out, every error."""
        rows = list(items)
        importing = ImportService(self._db, self.actor)
        known = importing.known()
        for table, ids in placeholders.items():
            known[table] = known[table] | ids
        with self._db.engine.connect() as connection:
            return _Planner(connection, known).make(rows).tally

    def write(
        self,
        entries: Sequence[NewEntry],
        codes: Iterable[str],
        items: Callable[[Mapping[tuple[str, str], int]], Iterable[Any]],
        progress: Progress | None = None,
        total: int = 0,
        *,
        kept: Any = None,
    ) -> ImportWritten:
        """The new list entries, sessions and attendances and the changed scores, in one
        transaction, or nothing (BatchError naming each wrong row's field)."""
        done: list[Tally] = []
        stamp = self._clock()

        def then(writer: ImportWriter, ids: Mapping[tuple[str, str], int]) -> None:
            plan = _Planner(writer.connection, writer.known_ids()).make(list(items(ids)))
            errors = sorted(plan.tally.errors, key=lambda e: e.row)
            if errors:
                raise BatchError(errors[:MAX_ERRORS], complete=len(errors) <= MAX_ERRORS)
            writer.reserve([s.code for s in plan.sessions if s.code])
            writer.reserve(_codes(writer.connection, plan.sessions))
            for session in plan.sessions:
                session_id = session.existing
                if session_id is None:
                    values = {**session.values, "code": session.code}
                    row = {**values, "created_at": stamp, "updated_at": stamp}
                    session_id = writer.add_entry(SESSION.name, row)
                for attendance in session.attendances:
                    writer.add_entry(ATTENDANCE.name, {**attendance, "session_id": session_id})
            for attendance_id, changes in plan.updates:
                writer.update(ATTENDANCE.name, attendance_id, changes)
            done.append(plan.tally)

        importing = ImportService(self._db, self.actor, self._clock)
        written = importing.write(entries, [], lambda ids: (), progress, total, then)
        tally = done[0]
        return ImportWritten(tally.created, tally.updated, written.entries, written.audit_entries)
