"""What the one search box finds, described once: each record kind's document (its code,
title and body as SQL over the row) and the SQLite full-text index built from them.

Two FTS5 tables, kept up to date by triggers in the same transaction as every write
(the program's, the bulk writer's, an undo's, another tool's), and filled by migration
0012 from the data already there:

- ``search_text`` (trigram tokenizer, case folded) holds each record's words, its kind,
  id and problem. It finds any substring of 3 or more characters, Chinese or not.
- ``search_gram`` holds, for the same rowid, every 2-character piece of those words (the
  last character alone too), space-separated, tokenized by ``unicode61``: a 2-character
  query is one token, a 1-character query a prefix (``prefix='1'`` keeps one index
  entry per first character). Trigram returns nothing for 1–2 characters; this does, from
  an index, in the time of a 3-character query. Its content is the view
  ``search_gram_source``, computed from ``search_text`` with the positions in
  ``search_position`` (the first ``GRAM_CHARS`` characters of a record's words: a longer
  text is still found by 3+ character queries anywhere).

A record's rowid is ``id * KINDS + number``: unique across kinds, computed from the row
alone, so a trigger finds a record's entry without a lookup and an undo that brings a
row back with its id brings its entry back with it. A record's problem (``problem_id``)
lets the Problems list's filter find a problem by its causes' and solutions' words.

This module is plain SQL text (no SQLAlchemy), shared by the migration, the triggers,
``workbench check`` (workbench.store.search_check) and the search (workbench.store.search_sql).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

KINDS: Final = 16  # room for the rowid's kind number
GRAM_CHARS: Final = 20_000


@dataclass(frozen=True)
class Doc:
    """One record kind's document. The expressions use ``{r}`` for the row (``new``,
    ``old`` in a trigger, the table's name in a query)."""

    kind: str  # the table's name
    number: int
    code: str
    title: str
    body: str
    problem: str
    watched: tuple[str, ...]  # the columns an update must re-index on

    def rowid(self, r: str) -> str:
        return f"({r}.id * {KINDS} + {self.number})"

    def values(self, r: str) -> str:
        """The entry's values (rowid, kind, ref, problem_id, code, title, body)."""
        exprs = (self.code, self.title, self.body, self.problem)
        code, title, body, problem = (e.format(r=r) for e in exprs)
        return f"{self.rowid(r)}, '{self.kind}', {r}.id, {problem}, {code}, {title}, {body}"


def _text(*columns: str) -> str:
    return " || ' ' || ".join(f"coalesce({{r}}.{c}, '')" for c in columns)


_NONE = "''"
# Typed, so that the kinds' rows can be one UNION on PostgreSQL too.
_NO_PROBLEM = "CAST(NULL AS INTEGER)"
_SOLUTION_PROBLEM = "(SELECT problem_id FROM cause WHERE cause.id = {r}.cause_id)"
_RESULT_PROBLEM = (
    "(SELECT cause.problem_id FROM solution JOIN cause ON cause.id = solution.cause_id"
    " WHERE solution.id = {r}.solution_id)"
)

DOCS: Final = (
    Doc(
        "problem",
        1,
        "{r}.code",
        "{r}.title",
        _text("description", "tags"),
        "{r}.id",
        ("code", "title", "description", "tags"),
    ),
    Doc(
        "cause",
        2,
        _NONE,
        "{r}.description",
        _text("evidence"),
        "{r}.problem_id",
        ("description", "evidence", "problem_id"),
    ),
    Doc(
        "solution",
        3,
        _NONE,
        "{r}.title",
        _text("description"),
        _SOLUTION_PROBLEM,
        ("title", "description", "cause_id"),
    ),
    Doc(
        "result",
        4,
        _NONE,
        "{r}.metric",
        _text("unit"),
        _RESULT_PROBLEM,
        ("metric", "unit", "solution_id"),
    ),
    Doc(
        "knowledge_entry",
        5,
        _NONE,
        "{r}.title",
        _text("body", "tags"),
        _NO_PROBLEM,
        ("title", "body", "tags"),
    ),
    Doc(
        "improvement_item",
        6,
        "{r}.code",
        "{r}.title",
        _text("target_metric", "decision_note"),
        _NO_PROBLEM,
        ("code", "title", "target_metric", "decision_note"),
    ),
    Doc(
        "pilot",
        7,
        "{r}.code",
        "{r}.name",
        _text("scope", "hypothesis", "criterion_metric"),
        _NO_PROBLEM,
        ("code", "name", "scope", "hypothesis", "criterion_metric"),
    ),
    Doc(
        "training_session",
        8,
        "{r}.code",
        "{r}.topic",
        _text("note", "material_link"),
        _NO_PROBLEM,
        ("code", "topic", "note", "material_link"),
    ),
)
DOC_OF: Final = {doc.kind: doc for doc in DOCS}

