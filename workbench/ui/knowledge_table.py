"""The Knowledge page's tables as models: the entries (kind, title, module, status,
helpful votes, views, last updated; an outdated entry in grey, marked) and the searches
that found nothing (what was searched, how often, when last).

The rows come from the services (``KnowledgeService.entries``, ``SearchService.misses``);
the models only show them (the rows' frame is the Training page's).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from workbench.services.knowledge_records import KnowledgeRow
from workbench.services.search import Miss
from workbench.ui import labels
from workbench.ui.training_table import _Rows as Rows

_Index = QModelIndex | QPersistentModelIndex
OUTDATED = QColor("#9e9e9e")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class EntryTableModel(Rows):
    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("KnowledgeTable", "Kind"),
            QCoreApplication.translate("KnowledgeTable", "Title or question"),
            QCoreApplication.translate("KnowledgeTable", "ERP module"),
            QCoreApplication.translate("KnowledgeTable", "Status"),
            QCoreApplication.translate("KnowledgeTable", "Helpful"),
            QCoreApplication.translate("KnowledgeTable", "Views"),
            QCoreApplication.translate("KnowledgeTable", "Updated"),
        ]

    def row_of(self, entry_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.id == entry_id), None)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: KnowledgeRow | None = self.row(index.row())
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "outdated":
            return QBrush(OUTDATED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5):
            return _RIGHT
        return None

    @staticmethod
    def _text(row: KnowledgeRow, column: int) -> str:
        title = row.title
        if row.status == "outdated":
            title = f"[{labels.choice('knowledge_status', row.status)}] {title}"
        texts = (
            labels.choice("knowledge_kind", row.kind),
            title,
            row.module or "",
            labels.choice("knowledge_status", row.status),
            f"+{row.helpful} / −{row.not_helpful}",
            str(row.views),
            row.updated_at.date().isoformat(),
        )
        return texts[column]


class MissTableModel(Rows):
    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("KnowledgeTable", "Searched for"),
            QCoreApplication.translate("KnowledgeTable", "Times"),
            QCoreApplication.translate("KnowledgeTable", "Last searched"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: Miss | None = self.row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.query, str(row.times), row.last_at)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return _RIGHT
        return None
