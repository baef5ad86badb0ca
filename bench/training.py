"""The Training page on the demo file and on a file with 100,000 attendances, same run.

Usage: python -m bench.training [--attendances N] [--repeat N]
Both files are made in a temporary folder: the default demo (``workbench demo``), and the
same demo with 5,000 more sessions of 20 attendees each among 500 more people, written
with plain sqlite3 (only the page's reading is timed, not the writing). A figure is the
page built, shown and painted, sessions list and first session's editor included
(median of ``--repeat``, the two files opened in turn so that other work on the machine
slows both alike); the views are timed as their tab calls them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from bench.timing import median_ms, paired_ms

if TYPE_CHECKING:
    from workbench.services import Services

PER_SESSION = 20
KINDS = ("drill", "class", "manual_update", "video", "online_help")


def make_demo(path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "workbench", "demo", "--db", str(path), "--lang", "zh_CN"],
        check=True,
        capture_output=True,
    )


def add_attendances(path: Path, attendances: int) -> None:
    """``attendances`` more, over ``attendances / 20`` sessions spread over three years."""
    chance = random.Random(7)
    sessions = attendances // PER_SESSION
    now = dt.datetime(2026, 11, 30, 9).isoformat(" ")
    with closing(sqlite3.connect(path)) as connection, connection:
        departments = [r[0] for r in connection.execute("SELECT id FROM department")]
        modules = [r[0] for r in connection.execute("SELECT id FROM erp_module")]
        first = connection.execute("SELECT coalesce(max(id), 0) FROM person").fetchone()[0] + 1
        connection.executemany(
            "INSERT INTO person (id, login, name, department_id) VALUES (?, ?, ?, ?)",
            [
                (first + n, f"bench.{n}", f"员工{n:03d}", departments[n % len(departments)])
                for n in range(500)
            ],
        )
        people = [r[0] for r in connection.execute("SELECT id, department_id FROM person")]
        start = connection.execute("SELECT coalesce(max(id), 0) FROM training_session")
        base = start.fetchone()[0] + 1
        rows, seen = [], []
        for n in range(sessions):
            held = dt.date(2024, 1, 1) + dt.timedelta(days=n * 3 * 365 // sessions)
            rows.append(
                (
                    base + n,
                    f"T-{held.year}-B{n:05d}",
                    KINDS[n % 5],
                    f"培训 {n}",
                    modules[n % len(modules)],
                    held.isoformat(),
                    1.5,
                    1,
                    "",
                    "",
                    now,
                    now,
                )
            )
            for person in chance.sample(people, PER_SESSION):
                seen.append((base + n, person, departments[person % len(departments)], 80.0, 1))
        connection.executemany(
            "INSERT INTO training_session (id, code, kind, topic, erp_module_id, held_on,"
            " duration_hours, duration_decimals, material_link, note, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        connection.executemany(
            "INSERT INTO attendance (session_id, person_id, department_id, score, score_decimals)"
            " VALUES (?, ?, ?, ?, ?)",
            seen,
        )
        connection.execute("ANALYZE")


def _opener(path: Path) -> tuple[Callable[[], None], Services]:
    """Opening the Training page on ``path``: built, shown, painted, closed."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from workbench.app import open_services
    from workbench.settings import Settings
    from workbench.ui.qt_app import ensure_application
    from workbench.ui.training_page import TrainingPage

    ensure_application("zh_CN")
    services = open_services(str(path), Settings(user="bench"))

    def open_page() -> None:
        page = TrainingPage(services)
        page.resize(1366, 700)
        page.show()
        QCoreApplication.processEvents()
        page.grab()  # painted
        page.close()
        page.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    open_page()  # warm: imports, first queries
    return open_page, services


def _views(services: Services, repeat: int) -> dict[str, float]:
    views: dict[str, Callable[[], object]] = {
        "coverage": services.training.coverage,
        "never trained": services.training.never_trained,
        "sessions per month (2026)": lambda: services.training.sessions_per_month(2026),
    }
    return {name: median_ms(action, repeat) for name, action in views.items()}


def report(repeat: int, attendances: int = 100_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        demo, big = Path(folder) / "demo.sqlite3", Path(folder) / "training.sqlite3"
        make_demo(demo)
        big.write_bytes(demo.read_bytes())
        add_attendances(big, attendances)
        with closing(sqlite3.connect(big)) as connection:
            count = connection.execute("SELECT count(*) FROM attendance").fetchone()[0]
        (open_demo, on_demo), (open_big, on_big) = _opener(demo), _opener(big)
        try:
            opened = paired_ms([open_demo, open_big], repeat)  # in turn: noise hits both
            small = {"open the Training page": opened[0], **_views(on_demo, repeat)}
            large = {"open the Training page": opened[1], **_views(on_big, repeat)}
        finally:
            on_demo.close()
            on_big.close()
    print(f"\nTraining page, median of {repeat} (demo file vs {count:,} attendances):")
    print(f"  {'':28} {'demo':>9} {f'{count:,}':>10} {'ratio':>7}")
    for name, ms in small.items():
        print(f"  {name:28} {ms:6.1f} ms {large[name]:7.1f} ms {large[name] / max(ms, 0.01):6.1f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendances", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    report(args.repeat, args.attendances)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
