"""The Knowledge page (知识库): the usage champions' tips and FAQs beside the editor of the
one selected (its Markdown body shown rendered), "was this helpful?" and its views, and
the searches people made that found nothing, so champions know what to write next.

The list sorts by most helpful, most viewed or newest; an outdated entry stays in it,
grey and marked. Every change (an entry saved, added or deleted, a vote) is one step of
the page's undo; opening an entry counts a view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.services import ChangeSet, Services
from workbench.services.errors import ConflictError
from workbench.services.knowledge_records import KnowledgeRecord
from workbench.ui import errors
from workbench.ui import shortcuts as keys
from workbench.ui.controls import ErrorText, push_button, record_table, select_row, stretch_column
from workbench.ui.detail.undo import conflict_text
from workbench.ui.forms_editing import FormsEditing
from workbench.ui.knowledge_form import LINKS, KnowledgeForm
from workbench.ui.knowledge_table import EntryTableModel, MissTableModel
from workbench.ui.lookup_lists import LOOKUP_KINDS, LookupLists
from workbench.ui.pages import Registered
from workbench.ui.panes import Panes
from workbench.ui.recorded_step import RecordedStep, perform

ENTRY = "knowledge_entry"
TABLES = (ENTRY, "knowledge_link", "knowledge_vote", "problem", "training_session")


class KnowledgeEditing(FormsEditing):
    """The editing keys of every page of forms, and Delete on the list's entry."""

    def __init__(self, page: KnowledgePage) -> None:
        super().__init__(page, [page.form], page.new_entry)

    def command(self, name: str) -> bool:
        page = cast("KnowledgePage", self.parent())
        if name == keys.DELETE and page.table.hasFocus() and page.selected_id() is not None:
            page.delete_entry()
            return True
        return super().command(name)


