"""An undoable step of any page: one write through the services, undone and redone by
the domain history.

A step runs its write once (``execute``, which may raise ValidationError or ConflictError
so the form can show it) and keeps the ChangeSets the write produced; only then is it
pushed, so its first ``redo`` from ``QUndoStack.push`` is skipped. Undo asks
``services.history`` to reverse those ChangeSets (same ids, same values); redo reverses
the reversal. After each step the page reads what is saved now (``reread``) and shows it
(``shown``); a step refused because the records changed since, or a rule, goes to
``failed``. Every page's undo is one of these (the record workspace's ChangeCommand too).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from workbench.services import ChangeSet, Services
from workbench.services.errors import (
    ConflictError,
    NotFoundError,
    StorageError,
    ValidationError,
)

REFUSALS = (ValidationError, NotFoundError, ConflictError, StorageError)


class RecordedStep(QUndoCommand):
    def __init__(
        self,
        services: Services,
        text: str,
        action: Callable[[], Any],
        reread: Callable[[], Any],
        shown: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        super().__init__(text)
        self._services = services
        self._action, self._reread, self._shown, self._failed = action, reread, shown, failed
        self._done: tuple[ChangeSet, ...] = ()
        self._undone: ChangeSet | None = None
        self._skip_redo = False
        self.succeeded = True  # whether the last undo or redo did what it says
        self.result: Any = None  # what the action returned when first applied

    def execute(self) -> Any:
        """Apply for the first time; errors propagate to the caller, nothing is pushed."""
        self.result, self._done = self._services.recorded(self._action)
        self._skip_redo = True
        return self.result

    @property
    def changed(self) -> bool:
        """Whether the step wrote anything (saving equal values writes nothing)."""
        return bool(self._done)

    def created(self, kind: str) -> int | None:
        """The id of the ``kind`` record the step created, if it created one."""
        ids = [i for change in self._done for i in change.ids(kind, "create")]
        return ids[0] if ids else None

    def undo(self) -> None:
        self._step(self._reverse)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._step(self._reapply)

    def _reverse(self) -> None:
        self._undone = self._services.history.undo(self._done)

    def _reapply(self) -> None:
        if self._undone is not None:
            again = self._services.history.undo(self._undone)
            self._done = (again,) if again is not None else ()

    def _step(self, step: Callable[[], None]) -> None:
        try:
            step()
            now = self._reread()
        except REFUSALS as exc:
            self.succeeded = False
            self._failed(exc)
            return
        self.succeeded = True
        self._shown(now)


def perform(step: RecordedStep, undo: QUndoStack, refused: Callable[[Exception], None]) -> bool:
    """Apply ``step`` once and push it on ``undo`` when it wrote something. A refusal goes
    to ``refused`` and nothing is pushed (False); ``refused`` may re-raise what the page
    shows in its own way."""
    try:
        step.execute()
    except REFUSALS as exc:
        refused(exc)
        return False
    if step.changed:
        undo.push(step)
    return True
