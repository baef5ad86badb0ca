"""An import in two passes over the file: the preview, then (once confirmed) the write.

``Import(services, kind, path, …)`` opens the sheet, finds its header row and proposes
the mapping (or recalls the one confirmed for this layout). ``preview()`` reads every
row and says what would happen: created, updated, unchanged, skipped (blank and totals
rows), the names the lists lack (created on confirm), and every rejected cell by its
spreadsheet row, column and reason, in the user's language. Nothing is written.
``write()`` writes the rows the preview checked (kept in a temporary file,
workbench.services.import_keep), or reads the file again and checks each row once more
when the file or the database changed since the preview; workbench.services.importing
writes all of them in one transaction, or none.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.services import Services
from workbench.services.bulk_rows import RowError
from workbench.services.import_keep import KeptRows
from workbench.services.importing import ImportService, ImportWritten, Item, NewEntry
from workbench.services.progress import Progress, silent
from workbench.transfer.cells import (
    CellError,
    choice_names,
    fold,
    name_of,
    names_index,
    reader,
)
from workbench.transfer.files import Cell, FileRefused, Sheet, open_sheet
from workbench.transfer.headers import find_header, header_text, is_note, is_totals, propose
from workbench.transfer.kinds import LISTS, Column, Fixed, ImportKind, KindWriter
from workbench.vocabulary import field_error
from workbench.vocabulary.transfer import file_message

CHUNK = 2_000  # rows whose codes are looked up at once
REPORT_EVERY = 1_000
MEMO = 20_000  # distinct cells a column remembers the value of


def remembered(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``read`` remembering the value of each text cell it read: a sheet's dates,
    names, statuses and levels repeat on most rows. A cell that is refused is read (and
    refused) again each time, so each of its rows is named."""
    values: dict[str, Any] = {}

    def cached(cell: Any) -> Any:
        if type(cell) is not str:
            return read(cell)
        found = values.get(cell, values)
        if found is values:
            found = read(cell)
            if len(values) < MEMO:
                values[cell] = found
        return found

    return cached


def _reference(column: Column) -> Callable[[Any], Any]:
    limit = LISTS[column.reference or ""][1]

    def name(cell: Any) -> str:
        value = cell.strip() if type(cell) is str else name_of(cell)
        if len(value) > limit:
            raise CellError("too_long", value[:40] + "…")
        return value

    return name


def column_letter(index: int) -> str:
    """A (0-based) column index as Excel names it: A, B, … Z, AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Rejected:
    """A cell (or row) the import refuses: where, and why in the user's language."""

    row: int
    column: str  # its letter; "" when the field has no column in the sheet
    header: str
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (
            f", column {self.column} ({self.header})" if self.column else ""
        )
        return f"{where}: {self.reason}"


@dataclass
class Preview:
    kind: str
    sheet: str
    header_row: int
    headers: list[str]
    mapping: dict[int, str]
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    absent: int = 0  # a sign-in sheet's rows of people who were not there
    rejected: list[Rejected] = field(default_factory=list)
    new_entries: list[NewEntry] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    # the checked rows, which the write takes instead of reading the file again
    kept: KeptRows | None = field(default=None, repr=False, compare=False)

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged + len({r.row for r in self.rejected})


class Names:
    """List entries by folded name; a name the lists lack becomes a NewEntry with a
    placeholder id (preview) or its id once created (write)."""

    def __init__(
        self,
        lists: Mapping[str, list[dict[str, Any]]],
        created: Mapping[tuple[str, str], int] | None = None,
    ) -> None:
        self._index = {t: names_index(rows, *LISTS[t][0]) for t, rows in lists.items()}
        self.new: dict[tuple[str, str], NewEntry] = {}
        self.placeholders: dict[str, set[int]] = {t: set() for t in LISTS}
        self._created = created
        self._seen: dict[tuple[str, str], int] = {}
        self._orders = len(lists.get("erp_module", ()))

    def resolve(self, table: str, name: str) -> int:
        known = self._seen.get((table, name))
        if known is None:
            known = self._seen[(table, name)] = self._resolve(table, name)
        return known

    def _resolve(self, table: str, name: str) -> int:
        key = fold(name)
        found = self._index[table].get(key)
        if found is not None:
            return found
        if self._created is not None and (table, key) in self._created:
            return int(self._created[(table, key)])
        entry = self.new.get((table, key))
        if entry is None:
            entry = self.new[(table, key)] = NewEntry(table, key, self._values(table, name))
            self.placeholders[table].add(self._placeholder(len(self.new) - 1))
        return self._placeholder(list(self.new).index((table, key)))

    @staticmethod
    def _placeholder(place: int) -> int:
        """The id a preview gives the new entry at ``place`` (0, 1 …): -1, -2 …"""
        return -1 - place

    def proposed(self, unused: frozenset[tuple[str, int]] = frozenset()) -> list[NewEntry]:
        """The new entries, but those whose (table, placeholder) is among ``unused``."""
        return [
            entry
            for place, entry in enumerate(self.new.values())
            if (entry.table, self._placeholder(place)) not in unused
        ]

    def _values(self, table: str, name: str) -> dict[str, Any]:
        if table == "site":
            return {"code": name[:20], "name": name}
        if table == "person":
            return {"login": name, "name": name}
        if table == "erp_module":
            self._orders += 1
            return {"name": name, "sort_order": self._orders, "active": True}
        return {"name": name}


