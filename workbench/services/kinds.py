"""Record kinds, each described once: its fields with types, limits, defaults and allowed
values, read from the model's columns plus the rules the columns cannot say.

From a description follow the blank form (``blank``), validation as the user types and
on save (``check``, the same function), and the audit encoding (the model's columns). A
number with decimals (a Float column) is one field kept in two columns, its value and the
decimals it was typed with (workbench.services.numbers): ``columns`` splits clean values
into the model's columns, ``field_values`` joins a stored record's back. A
new record kind is its model plus one ``describe`` call here, and its own rules in its
service; it does not copy the Problem code. The kind's ``name`` is its table name: the
word used by change notices, the audit chain, undo and the vocabulary's field labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Text, inspect

from workbench.services import fields
from workbench.services import vocabulary as v
from workbench.services.errors import FieldError
from workbench.services.fields import Spec
from workbench.services.numbers import TypedNumber, stored
from workbench.store.models import (
    Attendance,
    Base,
    Cause,
    Department,
    ErpModule,
    ImprovementItem,
    KnowledgeEntry,
    Kpi,
    KpiMeasurement,
    Person,
    Pilot,
    PilotRollout,
    PilotRound,
    Problem,
    Result,
    Site,
    Solution,
    TrainingSession,
)


@dataclass(frozen=True)
class RecordKind:
    name: str
    model: type[Base]
    fields: Mapping[str, Spec]
    date_order: tuple[tuple[str, str], ...] = ()  # (earlier, later) date fields

    def blank(self) -> dict[str, Any]:
        """A new record's values before the user types anything."""
        return {name: spec.default for name, spec in self.fields.items()}

    def check(
        self, values: Mapping[str, Any], complete: bool = True
    ) -> tuple[dict[str, Any], list[FieldError]]:
        """Clean values and the errors of ``values`` (see ``fields.check``)."""
        return fields.check(self.fields, values, date_order=self.date_order, complete=complete)

    def numbers(self) -> dict[str, str]:
        """Each number field with decimals, and the column that keeps its decimals."""
        return dict(self._numbers)

    @cached_property  # asked for each record of a bulk write
    def _numbers(self) -> tuple[tuple[str, str], ...]:
        return tuple((n, s.decimals_column) for n, s in self.fields.items() if s.decimals_column)

    def columns(self, clean: Mapping[str, Any]) -> dict[str, Any]:
        """Clean field values as the model's columns: a number (a TypedNumber) gives its
        value to its own column and its decimals to the column beside it."""
        values = dict(clean)
        for name, decimals in self._numbers:
            if name in clean:
                number = clean[name]
                values[name] = None if number is None else number.value
                values[decimals] = None if number is None else number.decimals
        return values

    def field_values(self, record: Any) -> dict[str, Any]:
        """The field values of a stored record (a row of the model, or a frozen record
        with the same attribute names), each number with its decimals."""
        values = {name: getattr(record, name) for name in self.fields}
        for name, decimals in self._numbers:
            if not isinstance(values[name], TypedNumber):  # a record may hold it whole
                values[name] = stored(values[name], getattr(record, decimals))
        return values


def _spec(column: Any) -> Spec:
    """What a column says of its field: type, length, default."""
    kind = column.type
    default = column.default.arg if column.default is not None else None
    default = None if callable(default) else default
    if isinstance(kind, Text):
        return Spec("text", max_length=fields.LONG_TEXT, default=default or "", multiline=True)
    if isinstance(kind, String):
        return Spec("text", max_length=kind.length, default=default or "")
    if isinstance(kind, Boolean):
        return Spec("bool", default=default)
    if isinstance(kind, DateTime | Date):
        return Spec("date", default=default)
    if isinstance(kind, Float):
        # Every measured value keeps the decimals it was typed with, in a column the model
        # names: the one rule for numbers (workbench.services.numbers).
        decimals = column.info.get("decimals")
        if not decimals:
            raise TypeError(f"number column {column.key} names no decimals column in its info")
        return Spec("float", default=default, decimals_column=decimals)
    if isinstance(kind, Integer):
        return Spec("ref" if column.foreign_keys else "int", default=default)
    raise TypeError(f"no field kind for column {column.key} of type {kind}")


