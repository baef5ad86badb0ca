"""Plain, frozen views of the training records (培训记录), handed to the pages and commands.

No ORM object leaves a unit of work: the service builds these inside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.services.numbers import TypedNumber, stored


@dataclass(frozen=True)
class Attendee:
    """A person at a session: the department they were in that day (``department``) and
    the one they are in now, whether they left since, and their score (0–100) if any."""

    id: int
    person_id: int
    name: str
    department_id: int | None
    department: str | None
    department_now: str | None
    score_value: float | None
    score_decimals: int | None = None
    left_on: dt.date | None = None

    @property
    def score(self) -> TypedNumber | None:
        """The score as it was written (85.0 stays 85.0)."""
        return stored(self.score_value, self.score_decimals)


@dataclass(frozen=True)
class TrainingLinkRecord:
    """What a session addresses: a problem, or a solution (with its problem's code)."""

    id: int
    problem_id: int | None
    solution_id: int | None
    problem_code: str
    title: str


@dataclass(frozen=True)
class TrainingRecord:
    """One training session with everything its editor shows."""

    id: int
    code: str
    kind: str
    topic: str
    erp_module_id: int | None
    module: str | None
    held_on: dt.date
    trainer_id: int | None
    trainer: str | None
    duration_hours: float | None
    material_link: str
    note: str
    created_at: dt.datetime
    updated_at: dt.datetime
    attendees: tuple[Attendee, ...] = ()
    links: tuple[TrainingLinkRecord, ...] = ()
    # The record's version (workbench.services.versions); not part of what it says.
    version: int = field(default=0, compare=False)
    duration_decimals: int | None = None

    @property
    def duration(self) -> TypedNumber | None:
        return stored(self.duration_hours, self.duration_decimals)

    def attendee(self, person_id: int) -> Attendee | None:
        return next((a for a in self.attendees if a.person_id == person_id), None)


@dataclass(frozen=True)
class SessionRow:
    """One line of the sessions list (newest first), or of a problem's linked training
    (``via``: "problem", or the code of the solution's problem and its title)."""

    id: int
    code: str
    kind: str
    topic: str
    module: str | None
    held_on: dt.date
    trainer: str | None
    duration_hours: float | None
    attendees: int
    average_score: float | None
    duration_decimals: int | None = None
    via: str = ""

    @property
    def duration(self) -> TypedNumber | None:
        return stored(self.duration_hours, self.duration_decimals)


@dataclass(frozen=True)
class TrainedModule:
    """A module a person was trained on: how many sessions, the last one, the last score."""

    module_id: int
    module: str
    sessions: int
    last_on: dt.date
    last_score: float | None


@dataclass(frozen=True)
class CoverageCell:
    """People of ``department`` (now, not left) trained on ``module`` of all its people."""

    department_id: int
    module_id: int
    trained: int
    people: int

    @property
    def share(self) -> float | None:
        return self.trained / self.people if self.people else None

    @property
    def text(self) -> str:
        return f"{self.trained}/{self.people}"


@dataclass(frozen=True)
class Coverage:
    """Departments × modules: who is trained now, counted in the department they are in."""

    departments: tuple[tuple[int, str], ...]
    modules: tuple[tuple[int, str], ...]
    cells: Mapping[tuple[int, int], CoverageCell]
    on: dt.date

    def cell(self, department_id: int, module_id: int) -> CoverageCell:
        return self.cells.get(
            (department_id, module_id), CoverageCell(department_id, module_id, 0, 0)
        )


@dataclass(frozen=True)
class NeverTrained:
    """A person (still here) who works in a module and never attended a session on it;
    ``because`` is "department" (their department has problems in it) or "own" (they own
    or reported one)."""

    person_id: int
    person: str
    department_id: int | None
    department: str | None
    module_id: int
    module: str
    because: str


@dataclass(frozen=True)
class MonthRow:
    """One month of a year: sessions by kind, attendances, hours of training given."""

    month: int
    sessions: int
    by_kind: Mapping[str, int]
    attendances: int
    hours: float
