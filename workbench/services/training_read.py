"""Reading the training records inside a unit of work: one session in full, the sessions
list, and the views a manager asks for (who is trained on what, coverage per department
and module, sessions per month, who was never trained on a module they work in).

Each view is a few grouped queries on the attendance indexes ((session, person),
(person, session)), read as plain tuples: 100,000 attendances are grouped by SQL, not
loaded as objects. Only plain records leave (workbench.services.training_records).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from workbench.services.training_records import (
    Attendee,
    Coverage,
    CoverageCell,
    MonthRow,
    NeverTrained,
    SessionRow,
    TrainedModule,
    TrainingLinkRecord,
    TrainingRecord,
)
from workbench.services.training_rules import missing
from workbench.services.versions import versions
from workbench.services.vocabulary import TRAINING_KINDS
from workbench.store.models import (
    Attendance,
    Cause,
    Department,
    ErpModule,
    Person,
    Problem,
    Solution,
    TrainingLink,
    TrainingSession,
)

SESSION = TrainingSession.__tablename__


def load_session(session: Session, session_id: int) -> TrainingSession:
    found = session.get(TrainingSession, session_id)
    if found is None:
        raise missing(SESSION, session_id)
    return found


def still_here(today: dt.date) -> Any:
    """People who have not left the plant by ``today``."""
    return or_(Person.left_on.is_(None), Person.left_on > today)


def record_of(session: Session, row: TrainingSession) -> TrainingRecord:
    module = session.get(ErpModule, row.erp_module_id) if row.erp_module_id else None
    trainer = session.get(Person, row.trainer_id) if row.trainer_id else None
    then, now = aliased(Department), aliased(Department)
    attendees = tuple(
        Attendee(a_id, p_id, name, d_id, d_then, d_now, score, decimals, left_on)
        for a_id, p_id, name, d_id, d_then, d_now, score, decimals, left_on in session.execute(
            select(
                Attendance.id,
                Person.id,
                Person.name,
                Attendance.department_id,
                then.name,
                now.name,
                Attendance.score,
                Attendance.score_decimals,
                Person.left_on,
            )
            .join(Person, Person.id == Attendance.person_id)
            .outerjoin(then, then.id == Attendance.department_id)
            .outerjoin(now, now.id == Person.department_id)
            .where(Attendance.session_id == row.id)
            .order_by(Person.name, Person.id)
        )
    )
    return TrainingRecord(
        id=row.id,
        code=row.code,
        kind=row.kind,
        topic=row.topic,
        erp_module_id=row.erp_module_id,
        module=module.name if module else None,
        held_on=row.held_on,
        trainer_id=row.trainer_id,
        trainer=trainer.name if trainer else None,
        duration_hours=row.duration_hours,
        material_link=row.material_link,
        note=row.note,
        created_at=row.created_at,
        updated_at=row.updated_at,
        attendees=attendees,
        links=_links(session, row.id),
        version=versions(session, SESSION, [row.id]).get(row.id, 0),
        duration_decimals=row.duration_decimals,
    )


def _links(session: Session, session_id: int) -> tuple[TrainingLinkRecord, ...]:
    solution_problem = aliased(Problem)
    rows = session.execute(
        select(
            TrainingLink.id,
            TrainingLink.problem_id,
            TrainingLink.solution_id,
            Problem.code,
            Problem.title,
            solution_problem.code,
            Solution.title,
        )
        .outerjoin(Problem, Problem.id == TrainingLink.problem_id)
        .outerjoin(Solution, Solution.id == TrainingLink.solution_id)
        .outerjoin(Cause, Cause.id == Solution.cause_id)
        .outerjoin(solution_problem, solution_problem.id == Cause.problem_id)
        .where(TrainingLink.session_id == session_id)
        .order_by(TrainingLink.id)
    )
    return tuple(
        TrainingLinkRecord(
            link_id, problem_id, solution_id, p_code or s_code or "", p_title or s_title or ""
        )
        for link_id, problem_id, solution_id, p_code, p_title, s_code, s_title in rows
    )


def _rows(
    session: Session,
    where: Any,
    via: dict[int, str] | None = None,
    window: tuple[int, int] | None = None,
) -> list[SessionRow]:
    # Per session, on the (session, person) index: a year's sessions read only their own
    # attendances, however many the file holds.
    of_session = Attendance.session_id == TrainingSession.id
    count = select(func.count()).where(of_session).correlate(TrainingSession).scalar_subquery()
    average = (
        select(func.avg(Attendance.score)).where(of_session).correlate(TrainingSession)
    ).scalar_subquery()
    trainer = aliased(Person)
    query = (
        select(
            TrainingSession.id,
            TrainingSession.code,
            TrainingSession.kind,
            TrainingSession.topic,
            ErpModule.name,
            TrainingSession.held_on,
            trainer.name,
            TrainingSession.duration_hours,
            count,
            average,
            TrainingSession.duration_decimals,
        )
        .outerjoin(ErpModule, ErpModule.id == TrainingSession.erp_module_id)
        .outerjoin(trainer, trainer.id == TrainingSession.trainer_id)
        .where(where)
        .order_by(TrainingSession.held_on.desc(), TrainingSession.id.desc())
    )
    if window is not None:  # (first, count): one page, read on the (held_on, id) index
        query = query.offset(window[0]).limit(window[1])
    rows: Any = session.execute(query)
    found = [SessionRow(*row) for row in rows]
    if via:
        found = [replace(r, via=via.get(r.id, "")) for r in found]
    return found


def _of_year(year: int | None) -> Any:
    if year is None:
        return TrainingSession.id.is_not(None)
    return TrainingSession.held_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31))


def session_rows(
    session: Session, year: int | None, window: tuple[int, int] | None = None
) -> tuple[SessionRow, ...]:
    """The sessions of ``year`` (None: all), newest first; ``window`` (first, count)
    reads one page of them."""
    return tuple(_rows(session, _of_year(year), window=window))


def session_count(session: Session, year: int | None) -> int:
    return int(session.scalar(select(func.count()).where(_of_year(year))) or 0)


def session_position(session: Session, year: int | None, session_id: int) -> int | None:
    """Where the session is in ``year``'s list, newest first (1 first); None: not in it."""
    held = session.scalar(
        select(TrainingSession.held_on).where(TrainingSession.id == session_id, _of_year(year))
    )
    if held is None:
        return None
    newer = or_(
        TrainingSession.held_on > held,
        and_(TrainingSession.held_on == held, TrainingSession.id > session_id),
    )
    return 1 + int(session.scalar(select(func.count()).where(_of_year(year), newer)) or 0)


