"""Opening the record pages on a big database beside the demo, in the same run.

Usage: python -m bench.pages [--repeat N]

The Improvements page is opened (built, its quarter listed and painted) on the demo file
and on a file of 10,000 improvement items: spread over ten years of quarters, as a team
would have them, and, as the worst case, all in one quarter.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench import improvements
from bench.timing import paired_ms
from workbench.app import open_services
from workbench.services.quarters import Quarter
from workbench.settings import Settings


def _quarters(count: int) -> tuple[str, ...]:
    now, found = Quarter.of(dt.date.today()), []
    for _ in range(count):
        found.append(str(now))
        now = now.previous()
    return tuple(found)


def _open_page(path: Path) -> Callable[[], object]:
    from PySide6.QtCore import QCoreApplication

    from workbench.ui.improvements_page import ImprovementsPage
    from workbench.ui.qt_app import ensure_application

    ensure_application("zh_CN")
    services = open_services(str(path), Settings(user="bench"))

    def once() -> None:
        page = ImprovementsPage(services)
        page.resize(1366, 700)
        page.show()
        QCoreApplication.processEvents()
        page.close()
        page.deleteLater()
        QCoreApplication.processEvents()

    return once


def report(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "workbench", "--db", str(demo), "--lang", "zh_CN", "demo"],
            check=True,
            capture_output=True,
        )
        spread = Path(folder) / "spread.sqlite3"
        improvements.build(spread, 10_000, _quarters(40))
        one = Path(folder) / "one.sqlite3"
        improvements.build(one, 10_000, (str(Quarter.of(dt.date.today())),))
        opened = [_open_page(path) for path in (demo, spread, one)]
        for once in opened:
            once()  # warm: imports, first queries
        floor, *figures = paired_ms(opened, repeat)
        print(
            f"\nOpening the Improvements page, median of {repeat}, taken in turn "
            "(floor: the demo file):"
        )
        for what, ms in zip(
            ("10,000 items over 40 quarters", "10,000 items in one quarter"), figures, strict=True
        ):
            goal = "goal <= 1.2x"
            print(
                f"  {what:32} {ms:7.1f} ms  demo {floor:6.1f} ms  ratio {ms / floor:5.1f}x  {goal}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    report(parser.parse_args().repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
