"""The search box's words, ranking and snippets, Qt-free and database-free.

A query is split at spaces (a full-width space too) into words, each case folded; every
word must match (AND). A hit ranks by where its words are: its own code exactly, then
in its title (each time), then in its body (up to five times each); ties go to the
newer record. A snippet is the part of the title or body around the first match, cut
to about ``SNIPPET_CHARS`` characters, split into pieces that say which ones match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

MAX_QUERY: Final = 200
SNIPPET_CHARS: Final = 80

Snippet = tuple[tuple[str, bool], ...]


def words_of(query: str) -> tuple[str, ...]:
    """The distinct case-folded words of ``query``, in order."""
    seen: dict[str, None] = {}
    for word in query[:MAX_QUERY].split():
        seen.setdefault(word.casefold(), None)
    return tuple(seen)


def score(words: Sequence[str], code: str, title: str, body: str) -> int:
    code, title, body = code.casefold(), title.casefold(), body.casefold()
    total = 0
    for word in words:
        if word == code:
            total += 100
        total += 4 * title.count(word) + min(body.count(word), 5)
    if len(words) > 1 and " ".join(words) in title:
        total += 10
    return total


def _pattern(words: Sequence[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)  # the longest match wins where two start
    return re.compile("|".join(re.escape(w) for w in ordered), re.IGNORECASE)


def marked(text: str, words: Sequence[str]) -> Snippet:
    """``text`` in pieces, each saying whether it is one of ``words`` (any case)."""
    if not words or not text:
        return ((text, False),) if text else ()
    pieces: list[tuple[str, bool]] = []
    at = 0
    for match in _pattern(words).finditer(text):
        if match.start() > at:
            pieces.append((text[at : match.start()], False))
        pieces.append((match.group(0), True))
        at = match.end()
    if at < len(text):
        pieces.append((text[at:], False))
    return tuple(pieces)


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BLOCK = re.compile(r"(^|\s)(#{1,6}|>|[-*+]|\d+\.)\s|\|")
_EMPHASIS = re.compile(r"[*_`]+")


def unmarked(markdown: str) -> str:
    """Markdown as the words a reader sees (no emphasis marks, headings, tables' bars,
    images), for a snippet."""
    text = _LINK.sub(r"\1", _IMAGE.sub(" ", markdown))
    return _EMPHASIS.sub("", _BLOCK.sub(lambda m: m.group(1) or " ", text))


def snippet(body: str, words: Sequence[str], size: int = SNIPPET_CHARS) -> Snippet:
    """The body around its first match (its start when it has none: the match is then in
    the title, shown marked beside it)."""
    flat = " ".join(body.split())
    match = _pattern(words).search(flat) if words and flat else None
    start = 0 if match is None else max(0, match.start() - size // 3)
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + size < len(flat) else ""
    return marked(prefix + flat[start : start + size] + suffix, words)


def plain(pieces: Snippet, mark: tuple[str, str] = ("", "")) -> str:
    """A snippet as text, each match between ``mark``'s two strings."""
    return "".join(f"{mark[0]}{t}{mark[1]}" if hit else t for t, hit in pieces)


def spans(pieces: Snippet) -> tuple[tuple[int, int], ...]:
    """Where the matches are in ``plain(pieces)``: (start, end) character offsets."""
    found, at = [], 0
    for piece, hit in pieces:
        if hit:
            found.append((at, at + len(piece)))
        at += len(piece)
    return tuple(found)
