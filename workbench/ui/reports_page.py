"""The Reports page: the quarterly report (季度报告) as a PDF, for management.

Choose the quarter (those with an improvement list, this one and the next), the site
(or all), the language and where to save it; **Make report** builds it in the background
with a cancellable progress dialog (the window stays usable), then **Open** and **Show in
folder** reach the file. A quarter with nothing to report says so and writes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.services import quarters
from workbench.services.progress import Progress
from workbench.ui import labels
from workbench.ui.controls import ERROR_STYLE, push_button
from workbench.ui.operations import runner_of
from workbench.ui.pages import Registered
from workbench.ui.report_export import (
    ReportExport,
    choose_destination,
    open_file,
    show_in_folder,
)
from workbench.vocabulary import LANGUAGE_NAMES, LANGUAGES

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.changes import ChangeSet

COLUMN_CHARS = 110  # the page's width, in average characters


class ReportsPage(Registered, QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports_page")
        self._services = services
        self.export: ReportExport | None = None
        self.written: Path | None = None
        heading = QLabel(self.tr("Quarterly report"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "A PDF for management: summary, the quarterly improvement list, the records "
                "closed, causes, pilots, training, what needs attention and the audit chain's "
                "head. Sections without data are left out."
            )
        )
        intro.setWordWrap(True)
        self.quarter = QComboBox()
        self.quarter.setObjectName("report_quarter")
        self.quarter.setEditable(True)  # any quarter may be typed, e.g. 2025Q4
        self.site = QComboBox()
        self.site.setObjectName("report_site")
        self.language = QComboBox()
        self.language.setObjectName("report_language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(labels.language()), 0))
        self.destination = QLineEdit()
        self.destination.setObjectName("report_destination")
        browse = push_button("report_browse", self.tr("Browse…"), self._browse)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Quarter"), self.quarter)
        form.addRow(self.tr("Site"), self.site)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Save as"), where)
        self.make_button = push_button("report_make", self.tr("Make report"), self.make)
        self.open_button = push_button("report_open", self.tr("Open"), self._open)
        self.folder_button = push_button("report_folder", self.tr("Show in folder"), self._folder)
        buttons = QHBoxLayout()
        for button in (self.make_button, self.open_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        # A column of a readable width: a quarter's box is not stretched over a wide screen.
        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * COLUMN_CHARS)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        page = QHBoxLayout(self)
        page.addWidget(column, 1)
        page.addStretch(0)
        self._folder_path = Path.home()
        self._fill()
        self.quarter.currentTextChanged.connect(self._suggest)
        self.site.currentIndexChanged.connect(self._suggest)
        self._set_written(None)

    # ---- Page ----------------------------------------------------------------------------
    page_key = "reports"  # its title() and icon() come from the registry (Registered)

    @property
    def undo_stack(self) -> None:
        return None

    def open_record(self, kind: str, record_id: int) -> bool:
        return False

    def changed(self, change: ChangeSet) -> None:
        if change.touches("site", "improvement_item", "quarter_list"):
            self._fill()

    # ---- choosing ------------------------------------------------------------------------
    def _fill(self) -> None:
        chosen_quarter, chosen_site = self.quarter.currentData(), self.site.currentData()
        today = self._services.reports.today()
        offered = quarters.offered(self._services.improvements.quarters(), today)
        self.quarter.blockSignals(True)
        self.site.blockSignals(True)
        self.quarter.clear()
        for name in offered:
            self.quarter.addItem(name, name)
        current = chosen_quarter or str(quarters.Quarter.of(today))
        self.quarter.setCurrentIndex(max(self.quarter.findData(current), 0))
        self.site.clear()
        self.site.addItem(self.tr("All sites"), None)
        for site in self._services.lookups.site_entries():
            self.site.addItem(f"{site.name} ({site.code})", site.code)
        self.site.setCurrentIndex(max(self.site.findData(chosen_site), 0))
        self.quarter.blockSignals(False)
        self.site.blockSignals(False)
        self._suggest()

    def _suggest(self) -> None:
        site = self.site.currentData()
        name = f"report-{self.quarter.currentText().strip()}{'-' + site if site else ''}.pdf"
        typed = self.destination.text().strip()
        folder = Path(typed).parent if typed else self._folder_path
        self.destination.setText(str(folder / name))

    def _browse(self) -> None:
        chosen = choose_destination(self, Path(self.destination.text()))
        if chosen is not None:
            self.destination.setText(str(chosen))

    # ---- making ---------------------------------------------------------------------------
    def make(self) -> ReportExport | None:
        """Start building the report chosen; None when the destination is not a file."""
        text = self.destination.text().strip()
        if not text:
            self._say(self.tr("Choose where to save the report."), error=True)
            return None
        path = Path(text).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            quarter = str(quarters.parse(self.quarter.currentText()))
        except ValueError:
            self._say(
                self.tr("%1 is not a quarter (e.g. 2026Q3).").replace(
                    "%1", self.quarter.currentText()
                ),
                error=True,
            )
            return None
        site = self.site.currentData()
        language = str(self.language.currentData())
        reports = self._services.reports

        def build(progress: Progress) -> int | None:
            from workbench.reports.quarterly import write_quarterly

            facts = reports.quarter(quarter, site, progress)
            if facts.empty:
                return None
            return write_quarterly(facts, path, language, progress)

        self._set_written(None)
        self.make_button.setEnabled(False)
        self._say(self.tr("Making the report…"))
        title = self.tr("Making the report of %1…").replace("%1", quarter)
        export = ReportExport(runner_of(self), build, path, title, self)
        export.written.connect(self._written)
        export.nothing.connect(
            lambda: self._say(
                self.tr("%1 has nothing to report: no file was written.").replace("%1", quarter),
                error=True,
            )
        )
        export.failed.connect(lambda message: self._say(message, error=True))
        export.cancelled.connect(lambda: self._say(self.tr("Cancelled: no file was written.")))
        export.ended.connect(lambda: self.make_button.setEnabled(True))
        self.export = export
        return export

    def _written(self, path: Path, pages: int) -> None:
        self._set_written(path)
        self._say(
            self.tr("%1 written (%2 pages).").replace("%1", str(path)).replace("%2", str(pages))
        )

    def _set_written(self, path: Path | None) -> None:
        self.written = path
        self.open_button.setEnabled(path is not None)
        self.folder_button.setEnabled(path is not None)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _open(self) -> None:
        if self.written is not None:
            open_file(self.written)

    def _folder(self) -> None:
        if self.written is not None:
            show_in_folder(self.written)
