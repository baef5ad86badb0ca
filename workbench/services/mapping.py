"""ORM objects to frozen records, inside the unit of work that loaded them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from workbench.services.errors import NotFoundError
from workbench.services.records import CauseRecord, ProblemDetail, ResultRecord, SolutionRecord
from workbench.services.team import entered_by_results
from workbench.services.versions import versions
from workbench.store.models import Cause, Person, Problem, Result, Solution

DONE_SOLUTION = ("done", "cancelled")


def _names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(Person.id, Person.name).where(Person.id.in_(wanted)))
    return {row.id: row.name for row in rows}


Versions = dict[str, dict[int, int]]


def _versions(session: Session, problem: Problem) -> Versions:
    causes = problem.causes
    solutions = [s for c in causes for s in c.solutions]
    results = [r for s in solutions for r in s.results]
    return {
        "problem": versions(session, "problem", [problem.id]),
        "cause": versions(session, "cause", [c.id for c in causes]),
        "solution": versions(session, "solution", [s.id for s in solutions]),
        "result": versions(session, "result", [r.id for r in results]),
    }


def result_record(
    result: Result, names: dict[int, str], version: int = 0, entered: Iterable[str] = ()
) -> ResultRecord:
    return ResultRecord(
        id=result.id,
        solution_id=result.solution_id,
        metric=result.metric,
        unit=result.unit,
        direction=result.direction,
        baseline_value=result.baseline_value,
        baseline_on=result.baseline_on,
        value_after=result.value_after,
        measured_on=result.measured_on,
        verified_by=names.get(result.verified_by_id) if result.verified_by_id else None,
        verified_at=result.verified_at,
        version=version,
        entered_by=tuple(sorted(entered)),
        baseline_decimals=result.baseline_decimals,
        after_decimals=result.after_decimals,
    )


def solution_record(
    solution: Solution,
    names: dict[int, str],
    today: dt.date,
    known: Versions,
    entered: Mapping[int, set[str]] | None = None,
) -> SolutionRecord:
    overdue = (
        solution.due_on is not None
        and solution.due_on < today
        and solution.status not in DONE_SOLUTION
    )
    return SolutionRecord(
        id=solution.id,
        cause_id=solution.cause_id,
        title=solution.title,
        description=solution.description,
        kind=solution.kind,
        governance_path=solution.governance_path,
        owner_id=solution.owner_id,
        owner=names.get(solution.owner_id) if solution.owner_id else None,
        due_on=solution.due_on,
        status=solution.status,
        done_on=solution.done_on,
        overdue=overdue,
        results=tuple(
            result_record(r, names, known["result"].get(r.id, 0), (entered or {}).get(r.id, ()))
            for r in solution.results
        ),
        version=known["solution"].get(solution.id, 0),
    )


def cause_record(
    cause: Cause,
    names: dict[int, str],
    today: dt.date,
    known: Versions,
    entered: Mapping[int, set[str]] | None = None,
) -> CauseRecord:
    return CauseRecord(
        id=cause.id,
        problem_id=cause.problem_id,
        description=cause.description,
        category=cause.category,
        is_root=cause.is_root,
        evidence=cause.evidence,
        verified=cause.verified,
        whys=tuple(w.text for w in cause.whys),
        solutions=tuple(solution_record(s, names, today, known, entered) for s in cause.solutions),
        version=known["cause"].get(cause.id, 0),
    )


def load_problem(session: Session, problem_id: int) -> Problem:
    problem = session.get(
        Problem,
        problem_id,
        options=[
            selectinload(Problem.causes).selectinload(Cause.whys),
            selectinload(Problem.causes)
            .selectinload(Cause.solutions)
            .selectinload(Solution.results),
        ],
    )
    if problem is None:
        raise NotFoundError(f"problem {problem_id} does not exist")
    return problem


def problem_detail(session: Session, problem: Problem, today: dt.date) -> ProblemDetail:
    people: set[int | None] = set()
    for cause in problem.causes:
        for solution in cause.solutions:
            people.add(solution.owner_id)
            people.update(r.verified_by_id for r in solution.results)
    names = _names(session, people)
    known = _versions(session, problem)
    entered = entered_by_results(session, known["result"])
    return ProblemDetail(
        id=problem.id,
        code=problem.code,
        title=problem.title,
        description=problem.description,
        erp_module_id=problem.erp_module_id,
        department_id=problem.department_id,
        site_id=problem.site_id,
        hidden_cost=problem.hidden_cost,
        severity=problem.severity,
        frequency=problem.frequency,
        impact=problem.impact,
        reporter_id=problem.reporter_id,
        owner_id=problem.owner_id,
        reported_on=problem.reported_on,
        due_on=problem.due_on,
        closed_on=problem.closed_on,
        tags=problem.tags,
        status=problem.status,
        created_at=problem.created_at,
        updated_at=problem.updated_at,
        causes=tuple(cause_record(c, names, today, known, entered) for c in problem.causes),
        version=known["problem"].get(problem.id, 0),
        imported_at=problem.imported_at,
    )
