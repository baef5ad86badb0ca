"""The Problems list's first rows, and the Dashboard's reading, straight from a SQLite file
before SQLAlchemy is loaded.

Importing SQLAlchemy's ORM costs a third of a second or more, and the window wants rows on
screen sooner than that. ``open_snapshot`` reads them with the DB-API (``sqlite3``): the
rows the services' list gives for no filter and its default order (code, newest first),
column for column, and their count, in one read-only transaction; and it runs the
Dashboard's SQL (``FileSnapshot.rows``, workbench.store.dashboard_sql). It only answers for a
plain file already at this program's newest schema; for anything else (a URL, a missing
file, a file still to migrate or not a workbench file, a locked or damaged one) it
answers None, and the caller opens the database the ordinary way, which says what is
wrong.

This module must not import SQLAlchemy (a test checks it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from workbench.store.list_sql import is_not_closed, not_closed_condition
from workbench.store.target import TargetError, file_of, known_revisions, target_name

# A reader waits this long for a writer that holds the file in an exclusive state.
BUSY_TIMEOUT_S = 1.0

# The columns of services.records.ProblemRow, in its order; the order is the list's
# default (workbench.services.problems: ProblemSort() is code, descending).
_FIRST_ROWS = """
SELECT p.id, p.code, p.title, p.status, m.name, s.name, d.name,
       p.severity, p.impact, p.frequency, o.name, p.reported_on,
       CASE WHEN EXISTS (SELECT 1 FROM kpi_alert AS a WHERE a.problem_id = p.id)
            THEN 'kpi_alert' END
FROM (SELECT id FROM problem {where} ORDER BY code DESC LIMIT ?) AS ids
JOIN problem AS p ON p.id = ids.id
LEFT OUTER JOIN erp_module AS m ON m.id = p.erp_module_id
LEFT OUTER JOIN site AS s ON s.id = p.site_id
LEFT OUTER JOIN department AS d ON d.id = p.department_id
LEFT OUTER JOIN person AS o ON o.id = p.owner_id
ORDER BY p.code DESC
"""


def _where(statuses: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The status filter as the services write it, and its parameters: "not closed" as
    its partial indexes' condition, values written out (workbench.store.list_sql), any
    other statuses as ``status IN (…)``, on its index."""
    if not statuses:
        return "", ()
    if is_not_closed(statuses):
        return f"WHERE {not_closed_condition()}", ()
    return "WHERE status IN (" + ", ".join("?" for _ in statuses) + ")", statuses


def head_revision() -> str | None:
    """The newest schema revision shipped with this program."""
    revisions = known_revisions()
    return revisions[-1] if revisions else None


def sqlite_path(target: str | None, environ: Mapping[str, str] | None = None) -> Path | None:
    """The file ``--db``/``WORKBENCH_DB``/the default names; None for a URL or an empty
    name (the ordinary opening then says what is wrong)."""
    try:
        return file_of(target_name(target, environ))
    except TargetError:
        return None


class SnapshotRows:
    """Runs the shared SQL (workbench.store.dashboard_sql) in a snapshot's transaction."""

    dialect = "sqlite"

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def __call__(self, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple]:
        return self._connection.execute(sql, dict(params or {})).fetchall()


class FileSnapshot:
    """One SQLite file as it was at one moment: a read-only connection holding one read
    transaction, so what is read of it (the Problems list's rows and count, the
    Dashboard) and the chain's head agree."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def first_rows(
        self, limit: int, statuses: tuple[str, ...] = ()
    ) -> list[tuple[Any, ...]] | None:
        """The first ``limit`` rows of problems in ``statuses`` (none: all) as plain tuples
        (``reported_on`` still as its ISO text), or None when the file cannot give them."""
        where, params = _where(statuses)
        try:
            return self._connection.execute(
                _FIRST_ROWS.format(where=where), (*params, limit)
            ).fetchall()
        except sqlite3.Error:
            return None

    def count(self, statuses: tuple[str, ...] = ()) -> int | None:
        """How many problems there are in ``statuses`` (none: all), or None when the file
        cannot say."""
        where, params = _where(statuses)
        try:
            return int(
                self._connection.execute(
                    f"SELECT count(*) FROM problem {where}", params
                ).fetchone()[0]
            )
        except sqlite3.Error:
            return None

    def chain_head(self) -> tuple[int, str] | None:
        """The audit chain's last entry (id, hash), what every write moves on, as
        workbench.store.audit.chain_head gives it; None when the file cannot say."""
        try:
            row = self._connection.execute(
                "SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1"
            ).fetchone()
        except sqlite3.Error:
            return None
        return (0, "0" * 64) if row is None else (int(row[0]), str(row[1]))

    def rows(self) -> SnapshotRows:
        """The shared SQL's runner in this snapshot (sqlite3.Error for a file that
        cannot answer it)."""
        return SnapshotRows(self._connection)

    def close(self) -> None:
        self._connection.close()


def open_snapshot(path: Path) -> FileSnapshot | None:
    """A snapshot of the list in ``path``, or None when this cannot answer for it (see
    above). The caller closes it."""
    if not path.is_file():
        return None  # never create a file: the ordinary opening decides what to do
    head = head_revision()
    uri = f"file:{quote(str(path))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        connection.execute("BEGIN")
        found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        found = None
    if head is None or found != [(head,)]:
        connection.close()
        return None
    return FileSnapshot(connection)
