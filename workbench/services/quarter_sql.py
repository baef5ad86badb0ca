"""The SQL of a quarter's figures, each read in the caller's session (so that the whole
report is one snapshot): the problems and solutions counted, the measured effects, the
records closed, the tallies of the analysis, the pilots and training of the quarter, and
what is overdue. What each figure means is defined in workbench.services.reports, which
puts them together with what the other services read.

``problems`` is always the select of the problems' ids in view (all, or one site's).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select, true
from sqlalchemy.orm import Session

from workbench.services.mapping import DONE_SOLUTION, result_record
from workbench.services.report_records import ClosedRecord, Effect, KindTally, OverdueAction, Tally
from workbench.services.vocabulary import UNFINISHED
from workbench.store.models import (
    Cause,
    ErpModule,
    ImprovementItem,
    ImprovementLink,
    Person,
    Problem,
    Result,
    Solution,
)
from workbench.store.pilot_models import Pilot, PilotRound
from workbench.store.training_models import Attendance, TrainingSession


def counts(
    session: Session,
    problems: Select[Any],
    first: dt.date,
    last: dt.date,
    today: dt.date,
) -> dict[str, int]:
    """The problems opened and closed, the solutions done and overdue, by figure name."""

    def count(query: Select[Any]) -> int:
        return session.scalar(select(func.count()).select_from(query.subquery())) or 0

    solutions = (
        select(Solution.id)
        .join(Cause, Cause.id == Solution.cause_id)
        .where(Cause.problem_id.in_(problems))
    )
    late = or_(Solution.done_on.is_(None), Solution.done_on > Solution.due_on)
    return {
        "problems_opened": count(problems.where(Problem.reported_on.between(first, last))),
        "problems_closed": count(
            problems.where(Problem.status == "closed", Problem.closed_on.between(first, last))
        ),
        "solutions_done": count(solutions.where(Solution.done_on.between(first, last))),
        "solutions_overdue": count(
            solutions.where(
                Solution.due_on.between(first, last),
                Solution.due_on < today,
                Solution.status != "cancelled",
                late,
            )
        ),
    }


def effects(
    session: Session, problems: Select[Any], where: ColumnElement[bool]
) -> tuple[Effect, ...]:
    """The measured results (with a value after) of ``problems`` that ``where`` keeps,
    largest improvement first."""
    rows = session.execute(
        select(Problem.code, Problem.title, Cause.description, Solution.title, Result)
        .join(Cause, Cause.problem_id == Problem.id)
        .join(Solution, Solution.cause_id == Cause.id)
        .join(Result, Result.solution_id == Solution.id)
        .where(Problem.id.in_(problems), Result.value_after.is_not(None), where)
        .order_by(Problem.code, Result.id)
    ).all()
    verifiers = names(session, Person, [r[4].verified_by_id for r in rows])
    found = [Effect(*r[:4], result_record(r[4], verifiers)) for r in rows]
    found.sort(key=lambda e: -(e.result.improvement_pct or 0))
    return tuple(found)


def closed(
    session: Session, problems: Select[Any], first: dt.date, last: dt.date
) -> tuple[ClosedRecord, ...]:
    """The problems closed in the quarter, in the order closed, with their effects."""
    shut = problems.where(Problem.status == "closed", Problem.closed_on.between(first, last))
    by_problem: dict[str, list[Effect]] = {}
    for effect in effects(session, shut, true()):
        by_problem.setdefault(effect.problem_code, []).append(effect)
    rows = session.execute(
        select(Problem.code, Problem.title, Problem.closed_on, ErpModule.name)
        .outerjoin(ErpModule, ErpModule.id == Problem.erp_module_id)
        .where(Problem.id.in_(shut))
        .order_by(Problem.closed_on, Problem.code)
    )
    return tuple(
        ClosedRecord(r[0], r[1], r[2], r[3], tuple(by_problem.get(r[0], ())))
        for r in rows
        if r[2] is not None
    )


def tally(session: Session, query: Select[Any]) -> tuple[Tally, ...]:
    """How often each value ``query`` reads occurs, most frequent first (None last)."""
    counted: Counter[str | None] = Counter(session.scalars(query))
    return tuple(Tally(key, n) for key, n in sorted(counted.items(), key=_most_first))


def pilot_ids(session: Session, site_id: int | None, first: dt.date, last: dt.date) -> list[int]:
    """The pilots of the quarter: started by its end, and running or with a round
    ending in or after it."""
    ending = select(PilotRound.pilot_id).where(PilotRound.ends_on >= first)
    query = select(Pilot.id).where(
        Pilot.started_on <= last, or_(Pilot.status == "running", Pilot.id.in_(ending))
    )
    if site_id is not None:
        query = query.where(Pilot.site_id == site_id)
    return list(session.scalars(query.order_by(Pilot.code)))


def training_tallies(session: Session, first: dt.date, last: dt.date) -> tuple[KindTally, ...]:
    """Sessions, attendances and hours of the training held in the quarter, by kind."""
    held = TrainingSession.held_on.between(first, last)
    attendances: dict[str, int] = {
        kind: n
        for kind, n in session.execute(
            select(TrainingSession.kind, func.count(Attendance.id))
            .join(Attendance, Attendance.session_id == TrainingSession.id)
            .where(held)
            .group_by(TrainingSession.kind)
        )
    }
    rows = session.execute(
        select(
            TrainingSession.kind,
            func.count(),
            func.sum(TrainingSession.duration_hours),
        )
        .where(held)
        .group_by(TrainingSession.kind)
    )
    tallies = [KindTally(k, n, attendances.get(k, 0), h) for k, n, h in rows]
    return tuple(sorted(tallies, key=lambda t: (-t.sessions, t.kind)))


def overdue(
    session: Session,
    problems: Select[Any],
    quarter: str,
    site_id: int | None,
    today: dt.date,
) -> tuple[OverdueAction, ...]:
    """What is overdue today: solutions, problems and the quarter's improvement
    items, longest overdue first."""
    owner = Person.name
    found: list[OverdueAction] = []
    solutions = session.execute(
        select(Problem.code, Solution.title, owner, Solution.due_on)
        .join(Cause, Cause.problem_id == Problem.id)
        .join(Solution, Solution.cause_id == Cause.id)
        .outerjoin(Person, Person.id == Solution.owner_id)
        .where(
            Problem.id.in_(problems),
            Solution.due_on < today,
            Solution.status.not_in(DONE_SOLUTION),
        )
    )
    found += [_late("solution", *row, today) for row in solutions]
    late_problems = session.execute(
        select(Problem.code, Problem.title, owner, Problem.due_on)
        .outerjoin(Person, Person.id == Problem.owner_id)
        .where(
            Problem.id.in_(problems),
            Problem.due_on < today,
            Problem.status.not_in(("closed", "rejected")),
        )
    )
    found += [_late("problem", *row, today) for row in late_problems]
    items = select(ImprovementItem.code, ImprovementItem.title, owner, ImprovementItem.target_by)
    items = items.outerjoin(Person, Person.id == ImprovementItem.owner_id).where(
        ImprovementItem.quarter == quarter,
        ImprovementItem.target_by < today,
        ImprovementItem.status.in_(UNFINISHED),
    )
    if site_id is not None:
        linked = select(ImprovementLink.item_id).where(ImprovementLink.problem_id.in_(problems))
        items = items.where(ImprovementItem.id.in_(linked))
    found += [_late("improvement_item", *row, today) for row in session.execute(items)]
    return tuple(sorted(found, key=lambda a: (-a.days, a.code)))


def _late(
    kind: str, code: str, title: str, owner: str | None, due: dt.date | None, today: dt.date
) -> OverdueAction:
    assert due is not None  # the query asks for a due date before today
    return OverdueAction(kind, code, title, owner, due, (today - due).days)


def _most_first(pair: tuple[str | None, int]) -> tuple[int, bool, str]:
    key, count = pair
    return (-count, key is None, key or "")


def names(session: Session, model: type[Person], ids: Iterable[int | None]) -> dict[int, str]:
    """The names of the ``model`` rows with ``ids`` (None and 0 left out)."""
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = session.execute(select(model.id, model.name).where(model.id.in_(wanted)))
    return {row[0]: row[1] for row in rows}
