"""The commands' exit codes: 0 done, 2 rejected (rows on stderr), 1 error."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from plant_sheets import ROWS, plant_workbook

from workbench.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT COUNT(*) FROM problem").fetchone()[0]


def test_import_dry_run_then_for_real(capsys, db_path: Path, tmp_path: Path) -> None:
    sheet = plant_workbook(tmp_path / "p.xlsx")
    code, out, _ = run(capsys, "import", "problem", sheet, "--db", db_path, "--dry-run")
    assert code == 0 and "4 to create" in out and "nothing was written" in out
    assert _count(db_path) == 0
    code, out, _ = run(capsys, "import", "problem", sheet, "--db", db_path)
    assert code == 0 and "4 created" in out
    assert _count(db_path) == 4


def test_rejected_rows_exit_2_on_stderr(capsys, db_path: Path, tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][6] = "2026-02-30"
    sheet = plant_workbook(tmp_path / "p.xlsx", rows)
    code, _, err = run(capsys, "--lang", "en", "import", "problem", sheet, "--db", db_path)
    assert code == 2
    assert "row 6, column G (提出日期): 2026-02-30 is not a date" in err
    assert _count(db_path) == 0


def test_a_bad_file_exits_1_with_one_line(capsys, db_path: Path, tmp_path: Path) -> None:
    picture = tmp_path / "x.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    code, _, err = run(capsys, "--lang", "en", "import", "problem", picture, "--db", db_path)
    assert code == 1 and "PNG image" in err and len(err.strip().splitlines()) == 1


def test_header_row_and_mapping_options(capsys, db_path: Path, tmp_path: Path) -> None:
    sheet = plant_workbook(tmp_path / "p.xlsx")
    mapping = tmp_path / "m.json"
    mapping.write_text('{"问题描述": "title", "严重程度": ""}', encoding="utf-8")
    code, out, _ = run(
        capsys,
        "import",
        "problem",
        sheet,
        "--db",
        db_path,
        "--header-row",
        "4",
        "--mapping",
        mapping,
    )
    assert code == 0, out
    assert "问题描述→title" in out and "严重程度" not in out
    mapping.write_text('{"问题描述": "no_such_field"}', encoding="utf-8")
    code, _, err = run(capsys, "import", "problem", sheet, "--db", db_path, "--mapping", mapping)
    assert code == 1 and "no_such_field" in err


def test_export_backup_restore(capsys, db_path: Path, tmp_path: Path) -> None:
    run(capsys, "import", "problem", plant_workbook(tmp_path / "p.xlsx"), "--db", db_path)
    code, out, _ = run(
        capsys,
        "export",
        "problem",
        "--db",
        db_path,
        "--out",
        tmp_path / "p.csv",
        "--filter",
        "status=closed",
    )
    assert code == 0 and "2 problem" in out
    code, out, _ = run(capsys, "export", "all", "--db", db_path, "--out", tmp_path / "all.xlsx")
    assert code == 0 and "4 problem" in out
    code, _, err = run(capsys, "export", "all", "--db", db_path, "--out", tmp_path / "all.csv")
    assert code == 1 and ".xlsx" in err
    code, out, _ = run(capsys, "backup", "--db", db_path, "--out", tmp_path / "b.sqlite3")
    assert code == 0 and "audit chain up to entry" in out
    fresh = tmp_path / "fresh.sqlite3"
    code, out, _ = run(capsys, "import", "all", tmp_path / "all.xlsx", "--db", fresh)
    assert code == 0 and _count(fresh) == 4
    code, _, err = run(capsys, "restore", tmp_path / "all.xlsx", "--db", db_path)
    assert code == 1 and "not a Governance Workbench database" in err
    code, out, _ = run(capsys, "restore", tmp_path / "b.sqlite3", "--db", db_path)
    assert code == 0 and "kept as" in out
    assert main(["check", "--db", str(db_path)]) == 0
