"""Deleting a problem as an undoable command: Ctrl+Z brings it back, same id and code.

The delete is one write (the problem with its causes, whys, solutions and results);
undoing it asks the domain history to reverse that write, which puts every row back with
its id and values. The panel is told what to show after each step: the problem again
(``restored``), or the empty state (``deleted``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from workbench.services.errors import (
    ConflictError,
    NotFoundError,
    StorageError,
    ValidationError,
)
from workbench.services.records import ProblemDetail
from workbench.ui.detail.undo import ChangeCommand, UndoContext

_FAILURES = (ValidationError, NotFoundError, ConflictError, StorageError)


class DeleteProblem(ChangeCommand):
    """Delete one problem with its chain; undo restores it."""

    def __init__(
        self,
        ctx: UndoContext,
        detail: ProblemDetail,
        restored: Callable[[ProblemDetail], None],
        deleted: Callable[[ProblemDetail], None],
    ) -> None:
        text = QCoreApplication.translate("Undo", str(QT_TRANSLATE_NOOP("Undo", "Delete %1")))
        super().__init__(ctx, detail.id, text.replace("%1", detail.code), self._delete)
        self.detail = detail
        self._restored, self._deleted = restored, deleted

    def _delete(self) -> ProblemDetail:
        self.ctx.services.problems.delete(self.detail.id)
        return self.detail

    def undo(self) -> None:
        try:
            self._reverse()
            detail = self.ctx.services.problems.get(self.problem_id)
        except _FAILURES as exc:
            self.succeeded = False
            self.ctx.failed(exc)
            return
        self.succeeded = True
        self._restored(detail)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        try:
            self._reapply()
        except _FAILURES as exc:
            self.succeeded = False
            self.ctx.failed(exc)
            return
        self.succeeded = True
        self._deleted(self.detail)
