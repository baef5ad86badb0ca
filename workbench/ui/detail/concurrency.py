"""The record workspace when the record moves under its feet: a write by anyone (this
window, another window, another person) redraws what it touched and keeps what is typed;
a save refused because someone saved first offers Compare and Show theirs; a record
deleted elsewhere is said so.

``ConcurrentEdits`` is a part of ``ProblemDetailPanel`` (its base), kept apart because it
is one concern: it uses the panel's services, header, forms and redraw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from workbench.services.changes import CREATED, DELETED, ChangeSet
from workbench.services.errors import ConflictError, NotFoundError
from workbench.services.records import ProblemDetail
from workbench.ui.detail.chain_tree import chain_keys
from workbench.ui.detail.compare import CompareDialog
from workbench.ui.detail.undo import conflict_text, edit_problem

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

    from workbench.services import Services
    from workbench.ui.detail.header import ProblemHeader
    from workbench.ui.detail.problem_form import ProblemForm
    from workbench.ui.detail.record_tabs import RecordTabs
    from workbench.ui.detail.undo import UndoContext
    from workbench.ui.lookup_lists import LookupLists

# Record kinds (table names) of a problem's chain.
CHAIN_KINDS = ("cause", "cause_why", "solution", "result")


def _tr(text: object) -> str:
    """``text`` is marked with QT_TRANSLATE_NOOP (typed ``object``) in the panel's context."""
    return QCoreApplication.translate("ProblemDetailPanel", str(text))


class ConcurrentEdits:
    if TYPE_CHECKING:  # what this part uses of the panel
        _services: Services
        _ctx: UndoContext
        _detail: ProblemDetail | None
        _form_base: ProblemDetail | None
        _lists: LookupLists | None
        header: ProblemHeader
        problem_form: ProblemForm
        tabs: RecordTabs
        empty: QLabel
        pages: QStackedWidget
        problemDeleted: SignalInstance
        run: Callable[..., bool]
        show_problem: Callable[[int | None], None]
        _redraw: Callable[..., None]
        _forget_history: Callable[[], None]

        @property
        def problem_id(self) -> int | None: ...

    def changed(self, change: ChangeSet) -> None:
        """A committed write by anyone: redraw if it touched the problem shown or its
        chain. A notice names neither a new link's parent nor a why's cause, so those
        cost one read of this problem (nothing is redrawn when they are not its own)."""
        problem_id = self.problem_id
        if problem_id is None:
            return
        self.tabs.attachments.on_changes(change)
        if change.touches("training_session", "training_link", "attendance"):
            self.tabs.changed(saved=True)  # the Training tab reads again
        if problem_id in change.ids("problem", DELETED):
            self._gone()
            return
        shown = chain_keys(self._detail)
        if problem_id in change.ids("problem") or any(
            record.kind in CHAIN_KINDS
            and (
                record.action == CREATED
                or record.kind == "cause_why"
                or (record.kind, record.id) in shown
            )
            for record in change.records
        ):
            self.refresh()

    def refresh(self) -> None:
        """Show what is saved now, keeping unsaved typing in the problem's form."""
        if self._detail is None:
            return
        try:
            detail = self._services.problems.get(self._detail.id)
        except NotFoundError:
            self._gone()
            return
        if detail != self._detail:
            self._redraw(detail, announce=False, keep_typing=True)

    def _missing(self) -> None:
        """Something edited here was deleted elsewhere: show what is saved now, and say so."""
        problem_id = self.problem_id
        if problem_id is None:
            return
        try:
            detail = self._services.problems.get(problem_id)
        except NotFoundError:
            self._gone()
            return
        self._redraw(detail, force=True)
        self.header.show_error(
            _tr(
                QT_TRANSLATE_NOOP(
                    "ProblemDetailPanel",
                    "That item no longer exists: it was deleted elsewhere. Shown is what is saved.",
                )
            )
        )

    def _gone(self) -> None:
        gone = self.problem_id
        self._forget_history()
        self._detail = None
        self.empty.setText(
            _tr(
                QT_TRANSLATE_NOOP(
                    "ProblemDetailPanel", "This problem no longer exists: it was deleted elsewhere."
                )
            )
        )
        self.pages.setCurrentWidget(self.empty)
        if gone is not None:
            self.problemDeleted.emit(gone)

    def _conflict(self, error: ConflictError) -> None:
        """Someone saved the record since this form was filled: nothing was written; the
        typed edit stays in the form, the panel says who changed what, and when, and
        offers to compare or to show theirs."""
        self.header.show_conflict(
            conflict_text(error)
            + "\n"
            + _tr(
                QT_TRANSLATE_NOOP(
                    "ProblemDetailPanel", "Your edit was not saved and is still in the form."
                )
            )
        )

    def compare_with_saved(self) -> CompareDialog | None:
        """Your edit beside what is saved now; keep yours (saved over theirs) or theirs."""
        base, form = self._form_base, self.problem_form
        if base is None:
            return None
        try:
            saved = self._services.problems.get(base.id)
        except NotFoundError:
            self._gone()
            return None
        typed = form.values()
        mine = {name: typed[name] for name in form.changes()}
        dialog = CompareDialog(mine, base, saved, self._lists, self._as_widget())
        dialog.keepMine.connect(lambda: self.run(edit_problem(self._ctx, saved, mine), form))
        dialog.takeTheirs.connect(self.take_saved)
        dialog.open()
        return dialog

    def _as_widget(self) -> QWidget:
        return cast("QWidget", self)

    def take_saved(self) -> None:
        """Discard the edit in the form and show what is saved now."""
        if self._detail is not None:
            self.show_problem(self._detail.id)
