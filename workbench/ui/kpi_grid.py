"""A KPI's measurements as a grid that feels like a spreadsheet: type in a cell, Tab to
the next, paste a block or a column copied from Excel (Ctrl+V, from the current cell
down, rows added as needed), Delete clears the cells selected.

Nothing is written while typing. ``rows()`` gives the rows typed or changed since the
grid was shown, as the service takes them; ``show_errors`` marks each wrong cell red with
its reason (the service refuses the whole batch, so nothing is half-saved). A site or a
department is typed by its name or code; one the lists do not know is a wrong cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from workbench.services.bulk_rows import RowError
from workbench.services.kpi_records import MeasurementInput, MeasurementRow
from workbench.services.records import Lookup, SiteEntry
from workbench.ui import labels
from workbench.vocabulary import field_error

COLUMNS = ("period", "site_id", "department_id", "value")
UNKNOWN = -1  # the id sent for a name no list knows: the service names the cell
BAD = QColor("#fdecea")
EMPTY_ROWS = 3  # blank rows below the last, to type into


class MeasurementGrid(QTableWidget):
    edited = Signal()  # typed, pasted or cleared: what is unsaved may have changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("measurements")
        self.setHorizontalHeaderLabels([labels.field(c, "kpi_measurement") for c in COLUMNS])
        self.horizontalHeader().setStretchLastSection(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.kpi_id: int | None = None
        self._stored: list[tuple[str, ...]] = []
        self._sites: dict[str, int] = {}
        self._departments: dict[str, int] = {}
        self._site_names: dict[int, str] = {}
        self._department_names: dict[int, str] = {}
        self._loading = False
        self.itemChanged.connect(self._changed)

    def set_places(self, sites: Sequence[SiteEntry], departments: Sequence[Lookup]) -> None:
        self._sites = {s.name.casefold(): s.id for s in sites} | {
            s.code.casefold(): s.id for s in sites
        }
        self._departments = {d.name.casefold(): d.id for d in departments}
        self._site_names = {s.id: s.name for s in sites}
        self._department_names = {d.id: d.name for d in departments}

    # ---- showing -----------------------------------------------------------------------
    def show_measurements(self, kpi_id: int | None, rows: Sequence[MeasurementRow]) -> None:
        self._loading = True
        self.kpi_id = kpi_id
        self._stored = [(r.period, r.site or "", r.department or "", str(r.value)) for r in rows]
        self.setRowCount(0)
        self.setRowCount(len(rows) + EMPTY_ROWS)
        for number, texts in enumerate(self._stored):
            for column, text in enumerate(texts):
                self.setItem(number, column, QTableWidgetItem(text))
        self._loading = False
        last = self.item(len(rows) - 1, 0) if rows else None
        if last is not None:
            self.scrollToItem(last)
        self.edited.emit()

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def _texts(self, row: int) -> tuple[str, ...]:
        return tuple(self._text(row, c) for c in range(len(COLUMNS)))

    def changed_rows(self) -> list[int]:
        """Grid rows typed or changed since shown (blank rows aside)."""
        found = []
        for row in range(self.rowCount()):
            texts = self._texts(row)
            stored = self._stored[row] if row < len(self._stored) else ("",) * len(COLUMNS)
            if any(texts) and texts != stored:
                found.append(row)
        return found

    def unsaved(self) -> bool:
        return bool(self.changed_rows())

    def rows(self) -> tuple[list[int], list[MeasurementInput]]:
        """The grid rows to write and the measurements they say."""
        numbers = self.changed_rows()
        found = []
        for row in numbers:
            period, site, department, value = self._texts(row)
            found.append(
                MeasurementInput(
                    self.kpi_id,
                    period,
                    value,
                    site_id=self._sites.get(site.casefold(), UNKNOWN) if site else None,
                    department_id=(
                        self._departments.get(department.casefold(), UNKNOWN)
                        if department
                        else None
                    ),
                )
            )
        return numbers, found

    def show_errors(self, grid_rows: Sequence[int], errors: Sequence[RowError]) -> list[str]:
        """Mark the cells the errors name (``row`` counts in ``grid_rows``, from 1); return
        each error as "Row 3, Value: …" in the window's language."""
        self.clear_marks()
        said = []
        for error in errors:
            row = grid_rows[error.row - 1] if 0 < error.row <= len(grid_rows) else 0
            column = COLUMNS.index(error.field) if error.field in COLUMNS else 0
            item = self.item(row, column) or QTableWidgetItem("")
            if self.item(row, column) is None:
                self.setItem(row, column, item)
            text = field_error(error.error, labels.language(), "kpi_measurement")
            self._loading = True
            item.setBackground(BAD)
            item.setToolTip(text)
            self._loading = False
            said.append(self.tr("Row %1: %2").replace("%1", str(row + 1)).replace("%2", text))
        if errors:
            first = grid_rows[errors[0].row - 1] if errors[0].row <= len(grid_rows) else 0
            self.setCurrentCell(
                first, COLUMNS.index(errors[0].field) if errors[0].field in COLUMNS else 0
            )
        return said

    def clear_marks(self) -> None:
        self._loading = True
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                item = self.item(row, column)
                if item is not None:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    item.setToolTip("")
        self._loading = False

    # ---- typing and pasting ------------------------------------------------------------
    def _changed(self, _item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if self.currentRow() >= self.rowCount() - 1:
            self.setRowCount(self.rowCount() + 1)
        self.edited.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != (
            QAbstractItemView.State.EditingState
        ):
            for item in self.selectedItems():
                item.setText("")
            return
        super().keyPressEvent(event)

    def paste(self, text: str) -> None:
        """Put tab-separated lines (what Excel copies) into the cells from the current
        one right and down, adding rows as needed."""
        lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
        top = max(self.currentRow(), 0)
        left = max(self.currentColumn(), 0)
        if top + len(lines) + 1 > self.rowCount():
            self.setRowCount(top + len(lines) + 1)
        self._loading = True
        for down, line in enumerate(lines):
            for right, cell in enumerate(line.split("\t")):
                column = left + right
                if column < self.columnCount():
                    self.setItem(top + down, column, QTableWidgetItem(cell.strip()))
        self._loading = False
        self.edited.emit()
