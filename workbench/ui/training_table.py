"""The Training page's tables as models: the sessions of a year (code, day, kind, topic,
module, trainer, hours, attendees, average score) and a session's attendees (name, the
department they were in that day, score).

The rows come from the service (``TrainingService.sessions``, ``TrainingRecord``); the
models only show them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from workbench.services.training_records import Attendee, SessionRow
from workbench.ui import labels
from workbench.ui.detail.widgets import number_text
from workbench.ui.paged_rows import Fetch, Locate, PagedRows

_Index = QModelIndex | QPersistentModelIndex
LEFT = QColor("#9e9e9e")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _session_headers() -> list[str]:
    # Spelled out for lupdate: each header is a literal translate call.
    return [
        QCoreApplication.translate("TrainingTable", "Code"),
        QCoreApplication.translate("TrainingTable", "Held on"),
        QCoreApplication.translate("TrainingTable", "Kind"),
        QCoreApplication.translate("TrainingTable", "Topic"),
        QCoreApplication.translate("TrainingTable", "ERP module"),
        QCoreApplication.translate("TrainingTable", "Trainer"),
        QCoreApplication.translate("TrainingTable", "Hours"),
        QCoreApplication.translate("TrainingTable", "Attendees"),
        QCoreApplication.translate("TrainingTable", "Average score"),
    ]


def _attendee_headers() -> list[str]:
    return [
        QCoreApplication.translate("TrainingTable", "Name"),
        QCoreApplication.translate("TrainingTable", "Department then"),
        QCoreApplication.translate("TrainingTable", "Score"),
    ]


def average_text(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


class _Rows(QAbstractTableModel):
    """Rows of frozen records with an ``id``-like key, shown column by column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()
        self._columns: int | None = None

    def show(self, rows: tuple[Any, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, index: int) -> Any:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def headers(self) -> list[str]:
        raise NotImplementedError

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        # Asked for thousands of times while painting: counted once, not translated each time.
        if self._columns is None:
            self._columns = len(self.headers())
        return 0 if parent.isValid() else self._columns

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None


class SessionTableModel(_Rows):
    """A year's sessions, read a page at a time (workbench.ui.paged_rows): a year of
    1,700 sessions opens on its first screen."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._paged = PagedRows()

    def show_paged(self, count: int, fetch: Fetch, locate: Locate) -> None:
        self.beginResetModel()
        self._paged.show(count, fetch, locate)
        self.endResetModel()

    def row(self, index: int) -> Any:
        return self._paged.row(index)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else self._paged.count

    def headers(self) -> list[str]:
        return _session_headers()

    def row_of(self, session_id: int) -> int | None:
        return self._paged.row_of(session_id)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: SessionRow | None = self.row(index.row())
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 6:
            return _RIGHT
        return None

    @staticmethod
    def _text(row: SessionRow, column: int) -> str:
        texts = (
            row.code,
            row.held_on.isoformat(),
            labels.choice("training_kind", row.kind),
            row.topic,
            row.module or "",
            row.trainer or "",
            number_text(row.duration),
            str(row.attendees),
            average_text(row.average_score),
        )
        return texts[column]


class AttendeeTableModel(_Rows):
    def headers(self) -> list[str]:
        return _attendee_headers()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: Attendee | None = self.row(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.name
            if column == 1:
                return row.department or ""
            return number_text(row.score)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.left_on is not None:
            return QBrush(LEFT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return _RIGHT
        return None

    @staticmethod
    def _tip(row: Attendee) -> str:
        if row.left_on is not None:
            text = QCoreApplication.translate("TrainingTable", "%1 left on %2")
            return text.replace("%1", row.name).replace("%2", row.left_on.isoformat())
        if row.department_now != row.department:
            text = QCoreApplication.translate("TrainingTable", "In %1 then; in %2 now")
            return text.replace("%1", row.department or "—").replace(
                "%2", row.department_now or "—"
            )
        return row.department or ""
