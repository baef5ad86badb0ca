"""The right side of the record workspace: the selected record's editor, its
attachments, and the History.

``Record`` holds the editor of the node selected in the outline (the problem, a cause, a
solution, a result), full height with Save in view; ``Attachments`` the evidence kept
with the problem, cause or result selected (its count in the tab's title); ``History``
the problem's audit trail and ``Training`` the sessions linked to the problem or its
solutions and ``Knowledge`` the tips and FAQs linked to it, its causes or solutions, each
read when its tab is looked at and again after each change while shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QTabWidget, QWidget

from workbench.services import Services
from workbench.services.knowledge_records import KnowledgeRow
from workbench.services.trail import TrailEntry
from workbench.services.training_records import SessionRow
from workbench.ui.detail.attachments_view import AttachmentsView
from workbench.ui.detail.chain_tree import NodeKey
from workbench.ui.detail.history_view import HistoryView
from workbench.ui.detail.knowledge_view import KnowledgeView
from workbench.ui.detail.training_view import TrainingView
from workbench.ui.lookup_lists import LookupLists

Trail = Callable[[], list[TrailEntry] | None]  # None: no saved problem is shown
Training = Callable[[], Sequence[SessionRow] | None]
Knowledge = Callable[[], Sequence[KnowledgeRow] | None]
# The records that take attachments (a solution's evidence is its result's).
WITH_ATTACHMENTS = ("problem", "cause", "result")


class RecordTabs(QTabWidget):
    def __init__(
        self,
        services: Services,
        editors: QWidget,
        trail: Trail,
        lists: Callable[[], LookupLists | None],
        training: Training,
        knowledge: Knowledge = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("record_tabs")
        self.setDocumentMode(True)
        self._trail, self._lists, self._training = trail, lists, training
        self._knowledge = knowledge
        self.attachments = AttachmentsView(services)
        self.history = HistoryView()
        self.training = TrainingView()
        self.knowledge = KnowledgeView()
        self.addTab(editors, self.tr("Record"))
        self.addTab(self.attachments, "")
        self.addTab(self.history, self.tr("History"))
        self.addTab(self.training, self.tr("Training"))
        self.addTab(self.knowledge, self.tr("Knowledge"))
        self.setTabToolTip(4, self.tr("Tips and FAQs of the usage champions about it"))
        self.setTabToolTip(3, self.tr("Drills, classes and manuals that address it"))
        self.setTabToolTip(
            1,
            self.tr(
                "Files and screenshots kept with the record: drop them here or paste with Ctrl+V"
            ),
        )
        self.setTabToolTip(2, self.tr("Who changed what, and when (the audit trail)"))
        self.attachments.countChanged.connect(self._count_attachments)
        self._count_attachments(0)
        self._stale = True
        self.currentChanged.connect(lambda _index: self._read_if_shown())

    def show_record(self) -> None:
        self.setCurrentIndex(0)

    def show_history(self) -> None:
        self.setCurrentWidget(self.history)

    def show_attachments(self) -> None:
        self.setCurrentWidget(self.attachments)

    def show_node(self, key: NodeKey, read_only: bool) -> None:
        """The attachments of the record at ``key`` (none for a solution or a new record)."""
        kind, record_id = key
        takes = kind in WITH_ATTACHMENTS and record_id > 0
        self.attachments.show_owner(
            kind if takes else None, record_id if takes else None, read_only
        )
        if not takes and self.currentWidget() is self.attachments:
            self.show_record()  # back to the record, not on to the History
        self.setTabEnabled(1, takes)

    def _count_attachments(self, count: int) -> None:
        title = self.tr("Attachments (%1)").replace("%1", str(count))
        self.setTabText(1, title if count else self.tr("Attachments"))

    def changed(self, saved: bool) -> None:
        """The problem shown, or what is saved of it, changed: the trail is read again
        now if it is in view, else when it is next looked at. A new problem (not
        ``saved``) has no History yet."""
        self._stale = True
        self.setTabEnabled(2, saved)
        self.setTabEnabled(3, saved)
        self.setTabEnabled(4, saved)
        if not saved:
            self.show_record()
        self._read_if_shown()

    def _read_if_shown(self) -> None:
        if not self._stale:
            return
        if self.currentWidget() is self.history:
            self.history.show_entries(self._trail() or [], self._lists())
        elif self.currentWidget() is self.training:
            self.training.set_rows(self._training() or ())
        elif self.currentWidget() is self.knowledge:
            self.knowledge.set_rows(self._knowledge() or ())
        else:
            return
        self._stale = False