def linked_to_problem(session: Session, problem_id: int) -> tuple[SessionRow, ...]:
    """Sessions linked to the problem itself or to a solution of one of its causes."""
    links = session.execute(
        select(TrainingLink.session_id, TrainingLink.problem_id, Solution.title)
        .outerjoin(Solution, Solution.id == TrainingLink.solution_id)
        .outerjoin(Cause, Cause.id == Solution.cause_id)
        .where(or_(TrainingLink.problem_id == problem_id, Cause.problem_id == problem_id))
    ).all()
    via: dict[int, str] = {}
    for session_id, direct, solution_title in links:
        via.setdefault(session_id, "problem" if direct is not None else solution_title or "")
    if not via:
        return ()
    return tuple(_rows(session, TrainingSession.id.in_(list(via)), via))


def trained_modules(session: Session, person_id: int) -> tuple[TrainedModule, ...]:
    rows = session.execute(
        select(ErpModule.id, ErpModule.name, TrainingSession.held_on, Attendance.score)
        .join(TrainingSession, TrainingSession.id == Attendance.session_id)
        .join(ErpModule, ErpModule.id == TrainingSession.erp_module_id)
        .where(Attendance.person_id == person_id)
        .order_by(TrainingSession.held_on, TrainingSession.id)
    )
    found: dict[int, TrainedModule] = {}
    for module_id, name, held_on, score in rows:
        before = found.get(module_id)
        count = before.sessions + 1 if before else 1
        found[module_id] = TrainedModule(module_id, name, count, held_on, score)
    return tuple(sorted(found.values(), key=lambda m: m.module_id))


def _people_now(session: Session, today: dt.date) -> list[tuple[int, str, int | None]]:
    rows = session.execute(
        select(Person.id, Person.name, Person.department_id)
        .where(still_here(today))
        .order_by(Person.name, Person.id)
    )
    return [(int(i), str(n), d) for i, n, d in rows]


def _trained_pairs(session: Session, today: dt.date) -> set[tuple[int, int]]:
    """(person, module) of every person still here who attended a session on it."""
    rows: Any = session.execute(
        select(Attendance.person_id, TrainingSession.erp_module_id)
        .join(TrainingSession, TrainingSession.id == Attendance.session_id)
        .join(Person, Person.id == Attendance.person_id)
        .where(still_here(today), TrainingSession.erp_module_id.is_not(None))
        .distinct()
    )
    return {(int(p), int(m)) for p, m in rows}


