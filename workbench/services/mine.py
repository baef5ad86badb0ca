"""What needs me today: my open problems, my solutions overdue or due within a week, and the
results measured on my problems that are waiting to be verified.

"Me" is the person whose login is the acting user (Settings, else the OS login). Each
item names the problem it belongs to, so the window can open it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from workbench.services.base import Service
from workbench.services.numbers import TypedNumber, stored
from workbench.store.models import Cause, Person, Problem, Result, Solution

DUE_SOON_DAYS = 7
_DONE_PROBLEM = ("closed", "rejected")
_OPEN_SOLUTION = ("planned", "in_progress")


@dataclass(frozen=True)
class MineItem:
    kind: str  # problem, solution or result
    id: int
    problem_id: int
    code: str  # the problem's
    title: str  # the problem's, or the solution's / the result's metric
    status: str  # the item's own ("measured" for a result waiting to be verified)
    due_on: dt.date | None = None
    # A result's figures as they were typed, and their unit.
    baseline: TypedNumber | None = None
    after: TypedNumber | None = None
    unit: str = ""


@dataclass(frozen=True)
class MyWork:
    problems: tuple[MineItem, ...]
    solutions: tuple[MineItem, ...]  # overdue or due within DUE_SOON_DAYS, soonest first
    results: tuple[MineItem, ...]  # measured, not verified, on problems I own

    @property
    def count(self) -> int:
        return len(self.problems) + len(self.solutions) + len(self.results)


class MineService(Service):
    def today_for_me(self, limit: int = 200) -> MyWork:
        """My work as it stands now (each list at most ``limit`` long)."""
        soon = self.today() + dt.timedelta(days=DUE_SOON_DAYS)
        with self._db.read() as session:
            me = session.scalar(select(Person.id).where(Person.login == self.actor))
            if me is None:
                return MyWork((), (), ())
            problems = session.execute(
                select(Problem.id, Problem.code, Problem.title, Problem.status, Problem.due_on)
                .where(Problem.owner_id == me, Problem.status.not_in(_DONE_PROBLEM))
                .order_by(Problem.due_on.is_(None), Problem.due_on, Problem.code)
                .limit(limit)
            )
            solutions = session.execute(
                select(
                    Solution.id,
                    Problem.id,
                    Problem.code,
                    Solution.title,
                    Solution.status,
                    Solution.due_on,
                )
                .join(Cause, Solution.cause_id == Cause.id)
                .join(Problem, Cause.problem_id == Problem.id)
                .where(
                    Solution.owner_id == me,
                    Solution.status.in_(_OPEN_SOLUTION),
                    Solution.due_on <= soon,
                    Problem.status.not_in(_DONE_PROBLEM),
                )
                .order_by(Solution.due_on, Solution.id)
                .limit(limit)
            )
            results = session.execute(
                select(
                    Result.id,
                    Problem.id.label("problem_id"),
                    Problem.code,
                    Result.metric,
                    Result.unit,
                    Result.baseline_value,
                    Result.baseline_decimals,
                    Result.value_after,
                    Result.after_decimals,
                )
                .join(Solution, Result.solution_id == Solution.id)
                .join(Cause, Solution.cause_id == Cause.id)
                .join(Problem, Cause.problem_id == Problem.id)
                .where(
                    Problem.owner_id == me,
                    Result.value_after.is_not(None),
                    Result.verified_by_id.is_(None),
                    Problem.status.not_in(_DONE_PROBLEM),
                )
                .order_by(Problem.code, Result.id)
                .limit(limit)
            )
            return MyWork(
                tuple(MineItem("problem", p, p, c, t, s, d) for p, c, t, s, d in problems),
                tuple(MineItem("solution", s, p, c, t, st, d) for s, p, c, t, st, d in solutions),
                tuple(
                    MineItem(
                        "result",
                        r.id,
                        r.problem_id,
                        r.code,
                        r.metric,
                        "measured",
                        baseline=stored(r.baseline_value, r.baseline_decimals),
                        after=stored(r.value_after, r.after_decimals),
                        unit=r.unit,
                    )
                    for r in results
                ),
            )
