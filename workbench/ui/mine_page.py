"""The Mine page: what needs me today, one click from anywhere (and counted at start).

Three lists from ``services.mine``: my open problems, my solutions overdue or due within a
week, and results measured on my problems that wait to be verified. Double-clicking (or
Enter on) an item opens its problem on the Problems page; the lists follow every change
notice that touches problems, solutions, results or people.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.services.mine import DUE_SOON_DAYS, MineItem, MyWork
from workbench.services.numbers import texts
from workbench.ui import labels
from workbench.ui.pages import Registered

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.changes import ChangeSet

_KINDS = ("problem", "cause", "solution", "result", "person")
ID_ROLE = Qt.ItemDataRole.UserRole


class MinePage(Registered, QWidget):
    recordRequested = Signal(str, int)  # kind, id: open it wherever it is shown

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mine_page")
        self._services = services
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.tree = QTreeWidget()
        self.tree.setObjectName("mine")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Problem"), self.tr("What"), self.tr("Status"), self.tr("Due on")]
        )
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self.work = MyWork((), (), ())
        self.refresh()

    # ---- Page ----------------------------------------------------------------------------
    page_key = "mine"  # its title() and icon() come from the registry (Registered)

    @property
    def undo_stack(self) -> None:
        return None

    def open_record(self, kind: str, record_id: int) -> bool:
        return False  # records open on their own pages

    def changed(self, change: ChangeSet) -> None:
        if change.touches(*_KINDS):
            self.refresh()

    # ---- the lists ---------------------------------------------------------------------
    def refresh(self) -> None:
        self.work = self._services.mine.today_for_me()
        self.tree.clear()
        today = self._services.mine.today()
        groups = (
            (self.tr("My open problems (%1)"), self.work.problems),
            (
                self.tr("My solutions overdue or due within %2 days (%1)").replace(
                    "%2", str(DUE_SOON_DAYS)
                ),
                self.work.solutions,
            ),
            (self.tr("Results on my problems waiting to be verified (%1)"), self.work.results),
        )
        for title, items in groups:
            group = QTreeWidgetItem(self.tree, [title.replace("%1", str(len(items)))])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for item in items:
                self._add(group, item, today)
            group.setExpanded(True)
        if self.work.count:
            self.heading.setText(self.tr("%1 things need you").replace("%1", str(self.work.count)))
        else:
            self.heading.setText(self.tr("Nothing needs you today"))

    def _add(self, group: QTreeWidgetItem, item: MineItem, today: dt.date) -> None:
        vocabulary = {"problem": "status", "solution": "solution_status"}.get(item.kind)
        status = labels.choice(vocabulary, item.status) if vocabulary else self.tr("Measured")
        due = item.due_on.isoformat() if item.due_on else ""
        what = item.title
        if item.baseline is not None:  # a result: its figures as they were typed
            figures = " → ".join(f"{t}{item.unit}" for t in texts([item.baseline, item.after]))
            what = f"{what} · {figures}"
        row = QTreeWidgetItem(group, [item.code, what, status, due])
        row.setData(0, ID_ROLE, item.problem_id)
        if item.due_on is not None and item.due_on < today:
            row.setForeground(3, Qt.GlobalColor.red)
            row.setToolTip(3, self.tr("Overdue"))

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        problem_id = row.data(0, ID_ROLE)
        if problem_id is not None:
            self.recordRequested.emit("problem", int(problem_id))
