"""Quarters of the improvement list, e.g. ``2026Q3``: read, checked, and counted on.

The one place a quarter's text is parsed; Qt-free, so a form, a command and a service
refuse ``2026Q5`` the same way. A quarter is kept as its text ``YYYYQn``, which sorts in
time order as text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from workbench.services.errors import FieldError
from workbench.services.fields import EARLIEST, LATEST

_QUARTER = re.compile(r"^(\d{4})\s*[Qq]\s*(\d)$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1 … 4

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4 or not EARLIEST.year <= self.year <= LATEST.year:
            raise ValueError(f"no quarter {self.year}Q{self.number}")

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        """The quarter ``day`` falls in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    def next(self) -> Quarter:
        """The quarter after this one: 2026Q4 → 2027Q1."""
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> dt.date:
        if self.number == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.number + 1, 1) - dt.timedelta(days=1)


def parse(text: Any) -> Quarter:
    """The quarter ``text`` names (``2026Q3``, ``2026 q3``); ValueError when it names none."""
    if isinstance(text, Quarter):
        return text
    match = _QUARTER.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"{text!r} is not a quarter (e.g. 2026Q3)")
    return Quarter(int(match.group(1)), int(match.group(2)))


def check(name: str, text: Any) -> tuple[str | None, FieldError | None]:
    """``text`` as a stored quarter (``2026Q3``), or the error naming field ``name``."""
    try:
        return str(parse(text)), None
    except ValueError:
        return None, FieldError(name, "not_a_quarter", "is not a quarter (e.g. 2026Q3)")
