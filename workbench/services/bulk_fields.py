"""A record kind's ``check``, made cheap for a million rows whose values are mostly right.

``QuickCheck(kind).check(values)`` returns what ``kind.check(values)`` returns. Most values
of a bulk write are already of the stored type and within limits (a date object, an int
in range, a known choice, printable text); for those a few type and bound tests stand in
for ``fields.coerce`` (see ``_shortcut``). Any other value is coerced by ``fields.coerce``
itself, and a record with any error at all (an unknown or missing field, a wrong value,
dates out of order) is checked again by the kind's own ``check``, so its errors are
exactly the ones a single save reports. A shortcut only ever accepts a value that
``coerce`` accepts, unchanged: tests/services/test_bulk_fields.py holds them side by side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from workbench.services import fields
from workbench.services.errors import FieldError
from workbench.services.fields import EARLIEST, LATEST, Spec
from workbench.services.kinds import RecordKind
from workbench.services.numbers import MAX_DECIMALS, TypedNumber

# A shortcut's answer when it cannot tell: the value goes to ``fields.coerce``.
UNSURE: Any = object()
# Integers a float holds exactly: ``coerce`` goes through float(), and gives back larger
# ones changed, so only these are taken as they are.
_EXACT_INT = 2**53
_INFINITY = float("inf")
# Texts a field other than a text remembers ``coerce``'s value of, and how long they
# may be: a sheet's "3" or "2026-07-01" on every row is read once.
MEMO = 20_000
MEMO_LENGTH = 40

Shortcut = Callable[[Any], Any]


def _text(spec: Spec) -> Shortcut:
    limit = spec.max_length if spec.max_length is not None else _INFINITY

    def text(value: Any) -> Any:
        # Printable means no control character and no line break (a multiline text with
        # one is coerced); empty text is left to coerce (required, or "").
        if type(value) is str:
            stripped = value.strip()
            if stripped and len(stripped) <= limit and stripped.isprintable():
                return stripped
        return UNSURE

    return text


def _number(spec: Spec) -> Shortcut:
    low = spec.minimum if spec.minimum is not None else -_INFINITY
    high = spec.maximum if spec.maximum is not None else _INFINITY
    if spec.kind in ("int", "ref"):

        def whole(value: Any) -> Any:
            if type(value) is int and -_EXACT_INT <= value <= _EXACT_INT and low <= value <= high:
                return value
            return UNSURE

        return whole

    def within(number: Any) -> bool:
        # number == number: not NaN; the strict bounds leave out the infinities.
        return (
            type(number) is float
            and number == number
            and -_INFINITY < number < _INFINITY
            and low <= number <= high
        )

    def real(value: Any) -> Any:
        # A float carries no typed decimals (workbench.services.numbers); text is coerced.
        if within(value):
            return TypedNumber(value + 0.0)  # -0.0 is stored as 0.0, as coerce does
        if type(value) is TypedNumber and within(value.value):
            places = value.decimals
            if places is None or (type(places) is int and 0 <= places <= MAX_DECIMALS):
                return value if value.value else TypedNumber(0.0, places)
        return UNSURE

    return real


def _date(value: Any) -> Any:
    if type(value) is dt.date and EARLIEST <= value <= LATEST:  # a datetime is no date
        return value
    return UNSURE


def _flag(value: Any) -> Any:
    return value if type(value) is bool else UNSURE


def _choice(spec: Spec) -> Shortcut:
    allowed = frozenset(spec.choices)

    def choice(value: Any) -> Any:
        return value if type(value) is str and value in allowed else UNSURE

    return choice


def shortcut(spec: Spec) -> Shortcut:
    """The quick test of a field: its clean value, or UNSURE."""
    if spec.kind == "text":
        return _text(spec)
    if spec.kind == "date":
        return _date
    if spec.kind == "bool":
        return _flag
    if spec.kind == "choice":
        return _choice(spec)
    return _number(spec)


class QuickCheck:
    """``kind.check`` (a whole record), quick for values that are already right."""

    def __init__(self, kind: RecordKind) -> None:
        self.kind = kind
        self._specs = kind.fields
        self._shortcuts = {name: shortcut(spec) for name, spec in kind.fields.items()}
        self._required = frozenset(name for name, spec in kind.fields.items() if spec.required)
        self._date_order = kind.date_order
        self._blank = {
            name: "" if spec.kind == "text" else None
            for name, spec in kind.fields.items()
            if not spec.required
        }
        # By field, what ``coerce`` made of a text it accepted (its values are immutable).
        self._coerced: dict[str, dict[str, Any]] = {
            name: {} for name, spec in kind.fields.items() if spec.kind != "text"
        }

    def _coerce(self, name: str, value: Any) -> Any:
        """``coerce``'s clean value, or UNSURE when it refuses ``value``."""
        known = self._coerced.get(name)
        if known is None or type(value) is not str or len(value) > MEMO_LENGTH:
            cleaned, error = fields.coerce(name, self._specs[name], value)
            return UNSURE if error is not None else cleaned
        cleaned = known.get(value, UNSURE)
        if cleaned is UNSURE:
            cleaned, error = fields.coerce(name, self._specs[name], value)
            if error is not None:
                return UNSURE
            if len(known) < MEMO:
                known[value] = cleaned
        return cleaned

    def check(self, values: Mapping[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
        """Clean values and errors, as ``kind.check(values)`` gives them."""
        clean: dict[str, Any] = {}
        shortcuts = self._shortcuts
        for name, value in values.items():
            quick = shortcuts.get(name)
            if quick is None:  # not a field of the kind
                return self.kind.check(values)
            cleaned = quick(value)
            if cleaned is UNSURE:
                if (value is None or value == "") and name in self._blank:
                    clean[name] = self._blank[name]  # coerce's blank of a field left empty
                    continue
                cleaned = self._coerce(name, value)
                if cleaned is UNSURE:
                    return self.kind.check(values)
            clean[name] = cleaned
        if not self._required <= clean.keys():
            return self.kind.check(values)
        for earlier, later in self._date_order:
            first, second = clean.get(earlier), clean.get(later)
            if first is not None and second is not None and second < first:
                return self.kind.check(values)
        return clean, []


_WHY_LIMIT = fields.WHY_LENGTH


def check_whys(whys: Any) -> tuple[list[str], list[FieldError]]:
    """``fields.check_whys``, quick for a list of printable texts short enough."""
    if type(whys) in (list, tuple) and len(whys) <= fields.MAX_WHYS:
        steps = []
        for why in whys:
            if type(why) is not str:
                break
            step = why.strip()
            if not (step and len(step) <= _WHY_LIMIT and step.isprintable()):
                break
            steps.append(step)
        else:
            return steps, []
    return fields.check_whys(whys)
