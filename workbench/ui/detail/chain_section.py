"""The chain part of the detail panel: tree, actions, and the editor of the selected link.

Every change goes through ``Runner`` (the panel), which executes the undoable command,
shows a refusal in the right place, pushes it on the undo stack and redraws.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.services import Services
from workbench.services.records import ProblemDetail
from workbench.ui.detail.chain_tree import ChainTree, NodeKey
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.detail.link_forms import CauseForm, LinkForm, ResultForm, SolutionForm
from workbench.ui.detail.undo import (
    ChangeCommand,
    UndoContext,
    add_link,
    delete_link,
    edit_link,
    verify,
)
from workbench.ui.detail.widgets import Confirm
from workbench.ui.lookup_lists import LookupLists

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's default maximum widget size

Runner = Callable[[ChangeCommand, RecordEditor | None], bool]

CHILD_KIND = {"cause": "solution", "solution": "result"}


class ChainSection(QGroupBox):
    def __init__(
        self,
        services: Services,
        ctx: UndoContext,
        run: Runner,
        confirm: Callable[[], Confirm],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Causes → solutions → results"))
        self._services, self._ctx, self._run, self._confirm = services, ctx, run, confirm
        self._detail: ProblemDetail | None = None
        self.read_only = False  # a closed problem's chain: shown, not changed
        self.tree = ChainTree()
        self.solution_form = SolutionForm(services)
        self.forms: dict[str, LinkForm] = {
            "cause": CauseForm(services),
            "solution": self.solution_form,
            "result": ResultForm(services),
        }
        self.hint = QLabel(self.tr("Select a cause, solution or result to edit it."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("color: #607d8b; padding: 16px;")
        self.editors = QStackedWidget()
        self.editors.addWidget(self.hint)
        for form in self.forms.values():
            self.editors.addWidget(form)
            form.saveRequested.connect(lambda f=form: self.save(f))
        self.editors.currentChanged.connect(self._size_to_current_editor)
        scroll = self._editor_area = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editors)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tree)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(self._toolbar())
        layout.addWidget(splitter, 1)
        self.tree.nodeSelected.connect(self._on_selected)
        self._size_to_current_editor(self.editors.currentIndex())
        self._update_actions()

    def _size_to_current_editor(self, current: int) -> None:
        """Size the editor area to the shown form, not to the tallest one: otherwise the
        one-line hint is centred in a form-high page, out of sight below the scroll area.
        While only the hint shows, the area is one line high and the tree gets the room."""
        ignored, preferred = QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        for index in range(self.editors.count()):
            page = self.editors.widget(index)
            assert page is not None  # index is below count()
            if index == current:
                page.setSizePolicy(preferred, preferred)
            else:
                page.setSizePolicy(ignored, ignored)
        self.editors.adjustSize()
        hint_only = self.editors.widget(current) is self.hint
        self._editor_area.setMaximumHeight(
            self.hint.sizeHint().height() + 4 if hint_only else QWIDGETSIZE_MAX
        )

    def _button(self, name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _toolbar(self) -> QVBoxLayout:
        self.add_cause = self._button("add_cause", self.tr("Add cause"), self.start_add_cause)
        self.add_solution = self._button(
            "add_solution", self.tr("Add solution"), lambda: self.start_add_child("cause")
        )
        self.add_result = self._button(
            "add_result", self.tr("Add result"), lambda: self.start_add_child("solution")
        )
        self.edit_button = self._button("edit", self.tr("Edit"), self.focus_editor)
        self.delete_button = self._button("delete", self.tr("Delete…"), self.delete_selected)
        self.verify_button = self._button("verify", self.tr("Verify result"), self.toggle_verify)
        self.verify_button.setToolTip(
            self.tr(
                "Confirm the measured figures. The four-eyes rule: whoever entered a result's "
                "baseline or value after does not verify it (Settings → Team rules)."
            )
        )
        rows = QVBoxLayout()
        rows.setSpacing(6)
        for group in (
            (self.add_cause, self.add_solution, self.add_result),
            (self.edit_button, self.delete_button, self.verify_button),
        ):
            row = QHBoxLayout()
            for button in group:
                row.addWidget(button)
            row.addStretch(1)
            rows.addLayout(row)
        return rows

    def set_lookups(self, lists: LookupLists) -> None:
        self.solution_form.set_lookups(lists)

    # ---- showing ----------------------------------------------------------------------
    def show_detail(self, detail: ProblemDetail | None) -> None:
        """Redraw the tree; reload the open editor unless it holds unsaved input still valid."""
        previous = self._detail
        self._detail = detail
        self.setEnabled(detail is not None)
        self.set_read_only(detail is not None and detail.status == "closed")
        key = self.tree.selected()
        old_record = self._record_in(previous, key)
        self.tree.show_detail(detail)
        if key is not None and self.tree.selected() == key:
            form = self.forms[key[0]]
            record = self.tree.record(key)
            if record != old_record or not form.changes():
                form.edit(record)
        self._update_actions()

    def set_read_only(self, read_only: bool) -> None:
        """A closed problem's causes, solutions and results can be looked at, not changed;
        a new link being typed is dropped (its parent is closed now)."""
        self.read_only = read_only
        for form in self.forms.values():
            form.set_read_only(read_only)
        if read_only and self.editors.currentWidget() is not self.hint:
            key = self.tree.selected()
            if key is None or self.forms[key[0]].entity_id is None:
                self.editors.setCurrentWidget(self.hint)
        self._update_actions()

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
        if key is None:
            self.editors.setCurrentWidget(self.hint)
        else:
            form = self.forms[key[0]]
            form.edit(self.tree.record(key))
            self.editors.setCurrentWidget(form)
        self._update_actions()

    def _update_actions(self) -> None:
        key = self.tree.selected()
        kind = key[0] if key else None
        writable = not self.read_only
        self.add_cause.setEnabled(writable)
        self.add_solution.setEnabled(writable and kind == "cause")
        self.add_result.setEnabled(writable and kind == "solution")
        self.edit_button.setEnabled(writable and key is not None)
        self.delete_button.setEnabled(writable and key is not None)
        result = self.tree.record(key) if kind == "result" else None
        self.verify_button.setEnabled(writable and result is not None)
        verified = bool(result is not None and result.verified)
        self.verify_button.setText(self.tr("Unverify") if verified else self.tr("Verify result"))

    # ---- actions ----------------------------------------------------------------------
    def _open_new(self, kind: str, parent_id: int) -> None:
        form = self.forms[kind]
        form.start_new(parent_id)
        self.editors.setCurrentWidget(form)
        form.form.widget(form.form.names()[0]).setFocus()

    def start_add_cause(self) -> None:
        if self._detail is not None:
            self.tree.setCurrentItem(None)  # type: ignore[call-overload]
            self._open_new("cause", self._detail.id)

    def start_add_child(self, parent_kind: str) -> None:
        key = self.tree.selected()
        if key is not None and key[0] == parent_kind:
            self._open_new(CHILD_KIND[parent_kind], key[1])

    def focus_editor(self) -> None:
        key = self.tree.selected()
        if key is not None:
            form = self.forms[key[0]]
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
                self.tree.select((kind, created))
            return
        record = self.tree.record((kind, form.entity_id))
        self._run(edit_link(self._ctx, pid, kind, record, form.changes()), form)

    def delete_selected(self) -> None:
        key = self.tree.selected()
        if self._detail is None or key is None:
            return
        title = self.tr("Delete")
        question = {
            "cause": self.tr("Delete this cause with its solutions and results?"),
            "solution": self.tr("Delete this solution with its results?"),
            "result": self.tr("Delete this result?"),
        }[key[0]]
        if not self._confirm()(title, question):
            return
        self._run(delete_link(self._ctx, self._detail.id, key[0], key[1]), None)

    def toggle_verify(self) -> None:
        key = self.tree.selected()
        record = self.tree.record(key)
        if self._detail is None or key is None or key[0] != "result":
            return
        command = verify(self._ctx, self._detail.id, key[1], not record.verified)
        self._run(command, self.forms["result"])
