"""A problem's History: its audit entries and its chain's, newest first, in a tab.

Who changed what and when, old → new, in the window's language: field names and choices
in words, references by name, times in the user's time zone. It is the same trail that
`workbench check` verifies, so what it shows is what the record went through.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.services.trail import TrailEntry
from workbench.ui import labels
from workbench.ui.detail.compare import field_text
from workbench.ui.lookup_lists import LookupLists


def local_time(at: str) -> str:
    moment = dt.datetime.fromisoformat(at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _value(field: str, text: str | None, lists: LookupLists | None, kind: str = "problem") -> str:
    if text is None:
        return "—"
    if len(text) > 10 and text[:4].isdigit() and text[10] == "T":  # a moment, kept in UTC
        try:
            return local_time(text)
        except ValueError:
            return text
    if field.endswith("_id") and text.isdigit():
        return field_text(field, int(text), lists)
    if field in ("severity", "impact") and text.isdigit():
        return field_text(field, int(text), lists)
    return field_text(field, text, lists, kind)


class HistoryView(QWidget):
    """The trail of one problem; read-only."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Before"), self.tr("After")]
        )
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        note = QLabel(self.tr("From the audit trail, newest first."))
        note.setStyleSheet("color: #546e7a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def show_entries(self, entries: Sequence[TrailEntry], lists: LookupLists | None) -> None:
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate(self._cells(entry, lists)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def rows(self) -> list[tuple[str, ...]]:
        """What each row says, When left out (for a reader of the table, and tests)."""
        table = self.table

        def text(row: int, column: int) -> str:
            item = table.item(row, column)
            return item.text() if item is not None else ""

        return [
            tuple(text(row, column) for column in range(1, self.COLUMNS))
            for row in range(table.rowCount())
        ]

    def _cells(self, entry: TrailEntry, lists: LookupLists | None) -> tuple[str, ...]:
        kind = labels.choice("record_kind", entry.kind)
        when, who = local_time(entry.at), entry.actor
        if entry.kind == "status_change" and entry.action == "create" and entry.new:
            return (when, who, *self._status_change(json.loads(entry.new)))
        if entry.action == "create":
            return when, who, self.tr("%1 created").replace("%1", kind), "", ""
        if entry.action == "delete":
            return when, who, self.tr("%1 deleted").replace("%1", kind), "", ""
        field = entry.field or ""
        what = f"{kind}: {labels.field(field, entry.kind)}"
        return (
            when,
            who,
            what,
            _value(field, entry.old, lists, entry.kind),
            _value(field, entry.new, lists, entry.kind),
        )

    def _status_change(self, values: dict[str, str | None]) -> tuple[str, str, str]:
        """A status change as it reads: the move, and its reason (a reject's, a reopen's)."""
        move = self.tr("Status: %1 → %2")
        move = move.replace("%1", labels.choice("status", values.get("from_status")))
        move = move.replace("%2", labels.choice("status", values.get("to_status")))
        reason = values.get("reason") or ""
        return move, "", self.tr("Reason: %1").replace("%1", reason) if reason else ""
