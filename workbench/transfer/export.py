"""Writing a table out to .xlsx or CSV, safe to open in Excel.

``write_table(path, sheets)`` writes each sheet (a name, headers and rows of values) to an
.xlsx (openpyxl's write-only mode: rows stream to the file, so a million rows do not sit
in memory) or, for a single sheet, to a CSV in UTF-8 with BOM (what Excel opens without
asking for the encoding). The file is written beside its place and renamed over it, so a
failure leaves no half file. A text cell that starts with =, +, -, @, a tab or a carriage
return would run as a formula in Excel (CSV injection): it is written with a leading
apostrophe ("'=1+2"), which Excel shows as the text and the import reads back without it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.services.progress import Progress, silent

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
REPORT_EVERY = 1_000
# Excel's own limits: a sheet name's length, and the characters it may not hold.
_SHEET_NAME = 31
_NOT_IN_SHEET_NAMES = str.maketrans({c: "_" for c in "[]:*?/\\"})


def escaped(value: Any) -> Any:
    """A cell value that never runs as a formula: text starting with a formula character
    gets a leading apostrophe (so does text that starts with one, to read back the same)."""
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, ESCAPE)):
        return ESCAPE + value
    return value


def unescaped(value: Any) -> Any:
    """``escaped``'s inverse, for the import."""
    if isinstance(value, str) and value.startswith(ESCAPE):
        rest = value[1:]
        # "\n" too: XML inside an .xlsx reads a written carriage return back as a line feed.
        if rest.startswith((*FORMULA_STARTS, "\n", ESCAPE)):
            return rest
    return value


@dataclass(frozen=True)
class SheetData:
    """One sheet to write: its name, headers, and rows (an iterable, read once)."""

    name: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    total: int = 0  # how many rows, for the progress (0: not known)


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(escaped(value))


def _sheet_title(name: str, taken: set[str]) -> str:
    title = name.translate(_NOT_IN_SHEET_NAMES)[:_SHEET_NAME] or "Sheet"
    base, n = title, 2
    while title.lower() in taken:
        title = f"{base[: _SHEET_NAME - 3]}~{n}"
        n += 1
    taken.add(title.lower())
    return title


def _xlsx(path: Path, sheets: Sequence[SheetData], progress: Progress) -> None:
    import openpyxl  # imported here: the window's start does not pay for it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = openpyxl.Workbook(write_only=True)
    taken: set[str] = set()
    bold = Font(bold=True)
    done = 0
    for sheet in sheets:
        out = book.create_sheet(_sheet_title(sheet.name, taken))
        header_cells = []
        for header in sheet.headers:
            cell = WriteOnlyCell(out, value=escaped(header))
            cell.font = bold
            header_cells.append(cell)
        out.append(header_cells)
        for row in sheet.rows:
            out.append([_xlsx_value(v) for v in row])
            done += 1
            if done % REPORT_EVERY == 0:
                progress.report(done, 0)
    if not sheets:
        book.create_sheet("Sheet")
    book.save(path)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        # Excel refuses control characters other than tab and line breaks in a cell.
        cleaned = "".join(c for c in value if c >= " " or c in "\t\n\r")
        return escaped(cleaned)
    return value


def _csv(path: Path, sheet: SheetData, progress: Progress) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([_csv_text(h) for h in sheet.headers])
        for done, row in enumerate(sheet.rows, start=1):
            writer.writerow([_csv_text(v) for v in row])
            if done % REPORT_EVERY == 0:
                progress.report(done, sheet.total)


def write_table(path: Path, sheets: Sequence[SheetData], progress: Progress | None = None) -> None:
    """Write ``sheets`` to ``path`` (.xlsx, or .csv for one sheet), replacing it whole."""
    progress = progress or silent()
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValueError(f"{path.name}: export writes .xlsx or .csv files")
    if suffix == ".csv" and len(sheets) != 1:
        raise ValueError("a CSV file holds one list; export the whole record to .xlsx")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".export-", suffix=suffix)
    os.close(handle)
    try:
        if suffix == ".csv":
            _csv(Path(temporary), sheets[0], progress)
        else:
            _xlsx(Path(temporary), sheets, progress)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
