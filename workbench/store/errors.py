"""Storage failures in words: what happened to the database, as a reason a person can act on.

The driver's errors (sqlite3, psycopg) arrive wrapped by SQLAlchemy and say things like
"database is locked" or SQLSTATE 53100. ``storage_error`` turns them into a
``StorageError`` with a ``reason`` code that the window translates and the command line
prints; the unit of work has rolled back by then, so nothing was written.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError

from workbench.vocabulary import SOURCE_LANGUAGE
from workbench.vocabulary.failures import STORAGE, storage_message

# SQLite primary result codes (the low byte of an extended code).
_SQLITE = {
    5: "busy",  # SQLITE_BUSY
    6: "busy",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    10: "damaged",  # SQLITE_IOERR
    11: "damaged",  # SQLITE_CORRUPT
    13: "disk_full",  # SQLITE_FULL
    14: "cannot_open",  # SQLITE_CANTOPEN
    19: "constraint",  # SQLITE_CONSTRAINT
    26: "damaged",  # SQLITE_NOTADB
}

# PostgreSQL SQLSTATE classes and codes.
_POSTGRES = {
    "53100": "disk_full",
    "25006": "read_only",
    "55P03": "busy",  # lock_not_available
    "40P01": "busy",  # deadlock_detected
    "40001": "busy",  # serialization_failure
}


class StorageError(Exception):
    """The database could not do what was asked; the transaction was rolled back. The
    message is the source-language text of ``reason`` (workbench.vocabulary.failures)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason if reason in STORAGE else "failed"
        self.detail = detail
        super().__init__(storage_message(self.reason, detail or self.reason, SOURCE_LANGUAGE))


def _reason(error: DBAPIError) -> str:
    orig: Any = error.orig
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE.get(code & 0xFF, "failed")
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if isinstance(state, str):
        if state in _POSTGRES:
            return _POSTGRES[state]
        if state.startswith("23"):
            return "constraint"
        if state.startswith("08"):
            return "unreachable"
    if isinstance(error, IntegrityError):
        return "constraint"
    if error.connection_invalidated:
        return "unreachable"
    return "failed"


def storage_error(error: DBAPIError) -> StorageError:
    """The StorageError that says what ``error`` (raised by the driver) means."""
    detail = str(error.orig).strip().splitlines()[0] if error.orig is not None else ""
    return StorageError(_reason(error), detail)
