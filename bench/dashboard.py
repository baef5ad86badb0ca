"""Start-up to a drawn Dashboard on 100,000 problems and five years of monthly
measurements of 20 KPIs at 10 sites, beside a floor measured in the same run: a bare
PySide6 window that imports SQLAlchemy and draws one pyqtgraph plot.

Usage: python -m bench.dashboard [--repeat N] [--db PATH]
The file is made once in bench/out/: ``workbench demo --problems 100000`` (its problems,
the articles' seven KPIs and the rest of the demo), then 13 more KPIs and 5 more sites,
and 60 months of values for every KPI at every site (12,000 measurements, a few out of
range), written with plain sqlite3, and ``workbench alerts`` evaluates them through the
services (the tickets are the program's own). Whole process, medians, each run beside a
run of the floor, the ratio the median of each pair's: the Dashboard's tiles painted, and
every chart filled in and painted, for two kinds of start:

- a first start: nothing remembered (the cache folder emptied before each run), as on the
  first start of a day or after any change to the record: the Dashboard is read afresh;
- a start again: the Dashboard as last read is remembered for the file as it is
  (workbench.services.dashboard_memory), and is drawn before the database is opened.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from bench.timing import process_ms

ROOT = Path(__file__).resolve().parent.parent
PROBLEMS = 100_000
KPIS, SITES, MONTHS = 20, 10, 60


def _periods(last: dt.date) -> list[str]:
    index = last.year * 12 + last.month - 1
    return [
        f"{(index - n) // 12:04d}-{(index - n) % 12 + 1:02d}" for n in range(MONTHS - 1, -1, -1)
    ]


def add_measurements(path: Path) -> None:
    chance = random.Random(11)
    now = dt.datetime(2026, 11, 30, 9).isoformat(" ")
    with closing(sqlite3.connect(path)) as connection, connection:
        for table in ("kpi_alert_breach", "kpi_alert", "result_kpi", "kpi_measurement"):
            connection.execute(f"DELETE FROM {table}")
        have = connection.execute("SELECT count(*) FROM site").fetchone()[0]
        for n in range(have, SITES):
            connection.execute(
                "INSERT INTO site (code, name) VALUES (?, ?)", (f"B{n:02d}", f"基准工厂{n:02d}")
            )
        have = connection.execute("SELECT count(*) FROM kpi").fetchone()[0]
        for n in range(have, KPIS):
            connection.execute(
                "INSERT INTO kpi (preset, name, unit, direction, target, target_decimals,"
                " warning, warning_decimals, alarm, alarm_decimals, period, note, created_at,"
                " updated_at) VALUES (NULL, ?, '%', 'higher', 95, 0, 95, 0, 90, 0, 'monthly',"
                " '', ?, ?)",
                (f"基准指标{n:02d}", now, now),
            )
        kpis = connection.execute("SELECT id, target, alarm, direction FROM kpi").fetchall()
        sites = [r[0] for r in connection.execute("SELECT id FROM site")]
        rows = []
        for kpi_id, target, alarm, direction in kpis:
            spread = abs(target - (alarm if alarm is not None else target)) or 1.0
            better = 1 if direction == "higher" else -1
            for site in sites:
                for period in _periods(dt.date.today().replace(day=1) - dt.timedelta(days=1)):
                    value = target + better * spread * chance.uniform(-0.3, 0.6)
                    if chance.random() < 0.01:  # now and then beyond the alarm
                        value = target - better * spread * 1.5
                    rows.append((kpi_id, period, site, round(value, 2), 2))
        connection.executemany(
            "INSERT INTO kpi_measurement (kpi_id, period, site_id, value, value_decimals)"
            " VALUES (?, ?, ?, ?, ?)",
            rows,
        )


def ensure_database(path: Path) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    base = path.with_name("dashboard-base.sqlite3")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not base.exists():
        print(f"making {base} with {PROBLEMS:,} problems (once; takes a minute)…", flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "workbench",
                "demo",
                "--db",
                str(base),
                "--problems",
                str(PROBLEMS),
                "--lang",
                "zh_CN",
            ],
            check=True,
            env=env,
        )
    partial = path.with_name(path.name + ".part")
    shutil.copyfile(base, partial)
    add_measurements(partial)
    subprocess.run(
        [sys.executable, "-m", "workbench", "alerts", "--db", str(partial), "--lang", "zh_CN"],
        check=True,
        env=env,
        capture_output=True,
    )
    os.replace(partial, path)


def _starts(
    mode: str, path: Path, env: dict[str, str], repeat: int, forget: Path | None
) -> tuple[float, float, float]:
    """Medians of the floor and of the program started on ``mode``, in turn, and of their
    ratios pair by pair (which holds when the shared machine's speed drifts between
    pairs); ``forget``: the cache folder emptied before each start of the program."""
    floor: list[float] = []
    found: list[float] = []
    for _ in range(repeat):
        floor.append(process_ms(["-m", "bench.first_paint", "plot"], env))
        if forget is not None:
            shutil.rmtree(forget, ignore_errors=True)
        found.append(process_ms(["-m", "bench.first_paint", mode, str(path)], env))
    ratios = [f / b for f, b in zip(found, floor, strict=True)]
    return statistics.median(floor), statistics.median(found), statistics.median(ratios)


def report(repeat: int, db: Path | None = None) -> None:
    path = db or ROOT / "bench" / "out" / "dashboard.sqlite3"
    ensure_database(path)
    print(
        f"\nDashboard start-up, whole process, median of {repeat} ({PROBLEMS:,} problems, "
        f"{KPIS} KPIs x {SITES} sites x {MONTHS} months), beside the floor (PySide6 + "
        "SQLAlchemy + one pyqtgraph plot):"
    )
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
            "WORKBENCH_CONFIG_DIR": home,
        }
        cache = Path(home) / "cache"
        for start, forget in (("first start", cache), ("start again", None)):
            if forget is None:  # what the first start left is what the next one draws
                process_ms(["-m", "bench.first_paint", "dashboard", str(path)], env)
            for mode, what, goal in (
                ("tiles", "tiles painted", ""),
                ("dashboard", "every chart drawn", "goal <= 1.3x"),
            ):
                floor, ms, ratio = _starts(mode, path, env, repeat, forget)
                print(
                    f"  {start}, {what:18} {ms:6.0f} ms   floor {floor:5.0f} ms   "
                    f"ratio {ratio:4.2f}x   {goal}"
                )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dashboard", description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    report(args.repeat, args.db)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
