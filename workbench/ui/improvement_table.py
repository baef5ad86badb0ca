"""A quarter's improvement list as a table model: place, code, title, status, owner, the
score and what it is made of, the target, and where an item was carried from.

The rows come ranked from the service a page at a time (``ImprovementService.page``,
through workbench.ui.paged_rows), so a quarter of 10,000 items opens on its first screen
as fast as one of ten. An item placed
by hand shows its proposed place beside its own; one changed after the list was frozen
is marked, in orange. An item dragged to another place asks for that move
(``moveRequested``): the page makes it, through the same service call as Move up / Move
down, as one step of its undo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from workbench.services.improvement_records import ImprovementRow, QuarterHead
from workbench.ui import labels
from workbench.ui.detail.widgets import number_text
from workbench.ui.paged_rows import Fetch, Locate, PagedRows

_Index = QModelIndex | QPersistentModelIndex
CHANGED = QColor("#e65100")
COLUMNS = 8
MIME = "application/x-workbench-improvement-item"  # an item dragged within the list


def _headers() -> list[str]:
    # Spelled out for lupdate: each header is a literal translate call.
    return [
        QCoreApplication.translate("ImprovementTable", "Place"),
        QCoreApplication.translate("ImprovementTable", "Code"),
        QCoreApplication.translate("ImprovementTable", "Title"),
        QCoreApplication.translate("ImprovementTable", "Status"),
        QCoreApplication.translate("ImprovementTable", "Owner"),
        QCoreApplication.translate("ImprovementTable", "Score"),
        QCoreApplication.translate("ImprovementTable", "Target"),
        QCoreApplication.translate("ImprovementTable", "Carried over"),
    ]


def place_text(row: ImprovementRow) -> str:
    if row.manual and row.proposed_position != row.position:
        proposed = QCoreApplication.translate("ImprovementTable", "%1 (proposed %2)")
        return proposed.replace("%1", str(row.position)).replace("%2", str(row.proposed_position))
    return str(row.position)


def score_text(row: ImprovementRow) -> str:
    if not row.problem_count:
        return "0"
    return f"{row.score} = {row.weight} × {row.impact}"


def score_tip(row: ImprovementRow) -> str:
    if row.basis_code is None:
        return QCoreApplication.translate("ImprovementTable", "No problem linked")
    text = QCoreApplication.translate(
        "ImprovementTable", "%1 (%2) × impact %3 of %4, the highest of its %5 problem(s)"
    )
    for key, value in (
        ("%1", str(row.weight)),
        ("%2", labels.choice("frequency", row.frequency)),
        ("%3", str(row.impact)),
        ("%4", row.basis_code),
        ("%5", str(row.problem_count)),
    ):
        text = text.replace(key, value)
    return text


def target_text(row: ImprovementRow) -> str:
    value = number_text(row.target)
    parts = [row.target_metric, f"{value}{row.target_unit}" if value else ""]
    when = row.target_by.isoformat() if row.target_by else ""
    text = " ".join(part for part in parts if part)
    return f"{text} · {when}" if text and when else text or when


def carried_text(row: ImprovementRow) -> str:
    carried = row.carried
    if not carried.count:
        return ""
    text = QCoreApplication.translate("ImprovementTable", "%1× since %2")
    return text.replace("%1", str(carried.count)).replace("%2", carried.origin_quarter or "")


class ImprovementTableModel(QAbstractTableModel):
    moveRequested = Signal(int, int)  # the item's id, its new place (1 first)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = PagedRows()

    def show(self, head: QuarterHead, fetch: Fetch, locate: Locate) -> None:
        """Show the list ``head`` describes; its rows are read by ``fetch`` when shown."""
        self.beginResetModel()
        self._rows.show(head.count, fetch, locate)
        self.endResetModel()

    def row(self, index: int) -> ImprovementRow | None:
        found: ImprovementRow | None = self._rows.row(index)
        return found

    def row_of(self, item_id: int) -> int | None:
        return self._rows.row_of(item_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else self._rows.count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 5:
                return score_tip(row)
            if column == 1 and row.changed_after_freeze:
                return QCoreApplication.translate(
                    "ImprovementTable", "Changed after the list was frozen"
                )
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and row.changed_after_freeze and column == 1:
            return QBrush(CHANGED)
        return None

    @staticmethod
    def _text(row: ImprovementRow, column: int) -> str:
        if column == 0:
            return place_text(row)
        if column == 1:
            return row.code + (" ✎" if row.changed_after_freeze else "")
        if column == 2:
            return row.title
        if column == 3:
            return labels.choice("improvement_status", row.status)
        if column == 4:
            return row.owner or ""
        if column == 5:
            return score_text(row)
        if column == 6:
            return target_text(row)
        return carried_text(row)

    # ---- dragging an item to another place ---------------------------------------------
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        rows = [self.row(index.row()) for index in indexes]
        found = next((row for row in rows if row is not None), None)
        if found is not None:
            data.setData(MIME, QByteArray(str(found.id).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, _column: int, parent: _Index
    ) -> bool:
        """A dragged item dropped before ``row`` (or on ``parent``'s row, or at the end):
        ask for the move. False: the view itself moves nothing; the list is read again
        once the move is saved."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        item_id = int(bytes(data.data(MIME).data()).decode())
        source = self.row_of(item_id)
        if source is None:
            return False
        if row < 0 and parent.isValid():
            place = parent.row() + 1  # dropped on an item: it takes that item's place
        else:
            before = row if row >= 0 else self.rowCount()
            place = before if before > source else before + 1  # 1 first, counted without it
        place = min(max(place, 1), self.rowCount())
        if place != source + 1:
            self.moveRequested.emit(item_id, place)
        return False
