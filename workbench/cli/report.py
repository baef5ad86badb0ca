"""``workbench report``: the quarterly report and a problem's A3 sheet as PDF files.

    workbench report quarterly --quarter 2026Q3 [--site S] [--lang zh_CN|en] --out FILE.pdf
    workbench report a3 P-2026-0001 [--lang zh_CN|en] --out FILE.pdf

A quarter that is not one (2026Q5) is wrong usage (exit 2); a quarter with nothing to
report, an unknown site or problem, and a destination that cannot be written fail with
one line (exit 1). The PDF is written beside its destination and renamed over it once
whole, so a failure leaves nothing at ``--out``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.vocabulary import resolve_language


def _quarter(text: str) -> str:
    from workbench.services import quarters

    try:
        return str(quarters.parse(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _pdf(text: str) -> str:
    if text.lower().endswith(".pdf"):
        return text
    raise argparse.ArgumentTypeError(f"{text!r} does not end in .pdf (reports are PDF)")


def add_report_command(
    commands: Any,
    common: Callable[[argparse.ArgumentParser, object], None],
    opened: Callable[[argparse.Namespace], Any],
    failure: type[Exception],
) -> None:
    """Add ``report quarterly`` and ``report a3`` to the ``workbench`` subcommands;
    ``opened(args)`` opens the services on an existing database."""
    report = commands.add_parser(
        "report",
        help="write the quarterly report or a problem's A3 sheet (PDF)",
        description="Write a PDF report: the quarter's report for management, or the "
        "one-page A3 sheet of a problem.",
    )
    kinds = report.add_subparsers(title="reports", metavar="REPORT", required=True)
    quarterly = kinds.add_parser(
        "quarterly",
        help="the quarterly report",
        description="The quarterly report: summary, the improvement list, records closed, "
        "causes, pilots, training, what needs attention, the audit chain's head.",
    )
    quarterly.add_argument(
        "--quarter", required=True, type=_quarter, metavar="YYYYQn", help="the quarter, e.g. 2026Q3"
    )
    quarterly.add_argument(
        "--site",
        metavar="CODE",
        default=None,
        help="one site's report, by its code (default: all sites)",
    )
    a3 = kinds.add_parser(
        "a3",
        help="a problem's A3 sheet",
        description="A problem's one-page A3 sheet (background, current "
        "state, root cause with the 5 whys, countermeasures, effect, follow-up).",
    )
    a3.add_argument("code", metavar="CODE", help="the problem's code, e.g. P-2026-0001")
    for parser in (quarterly, a3):
        parser.add_argument(
            "--out", required=True, type=_pdf, metavar="FILE.pdf", help="where to write the PDF"
        )
        common(parser, argparse.SUPPRESS)

    def run_quarterly(args: argparse.Namespace) -> int:
        from workbench.reports.quarterly import write_quarterly

        services = opened(args)
        try:
            facts = services.reports.quarter(args.quarter, args.site)
            if facts.empty:
                where = f" at site {args.site}" if args.site else ""
                raise failure(
                    f"{args.quarter} has nothing to report{where}: no problems, "
                    "improvement items, pilots or training in it"
                )
            pages = write_quarterly(facts, Path(args.out), resolve_language(args.lang))
        finally:
            services.close()
        print(f"report: {args.quarter} written to {args.out} ({pages} pages)")
        return 0

    def run_a3(args: argparse.Namespace) -> int:
        from workbench.reports.a3 import write_a3

        services = opened(args)
        try:
            sheet = services.reports.problem_sheet(args.code)
            write_a3(sheet, Path(args.out), resolve_language(args.lang))
        finally:
            services.close()
        print(f"report: A3 sheet of {args.code} written to {args.out}")
        return 0

    quarterly.set_defaults(handler=run_quarterly)
    a3.set_defaults(handler=run_a3)
