"""One search box for everything: problems, causes, solutions, results, knowledge
entries, improvement items, pilots and training sessions.

``search`` reads at most ``CANDIDATES`` records that hold every word, newest first, from
the full-text index on SQLite (workbench.store.search_sql; the records' own tables on
PostgreSQL), ranks them (workbench.services.search_text), groups them by kind (the kind
of the best hit first) and gives the first ``limit`` with their snippets. Ranking among
the newest matches keeps a frequent word's first screen as quick as a rare one's; an
older record is found by adding a word. A search that finds nothing can be remembered
(``remember``) in the "searched and not found" list champions read (``misses``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.exc import OperationalError

from workbench.services.base import Service
from workbench.services.progress import Cancelled, Progress
from workbench.services.search_text import Snippet, marked, score, snippet, unmarked, words_of
from workbench.store.models import KnowledgeEntry, Problem, SearchMiss
from workbench.store.search_docs import DOC_OF
from workbench.store.search_sql import Candidate, indexed, scan

CANDIDATES = 400
# The kinds in the order a tie between groups is shown in.
KINDS: tuple[str, ...] = tuple(DOC_OF)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # a table name: problem, cause, knowledge_entry …
    ref: int  # the record's id
    code: str  # its own code, or its problem's; "" when it has neither
    title: Snippet
    snippet: Snippet
    problem_id: int | None
    status: str | None  # a knowledge entry's (draft, published, outdated)
    score: int


@dataclass(frozen=True)
class SearchResults:
    query: str
    words: tuple[str, ...]
    hits: tuple[SearchHit, ...]  # grouped by kind, best group first, best hit first
    more: bool  # more matched than ``hits`` shows


@dataclass(frozen=True)
class Miss:
    query: str
    times: int
    last_at: str


def candidates(
    connection: Connection, words: Sequence[str], limit: int, kinds: Sequence[str] = ()
) -> list[Candidate]:
    """The index on SQLite, the tables' scan elsewhere (see the module's docstring)."""
    if connection.dialect.name == "sqlite":
        return indexed(connection, words, limit, kinds)
    return scan(connection, words, limit, kinds)


@contextmanager
def interruptible(connection: Connection, progress: Progress | None) -> Iterator[None]:
    """Let a cancelled ``progress`` stop the statement running on SQLite."""
    raw: Any = connection.connection.driver_connection
    if progress is None or connection.dialect.name != "sqlite":
        yield
        return
    raw.set_progress_handler(lambda: 1 if progress.cancelled else 0, 10_000)
    try:
        yield
    except OperationalError as error:
        if progress.cancelled:
            raise Cancelled() from error
        raise
    finally:
        raw.set_progress_handler(None, 0)


def _grouped(hits: list[SearchHit]) -> list[SearchHit]:
    hits.sort(key=lambda h: (-h.score, -h.ref))
    best: dict[str, int] = {}
    for place, hit in enumerate(hits):
        best.setdefault(hit.kind, place)
    return sorted(hits, key=lambda h: best[h.kind])  # stable: best first within a kind


class SearchService(Service):
    def search(
        self,
        query: str,
        kinds: Sequence[str] = (),
        limit: int = 50,
        remember: bool = False,
        progress: Progress | None = None,
    ) -> SearchResults:
        """The first ``limit`` hits for ``query`` (see the module's docstring); with
        ``remember``, a query that finds nothing goes on the not-found list. Cancelling
        ``progress`` stops the search within milliseconds (``Cancelled``): a newer query
        typed meanwhile does not wait for an older one."""
        words = words_of(query)
        unknown = [k for k in kinds if k not in DOC_OF]
        if unknown:
            raise ValueError(f"no record kind {unknown[0]}; kinds are {', '.join(KINDS)}")
        if not words:
            return SearchResults(query, words, (), False)
        if progress is not None:
            progress.check()  # a newer query came while this one waited
        with self._db.read() as session:
            connection = session.connection()
            with interruptible(connection, progress):
                found = candidates(connection, words, CANDIDATES, kinds)
            problems = {c.problem_id for c in found if c.problem_id is not None}
            codes: dict[int, str] = {}
            if problems:
                by_id = select(Problem.id, Problem.code).where(Problem.id.in_(problems))
                codes = {int(i): str(c) for i, c in session.execute(by_id)}
            entries = [c.ref for c in found if c.kind == "knowledge_entry"]
            statuses: dict[int, str] = {}
            if entries:
                of_entries = select(KnowledgeEntry.id, KnowledgeEntry.status).where(
                    KnowledgeEntry.id.in_(entries)
                )
                statuses = {int(i): str(s) for i, s in session.execute(of_entries)}
        hits = [self._hit(c, words, codes, statuses) for c in found]
        shown = tuple(_grouped(hits)[:limit])
        if remember and not shown:
            self.remember_miss(query)
        return SearchResults(query, words, shown, len(hits) > limit)

    @staticmethod
    def _hit(
        c: Candidate, words: Sequence[str], codes: dict[int, str], statuses: dict[int, str]
    ) -> SearchHit:
        code = c.code or (codes.get(c.problem_id, "") if c.problem_id is not None else "")
        status = statuses.get(c.ref) if c.kind == "knowledge_entry" else None
        points = score(words, c.code, c.title, c.body)
        return SearchHit(
            kind=c.kind,
            ref=c.ref,
            code=code,
            title=marked(c.title, words),
            snippet=snippet(unmarked(c.body) if c.kind == "knowledge_entry" else c.body, words),
            problem_id=c.problem_id,
            status=status,
            # An outdated entry is shown, marked, after the entries that still hold.
            score=points // 4 if status == "outdated" else points,
        )

    # ---- what was searched for and not found --------------------------------------
    def remember_miss(self, query: str) -> None:
        """Count ``query`` (its words, case folded) on the not-found list."""
        key = " ".join(words_of(query))
        if not key:
            return
        with self._db.write(self.actor) as session:
            miss = session.get(SearchMiss, key)
            if miss is None:
                session.add(SearchMiss(query=key, times=1, last_at=self._clock()))
            else:
                miss.times += 1
                miss.last_at = self._clock()

    def misses(self, limit: int = 200) -> tuple[Miss, ...]:
        """The not-found list, most often searched first."""
        with self._db.read() as session:
            rows = session.scalars(
                select(SearchMiss)
                .order_by(SearchMiss.times.desc(), SearchMiss.last_at.desc())
                .limit(limit)
            )
            return tuple(Miss(m.query, m.times, m.last_at.isoformat(" ", "minutes")) for m in rows)

    def forget_miss(self, query: str) -> None:
        """Take ``query`` off the not-found list (a champion answered it)."""
        with self._db.write(self.actor) as session:
            session.execute(delete(SearchMiss).where(SearchMiss.query == query))
