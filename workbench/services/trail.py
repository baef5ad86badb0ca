"""A problem's audit trail, for its History view: who changed what, when, old → new.

The entries are the audit chain's own (workbench.store.audit), for the problem and every
cause, why, solution, result, status change (with its reason) and attachment it has
now, newest first. Only plain records leave here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select, tuple_

from workbench.services.base import Service
from workbench.store.models import (
    Attachment,
    AuditEntry,
    Cause,
    CauseWhy,
    Result,
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
            return [
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
