"""The rows of a long list read a page at a time, for a table model.

The model knows how many rows the list has; a row is read (with the rest of its page)
the first time the view asks for it, so a list of 10,000 items opens on its first screen
as fast as one of ten. ``fetch(first, count)`` reads ``count`` rows from position
``first`` (0 first); ``locate(id)`` says where a record is (1 first; None: not listed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Fetch = Callable[[int, int], Sequence[Any]]
Locate = Callable[[int], int | None]
PAGE = 50  # rows read at a time: a screen and more


class PagedRows:
    def __init__(self) -> None:
        self.count = 0
        self._pages: dict[int, Sequence[Any]] = {}
        self._fetch: Fetch = lambda _first, _count: ()
        self._locate: Locate = lambda _id: None

    def show(self, count: int, fetch: Fetch, locate: Locate) -> None:
        """A list of ``count`` rows; what was read before is forgotten."""
        self.count, self._fetch, self._locate = count, fetch, locate
        self._pages = {}

    def row(self, index: int) -> Any:
        if not 0 <= index < self.count:
            return None
        number, offset = divmod(index, PAGE)
        if number not in self._pages:
            self._pages[number] = self._fetch(number * PAGE, PAGE)
        rows = self._pages[number]
        return rows[offset] if offset < len(rows) else None

    def row_of(self, record_id: int) -> int | None:
        """The row of the record whose ``id`` is ``record_id`` (0 first), or None."""
        for number, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == record_id:
                    return number * PAGE + offset
        position = self._locate(record_id)
        return position - 1 if position is not None else None
