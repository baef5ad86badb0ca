"""Indexing a big bulk write once, at its end, instead of row by row.

SQLite keeps the search index (workbench.store.search_docs) by an AFTER INSERT trigger
per record kind, and the problem table by its ~25 indexes. Row by row, the triggers cost
five times the insert itself and the indexes two to three times; done once over the new
rows they cost a fraction. ``DeferredIndexes`` sets them aside *inside the writer's
transaction* (SQLite's DDL is transactional) and puts them back before it commits:

- the search triggers on insert of the written tables are dropped, and at the end the
  new rows (ids from the first this writer gave) are indexed with one INSERT … SELECT
  per kind, the very statements the migration fills the index with;
- when the write brings at least as many problems as the table holds, the problem
  table's indexes are dropped too and created again at the end (a smaller write keeps
  them: rebuilding a big table's indexes costs more than updating them).

Meanwhile the connection works with a bigger page cache (``write_cache``). Each trigger
and index comes back from its own text in ``sqlite_master``, so the schema
after the write is the schema before it, and a rollback or a kill at any point leaves
the database as it was. Other databases (PostgreSQL) keep their indexes as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from sqlalchemy import Connection, text

from workbench.store.search_docs import DOCS, KINDS, fill

_DEFERRED_KINDS = ("problem", "cause", "solution", "result")
# The page cache of a big write's connection, in KiB (SQLite's default is 2 MB): building
# 25 indexes and the search index over a million rows sorts and merges in it.
WRITE_CACHE_KIB = 64 * 1024


@contextmanager
def write_cache(connection: Connection) -> Iterator[None]:
    """A bigger page cache for the block, given back after it (a connection's setting,
    nothing stored in the database)."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def _objects(connection: Connection, kind: str, where: str) -> list[tuple[str, str]]:
    query = text(
        f"SELECT name, sql FROM sqlite_master WHERE type = '{kind}' AND sql IS NOT NULL "
        f"AND {where} ORDER BY name"
    )
    return [(str(name), str(sql)) for name, sql in connection.execute(query)]


class DeferredIndexes:
    """The search triggers (and maybe the problem indexes) of a bulk write, set aside
    until ``restore``. ``first_ids``: each table's first new id."""

    def __init__(self, connection: Connection, first_ids: Mapping[str, int], problems: int) -> None:
        self._conn = connection
        self._first = dict(first_ids)
        self._triggers: list[tuple[str, str]] = []
        self._indexes: list[tuple[str, str]] = []
        if connection.dialect.name != "sqlite":
            return
        names = ", ".join(f"'search_{kind}_ai'" for kind in _DEFERRED_KINDS)
        self._triggers = _objects(connection, "trigger", f"name IN ({names})")
        held = self._first.get("problem", 1) - 1  # at least as many as the table holds
        if problems and problems >= held:
            self._indexes = _objects(connection, "index", "tbl_name = 'problem'")
        for name, _ in self._triggers:
            connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
        for name, _ in self._indexes:
            connection.exec_driver_sql(f'DROP INDEX "{name}"')

    @property
    def rebuilds_indexes(self) -> bool:
        return bool(self._indexes)

    def restore(self, step: Callable[[], None] | None = None) -> None:
        """The indexes created again, the new rows indexed for search, the triggers back.
        ``step`` is called after each statement (a cancel raises there: rolled back)."""
        statements = [sql for _, sql in self._indexes]
        dropped = {name for name, _ in self._triggers}
        for doc in DOCS:
            if f"search_{doc.kind}_ai" not in dropped:
                continue
            first = int(self._first.get(doc.kind, 1))
            lowest = first * KINDS + doc.number
            statements.append(f"{fill(doc)} WHERE {doc.kind}.id >= {first}")
            statements.append(
                "INSERT INTO search_gram (rowid, grams) SELECT rowid, grams "
                f"FROM search_gram_source WHERE rowid >= {lowest} "
                f"AND rowid % {KINDS} = {doc.number}"
            )
        statements += [sql for _, sql in self._triggers]
        for sql in statements:
            self._conn.exec_driver_sql(sql)
            if step is not None:
                step()
        self._triggers = []
        self._indexes = []
