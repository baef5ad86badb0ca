"""Making a PDF report from the window, one way for the Reports page and a problem's
"A3 report…": the build runs on the runner's worker thread (workbench.ui.operations) with
its cancellable progress dialog, and once the file is written it offers to open it or
show it in its folder. A cancelled or failed build leaves nothing at the destination
(workbench.reports writes a temporary file and renames it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from workbench.services.progress import Progress
from workbench.ui.operations import Operation, Operations

_CTX = "Reports"
# A build returns the number of pages written, or None: nothing to report.
Build = Callable[[Progress], int | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def stages() -> dict[str, str]:
    """The build's progress messages, in the window's language."""
    reading = _tr("Reading the record…")
    laying = _tr("Laying out the pages…")
    return {
        **{
            key: reading
            for key in (
                "problems",
                "results",
                "improvements",
                "closed",
                "analysis",
                "pilots",
                "training",
                "head",
            )
        },
        "sections": laying,
        "layout": laying,
    }


def choose_destination(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save a PDF (``suggested`` first); None when the user cancels."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, _tr("Save report as"), str(suggested), _tr("PDF files (*.pdf)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class ReportExport(QObject):
    """One report being made: ``written(path, pages)``, ``nothing()`` (no data),
    ``failed(message)`` or ``cancelled()``, then ``ended()``."""

    written = Signal(object, int)
    nothing = Signal()
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(
        self, operations: Operations, build: Build, path: Path, title: str, window: QWidget | None
    ) -> None:
        super().__init__(window)
        self.path = path
        self.operation: Operation = operations.run(build, title, window, stages=stages())
        self.operation.succeeded.connect(self._done)
        self.operation.failed.connect(self.failed)
        self.operation.cancelled.connect(self.cancelled)
        self.operation.ended.connect(self.ended)

    def cancel(self) -> None:
        self.operation.cancel()

    def _done(self, pages: object) -> None:
        if pages is None:
            self.nothing.emit()
        else:
            self.written.emit(self.path, int(pages))  # type: ignore[call-overload]


def offer_open(parent: QWidget, path: Path, pages: int) -> QMessageBox:
    """Say the report is written, with Open and Show in folder."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _tr("Report"),
        _tr("%1 written (%2 pages).").replace("%1", str(path)).replace("%2", str(pages)),
        parent=parent,
    )
    box.setObjectName("report_written")
    opening = box.addButton(_tr("Open"), QMessageBox.ButtonRole.AcceptRole)
    folder = box.addButton(_tr("Show in folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    opening.setObjectName("report_open")
    folder.setObjectName("report_folder")
    opening.clicked.connect(lambda: open_file(path))
    folder.clicked.connect(lambda: show_in_folder(path))
    box.open()
    return box
