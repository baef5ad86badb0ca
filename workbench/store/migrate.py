"""Bring a database to this program's schema with Alembic, safely.

The file is backed up before an upgrade; a database made by a newer program is refused;
a database that is not a workbench database is refused. Alembic is imported only when
there is something to migrate (it costs ~170 ms at start-up). Upgrading a database that
holds a record appends one ``migrate`` entry per revision to its audit chain, in the
migration's own transaction, so the chain says when the schema changed and to what.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError, SAWarning

from workbench.paths import migrations_dir
from workbench.store.audit import GENESIS, Change, append, chain_head, migration_change
from workbench.store.database import Database, sqlite_file
from workbench.store.list_sql import RANK_INDEXES
from workbench.store.search_docs import DOCS, drop_triggers, reindex, trigger_names, triggers
from workbench.store.target import known_revisions
from workbench.vocabulary import SOURCE_LANGUAGE
from workbench.vocabulary.failures import schema_message

# Who the chain names for a migration: the program did it, not a person's edit.
MIGRATION_ACTOR = "workbench"

_REVISION_NUMBER = re.compile(r"\d{4}")

# SQLAlchemy's warning that it did not reflect an index on an expression.
_EXPRESSION_INDEX = "Skipped unsupported reflection of expression-based index"
# The revision that made the indexes on the frequency rank (workbench.store.list_sql).
_RANK_INDEXES_SINCE = "0007"
# The revision that made the search index and its triggers (workbench.store.search_docs).
_SEARCH_SINCE = "0012"


class SchemaError(Exception):
    """The database cannot be used by this program; the message says why in words.

    ``reason`` ("newer", "unknown_revision", "not_workbench", "broken_reference") and
    ``params`` let the window say it in the user's language; the message is the
    source-language text (workbench.vocabulary.failures).
    """

    def __init__(self, reason: str, **params: str) -> None:
        super().__init__(schema_message(reason, params, SOURCE_LANGUAGE))
        self.reason = reason
        self.params = params


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(path: Path, label: str) -> Path:
    """Copy a live SQLite file with the backup API, writing to a temp name then renaming."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{label}.{stamp}{path.suffix}")
    partial = target.with_name(target.name + ".part")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    partial.replace(target)
    return target


def upgrade(
    database: Database,
    create: bool = True,
    *,
    migrations: Path | None = None,
    target: str | None = None,
    actor: str = MIGRATION_ACTOR,
    created: Callable[[], None] | None = None,
) -> Path | None:
    """Migrate to the newest revision; returns the backup made, if any.

    With ``create`` False an empty database is refused instead of being given the schema
    (for commands that only read, such as ``check``). ``migrations`` is another migrations
    folder than the shipped one, ``target`` a revision to stop at (the newest by default),
    ``actor`` the name the migration's audit entries carry. ``created`` is called once
    the schema was made in an empty database (never on an upgrade): the caller writes
    the rows a new database starts with.
    """
    folder = migrations or migrations_dir()
    revisions = known_revisions(folder)
    head = revisions[-1]
    goal = target or head
    if goal not in revisions:
        raise ValueError(f"no revision {goal} in {folder}")
    try:
        with database.engine.connect() as connection:
            current = current_revision(connection)
            tables = set(inspect(connection).get_table_names())
    except DatabaseError as error:
        # OperationalError (locked, unreachable …) is a real failure, not a wrong file.
        if isinstance(error, OperationalError) or sqlite_file(database.url) is None:
            raise
        raise SchemaError("not_workbench", detail=str(error.orig)) from error
    if current == goal:
        return None
    if current is not None and current not in revisions:
        # Our revisions are numbered: a higher number is a newer program's; anything else
        # was not written by any Governance Workbench.
        if _REVISION_NUMBER.fullmatch(current) and current > head:
            raise SchemaError("newer", found=current, known=head)
        raise SchemaError("unknown_revision", found=current, known=head)
    if current is not None and revisions.index(current) > revisions.index(goal):
        return None  # already past the revision asked for; never downgraded here
    if current is None and not tables and not create:
        raise SchemaError("not_workbench", detail="it is empty")
    if current is None and tables:
        names = ", ".join(sorted(tables)[:5])
        raise SchemaError("not_workbench", detail=f"it has tables {names} but no schema version")
    backup = None
    path = sqlite_file(database.url)
    if current is not None and path is not None:
        backup = backup_sqlite(path, current)
    _run_alembic(database, folder, current, goal, actor)
    if current is None and created is not None:
        created()
    return backup


def _audit_entries(config: Any, current: str | None, goal: str) -> list[Change]:
    """One ``migrate`` entry per revision applied, oldest first, saying what it changed."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(config)
    changes = []
    previous = current
    for script in reversed(list(scripts.iterate_revisions(goal, current or "base"))):
        changes.append(migration_change(script.revision, previous, script.doc))
        previous = script.revision
    return changes


def _run_alembic(
    database: Database, folder: Path, current: str | None, goal: str, actor: str
) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(folder))
    is_sqlite = database.url.get_backend_name() == "sqlite"
    with database.writer_engine.connect() as connection:
        # Batch migrations rebuild tables; foreign keys must not fire half-way. The pragma
        # only works outside a transaction, so it goes straight to the driver.
        raw = connection.connection.dbapi_connection
        assert raw is not None  # an open connection has its driver connection
        secure_delete = 0
        if is_sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
            # A rebuilt table's old pages hold rows that were copied, not deleted; zeroing
            # them (Debian builds SQLite with SECURE_DELETE) doubles a big file's migration.
            secure_delete = int(raw.execute("PRAGMA secure_delete").fetchone()[0])
            raw.execute("PRAGMA secure_delete=OFF")
        try:
            with connection.begin():
                # A record exists when its chain does; a new or empty database gets no
                # entry (it has no record whose meaning the schema could change, and an
                # empty record stays empty for ``demo``).
                chained = current is not None and chain_head(connection)[1] != GENESIS
                config.attributes["connection"] = connection
                with warnings.catch_warnings():
                    # A batch rebuild of problem leaves its rank indexes behind, saying
                    # so; they are made again just below.
                    warnings.filterwarnings("ignore", _EXPRESSION_INDEX, SAWarning)
                    command.upgrade(config, goal)
                _restore_rank_indexes(connection, goal)
                if is_sqlite:
                    _restore_search_triggers(connection, goal)
                if is_sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                    if broken is not None:
                        raise SchemaError("broken_reference", table=str(broken[0]))
                if chained:
                    append(connection, _audit_entries(config, current, goal), actor)
        finally:
            if is_sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
                raw.execute(f"PRAGMA secure_delete={secure_delete}")


def _restore_rank_indexes(connection: Connection, goal: str) -> None:
    """Make the frequency rank's indexes again where a migration after the one that made
    them rebuilt the problem table (SQLAlchemy cannot reflect them, so batch mode drops
    them): the list would sort by frequency by reading every problem."""
    if goal < _RANK_INDEXES_SINCE:
        return
    for name, definition in RANK_INDEXES:
        connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def _restore_search_triggers(connection: Connection, goal: str) -> None:
    """Make a searched table's triggers again, and index its rows anew, where a migration
    after 0012 rebuilt the table (batch mode copies the rows into a new table and drops
    the old one with its triggers): the index would stop following its writes."""
    if goal < _SEARCH_SINCE:
        return
    present = {
        str(name)
        for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        )
    }
    for doc in DOCS:
        if all(name in present for name in trigger_names(doc)):
            continue
        for statement in (*drop_triggers(doc), *reindex(doc), *triggers(doc)):
            connection.exec_driver_sql(statement)
