"""Training records (培训记录): sessions (an on-site drill, a class, a manual update, a video
tutorial, online help) on an ERP module, who attended with their score, what problems or
solutions they address, and the views a manager asks for.

The rules live here, the pages only show and edit:

- A session's code is ``T-2026-0001``, numbered per year it was held, never handed out
  again. Its kind, topic, module and day are required; a duration (hours) keeps the
  decimals it was typed with.
- A person attends a session once. The attendance keeps the department the person was in
  when it was recorded (the day of the session, as attendance is taken then), so a later
  move does not rewrite who was trained where. A score is optional, 0–100. Someone who
  left the plant (``person.left_on``) attends no session held after that day.
- A link names a problem or a solution of one (``for_problem`` finds both).
- Coverage is "now": per department and module, the people in that department today who
  attended any session on the module, over the people in it today. A person who moved
  counts in the department they are in now, with every session they attended before the
  move; a person who left counts nowhere (neither trained nor in a department).
- "Works in a module": a problem of their department (now) is in it, or they own or
  reported a problem in it (rejected problems aside). ``never_trained`` lists the people
  still here who have no session on such a module.

Every write is one audited unit of work with its change notice; undo is the domain
history's (``Services.history.undo`` of the ChangeSets ``Services.recorded`` captured).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from workbench.services.base import Service
from workbench.services.errors import FieldError, ValidationError
from workbench.services.kinds import TRAINING_SESSION
from workbench.services.training_read import (
    SESSION,
    coverage,
    linked_to_problem,
    load_session,
    never_trained,
    per_month,
    record_of,
    session_count,
    session_position,
    session_rows,
    still_here,
    trained_modules,
    years_held,
)
from workbench.services.training_records import (
    Coverage,
    MonthRow,
    NeverTrained,
    SessionRow,
    TrainedModule,
    TrainingRecord,
)
from workbench.services.training_rules import (
    ATTENDEES,
    attendee,
    checked,
    checked_score,
    defaults,
    missing,
    next_code,
    refuse,
)
from workbench.services.versions import require_version
from workbench.store.models import (
    Attendance,
    Department,
    ErpModule,
    Person,
    Problem,
    Solution,
    TrainingLink,
    TrainingSession,
)

ATTENDANCE = Attendance.__tablename__


class TrainingService(Service):
    # ---- validation -----------------------------------------------------------------
    def validate(self, values: Mapping[str, Any]) -> list[FieldError]:
        """Errors of a whole session form, as the user types."""
        fields = {k: v for k, v in values.items() if k != ATTENDEES}
        return TRAINING_SESSION.check({**defaults(), **fields})[1]

    def _references(self, session: Any, clean: Mapping[str, Any]) -> None:
        errors = []
        module = clean.get("erp_module_id")
        if module is not None and session.get(ErpModule, module) is None:
            errors.append(FieldError("erp_module_id", "unknown_reference", "refers to no module"))
        trainer = clean.get("trainer_id")
        if trainer is not None and session.get(Person, trainer) is None:
            errors.append(FieldError("trainer_id", "unknown_reference", "refers to no person"))
        if errors:
            raise ValidationError(errors)

    # ---- sessions -------------------------------------------------------------------
    def get(self, session_id: int) -> TrainingRecord:
        with self._db.read() as session:
            return record_of(session, load_session(session, session_id))

    def create(self, values: Mapping[str, Any]) -> TrainingRecord:
        """A new session; ``values["attendees"]`` may list the people who attended, each a
        person id or a (person id, score) pair."""
        fields = dict(values)
        people = list(fields.pop(ATTENDEES, None) or [])
        clean = checked({**defaults(), **fields})
        now = self._clock()
        with self._db.write(self.actor) as session:
            self._references(session, clean)
            row = TrainingSession(
                **TRAINING_SESSION.columns(clean),
                code=next_code(session, clean["held_on"]),
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            for person in people:
                person_id, score = person if isinstance(person, tuple | list) else (person, None)
                self._attend(session, row, person_id, score)
            session.flush()
            return record_of(session, row)

    def update(
        self, session_id: int, changes: Mapping[str, Any], version: int | None = None
    ) -> TrainingRecord:
        """Change fields of a session; ``version`` as in ProblemService.update."""
        with self._db.write(self.actor) as session:
            row = load_session(session, session_id)
            require_version(session, SESSION, session_id, version)
            stored = TRAINING_SESSION.field_values(row)
            clean = checked({**stored, **changes})
            self._references(session, {name: clean[name] for name in changes if name in clean})
            changed = {name: clean[name] for name in changes if stored[name] != clean[name]}
            if "held_on" in changed:
                for present in row.attendances:
                    person = session.get(Person, present.person_id)
                    if person is not None:
                        attendee(session, person.id, changed["held_on"])
            for name, value in TRAINING_SESSION.columns(changed).items():
                setattr(row, name, value)
            if changed:
                row.updated_at = self._clock()
            session.flush()
            return record_of(session, row)

    def delete(self, session_id: int) -> None:
        """Delete a session with its attendances and links, each audited (undo brings
        them back)."""
        with self._db.write(self.actor) as session:
            session.delete(load_session(session, session_id))

    def sessions(self, year: int | None = None) -> tuple[SessionRow, ...]:
        """The sessions of ``year`` (every one: None), newest first, with how many
        attended and their average score."""
        with self._db.read() as session:
            return session_rows(session, year)

    def session_page(self, year: int | None, first: int, count: int) -> tuple[SessionRow, ...]:
        """``count`` of the sessions of ``year`` from position ``first`` + 1, newest first."""
        with self._db.read() as session:
            return session_rows(session, year, (first, count))

    def session_count(self, year: int | None) -> int:
        with self._db.read() as session:
            return session_count(session, year)

    def session_position(self, year: int | None, session_id: int) -> int | None:
        """The session's place (1 first) in ``year``'s list; None when not in it."""
        with self._db.read() as session:
            return session_position(session, year, session_id)

    def years(self) -> tuple[int, ...]:
        """Every year from the first session's to the last's."""
        with self._db.read() as session:
            return years_held(session)

    # ---- attendance -----------------------------------------------------------------
    def _attend(self, session: Any, row: TrainingSession, person_id: Any, score: Any) -> None:
        person = attendee(session, person_id, row.held_on)
        taken = session.scalar(
            select(Attendance.id).where(
                Attendance.session_id == row.id, Attendance.person_id == person.id
            )
        )
        if taken is not None:
            raise refuse(
                "person_id",
                "already_attending",
                f"{person.name} attends already",
                value=person.name,
            )
        number = checked_score(score)
        session.add(
            Attendance(
                session_id=row.id,
                person_id=person.id,
                department_id=person.department_id,
                score=None if number is None else number.value,
                score_decimals=None if number is None else number.decimals,
            )
        )

    def add_attendee(self, session_id: int, person_id: int, score: Any = None) -> TrainingRecord:
        """``person_id`` attended, with their department of today and ``score`` (0–100)."""
        with self._db.write(self.actor) as session:
            row = load_session(session, session_id)
            self._attend(session, row, person_id, score)
            session.flush()
            session.expire(row, ["attendances"])
            return record_of(session, row)

    def _attendance(self, session: Any, session_id: int, person_id: int) -> Attendance:
        found = session.scalar(
            select(Attendance).where(
                Attendance.session_id == session_id, Attendance.person_id == person_id
            )
        )
        if found is None:
            person = session.get(Person, person_id)
            name = person.name if person else str(person_id)
            raise refuse("person_id", "not_attending", f"{name} did not attend", value=name)
        return found

    def set_score(
        self, session_id: int, person_id: int, score: Any, version: int | None = None
    ) -> TrainingRecord:
        """Set (or clear, with None or "") an attendee's score; ``version`` is the
        attendance's, as the page read it."""
        number = checked_score(None if score == "" else score)
        with self._db.write(self.actor) as session:
            row = load_session(session, session_id)
            present = self._attendance(session, session_id, person_id)
            require_version(session, ATTENDANCE, present.id, version)
            value = None if number is None else number.value
            decimals = None if number is None else number.decimals
            if (present.score, present.score_decimals) != (value, decimals):
                present.score, present.score_decimals = value, decimals
            session.flush()
            return record_of(session, row)

    def remove_attendee(self, session_id: int, person_id: int) -> TrainingRecord:
        with self._db.write(self.actor) as session:
            row = load_session(session, session_id)
            session.delete(self._attendance(session, session_id, person_id))
            session.flush()
            session.expire(row, ["attendances"])
            return record_of(session, row)

    def attendance_version(self, session_id: int, person_id: int) -> int:
        """The version of one attendance (for ``set_score``)."""
        from workbench.services.versions import versions

        with self._db.read() as session:
            present = self._attendance(session, session_id, person_id)
            return versions(session, ATTENDANCE, [present.id]).get(present.id, 0)

    # ---- what a session addresses ---------------------------------------------------
    def link(
        self, session_id: int, problem_id: int | None = None, solution_id: int | None = None
    ) -> TrainingRecord:
        """Link the session to a problem or to a solution (one of the two; nothing
        changes when that link is there already)."""
        if (problem_id is None) == (solution_id is None):
            raise refuse("problem_id", "one_target", "names a problem or a solution")
        with self._db.write(self.actor) as session:
            row = load_session(session, session_id)
            if problem_id is not None and session.get(Problem, problem_id) is None:
                raise refuse("problem_id", "unknown_reference", "refers to no problem")
            if solution_id is not None and session.get(Solution, solution_id) is None:
                raise refuse("solution_id", "unknown_reference", "refers to no solution")
            if not any(
                link.problem_id == problem_id and link.solution_id == solution_id
                for link in row.links
            ):
                row.links.append(TrainingLink(problem_id=problem_id, solution_id=solution_id))
            session.flush()
            return record_of(session, row)

    def unlink(self, session_id: int, link_id: int) -> TrainingRecord:
        with self._db.write(self.actor) as session:
            row = load_session(session, session_id)
            link = session.get(TrainingLink, link_id)
            if link is None or link.session_id != session_id:
                raise missing(TrainingLink.__tablename__, link_id)
            session.delete(link)
            session.flush()
            session.expire(row, ["links"])
            return record_of(session, row)

    def for_problem(self, problem_id: int) -> tuple[SessionRow, ...]:
        """Sessions linked to the problem or to one of its solutions, newest first
        (``via`` "problem", or the solution's title)."""
        with self._db.read() as session:
            return linked_to_problem(session, problem_id)

    # ---- views ----------------------------------------------------------------------
    def trained_on(self, person_id: int) -> tuple[TrainedModule, ...]:
        """The modules ``person_id`` attended a session on, with how many and the last."""
        with self._db.read() as session:
            return trained_modules(session, person_id)

    def coverage(self) -> Coverage:
        """Departments × modules, today (see the module's rules)."""
        today = self.today()
        with self._db.read() as session:
            return coverage(session, today)

    def never_trained(self) -> tuple[NeverTrained, ...]:
        today = self.today()
        with self._db.read() as session:
            return never_trained(session, today)

    def sessions_per_month(self, year: int) -> tuple[MonthRow, ...]:
        """The twelve months of ``year``: sessions by kind, attendances, hours."""
        with self._db.read() as session:
            return per_month(session, year)

    def people(self) -> tuple[tuple[int, str, str | None], ...]:
        """People who may attend today: (id, name, department), those who left aside."""
        with self._db.read() as session:
            rows = session.execute(
                select(Person.id, Person.name, Department.name)
                .outerjoin(Department, Department.id == Person.department_id)
                .where(still_here(self.today()))
                .order_by(Person.name, Person.id)
            )
            return tuple((int(i), str(n), d) for i, n, d in rows)

    def add_many(self, session_id: int, people: Iterable[int]) -> TrainingRecord:
        """Several attendees in one write (a class's sign-in sheet)."""
        with self._db.write(self.actor) as session:
            row = load_session(session, session_id)
            for person_id in people:
                self._attend(session, row, person_id, None)
            session.flush()
            session.expire(row, ["attendances"])
            return record_of(session, row)