def _problems_writer(services: Services, language: str) -> KindWriter:
    return ImportService(services.database, services.actor)


class Import:
    """One file's import of one kind: its sheet, header row and mapping."""

    def __init__(
        self,
        services: Services,
        kind: ImportKind,
        path: Path,
        sheet: str | None = None,
        header_row: int | None = None,
        encoding: str | None = None,
        language: str = "en",
    ) -> None:
        self.services = services
        self.kind = kind
        self.path = path
        self.language = language
        self.sheet: Sheet = open_sheet(path, sheet, encoding)
        head = list(itertools.islice(self.sheet.rows(), 200))
        if not any(any(c is not None for c in cells) for _, cells in head):
            raise FileRefused("empty_sheet", sheet=self.sheet.name)
        if header_row is None:
            header_row = find_header(kind, head)
            if header_row is None:
                raise FileRefused("no_header", rows=30)
        cells = next((c for n, c in head if n == header_row), None)
        if cells is None:
            cells = next((c for n, c in self.sheet.rows() if n == header_row), None)
            if cells is None:
                raise FileRefused("header_row", row=header_row)
        self.header_row = header_row
        self.headers = [header_text(c) for c in cells]
        self.mapping: dict[int, str] = propose(kind, self.headers)
        above = [(n, c) for n, c in head if n < header_row]
        self.fixed: Fixed = kind.head(kind, above) if kind.head is not None else {}
        self._service: KindWriter = (kind.writer or _problems_writer)(services, language)

    # ---- reading rows -------------------------------------------------------------

    def _columns(self) -> dict[int, Column]:
        return {i: c for i, k in self.mapping.items() if k and (c := self.kind.column(k))}

    def _rows(self) -> Iterator[tuple[int, tuple[Cell, ...]]]:
        for number, cells in self.sheet.rows():
            if number > self.header_row:
                yield number, cells

    def _readers(self) -> list[tuple[int, Column, Callable[[Any], Any]]]:
        found = []
        for index, column in self._columns().items():
            read = _reference(column) if column.reference else reader(column.spec)
            if column.reference or column.spec.kind != "text":  # a text cell is its value
                read = remembered(read)
            found.append((index, column, read))
        return found

    def _parse(
        self,
        number: int,
        cells: tuple[Cell, ...],
        readers: list[tuple[int, Column, Callable[[Any], Any]]],
    ) -> tuple[dict[str, Any], list[Rejected]]:
        values: dict[str, Any] = {}
        wrong: list[Rejected] = []
        width = len(cells)
        for index, column, read in readers:
            cell = cells[index] if index < width else None
            if cell is None:
                continue
            try:
                value = read(cell)
            except CellError as error:
                wrong.append(self._cell(number, index, self._cell_reason(column, error)))
                continue
            values[column.key] = value
        if self.fixed and values:
            self._fill(values, wrong)
        return values, wrong

    def _fill(self, values: dict[str, Any], wrong: list[Rejected]) -> None:
        """The values above the header for the columns the row leaves empty."""
        for key, (number, index, cell) in self.fixed.items():
            column = self.kind.column(key)
            if key in values or column is None:
                continue
            try:
                values[key] = (_reference(column) if column.reference else reader(column.spec))(
                    cell
                )
            except CellError as error:
                reason = self._cell_reason(column, error)
                wrong.append(
                    Rejected(number, column_letter(index), column.label(self.language), reason)
                )

    def _cell_reason(self, column: Column, error: CellError) -> str:
        if error.code == "too_long":
            limit = LISTS[column.reference or "site"][1]
            return f"{column.label(self.language)}: > {limit}"
        choices = choice_names(column.spec, error.choices, self.language)
        return file_message(error.code, self.language, value=error.value, choices=choices)

    def _cell(self, number: int, index: int, reason: str) -> Rejected:
        header = self.headers[index] if index < len(self.headers) else ""
        return Rejected(number, column_letter(index), header, reason)

    def rejected_of(self, error: RowError) -> Rejected:
        """A row error of the write or the preview, as a rejected cell."""
        key = error.field if error.kind == "problem" else f"{error.kind}.{error.field}"
        index = next((i for i, k in self.mapping.items() if k == key), None)
        reason = field_error(error.error, self.language, error.kind)
        above = self.fixed.get(key)
        column = self.kind.column(key)
        if index is None and above is not None and column is not None:
            # a value of the block above the table: named where it is written
            number, at, _ = above
            return Rejected(number, column_letter(at), column.label(self.language), reason)
        if index is None:
            return Rejected(error.row, "", "", reason)
        return self._cell(error.row, index, reason)

    def _items(
        self, names: Names, stamp: dt.datetime, wrong: list[Rejected] | None, progress: Progress
    ) -> Iterator[Item]:
        """Each row's item; counts skipped rows."""
        columns = self._readers()
        code_index = next((i for i, k in self.mapping.items() if k == self.kind.code), None)
        seen: dict[str, int] = {}
        self.skipped = 0
        batch = iter(self._rows())
        done = 0
        while chunk := list(itertools.islice(batch, CHUNK)):
            codes = [
                str(cells[code_index]).strip()
                for _, cells in chunk
                if code_index is not None and code_index < len(cells) and cells[code_index]
            ]
            existing = self._service.existing(codes) if codes else {}
            for number, cells in chunk:
                done += 1
                if done % REPORT_EVERY == 0:
                    progress.report(done, 0)
                if cells.count(None) == len(cells) or is_totals(cells) or is_note(cells):
                    self.skipped += 1
                    continue
                values, bad = self._parse(number, cells, columns)
                if not values and not bad:
                    self.skipped += 1
                    continue
                code = values.get(self.kind.code)
                if code is not None:
                    first = seen.setdefault(code.strip(), number)
                    if first != number:
                        reason = file_message(
                            "duplicate_code", self.language, code=code, first=first
                        )
                        bad.append(self._cell(number, code_index or 0, reason))
                if bad:
                    if wrong is None:
                        raise FileRefused("damaged", why=f"row {number} changed since the preview")
                    wrong.extend(bad)
                    continue
                assert self.kind.build is not None
                item = self.kind.build(
                    number, values, names.resolve, existing, stamp, self.language
                )
                yield item

    # ---- the two passes -----------------------------------------------------------

    def preview(self, progress: Progress | None = None) -> Preview:
        """What the import would do; writes nothing."""
        progress = progress or silent()
        found = Preview(
            self.kind.name, self.sheet.name, self.header_row, self.headers, dict(self.mapping)
        )
        names = Names(self._service.lists())
        wrong: list[Rejected] = []
        stamp = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        items = self._items(names, stamp, wrong, progress)
        tally = self._service.preview(items, names.placeholders, source=self.path)
        found.created, found.updated, found.unchanged = (
            tally.created,
            tally.updated,
            tally.unchanged,
        )
        found.codes = tally.codes
        wrong.extend(self.rejected_of(e) for e in tally.errors)
        found.skipped, found.absent = self.skipped, tally.left_out
        found.rejected = sorted(wrong, key=lambda r: (r.row, r.column))
        found.new_entries = names.proposed(tally.unused)
        found.kept = tally.kept
        if found.rejected and found.kept is not None:
            found.kept.discard()
            found.kept = None
        return found

    def write(self, preview: Preview, progress: Progress | None = None) -> ImportWritten:
        """Write what ``preview`` showed, all of it or nothing (raises BatchError)."""
        if preview.rejected:
            raise ValueError("the preview rejected cells: fix them first; nothing was written")
        progress = progress or silent()
        lists = self._service.lists()
        stamp = dt.datetime.now(dt.UTC).replace(tzinfo=None)

        def items(ids: Mapping[tuple[str, str], int]) -> Iterator[Item]:
            names = Names(lists, ids)
            yield from self._items(names, stamp, None, progress)

        kept, preview.kept = preview.kept, None  # taken once: a second write reads the file
        return self._service.write(
            preview.new_entries, preview.codes, items, progress, preview.rows, kept=kept
        )
