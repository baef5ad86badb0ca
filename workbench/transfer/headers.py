"""Finding a sheet's header row and mapping its headers to fields, remembered per layout.

Plants' sheets open with a title row (问题跟踪表 2026), blank rows and merged cells before
the header, so the header is the row among the first ``SEARCH_ROWS`` whose cells name the
most columns of the kind (at least two), unless the user picks it. Each header is
proposed the column whose names (field names in both languages, plant words) it matches,
exactly first, then contained. The user's corrected mapping is kept in
``mappings.json`` in the config folder under the layout's signature (the kind and the
folded headers), so the next file with the same headers is mapped as they left it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from workbench.transfer.cells import fold
from workbench.transfer.files import Cell, FileRefused
from workbench.transfer.kinds import Column, ImportKind
from workbench.vocabulary.transfer import TOTALS_WORDS

SEARCH_ROWS = 30
FILE_NAME = "mappings.json"
Mapping_ = dict[int, str]  # column index → column key ("" or absent: not imported)


def header_text(cell: Cell) -> str:
    return "" if cell is None else " ".join(str(cell).split())


def _words(kind: ImportKind) -> list[tuple[str, Column]]:
    pairs = [(fold(word), column) for column in kind.columns for word in column.words()]
    return [(w, c) for w, c in pairs if w]


def match(kind: ImportKind, header: str) -> Column | None:
    """The column a header names: an exact name first, then the longest name it holds."""
    folded = fold(header)
    if not folded:
        return None
    words = _words(kind)
    for word, column in words:
        if word == folded:
            return column
    inside = [(len(w), c) for w, c in words if len(w) >= 2 and w in folded]
    return max(inside, key=lambda pair: pair[0])[1] if inside else None


def find_header(kind: ImportKind, rows: Sequence[tuple[int, tuple[Cell, ...]]]) -> int | None:
    """The spreadsheet row number of the header among ``rows``, or None."""
    best: tuple[int, int] | None = None
    for number, cells in rows[:SEARCH_ROWS]:
        texts = [header_text(c) for c in cells if isinstance(c, str)]
        named = {m.key for t in texts if (m := match(kind, t)) is not None}
        if kind.anchor is not None and kind.anchor not in named:
            continue
        if len(named) >= 2 and (best is None or len(named) > best[0]):
            best = (len(named), number)
    return None if best is None else best[1]


def propose(kind: ImportKind, headers: Sequence[str]) -> Mapping_:
    """Each header's column, each column given to its first header only."""
    proposed: Mapping_ = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        column = match(kind, header)
        if column is not None and column.key not in taken:
            proposed[index] = column.key
            taken.add(column.key)
    return proposed


_TOTALS_FIRST = frozenset(word[:1] for word in TOTALS_WORDS)


def is_totals(cells: Iterable[Cell]) -> bool:
    """A totals row (合计, Total …) in one of its first three filled cells."""
    seen = 0
    for cell in cells:
        if cell is None:
            continue
        if (
            isinstance(cell, str)
            # a cell that starts with no totals word's first letter is no totals cell
            and (cell[:1].lower()[:1] in _TOTALS_FIRST or not cell[:1].isalnum())
            and fold(cell[:12]).startswith(TOTALS_WORDS)
        ):
            return True
        seen += 1
        if seen == 3:
            return False
    return False


_NOTE = re.compile(r"^\s*[^\s:：]{1,10}\s*[:：]")


def is_note(cells: Iterable[Cell]) -> bool:
    """A line under the table such as 制表人：张三 or 备注: …: one filled cell, a label
    and a colon, never a record."""
    filled = None
    for cell in cells:
        if cell is not None:
            if filled is not None:
                return False  # a second filled cell: a record's row
            filled = cell
    return isinstance(filled, str) and bool(_NOTE.match(filled))


def signature(kind: ImportKind, headers: Sequence[str]) -> str:
    """The layout's key: the kind and its folded headers."""
    text = "\x1f".join([kind.name, *(fold(h) for h in headers)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Remembered:
    """Mappings the user confirmed, by layout signature, in one JSON file."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME

    def _all(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def recall(self, kind: ImportKind, headers: Sequence[str]) -> Mapping_ | None:
        saved = self._all().get(signature(kind, headers))
        if not isinstance(saved, dict):
            return None
        keys = {c.key for c in kind.columns}
        return {int(i): k for i, k in saved.items() if str(i).isdigit() and k in keys}

    def keep(self, kind: ImportKind, headers: Sequence[str], mapping: Mapping_) -> None:
        data = self._all()
        data[signature(kind, headers)] = {str(i): k for i, k in mapping.items() if k}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, indent=1)
            os.replace(temporary, self.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def mapping_file(kind: ImportKind, path: Path, headers: Sequence[str]) -> Mapping_:
    """A mapping the user wrote: JSON {"header": "column key"} ("" skips a column)."""
    try:
        given = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise FileRefused("mapping_file", path=str(path), why=str(error)) from error
    if not isinstance(given, dict):
        raise FileRefused("mapping_file", path=str(path), why="not a JSON object")
    keys = {c.key for c in kind.columns}
    wrong = sorted(str(k) for k in given.values() if k and k not in keys)
    if wrong:
        why = f"no such field: {', '.join(wrong)} (fields: {', '.join(sorted(keys))})"
        raise FileRefused("mapping_file", path=str(path), why=why)
    by_header = {fold(h): k for h, k in given.items()}
    proposed = propose(kind, headers)
    for index, header in enumerate(headers):
        if fold(header) in by_header:
            proposed[index] = by_header[fold(header)]
    return {i: k for i, k in proposed.items() if k}
