"""The record workspace: one problem and its whole chain, edited with undo.

Shown beside the Problems list: the header (code, status, the next statuses), then the
outline of the record (the problem, causes, solutions, results) beside the selected
node's editor at full height, with the History in a tab next to it. Every saved change
goes through the services as an undoable command (see undo.py) and the panel redraws
from the ProblemDetail the service returns.
The undo history belongs to the problem on screen and is cleared when another is shown.
Status changes are undoable only when the way back is itself an allowed transition (e.g.
Open → Analysing is, Verifying → Closed is not); other status changes are not pushed.
A change notice about the problem on screen or its chain (by anyone) redraws it, keeping
what the user has typed but not saved.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.drafts import Drafts
from workbench.services import Services
from workbench.services.errors import (
    ConflictError,
    FieldError,
    NotFoundError,
    StorageError,
    ValidationError,
)
from workbench.services.records import ProblemDetail
from workbench.services.trail import TrailEntry
from workbench.services.training_records import SessionRow
from workbench.ui import errors, labels
from workbench.ui.detail.a3_action import A3Action
from workbench.ui.detail.chain_section import ChainSection
from workbench.ui.detail.concurrency import ConcurrentEdits
from workbench.ui.detail.deletion import DeleteProblem
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.detail.header import ProblemHeader
from workbench.ui.detail.problem_form import ProblemForm, problem_values
from workbench.ui.detail.reasons import ReasonDialog, ask_reason, reason_line
from workbench.ui.detail.record_tabs import RecordTabs
from workbench.ui.detail.undo import (
    ChangeCommand,
    UndoContext,
    change_status,
    conflict_text,
    edit_problem,
)
from workbench.ui.detail.unsaved import DraftKeeper, panel_guard
from workbench.ui.detail.widgets import Confirm, ask_confirmation
from workbench.ui.lookup_lists import LookupLists
from workbench.ui.panes import Panes


class ProblemDetailPanel(ConcurrentEdits, QWidget):
    problemChanged = Signal(int)  # a saved change to problem id
    problemCreated = Signal(int)  # a new problem was saved
    problemDeleted = Signal(int)
    openRequested = Signal(int)  # the user asked to open another problem (a similar one)
    recordRequested = Signal(str, int)  # kind, id: a record another page shows

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        lookups: LookupLists | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("problem_detail")
        self._services = services
        self._detail: ProblemDetail | None = None
        # What the problem's form was filled from: a save carries its version, so a change
        # heard while the user types is refused at save, not silently overwritten.
        self._form_base: ProblemDetail | None = None
        self._lists: LookupLists | None = None
        # Asked before anything is deleted; tests may answer it instead of a dialog.
        self.confirm: Confirm = lambda title, text: ask_confirmation(self, title, text)
        self.reason_dialog: ReasonDialog | None = None  # the last one asked, for tests
        self._undo = QUndoStack(self)
        self._ctx = UndoContext(services, self._redraw, self._undo_failed)
        self.header = ProblemHeader()
        self.a3 = A3Action(services, lambda: self._detail, self)
        self.header.add_trailing(self.a3.button)
        self.problem_form = ProblemForm(services)
        self.problem_form.sourceRequested.connect(self.recordRequested)
        self.chain = ChainSection(
            services, self._ctx, self.run, lambda: self.confirm, self.problem_form
        )
        self.tabs = RecordTabs(
            services,
            self.chain.editors,
            self._trail,
            lambda: self._lists,
            self._training,
            lambda: (
                None if self._detail is None else services.knowledge.for_problem(self._detail.id)
            ),
        )
        self.empty = QLabel(self.tr("Select a problem"))
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #78909c; font-size: 15px;")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self._content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._wire()
        self.guard = panel_guard(self)  # Save / Discard / Stay before leaving typed work
        self.drafts = DraftKeeper(self, Drafts.for_database(services.location))
        self.set_lookups(lookups or LookupLists.read(services.lookups))
        self.show_problem(None)

    def _content(self) -> QWidget:
        self.body = Panes("record_splitter", (2, 3))  # the editor gets the larger share
        self.body.addWidget(self.chain)
        self.body.addWidget(self.tabs)
        self.body.setStretchFactor(1, 1)
        self.tabs.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addWidget(self.body, 1)
        return content

    def _wire(self) -> None:
        self.problem_form.saveRequested.connect(self.save_problem)
        self.problem_form.deleteRequested.connect(self.delete_problem)
        self.problem_form.openRequested.connect(self.openRequested)
        self.header.statusRequested.connect(self.change_status)
        self.header.compareRequested.connect(self.compare_with_saved)
        self.header.takeTheirsRequested.connect(self.take_saved)
        self.tabs.attachments.record = self._record_attachments
        self.tabs.knowledge.openRequested.connect(
            lambda entry_id: self.recordRequested.emit("knowledge_entry", entry_id)
        )
        self.tabs.training.openRequested.connect(
            lambda session_id: self.recordRequested.emit("training_session", session_id)
        )
        self.chain.nodeShown.connect(lambda key: self.tabs.show_node(key, self.chain.read_only))
        # Ctrl+Z and the other keys are the window's (workbench/ui/shortcuts.py).

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo

    @property
    def problem_id(self) -> int | None:
        return self._detail.id if self._detail else None

    # ---- what is shown ----------------------------------------------------------------
    def set_lookups(self, lists: LookupLists) -> None:
        """The modules, sites, departments and people the forms offer (read by the owner
        of the panel once, and again when they change; not on every problem shown)."""
        self._lists = lists
        self.problem_form.set_lookups(lists)
        self.chain.set_lookups(lists)

    def show_problem(self, problem_id: int | None) -> None:
        """Show a saved problem, or the empty state for None."""
        if problem_id != self.problem_id:
            self._forget_history()
        if problem_id is None:
            self._detail = None
            self.empty.setText(self.tr("Select a problem"))
            self.pages.setCurrentWidget(self.empty)
            return
        try:
            detail = self._services.problems.get(problem_id)
        except NotFoundError:
            self._gone()
            return
        self.pages.setCurrentIndex(1)
        self.header.show_error("")
        self._redraw(detail, force=True)

    def new_problem(self) -> None:
        """A blank form; the problem exists once it is saved."""
        self._forget_history()
        self._detail = None
        self.header.show_detail(None, ())
        self.a3.button.setEnabled(False)
        self.header.show_error("")
        self.problem_form.show_blank()
        self.chain.show_detail(None)
        self.tabs.show_record()
        self.tabs.changed(saved=False)
        self.pages.setCurrentIndex(1)
        self.problem_form.form.widget("title").setFocus()

    def _forget_history(self) -> None:
        self._undo.clear()

    def _redraw(
        self,
        detail: ProblemDetail,
        force: bool = False,
        announce: bool = True,
        keep_typing: bool = False,
    ) -> None:
        previous = self._detail
        self._detail = detail
        self.header.show_detail(detail, self._services.problems.allowed_statuses(detail.status))
        self.a3.button.setEnabled(True)
        saved_moved = previous is None or problem_values(previous) != problem_values(detail)
        form = self.problem_form
        if force or (saved_moved and not keep_typing) or form.is_new or not form.changes():
            form.show_detail(detail)
            self._form_base = detail
        self.chain.show_detail(detail)
        self.tabs.show_node(self.chain.shown_key(), self.chain.read_only)  # closed: read-only
        self.tabs.changed(saved=True)
        changes = self._services.problems.status_changes(detail.id)
        self.header.show_reason(reason_line(changes[-1] if changes else None))
        if announce and not force:
            self.problemChanged.emit(detail.id)

    # ---- saving -----------------------------------------------------------------------
    def run(
        self, command: ChangeCommand, editor: RecordEditor | None, undoable: bool = True
    ) -> bool:
        """Execute an undoable change; show a refusal where the user looks; push on success."""
        try:
            detail = command.execute()
        except ValidationError as exc:
            self._refused(exc.errors, editor)
            return False
        except NotFoundError:
            self._missing()
            return False
        except ConflictError as exc:
            self._conflict(exc)
            return False
        except StorageError as exc:
            self.header.show_error(errors.storage(exc, typing_kept=editor is not None))
            return False
        if undoable and command.changed:
            self._undo.push(command)
        self.header.show_error("")
        self._redraw(detail)
        return True

    def _refused(self, errors: Iterable[FieldError], editor: RecordEditor | None) -> None:
        errors = list(errors)
        if editor is not None:
            editor.show_errors(errors)
            return
        # A refused status change may come from a stale view (e.g. a result unverified
        # elsewhere): show what is saved now next to the reason.
        if self._detail is not None:
            with contextlib.suppress(NotFoundError):
                self._redraw(self._services.problems.get(self._detail.id), announce=False)
        self.header.show_error("\n".join(labels.error(e) for e in errors))

    def save_problem(self) -> None:
        form = self.problem_form
        if form.errors():
            return
        if form.is_new:
            try:
                detail = self._services.problems.create(form.values())
            except ValidationError as exc:
                form.show_errors(exc.errors)
                return
            except StorageError as exc:
                self.header.show_error(errors.storage(exc, typing_kept=True))
                return
            self.show_problem(detail.id)
            self.problemCreated.emit(detail.id)
            return
        base = self._form_base
        if self._detail is None or base is None or base.id != self._detail.id:
            return
        self.run(edit_problem(self._ctx, base, form.changes()), form)

    def change_status(self, status: str, reason: str | None = None) -> None:
        """Go to ``status``; a reject or a reopen first asks why (``reason_dialog``)."""
        detail = self._detail
        if detail is None:
            return
        if reason is None and self._services.problems.needs_reason(detail.status, status):
            again = lambda why: self.change_status(status, why)  # noqa: E731
            self.reason_dialog = ask_reason(self, detail, status, again)
            return
        # Undo offers only a way back that is itself an allowed transition (Open → Analysing
        # and back is; Verifying → Closed is not: a closed problem reopens as Analysing).
        way_back = detail.status in self._services.problems.allowed_statuses(status)
        self.run(change_status(self._ctx, detail, status, reason or ""), None, undoable=way_back)

    def delete_problem(self) -> None:
        """Delete the problem shown with its chain, without a question: Ctrl+Z brings it
        back with the same id and code."""
        detail = self._detail
        if detail is None:
            return
        command = DeleteProblem(self._ctx, detail, self._restored, self._show_deleted)
        try:
            command.execute()
        except NotFoundError:
            self._gone()  # already gone: what the user asked for
            return
        except ValidationError as exc:  # closed meanwhile: reopened first
            self._refused(exc.errors, None)
            return
        except StorageError as exc:
            self.header.show_error(errors.storage(exc))
            return
        self._forget_history()
        self._show_deleted(detail)
        self._undo.push(command)

    def _show_deleted(self, detail: ProblemDetail) -> None:
        self._detail = None
        text = self.tr("%1 “%2” was deleted. Ctrl+Z brings it back.")
        self.empty.setText(text.replace("%1", detail.code).replace("%2", detail.title))
        self.pages.setCurrentWidget(self.empty)
        self.problemDeleted.emit(detail.id)

    def _restored(self, detail: ProblemDetail) -> None:
        """An undone delete: the problem is back; the page selects it as a new one."""
        self.pages.setCurrentIndex(1)
        self.header.show_error("")
        self._redraw(detail, force=True)
        self.problemCreated.emit(detail.id)

    def _record_attachments(self, text: str, action: Callable[[], object]) -> None:
        """Run an attachment's write as a step of the undo history; its errors go to
        the attachments view, which shows them."""
        problem_id = self.problem_id
        if problem_id is None:
            raise NotFoundError("no problem is shown")
        services = self._services

        def write() -> ProblemDetail:
            action()
            return services.problems.get(problem_id)

        command = ChangeCommand(self._ctx, problem_id, text, write)
        command.execute()
        if command.changed:
            self._undo.push(command)

    def _training(self) -> tuple[SessionRow, ...] | None:
        if self._detail is None:
            return None
        return self._services.training.for_problem(self._detail.id)

    def _trail(self) -> list[TrailEntry] | None:
        if self._detail is None:
            return None
        return list(self._services.trail.of_problem(self._detail.id))

    def _undo_failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            text = "\n".join(labels.error(e) for e in error.errors)
        elif isinstance(error, ConflictError):
            text = conflict_text(error)
        elif isinstance(error, StorageError):
            text = errors.storage(error)
        else:
            text = self.tr("That step cannot be undone: the record was changed elsewhere.")
        # The stack cannot be cleared from inside its own undo()/redo().
        QTimer.singleShot(0, self, lambda: self._after_failed_step(text))

    def _after_failed_step(self, text: str) -> None:
        problem_id = self.problem_id
        self._forget_history()
        self.show_problem(problem_id)
        if self._detail is not None:
            self.header.show_error(
                text + "\n" + self.tr("The undo history was cleared; shown is what is saved.")
            )
