"""Reading the knowledge base: an entry with its links and feedback, the list in the
orders a champion sorts it (most helpful, most viewed, newest), an entry's problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Integer, case, func, or_, select
from sqlalchemy.orm import Session

from workbench.services.errors import NotFoundError
from workbench.services.knowledge_records import KnowledgeLinkRecord, KnowledgeRecord, KnowledgeRow
from workbench.services.versions import versions
from workbench.store.models import (
    Cause,
    ErpModule,
    KnowledgeEntry,
    KnowledgeLink,
    KnowledgeView,
    KnowledgeVote,
    Problem,
    Solution,
    TrainingSession,
)

ENTRY = KnowledgeEntry.__tablename__
SORTS: tuple[str, ...] = ("helpful", "viewed", "newest")
TARGETS: tuple[str, ...] = ("problem", "cause", "solution", "training_session")


def load_entry(session: Session, entry_id: int) -> KnowledgeEntry:
    row = session.get(KnowledgeEntry, entry_id)
    if row is None:
        raise NotFoundError(f"{ENTRY} {entry_id} does not exist")
    return row


def _link(session: Session, link: KnowledgeLink) -> KnowledgeLinkRecord:
    if link.problem_id is not None:
        problem = session.get(Problem, link.problem_id)
        code, title = (problem.code, problem.title) if problem else ("", "")
        return KnowledgeLinkRecord(link.id, "problem", link.problem_id, code, title)
    if link.cause_id is not None:
        cause = session.get(Cause, link.cause_id)
        code = cause.problem.code if cause else ""
        return KnowledgeLinkRecord(
            link.id, "cause", link.cause_id, code, cause.description if cause else ""
        )
    if link.solution_id is not None:
        solution = session.get(Solution, link.solution_id)
        code = solution.cause.problem.code if solution else ""
        return KnowledgeLinkRecord(
            link.id, "solution", link.solution_id, code, solution.title if solution else ""
        )
    training = session.get(TrainingSession, link.session_id)
    code, title = (training.code, training.topic) if training else ("", "")
    return KnowledgeLinkRecord(link.id, "training_session", int(link.session_id or 0), code, title)


def _votes(session: Session, entry_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    rows: list[Any] = list(
        session.execute(
            select(
                KnowledgeVote.entry_id,
                func.sum(case((KnowledgeVote.helpful, 1), else_=0)),
                func.sum(case((KnowledgeVote.helpful, 0), else_=1)),
            )
            .where(KnowledgeVote.entry_id.in_(entry_ids))
            .group_by(KnowledgeVote.entry_id)
        )
    )
    return {int(e): (int(yes or 0), int(no or 0)) for e, yes, no in rows}


def record_of(session: Session, row: KnowledgeEntry) -> KnowledgeRecord:
    module = session.get(ErpModule, row.erp_module_id) if row.erp_module_id else None
    yes, no = _votes(session, [row.id]).get(row.id, (0, 0))
    views = session.get(KnowledgeView, row.id)
    return KnowledgeRecord(
        id=row.id,
        kind=row.kind,
        title=row.title,
        body=row.body,
        erp_module_id=row.erp_module_id,
        module=module.name if module else None,
        tags=row.tags,
        author=row.author,
        status=row.status,
        created_at=row.created_at,
        updated_at=row.updated_at,
        links=tuple(_link(session, link) for link in row.links),
        helpful=yes,
        not_helpful=no,
        views=views.views if views else 0,
        version=versions(session, ENTRY, [row.id]).get(row.id, 0),
    )


def entry_rows(
    session: Session, sort: str = "newest", entry_ids: Sequence[int] | None = None
) -> tuple[KnowledgeRow, ...]:
    """Every entry (or those of ``entry_ids``) in ``sort``'s order: most helpful (helpful
    votes less unhelpful ones), most viewed, or newest (last updated) first."""
    if sort not in SORTS:
        raise ValueError(f"no sort {sort}; sorts are {', '.join(SORTS)}")
    helpful = func.coalesce(
        select(func.sum(case((KnowledgeVote.helpful, 1), else_=0)))
        .where(KnowledgeVote.entry_id == KnowledgeEntry.id)
        .scalar_subquery(),
        0,
    )
    unhelpful = func.coalesce(
        select(func.sum(case((KnowledgeVote.helpful, 0), else_=1)))
        .where(KnowledgeVote.entry_id == KnowledgeEntry.id)
        .scalar_subquery(),
        0,
    )
    views = func.coalesce(KnowledgeView.views, 0)
    query: Any = (
        select(
            KnowledgeEntry.id,
            KnowledgeEntry.kind,
            KnowledgeEntry.title,
            ErpModule.name,
            KnowledgeEntry.status,
            KnowledgeEntry.author,
            KnowledgeEntry.updated_at,
            helpful.cast(Integer),
            unhelpful.cast(Integer),
            views,
        )
        .outerjoin(ErpModule, ErpModule.id == KnowledgeEntry.erp_module_id)
        .outerjoin(KnowledgeView, KnowledgeView.entry_id == KnowledgeEntry.id)
    )
    if entry_ids is not None:
        query = query.where(KnowledgeEntry.id.in_(list(entry_ids)))
    newest = (KnowledgeEntry.updated_at.desc(), KnowledgeEntry.id.desc())
    if sort == "helpful":
        query = query.order_by((helpful - unhelpful).desc(), helpful.desc(), *newest)
    elif sort == "viewed":
        query = query.order_by(views.desc(), *newest)
    else:
        query = query.order_by(*newest)
    rows: list[Any] = list(session.execute(query))
    return tuple(
        KnowledgeRow(int(i), str(k), str(t), m, str(s), str(a), u, int(y), int(n), int(v))
        for i, k, t, m, s, a, u, y, n, v in rows
    )


def linked_to_problem(session: Session, problem_id: int) -> tuple[KnowledgeRow, ...]:
    """Entries linked to the problem, to one of its causes or to one of its solutions."""
    causes = select(Cause.id).where(Cause.problem_id == problem_id)
    solutions = select(Solution.id).join(Cause).where(Cause.problem_id == problem_id)
    ids = session.scalars(
        select(KnowledgeLink.entry_id)
        .where(
            or_(
                KnowledgeLink.problem_id == problem_id,
                KnowledgeLink.cause_id.in_(causes),
                KnowledgeLink.solution_id.in_(solutions),
            )
        )
        .distinct()
    ).all()
    return entry_rows(session, "helpful", ids) if ids else ()
