"""The Dashboard as last read, kept for the next start: it comes back whole for the file
exactly as it was, in the same month and language, and for nothing else (nothing the
Dashboard shows depends on the day within a month); a damaged or foreign memory is
ignored, never run; and recalling it loads no SQLAlchemy (the window draws it before the
database is opened)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.services import Services
from workbench.services.chain import CAUSE
from workbench.services.dashboard import DashboardService
from workbench.services.dashboard_facts import DashboardReading, read_charts, read_tiles
from workbench.services.dashboard_memory import KEPT, DashboardMemory, file_state
from workbench.services.kpi_alerts import AlertService
from workbench.services.kpi_effects import EffectService
from workbench.services.kpi_health import HealthService
from workbench.services.kpi_records import MeasurementInput

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def measured(services: Services) -> Services:
    """A year of data accuracy below its alarm (an alert and its ticket), a problem with
    a cause: every part of the Dashboard has something to show."""
    accuracy = next(k for k in services.kpis.kpis() if k.preset == "data_accuracy")
    services.kpis.write_measurements(
        [MeasurementInput(accuracy.id, f"2026-{m:02d}", "96.5") for m in range(1, 12)]
    )
    problem = services.problems.create(
        {
            "title": "物料编码重复",
            "severity": 4,
            "impact": 3,
            "frequency": "weekly",
            "reported_on": dt.date(2026, 11, 2),
        }
    )
    services.chain.add(CAUSE, problem.id, {"description": "编码规则不统一", "category": "data"})
    return services


def _reading(services: Services, language: str = "zh_CN"):
    state, tiles, alerts = read_tiles(services, language)
    charts_state, charts = read_charts(services, language)
    assert state == charts_state  # nothing was written between the two halves
    return state, DashboardReading(tiles, alerts, charts)


def test_a_reading_comes_back_whole_for_the_file_as_it_was(measured, db_path, tmp_path):
    state, reading = _reading(measured)
    assert reading.tiles and reading.alerts and reading.charts.causes  # a full reading
    memory = DashboardMemory(tmp_path / "cache")
    assert memory.remember(state, "zh_CN", reading)

    # What the window reads through the DB-API before opening is the services' state.
    assert state is not None
    seen = file_state(db_path, measured.dashboard.today())
    assert seen == state
    assert memory.recall(seen, "zh_CN") == reading


def test_a_write_another_day_another_language_or_file_recall_nothing(measured, db_path, tmp_path):
    state, reading = _reading(measured)
    assert state is not None
    memory = DashboardMemory(tmp_path / "cache")
    memory.remember(state, "zh_CN", reading)

    assert memory.recall(state, "en") is None
    assert memory.recall(dataclasses.replace(state, month="2099-01"), "zh_CN") is None
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(db_path, copy)
    assert memory.recall(file_state(copy, measured.dashboard.today()), "zh_CN") is None

    measured.problems.create(
        {
            "title": "新问题",
            "severity": 2,
            "impact": 2,
            "frequency": "daily",
            "reported_on": dt.date(2026, 11, 20),
        }
    )
    after = file_state(db_path, measured.dashboard.today())
    assert after is not None and after.head != state.head
    assert memory.recall(after, "zh_CN") is None


class _On:
    """The Dashboard's services as they read on ``day`` (their clock at 9 in the morning)."""

    def __init__(self, services: Services, day: dt.date) -> None:
        def clock() -> dt.datetime:
            return dt.datetime.combine(day, dt.time(1))  # UTC: 9 o'clock in China

        db, actor = services.database, services.actor
        self.dashboard = DashboardService(db, actor, clock)
        self.health = HealthService(db, actor, clock)
        self.effects = EffectService(db, actor, clock)
        self.alerts = AlertService(db, actor, clock)


def test_nothing_the_dashboard_shows_depends_on_the_day_within_the_month(measured):
    first_state, first = _reading(_On(measured, dt.date(2026, 11, 2)))
    last_state, last = _reading(_On(measured, dt.date(2026, 11, 30)))
    assert first == last and first_state == last_state
    next_state, following = _reading(_On(measured, dt.date(2026, 12, 1)))
    assert next_state is not None and next_state.month == "2026-12" != first_state.month
    assert following.charts.opened != first.charts.opened  # a month later, the months move on


