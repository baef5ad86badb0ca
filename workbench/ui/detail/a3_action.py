"""The problem's "A3 report…" button: asks where to save the problem's A3 sheet (PDF),
builds it in the background with the cancellable progress dialog, and then offers to open
it or show it in its folder (workbench.ui.report_export)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.services import Services
from workbench.services.progress import Progress
from workbench.services.records import ProblemDetail
from workbench.ui import labels
from workbench.ui.controls import push_button
from workbench.ui.operations import runner_of
from workbench.ui.report_export import ReportExport, choose_destination, offer_open

# Where to save: asks the user by default; tests answer it.
Destination = Callable[[QWidget, Path], "Path | None"]


class A3Action(QObject):
    def __init__(
        self, services: Services, shown: Callable[[], ProblemDetail | None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._services, self._shown, self._parent = services, shown, parent
        self.ask_destination: Destination = choose_destination
        self.export: ReportExport | None = None
        self.button = push_button("a3_report", self.tr("A3 report…"), self.trigger)
        self.button.setToolTip(self.tr("Save this problem's one-page A3 sheet as PDF"))
        self.button.setEnabled(False)  # until a saved problem is shown

    def trigger(self) -> ReportExport | None:
        detail = self._shown()
        if detail is None:
            return None
        path = self.ask_destination(self._parent, Path.home() / f"A3-{detail.code}.pdf")
        if path is None:
            return None
        code, reports, language = detail.code, self._services.reports, labels.language()

        def build(progress: Progress) -> int:
            from workbench.reports.a3 import write_a3

            return write_a3(reports.problem_sheet(code), path, language, progress)

        title = self.tr("Making the A3 sheet of %1…").replace("%1", code)
        export = ReportExport(runner_of(self._parent), build, path, title, self._parent)
        export.written.connect(lambda found, pages: offer_open(self._parent, found, pages))
        export.failed.connect(lambda message: offer_failure(self._parent, message))
        self.export = export
        return export


def offer_failure(parent: QWidget, message: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Reports", "Report"),
        message,
        parent=parent,
    )
    box.setObjectName("report_failed")
    box.open()
