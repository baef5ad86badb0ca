"""File → Import…, Export list…, Export the whole record…: the window's data in and out.

Export list writes the list of the page shown as it is shown: its filter and sort, the
columns visible in their order, the headers in the window's language. The Problems list
(a million rows, read a page at a time) is written in the background from the services;
the other pages' lists are short and are read from their tables. The whole record goes
to one workbook (workbench.transfer.record). Every export and import runs through the
window's runner with a cancellable progress dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QTableView, QWidget

from workbench.ui import labels
from workbench.ui.operations import Operation, Operations

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.progress import Progress

PAGE_ROWS = 5_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("Transfer", text)


def main_table(page: QWidget) -> QTableView | None:
    """The list of a page: its visible table with the most rows."""
    tables = [t for t in page.findChildren(QTableView) if t.isVisibleTo(page) and t.model()]
    return max(tables, key=lambda t: t.model().rowCount(), default=None)


def shown_columns(table: QTableView) -> list[int]:
    """The logical columns shown, in the order they are shown."""
    header = table.horizontalHeader()
    return [
        header.logicalIndex(visual)
        for visual in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(visual))
    ]


def table_sheet(table: QTableView, name: str) -> Any:
    """A (short) list read from its table as shown."""
    from workbench.transfer.export import SheetData

    model = table.model()
    columns = shown_columns(table)
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    rows = [[model.data(model.index(r, c)) for c in columns] for r in range(model.rowCount())]
    return SheetData(name, headers, rows, len(rows))


def problem_sheet(services: Services, table: QTableView, name: str) -> Any:
    """The Problems list as shown, read a page at a time when the sheet is written."""
    from workbench.transfer.export import SheetData
    from workbench.ui.problem_table import COLUMNS, ProblemTableModel

    model = table.model()
    assert isinstance(model, ProblemTableModel)
    flt, sort = model.problem_filter, model.problem_sort
    columns = [COLUMNS[c] for c in shown_columns(table)]
    headers = [labels.field(c.key) for c in columns]
    problems = services.problems

    def rows() -> Any:
        total = problems.count(flt)
        for offset in range(0, total, PAGE_ROWS):
            for row in problems.page(flt, sort, offset, PAGE_ROWS, total):
                yield [c.text(row) for c in columns]

    return SheetData(name, headers, rows())


class TransferActions(QObject):
    """The three actions of the File menu, enabled once a database is open."""

    def __init__(self, window: QMainWindow, operations: Operations, menu: QMenu) -> None:
        super().__init__(window)
        self._window, self._operations = window, operations
        self.import_action = QAction(_tr("&Import from Excel or CSV…"), window)
        self.export_action = QAction(_tr("&Export list…"), window)
        self.export_all_action = QAction(_tr("Export the &whole record…"), window)
        self.import_action.triggered.connect(lambda: self.import_file())
        self.export_action.triggered.connect(lambda: self.export_list())
        self.export_all_action.triggered.connect(lambda: self.export_record())
        self.actions = (self.import_action, self.export_action, self.export_all_action)
        for action in self.actions:
            action.setEnabled(False)
            menu.addAction(action)

    def _services(self) -> Services:
        return self._window.services  # type: ignore[attr-defined]

    def attach(self) -> None:
        for action in self.actions:
            action.setEnabled(True)

    def import_file(self, path: Path | None = None) -> QWidget | None:
        from workbench.settings import config_dir
        from workbench.ui.import_dialog import ImportDialog

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self._window, _tr("Import"), "", _tr("Spreadsheets (*.xlsx *.csv *.txt)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        dialog = ImportDialog(self._services(), self._operations, path, config_dir(), self._window)
        # What was imported stays in view after the dialog closes.
        bar = self._window.statusBar()
        dialog.accepted.connect(lambda: bar.showMessage(dialog.summary.text(), 20_000))
        dialog.open()
        return dialog

    def _target(self, title: str, suggested: str, csv: bool = True) -> Path | None:
        kinds = _tr("Excel workbook (*.xlsx)") + (";;" + _tr("CSV (*.csv)") if csv else "")
        chosen, _ = QFileDialog.getSaveFileName(self._window, title, suggested, kinds)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() in (".xlsx", ".csv") else path.with_suffix(".xlsx")

    def export_list(self, out: Path | None = None) -> Operation | None:
        from workbench.transfer.export import write_table

        current = self._window.stack.currentWidget()  # type: ignore[attr-defined]
        table = main_table(current) if current is not None else None
        if table is None:
            self._window.statusBar().showMessage(_tr("This page has no list to export."), 10_000)
            return None
        title = getattr(current, "title", None)
        name = title() if callable(title) else _tr("List")
        out = out or self._target(_tr("Export list"), f"{name}.xlsx")
        if out is None:
            return None
        from workbench.ui.problem_table import ProblemTableModel

        if isinstance(table.model(), ProblemTableModel):
            sheet = problem_sheet(self._services(), table, name)
        else:
            sheet = table_sheet(table, name)
        return self._run(lambda progress: write_table(out, [sheet], progress), out)

    def export_record(self, out: Path | None = None) -> Operation | None:
        from workbench.transfer.record import export_record

        out = out or self._target(_tr("Export the whole record"), "record.xlsx", csv=False)
        if out is None:
            return None
        services, language = self._services(), labels.language()

        def job(progress: Progress) -> Any:
            return export_record(services, out, language, progress)

        return self._run(job, out)

    def _run(self, job: Any, out: Path) -> Operation:
        operation = self._operations.run(job, _tr("Exporting…"), self._window)
        bar = self._window.statusBar()
        operation.succeeded.connect(
            lambda _r: bar.showMessage(_tr("Exported to %1").replace("%1", str(out)), 15_000)
        )
        operation.failed.connect(lambda message: bar.showMessage(message, 15_000))
        operation.cancelled.connect(
            lambda: bar.showMessage(_tr("Export cancelled: no file was written."), 10_000)
        )
        return operation
