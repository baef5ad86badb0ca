"""The Dashboard made ready for the window's start (first_dashboard.begin): read in a
process of its own and kept, it is the services' reading, and the next start recalls it
without reading again; a file that cannot be read so, or a process that cannot start,
gives None, and the window then opens the database as usual."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.app import open_services
from workbench.services import first_dashboard
from workbench.services.dashboard_facts import DashboardReading
from workbench.services.dashboard_memory import DashboardMemory, file_state
from workbench.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _expected(path: Path, language: str) -> DashboardReading:
    services = open_services(str(path), Settings(user="tester"))
    try:
        return DashboardReading(
            *services.dashboard.read_tiles(language), services.dashboard.read_charts(language)
        )
    finally:
        services.close()


def test_a_first_start_reads_apart_keeps_it_and_the_next_recalls_it(
    demo_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    found = first_dashboard.begin(str(demo_db), "zh_CN", folder).result(timeout=120)
    assert found == _expected(demo_db, "zh_CN")
    kept = list(folder.glob("dashboard-*.json"))
    assert len(kept) == 1
    written = kept[0].stat().st_mtime_ns
    again = first_dashboard.begin(str(demo_db), "zh_CN", folder).result(timeout=120)
    assert again == found
    assert kept[0].stat().st_mtime_ns == written  # recalled, not read and kept again


def test_the_reading_apart_exits_0_when_kept_and_1_when_the_file_cannot_be_read(
    demo_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"

    def run(*argv: str) -> int:
        return subprocess.run(
            [sys.executable, "-m", "workbench.services.first_dashboard", *argv],
            cwd=ROOT,
            capture_output=True,
            timeout=120,
        ).returncode

    assert run("en", str(folder), "--db", str(demo_db)) == 0
    state = file_state(demo_db.resolve(), dt.date.today())
    assert state is not None
    assert DashboardMemory(folder).recall(state, "en") == _expected(demo_db, "en")
    other = tmp_path / "other.sqlite3"
    assert run("en", str(folder), "--db", str(other)) == 1
    assert not other.exists()


def test_a_process_that_cannot_start_gives_none(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(first_dashboard.sys, "executable", str(tmp_path / "no-python"))
    found = first_dashboard.begin(str(demo_db), "zh_CN", tmp_path / "cache")
    assert found.result(timeout=60) is None
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize("target", ["postgresql://plant/erp", "missing.sqlite3"])
def test_a_server_or_a_missing_file_starts_no_process(
    target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a process was started")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(first_dashboard.subprocess, "run", refuse)
    assert first_dashboard.begin(target, "en", tmp_path / "cache").result(timeout=60) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == []
