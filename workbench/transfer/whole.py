"""Reading the whole record's workbook (workbench.transfer.record) back into a database.

The sheets are found by their names in either language and their columns by their
headers (either language, or the field's key), as ``SHEETS`` describes them. The lists'
entries the database lacks are created first (a person's department among them), then
each problem with its causes (and their whys), solutions and results, keyed by the
problem's code and the links' positions, with the times and marks the sheet keeps (a
result verified by whom and when, created, updated, imported). All of it goes through
workbench.services.importing: one transaction, every row checked, all or nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.services import Services
from workbench.services.base import utc_now
from workbench.services.bulk import BatchError
from workbench.services.bulk_rows import CauseInput, ProblemInput, ResultInput, SolutionInput
from workbench.services.importing import ImportService, Item, NewEntry, NewRow
from workbench.services.importing_record import write_kinds
from workbench.services.kpis import KpiService
from workbench.services.progress import Progress, silent
from workbench.store.bulk_import import ImportWriter
from workbench.transfer.cells import CellError, fold, read_cell
from workbench.transfer.export import unescaped
from workbench.transfer.files import FileRefused, check_zip, kind_of
from workbench.transfer.kinds import LISTS, Column
from workbench.transfer.plan import Names
from workbench.transfer.problems import split_whys
from workbench.transfer.record import SHEETS, TIMES, header
from workbench.transfer.record_kinds import KIND_SHEETS
from workbench.transfer.whole_kinds import kind_codes, kind_inputs
from workbench.vocabulary import LANGUAGES
from workbench.vocabulary.transfer import SHEET_NAMES

Row = dict[str, Any]
# The sheets read back, each with its columns; a sheet of another name is not read.
READ: dict[str, tuple[Column, ...]] = {
    **dict(SHEETS),
    **{sheet.table: sheet.columns for sheet in KIND_SHEETS},
}


def _sheets(path: Path) -> dict[str, list[Row]]:
    """Each record sheet's rows as {field: cell}, with their row numbers under "_row"."""
    if kind_of(path) != "xlsx":
        raise FileRefused("wrong_type", what="not a workbook (the whole record is one .xlsx)")
    check_zip(path)
    from workbench.transfer.files import _load

    book = _load(path, read_only=True)
    found: dict[str, list[Row]] = {}
    titles = {name.lower(): t for t, names in SHEET_NAMES.items() for name in names.values()}
    for title in book.sheetnames:
        table = titles.get(title.lower())
        if table is None:
            continue
        rows = book[title].iter_rows(values_only=True)
        columns = READ[table]
        headers = next(rows, None) or ()
        by_header = {fold(name): c for c in columns for name in _names(c, table)}
        mapped = {i: by_header.get(fold(h)) for i, h in enumerate(headers) if h is not None}
        sheet = found.setdefault(table, [])
        for number, cells in enumerate(rows, start=2):
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue
            row: Row = {"_row": number}
            for index, column in mapped.items():
                if column is not None and index < len(cells) and cells[index] is not None:
                    row[column.field] = unescaped(cells[index])
            sheet.append(row)
    book.close()
    return found


def _names(column: Column, table: str) -> list[str]:
    return [column.field, *(header(column, table, language) for language in LANGUAGES)]


class _Reader:
    """Cells to values; a wrong one is a FileRefused naming its sheet, row and field."""

    def __init__(self, names: Names) -> None:
        self.names = names

    def values(self, table: str, row: Row, skip: tuple[str, ...] = ()) -> dict[str, Any]:
        """The values of the row's cells but those of the columns this program adds
        (codes, positions: ``part`` "")."""
        return {
            column.field: self.cell(table, column, row)
            for column in READ[table]
            if column.part != "" and column.field not in skip and column.field in row
        }

    def cell(self, table: str, column: Column, row: Row) -> Any:
        """The value of the row's cell in ``column``: a name as its entry's id, a time,
        or the field's value (a date, a list's key, a number's text)."""
        cell = row[column.field]
        if column.reference is not None:
            return self.names.resolve(column.reference, str(cell).strip())
        if column.field in TIMES:
            return _time(cell, table, row)
        try:
            return read_cell(column.spec, cell, column.field)
        except CellError as error:
            sheet = SHEET_NAMES[table]["en"]
            why = f"{sheet} row {row['_row']}, {column.field}: {error.value}"
            raise FileRefused("damaged", why=why) from error


def _time(cell: Any, table: str, row: Row) -> dt.datetime:
    if isinstance(cell, dt.datetime):
        return cell
    try:
        return dt.datetime.fromisoformat(str(cell).strip())
    except ValueError as error:
        why = f"{SHEET_NAMES[table]['en']} row {row['_row']}: {cell} is not a time"
        raise FileRefused("damaged", why=why) from error


