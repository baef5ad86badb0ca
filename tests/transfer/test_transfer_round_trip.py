"""The whole record's workbook, every sheet of it, comes back whole into an empty database;
a wrong cell in any sheet (not only the problems') refuses the whole file and writes
nothing."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from workbench.app import open_services
from workbench.cli.main import main
from workbench.services import Services
from workbench.services.bulk import BatchError
from workbench.settings import Settings
from workbench.transfer.export import SheetData
from workbench.transfer.files import FileRefused
from workbench.transfer.record import SHEETS, export_record, header, record_sheets
from workbench.transfer.record_kinds import KIND_SHEETS
from workbench.transfer.whole import import_record
from workbench.vocabulary.transfer import SHEET_NAMES

ALL_TABLES = [table for table, _ in SHEETS] + [sheet.table for sheet in KIND_SHEETS]


def _demo(path: Path, language: str) -> Services:
    assert main(["demo", "--db", str(path), "--lang", language]) == 0
    return open_services(str(path), Settings(user="tester"))


def _sheets(services: Services, language: str) -> list[tuple[str, list[str], list[list[Any]]]]:
    sheets: list[SheetData] = record_sheets(services, language)
    return [(s.name, list(s.headers), [list(r) for r in s.rows]) for s in sheets]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The Chinese demo's whole record, exported once for the refusal tests."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
        folder = tmp_path_factory.mktemp("demo")
        source = _demo(folder / "demo.sqlite3", "zh_CN")
        out = folder / "record.xlsx"
        export_record(source, out, "zh_CN")
        source.close()
        yield out


@pytest.mark.timeout(180)
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_sheet_round_trips_into_an_empty_database(
    tmp_path: Path, db_path: Path, language: str
) -> None:
    source = _demo(tmp_path / "demo.sqlite3", language)
    out = tmp_path / "record.xlsx"
    counts = export_record(source, out, language)
    assert set(counts) == set(ALL_TABLES)
    # every kind the demo makes is in the workbook, so every kind is read back below
    assert all(counts[table] > 0 for table in ALL_TABLES), counts
    before = _sheets(source, language)
    empty = open_services(str(db_path), Settings(user="tester"))
    written = import_record(empty, out)
    assert written.created == counts["problem"]
    assert {t: n for t, n in written.kinds.items()} == {
        sheet.table: counts[sheet.table] for sheet in KIND_SHEETS
    }
    after = _sheets(empty, language)
    assert [name for name, _, _ in after] == [name for name, _, _ in before]
    for (name, headers, rows), (_, headers_back, rows_back) in zip(before, after, strict=True):
        assert headers_back == headers, name
        assert rows_back == rows, name
    # the services read what was written: a frozen quarter, a pilot's rounds, a KPI's series
    assert empty.integrity.check().sound
    frozen = [q for q in ("2026Q1", "2026Q2", "2026Q3") if empty.improvements.head(q).frozen]
    assert frozen == [
        q for q in ("2026Q1", "2026Q2", "2026Q3") if source.improvements.head(q).frozen
    ]
    # the alerts are the same alerts on the same tickets; a problem keeps its status history
    assert [(a.kpi_id, a.problem_code, a.status) for a in empty.alerts.alerts(True)] == [
        (a.kpi_id, a.problem_code, a.status) for a in source.alerts.alerts(True)
    ]
    first = source.problems.id_of("P-2026-0001")
    again = empty.problems.id_of("P-2026-0001")
    assert [(c.from_status, c.to_status) for c in empty.problems.status_changes(again)] == [
        (c.from_status, c.to_status) for c in source.problems.status_changes(first)
    ]
    # exported again from the imported database, in the other language: the same record
    other = "en" if language == "zh_CN" else "zh_CN"
    assert _sheets(empty, other) == _sheets(source, other)
    source.close()
    empty.close()


def _column(table: str, field: str, language: str = "zh_CN") -> str:
    columns = next(s.columns for s in KIND_SHEETS if s.table == table)
    return header(next(c for c in columns if c.field == field), table, language)


def _broken(workbook: Path, tmp_path: Path, table: str, changes: dict[str, Any]) -> Path:
    """A copy of the workbook with the first row of ``table``'s sheet changed."""
    out = tmp_path / "broken.xlsx"
    shutil.copyfile(workbook, out)
    book = openpyxl.load_workbook(out)
    sheet = book[SHEET_NAMES[table]["zh_CN"]]
    headers = [c.value for c in sheet[1]]
    for field, value in changes.items():
        sheet.cell(row=2, column=headers.index(_column(table, field)) + 1, value=value)
    book.save(out)
    return out


