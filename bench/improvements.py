"""A quarter's improvement list of 10,000 items: how long ``list_for`` takes to rank it.

Usage: python -m bench.improvements [--items N] [--repeat N]
The items are written in one audited unit of work (as a carry-over of a big quarter
would be) on a fresh file in a temporary folder, each linking one or two of 500 problems.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

from bench.timing import median_ms
from workbench.app import open_services
from workbench.settings import Settings
from workbench.store.models import ImprovementItem, ImprovementLink, Problem

QUARTER = "2026Q3"
FREQUENCIES = ("several_daily", "daily", "weekly", "monthly", "rarely")


def build(path: Path, items: int, quarters: tuple[str, ...] = (QUARTER,)) -> None:
    """``items`` items spread evenly over ``quarters``, each linking one or two of 500
    problems."""
    services = open_services(str(path), Settings(user="bench"))
    now = dt.datetime(2026, 7, 1)
    with services.database.write("bench") as session:
        problems = [
            Problem(
                code=f"P-2026-{n:04d}",
                title=f"problem {n}",
                frequency=FREQUENCIES[n % 5],
                impact=n % 5 + 1,
                reported_on=now.date(),
                created_at=now,
                updated_at=now,
            )
            for n in range(1, 501)
        ]
        session.add_all(problems)
        session.flush()
        for n in range(1, items + 1):
            quarter = quarters[n % len(quarters)]
            item = ImprovementItem(
                code=f"I-{quarter}-{n:05d}",
                quarter=quarter,
                title=f"item {n}",
                created_at=now,
                updated_at=now,
            )
            item.links = [ImprovementLink(problem_id=problems[n % 500].id)]
            if n % 3 == 0:
                item.links.append(ImprovementLink(problem_id=problems[(n + 250) % 500].id))
            session.add(item)
    services.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "improvements.sqlite3"
        build(path, args.items)
        services = open_services(str(path), Settings(user="bench"))
        try:
            ms = median_ms(lambda: services.improvements.list_for(QUARTER), args.repeat)
            rows = services.improvements.list_for(QUARTER).rows
        finally:
            services.close()
    print(f"list_for({QUARTER}) of {len(rows):,} items: {ms:.0f} ms (median of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
