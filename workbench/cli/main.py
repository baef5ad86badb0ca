"""The ``workbench`` command: opens the window, or does headless work with a subcommand.

Exit codes: 0 done, 1 failed (one line on stderr saying why), 2 wrong usage. Heavy
modules (SQLAlchemy, Qt) are imported only by the commands that need them, so
``workbench --version`` answers at once.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import __version__
from workbench.cli.report import add_report_command
from workbench.cli.search_command import add_search
from workbench.vocabulary import LANGUAGES, resolve_language

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.integrity import CheckReport
    from workbench.services.progress import Progress

DEFAULT_PROBLEMS = 48
PAGES_HELP = (
    "problems, training, problem:P-2026-0001, improvements:2026Q3, pilot:PL-2026-01, … "
    "(every page the window lists)"
)


class CommandError(Exception):
    """A failure the user can act on; main prints it as one line and exits 1."""


def _language(args: argparse.Namespace) -> str:
    return resolve_language(args.lang)


def _open(args: argparse.Namespace, must_exist: bool = False) -> Services:
    """The services on ``--db``; ``must_exist`` refuses to create a file or a schema."""
    from workbench.app import open_services
    from workbench.store.database import resolve_target, sqlite_file

    if must_exist:
        path = sqlite_file(resolve_target(args.db))
        if path is not None and not path.exists():
            raise CommandError(f"no database at {path}")
        if path is not None and path.stat().st_size == 0:  # opening it would write to it
            raise CommandError(f"{path} is not a Governance Workbench database (it is empty)")
    try:
        return open_services(args.db, create=not must_exist)
    except ModuleNotFoundError as exc:  # e.g. psycopg for a postgresql:// URL
        raise CommandError(
            f"the database driver {exc.name!r} is not installed (pip install it)"
        ) from exc


# ---- commands -----------------------------------------------------------------------


def _window(args: argparse.Namespace) -> int:
    # The window opens the database itself, behind the first paint. The Dashboard it
    # shows first is read from the file meanwhile, begun before Qt is imported.
    from workbench.services.first_dashboard import begin
    from workbench.settings import cache_dir

    language = _language(args)
    early = begin(args.db, language, cache_dir())
    with _qt():
        from workbench.ui.qt_app import run_window
    return int(run_window(args.db, language, early=early) or 0)


@contextmanager
def _qt() -> Iterator[None]:
    """Around the (lazy) import of workbench.ui: Qt costs time and its libraries may be missing."""
    try:
        yield
    except ImportError as exc:
        raise CommandError(f"cannot start Qt ({exc}); see the README for what to install") from exc


def _demo(args: argparse.Namespace) -> int:
    from workbench.cli import demo
    from workbench.store.database import sqlite_file

    services = _open(args)
    lang = _language(args)
    started = time.perf_counter()
    try:
        where = _where(services)
        if demo.has_record(services):
            if args.if_empty:
                print("demo: the database already has data; left as it is")
                return 0
            if not args.force:
                raise CommandError(
                    "the database already has data; use --force to replace it with the demo"
                )
        path = sqlite_file(services.database.url)
        if path is None:
            demo.write_demo(services, lang, args.problems, args.force, _progress)
        else:
            services.database.dispose()
            demo.replace_file_with_demo(path, lang, args.problems, _progress)
    except demo.FileInUseError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        services.database.dispose()
    seconds = time.perf_counter() - started
    print(f"demo: {args.problems:,} problems ({lang}) written to {where} in {seconds:.1f} s")
    return 0


def _where(services: Services) -> str:
    """The file, or the URL without its password."""
    from workbench.store.database import sqlite_file

    url = services.database.url
    return str(sqlite_file(url) or url.render_as_string(hide_password=True))


def _progress(done: int, total: int) -> None:
    print(f"demo: {done:,} / {total:,} problems", file=sys.stderr, flush=True)


def _check(args: argparse.Namespace) -> int:
    services = _open(args, must_exist=True)
    progress = _terminal_progress("check")
    try:
        report = services.integrity.check(progress, full=args.full)
    finally:
        _end_progress(progress)
        services.database.dispose()
    if report.sound:
        print(_sound(report))
        return 0
    # A failure is one line on stderr, like every other command's: the first thing found.
    if report.storage_problems:
        first, *more = report.storage_problems
        also = f" (and {len(more)} more)" if more else ""
        raise CommandError(f"storage problem: {first}{also}")
    if report.anchor_problem is not None:
        raise CommandError(report.anchor_problem)
    breach = report.breach
    if breach is None:
        problem = report.sequence_problem or report.search_problem
        assert problem is not None
        raise CommandError(problem)
    if breach.reason.startswith(tuple(f"{t} " for t in _row_tables())):
        raise CommandError(f"record does not match its audit chain: {breach.reason}")
    raise CommandError(f"audit chain broken at entry {breach.ref}: {breach.reason}")


def _sound(report: CheckReport) -> str:
    """The ok line: how much was verified, and what the anchor outside the file says."""
    entries = f"{report.entries_total:,} audit entries"
    if report.since:
        entries += f" ({report.entries_checked:,} new since the last check; --full re-checks all)"
    notes = []
    if report.unseen:
        notes.append(f"{report.unseen:,} entries new to this machine (written elsewhere)")
    if report.anchor_damaged:
        notes.append("the anchor file was unreadable (kept aside as anchors.json.damaged)")
    if report.anchor_error:
        notes.append(f"the anchor could not be saved: {report.anchor_error}")
    elif (report.first_anchor or report.anchor_damaged) and report.entries_total:
        notes.append("first check of this database here: its chain is taken as found and anchored")
    return f"ok: {entries}, storage sound" + "".join(f"; {note}" for note in notes)


def _terminal_progress(command: str) -> Progress | None:
    """Progress on stderr when it is a terminal, at most five lines a second."""
    if not sys.stderr.isatty():
        return None
    from workbench.services.progress import Progress

    shown = [0.0]

    def show(done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if now - shown[0] < 0.2:
            return
        shown[0] = now
        line = f"{command}: {message} {done:,} / {total:,}"
        print(f"\r{line}\x1b[K", end="", file=sys.stderr, flush=True)

    return Progress(show)


def _end_progress(progress: Progress | None) -> None:
    """Wipe the progress line, so that what stays on the terminal is the result."""
    if progress is not None:
        print("\r\x1b[K", end="", file=sys.stderr, flush=True)


def _row_tables() -> list[str]:
    from workbench.store.models import Base

    return [t.name for t in Base.metadata.sorted_tables]


def _screenshot(args: argparse.Namespace) -> int:
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    services = _open(args, must_exist=True)
    try:
        with _qt():
            from workbench.ui.screenshot import render
        try:
            render(services, args.page, Path(args.out), _language(args), args.size)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
    finally:
        services.database.dispose()
    print(f"screenshot: {args.page} saved to {args.out}")
    return 0


def _alerts(args: argparse.Namespace) -> int:
    """Evaluate the KPIs (opening and extending tickets) and print the open alerts."""
    from workbench.cli.alerts import print_alerts

    services = _open(args, must_exist=True)
    try:
        return print_alerts(services, _language(args), args.json)
    finally:
        services.database.dispose()


# ---- parsing ------------------------------------------------------------------------


def _size(text: str) -> tuple[int, int]:
    width, sep, height = text.lower().partition("x")
    if sep and width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0:
        return int(width), int(height)
    raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1400x900")


def _png(text: str) -> str:
    if text.lower().endswith(".png"):
        return text
    raise argparse.ArgumentTypeError(f"{text!r} does not end in .png (screenshots are PNG)")


def _count(text: str) -> int:
    if text.isdigit() and int(text) > 0:
        return int(text)
    raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")


def _common(parser: argparse.ArgumentParser, default: object) -> None:
    # Defined on the main parser and on every subcommand, so --db works on both sides.
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help="database file or SQLAlchemy URL (default: $WORKBENCH_DB, "
        "else workbench.sqlite3 in the user's data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help="language of the window and of demo texts (default: Settings, else the system locale)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Governance Workbench: keep an ERP improving after go-live. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    _common(parser, None)
    parser.set_defaults(handler=_window)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    demo = commands.add_parser(
        "demo",
        help="write a demo improvement record",
        description="Write a realistic demo record: sites, departments, people, ERP modules "
        "and problems with causes, solutions and measured results.",
    )
    _common(demo, argparse.SUPPRESS)
    demo.add_argument(
        "--problems",
        type=_count,
        default=DEFAULT_PROBLEMS,
        metavar="N",
        help=f"how many problems (default {DEFAULT_PROBLEMS}; large numbers are written in bulk)",
    )
    demo.add_argument("--force", action="store_true", help="replace whatever the database holds")
    demo.add_argument(
        "--if-empty",
        action="store_true",
        help="do nothing (and succeed) when the database already has data",
    )
    demo.set_defaults(handler=_demo)

    check = commands.add_parser(
        "check",
        help="verify the file and the audit chain",
        description="Run the database's integrity check, compare the audit chain with the "
        "anchor this machine keeps outside the file, and verify that the records match "
        "their chain (only what is new since the last check, unless --full). "
        "Exit 0 when sound, 1 naming the first break.",
    )
    check.add_argument(
        "--full",
        action="store_true",
        help="re-verify every entry and row, not only those since the last check",
    )
    _common(check, argparse.SUPPRESS)
    check.set_defaults(handler=_check)

    shot = commands.add_parser(
        "screenshot",
        help="render a page to a PNG file, no display needed",
        description="Render a page of the window offscreen and save it as PNG.",
    )
    shot.add_argument("page", metavar="PAGE", help=PAGES_HELP)
    shot.add_argument(
        "--out", required=True, type=_png, metavar="FILE.png", help="where to save the image"
    )
    shot.add_argument(
        "--size",
        type=_size,
        default=(1400, 900),
        metavar="WxH",
        help="window size in pixels (default 1400x900)",
    )
    _common(shot, argparse.SUPPRESS)
    shot.set_defaults(handler=_screenshot)
    add_report_command(commands, _common, lambda args: _open(args, must_exist=True), CommandError)
    add_search(commands, _common, _open, _count)

    from workbench.cli.transfer import add_commands

    add_commands(commands, _common)  # import, export, backup, restore

    alerts = commands.add_parser(
        "alerts",
        help="evaluate the KPIs and print the open alerts",
        description="Evaluate every KPI's latest values against its thresholds (a breach "
        "opens one ticket, later breaches are added to it, a KPI back in range for the "
        "team's number of periods proposes closing) and print the alerts open. Exit 0.",
    )
    alerts.add_argument("--json", action="store_true", help="print the alerts as JSON")
    _common(alerts, argparse.SUPPRESS)
    alerts.set_defaults(handler=_alerts)
    return parser


def _expected_errors() -> tuple[type[BaseException], ...]:
    """Errors that mean "cannot do that" rather than a bug (imported only when raised)."""
    from sqlalchemy.exc import SQLAlchemyError

    from workbench.services.errors import NotFoundError, StorageError, ValidationError
    from workbench.store.database import TargetError
    from workbench.store.migrate import SchemaError

    return (
        CommandError,
        SchemaError,
        TargetError,
        StorageError,
        ValidationError,
        NotFoundError,
        SQLAlchemyError,
        OSError,
    )


def _one_line(error: BaseException) -> str:
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except _expected_errors() as exc:
        print(f"workbench: error: {_one_line(exc)}", file=sys.stderr)
        return 1
