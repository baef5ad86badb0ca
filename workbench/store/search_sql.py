"""The search box's queries: candidate records for a set of words, newest first.

On SQLite they are read from the full-text index (workbench.store.search_docs): words of
3+ characters are phrases of ``search_text`` (trigram), words of 1–2 characters tokens
of ``search_gram`` (a 1-character word a prefix). All words must match (spaces mean
AND). On any other database (PostgreSQL) the records' own tables are scanned with
ILIKE: the same rows, without an index (the documented fallback); ``scan`` is also the
floor the benchmark holds the index against on SQLite.

Both answer at most ``limit`` candidates, newest record first (the highest rowid/id);
ranking them is the service's (workbench.services.search).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Integer, column, text

from workbench.store.search_docs import DOCS, KINDS, Doc


@dataclass(frozen=True)
class Candidate:
    kind: str
    ref: int
    problem_id: int | None
    code: str
    title: str
    body: str


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _gram(word: str) -> str:
    """A 1–2 character word as a ``search_gram`` query: one token, or a prefix."""
    return _phrase(word) + ("*" if len(word) == 1 else "")


def short_word(word: str) -> bool:
    return len(word) < 3


def _indexable(word: str) -> bool:
    """unicode61 splits tokens at anything but letters and digits: a short word with
    other characters (a "-") cannot be one token."""
    return all(ch.isalnum() for ch in word)


def _pieces(word: str) -> list[str]:
    """A 3+ character word as the ``search_gram`` tokens every record holding it holds:
    its 2-character pieces, each run of letters and digits split as unicode61 does."""
    found: list[str] = []
    for run in "".join(ch if ch.isalnum() else " " for ch in word).split():
        for n in range(max(len(run) - 1, 1)):
            piece = run[n : n + 2]
            if piece not in found:
                found.append(piece)
    return found


def _contains(n: int) -> str:
    return f"instr(lower(t.code || ' ' || t.title || ' ' || t.body), :w{n}) > 0"


def indexed(
    connection: Connection, words: Sequence[str], limit: int, kinds: Sequence[str] = ()
) -> list[Candidate]:
    """Candidates for ``words`` (casefolded, non-empty) from the SQLite index.

    Words of 3+ characters alone: one trigram MATCH. Any 1–2 character word: one
    ``search_gram`` MATCH of every word's tokens (a long word's 2-character pieces), the
    words themselves then checked in the records' text, newest first until ``limit``:
    FTS5 intersects the token lists itself, so a frequent short word beside a rare long
    one costs what the rare one does."""
    long = [w for w in words if not short_word(w)]
    short = [w for w in words if short_word(w) and _indexable(w)]
    odd = [w for w in words if short_word(w) and not _indexable(w)]
    params: dict[str, object] = {"limit": limit}
    where = []
    if short:
        source = "search_gram AS g JOIN search_text AS t ON t.rowid = g.rowid"
        order = "g.rowid"
        tokens = [_gram(w) for w in short] + [_gram(p) for w in long for p in _pieces(w)]
        where.append("g.search_gram MATCH :grams")
        params["grams"] = " ".join(dict.fromkeys(tokens))
        checked = long + odd
    else:
        source, order = "search_text AS t", "t.rowid"
        if long:
            where.append("t.search_text MATCH :long")
            params["long"] = " ".join(_phrase(w) for w in long)
        checked = odd
    for n, word in enumerate(checked):  # the words themselves, in the text read anyway
        where.append(_contains(n))
        params[f"w{n}"] = word
    if kinds:
        numbers = ", ".join(str(d.number) for d in DOCS if d.kind in kinds)
        where.append(f"{order} % {KINDS} IN ({numbers})")
    sql = (
        f"SELECT t.kind, t.ref, t.problem_id, t.code, t.title, t.body FROM {source} "
        f"WHERE {' AND '.join(where) or '1 = 1'} ORDER BY {order} DESC LIMIT :limit"
    )
    return [_candidate(row) for row in connection.execute(text(sql), params)]


def _candidate(row: Sequence[object]) -> Candidate:
    kind, ref, problem, code, title, body = row
    return Candidate(
        str(kind),
        int(str(ref)),
        None if problem is None else int(str(problem)),
        str(code or ""),
        str(title or ""),
        str(body or ""),
    )


def _scan_one(
    doc: Doc, words: Sequence[str], limit: int, like: str, escape: str
) -> tuple[str, dict[str, str]]:
    r = doc.kind
    code, title, body, problem = (
        e.format(r=r) for e in (doc.code, doc.title, doc.body, doc.problem)
    )
    words_sql = f"lower(coalesce({code}, '') || ' ' || coalesce({title}, '') || ' ' || {body})"
    params = {f"{r}_w{n}": f"%{w}%" for n, w in enumerate(words)}
    conditions = " AND ".join(f"{words_sql} {like} :{name}{escape}" for name in params) or "1 = 1"
    sql = (
        f"SELECT * FROM (SELECT '{doc.kind}' AS kind, {r}.id AS ref, {problem} AS problem_id, "
        f"{code} AS code, {title} AS title, {body} AS body FROM {r} WHERE {conditions} "
        f"ORDER BY {r}.id DESC LIMIT {int(limit)}) AS {r}_hits"
    )
    return sql, params


def scan(
    connection: Connection, words: Sequence[str], limit: int, kinds: Sequence[str] = ()
) -> list[Candidate]:
    """Candidates for ``words`` read from the records' tables (no index): each kind's
    newest ``limit``, then the newest ``limit`` of them all. Words are matched as plain
    substrings (``%`` and ``_`` in a word are escaped)."""
    escaped = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words]
    # PostgreSQL's ILIKE folds every script's case and escapes with a backslash already.
    postgres = connection.dialect.name == "postgresql"
    like = "ILIKE" if postgres else "LIKE"
    escape = "" if postgres else " ESCAPE '\\'"
    parts: list[str] = []
    params: dict[str, str] = {}
    for doc in DOCS:
        if kinds and doc.kind not in kinds:
            continue
        sql, values = _scan_one(doc, escaped, limit, like, escape)
        parts.append(sql)
        params.update(values)
    rows = connection.execute(text(" UNION ALL ".join(parts)), params).all()
    found = [_candidate(row) for row in rows]
    found.sort(key=lambda c: c.ref, reverse=True)
    return found[:limit]


# A word matched by at most this many records is read from the index by the Problems
# list's filter; a more frequent one fills a first page sooner by walking the list.
RARE = 5_000
_CHAIN = f"% {KINDS} IN (1, 2, 3)"  # problems, causes, solutions: what the list searches


def has_index(connection: Connection) -> bool:
    if connection.dialect.name != "sqlite":
        return False
    found = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE name = 'search_text' AND type = 'table'")
    ).first()
    return found is not None


def rare_problems(connection: Connection, word: str) -> Any:
    """The ids of the problems whose own words, causes or solutions hold ``word`` (a
    select to use in ``IN``), when at most ``RARE`` records hold it; None when the word
    is frequent (or cannot be read from the index: several words, a short word with a
    "-", no index)."""
    word = word.casefold()
    if not word or len(word.split()) != 1 or not has_index(connection):
        return None
    if short_word(word):
        if not _indexable(word):
            return None
        source, table, match = "search_gram", "g", _gram(word)
        problem = "(SELECT problem_id FROM search_text AS t WHERE t.rowid = g.rowid)"
    else:
        source, table, match = "search_text", "g", _phrase(word)
        problem = "g.problem_id"
    where = f"g.{source} MATCH :word AND g.rowid {_CHAIN}"
    probe = f"SELECT count(*) FROM (SELECT 1 FROM {source} AS g WHERE {where} LIMIT {RARE + 1})"
    if int(connection.execute(text(probe), {"word": match}).scalar() or 0) > RARE:
        return None
    ids = (
        f"SELECT CASE WHEN g.rowid % {KINDS} = 1 THEN g.rowid / {KINDS} ELSE {problem} END "
        f"AS problem_id FROM {source} AS {table} WHERE {where}"
    )
    return text(ids).bindparams(word=match).columns(column("problem_id", Integer))
