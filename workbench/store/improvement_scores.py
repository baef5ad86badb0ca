"""The stored score of each improvement item, kept current by every unit of work.

An item's score (workbench.services.ranking) is the largest frequency weight × impact of
the problems it links. It is kept in ``improvement_item.score`` (migration 0014, left out
of the audit chain: it is derived, never typed) so that a quarter's list is ordered and
paged by SQL on an index, however many items the quarter holds. A unit of work that adds
or removes a link, changes a linked problem's frequency or impact, or deletes a linked
problem writes the scores of the items concerned again, from the database, before it
commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Connection, Integer, func, literal_column, select, update
from sqlalchemy.orm import Session, UOWTransaction, attributes

from workbench.store.improvement_models import ImprovementItem, ImprovementLink
from workbench.store.list_sql import frequency_rank
from workbench.store.models import Problem

# session.info key: the items whose linked problems are deleted in this flush
_PENDING = "workbench.scores_pending"
# The weight of a frequency is its rank: rarely 1 … several times a day 5.
_WEIGHT: ColumnElement[int] = literal_column(frequency_rank("problem.frequency"), Integer)


def score_of(item_id: Any) -> ColumnElement[int]:
    """The score of ``item_id`` (a value or a column) as a SQL expression: 0 without a
    linked problem."""
    best = (
        select(func.max(_WEIGHT * Problem.impact))
        .select_from(ImprovementLink)
        .join(Problem, Problem.id == ImprovementLink.problem_id)
        .where(ImprovementLink.item_id == item_id)
        .scalar_subquery()
    )
    return func.coalesce(best, 0)


def write_scores(connection: Connection, item_ids: Iterable[int] | None = None) -> None:
    """Write the score of each of ``item_ids`` again (None: of every item)."""
    item = ImprovementItem.__table__
    statement = update(item).values(score=score_of(item.c.id))
    if item_ids is not None:
        wanted = sorted(set(item_ids))
        if not wanted:
            return
        statement = statement.where(item.c.id.in_(wanted))
    connection.execute(statement)


def _linking(session: Session, problem_ids: set[int]) -> set[int]:
    if not problem_ids:
        return set()
    with session.no_autoflush:
        found = session.execute(
            select(ImprovementLink.item_id).where(ImprovementLink.problem_id.in_(problem_ids))
        )
        return {row[0] for row in found}


def _ranked_again(problem: Problem) -> bool:
    return any(
        attributes.get_history(problem, name).has_changes() for name in ("frequency", "impact")
    )


def before_flush(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    """Note the items linking a problem about to be deleted: its links go with it."""
    gone = {p.id for p in session.deleted if isinstance(p, Problem) and p.id is not None}
    if gone:
        session.info.setdefault(_PENDING, set()).update(_linking(session, gone))


def after_flush(session: Session, _context: UOWTransaction) -> None:
    """Write the scores this flush changed: of items whose links came or went, and of
    items linking a problem whose frequency or impact changed."""
    items: set[int] = set(session.info.pop(_PENDING, ()))
    for obj in (*session.new, *session.deleted):
        if isinstance(obj, ImprovementLink) and obj.item_id is not None:
            items.add(obj.item_id)
    changed = {p.id for p in session.dirty if isinstance(p, Problem) and _ranked_again(p)}
    items |= _linking(session, changed)
    if items:
        write_scores(session.connection(), items)
