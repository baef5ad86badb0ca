"""The right side of the record workspace: the selected record's editor, and the History.

``Record`` holds the editor of the node selected in the outline (the problem, a cause, a
solution, a result), full height with Save in view; ``History`` the problem's audit trail,
read when the tab is looked at and again after each change while it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from workbench.services.trail import TrailEntry
from workbench.ui.detail.history_view import HistoryView
from workbench.ui.lookup_lists import LookupLists

Trail = Callable[[], list[TrailEntry] | None]  # None: no saved problem is shown


class RecordTabs(QTabWidget):
    def __init__(
        self,
        editors: QWidget,
        trail: Trail,
        lists: Callable[[], LookupLists | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("record_tabs")
        self.setDocumentMode(True)
        self._trail, self._lists = trail, lists
        self.history = HistoryView()
        self.addTab(editors, self.tr("Record"))
        self.addTab(self.history, self.tr("History"))
        self.setTabToolTip(1, self.tr("Who changed what, and when (the audit trail)"))
        self._stale = True
        self.currentChanged.connect(lambda _index: self._read_if_shown())

    def show_record(self) -> None:
        self.setCurrentIndex(0)

    def show_history(self) -> None:
        self.setCurrentWidget(self.history)

    def changed(self, saved: bool) -> None:
        """The problem shown, or what is saved of it, changed: the trail is read again
        now if it is in view, else when it is next looked at. A new problem (not
        ``saved``) has no History yet."""
        self._stale = True
        self.setTabEnabled(1, saved)
        if not saved:
            self.show_record()
        self._read_if_shown()

    def _read_if_shown(self) -> None:
        if self.currentWidget() is not self.history or not self._stale:
            return
        entries = self._trail()
        self.history.show_entries(entries or [], self._lists())
        self._stale = False
