"""Merged cells of a sheet read in openpyxl's read-only mode, which does not give them.

A plant's sheet merges a site or a department down the rows it covers and a title across
the top; only the top-left cell holds the value. ``merged_ranges`` reads the sheet's
``<mergeCell ref="D5:D7"/>`` elements from its XML, streaming (rows are dropped as they
pass, so a sheet of a million rows costs no memory), and ``Filler`` gives every cell of
a range the top-left value as the rows stream by, in their order.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

Range = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row (1-based)


def merged_ranges(path: Path, member: str) -> list[Range]:
    """The merged ranges of the sheet stored at ``member`` of the workbook at ``path``."""
    from openpyxl.utils.cell import range_boundaries

    found: list[Range] = []
    with zipfile.ZipFile(path) as archive, archive.open(member) as xml:
        for _event, element in iterparse(xml):
            tag = element.tag.rpartition("}")[2]
            if tag == "mergeCell" and element.get("ref"):
                bounds = range_boundaries(str(element.get("ref")))
                if None not in bounds:
                    found.append(bounds)
            elif tag == "row":
                element.clear()
    return found


class Filler:
    """Fills streamed rows' cells from the top-left cell of their merged range."""

    def __init__(self, ranges: Sequence[Range]) -> None:
        self._starting: dict[int, list[Range]] = {}
        for merged in ranges:
            self._starting.setdefault(merged[1], []).append(merged)
        self._open: list[tuple[Range, Any]] = []

    def fill(self, number: int, cells: tuple[Any, ...]) -> tuple[Any, ...]:
        if not self._starting and not self._open:
            return cells
        self._open = [(r, v) for r, v in self._open if r[3] >= number]
        for merged in self._starting.pop(number, ()):
            column = merged[0] - 1
            self._open.append((merged, cells[column] if column < len(cells) else None))
        if not self._open:
            return cells
        width = max(len(cells), *(r[2] for r, _ in self._open))
        padded = list(cells) + [None] * (width - len(cells))
        for (min_col, _min_row, max_col, _max_row), value in self._open:
            for index in range(min_col - 1, max_col):
                if padded[index] is None:
                    padded[index] = value
        return tuple(padded)
