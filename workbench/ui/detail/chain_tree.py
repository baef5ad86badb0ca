"""The outline of one problem: the problem itself, its causes, their solutions, and the
solutions' results, as a tree whose selected node is the record being edited beside it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from workbench.services.records import CauseRecord, ProblemDetail, ResultRecord, SolutionRecord
from workbench.ui import labels
from workbench.ui.detail.formatting import change_text, date_text, effect_figure

if TYPE_CHECKING:
    from workbench.services.kpi_effects import EffectRow

# A node of the tree: ("problem" | "cause" | "solution" | "result", id).
NodeKey = tuple[str, int]
NEW_PROBLEM: NodeKey = ("problem", 0)  # the root while a new problem is typed
# Below this width the who-and-when column is left out: the outline shows what and how.
WHO_COLUMN_WIDTH = 440

OVERDUE = QColor("#c62828")
VERIFIED = QColor("#2e7d32")
MUTED = QColor("#607d8b")
ROOT_CAUSE = QColor("#4a148c")


DETAIL_COLUMNS = (1, 2)


def chain_keys(detail: ProblemDetail | None) -> set[NodeKey]:
    """The causes, solutions and results of ``detail``, as nodes."""
    keys: set[NodeKey] = set()
    for cause in detail.causes if detail else ():
        keys.add(("cause", cause.id))
        for solution in cause.solutions:
            keys.add(("solution", solution.id))
            keys.update(("result", result.id) for result in solution.results)
    return keys


class ChainTree(QTreeWidget):
    nodeSelected = Signal(object)  # NodeKey | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chain_tree")
        self.setColumnCount(3)
        # Column 1 holds a cause's category, a solution's status or a result's figures;
        # column 2 the owner and due date, or who verified a result.
        self.setHeaderLabels(
            [self.tr("Cause → solution → result"), self.tr("Details"), self.tr("Who · when")]
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        self.setMinimumHeight(160)
        self.setIndentation(14)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in DETAIL_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._records: dict[NodeKey, Any] = {}
        self._effects: dict[int, EffectRow] = {}
        self._root: QTreeWidgetItem | None = None
        self.currentItemChanged.connect(lambda *_: self.nodeSelected.emit(self.selected()))

    # ---- content ----------------------------------------------------------------------
    def show_detail(
        self, detail: ProblemDetail | None, effects: Mapping[int, EffectRow] | None = None
    ) -> None:
        """Redraw from a fresh detail (None: a new problem), keeping the selected node if
        it still exists; otherwise the problem is selected. ``effects`` are the computed
        effects of its results measured by a KPI series, by result."""
        self._effects = dict(effects or {})
        keep = self.selected()
        blocked = self.blockSignals(True)
        self.clear()
        self._records = {}
        self._root = root = self._problem_item(detail)
        for cause in detail.causes if detail else ():
            item = self._cause_item(root, cause)
            for solution in cause.solutions:
                child = self._solution_item(item, solution)
                for result in solution.results:
                    self._result_item(child, result)
        self.expandAll()
        self.fit_columns()
        self.blockSignals(blocked)
        if keep is not None and keep in self._records:
            self.select(keep)
        else:
            self.setCurrentItem(root)
            self.nodeSelected.emit(self.selected())

    def problem_key(self) -> NodeKey:
        key = self._root.data(0, Qt.ItemDataRole.UserRole) if self._root else NEW_PROBLEM
        return (str(key[0]), int(key[1]))

    def cause_items(self) -> list[QTreeWidgetItem]:
        root = self._root
        children = [root.child(i) for i in range(root.childCount())] if root else []
        return [child for child in children if child is not None]

    def mark_unsaved(self, key: NodeKey | None) -> None:
        """Put "•" before the node whose editor holds unsaved typing (None: none)."""
        for item in self._walk():
            text = item.text(0).removeprefix("• ")
            data = item.data(0, Qt.ItemDataRole.UserRole)
            unsaved = key is not None and data and (str(data[0]), int(data[1])) == key
            item.setText(0, "• " + text if unsaved else text)

    def fit_columns(self) -> None:
        """Fit the details and who-columns to their text, up to a share of the width that
        leaves the names column at least a third; full texts are in the tooltips. A narrow
        outline leaves the who-column out."""
        room = max(self.viewport().width(), 200)
        self.setColumnHidden(2, room < WHO_COLUMN_WIDTH)
        for column, share in zip(DETAIL_COLUMNS, (0.42, 0.25), strict=True):
            self.resizeColumnToContents(column)
            fitted = self.header().sectionSize(column)
            self.header().resizeSection(column, min(fitted, int(room * share)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _item(self, parent: QTreeWidgetItem | None, key: NodeKey, texts: list[str]) -> Any:
        item = QTreeWidgetItem(texts)
        item.setData(0, Qt.ItemDataRole.UserRole, key)
        for column, text in enumerate(texts):
            item.setToolTip(column, text)
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _problem_item(self, detail: ProblemDetail | None) -> QTreeWidgetItem:
        if detail is None:
            item = self._item(None, NEW_PROBLEM, [self.tr("New problem"), "", ""])
        else:
            texts = [detail.title, labels.choice("status", detail.status), ""]
            item = self._item(None, ("problem", detail.id), texts)
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        self._records[self._key_of(item)] = detail
        return item

    @staticmethod
    def _key_of(item: QTreeWidgetItem) -> NodeKey:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        return (str(data[0]), int(data[1]))

    def _cause_item(self, root: QTreeWidgetItem, cause: CauseRecord) -> QTreeWidgetItem:
        marks = "★ " if cause.is_root else ""
        state = labels.choice("category", cause.category)
        if cause.verified:
            state = f"{state} ✓" if state else "✓"
        item = self._item(root, ("cause", cause.id), [marks + cause.description, state, ""])
        if cause.is_root:
            item.setForeground(0, QBrush(ROOT_CAUSE))
        self._records[("cause", cause.id)] = cause
        return item

    def _solution_item(self, parent: QTreeWidgetItem, solution: SolutionRecord) -> Any:
        due = date_text(solution.due_on)
        who = " · ".join(part for part in (solution.owner or "", due) if part)
        state = labels.choice("solution_status", solution.status)
        item = self._item(parent, ("solution", solution.id), [solution.title, state, who])
        if solution.overdue:
            item.setForeground(2, QBrush(OVERDUE))
            font = QFont(item.font(2))
            font.setBold(True)
            item.setFont(2, font)
            item.setToolTip(2, self.tr("Overdue: %1").replace("%1", who))
        self._records[("solution", solution.id)] = solution
        return item

    def _result_item(self, parent: QTreeWidgetItem, result: ResultRecord) -> None:
        verified = "✓ " + (result.verified_by or "") if result.verified else ""
        computed = self._effects.get(result.id)
        figure = change_text(result) if computed is None else effect_figure(computed)
        item = self._item(parent, ("result", result.id), [result.metric, figure, verified])
        item.setForeground(2, QBrush(VERIFIED))
        if computed is not None and computed.effect.relapse:
            item.setForeground(1, QBrush(OVERDUE))  # the KPI slid back
        elif result.value_after is None and computed is None:
            item.setForeground(1, QBrush(MUTED))
        self._records[("result", result.id)] = result

    # ---- selection --------------------------------------------------------------------
    def selected(self) -> NodeKey | None:
        item = self.currentItem()
        if item is None:
            return None
        key = item.data(0, Qt.ItemDataRole.UserRole)
        return (str(key[0]), int(key[1])) if key else None

    def record(self, key: NodeKey | None) -> Any:
        return self._records.get(key) if key else None

    def item(self, key: NodeKey) -> QTreeWidgetItem | None:
        for item in self._walk():
            data = item.data(0, Qt.ItemDataRole.UserRole)
            if data and (str(data[0]), int(data[1])) == key:
                return item
        return None

    def select(self, key: NodeKey) -> None:
        item = self.item(key)
        if item is not None:
            self.setCurrentItem(item)

    def _walk(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            items.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return items