SCHEMA: Final = (
    "CREATE TABLE search_position (n INTEGER PRIMARY KEY)",
    "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < "
    f"{GRAM_CHARS}) INSERT INTO search_position SELECT n FROM r",
    "CREATE VIRTUAL TABLE search_text USING fts5(kind UNINDEXED, ref UNINDEXED, "
    "problem_id UNINDEXED, code, title, body, tokenize='trigram case_sensitive 0')",
    "CREATE VIEW search_gram_source(rowid, grams) AS SELECT t.rowid, "
    "(SELECT group_concat(substr(w.words, n, 2), ' ') FROM search_position, "
    "(SELECT t.code || ' ' || t.title || ' ' || t.body "
    "AS words) AS w WHERE n <= length(w.words)) FROM search_text AS t",
    "CREATE VIRTUAL TABLE search_gram USING fts5(grams, content='search_gram_source', "
    "content_rowid='rowid', tokenize='unicode61 remove_diacritics 0', prefix='1', "
    "detail='none')",
)
DROP: Final = (
    "DROP TABLE IF EXISTS search_gram",
    "DROP VIEW IF EXISTS search_gram_source",
    "DROP TABLE IF EXISTS search_text",
    "DROP TABLE IF EXISTS search_position",
)


def _put(doc: Doc, r: str) -> str:
    return (
        "INSERT INTO search_text (rowid, kind, ref, problem_id, code, title, body) "
        f"VALUES ({doc.values(r)}); "
        "INSERT INTO search_gram (rowid, grams) SELECT rowid, grams FROM search_gram_source "
        f"WHERE rowid = {doc.rowid(r)};"
    )


def _drop(doc: Doc, r: str) -> str:
    return (
        "INSERT INTO search_gram (search_gram, rowid, grams) SELECT 'delete', rowid, grams "
        f"FROM search_gram_source WHERE rowid = {doc.rowid(r)}; "
        f"DELETE FROM search_text WHERE rowid = {doc.rowid(r)};"
    )


def triggers(doc: Doc) -> tuple[str, ...]:
    """The three triggers that keep ``doc``'s entries in step with its table."""
    name = f"search_{doc.kind}"
    watched = ", ".join(doc.watched)
    return (
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {doc.kind} BEGIN {_put(doc, 'new')} END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {watched} ON {doc.kind} BEGIN "
        f"{_drop(doc, 'old')} {_put(doc, 'new')} END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {doc.kind} BEGIN {_drop(doc, 'old')} END",
    )


def trigger_names(doc: Doc) -> tuple[str, ...]:
    return tuple(f"search_{doc.kind}_{s}" for s in ("ai", "au", "ad"))


def drop_triggers(doc: Doc) -> tuple[str, ...]:
    return tuple(f"DROP TRIGGER IF EXISTS {name}" for name in trigger_names(doc))


def reindex(doc: Doc) -> tuple[str, ...]:
    """Index ``doc``'s table anew: its entries dropped (their pieces too) and filled again
    from the rows, e.g. after a migration rebuilt the table (and lost its triggers)."""
    kind = f"rowid % {KINDS} = {doc.number}"
    return (
        "INSERT INTO search_gram (search_gram, rowid, grams) SELECT 'delete', rowid, grams "
        f"FROM search_gram_source WHERE {kind}",
        f"DELETE FROM search_text WHERE {kind}",
        fill(doc),
        f"INSERT INTO search_gram (rowid, grams) SELECT rowid, grams FROM search_gram_source "
        f"WHERE {kind}",
    )


def fill(doc: Doc) -> str:
    """Index every row of ``doc``'s table (the migration's first indexing)."""
    return (
        "INSERT INTO search_text (rowid, kind, ref, problem_id, code, title, body) "
        f"SELECT {doc.values(doc.kind)} FROM {doc.kind}"
    )


FILL_GRAMS: Final = (
    "INSERT INTO search_gram (rowid, grams) SELECT rowid, grams FROM search_gram_source"
)


def expected(doc: Doc) -> str:
    """``doc``'s entries as the table says they should be (what ``check`` compares)."""
    return f"SELECT {doc.values(doc.kind)} FROM {doc.kind}"


def is_index_table(name: str) -> bool:
    """Whether ``name`` is one of the search index's tables (FTS5 keeps its own shadow
    tables beside each), which no model describes."""
    return name == "search_position" or name.startswith(("search_text", "search_gram"))
