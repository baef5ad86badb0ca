"""A problem's audit trail, for its History view: who changed what, when, old → new.

The entries are the audit chain's own (workbench.store.audit), for the problem and every
cause, why, solution, result, KPI series link, status change (with its reason) and
attachment it has now, newest first. Only plain records leave here.

A number is kept in two columns, its value and the decimals it was typed with
(workbench.services.numbers), so its change may be two entries, or only the decimals'
("2" → "2.0"). The trail shows it as one change of the field, each side as it was written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any

from sqlalchemy import and_, or_, select, tuple_
from sqlalchemy.orm import Session

from workbench.services.base import Service
from workbench.services.kinds import KINDS
from workbench.services.numbers import TypedNumber
from workbench.store.models import (
    Attachment,
    AuditEntry,
    Cause,
    CauseWhy,
    Result,
    ResultKpi,
    Solution,
    StatusChange,
)

# Bookkeeping fields a person did not change.
_HIDDEN = frozenset({"updated_at"})


@dataclass(frozen=True)
class TrailEntry:
    id: int
    at: str  # UTC, ISO 8601
    actor: str
    kind: str  # record kind (table name)
    record_id: int
    action: str  # create, update, delete
    field: str | None
    old: str | None
    new: str | None


class TrailService(Service):
    def of_problem(self, problem_id: int, limit: int = 500) -> list[TrailEntry]:
        """The newest ``limit`` entries of the problem and of its chain as it stands now."""
        with self._db.read() as session:
            causes = list(session.scalars(select(Cause.id).where(Cause.problem_id == problem_id)))
            solutions = list(
                session.scalars(select(Solution.id).where(Solution.cause_id.in_(causes)))
            )
            results = list(
                session.scalars(select(Result.id).where(Result.solution_id.in_(solutions)))
            )
            links = list(
                session.scalars(select(ResultKpi.id).where(ResultKpi.result_id.in_(results)))
            )
            whys = list(session.scalars(select(CauseWhy.id).where(CauseWhy.cause_id.in_(causes))))
            statuses = list(
                session.scalars(
                    select(StatusChange.id).where(StatusChange.problem_id == problem_id)
                )
            )
            owners = [("problem", problem_id)]
            owners += [("cause", cause) for cause in causes]
            owners += [("result", result) for result in results]
            attachments = list(
                session.scalars(
                    select(Attachment.id).where(
                        tuple_(Attachment.owner_kind, Attachment.owner_id).in_(owners)
                    )
                )
            )
            records = {
                "problem": [problem_id],
                "cause": causes,
                "cause_why": whys,
                "solution": solutions,
                "result": results,
                "result_kpi": links,  # a result measured by a KPI series
                "status_change": statuses,  # each with its reason (a reject's, a reopen's)
                "attachment": attachments,  # name, size and SHA-256, never the bytes
            }
            audit = AuditEntry.__table__
            scopes = [
                and_(audit.c.entity == kind, audit.c.entity_id.in_(ids))
                for kind, ids in records.items()
                if ids
            ]
            rows = session.execute(
                select(audit)
                .where(or_(*scopes), or_(audit.c.field.is_(None), audit.c.field.not_in(_HIDDEN)))
                .order_by(audit.c.id.desc())
                .limit(limit)
            )
            entries = [
                TrailEntry(
                    row.id,
                    row.at,
                    row.actor,
                    row.entity,
                    row.entity_id,
                    row.action,
                    row.field,
                    row.old_value,
                    row.new_value,
                )
                for row in rows
            ]
            return as_written(session, entries)


# (kind, record id, the write's time) → number field → its (old, new) as written
Written = dict[tuple[str, int, str], dict[str, tuple[str | None, str | None]]]


def as_written(session: Session, entries: list[TrailEntry]) -> list[TrailEntry]:
    """``entries`` with each change of a number shown once, on its field, as written."""
    numbers = {kind: KINDS[kind].numbers() for kind in {e.kind for e in entries} if kind in KINDS}
    numbers = {kind: pairs for kind, pairs in numbers.items() if pairs}
    if not numbers:
        return entries
    written = _numbers_written(session, numbers, entries)
    shown: list[TrailEntry] = []
    seen: set[tuple[str, int, str, str]] = set()
    for entry in entries:
        pairs = numbers.get(entry.kind, {})
        field = next((n for n, d in pairs.items() if entry.field in (n, d)), None)
        if entry.action != "update" or field is None:
            shown.append(entry)
            continue
        key = (entry.kind, entry.record_id, entry.at, field)
        if key in seen:  # the same write changed the value and its decimals: shown once
            continue
        seen.add(key)
        old, new = written[(entry.kind, entry.record_id, entry.at)][field]
        shown.append(replace(entry, field=field, old=old, new=new))
    return shown


def _numbers_written(
    session: Session, numbers: Mapping[str, Mapping[str, str]], entries: Iterable[TrailEntry]
) -> Written:
    """Each number's value before and after every write of the records ``entries`` name,
    replayed from the records' whole trail (a change of the decimals alone needs the
    value, which an older entry holds)."""
    audit = AuditEntry.__table__
    ids: dict[str, set[int]] = {}
    for entry in entries:
        if entry.kind in numbers:
            ids.setdefault(entry.kind, set()).add(entry.record_id)
    rows = session.execute(
        select(audit)
        .where(or_(*(and_(audit.c.entity == k, audit.c.entity_id.in_(v)) for k, v in ids.items())))
        .order_by(audit.c.entity, audit.c.entity_id, audit.c.id)
    )
    written: Written = {}
    for (kind, record_id), trail in groupby(rows, key=lambda r: (r.entity, r.entity_id)):
        state: dict[str, Any] = {}
        for at, write in groupby(trail, key=lambda r: r.at):
            before = dict(state)
            for row in write:
                if row.action == "create":
                    state = json.loads(row.new_value)
                elif row.action == "delete":
                    state = {}
                elif row.field is not None:
                    state[row.field] = row.new_value
            written[(kind, record_id, at)] = {
                name: (_text(before, name, decimals), _text(state, name, decimals))
                for name, decimals in numbers[kind].items()
            }
    return written


def _text(state: Mapping[str, Any], name: str, decimals: str) -> str | None:
    """A number field of a replayed record as written; None when it has no value."""
    value = state.get(name)
    if value is None:
        return None
    places = state.get(decimals)
    return TypedNumber(float(value), None if places is None else int(places)).text()
