"""Every failure the window can meet, said in the window's language, never as a traceback.

``describe`` is what a page, the background runner and the database opening show the user:
a storage failure (busy, disk full, read-only …) with what to do, a database this program
cannot open, a refused input. Anything unforeseen is named by its type and message, and
its traceback goes to the log, not to the user.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from workbench import vocabulary
from workbench.services.errors import StorageError, ValidationError
from workbench.ui import labels

_log = logging.getLogger(__name__)

_KEPT = QT_TRANSLATE_NOOP("Errors", "What you typed is still in the form.")


def _tr(text: object) -> str:
    return QCoreApplication.translate("Errors", str(text))


def storage(error: StorageError, typing_kept: bool = False) -> str:
    """What happened to the database and what to do; ``typing_kept`` adds that the form
    still holds the user's edit."""
    text = vocabulary.storage_message(error.reason, error.detail or error.reason, labels.language())
    return f"{text}\n{_tr(_KEPT)}" if typing_kept else text


def _schema(error: Exception) -> str | None:
    from workbench.app import SchemaError, TargetError

    if isinstance(error, TargetError):
        return str(error)
    if not isinstance(error, SchemaError):
        return None
    return vocabulary.schema_message(error.reason, error.params, labels.language())


def describe(error: BaseException) -> str:
    """The message a person reads for ``error``, in the window's language."""
    if isinstance(error, StorageError):
        return storage(error)
    from workbench.transfer.files import FileRefused

    if isinstance(error, FileRefused):  # a spreadsheet or backup the program cannot read
        return error.text(labels.language())
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
