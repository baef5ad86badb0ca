"""Every failure the window can meet, said in the window's language, never as a traceback.

``describe`` is what a page, the background runner and the database opening show the user:
a storage failure (busy, disk full, read-only …) with what to do, a database this program
cannot open, a refused input. Anything unforeseen is named by its type and message, and
its traceback goes to the log, not to the user.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from workbench.services.errors import StorageError, ValidationError
from workbench.ui import labels

_log = logging.getLogger(__name__)

_STORAGE = {
    "busy": QT_TRANSLATE_NOOP(
        "Errors",
        "The database is busy: another program or person is writing to it. Nothing was "
        "saved; try again in a moment.",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full: nothing was saved. Free some space, then try again."
    ),
    "read_only": QT_TRANSLATE_NOOP(
        "Errors",
        "The database file is read-only: nothing can be saved to it. Copy it to a folder "
        "you can write to, or ask for write permission.",
    ),
    "constraint": QT_TRANSLATE_NOOP(
        "Errors", "The database refused the change (%1): nothing was saved."
    ),
    "cannot_open": QT_TRANSLATE_NOOP(
        "Errors",
        "The database file cannot be opened (moved, deleted or on a drive that is not "
        "connected). Nothing was saved.",
    ),
    "damaged": QT_TRANSLATE_NOOP(
        "Errors", "The database file is damaged (%1). Nothing was saved; restore it from a backup."
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "Errors",
        "The database server cannot be reached (%1). Nothing was saved; check the network, "
        "then try again.",
    ),
    "failed": QT_TRANSLATE_NOOP(
        "Errors", "The database reported an error (%1). Nothing was saved."
    ),
}

_KEPT = QT_TRANSLATE_NOOP("Errors", "What you typed is still in the form.")


def _tr(text: object) -> str:
    return QCoreApplication.translate("Errors", str(text))


def storage(error: StorageError, typing_kept: bool = False) -> str:
    """What happened to the database and what to do; ``typing_kept`` adds that the form
    still holds the user's edit."""
    text = _tr(_STORAGE.get(error.reason, _STORAGE["failed"])).replace(
        "%1", error.detail or error.reason
    )
    return f"{text}\n{_tr(_KEPT)}" if typing_kept else text


def _schema(error: Exception) -> str | None:
    from workbench.app import SchemaError, TargetError

    if isinstance(error, TargetError):
        return str(error)
    if not isinstance(error, SchemaError):
        return None
    params = error.params
    if error.reason == "newer":
        text = QCoreApplication.translate(
            "DatabaseOpening",
            "This database was written by a newer Governance Workbench (schema %1; this "
            "program knows up to %2). Install the newer program to open it.",
        )
        return text.replace("%1", params["found"]).replace("%2", params["known"])
    if error.reason == "unknown_revision":
        text = QCoreApplication.translate(
            "DatabaseOpening",
            "This database has an unknown schema revision (%1; this program knows 0001 to "
            "%2): it was not written by Governance Workbench, or was changed by another tool.",
        )
        return text.replace("%1", params["found"]).replace("%2", params["known"])
    if error.reason == "not_workbench":
        text = QCoreApplication.translate(
            "DatabaseOpening", "This file is not a Governance Workbench database (%1)."
        )
        return text.replace("%1", params["detail"])
    return str(error)


def describe(error: BaseException) -> str:
    """The message a person reads for ``error``, in the window's language."""
    if isinstance(error, StorageError):
        return storage(error)
    if isinstance(error, ValidationError):
        return "\n".join(labels.error(e) for e in error.errors)
    if isinstance(error, Exception) and (schema := _schema(error)) is not None:
        return schema
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror or error}{where}"
    _log.error("unexpected failure", exc_info=error)
    text = _tr(QT_TRANSLATE_NOOP("Errors", "Something went wrong: %1"))
    return text.replace("%1", f"{type(error).__name__}: {error}".rstrip(": "))