def describe(
    model: type[Base],
    rules: Mapping[str, Mapping[str, Any]],
    date_order: tuple[tuple[str, str], ...] = (),
) -> RecordKind:
    """The kind of ``model`` with the fields named in ``rules``, in that order; each
    rule adds to what the column says (required, choices, range, a tighter length)."""
    columns = inspect(model).mapper.columns
    described = {}
    for name, extra in rules.items():
        spec = replace(_spec(columns[name]), **extra)
        if spec.kind == "choice" and spec.default == "":
            spec = replace(spec, default=None)  # an unset choice is empty, not ""
        described[name] = spec
    return RecordKind(str(model.__tablename__), model, described, date_order)


_REQUIRED: Mapping[str, Any] = {"required": True}
_SCORE: Mapping[str, Any] = {"required": True, "minimum": 1, "maximum": 5}


def _choice(choices: tuple[str, ...], required: bool = False) -> Mapping[str, Any]:
    return {"kind": "choice", "choices": choices, "required": required}


PROBLEM = describe(
    Problem,
    {
        "title": _REQUIRED,
        "description": {},
        "erp_module_id": {},
        "department_id": {},
        "site_id": {},
        "hidden_cost": _choice(v.HIDDEN_COSTS),
        "severity": _SCORE,
        "frequency": _choice(v.FREQUENCIES, required=True),
        "impact": _SCORE,
        "reporter_id": {},
        "owner_id": {},
        "reported_on": _REQUIRED,
        "due_on": {},
        "tags": {},
    },
    date_order=(("reported_on", "due_on"),),
)

CAUSE = describe(
    Cause,
    {
        "description": {"required": True, "max_length": 2000},
        "category": _choice(v.CAUSE_CATEGORIES),
        "is_root": {},
        "evidence": {},
        "verified": {},
    },
)

SOLUTION = describe(
    Solution,
    {
        "title": _REQUIRED,
        "description": {},
        "kind": _choice(v.SOLUTION_KINDS, required=True),
        "governance_path": _choice(v.GOVERNANCE_PATHS),
        "owner_id": {},
        "due_on": {},
        "status": _choice(v.SOLUTION_STATUSES, required=True),
        "done_on": {},
    },
)

RESULT = describe(
    Result,
    {
        "metric": _REQUIRED,
        "unit": {},
        "direction": _choice(v.DIRECTIONS, required=True),
        "baseline_value": _REQUIRED,
        "baseline_on": {},
        "value_after": {},
        "measured_on": {},
    },
    date_order=(("baseline_on", "measured_on"),),
)

# The quarter is checked and normalised by workbench.services.quarters; the status's moves,
# the links to problems and the manual order are the service's rules
# (workbench.services.improvements).
IMPROVEMENT_ITEM = describe(
    ImprovementItem,
    {
        "quarter": _REQUIRED,
        "title": _REQUIRED,
        "owner_id": {},
        "target_metric": {},
        "target_value": {},
        "target_unit": {},
        "target_by": {},
        "status": _choice(v.IMPROVEMENT_STATUSES, required=True),
        "decision_note": {"max_length": 2000},
    },
)

# The code (T-2026-0001, by the year it was held), the attendees and the links to problems
# and solutions are the service's rules (workbench.services.training).
TRAINING_SESSION = describe(
    TrainingSession,
    {
        "kind": _choice(v.TRAINING_KINDS, required=True),
        "topic": _REQUIRED,
        "erp_module_id": _REQUIRED,
        "held_on": _REQUIRED,
        "trainer_id": {},
        "duration_hours": {"minimum": 0, "maximum": 1000},
        "material_link": {},
        "note": {"max_length": 2000},
    },
)
# The department is the attendee's on the day, taken by the service, not typed.
ATTENDANCE = describe(
    Attendance,
    {
        "person_id": _REQUIRED,
        "score": {"minimum": v.SCORE_RANGE[0], "maximum": v.SCORE_RANGE[1]},
    },
)

