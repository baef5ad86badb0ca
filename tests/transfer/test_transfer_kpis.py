"""``workbench import kpi``: KPI measurements from an ERP's CSV or xlsx export, written
all or nothing, every bad cell named by row and column, alerts evaluated after it."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from workbench.cli.main import main
from workbench.services import Services


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rows_of(path: Path, query: str) -> list[Any]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(query).fetchall()


MEASURED = (
    "SELECT kpi.preset, m.period, site.name, department.name, m.value, m.value_decimals "
    "FROM kpi_measurement AS m JOIN kpi ON kpi.id = m.kpi_id "
    "LEFT JOIN site ON site.id = m.site_id "
    "LEFT JOIN department ON department.id = m.department_id "
    "ORDER BY kpi.preset, m.period"
)


@pytest.fixture
def plant(services: Services) -> Services:
    """The article's KPIs, one site and one department."""
    services.kpis.add_presets()
    services.lookups.add_site("WX", "无锡工厂")
    services.lookups.add_department("仓储部")
    return services


def test_a_gbk_csv_is_imported_with_its_kpis_named_in_either_language(
    capsys, plant: Services, db_path: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "erp.csv"
    sheet.write_bytes(
        "指标名称,月份,工厂,部门,实际值\n"
        "数据准确率,2026年7月,无锡工厂,,99.20\n"
        "Inventory variance rate,2026/7,,仓储部,0.4\n"
        "订单处理时长,2026-07,,,1.5\n".encode("gbk")
    )
    code, out, err = run(capsys, "import", "kpi", sheet, "--db", db_path, "--encoding", "gbk")
    assert code == 0, err
    assert "3 created" in out
    assert rows_of(db_path, MEASURED) == [
        ("data_accuracy", "2026-07", "无锡工厂", None, 99.2, 2),  # its decimals kept
        ("inventory_variance", "2026-07", None, "仓储部", 0.4, 1),
        ("order_time", "2026-07", None, None, 1.5, 1),  # the whole plant
    ]


def test_an_xlsx_with_a_title_row_and_excel_dates(
    capsys, plant: Services, db_path: Path, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["2026年KPI月报（ERP导出）"])
    sheet.append(["KPI", "期间", "工厂", "数值"])
    sheet.append(["System availability", dt.datetime(2026, 8, 1), "无锡工厂", 99.7])
    sheet.append(["系统可用率", dt.datetime(2026, 9, 1), "无锡工厂", 99.8])
    sheet.append(["合计", None, None, None])  # a totals row, skipped
    path = tmp_path / "erp.xlsx"
    book.save(path)
    code, out, err = run(capsys, "import", "kpi", path, "--db", db_path)
    assert code == 0, err
    assert "header row 2" in out and "2 created" in out
    assert [r[:3] + r[4:5] for r in rows_of(db_path, MEASURED)] == [
        ("availability", "2026-08", "无锡工厂", 99.7),
        ("availability", "2026-09", "无锡工厂", 99.8),
    ]


def test_a_bad_row_is_named_by_row_and_column_and_nothing_is_written(
    capsys, plant: Services, db_path: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "erp.csv"
    sheet.write_text(
        "KPI,Period,Site,Value\n"
        "数据准确率,2026-07,无锡工厂,99.1\n"
        "数据准确率,2026-13,无锡工厂,99.0\n"
        "No such KPI,2026-07,火星工厂,abc\n",
        encoding="utf-8",
    )
    audit_before = rows_of(db_path, "SELECT COUNT(*) FROM audit_entry")
    code, out, err = run(capsys, "--lang", "en", "import", "kpi", sheet, "--db", db_path)
    assert code == 2
    assert "new list entries" not in out  # an unknown site is refused, not offered
    assert "row 3, column B (Period): Period is not a month" in err
    assert "row 4, column A (KPI): KPI refers to an entry that does not exist" in err
    assert "row 4, column C (Site)" in err and "row 4, column D (Value)" in err
    assert "nothing was written" in err
    assert rows_of(db_path, MEASURED) == []  # not even the good row 2
    assert rows_of(db_path, "SELECT COUNT(*) FROM audit_entry") == audit_before
    assert rows_of(db_path, "SELECT COUNT(*) FROM site") == [(1,)]  # no site made up


def test_a_breach_opens_a_ticket_after_the_import(
    capsys, plant: Services, db_path: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "erp.csv"
    sheet.write_text("KPI,Period,Value\n数据准确率,2026-07,99.5\n数据准确率,2026-08,96.0\n")
    code, out, err = run(capsys, "import", "kpi", sheet, "--db", db_path, "--dry-run")
    assert code == 0 and "2 to create" in out and "nothing was written" in out
    assert rows_of(db_path, "SELECT COUNT(*) FROM kpi_alert") == [(0,)]
    code, _, err = run(capsys, "import", "kpi", sheet, "--db", db_path)
    assert code == 0, err
    alerts = rows_of(
        db_path,
        "SELECT kpi_alert.status, opened_period, problem.code FROM kpi_alert "
        "JOIN problem ON problem.id = kpi_alert.problem_id",
    )
    assert len(alerts) == 1
    status, opened, ticket = alerts[0]
    assert (status, opened) == ("open", "2026-08") and ticket.startswith("P-")


def test_a_mapping_given_once_is_remembered_for_the_layout(
    capsys, plant: Services, db_path: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "odd.csv"
    sheet.write_text("项目,时间,结果\n数据准确率,2026-07,99.3\n", encoding="utf-8")
    mapping = tmp_path / "m.json"
    mapping.write_text(
        json.dumps(
            {
                "项目": "kpi_measurement.kpi_id",
                "时间": "kpi_measurement.period",
                "结果": "kpi_measurement.value",
            }
        ),
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, "import", "kpi", sheet, "--db", db_path, "--mapping", mapping, "--header-row", 1
    )
    assert code == 0, err
    again = tmp_path / "odd2.csv"
    again.write_text("项目,时间,结果\n数据准确率,2026-08,99.4\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "kpi", again, "--db", db_path, "--header-row", 1)
    assert code == 0, err
    assert "项目→kpi_measurement.kpi_id" in out  # recalled, not proposed
    assert [r[1] for r in rows_of(db_path, MEASURED)] == ["2026-07", "2026-08"]
