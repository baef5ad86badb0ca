"""Plain, frozen views of the record handed to the UI and the command line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from workbench.services.numbers import TypedNumber, stored


@dataclass(frozen=True)
class Lookup:
    id: int
    name: str


@dataclass(frozen=True)
class ErpModuleEntry:
    """An ERP module as the list editor shows it: inactive ones stay on old problems."""

    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class SiteEntry:
    """A site as the list editor shows it."""

    id: int
    code: str
    name: str


@dataclass(frozen=True)
class PersonEntry:
    """A person as the list editor shows it; ``department`` is the department's name."""

    id: int
    login: str
    name: str
    department_id: int | None
    department: str | None
    role: str | None


@dataclass(frozen=True)
class ProblemRow:
    """One line of the Problems list."""

    id: int
    code: str
    title: str
    status: str
    module: str | None
    site: str | None
    department: str | None
    severity: int
    impact: int
    frequency: str
    owner: str | None
    reported_on: dt.date
    # Where it came from: KPI_ALERT_SOURCE for a ticket an exception alert opened, else None.
    source: str | None = None


# A ticket's source, as ProblemRow.source says it (workbench.store.first_page writes it too).
KPI_ALERT_SOURCE = "kpi_alert"


# "Not closed": every status but the two a problem ends in; the list's default.
CLOSED_STATUSES: tuple[str, ...] = ("closed", "rejected")
NOT_CLOSED: tuple[str, ...] = ("open", "analysing", "solving", "verifying")