def _entries(services: Services, sheets: Mapping[str, list[Row]]) -> list[NewEntry]:
    """The list entries the sheets hold and the database lacks, departments before people."""
    lists = ImportService(services.database, services.actor).lists()
    have = {t: {fold(r[LISTS[t][0][0]]) for r in rows} for t, rows in lists.items()}
    names = Names(lists)
    reader = _Reader(names)
    entries: list[NewEntry] = []
    for table in ("site", "department", "erp_module", "person"):
        for row in sheets.get(table, []):
            key = fold(row.get("name", ""))
            if not key or key in have[table]:
                continue
            values = reader.values(table, row, skip=("department_id",))
            if table == "person" and row.get("department_id"):
                values["department_id"] = ("department", fold(row["department_id"]))
            if table == "erp_module":
                values.setdefault("active", True)
                values["sort_order"] = len(have[table]) + 1
            have[table].add(key)
            entries.append(NewEntry(table, key, values))
    return entries


def _position(row: Row, name: str) -> int:
    value = row.get(name)
    if isinstance(value, int | float):
        return int(value)
    return int(value) if isinstance(value, str) and value.isdigit() else 0


def _group(rows: list[Row], *keys: str) -> dict[tuple[Any, ...], list[Row]]:
    """Rows by their problem code and positions, each group in its positions' order."""
    groups: dict[tuple[Any, ...], list[Row]] = {}
    for row in rows:
        key = (str(row.get("code") or "").strip(), *(_position(row, k) for k in keys))
        groups.setdefault(key, []).append(row)
    return groups


def _result(reader: _Reader, row: Row) -> ResultInput:
    values = reader.values("result", row)
    verified_at = values.pop("verified_at", None)
    verified_by = values.pop("verified_by_id", None)
    return ResultInput(values, verified_at, verified_by)


def _problems(sheets: Mapping[str, list[Row]], reader: _Reader) -> Iterator[Item]:
    causes = _group(sheets.get("cause", []))
    solutions = _group(sheets.get("solution", []), "cause_no")
    results = _group(sheets.get("result", []), "cause_no", "solution_no")
    for row in sheets.get("problem", []):
        code = str(row.get("code") or "").strip()
        values = reader.values("problem", row)
        status = values.pop("status", "open")
        closed_on = values.pop("closed_on", None)
        times = {name: values.pop(name, None) for name in TIMES[:3]}
        chain = []
        for cause in sorted(causes.get((code,), []), key=lambda r: _position(r, "cause_no")):
            cause_values = reader.values("cause", cause)
            if "whys" in cause_values:
                cause_values["whys"] = split_whys(str(cause_values["whys"]))
            number = _position(cause, "cause_no")
            found = []
            for solution in sorted(
                solutions.get((code, number), []), key=lambda r: _position(r, "solution_no")
            ):
                key = (code, number, _position(solution, "solution_no"))
                measured = tuple(_result(reader, r) for r in results.get(key, []))
                found.append(SolutionInput(reader.values("solution", solution), measured))
            chain.append(CauseInput(cause_values, tuple(found)))
        yield NewRow(
            int(row["_row"]),
            ProblemInput(
                values,
                status=status,
                closed_on=closed_on,
                created_at=times["created_at"],
                updated_at=times["updated_at"],
                causes=tuple(chain),
                code=code or None,
                imported_at=times["imported_at"],
            ),
        )


def import_record(
    services: Services, path: Path, progress: Progress | None = None
) -> RecordWritten:
    """Write the workbook's record into the database, all of it or nothing (BatchError)."""
    progress = progress or silent()
    sheets = _sheets(path)
    entries = _entries(services, sheets)
    service = ImportService(services.database, services.actor)
    lists = service.lists()
    codes = [str(r["code"]).strip() for r in sheets.get("problem", []) if r.get("code")]
    taken = service.existing(codes)
    if taken:
        first = sorted(taken)[0]
        raise FileRefused("damaged", why=f"the database already has problem {first}")

    readers: list[_Reader] = []

    def reader(ids: Mapping[tuple[str, str], int]) -> _Reader:
        if not readers:
            readers.append(_Reader(Names(lists, ids)))
        return readers[0]

    def items(ids: Mapping[tuple[str, str], int]) -> Iterator[Item]:
        yield from _problems(sheets, reader(ids))

    kinds: dict[str, int] = {}

    def then(writer: ImportWriter, ids: Mapping[tuple[str, str], int]) -> None:
        inputs = kind_inputs(sheets, reader(ids))
        check = KpiService(services.database, services.actor)
        write_kinds(writer, inputs, utc_now(), check)
        kinds.update({t: len(rows) for t, rows in inputs.items() if rows})

    total = len(sheets.get("problem", []))
    codes += kind_codes(sheets)
    written = service.write(entries, codes, items, progress, total, then)
    return RecordWritten(written.created, written.entries, written.audit_entries, kinds)


@dataclass(frozen=True)
class RecordWritten:
    """What an import of the whole record wrote: problems (with their chains), new list
    entries, audit entries, and the rows of each other kind's sheet."""

    created: int
    entries: int
    audit_entries: int
    kinds: Mapping[str, int]


__all__ = ["BatchError", "RecordWritten", "import_record"]