def test_an_impossible_date_in_a_pilot_round_refuses_the_file(
    workbook: Path, tmp_path: Path, db_path: Path, table_dump: Callable[[], list[Any]]
) -> None:
    broken = _broken(workbook, tmp_path, "pilot_round", {"starts_on": "2026-02-30"})
    empty = open_services(str(db_path), Settings(user="tester"))
    before = table_dump()
    with pytest.raises(FileRefused) as refused:
        import_record(empty, broken)
    assert "Pilot rounds row 2, starts_on: 2026-02-30" in refused.value.text("en")
    assert table_dump() == before
    empty.close()


@pytest.mark.parametrize(
    ("table", "changes", "field"),
    [
        # a round that ends before it starts
        ("pilot_round", {"starts_on": "2026-09-20", "ends_on": "2026-09-03"}, "starts_on"),
        # a KPI whose alarm is better than its warning
        ("kpi", {"warning": "95", "alarm": "99.5"}, "alarm"),
        # an attendance of a session the file does not hold
        ("attendance", {"session_code": "T-2026-9999"}, "session_code"),
        # an improvement item linking a problem the file does not hold
        ("improvement_item", {"problem_codes": "P-2026-0001, P-1999-0001"}, "problem_codes"),
        # a measurement in no month
        ("kpi_measurement", {"period": "十三月"}, "period"),
        # an alert raised by a month the KPI's series has no value for
        ("kpi_alert", {"breaches": "1999-01 red"}, "breaches"),
        # a result measured by a KPI the file does not hold
        ("result_kpi", {"kpi": "没有这个指标"}, "kpi"),
        # a status change by no one
        ("status_change", {"changed_by": ""}, "changed_by"),
    ],
)
def test_a_wrong_row_in_another_kinds_sheet_rejects_the_whole_import(
    workbook: Path,
    tmp_path: Path,
    db_path: Path,
    table_dump: Callable[[], list[Any]],
    table: str,
    changes: dict[str, Any],
    field: str,
) -> None:
    broken = _broken(workbook, tmp_path, table, changes)
    empty = open_services(str(db_path), Settings(user="tester"))
    before = table_dump()
    with pytest.raises(BatchError) as refused:
        import_record(empty, broken)
    wrong = refused.value.rows
    assert [(r.kind, r.row) for r in wrong] == [(table, 2)], wrong
    assert wrong[0].field in (field, *changes), wrong
    assert table_dump() == before  # not the problems, not the lists: nothing
    empty.close()


def test_the_command_names_the_sheet_row_and_field(
    workbook: Path, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = _broken(workbook, tmp_path, "pilot_round", {"ends_on": "2026-01-01"})
    capsys.readouterr()
    code = main(["--lang", "zh_CN", "import", "all", str(broken), "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "试点轮次 row 2: ends_on" in err
    assert "nothing was written" in err
    code = main(["--lang", "zh_CN", "import", "all", str(workbook), "--db", str(db_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "试点轮次: 7 rows" in out and "知识库: 33 rows" in out


def test_a_kpi_the_database_already_holds_is_not_imported_twice(
    workbook: Path, db_path: Path, table_dump: Callable[[], list[Any]]
) -> None:
    target = open_services(str(db_path), Settings(user="tester"))
    accuracy = next(k for k in target.kpis.kpis() if k.preset == "data_accuracy")
    target.kpis.update(accuracy.id, {"target": "98"})  # the plant's own target: its data now
    before = table_dump()
    with pytest.raises(BatchError) as refused:
        import_record(target, workbook)
    wrong = [r for r in refused.value.rows if r.kind == "kpi"]
    assert [(r.field, r.error.code) for r in wrong] == [("kpi", "duplicate")]
    assert table_dump() == before
    assert len(target.kpis.kpis()) == 7  # the six untouched presets would have been taken over
    target.close()