def _ints(values: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(sorted(set(values)))


def _texts(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({value.strip() for value in values if value.strip()}))


@dataclass(frozen=True)
class ProblemFilter:
    """What the Problems list shows: each field narrows it, and a field holding several
    values matches any of them (statuses open *or* solving). Empty means "any".

    ``text`` is found in the code, title, description, tags, the owner's and reporter's
    names and the causes' and solutions' text. ``overdue`` is a due date before today on
    a problem not closed; ``mine`` is owned by the acting user; ``kpi_alert`` is a ticket
    an exception alert opened (source: KPI alert). The value tuples are kept
    sorted and without repeats, so equal filters compare and hash equal.
    """

    statuses: tuple[str, ...] = ()
    erp_module_ids: tuple[int, ...] = ()
    site_ids: tuple[int, ...] = ()
    department_ids: tuple[int, ...] = ()
    owner_ids: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()
    text: str = ""
    overdue: bool = False
    mine: bool = False
    kpi_alert: bool = False

    def __post_init__(self) -> None:
        for name in ("erp_module_ids", "site_ids", "department_ids", "owner_ids"):
            object.__setattr__(self, name, _ints(tuple(getattr(self, name))))
        object.__setattr__(self, "statuses", _texts(tuple(self.statuses)))
        object.__setattr__(self, "tags", _texts(tuple(self.tags)))

    @classmethod
    def not_closed(cls) -> ProblemFilter:
        """The list's default on a new start: every problem not closed or rejected."""
        return cls(statuses=NOT_CLOSED)

    def to_json(self) -> dict[str, Any]:
        """The filter as plain JSON values (tuples as lists)."""
        return {name: list(v) if isinstance(v, tuple) else v for name, v in asdict(self).items()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ProblemFilter:
        """The filter ``to_json`` gave; unknown fields are ignored, a wrong value is a
        ValueError."""
        values: dict[str, Any] = {}
        for name, spec in cls.__dataclass_fields__.items():
            if name not in data:
                continue
            value = data[name]
            if spec.type in ("bool",):
                if not isinstance(value, bool):
                    raise ValueError(f"{name} is true or false")
            elif spec.type == "str":
                if not isinstance(value, str):
                    raise ValueError(f"{name} is text")
            else:
                item = int if "int" in str(spec.type) else str
                if not isinstance(value, list) or not all(
                    isinstance(v, item) and not isinstance(v, bool) for v in value
                ):
                    raise ValueError(f"{name} is a list")
                value = tuple(value)
            values[name] = value
        return cls(**values)


SORTABLE = (
    "code",
    "title",
    "status",
    "module",
    "site",
    "department",
    "severity",
    "impact",
    "frequency",
    "owner",
    "reported_on",
)


@dataclass(frozen=True)
class ProblemSort:
    column: str = "code"
    descending: bool = True


@dataclass(frozen=True)
class ResultRecord:
    id: int
    solution_id: int
    metric: str
    unit: str
    direction: str
    baseline_value: float
    baseline_on: dt.date | None
    value_after: float | None
    measured_on: dt.date | None
    verified_by: str | None
    verified_at: dt.datetime | None
    version: int = field(default=0, compare=False)
    # Who entered the figures now in it (the four-eyes rule: none of them verifies it).
    entered_by: tuple[str, ...] = field(default=(), compare=False)
    # The decimals each figure was typed with; None: not known (workbench.services.numbers).
    baseline_decimals: int | None = None
    after_decimals: int | None = None

    @property
    def baseline(self) -> TypedNumber:
        """The baseline as it was written ("2.0" stays "2.0")."""
        return TypedNumber(self.baseline_value, self.baseline_decimals)

    @property
    def after(self) -> TypedNumber | None:
        """The value after as it was written; None while not measured."""
        return stored(self.value_after, self.after_decimals)

    @property
    def verified(self) -> bool:
        return self.verified_at is not None

    @property
    def change_pct(self) -> float | None:
        """Relative change from baseline, e.g. 2.0 → 1.2 is -40.0."""
        if self.value_after is None or self.baseline_value == 0:
            return None
        return (self.value_after - self.baseline_value) / abs(self.baseline_value) * 100

    @property
    def improvement_pct(self) -> float | None:
        """The change read in the metric's good direction: 2.0 → 1.2, lower better, is 40.0."""
        change = self.change_pct
        if change is None:
            return None
        return -change if self.direction == "lower" else change


@dataclass(frozen=True)
class SolutionRecord:
    id: int
    cause_id: int
    title: str
    description: str
    kind: str
    governance_path: str | None
    owner_id: int | None
    owner: str | None
    due_on: dt.date | None
    status: str
    done_on: dt.date | None
    overdue: bool
    results: tuple[ResultRecord, ...] = ()
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class CauseRecord:
    id: int
    problem_id: int
    description: str
    category: str | None
    is_root: bool
    evidence: str
    verified: bool
    whys: tuple[str, ...] = ()
    solutions: tuple[SolutionRecord, ...] = ()
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ProblemDetail:
    id: int
    code: str
    title: str
    description: str
    erp_module_id: int | None
    department_id: int | None
    site_id: int | None
    hidden_cost: str | None
    severity: int
    frequency: str
    impact: int
    reporter_id: int | None
    owner_id: int | None
    reported_on: dt.date
    due_on: dt.date | None
    closed_on: dt.date | None
    tags: str
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    causes: tuple[CauseRecord, ...] = field(default=())
    # The record's version (workbench.services.versions); not part of what it says.
    version: int = field(default=0, compare=False)
    # When it came in from a spreadsheet (migration 0013); None: entered in the program.
    imported_at: dt.datetime | None = None

    def results(self) -> list[ResultRecord]:
        return [r for c in self.causes for s in c.solutions for r in s.results]


@dataclass(frozen=True)
class StatusChangeRecord:
    """One change of a problem's status with its reason (empty when none was asked)."""

    id: int
    problem_id: int
    from_status: str
    to_status: str
    reason: str
    changed_by: str
    changed_at: dt.datetime


@dataclass(frozen=True)
class RuleChange:
    """One change of a team rule, from the audit trail: who, when (UTC ISO), to what."""

    key: str
    value: str
    by: str
    at: str


@dataclass(frozen=True)
class AttachmentInfo:
    """A file kept with a problem, cause or result, without its bytes
    (``AttachmentService.content`` reads them)."""

    id: int
    owner_kind: str  # problem, cause or result
    owner_id: int
    file_name: str
    media_type: str
    size: int  # bytes
    sha256: str
    added_by: str
    added_at: dt.datetime  # UTC
    note: str | None = None

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")