def coverage(session: Session, today: dt.date) -> Coverage:
    """Per department (now) and module: people trained / people in it, both counting only
    the people still here, each in the department they are in now."""
    listed = session.execute(select(Department.id, Department.name).order_by(Department.id))
    departments = tuple((int(i), str(n)) for i, n in listed)
    active = (
        select(ErpModule.id, ErpModule.name)
        .where(ErpModule.active.is_(True))
        .order_by(ErpModule.sort_order, ErpModule.id)
    )
    modules = tuple((int(i), str(n)) for i, n in session.execute(active))
    people = _people_now(session, today)
    size: dict[int, int] = defaultdict(int)
    where: dict[int, int] = {}
    for person_id, _name, department_id in people:
        if department_id is not None:
            size[department_id] += 1
            where[person_id] = department_id
    trained: dict[tuple[int, int], int] = defaultdict(int)
    for person_id, module_id in _trained_pairs(session, today):
        if person_id in where:
            trained[(where[person_id], module_id)] += 1
    cells = {
        (d, m): CoverageCell(d, m, trained.get((d, m), 0), size.get(d, 0))
        for d, _ in departments
        for m, _ in modules
    }
    return Coverage(departments, modules, cells, today)


def never_trained(session: Session, today: dt.date) -> tuple[NeverTrained, ...]:
    """People still here without any session on a module they work in: a module of a
    problem of their department (now), or of a problem they own or reported (rejected
    problems left out: they were not the module's trouble)."""
    pairs: Any = session.execute(
        select(Problem.department_id, Problem.owner_id, Problem.reporter_id, Problem.erp_module_id)
        .where(Problem.erp_module_id.is_not(None), Problem.status != "rejected")
        .distinct()
    )
    of_department: dict[int, set[int]] = defaultdict(set)
    of_person: dict[int, set[int]] = defaultdict(set)
    for department_id, owner_id, reporter_id, module_id in pairs:
        if department_id is not None:
            of_department[department_id].add(module_id)
        for person_id in (owner_id, reporter_id):
            if person_id is not None:
                of_person[person_id].add(module_id)
    active = select(ErpModule.id, ErpModule.name).where(ErpModule.active.is_(True))
    modules = {int(i): str(n) for i, n in session.execute(active)}
    names = {int(i): str(n) for i, n in session.execute(select(Department.id, Department.name))}
    trained = _trained_pairs(session, today)
    found = []
    for person_id, name, department_id in _people_now(session, today):
        by_department = of_department.get(department_id, set()) if department_id else set()
        for module_id in sorted(by_department | of_person.get(person_id, set())):
            if module_id in modules and (person_id, module_id) not in trained:
                because = "department" if module_id in by_department else "own"
                found.append(
                    NeverTrained(
                        person_id,
                        name,
                        department_id,
                        names.get(department_id) if department_id else None,
                        module_id,
                        modules[module_id],
                        because,
                    )
                )
    found.sort(key=lambda n: (n.department_id or 0, n.person, n.person_id, n.module_id))
    return tuple(found)


def per_month(session: Session, year: int) -> tuple[MonthRow, ...]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    of_session = Attendance.session_id == TrainingSession.id
    count = select(func.count()).where(of_session).correlate(TrainingSession).scalar_subquery()
    rows: Any = session.execute(
        select(
            TrainingSession.held_on,
            TrainingSession.kind,
            TrainingSession.duration_hours,
            count,
        ).where(and_(TrainingSession.held_on >= first, TrainingSession.held_on <= last))
    )
    sessions: dict[int, int] = defaultdict(int)
    kinds: dict[int, dict[str, int]] = defaultdict(lambda: {k: 0 for k in TRAINING_KINDS})
    attendances: dict[int, int] = defaultdict(int)
    hours: dict[int, float] = defaultdict(float)
    for held_on, kind, duration, attended in rows:
        month = held_on.month
        sessions[month] += 1
        kinds[month][kind] = kinds[month].get(kind, 0) + 1
        attendances[month] += int(attended)
        hours[month] += duration or 0.0
    return tuple(
        MonthRow(m, sessions[m], dict(kinds[m]), attendances[m], round(hours[m], 2))
        for m in range(1, 13)
    )


def years_held(session: Session) -> tuple[int, ...]:
    bounds = session.execute(
        select(func.min(TrainingSession.held_on), func.max(TrainingSession.held_on))
    ).one()
    if bounds[0] is None:
        return ()
    return tuple(range(bounds[0].year, bounds[1].year + 1))
