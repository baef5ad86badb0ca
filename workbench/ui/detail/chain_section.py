"""The outline of a problem's record (the problem, its causes, solutions and results)
with its actions, and the stack of editors that shows the selected node's record.

The panel puts the outline on the left and ``editors`` full height beside it. Moving to
another node while the shown editor holds unsaved typing asks Save, Discard or Stay
first. Every change goes through ``Runner`` (the panel), which executes the undoable
command, shows a refusal in the right place, pushes it on the undo stack and redraws.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.services import Services
from workbench.services.records import ProblemDetail
from workbench.ui import labels
from workbench.ui.controls import push_button
from workbench.ui.detail.chain_tree import ChainTree, NodeKey
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.detail.kpi_link import KpiLinkDialog
from workbench.ui.detail.link_forms import CauseForm, LinkForm, ResultForm, SolutionForm
from workbench.ui.detail.undo import (
    ChangeCommand,
    UndoContext,
    add_link,
    delete_link,
    edit_link,
    link_series,
    unlink_series,
    verify,
)
from workbench.ui.detail.widgets import Confirm
from workbench.ui.leaving import Ask, Leave, ask_leave
from workbench.ui.lookup_lists import LookupLists

Runner = Callable[[ChangeCommand, RecordEditor | None], bool]

CHILD_KIND = {"cause": "solution", "solution": "result"}


class ChainSection(QWidget):
    nodeShown = Signal(object)  # NodeKey: its record is now in the editor

    def __init__(
        self,
        services: Services,
        ctx: UndoContext,
        run: Runner,
        confirm: Callable[[], Confirm],
        problem_form: RecordEditor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self._services, self._ctx, self._run, self._confirm = services, ctx, run, confirm
        self._detail: ProblemDetail | None = None
        self._redrawing = False  # the tree is rebuilt: its selection moves without a question
        self.read_only = False  # a closed problem's chain: shown, not changed
        self.tree = ChainTree()
        self.problem_form = problem_form
        self.solution_form = SolutionForm(services)
        self.result_form = ResultForm(services)
        self.result_form.seriesRequested.connect(self.choose_series)
        self.result_form.unlinkRequested.connect(self.unlink_series)
        self.series_dialog: KpiLinkDialog | None = None  # the last one opened, for tests
        self.forms: dict[str, LinkForm] = {
            "cause": CauseForm(services),
            "solution": self.solution_form,
            "result": self.result_form,
        }
        self.editors = QStackedWidget()
        self.editors.setObjectName("record_editors")
        self.editors.addWidget(problem_form)
        for form in self.forms.values():
            self.editors.addWidget(form)
            form.saveRequested.connect(lambda f=form: self.save(f))
            form.stateChanged.connect(self._mark_unsaved)
        problem_form.stateChanged.connect(self._mark_unsaved)
        # The question before leaving an editor's typing; tests may answer it instead.
        self.ask: Ask = lambda title, text: ask_leave(self, title, text)
        self._shown: NodeKey | None = None  # the node whose record the editor shows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.tree, 1)
        self.tree.nodeSelected.connect(self._on_selected)
        self._update_actions()

    def _toolbar(self) -> QGridLayout:
        self.add_cause = push_button("add_cause", self.tr("+ Cause"), self.start_add_cause)
        self.add_cause.setToolTip(self.tr("Add a cause of the problem"))
        self.add_solution = push_button(
            "add_solution", self.tr("+ Solution"), lambda: self.start_add_child("cause")
        )
        self.add_solution.setToolTip(self.tr("Add a solution to the cause selected"))
        self.add_result = push_button(
            "add_result", self.tr("+ Result"), lambda: self.start_add_child("solution")
        )
        self.add_result.setToolTip(self.tr("Add a measured result of the solution selected"))
        self.delete_button = push_button("delete", self.tr("Delete"), self.delete_selected)
        self.delete_button.setToolTip(self.tr("Delete it with what hangs under it; Ctrl+Z"))
        self.verify_button = push_button("verify", self.tr("Verify result"), self.toggle_verify)
        self.verify_button.setToolTip(
            self.tr(
                "Confirm the measured figures. The four-eyes rule: whoever entered a result's "
                "baseline or value after does not verify it (Settings → Team rules)."
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        for column, button in enumerate((self.add_cause, self.add_solution, self.add_result)):
            grid.addWidget(button, 0, column)
        grid.addWidget(self.verify_button, 1, 0, 1, 2)
        grid.addWidget(self.delete_button, 1, 2)
        return grid

    def set_lookups(self, lists: LookupLists) -> None:
        self.solution_form.set_lookups(lists)

    # ---- showing ----------------------------------------------------------------------
    def show_detail(self, detail: ProblemDetail | None) -> None:
        """Redraw the outline; reload the open link editor unless it holds unsaved input
        still valid (the problem's form is the panel's to fill)."""
        previous = self._detail
        self._detail = detail
        self.set_read_only(detail is not None and detail.status == "closed")
        key = self.tree.selected()
        old_record = self._record_in(previous, key)
        self._redrawing = True
        try:
            effects = (
                {}
                if detail is None
                else self._services.effects.for_problem(detail.id, labels.language())
            )
            self.tree.show_detail(detail, effects)
        finally:
            self._redrawing = False
        if key is not None and key[0] in self.forms and self.tree.selected() == key:
            form = self.forms[key[0]]
            record = self.tree.record(key)
            if form.entity_id == key[1] and (record != old_record or not form.changes()):
                form.edit(record)
        if self.result_form.entity_id is not None and detail is not None:
            self.result_form.show_series()  # a link is saved at once, beside any typing
        self._update_actions()
        self._mark_unsaved()

    def set_read_only(self, read_only: bool) -> None:
        """A closed problem's causes, solutions and results can be looked at, not changed;
        a new link being typed is dropped (its parent is closed now)."""
        self.read_only = read_only
        for form in self.forms.values():
            form.set_read_only(read_only)
        current = self.editors.currentWidget()
        if read_only and isinstance(current, LinkForm) and current.entity_id is None:
            self._show_editor(self.tree.problem_key())
        self._update_actions()

    def shown_key(self) -> NodeKey:
        """The node whose record the editor shows (the problem while a new link is typed)."""
        return self._shown if self._shown_is_selected() and self._shown else self.tree.problem_key()

    def editor_for(self, key: NodeKey) -> RecordEditor:
        return self.problem_form if key[0] == "problem" else self.forms[key[0]]

    def shown_editor(self) -> RecordEditor:
        editor = self.editors.currentWidget()
        assert isinstance(editor, RecordEditor)  # the stack holds only editors
        return editor

    def _show_editor(self, key: NodeKey) -> None:
        editor = self.editor_for(key)
        if isinstance(editor, LinkForm):
            editor.edit(self.tree.record(key))
        self._shown = key
        self.editors.setCurrentWidget(editor)
        self._mark_unsaved()
        self.nodeShown.emit(key)

    def _mark_unsaved(self) -> None:
        editor = self.editors.currentWidget()
        unsaved = isinstance(editor, RecordEditor) and bool(editor.changes())
        shown = self._shown if unsaved and self._shown_is_selected() else None
        self.tree.mark_unsaved(shown)

    def _shown_is_selected(self) -> bool:
        editor = self.editors.currentWidget()
        return not (isinstance(editor, LinkForm) and editor.entity_id is None)

    @staticmethod
    def _record_in(detail: ProblemDetail | None, key: NodeKey | None) -> Any:
        if detail is None or key is None:
            return None
        for cause in detail.causes:
            if key == ("cause", cause.id):
                return cause
            for solution in cause.solutions:
                if key == ("solution", solution.id):
                    return solution
                for result in solution.results:
                    if key == ("result", result.id):
                        return result
        return None

    def _on_selected(self, key: NodeKey | None) -> None:
        key = key or self.tree.problem_key()
        editor = self.shown_editor()
        leaving = key != self._shown or editor is not self.editor_for(key)
        if leaving and editor.changes() and not self._redrawing:
            # Back to the node being edited for now; asked once the click is over.
            if self._shown is not None and self._shown_is_selected():
                self.tree.blockSignals(True)
                self.tree.select(self._shown)
                self.tree.blockSignals(False)
            QTimer.singleShot(0, self, lambda: self._leave_editor_for(key))
            return
        if leaving or self._redrawing:
            self._show_editor(key)
        self._update_actions()

    def may_leave_editor(self) -> bool:
        """Nothing typed in the editor shown, or the user chose Save (and it saved) or
        Discard; Stay keeps it."""
        editor = self.shown_editor()
        if not editor.changes():
            return True
        text = self.tr("%1 has changes that are not saved. Save them?")
        answer = self.ask(self.tr("Unsaved changes"), text.replace("%1", editor.plain_title()))
        if answer is Leave.SAVE:
            editor.try_save()
            return not editor.changes()  # refused: the reason is shown in the form
        if answer is Leave.DISCARD:
            editor.revert()
            return True
        return False

    def _leave_editor_for(self, key: NodeKey) -> None:
        if not self.may_leave_editor():
            return
        if self.tree.record(key) is not None or key[0] == "problem":
            self.tree.blockSignals(True)
            self.tree.select(key)
            self.tree.blockSignals(False)
            self._show_editor(key)
        self._update_actions()

    def _update_actions(self) -> None:
        key = self.tree.selected()
        kind = key[0] if key else None
        writable = not self.read_only and self._detail is not None
        self.add_cause.setEnabled(writable)
        self.add_solution.setEnabled(writable and kind == "cause")
        self.add_result.setEnabled(writable and kind == "solution")
        self.delete_button.setEnabled(writable and kind in self.forms)
        result = self.tree.record(key) if kind == "result" else None
        self.verify_button.setEnabled(writable and result is not None)
        verified = bool(result is not None and result.verified)
        self.verify_button.setText(self.tr("Unverify") if verified else self.tr("Verify result"))

    # ---- actions ----------------------------------------------------------------------
    def _open_new(self, kind: str, parent_id: int) -> None:
        if not self.may_leave_editor():
            return
        form = self.forms[kind]
        form.start_new(parent_id)
        self.editors.setCurrentWidget(form)
        self._mark_unsaved()
        form.form.widget(form.form.names()[0]).setFocus()

    def start_add_cause(self) -> None:
        if self._detail is not None:
            self._open_new("cause", self._detail.id)

    def start_add_child(self, parent_kind: str) -> None:
        key = self.tree.selected()
        if key is not None and key[0] == parent_kind:
            self._open_new(CHILD_KIND[parent_kind], key[1])

    def focus_editor(self) -> None:
        form = self.shown_editor()
        form.form.widget(form.form.names()[0]).setFocus()

    def save(self, form: LinkForm) -> None:
        if self._detail is None or form.errors():
            return
        pid = self._detail.id
        kind = form.link.kind
        if form.entity_id is None:
            assert form.parent_id is not None
            add = add_link(self._ctx, pid, kind, form.parent_id, form.values())
            created = add.created(kind) if self._run(add, form) else None
            if created is not None:
                form.edit(self.tree.record((kind, created)))  # saved: no longer new
                self.tree.select((kind, created))
            return
        record = self.tree.record((kind, form.entity_id))
        self._run(edit_link(self._ctx, pid, kind, record, form.changes()), form)

    def delete_selected(self) -> None:
        """Delete the selected item with what hangs under it, without a question: Ctrl+Z
        brings it back."""
        key = self.tree.selected()
        if self._detail is None or key is None:
            return
        self._run(delete_link(self._ctx, self._detail.id, key[0], key[1]), None)

    def toggle_verify(self) -> None:
        key = self.tree.selected()
        record = self.tree.record(key)
        if self._detail is None or key is None or key[0] != "result":
            return
        command = verify(self._ctx, self._detail.id, key[1], not record.verified)
        self._run(command, self.forms["result"])

    # ---- a result measured by a KPI series ---------------------------------------------
    def _shown_result(self) -> int | None:
        form = self.result_form
        shown = self.editors.currentWidget() is form and form.entity_id is not None
        return form.entity_id if shown and self._detail is not None else None

    def choose_series(self) -> None:
        """Open the dialog that links the result shown to a KPI series; **Link** writes
        it as one step of the undo."""
        result_id = self._shown_result()
        if result_id is None:
            return
        dialog = KpiLinkDialog(self._services, result_id, self)
        self.series_dialog = dialog
        dialog.accepted.connect(lambda: self._link(result_id, dialog))
        dialog.open()

    def _link(self, result_id: int, dialog: KpiLinkDialog) -> None:
        choice = dialog.choice()
        if self._detail is None or choice is None:
            return
        self._run(link_series(self._ctx, self._detail.id, result_id, choice), self.result_form)

    def unlink_series(self) -> None:
        result_id = self._shown_result()
        if result_id is not None and self._detail is not None:
            command = unlink_series(self._ctx, self._detail.id, result_id)
            self._run(command, self.result_form)
