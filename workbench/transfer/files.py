"""Opening a spreadsheet as plants have them, and refusing what is not one.

``open_sheet(path, sheet, encoding)`` gives a ``Sheet``: its rows as (spreadsheet row
number, cell values), read lazily, so a 1 GB CSV streams row by row and never sits in
memory whole. An .xlsx is read with openpyxl in read-only mode (streamed,
whatever its size), merged cells filled with their top-left value
(workbench.transfer.merged). Formula cells give their cached values. Before openpyxl
unpacks anything the file's first bytes and its zip directory are looked at: an image or PDF renamed
.xlsx, an Excel 97 file, a password-protected workbook (an encrypted OLE file), a
truncated zip and a zip bomb are each refused with their own message (``FileRefused``).
CSV comes in UTF-8, UTF-8 with BOM or GB18030 (GBK's superset, what Chinese Excel writes);
the encoding is detected from the first 64 KB unless chosen.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.transfer.export import ESCAPE, unescaped
from workbench.transfer.merged import Filler, merged_ranges

Cell = Any  # str, int, float, bool, datetime, date, time or None
Row = tuple[int, tuple[Cell, ...]]

# What a real workbook unpacks to at most, and its members' largest compression ratio.
MAX_UNPACKED = 2 * 1024**3
MAX_RATIO = 200
_RATIO_FLOOR = 10 * 1024 * 1024  # a member smaller than this is never a bomb
SAMPLE_BYTES = 64 * 1024
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"BM": "a bitmap image",
    b"%PDF": "a PDF document",
    b"Rar!": "a RAR archive",
    b"\x1f\x8b": "a gzip archive",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16")


class FileRefused(Exception):
    """A file the import cannot read; ``code`` and ``params`` say why (file_message)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params

    def text(self, language: str = "en") -> str:
        from workbench.vocabulary.transfer import file_message

        return file_message(self.code, language, **self.params)


@dataclass
class Sheet:
    """A sheet's rows, read when iterated; ``names`` the workbook's sheets."""

    name: str
    names: tuple[str, ...]
    kind: str  # "xlsx" or "csv"
    encoding: str | None = None
    _rows: Any = field(default=None, repr=False)

    def rows(self) -> Iterator[Row]:
        yield from self._rows()


def kind_of(path: Path) -> str:
    """ "xlsx" or "csv" from the file's first bytes (and its name for text)."""
    if not path.is_file():
        raise FileRefused("missing", path=str(path))
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise FileRefused("empty_file")
    if head.startswith(b"PK"):
        return "xlsx"
    if head.startswith(_OLE):
        raise FileRefused("password" if _encrypted(path) else "old_xls")
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise FileRefused("wrong_type", what=what)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileRefused("wrong_type", what="binary data")
    return "csv"


def _encrypted(path: Path) -> bool:
    """An encrypted OOXML workbook is an OLE file holding an "EncryptedPackage" stream."""
    with path.open("rb") as handle:
        return "EncryptedPackage".encode("utf-16-le") in handle.read(1024 * 1024)


def check_zip(path: Path) -> None:
    """Refuse a truncated zip, one that is no workbook, and a zip bomb, from the zip's
    directory alone (nothing is inflated)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise FileRefused("damaged", why=str(error) or type(error).__name__) from error
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise FileRefused("wrong_type", what="a zip archive, not an Excel workbook")
    total = sum(m.file_size for m in members)
    ratio_bomb = any(
        m.file_size > _RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if total > MAX_UNPACKED or ratio_bomb:
        raise FileRefused("zip_bomb", size=f"{total / 1024**2:,.0f}")


def open_sheet(path: Path, sheet: str | None = None, encoding: str | None = None) -> Sheet:
    """The sheet to import (the first one unless named); raises FileRefused."""
    kind = kind_of(path)
    if kind == "xlsx":
        check_zip(path)
        return _xlsx(path, sheet)
    chosen = encoding or detect_encoding(path)
    name = path.stem
    return Sheet(name, (name,), "csv", chosen, lambda: _csv_rows(path, chosen))


def sheet_names(path: Path) -> tuple[str, ...]:
    """The workbook's sheets (a CSV file is one sheet, named after the file)."""
    return open_sheet(path).names


# ---- xlsx ---------------------------------------------------------------------------


def _load(path: Path, read_only: bool) -> Any:
    import openpyxl  # imported here: the window's start does not pay for it

    try:
        return openpyxl.load_workbook(path, read_only=read_only, data_only=True)
    except zipfile.BadZipFile as error:
        raise FileRefused("damaged", why=str(error)) from error
    except (KeyError, ValueError, TypeError, OSError, EOFError) as error:
        raise FileRefused("damaged", why=str(error) or type(error).__name__) from error
    except Exception as error:  # openpyxl raises its own and lxml's errors on bad XML
        raise FileRefused("damaged", why=str(error) or type(error).__name__) from error


def _xlsx(path: Path, wanted: str | None) -> Sheet:
    book = _load(path, read_only=True)
    names = tuple(book.sheetnames)
    if wanted is not None and wanted not in names:
        book.close()
        raise FileRefused("no_sheet", sheet=wanted)
    name = wanted or names[0]

    def rows() -> Iterator[Row]:
        worksheet = book[name]
        member = getattr(worksheet, "_worksheet_path", None)  # openpyxl's read-only sheet
        try:
            filler = Filler(merged_ranges(path, member) if member else [])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                cells = tuple(_cell(v) for v in values)
                yield number, filler.fill(number, cells)
        except (FileRefused, GeneratorExit):
            raise
        except Exception as error:  # a broken sheet part read lazily
            raise FileRefused("damaged", why=str(error) or type(error).__name__) from error

    return Sheet(name, names, "xlsx", None, rows)


def _cell(value: Any) -> Cell:
    if isinstance(value, str):
        return unescaped(value) if value.strip() else None
    if isinstance(value, dt.time):
        return value.isoformat()
    return value


# ---- csv ----------------------------------------------------------------------------


def detect_encoding(path: Path) -> str:
    """UTF-8 with BOM, UTF-16 with BOM, UTF-8 if the first 64 KB decode as it, else GB18030."""
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=len(sample) < SAMPLE_BYTES)  # a cut character at the end
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def _delimiter(path: Path, encoding: str) -> str:
    """Comma, tab or semicolon: the one the first lines hold most of (Excel's "Unicode
    text" is tab-separated); a cell's own tabs further down do not count."""
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        sample = "".join(handle.readline() for _ in range(5))
    counts = {d: sample.count(d) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _csv_rows(path: Path, encoding: str) -> Iterator[Row]:
    if encoding.lower().replace("_", "-") not in ENCODINGS:
        try:
            codecs.lookup(encoding)
        except LookupError as error:
            raise FileRefused("encoding", row=1, encoding=encoding) from error
    csv.field_size_limit(1024 * 1024)  # a longer cell is a broken file, not a field
    delimiter = _delimiter(path, encoding)
    number = 0
    try:
        with path.open(encoding=encoding, newline="") as handle:
            for number, row in enumerate(csv.reader(handle, delimiter=delimiter), start=1):
                yield (
                    number,
                    tuple(
                        [
                            (unescaped(v) if v[:1] == ESCAPE else v) if v.strip() else None
                            for v in row
                        ]
                    ),
                )
    except UnicodeDecodeError as error:
        raise FileRefused("encoding", row=number + 1, encoding=encoding) from error
    except csv.Error as error:
        raise FileRefused("csv_broken", row=number + 1, why=str(error)) from error
