"""`make bench`: start-up and the Problems list on a 1,000,000-problem database, the
record pages on big files beside the demo (the Training page on 100,000 attendances),
start-up to a drawn Dashboard on 100,000 problems with five years of KPI measurements,
the search box on the million problems with 100,000 knowledge entries, the
quarterly report of 2,000 closed improvement records beside reportlab alone, and
importing as many problems from CSV as the big file holds, beside pandas + executemany.

Usage: python -m bench [--problems N] [--db PATH] [--repeat N]
The database is made once with `workbench demo --problems N` and kept in bench/out/.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from bench import dashboard, importing, listing, pages, report, search, sorting, training
from bench.timing import paired_process_ms

ROOT = Path(__file__).resolve().parent.parent


def ensure_database(path: Path, problems: int) -> None:
    if path.exists():
        with sqlite3.connect(path) as connection:
            if connection.execute("SELECT count(*) FROM problem").fetchone()[0] == problems:
                return
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"making {path} with {problems:,} problems (once; takes minutes)…", flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench",
            "demo",
            "--db",
            str(path),
            "--problems",
            str(problems),
            "--lang",
            "zh_CN",
        ],
        check=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--problems", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "million.sqlite3")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    ensure_database(args.db, args.problems)

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    bare = ["-m", "bench.first_paint", "bare"]
    print(f"\nStart-up, whole process, median of {args.repeat} ({args.problems:,} problems):")
    for mode, what, goal in (
        ("window", "first painted window", "goal <= 2.5x"),
        ("list", "list painted with rows", "goal <= 3x"),
    ):
        floor, ms = paired_process_ms(
            bare, ["-m", "bench.first_paint", mode, str(args.db)], env, args.repeat
        )
        print(
            f"  {what:24} {ms:7.0f} ms   floor (bare PySide6 window) {floor:5.0f} ms   "
            f"ratio {ms / floor:4.2f}x   {goal}"
        )

    print(f"\nProblems list, median of {args.repeat}  (floor: the same rows by raw SQL):")
    print(f"  {'':32} {'workbench':>10} {'floor':>8} {'ratio':>7} {'goal':>8}")
    figures, sorted_by = listing.measure(args.db, args.repeat)
    for figure in figures:
        goal = f"<= {figure.goal_ms:.0f} ms" if figure.goal_ms else ""
        print(
            f"  {figure.name:32} {figure.ms:8.1f} ms {figure.floor_ms:5.1f} ms "
            f"{figure.ms / max(figure.floor_ms, 0.01):6.1f}x {goal:>10}"
        )
    sorting.report(sorted_by)
    pages.report(args.repeat)
    # The Training page on the demo file and on 100,000 attendances, in this same run.
    training.report(args.repeat)
    # Start-up to the Dashboard drawn, beside its floor (one pyqtgraph plot), same run.
    dashboard.report(args.repeat)
    # The one search box on the same million problems beside 100,000 knowledge entries.
    search.report(args.db, args.repeat)
    # The quarterly report of 2,000 closed records beside reportlab alone, in this same run.
    report.report(args.repeat)
    # Importing 1,000,000 problems from CSV beside pandas + executemany, in this same run.
    importing.report(args.problems)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
