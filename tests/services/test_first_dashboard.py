"""The Dashboard read at start-up straight from a SQLite file (read_first_dashboard): on
the full demo it is the services' reading, whole and in each language, and it has
something in every part a user looks at; after a write it reads the file as it is now;
a URL, a missing file, a foreign SQLite file and a file still to migrate give None and
leave the file system as it was; and reading it loads no SQLAlchemy."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from workbench.app import open_services
from workbench.services import Services
from workbench.services.chain import CAUSE
from workbench.services.dashboard_facts import MONTHS, DashboardReading, FileState
from workbench.services.first_dashboard import read_first_dashboard
from workbench.settings import Settings
from workbench.store.migrate import known_revisions

ROOT = Path(__file__).resolve().parents[2]
Reading = tuple[FileState | None, DashboardReading]


def _services_reading(services: Services, language: str) -> Reading:
    dashboard = services.dashboard
    tiles, alerts = dashboard.read_tiles(language)
    return dashboard.file_state(), DashboardReading(tiles, alerts, dashboard.read_charts(language))


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_first_reading_of_the_demo_is_the_services_reading(
    demo_db: Path, language: str
) -> None:
    services = open_services(str(demo_db), Settings(user="tester"))
    try:
        expected = _services_reading(services, language)
        found = read_first_dashboard(str(demo_db), language, services.dashboard.today())
    finally:
        services.close()
    assert expected[0] is not None
    assert found == expected


def test_the_demo_has_something_in_every_part_of_the_dashboard(demo_db: Path) -> None:
    found = read_first_dashboard(str(demo_db), "zh_CN", dt.date.today())
    assert found is not None
    state, reading = found
    assert state.path == demo_db.resolve() and state.head[0] > 0
    # The seven KPIs, each measured up to last month.
    assert len(reading.tiles) == 7
    assert all(t.value is not None and len(t.values) == 12 for t in reading.tiles)
    # Open alerts (and one proposed for closing), each with its ticket.
    assert len(reading.alerts) >= 2
    assert {a.status for a in reading.alerts} <= {"open", "close_proposed"}
    assert "open" in {a.status for a in reading.alerts}
    assert all(a.problem_code and a.latest_value is not None for a in reading.alerts)
    charts = reading.charts
    health = charts.health
    assert len(health.periods) == len(health.overall) == MONTHS == 12
    assert all(row.inputs.series > 0 for row in health.overall)
    assert health.sites and health.modules
    assert set(charts.causes) == {"data", "organisation", "people", "process", "system"}
    assert all(n > 0 for n in charts.causes.values())
    assert sum(charts.opened.opened) > 0 and sum(charts.opened.closed) > 0
    assert charts.ranking and all(r.measured > 0 for r in charts.ranking)
    # Typed effects and ones measured by a KPI series, a relapse among them.
    assert any(e.kpi is None for e in charts.effects)
    assert any(e.kpi is not None for e in charts.effects)
    assert any(e.effect.relapse for e in charts.effects)


def test_after_a_write_the_first_reading_is_the_file_as_it_is(demo_db: Path) -> None:
    services = open_services(str(demo_db), Settings(user="tester"))
    try:
        today = services.dashboard.today()
        before = read_first_dashboard(str(demo_db), "zh_CN", today)
        assert before is not None and before == _services_reading(services, "zh_CN")
        problem = services.problems.create(
            {
                "title": "物料主数据重复",
                "severity": 3,
                "impact": 3,
                "frequency": "weekly",
                "reported_on": today,
            }
        )
        services.chain.add(CAUSE, problem.id, {"description": "编码规则不统一", "category": "data"})
        after = read_first_dashboard(str(demo_db), "zh_CN", today)
        assert after is not None and after == _services_reading(services, "zh_CN")
    finally:
        services.close()
    assert after != before and after[0].head != before[0].head
    charts, charts_before = after[1].charts, before[1].charts
    assert charts.causes["data"] == charts_before.causes["data"] + 1
    assert charts.opened.opened[-1] == charts_before.opened.opened[-1] + 1


def test_a_missing_file_gives_none_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite3"
    before = _files(tmp_path)
    assert read_first_dashboard(str(missing), "zh_CN", dt.date.today()) is None
    assert not missing.exists() and _files(tmp_path) == before


@pytest.mark.parametrize(
    "url", ["postgresql://tester@localhost/workbench", "postgresql+psycopg://u@/db?host=/tmp"]
)
def test_a_postgresql_url_gives_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert read_first_dashboard(url, "zh_CN", dt.date.today()) is None
    assert _files(tmp_path) == {}


def test_a_sqlite_file_of_another_program_gives_none_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO things (name) VALUES ('a thing')")
    before = _files(tmp_path)
    assert read_first_dashboard(str(path), "zh_CN", dt.date.today()) is None
    assert _files(tmp_path) == before


def test_a_file_still_to_migrate_gives_none_and_is_left_alone(demo_db: Path) -> None:
    older = known_revisions()[-2]
    with closing(sqlite3.connect(demo_db)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (older,))
    before = _files(demo_db.parent)
    assert read_first_dashboard(str(demo_db), "zh_CN", dt.date.today()) is None
    after = _files(demo_db.parent)
    # SQLite's own doing: a read-only reader of a WAL file that no one else has open makes
    # the shared-memory index (-shm) and an empty log (-wal) and cannot remove them when
    # it closes. The database itself is untouched, and the next read-write close removes
    # them.
    assert after.pop("demo.sqlite3-wal", b"") == b""
    after.pop("demo.sqlite3-shm", None)
    assert after == before
    with closing(sqlite3.connect(demo_db)) as connection:
        connection.execute("SELECT count(*) FROM problem").fetchone()
    assert _files(demo_db.parent) == before


def test_the_first_reading_loads_no_sqlalchemy(demo_db: Path) -> None:
    code = (
        "import sys, datetime as dt\n"
        "from workbench.services.first_dashboard import read_first_dashboard\n"
        f"found = read_first_dashboard({str(demo_db)!r}, 'zh_CN', dt.date.today())\n"
        "print(found is not None and len(found[1].tiles), 'sqlalchemy' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["7", "False"]
