"""Field rules shared by every entity of the record: one spec per field, one validator.

The same ``check`` runs when a form changes (validation as you type) and when a service
saves, so the window and the command line can never disagree about what is valid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from workbench.services import vocabulary as v
from workbench.services.errors import FieldError

Kind = Literal["text", "int", "float", "date", "bool", "choice", "ref"]


@dataclass(frozen=True)
class Spec:
    kind: Kind
    required: bool = False
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()


def _text(n: int | None = None, required: bool = False) -> Spec:
    return Spec("text", required=required, max_length=n)


def _score(required: bool = True) -> Spec:
    return Spec("int", required=required, minimum=1, maximum=5)


PROBLEM: Mapping[str, Spec] = {
    "title": _text(200, required=True),
    "description": _text(),
    "erp_module_id": Spec("ref"),
    "department_id": Spec("ref"),
    "site_id": Spec("ref"),
    "hidden_cost": Spec("choice", choices=v.HIDDEN_COSTS),
    "severity": _score(),
    "frequency": Spec("choice", required=True, choices=v.FREQUENCIES),
    "impact": _score(),
    "reporter_id": Spec("ref"),
    "owner_id": Spec("ref"),
    "reported_on": Spec("date", required=True),
    "due_on": Spec("date"),
    "tags": _text(200),
}

CAUSE: Mapping[str, Spec] = {
    "description": _text(2000, required=True),
    "category": Spec("choice", choices=v.CAUSE_CATEGORIES),
    "is_root": Spec("bool"),
    "evidence": _text(),
    "verified": Spec("bool"),
}

SOLUTION: Mapping[str, Spec] = {
    "title": _text(200, required=True),
    "description": _text(),
    "kind": Spec("choice", required=True, choices=v.SOLUTION_KINDS),
    "governance_path": Spec("choice", choices=v.GOVERNANCE_PATHS),
    "owner_id": Spec("ref"),
    "due_on": Spec("date"),
    "status": Spec("choice", required=True, choices=v.SOLUTION_STATUSES),
    "done_on": Spec("date"),
}

RESULT: Mapping[str, Spec] = {
    "metric": _text(100, required=True),
    "unit": _text(20),
    "direction": Spec("choice", required=True, choices=v.DIRECTIONS),
    "baseline_value": Spec("float", required=True),
    "baseline_on": Spec("date"),
    "value_after": Spec("float"),
    "measured_on": Spec("date"),
}

MAX_WHYS = 10

# Pairs (earlier, later) of date fields that must not be out of order.
DATE_ORDER: Mapping[str, tuple[tuple[str, str], ...]] = {
    "problem": (("reported_on", "due_on"),),
    "result": (("baseline_on", "measured_on"),),
}


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _error(name: str, code: str, message: str, **params: Any) -> FieldError:
    return FieldError(name, code, message, params)


def coerce(name: str, spec: Spec, value: Any) -> tuple[Any, FieldError | None]:
    """Turn ``value`` (as typed, or already typed) into the stored type, or say why not."""
    if _empty(value):
        if spec.required:
            return None, _error(name, "required", "is required")
        return ("" if spec.kind == "text" else None), None
    if spec.kind == "text":
        text = str(value).strip()
        if spec.max_length is not None and len(text) > spec.max_length:
            return None, _error(
                name,
                "too_long",
                f"is longer than {spec.max_length} characters",
                limit=spec.max_length,
            )
        return text, None
    if spec.kind == "bool":
        return bool(value), None
    if spec.kind == "choice":
        if value not in spec.choices:
            return None, _error(
                name,
                "unknown_choice",
                f"must be one of {', '.join(spec.choices)}",
                choices=spec.choices,
            )
        return value, None
    if spec.kind == "date":
        if isinstance(value, dt.date):
            return value, None
        try:
            return dt.date.fromisoformat(str(value).strip()), None
        except ValueError:
            return None, _error(name, "not_a_date", "is not a date (YYYY-MM-DD)")
    return _number(name, spec, value)


def _number(name: str, spec: Spec, value: Any) -> tuple[Any, FieldError | None]:
    as_int = spec.kind in ("int", "ref")
    try:
        if isinstance(value, bool):
            raise ValueError
        number: float = float(
            value if isinstance(value, int | float) else str(value).strip().rstrip("%")
        )
        if as_int:
            if number != int(number):  # "3.0" is 3; "3.5" is no severity
                return None, _error(name, "not_a_whole_number", "must be a whole number")
            number = int(number)
    except (TypeError, ValueError, OverflowError):
        return None, _error(name, "not_a_number", "is not a number")
    number += 0  # -0.0 becomes 0.0: SQLite stores no negative zero, the audit would differ
    if number != number or number in (float("inf"), float("-inf")):
        return None, _error(name, "not_a_number", "is not a number")
    low, high = spec.minimum, spec.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        return None, _error(
            name, "out_of_range", f"must be between {low:g} and {high:g}", low=low, high=high
        )
    return number, None


def check(
    specs: Mapping[str, Spec],
    values: Mapping[str, Any],
    *,
    entity: str = "",
    complete: bool = True,
) -> tuple[dict[str, Any], list[FieldError]]:
    """Validate ``values`` against ``specs``.

    ``complete`` means a whole record (missing required fields are errors); otherwise
    only the given fields are checked, as for an update merged later.
    """
    clean: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name in values:
        if name not in specs:
            errors.append(_error(name, "unknown_field", "is not a field of this record"))
    for name, spec in specs.items():
        if name not in values:
            if complete and spec.required:
                errors.append(_error(name, "required", "is required"))
            continue
        value, error = coerce(name, spec, values[name])
        if error is None:
            clean[name] = value
        else:
            errors.append(error)
    for earlier, later in DATE_ORDER.get(entity, ()):
        first, second = clean.get(earlier), clean.get(later)
        if first is not None and second is not None and second < first:
            errors.append(
                _error(later, "date_order", f"must not be before {earlier}", other=earlier)
            )
    return clean, errors


def check_whys(whys: Any) -> tuple[list[str], list[FieldError]]:
    """A 5-why chain: an ordered list of non-empty texts."""
    if isinstance(whys, str | bytes) or not isinstance(whys, list | tuple | type(None)):
        return [], [_error("whys", "not_a_list", "must be a list of steps")]
    items = [str(w).strip() for w in (whys or []) if str(w).strip()]
    if len(items) > MAX_WHYS:
        return items, [
            _error("whys", "too_many", f"has more than {MAX_WHYS} steps", limit=MAX_WHYS)
        ]
    return items, []
