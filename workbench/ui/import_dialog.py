"""File → Import…: a spreadsheet's columns mapped to fields, previewed, then written.

The dialog opens the file in the background (workbench.transfer.plan.Import), shows each
header with its first values beside the field proposed for it (or the one confirmed last
time for this layout), and lets the user change any of them, the sheet and the header
row. **Preview** reads every row and lists what would be created, updated, left as it is
or skipped, the names the lists lack, and each rejected cell by row, column and reason.
**Import** is offered only when nothing is rejected; it writes everything in one
transaction with a cancellable progress dialog (Cancel leaves the database as it was),
and the mapping is remembered for files of the same layout.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui import labels
from workbench.ui.controls import fill_table, push_button, stretch_column, text_table
from workbench.ui.errors import describe
from workbench.ui.operations import Operation, Operations

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.transfer.plan import Import, Preview

SAMPLE_ROWS = 3
ENCODINGS = ("", "utf-8", "utf-8-sig", "gb18030", "gbk")


class ImportDialog(QDialog):
    """Import records of the kind chosen (problems, KPI measurements, training
    attendance) from ``path`` into the record of ``services``."""

    def __init__(
        self,
        services: Services,
        operations: Operations,
        path: Path,
        config: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import %1").replace("%1", path.name))
        self._services, self._operations, self._path, self._config = (
            services,
            operations,
            path,
            config,
        )
        self.job: Import | None = None
        self.preview: Preview | None = None
        self.written: Any = None
        self._samples: list[tuple[Any, ...]] = []

        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for key, name in (
            ("problem", self.tr("Problems")),
            ("kpi", self.tr("KPI measurements")),
            ("training", self.tr("Training attendance (sign-in sheet)")),
        ):
            self.kind.addItem(name, key)
        self.sheet = QComboBox(self)
        self.sheet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet.setMinimumContentsLength(16)
        self.header_row = QSpinBox(self)
        self.header_row.setRange(1, 1_000_000)
        self.encoding = QComboBox(self)
        for name in ENCODINGS:
            self.encoding.addItem(name or self.tr("Detect"), name)
        choose = QHBoxLayout()
        form = QFormLayout()
        form.addRow(self.tr("Records"), self.kind)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Header row"), self.header_row)
        form.addRow(self.tr("CSV encoding"), self.encoding)
        choose.addLayout(form)
        choose.addWidget(push_button("reread", self.tr("Read again"), self.reread))
        choose.addStretch(1)

        self.mapping = QTableWidget(0, 3, self)
        self.mapping.setObjectName("mapping")
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Field")]
        )
        self.mapping.verticalHeader().hide()
        stretch_column(self.mapping, 1)  # the first values: the dialog's width, elided
        self.summary = QLabel(self.tr("Opening the file…"), self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.rejected_cells = text_table(
            [self.tr("Row"), self.tr("Column"), self.tr("Header"), self.tr("Reason")]
        )
        self.rejected_cells.setObjectName("rejected")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.mapping)
        lower = QWidget(split)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.rejected_cells, 1)
        lower_layout.addStretch(0)
        self.rejected_cells.setVisible(False)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.buttons = QDialogButtonBox(self)
        self.preview_button = push_button("preview", self.tr("Preview"), self.run_preview)
        self.import_button = push_button("import", self.tr("Import"), self.run_import)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 640)
        self.reread(first=True)
        # another kind has other headers: its header row is found again
        self.kind.currentIndexChanged.connect(lambda: self.reread(first=True))

    # ---- opening --------------------------------------------------------------------

    def _language(self) -> str:
        return labels.language()

    def reread(self, first: bool = False) -> Operation:
        """Open the file (again) with the sheet, header row and encoding chosen."""
        from workbench.transfer.headers import Remembered
        from workbench.transfer.kinds import import_kinds
        from workbench.transfer.plan import Import

        sheet = None if first else self.sheet.currentText() or None
        header = None if first else self.header_row.value()
        encoding = self.encoding.currentData() or None
        kind = import_kinds()[self.kind.currentData()]
        services, path, language = self._services, self._path, self._language()
        remembered = Remembered(self._config)

        def open_file(_progress: object) -> tuple[Import, list[tuple[Any, ...]]]:
            job = Import(services, kind, path, sheet, header, encoding, language)
            job.mapping = remembered.recall(kind, job.headers) or job.mapping
            samples = []
            for number, cells in job.sheet.rows():
                if number > job.header_row and any(c is not None for c in cells):
                    samples.append(cells)
                if len(samples) >= SAMPLE_ROWS:
                    break
            return job, samples

        self.preview_button.setEnabled(False)
        self.import_button.setEnabled(False)
        operation = self._operations.run(open_file, self.tr("Opening the file…"), self)
        operation.succeeded.connect(self._opened)
        operation.failed.connect(self._failed)
        return operation

    def _opened(self, result: object) -> None:
        assert isinstance(result, tuple)
        job: Import = result[0]
        if job.kind.name != self.kind.currentData():
            return  # read for the kind chosen before: the read for the one chosen follows
        self.job, self._samples = job, result[1]
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(job.sheet.names))
        self.sheet.setCurrentText(job.sheet.name)
        self.sheet.blockSignals(False)
        self.header_row.setValue(job.header_row)
        self._fill_mapping()
        self._say(self._above() + self.tr("Check the fields, then Preview."))
        self.preview_button.setEnabled(True)

    def _fill_mapping(self) -> None:
        assert self.job is not None
        job = self.job
        choices = [("", self.tr("(not imported)"))] + [
            (c.key, c.label(self._language())) for c in job.kind.columns
        ]
        self.mapping.setRowCount(len(job.headers))
        for index, header in enumerate(job.headers):
            self.mapping.setItem(index, 0, QTableWidgetItem(header))
            values = [
                _shown(s[index]) for s in self._samples if index < len(s) and s[index] is not None
            ]
            self.mapping.setItem(index, 1, QTableWidgetItem(" · ".join(values)))
            combo = QComboBox(self.mapping)
            for key, label in choices:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(job.mapping.get(index, ""))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping.setCellWidget(index, 2, combo)
        for column in (0, 2):  # the values' column stretches between them
            self.mapping.resizeColumnToContents(column)

    def _say(self, text: str) -> None:
        """The summary under the mapping, given the height its lines need (the splitter
        would otherwise cut off its last lines)."""
        self.summary.setText(text)
        width = max(self.summary.width(), 400)
        self.summary.setMinimumHeight(self.summary.heightForWidth(width))

    def _above(self) -> str:
        """The values read above the table for every row (a sign-in sheet's session
        block), as a line ending the paragraph; "" when there are none."""
        job = self.job
        if job is None or not job.fixed:
            return ""
        from workbench.transfer.training import above_the_table

        found = above_the_table(job.kind, job.fixed, self._language())
        return self.tr("Above the table, for every row: %1").replace("%1", found) + "\n"

    def field_box(self, index: int) -> QComboBox:
        box = self.mapping.cellWidget(index, 2)
        assert isinstance(box, QComboBox)
        return box

    def _mapping_changed(self) -> None:
        assert self.job is not None
        self.job.mapping = {
            i: key
            for i in range(self.mapping.rowCount())
            if (key := self.field_box(i).currentData())
        }
        self.preview = None
        self.import_button.setEnabled(False)
        self._say(self.tr("The fields changed: Preview again."))

    def _failed(self, message: str) -> None:
        self._say(message)
        self.preview_button.setEnabled(self.job is not None)

    # ---- preview and import ---------------------------------------------------------

    def run_preview(self) -> Operation | None:
        job = self.job
        if job is None:
            return None
        self.preview_button.setEnabled(False)
        operation = self._operations.run(job.preview, self.tr("Reading every row…"), self)
        operation.succeeded.connect(self._previewed)
        operation.failed.connect(self._failed)
        operation.cancelled.connect(lambda: self.preview_button.setEnabled(True))
        return operation

    def _previewed(self, result: object) -> None:
        from workbench.transfer.plan import Preview

        assert isinstance(result, Preview)
        self.preview = result
        number = QLocale().toString
        text = self._above() + (
            self.tr("%1 to create, %2 to update, %3 unchanged, %4 skipped (blank or totals rows).")
            .replace("%1", number(result.created))
            .replace("%2", number(result.updated))
            .replace("%3", number(result.unchanged))
            .replace("%4", number(result.skipped))
        )
        if result.absent:
            text += " " + self.tr("%1 people were not there (absent or not signed in).").replace(
                "%1", number(result.absent)
            )
        if result.new_entries:
            names = "、".join(str(e.values.get("name")) for e in result.new_entries[:30])
            text += "\n" + self.tr("New in the lists (created on import): %1").replace("%1", names)
        if result.rejected:
            text += "\n" + self.tr(
                "%1 cells are rejected: correct the file, then Preview again."
            ).replace("%1", number(len(result.rejected)))
        self._say(text)
        rows = [[str(r.row), r.column, r.header, r.reason] for r in result.rejected[:1000]]
        fill_table(self.rejected_cells, rows)
        self.rejected_cells.resizeColumnsToContents()
        self.rejected_cells.setVisible(bool(rows))
        self.preview_button.setEnabled(True)
        self.import_button.setEnabled(not result.rejected and result.created + result.updated > 0)

    def run_import(self) -> Operation | None:
        job, preview = self.job, self.preview
        if job is None or preview is None:
            return None
        from workbench.transfer.headers import Remembered

        self.import_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        operation = self._operations.run(
            lambda progress: job.write(preview, progress), self.tr("Importing…"), self
        )

        def done(written: object) -> None:
            Remembered(self._config).keep(job.kind, job.headers, job.mapping)
            self.written = written
            self._say(
                self.tr("Imported: %1 created, %2 updated.")
                .replace("%1", QLocale().toString(getattr(written, "created", 0)))
                .replace("%2", QLocale().toString(getattr(written, "updated", 0)))
            )
            self.accept()

        def failed(message: str) -> None:
            error = operation.error
            rows = getattr(error, "rows", None)
            if rows:
                found = [job.rejected_of(r) for r in rows]
                fill_table(
                    self.rejected_cells, [[str(r.row), r.column, r.header, r.reason] for r in found]
                )
            self._say(describe(error) if error is not None else message)
            self.preview_button.setEnabled(True)

        operation.succeeded.connect(done)
        operation.failed.connect(failed)
        operation.cancelled.connect(self._import_cancelled)
        return operation

    def _import_cancelled(self) -> None:
        self._say(self.tr("Import cancelled: nothing was written."))
        self.preview_button.setEnabled(True)
        self.import_button.setEnabled(self.preview is not None and not self.preview.rejected)


def _shown(cell: object) -> str:
    """A cell as the sheet shows it: a date cell without its midnight."""
    if isinstance(cell, dt.datetime) and cell.time() == dt.time():
        return cell.date().isoformat()
    return str(cell)