def _memory_file(folder: Path) -> Path:
    (found,) = folder.glob("dashboard-*.json")
    return found


def _rewrite(path: Path, change) -> None:
    """The memory's body changed by ``change`` and its checksum made to match again."""
    _stamp, body = path.read_text(encoding="utf-8").split("\n", 1)
    body = change(body)
    stamp = json.dumps({"sha256": hashlib.sha256(body.encode("utf-8")).hexdigest()})
    path.write_text(stamp + "\n" + body, encoding="utf-8")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:-200]), id="truncated"),
        pytest.param(lambda p: p.write_text("not json at all", encoding="utf-8"), id="garbage"),
        pytest.param(
            lambda p: p.write_text(p.read_text(encoding="utf-8").replace("96.5", "99.5"), "utf-8"),
            id="edited without its checksum",
        ),
        pytest.param(
            lambda p: _rewrite(p, lambda b: b.replace('"$": "Tile"', '"$": "Popen"', 1)),
            id="a foreign type",
        ),
        pytest.param(
            lambda p: _rewrite(p, lambda b: b.replace('"period":', '"perio":', 1)),
            id="a field renamed",
        ),
        pytest.param(
            lambda p: _rewrite(p, lambda b: b.replace('"$t": [', '"$t": {"x": [', 1)),
            id="a shape it never writes",
        ),
    ],
)
def test_a_damaged_or_foreign_memory_is_ignored(measured, tmp_path, damage):
    state, reading = _reading(measured)
    assert state is not None
    folder = tmp_path / "cache"
    memory = DashboardMemory(folder)
    memory.remember(state, "zh_CN", reading)
    damage(_memory_file(folder))
    assert memory.recall(state, "zh_CN") is None


def test_a_folder_that_cannot_be_written_loses_nothing_but_the_memory(measured, tmp_path):
    state, reading = _reading(measured)
    assert state is not None
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    assert not DashboardMemory(blocked).remember(state, "zh_CN", reading)
    assert blocked.read_text(encoding="utf-8") == "a file where the folder should be"
    # Rewritten whole or not at all: no half file is left beside the memory.
    folder = tmp_path / "kept"
    DashboardMemory(folder).remember(state, "zh_CN", reading)
    DashboardMemory(folder).remember(state, "zh_CN", reading)
    assert [p.name.startswith("dashboard-") for p in folder.iterdir()] == [True]


def test_only_the_databases_read_last_are_kept(measured, tmp_path):
    state, reading = _reading(measured)
    assert state is not None
    folder = tmp_path / "cache"
    memory = DashboardMemory(folder)
    states = [dataclasses.replace(state, path=tmp_path / f"plant{n}.sqlite3") for n in range(25)]
    for n, each in enumerate(states):
        assert memory.remember(each, "zh_CN", reading)
        stamp = 1_700_000_000 + n  # one second apart, whatever the file system's clock
        os.utime(_file_of(folder, each), (stamp, stamp))
    assert len(list(folder.glob("dashboard-*.json"))) == KEPT == 20
    assert memory.recall(states[-1], "zh_CN") == reading
    assert memory.recall(states[4], "zh_CN") is None  # the oldest went first


def _file_of(folder: Path, state) -> Path:
    name = hashlib.sha256(str(state.path).encode("utf-8")).hexdigest()[:24]
    return folder / f"dashboard-{name}.json"


def test_recalling_and_drawing_the_memory_loads_no_sqlalchemy(measured, db_path, tmp_path):
    state, reading = _reading(measured)
    assert state is not None
    DashboardMemory(tmp_path / "cache").remember(state, "zh_CN", reading)
    code = (
        "import sys, datetime as dt\n"
        "from pathlib import Path\n"
        "from workbench.services.dashboard_memory import DashboardMemory, file_state\n"
        "import workbench.ui.dashboard_page\n"
        f"day = dt.date.fromisoformat({measured.dashboard.today().isoformat()!r})\n"
        f"state = file_state(Path({str(db_path)!r}), day)\n"
        f"found = DashboardMemory(Path({str(tmp_path / 'cache')!r})).recall(state, 'zh_CN')\n"
        "assert found is not None and len(found.tiles) == 7, found\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy')\n"
        "assert not loaded, loaded\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
