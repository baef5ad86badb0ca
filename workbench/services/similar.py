"""Problems whose titles are close to one being typed: "3 similar problems, open one?".

A second 「库存差异率高」 should not start a second thread of work. Titles are compared by
their character pairs (bigrams), which works for Chinese with no word splitting and for
English alike: the share of pairs two titles have in common (Dice's coefficient). SQL
keeps only open problems sharing at least half the pairs of the typed title; the
closest of those are scored here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Integer, case, literal, select

from workbench.services.base import Service
from workbench.store.models import Problem

# Below this likeness two titles are different problems (tried on the demo's titles:
# 库存差异率高 / 库存差异率偏高 0.73, 库存差异率高 / 采购订单审批慢 0).
THRESHOLD = 0.5
# At most this many pairs go to SQL: a long title's first ones are enough to find it.
_PAIRS = 8
_CANDIDATES = 50
_SKIP = re.compile(r"[\s\W_]+", re.UNICODE)
_DONE = ("closed", "rejected")


@dataclass(frozen=True)
class SimilarProblem:
    id: int
    code: str
    title: str
    status: str
    likeness: float  # 0 … 1


def pairs(text: str) -> set[str]:
    """The character pairs of ``text``, ignoring case, spaces and punctuation."""
    plain = _SKIP.sub("", text.casefold())
    return {plain[i : i + 2] for i in range(len(plain) - 1)}


def likeness(a: str, b: str) -> float:
    """Dice's coefficient of the two titles' character pairs (1 for the same text)."""
    left, right = pairs(a), pairs(b)
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


class SimilarService(Service):
    def similar(
        self, title: str, limit: int = 5, exclude_id: int | None = None
    ) -> list[SimilarProblem]:
        """Open problems (not closed or rejected) whose title is like ``title``, closest
        first; empty for a title too short to compare."""
        wanted = sorted(pairs(title))[:_PAIRS]
        if not wanted:
            return []
        hits: ColumnElement[int] = literal(0, Integer)
        for pair in wanted:  # how many of the pairs the title has
            hits = hits + case((Problem.title.contains(pair, autoescape=True), 1), else_=0)
        needed = math.ceil(len(wanted) * THRESHOLD)
        query = (
            select(Problem.id, Problem.code, Problem.title, Problem.status)
            .where(Problem.status.not_in(_DONE), hits >= needed)
            .order_by(hits.desc(), Problem.id.desc())
            .limit(_CANDIDATES)
        )
        if exclude_id is not None:
            query = query.where(Problem.id != exclude_id)
        with self._db.read() as session:
            rows = session.execute(query).all()
        found = [
            SimilarProblem(row.id, row.code, row.title, row.status, likeness(title, row.title))
            for row in rows
        ]
        close = [problem for problem in found if problem.likeness >= THRESHOLD]
        close.sort(key=lambda problem: (-problem.likeness, -problem.id))
        return close[:limit]
