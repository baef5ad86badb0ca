"""The database a workbench works on: where it is, the engine, and units of work.

SQLite gets WAL, foreign keys, a busy timeout and ``BEGIN IMMEDIATE`` for writes (one
writer at a time, no lost audit-chain race). Any other SQLAlchemy URL is used as given.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from workbench.store import attachments, improvement_scores
from workbench.store.audit import ACTOR_KEY, WRITTEN_KEY, lock_chain, record_flush
from workbench.store.changes import ChangeSet
from workbench.store.errors import storage_error
from workbench.store.target import TargetError, file_of, target_name

__all__ = ["BUSY_TIMEOUT_S", "Database", "TargetError", "location", "resolve_target"]

T = TypeVar("T")
# How long a write waits for another writer to finish before it is refused as "busy".
BUSY_TIMEOUT_S = 15.0
_WRITE = "workbench_write"


def resolve_target(explicit: str | None, environ: Mapping[str, str] | None = None) -> URL:
    """The SQLAlchemy URL of ``--db PATH_OR_URL``, else ``WORKBENCH_DB``, else the file in
    the user's data folder (workbench.store.target)."""
    name = target_name(explicit, environ)
    path = file_of(name)
    if path is not None:
        return URL.create("sqlite+pysqlite", database=str(path))
    try:
        return make_url(name)
    except ArgumentError as error:
        raise TargetError(f"{name!r} is not a database URL ({error})") from error


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory ones."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def location(url: URL) -> str:
    """Where a database is, for people and as its key: the file, or the URL without password."""
    path = sqlite_file(url)
    return str(path) if path is not None else url.render_as_string(hide_password=True)


def _sqlite_connector(busy_timeout: float) -> Callable[[Any, Any], None]:
    def connect(dbapi_connection: Any, _record: Any) -> None:
        # Python's sqlite3 would issue its own BEGIN; we issue ours in _sqlite_begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return connect


def _sqlite_begin(connection: Any) -> None:
    write = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: URL, busy_timeout: float = BUSY_TIMEOUT_S) -> Engine:
    if url.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": busy_timeout})
        event.listen(engine, "connect", _sqlite_connector(busy_timeout))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except NoSuchModuleError as error:
        raise TargetError(
            f"unknown database driver {url.drivername!r} (use a file path, sqlite:// or "
            "postgresql+psycopg://)"
        ) from error


class Database:
    """An engine plus its two kinds of unit of work: read, and audited write.

    A failure of the database itself (busy, disk full, read-only, a refused constraint …)
    leaves either unit of work as a ``StorageError`` saying so; nothing was written.
    ``busy_timeout`` is how long a write waits for another writer (seconds).
    """

    def __init__(self, url: URL, busy_timeout: float = BUSY_TIMEOUT_S) -> None:
        self.url = url
        self.engine = make_engine(url, busy_timeout)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(**{_WRITE: True}), expire_on_commit=False
        )
        event.listen(self._writer, "before_flush", attachments.before_flush)
        event.listen(self._writer, "after_flush", record_flush)
        event.listen(self._writer, "before_flush", improvement_scores.before_flush)
        event.listen(self._writer, "after_flush", improvement_scores.after_flush)
        self._subscribers: list[Callable[[ChangeSet], None]] = []

    def subscribe(self, subscriber: Callable[[ChangeSet], None]) -> Callable[[], None]:
        """Call ``subscriber`` with every committed write's ChangeSet, in the writing
        thread, after the commit. Returns the function that ends the subscription."""
        self._subscribers.append(subscriber)
        return lambda: self._subscribers.remove(subscriber)

    @property
    def writer_engine(self) -> Engine:
        return self.engine.execution_options(**{_WRITE: True})

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._reader() as session:
                yield session
        except DBAPIError as error:
            raise storage_error(error) from error

    def capture(self, action: Callable[[], T]) -> tuple[T, tuple[ChangeSet, ...]]:
        """Run ``action`` and return its result with the ChangeSets of the writes it made
        in this thread (writes of other threads meanwhile are not included)."""
        me = threading.get_ident()
        caught: list[ChangeSet] = []

        def hear(change: ChangeSet) -> None:
            if threading.get_ident() == me:
                caught.append(change)

        unsubscribe = self.subscribe(hear)
        try:
            result = action()
        finally:
            unsubscribe()
        return result, tuple(caught)

    @contextmanager
    def write(self, actor: str) -> Iterator[Session]:
        """A session whose changes are committed together with their audit entries.

        One writer at a time, from the first statement: SQLite's ``BEGIN IMMEDIATE``, and
        on PostgreSQL the chain's advisory lock, taken before anything is read, so two
        writers can neither chain after the same head nor lock the same rows in opposite
        orders. After the commit, subscribers hear what it changed (see ``subscribe``)."""
        try:
            with self._writer() as session:
                with session.begin():
                    lock_chain(session.connection())
                    session.info[ACTOR_KEY] = actor
                    session.info[WRITTEN_KEY] = []
                    yield session
                change = ChangeSet.of(actor, session.info.pop(WRITTEN_KEY))
        except DBAPIError as error:
            raise storage_error(error) from error
        self.publish(change)

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A Core connection in one write transaction, for bulk writers that insert rows
        and their audit entries themselves: the chain is locked from the start, it commits
        when the block ends and rolls back whole when it raises, and storage failures are
        StorageErrors. The writer then hands its ChangeSet to ``publish``."""
        try:
            with self.writer_engine.connect() as connection, connection.begin():
                lock_chain(connection)
                yield connection
        except DBAPIError as error:
            raise storage_error(error) from error

    def publish(self, change: ChangeSet | None) -> None:
        """Tell the subscribers what a committed write changed (nothing for None)."""
        if change is not None:
            for subscriber in list(self._subscribers):
                subscriber(change)

    def dispose(self) -> None:
        self.engine.dispose()
