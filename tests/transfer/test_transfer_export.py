"""Export: nothing runs as a formula in Excel, and the whole record comes back whole."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from workbench.app import open_services
from workbench.cli.main import main
from workbench.services import Services
from workbench.settings import Settings
from workbench.transfer.export import SheetData, escaped, unescaped, write_table
from workbench.transfer.files import open_sheet
from workbench.transfer.record import export_problems

DANGEROUS = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", "'quoted"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_formula_characters_are_escaped_and_read_back(value: str) -> None:
    assert escaped(value).startswith("'")
    assert unescaped(escaped(value)) == value
    assert escaped("库存差异 -5%") == "库存差异 -5%"  # only the first character counts
    assert escaped(-5) == -5  # numbers are numbers


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_no_exported_cell_is_a_formula(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"list{suffix}"
    write_table(out, [SheetData("问题", ["标题"], [[v] for v in DANGEROUS])])
    if suffix == ".xlsx":
        cells = [
            c for (c,) in openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True)
        ]
        book = openpyxl.load_workbook(out)
        assert all(cell.data_type != "f" for row in book.active.iter_rows() for cell in row)
    else:
        with out.open(encoding="utf-8-sig", newline="") as handle:
            cells = [r[0] for r in list(csv.reader(handle))[1:]]
    assert all(c.startswith("'") for c in cells)
    back = [v for _, (v,) in list(open_sheet(out).rows())[1:]]
    # Read back as typed (XML, inside .xlsx, keeps a lone carriage return as a line feed).
    typed = [v.replace("\r", "\n") if suffix == ".xlsx" else v for v in DANGEROUS]
    assert back == typed


def _demo(path: Path) -> Services:
    assert main(["demo", "--db", str(path), "--lang", "zh_CN"]) == 0
    return open_services(str(path), Settings(user="tester"))


def _values(sheets: list[SheetData]) -> list[tuple[str, list[list[object]]]]:
    return [(s.name, [list(r) for r in s.rows]) for s in sheets]


def test_export_problems_with_a_filter(tmp_path: Path) -> None:
    services = _demo(tmp_path / "demo.sqlite3")
    out = tmp_path / "closed.csv"
    counts = export_problems(services, out, "en", ["status=已关闭"])
    rows = list(open_sheet(out).rows())
    assert counts["problem"] == len(rows) - 1 > 0
    status = rows[0][1].index("Status")
    assert {r[status] for _, r in rows[1:]} == {"Closed"}
    services.close()
