"""``workbench check`` of the search index: does it hold exactly the records' words?

A routine check compares how many entries the index holds with how many records the
searched tables hold (a record missing from the index, or an entry left behind by a
record deleted behind the program's back, shows as a difference). A full check compares
every entry with what its record says now, both ways, and runs FTS5's own
``integrity-check`` on both index tables. On a database without the index (PostgreSQL,
whose search reads the tables themselves) there is nothing to check.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

from workbench.store.search_docs import DOCS, KINDS, expected

_COLUMNS = "rowid, kind, ref, problem_id, code, title, body"


def _has_index(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite" and inspect(connection).has_table("search_text")


def _counted(connection: Connection) -> str | None:
    present = set(inspect(connection).get_table_names())
    records = sum(
        int(connection.scalar(text(f"SELECT count(*) FROM {doc.kind}")) or 0)
        for doc in DOCS
        if doc.kind in present
    )
    # FTS5 keeps one small row per entry in its docsize table: counted in a blink where
    # counting the entries themselves reads all their words.
    entries = int(connection.scalar(text("SELECT count(*) FROM search_text_docsize")) or 0)
    if records != entries:
        return (
            f"the search index holds {entries} entries for {records} records: "
            "it no longer agrees with the tables"
        )
    return None


def _compared(connection: Connection) -> str | None:
    for doc in DOCS:
        stored = f"SELECT {_COLUMNS} FROM search_text WHERE rowid % {KINDS} = {doc.number}"
        wanted = expected(doc)
        missing = connection.execute(text(f"{wanted} EXCEPT {stored} LIMIT 1")).first()
        if missing is not None:
            return f"the search index is missing or has stale words for {doc.kind} {missing[2]}"
        extra = connection.execute(text(f"{stored} EXCEPT {wanted} LIMIT 1")).first()
        if extra is not None:
            return f"the search index holds words {doc.kind} {extra[2]} no longer has"
    for table in ("search_text", "search_gram"):
        try:
            connection.execute(text(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')"))
        except Exception as error:  # FTS5 reports a damaged index as an error
            return f"the search index ({table}) is damaged: {error}"
    return None


def verify_search(connection: Connection, full: bool) -> str | None:
    """What is wrong with the search index, in words; None when it agrees."""
    if not _has_index(connection):
        return None
    return _compared(connection) if full else _counted(connection)
