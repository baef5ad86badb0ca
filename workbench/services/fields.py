"""Field rules shared by every record kind: one spec per field, one validator.

The specs of each kind are in workbench.services.kinds.

The same ``check`` runs when a form changes (validation as you type) and when a service
saves, so the window and the command line can never disagree about what is valid.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from workbench.services.errors import FieldError
from workbench.services.numbers import NumberTextError, normalized, typed_number

Kind = Literal["text", "int", "float", "date", "bool", "choice", "ref"]


# Long texts (descriptions, evidence) are bounded too: a pasted log must not bloat the file.
LONG_TEXT = 20_000
# What a SQLite INTEGER holds; a bigger number is refused as a field error, not an overflow.
INT64 = (-(2**63), 2**63 - 1)
# Dates a plant's record can sensibly hold; 0001-01-01 or 9999-12-31 are typing slips.
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2199, 12, 31)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Control characters other than tab and line breaks (NUL among them) are never text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Spec:
    """One field of a record kind: its type, limits, allowed values and default."""

    kind: Kind
    required: bool = False
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    default: Any = None
    multiline: bool = False
    # A "float" field's column keeping the decimals its value was typed with
    # (workbench.services.numbers); its clean value is a TypedNumber.
    decimals_column: str | None = None


MAX_WHYS = 10
WHY_LENGTH = 1000


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
        return _text_value(name, spec, value)
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value, None
        return None, _error(name, "not_a_flag", "must be yes or no (true or false)")
    if spec.kind == "choice":
        if not isinstance(value, str) or value not in spec.choices:
            return None, _error(
                name,
                "unknown_choice",
                f"must be one of {', '.join(spec.choices)}",
                choices=spec.choices,
            )
        return value, None
    if spec.kind == "date":
        return _date(name, value)
    return _number(name, spec, value)


def _text_value(name: str, spec: Spec, value: Any) -> tuple[Any, FieldError | None]:
    if not isinstance(value, str):
        return None, _error(name, "not_text", "must be text")
    text = value.strip()
    if _CONTROL.search(text) or (not spec.multiline and ("\n" in text or "\r" in text)):
        return None, _error(name, "control_character", "contains a control character")
    if spec.max_length is not None and len(text) > spec.max_length:
        return None, _error(
            name,
            "too_long",
            f"is longer than {spec.max_length} characters",
            limit=spec.max_length,
        )
    return text, None


def _date(name: str, value: Any) -> tuple[Any, FieldError | None]:
    """A calendar date: a date object or YYYY-MM-DD text; a datetime or 20260501 is not."""
    if isinstance(value, dt.datetime):
        return None, _error(name, "not_a_date", "is a date and time, not a date (YYYY-MM-DD)")
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            return None, _error(name, "not_a_date", "is not a date (YYYY-MM-DD)")
    else:
        return None, _error(name, "not_a_date", "is not a date (YYYY-MM-DD)")
    if not EARLIEST <= day <= LATEST:
        return None, _error(
            name,
            "date_out_of_range",
            f"must be between {EARLIEST} and {LATEST}",
            low=EARLIEST.isoformat(),
            high=LATEST.isoformat(),
        )
    return day, None


def _number(name: str, spec: Spec, value: Any) -> tuple[Any, FieldError | None]:
    if spec.kind == "float":
        return _typed_number(name, spec, value)
    try:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError
        # Text as for a measured value: full-width digits too (workbench.services.numbers).
        number: float = float(
            value if isinstance(value, int | float) else normalized(value).rstrip("%")
        )
        if number != int(number):  # "3.0" is 3; "3.5" is no severity
            return None, _error(name, "not_a_whole_number", "must be a whole number")
        whole = int(number)
    except (TypeError, ValueError, OverflowError):
        return None, _error(name, "not_a_number", "is not a number")
    if not INT64[0] <= whole <= INT64[1]:
        return None, _error(name, "not_a_number", "is too large a number")
    error = _range_error(name, spec, whole)
    return (None, error) if error else (whole, None)


def _typed_number(name: str, spec: Spec, value: Any) -> tuple[Any, FieldError | None]:
    """A measured value with the decimals it was written with (workbench.services.numbers)."""
    try:
        number = typed_number(value)
    except NumberTextError as wrong:
        return None, _error(name, wrong.code, wrong.message, **wrong.params)
    error = _range_error(name, spec, number.value)
    return (None, error) if error else (number, None)


def _range_error(name: str, spec: Spec, number: float) -> FieldError | None:
    low, high = spec.minimum, spec.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        return _error(
            name, "out_of_range", f"must be between {low:g} and {high:g}", low=low, high=high
        )
    return None


def check(
    specs: Mapping[str, Spec],
    values: Mapping[str, Any],
    *,
    date_order: tuple[tuple[str, str], ...] = (),
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
    for earlier, later in date_order:
        first, second = clean.get(earlier), clean.get(later)
        if first is not None and second is not None and second < first:
            errors.append(
                _error(later, "date_order", f"must not be before {earlier}", other=earlier)
            )
    return clean, errors


_WHY = Spec("text", max_length=WHY_LENGTH)


def check_whys(whys: Any) -> tuple[list[str], list[FieldError]]:
    """A 5-why chain: an ordered list of non-empty texts."""
    if isinstance(whys, str | bytes) or not isinstance(whys, list | tuple | type(None)):
        return [], [_error("whys", "not_a_list", "must be a list of steps")]
    items: list[str] = []
    for why in whys or []:
        text, error = _text_value("whys", _WHY, why)
        if error is not None:
            return [], [error]
        if text:
            items.append(text)
    if len(items) > MAX_WHYS:
        return items, [
            _error("whys", "too_many", f"has more than {MAX_WHYS} steps", limit=MAX_WHYS)
        ]
    return items, []