# A usage champion's tip or FAQ; its links, votes and views are the service's
# (workbench.services.knowledge). The body is Markdown, images referenced by attachment.
KNOWLEDGE_ENTRY = describe(
    KnowledgeEntry,
    {
        "kind": _choice(v.KNOWLEDGE_KINDS, required=True),
        "title": _REQUIRED,
        "body": {"max_length": 100_000},
        "erp_module_id": {},
        "tags": {},
        "status": _choice(v.KNOWLEDGE_STATUSES, required=True),
    },
)

ERP_MODULE = describe(ErpModule, {"name": _REQUIRED})
SITE = describe(Site, {"code": _REQUIRED, "name": _REQUIRED})
DEPARTMENT = describe(Department, {"name": _REQUIRED})
PERSON = describe(
    Person,
    {
        "login": _REQUIRED,
        "name": _REQUIRED,
        "department_id": {},
        "role": _choice(v.ROLES),
        "left_on": {},
    },
)

# The pilot-iteration logs (试点迭代); their rules that tie fields together are in
# workbench.services.pilot_rules.
_HOURS: Mapping[str, Any] = {"minimum": 0, "maximum": 10_000}

PILOT = describe(
    Pilot,
    {
        "name": _REQUIRED,
        "scope": _REQUIRED,
        "site_id": {},
        "erp_module_id": {},
        "hypothesis": _REQUIRED,
        "criterion_metric": _REQUIRED,
        "criterion_measure": _choice(v.CRITERION_MEASURES, required=True),
        "criterion_direction": _choice(v.DIRECTIONS, required=True),
        "criterion_threshold": _REQUIRED,
        "round_days": {"required": True, "minimum": 1, "maximum": 90},
        "baseline_median": _HOURS,
        "baseline_p90": _HOURS,
        "owner_id": {},
        "started_on": _REQUIRED,
    },
)

PILOT_ROUND = describe(
    PilotRound,
    {
        "starts_on": _REQUIRED,
        "ends_on": _REQUIRED,
        "changes": {},
        "satisfaction_mean": {"minimum": 1, "maximum": 5},
        "satisfaction_respondents": {"minimum": 0, "maximum": 1_000_000},
        "satisfaction_spread": {"minimum": 0, "maximum": 4},
        "duration_before_median": _HOURS,
        "duration_before_p90": _HOURS,
        "duration_after_median": _HOURS,
        "duration_after_p90": _HOURS,
        "findings": {},
        "decision": _choice(v.DECISIONS),
    },
    date_order=(("starts_on", "ends_on"),),
)

PILOT_ROLLOUT = describe(
    PilotRollout,
    {
        "target": _REQUIRED,
        "site_id": {},
        "planned_on": {},
        "status": _choice(v.ROLLOUT_STATUSES, required=True),
        "done_on": {},
        "note": {},
    },
)

# A KPI's name may stay empty for one of the articles' (its preset names it), its
# thresholds' order and the measurement's period and place are the service's rules
# (workbench.services.kpis).
KPI = describe(
    Kpi,
    {
        "name": {},
        "unit": {},
        "direction": _choice(v.DIRECTIONS, required=True),
        "target": _REQUIRED,
        "warning": {},
        "alarm": {},
        "period": _choice(v.KPI_PERIODS, required=True),
        "department_id": {},
        "erp_module_id": {},
        "note": {"max_length": 2000},
    },
)
KPI_MEASUREMENT = describe(
    KpiMeasurement,
    {
        "kpi_id": _REQUIRED,
        "period": _REQUIRED,
        "site_id": {},
        "department_id": {},
        "value": _REQUIRED,
    },
)

KINDS: Mapping[str, RecordKind] = {
    kind.name: kind
    for kind in (
        PROBLEM,
        CAUSE,
        SOLUTION,
        RESULT,
        IMPROVEMENT_ITEM,
        TRAINING_SESSION,
        ATTENDANCE,
        KNOWLEDGE_ENTRY,
        ERP_MODULE,
        SITE,
        DEPARTMENT,
        PERSON,
        PILOT,
        PILOT_ROUND,
        PILOT_ROLLOUT,
        KPI,
        KPI_MEASUREMENT,
    )
}
