"""The quarterly report's KPI parts on the demo, read back with pdftotext / pdfimages: the
KPI table (names and statuses, both languages), the trend charts (vector), the open
alerts with their owners, and a quarter without measurements leaving them out."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from workbench import vocabulary
from workbench.analysis.kpi_rules import next_period, period_of, status
from workbench.app import open_services
from workbench.services.kpi_records import kpi_title
from workbench.services.quarters import Quarter
from workbench.settings import Settings

pytestmark = pytest.mark.timeout(180)


def text_of(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def measured_quarter() -> Quarter:
    """The quarter of last month: the demo measures its KPIs up to last month."""
    return Quarter.of(dt.date.today().replace(day=1) - dt.timedelta(days=1))


def report(run, db: Path, quarter: Quarter, language: str, out: Path) -> str:
    result = run(
        "report", "quarterly", "--quarter", str(quarter), "--db", db, "--lang", language,
        "--out", out,
    )  # fmt: skip
    assert result.code == 0, result.err
    return text_of(out)


def expected_statuses(db: Path, quarter: Quarter) -> dict[tuple[str | None, str], str]:
    """Each KPI's status from the raw file: the mean of the quarter's months' values."""
    first = period_of(quarter.first_day)
    months = [next_period(first, n) for n in range(3)]
    with closing(sqlite3.connect(db)) as connection:
        kpis = connection.execute(
            "SELECT id, preset, name, direction, target, warning, alarm FROM kpi"
        ).fetchall()
        found = {}
        for kpi_id, preset, name, direction, target, warning, alarm in kpis:
            values = [
                float(v)
                for (v,) in connection.execute(
                    "SELECT value FROM kpi_measurement WHERE kpi_id = ? AND period IN (?, ?, ?)",
                    (kpi_id, *months),
                )
            ]
            mean = sum(values) / len(values) if values else None
            lines = [None if x is None else float(x) for x in (warning, alarm)]
            found[(preset, name)] = status(mean, direction, float(target), *lines)
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_summary_has_each_kpi_with_its_status(run, demo_db, tmp_path, language):
    quarter = measured_quarter()
    text = report(run, demo_db, quarter, language, tmp_path / "q.pdf")
    table_heading = vocabulary.label("report_text", "kpi_table", language)
    start = text.index(table_heading, text.index(table_heading) + 1)  # not the contents'
    end = text.index(vocabulary.label("report_text", "biggest", language), start)
    table = text[start:end].splitlines()
    statuses = expected_statuses(demo_db, quarter)
    assert len(statuses) == 7
    for (preset, name), key in statuses.items():
        title = kpi_title(preset, name, language)
        row = next(line for line in table if line.strip().startswith(title))
        assert vocabulary.label("kpi_status", key, language) in row, row
        if preset == "data_accuracy":  # a change of a percentage is in points, not in %
            points = vocabulary.label("report_text", "points", language)
            assert re.search(rf"[+−±]\d+\.\d+ {points}\s*$", row), row
    opened = vocabulary.label("report_text", "alerts_opened", language)
    assert any(line.strip().startswith(opened) for line in text.splitlines())
    assert vocabulary.label("report_text", "health", language) in text


def test_kpi_trend_charts_are_vector_drawings_of_every_kpi(run, demo_db, tmp_path):
    out = tmp_path / "q.pdf"
    text = report(run, demo_db, measured_quarter(), "zh_CN", out)
    start = re.search(r"^\s*2 KPI趋势\s*$", text, re.MULTILINE)
    end = re.search(r"^\s*3 \S+\s*$", text[start.end() :] if start else "", re.MULTILINE)
    assert start is not None and end is not None  # a section of its own, after the summary
    charts = text[start.end() : start.end() + end.start()]
    for preset in ("data_accuracy", "inventory_variance", "satisfaction"):
        assert vocabulary.label("kpi_preset", preset, "zh_CN") in charts
    assert "目标 99.5" in charts  # a target line's label (system availability), drawn as text
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True)
    assert len(images.stdout.splitlines()) == 2  # the header lines only: no bitmap


def test_open_alerts_are_listed_with_their_owners(run, demo_db, tmp_path):
    text = report(run, demo_db, measured_quarter(), "en", tmp_path / "q.pdf")
    with closing(sqlite3.connect(demo_db)) as connection:
        tickets = [
            code
            for (code,) in connection.execute(
                "SELECT problem.code FROM kpi_alert JOIN problem ON problem.id = "
                "kpi_alert.problem_id WHERE kpi_alert.status != 'closed'"
            )
        ]
    assert tickets
    part = text[text.rindex("Open KPI alerts") : text.rindex("Overdue actions")]
    for code in tickets:
        assert code in part


def test_a_quarter_without_measurements_leaves_the_kpi_parts_out(run, demo_db, tmp_path):
    quarter = Quarter(2026, 1)
    before = report(run, demo_db, quarter, "en", tmp_path / "before.pdf")
    assert "KPI trends" in before and "KPIs: target and actual" in before
    services = open_services(str(demo_db), Settings(user="tester"))
    months = {f"2026-0{m}" for m in (1, 2, 3)}
    for kpi in services.kpis.kpis():
        for row in services.kpis.measurements(kpi.id):
            if row.period in months:
                services.kpis.delete_measurement(row.id)
    services.database.dispose()
    text = report(run, demo_db, quarter, "en", tmp_path / "after.pdf")
    assert "Summary" in text and "Problems opened" in text
    for words in ("KPI trends", "KPIs: target and actual", "KPI alerts opened", "health score"):
        assert words not in text, words


def test_a_site_report_shows_the_sites_actual_values(run, demo_db, tmp_path):
    quarter = measured_quarter()
    first = period_of(quarter.first_day)
    months = tuple(next_period(first, n) for n in range(3))
    with closing(sqlite3.connect(demo_db)) as connection:
        code, site_id = connection.execute(
            "SELECT code, id FROM site WHERE id IN (SELECT site_id FROM kpi_measurement) "
            "ORDER BY id LIMIT 1"
        ).fetchone()
        values = [
            v
            for (v,) in connection.execute(
                "SELECT m.value FROM kpi_measurement AS m JOIN kpi ON kpi.id = m.kpi_id "
                "WHERE preset = 'data_accuracy' AND m.site_id = ? AND m.period IN (?, ?, ?)",
                (site_id, *months),
            )
        ]
    assert values
    out = tmp_path / "site.pdf"
    result = run(
        "report", "quarterly", "--quarter", str(quarter), "--site", code, "--db", demo_db,
        "--lang", "zh_CN", "--out", out,
    )  # fmt: skip
    assert result.code == 0, result.err
    row = next(line for line in text_of(out).splitlines() if line.strip().startswith("数据准确率"))
    assert f"{sum(values) / len(values):.1f}%" in row, row
