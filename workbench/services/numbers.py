"""Numbers as they were written: a value and the decimals it was typed with.

"2.0" is 2.0 with one decimal and reads "2.0" again, "2.50" keeps its two, "4" has none:
the precision a person wrote is part of what was measured. Every numeric field with
decimals (a result's baseline and value after; KPI measurements and pilot durations
later) keeps this rule: the field's column holds the value, a small integer column beside
it the decimals (the model names it in the column's ``info``, see
workbench.services.kinds). A number whose decimals are not known (stored before they were
kept, or handed over as a float by code) reads with as many decimals as its value needs.

Text is read as a Chinese keyboard writes it too: full-width digits, point, sign and
percent ("２．０％" from an input method), and the ideographic full stop "。" as the
decimal point. A comma is refused: "2,0" is two to some and "1,000" a thousand to others,
and a measured value is never guessed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

# More decimals than a float keeps faithfully beside a plant's values (up to millions).
MAX_DECIMALS = 6
# The decimals a value needs when none were typed (2.0 → 0, 1.2 → 1, 0.25 → 2), up to this.
_GUESSED_MAX = 4
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
# What NFKC leaves: the ideographic full stop (a point typed in Chinese punctuation mode)
# and the minus sign of word processors.
_MARKS = str.maketrans({"\u3002": ".", "\u2212": "-"})


class NumberTextError(ValueError):
    """Text that is not a number as the fields take one: ``code`` says why (a field
    error's code), ``message`` in English."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params


def guess_decimals(value: float) -> int:
    """How many decimals ``value`` needs (2.0 → 0, 1.2 → 1, 0.25 → 2), up to 4."""
    text = f"{value:.{_GUESSED_MAX}f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


@dataclass(frozen=True)
class TypedNumber:
    """A value and the decimals it was written with; ``decimals`` None: not known."""

    value: float
    decimals: int | None = None

    def places(self) -> int:
        """The decimals it reads with: as typed, else as many as the value needs."""
        return self.decimals if self.decimals is not None else guess_decimals(self.value)

    def text(self, places: int | None = None) -> str:
        """As it was written: "2.0", "2.50", "4" (``places`` overrides the decimals)."""
        shown = self.places() if places is None else places
        return f"{self.value + 0.0:.{shown}f}"  # + 0.0: never "-0.0"

    def __str__(self) -> str:
        return self.text()


def normalized(text: str) -> str:
    """``text`` with full-width characters made plain (NFKC) and "。" as a point."""
    return unicodedata.normalize("NFKC", text).translate(_MARKS).strip()


def parse(text: str) -> TypedNumber:
    """The number ``text`` writes (a trailing "%" is the unit's, and left out), with its
    decimals; NumberTextError when it is not one."""
    plain = normalized(text).rstrip("%").strip()
    if "," in plain and _NUMBER.fullmatch(plain.replace(",", "")):
        raise NumberTextError(
            "decimal_comma", "has a comma: write decimals after a point (2.0) and no separators"
        )
    if not _NUMBER.fullmatch(plain):
        raise NumberTextError("not_a_number", "is not a number")
    try:
        exact = Decimal(plain)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise NumberTextError("not_a_number", "is not a number") from None
    exponent = exact.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite number (the pattern has no NaN, no inf)
    return _checked(float(exact), max(0, -exponent))


def _checked(value: float, decimals: int | None) -> TypedNumber:
    if not math.isfinite(value):
        raise NumberTextError("not_a_number", "is too large a number")
    if decimals is not None and decimals > MAX_DECIMALS:
        raise NumberTextError(
            "too_many_decimals",
            f"has more than {MAX_DECIMALS} decimals",
            limit=MAX_DECIMALS,
        )
    return TypedNumber(value + 0.0, decimals)  # -0.0 is 0.0: SQLite stores no negative zero


def typed_number(value: Any) -> TypedNumber:
    """``value`` as a TypedNumber: text is parsed; a whole number (int) has no decimals,
    a Decimal has its own; a float carries none, so they are not known. NumberTextError
    when it is not a number."""
    if isinstance(value, TypedNumber):
        decimals = value.decimals
        if isinstance(decimals, bool) or not isinstance(decimals, int | type(None)):
            raise NumberTextError("not_a_number", "is not a number")
        if decimals is not None and decimals < 0:
            raise NumberTextError("not_a_number", "is not a number")
        return _checked(_float(value.value), decimals)
    if isinstance(value, str):
        return parse(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NumberTextError("not_a_number", "is not a number")
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        return _checked(_float(value), max(0, -exponent))
    if isinstance(value, int) and not isinstance(value, bool):
        return _checked(_float(value), 0)
    return _checked(_float(value), None)


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise NumberTextError("not_a_number", "is not a number")
    try:
        return float(value)
    except OverflowError:
        raise NumberTextError("not_a_number", "is too large a number") from None


def stored(value: float | None, decimals: int | None) -> TypedNumber | None:
    """A stored value and its decimals column (None: not known) as one number."""
    return None if value is None else TypedNumber(value, decimals)


def texts(numbers: Iterable[TypedNumber | None]) -> list[str]:
    """Numbers that belong together (a baseline and its value after) as written. One whose
    decimals are not known reads with the most any of them has, so an old "2.0 → 1.2"
    still reads so, not "2 → 1.2"; an empty one is ""."""
    given = list(numbers)
    places = max((n.places() for n in given if n is not None), default=0)
    return [
        "" if n is None else n.text() if n.decimals is not None else n.text(places) for n in given
    ]