class KnowledgePage(Registered, QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("knowledge_page")
        self._services = services
        self._undo = QUndoStack(self)
        self.sort = QComboBox()
        self.sort.setObjectName("knowledge_sort")
        for key, text in (
            ("helpful", self.tr("Most helpful")),
            ("viewed", self.tr("Most viewed")),
            ("newest", self.tr("Newest")),
        ):
            self.sort.addItem(text, key)
        self.new_button = push_button("new_entry", self.tr("New tip"), self.new_entry)
        self.new_faq = push_button("new_faq", self.tr("New FAQ"), lambda: self.new_entry("faq"))
        self.delete_button = push_button("delete_entry", self.tr("Delete"), self.delete_entry)
        self.message = ErrorText()
        self.model = EntryTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("knowledge_entries")
        self.form = KnowledgeForm(services)
        self.feedback = QLabel()
        self.feedback.setObjectName("knowledge_feedback")
        self.helpful = push_button("vote_helpful", self.tr("Yes, helpful"), lambda: self.vote(True))
        self.unhelpful = push_button("vote_unhelpful", self.tr("No"), lambda: self.vote(False))
        self.misses = MissTableModel(self)
        self.miss_table = QTableView()
        self.miss_table.setObjectName("search_misses")
        self.tabs = QTabWidget()
        self._answering: str | None = None  # the not-found search a new FAQ answers
        self._layout()
        self.form.saveRequested.connect(self.save)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.sort.currentIndexChanged.connect(lambda _i: self._reload())
        self.tabs.currentChanged.connect(lambda _i: self._show_misses())
        self.form.set_lookups(LookupLists.read(services.lookups))
        self.editing = KnowledgeEditing(self)
        self.form.show_blank()
        self._reload()
        first = self.model.row(0)
        if first is not None:  # shown, not asked for: no view counted
            self.select_entry(first.id)

    def _layout(self) -> None:
        record_table(self.table)
        self.table.setModel(self.model)
        stretch_column(self.table, 1)  # the title
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sort")))
        top.addWidget(self.sort)
        top.addStretch(1)
        top.addWidget(self.delete_button)
        top.addWidget(self.new_faq)
        top.addWidget(self.new_button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        right = QWidget()
        shown = QVBoxLayout(right)
        shown.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("As readers see it"))
        heading.setStyleSheet("font-weight: bold;")
        shown.addWidget(heading)
        shown.addWidget(self.form.preview, 1)
        votes = QHBoxLayout()
        votes.addWidget(QLabel(self.tr("Was this helpful?")))
        votes.addWidget(self.helpful)
        votes.addWidget(self.unhelpful)
        votes.addStretch(1)
        shown.addLayout(votes)
        shown.addWidget(self.feedback)
        self.panes = Panes("knowledge_splitter", (4, 4, 3))
        for pane in (left, self.form, right):
            self.panes.addWidget(pane)
        entries = QWidget()
        box = QVBoxLayout(entries)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.panes)
        record_table(self.miss_table)
        self.miss_table.setModel(self.misses)
        self.miss_table.horizontalHeader().setStretchLastSection(True)
        misses = QWidget()
        miss_box = QVBoxLayout(misses)
        miss_box.addWidget(
            QLabel(self.tr("What people searched for and did not find: write the entry they need."))
        )
        miss_box.addWidget(self.miss_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(push_button("dismiss_miss", self.tr("Dismiss"), self.dismiss_miss))
        buttons.addWidget(push_button("answer_miss", self.tr("Write an FAQ"), self.answer_miss))
        miss_box.addLayout(buttons)
        self.tabs.addTab(entries, self.tr("Tips and FAQs"))
        self.tabs.addTab(misses, self.tr("Searched, not found"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

    # ---- the Page protocol ----------------------------------------------------------
    page_key = "knowledge"  # its title() and icon() come from the registry (Registered)

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != ENTRY:
            return False
        self.tabs.setCurrentIndex(0)
        return self.select_entry(record_id, count=True)  # someone asked to read it

    def changed(self, change: ChangeSet) -> None:
        if change.touches(*LOOKUP_KINDS):
            self.form.set_lookups(LookupLists.read(self._services.lookups))
        if change.touches(*TABLES, *LOOKUP_KINDS):
            self._reload(keep_form=True)

    # ---- showing --------------------------------------------------------------------
    def _reload(self, keep_form: bool = False) -> None:
        selected = self.selected_id()
        self.model.show(self._services.knowledge.entries(str(self.sort.currentData())))
        self.table.resizeColumnsToContents()
        if selected is not None and self.model.row_of(selected) is not None:
            self.select_entry(selected, reload_form=not (keep_form and self.form.changes()))
        self.delete_button.setEnabled(self.selected_id() is not None)

    def _show_misses(self) -> None:
        if self.tabs.currentIndex() == 1:
            self.misses.show(self._services.search.misses())
            self.miss_table.resizeColumnsToContents()

    def selected_id(self) -> int | None:
        row = self.model.row(self.table.currentIndex().row())
        return row.id if row is not None else None

    def select_entry(self, entry_id: int, reload_form: bool = True, count: bool = False) -> bool:
        number = self.model.row_of(entry_id)
        if number is None:
            return False
        selection = self.table.selectionModel()
        blocked = selection.blockSignals(True)
        select_row(self.table, number)
        selection.blockSignals(blocked)
        self.table.scrollTo(self.model.index(number, 0))
        if count:
            self._services.knowledge.viewed(entry_id)
        record = self._services.knowledge.get(entry_id)
        if reload_form:
            self.form.show_entry(record)
        self._show_feedback(record)
        self.delete_button.setEnabled(True)
        return True

    def _show_feedback(self, record: KnowledgeRecord | None) -> None:
        for button in (self.helpful, self.unhelpful):
            button.setEnabled(record is not None)
        if record is None:
            self.feedback.setText("")
            return
        text = self.tr("%1 found it helpful · %2 did not · %3 views")
        self.feedback.setText(
            text.replace("%1", str(record.helpful))
            .replace("%2", str(record.not_helpful))
            .replace("%3", str(record.views))
        )

    def _selected(
        self, current: QModelIndex, _previous: QModelIndex | QPersistentModelIndex
    ) -> None:
        row = self.model.row(current.row())
        shown = self.form.entry
        if row is not None and (shown is None or shown.id != row.id):
            if not self.editing.guard.may_leave():
                QTimer.singleShot(0, self, lambda: self._back_to(shown))
                return
            self.select_entry(row.id, count=True)

    def _back_to(self, shown: KnowledgeRecord | None) -> None:
        if shown is not None:
            self.select_entry(shown.id, reload_form=False)

    # ---- changes, each an undoable step ---------------------------------------------
    def _step(self, text: str, action: Callable[[], Any]) -> RecordedStep | None:
        step = RecordedStep(
            self._services,
            text,
            action,
            lambda: self._services.knowledge.entries(),
            lambda _rows: self._after_step(),
            self._refused,
        )
        if not perform(step, self._undo, self._refused):
            return None
        self.message.show_text("")
        return step

    def _after_step(self) -> None:
        self.message.show_text("")
        self._reload()
        if self.form.entry is not None and self.selected_id() != self.form.entry.id:
            self.form.show_blank()

    def _refused(self, error: Exception) -> None:
        text = conflict_text(error) if isinstance(error, ConflictError) else errors.describe(error)
        self.message.show_text(text)

    def save(self) -> None:
        values, wanted = self.form.entry_values()
        service = self._services.knowledge
        record = self.form.entry
        if record is None:

            def create() -> None:
                made = service.create(values)
                for target, target_id in wanted:
                    service.link(made.id, target, target_id)

            step = self._step(self.tr("Add “%1”").replace("%1", values["title"]), create)
            created = step.created(ENTRY) if step else None
            if created is not None:
                if self._answering is not None:  # the question searched for has its FAQ
                    self._services.search.forget_miss(self._answering)
                    self._answering = None
                self._reload()
                self.select_entry(created)
            return
        changes = {k: v for k, v in self.form.changes().items() if k != LINKS}
        had = self.form.typed_targets()
        links = {(link.target, link.target_id): link.id for link in record.links}

        def write() -> None:
            if changes:
                service.update(record.id, changes, record.version)
            for target, target_id in sorted(set(wanted) - had):
                service.link(record.id, target, target_id)
            for gone in sorted(had - set(wanted)):
                service.unlink(record.id, links[gone])

        if self._step(self.tr("Edit “%1”").replace("%1", record.title), write) is not None:
            self._reload()
            self.select_entry(record.id)

    def new_entry(self, kind: str = "tip", title: str = "") -> None:
        if self.form.changes() and not self.editing.guard.may_leave():
            return
        self.tabs.setCurrentIndex(0)
        self.table.clearSelection()
        self.form.show_blank(kind)
        if title:
            self.form.form.type_values({"title": title})
        self._show_feedback(None)
        self._answering = None
        self.form.form.widget("title").setFocus()

    def delete_entry(self) -> None:
        entry_id = self.selected_id()
        if entry_id is None:
            return
        title = self.model.row(self.table.currentIndex().row()).title
        service = self._services.knowledge
        step = self._step(
            self.tr("Delete “%1”").replace("%1", title), lambda: service.delete(entry_id)
        )
        if step is not None:
            self._reload()
            if not select_row(self.table, 0):
                self.form.show_blank()

    def vote(self, helpful: bool) -> None:
        record = self.form.entry
        if record is None:
            return
        service = self._services.knowledge
        text = self.tr("Vote on “%1”").replace("%1", record.title)
        if self._step(text, lambda: service.vote(record.id, helpful)) is not None:
            self._reload(keep_form=True)

    # ---- the not-found list ---------------------------------------------------------
    def _miss(self) -> str | None:
        row = self.misses.row(self.miss_table.currentIndex().row())
        return row.query if row is not None else None

    def dismiss_miss(self) -> None:
        query = self._miss()
        if query is not None:
            self._services.search.forget_miss(query)
            self._show_misses()

    def answer_miss(self) -> None:
        """Start an FAQ whose question is what was searched; the miss is taken off once
        an entry now answers it."""
        query = self._miss()
        if query is not None:
            self.new_entry("faq", query)
            self._answering = query
