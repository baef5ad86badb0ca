"""``workbench search "QUERY" [--kind K] [--limit N] [--json]``: the search box's results in
the terminal, grouped by kind, best first; ``--json`` prints one object per hit (kind,
code or id, title, snippet, where the matches are), best first."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from workbench.vocabulary import RECORD_KIND, resolve_language

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.search import SearchHit

KIND_NAMES = (
    "problem",
    "cause",
    "solution",
    "result",
    "knowledge_entry",
    "improvement_item",
    "pilot",
    "training_session",
)


def _mark() -> tuple[str, str]:
    return ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("**", "**")


def hit_object(hit: SearchHit) -> dict[str, Any]:
    from workbench.services.search_text import plain, spans

    return {
        "kind": hit.kind,
        "id": hit.ref,
        "code": hit.code or None,
        "title": plain(hit.title),
        "snippet": plain(hit.snippet),
        "title_marks": [list(s) for s in spans(hit.title)],
        "snippet_marks": [list(s) for s in spans(hit.snippet)],
        "status": hit.status,
    }


def _search(open_services: Callable[..., Services], args: argparse.Namespace) -> int:
    from workbench.services.search_text import plain

    services = open_services(args, must_exist=True)
    try:
        results = services.search.search(
            args.query, kinds=tuple(args.kind or ()), limit=args.limit, remember=True
        )
    finally:
        services.database.dispose()
    if args.json:
        for hit in results.hits:
            print(json.dumps(hit_object(hit), ensure_ascii=False))
        return 0
    language = resolve_language(args.lang)
    mark = _mark()
    kind = None
    for hit in results.hits:
        if hit.kind != kind:
            kind = hit.kind
            print(f"{RECORD_KIND.label(kind, language)}:")
        code = hit.code or f"#{hit.ref}"
        status = f" ({hit.status})" if hit.status else ""
        print(f"  {code}  {plain(hit.title, mark)}{status}")
        if hit.snippet:
            print(f"      {plain(hit.snippet, mark)}")
    if not results.hits:
        print("no matches" if language == "en" else "没有找到匹配的记录", file=sys.stderr)
    return 0


def add_search(
    commands: Any,
    common: Callable[[argparse.ArgumentParser, object], None],
    open_services: Callable[..., Services],
    count: Callable[[str], int],
) -> None:
    search = commands.add_parser(
        "search",
        help="search every record kind, as the window's search box does",
        description="Find QUERY's words (spaces mean AND; any substring of Chinese text, "
        "English in any case, codes such as P-2026-0012) in problems, causes, solutions, "
        "results, knowledge entries, improvement items, pilots and training sessions. "
        "A search that finds nothing goes on the champions' not-found list.",
    )
    search.add_argument("query", metavar="QUERY")
    search.add_argument(
        "--kind",
        action="append",
        choices=KIND_NAMES,
        metavar="K",
        help=f"only this kind (repeatable): {', '.join(KIND_NAMES)}",
    )
    search.add_argument("--limit", type=count, default=50, metavar="N", help="at most N hits")
    search.add_argument("--json", action="store_true", help="one JSON object per hit")
    common(search, argparse.SUPPRESS)
    search.set_defaults(handler=lambda args: _search(open_services, args))
