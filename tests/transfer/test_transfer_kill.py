"""kill -9 at any moment of an import or a restore: the database as before, or with all of it."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from workbench.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
ROWS = 4_000


def _count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return connection.execute("SELECT COUNT(*) FROM problem").fetchone()[0]


def _schema(path: Path) -> list[tuple[str, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()


def _csv(path: Path) -> Path:
    lines = ["问题编号,问题描述,模块,提出日期,状态"]
    lines += [f"K-{n:05d},问题 {n},库存,2026/7/1,待处理" for n in range(ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _killed(argv: list[str], after: float, env: dict[str, str]) -> int | None:
    """Run the command, kill -9 it after ``after`` seconds; its exit code if it ended first."""
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", *argv],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        return process.wait(timeout=after)
    except subprocess.TimeoutExpired:
        pass
    code = process.poll()
    if code is None:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    return code


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "WORKBENCH_CONFIG_DIR": str(tmp_path / "cfg")}


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_an_import_killed_anywhere_is_all_or_nothing(db_path: Path, tmp_path: Path) -> None:
    sheet = _csv(tmp_path / "k.csv")
    env = _env(tmp_path)
    chance = random.Random(int(time.time()))
    # How long a whole import takes here and now (on a copy), so the kills fall inside it.
    timing = tmp_path / "timing.sqlite3"
    shutil.copyfile(db_path, timing)
    started = time.monotonic()
    assert _killed(["import", "problem", str(sheet), "--db", str(timing)], 600, env) == 0
    whole = time.monotonic() - started
    killed = 0
    schema = _schema(db_path)
    before = tmp_path / "before.sqlite3"
    shutil.copyfile(db_path, before)
    for _ in range(8):
        argv = ["import", "problem", str(sheet), "--db", str(db_path)]
        started = time.monotonic()
        code = _killed(argv, chance.uniform(0.1, 0.9) * whole, env)
        took = time.monotonic() - started
        count = _count(db_path)
        assert count in (0, ROWS), count
        assert _schema(db_path) == schema  # the indexes and triggers set aside came back
        if code is None:
            killed += 1
        else:  # it ran faster than the timing run (a warm disk cache): aim the next kill earlier
            whole = min(whole, took)
        if count == ROWS:  # start again from before the import
            for sidecar in ("-wal", "-shm", "-journal"):
                Path(f"{db_path}{sidecar}").unlink(missing_ok=True)
            shutil.copyfile(before, db_path)
        if killed >= 3:
            break
    assert killed  # at least one import was cut off part-way
    assert main(["check", "--full", "--db", str(db_path)]) == 0


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_a_restore_killed_anywhere_leaves_one_database_or_the_other(
    db_path: Path, tmp_path: Path
) -> None:
    env = _env(tmp_path)
    assert main(["import", "problem", str(_csv(tmp_path / "k.csv")), "--db", str(db_path)]) == 0
    backup = tmp_path / "b.sqlite3"
    assert main(["backup", "--db", str(db_path), "--out", str(backup)]) == 0
    with closing(sqlite3.connect(db_path)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("DELETE FROM problem WHERE code > 'K-01000'")  # the database moves on
        connection.commit()
    now = _count(db_path)
    chance = random.Random(int(time.time()))
    for _ in range(5):
        _killed(["restore", str(backup), "--db", str(db_path)], chance.uniform(0.2, 1.5), env)
        assert _count(db_path) in (now, ROWS)
