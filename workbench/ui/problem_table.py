"""The Problems list as a Qt table model over SQL: rows are fetched in pages on demand.

Only the row count and the pages the view actually paints are queried, so the list stays
responsive with a million problems; sorting and filtering are re-run in SQL.

At start-up the model can show the first page read before the services are loaded
(``ProblemTableModel.preview``); ``attach`` then hands it the services.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from workbench.services.records import KPI_ALERT_SOURCE, ProblemFilter, ProblemRow, ProblemSort
from workbench.ui import labels
from workbench.ui.counting import FAILED, BackgroundCount

if TYPE_CHECKING:  # the services are loaded once the database is open
    from workbench.services import Services
    from workbench.services.first_page import FirstPage
    from workbench.services.problems import ProblemService

PAGE_SIZE = 200
MAX_CACHED_PAGES = 16

_Index = QModelIndex | QPersistentModelIndex

# Severity 1 (minor) … 5 (critical): a calm green to a clear red, shown as a small swatch.
_SEVERITY_COLOURS = ("#7cb342", "#c0ca33", "#fbc02d", "#fb8c00", "#e53935")
_FADED_STATUSES = ("closed", "rejected")


@dataclass(frozen=True)
class Column:
    key: str
    text: Callable[[ProblemRow], str]
    numeric: bool = False


def _plain(name: str) -> Callable[[ProblemRow], str]:
    return lambda row: str(getattr(row, name) or "")


COLUMNS: tuple[Column, ...] = (
    Column("code", _plain("code")),
    Column("title", _plain("title")),
    Column("status", lambda row: labels.choice("status", row.status)),
    Column("module", _plain("module")),
    Column("site", _plain("site")),
    Column("department", _plain("department")),
    Column("severity", _plain("severity"), numeric=True),
    Column("impact", _plain("impact"), numeric=True),
    Column("frequency", lambda row: labels.choice("frequency", row.frequency)),
    Column("owner", _plain("owner")),
    Column("reported_on", lambda row: row.reported_on.isoformat()),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)


class ProblemTableModel(QAbstractTableModel):
    """Problems matching a filter, in a sort order; ``problem_id(row)`` gives the id.

    A free-text filter shows its first page at once; when there are more rows, the exact
    count follows from a worker thread (``count_exact`` is False until then) and the rows
    beyond the first page are added when it arrives.

    Made by ``preview(first_page)``, it shows those rows (and blank ones below them, as
    many as the database holds) until ``attach(services)``; it cannot filter or sort
    until then.
    """

    countChanged = Signal()

    def __init__(
        self,
        services: Services | None,
        parent: QObject | None = None,
        flt: ProblemFilter | None = None,
        sort: ProblemSort | None = None,
    ) -> None:
        super().__init__(parent)
        self._problems: ProblemService | None = None
        self._filter = ProblemFilter() if flt is None else flt
        self._sort = sort if sort is not None and sort.column in COLUMN_KEYS else ProblemSort()
        self._pages: OrderedDict[int, list[ProblemRow]] = OrderedDict()
        self._severity = [QColor(code) for code in _SEVERITY_COLOURS]
        self._alert_mark = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        self._background: BackgroundCount | None = None
        self.count_exact = True
        self.fetch_count = 0  # pages queried so far; tests and benchmarks read it
        self._count = 0
        if services is not None:
            self._problems = services.problems
            self._count = self._recount()

    @classmethod
    def preview(cls, first_page: FirstPage, parent: QObject | None = None) -> ProblemTableModel:
        """The list of ``first_page``'s statuses in its default order, from it alone."""
        model = cls(None, parent, ProblemFilter(statuses=first_page.statuses))
        model._pages[0] = list(first_page.rows[:PAGE_SIZE])
        model._count = max(first_page.total, len(model._pages[0]))
        return model

    @property
    def attached(self) -> bool:
        """Whether the model reads through the services (False while it previews)."""
        return self._problems is not None

    def attach(self, services: Services) -> None:
        """The database is open: read through ``services`` from now on. The rows shown are
        read again, so a write made since the first page was read shows too."""
        if self._problems is not None:
            raise RuntimeError("the model already has its services")
        self._problems = services.problems
        self.refresh()

    def _service(self) -> ProblemService:
        if self._problems is None:
            raise RuntimeError("the database is not open yet")
        return self._problems

    # ---- state -------------------------------------------------------------------------
    @property
    def problem_filter(self) -> ProblemFilter:
        return self._filter

    @property
    def problem_sort(self) -> ProblemSort:
        return self._sort

    def sort_column(self) -> int:
        return COLUMN_KEYS.index(self._sort.column)

    def set_filter(self, flt: ProblemFilter) -> None:
        self._service()  # not while previewing
        self.beginResetModel()
        self._filter = flt
        self._pages.clear()
        self._count = self._recount()
        self.endResetModel()

    def _recount(self) -> int:
        """The row count of the current filter: exact, or the first page while a scan runs."""
        if self._background is not None:
            self._background.cancel()
        self.count_exact = True
        problems = self._service()
        if not problems.counts_by_scan(self._filter):
            return problems.count(self._filter)
        first = problems.page(self._filter, self._sort, 0, PAGE_SIZE + 1)
        self.fetch_count += 1
        self._pages[0] = first[:PAGE_SIZE]
        if len(first) <= PAGE_SIZE:
            return len(first)
        self.count_exact = False
        self._counter().start(self._filter)
        return PAGE_SIZE

    def _counter(self) -> BackgroundCount:
        if self._background is None:
            self._background = BackgroundCount(self._service().count, self)
            self._background.counted.connect(self._counted)
        return self._background

    def _counted(self, total: int) -> None:
        if total == FAILED:
            return  # the first page stays; the label keeps saying "at least"
        self.count_exact = True
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < self._count:  # rows went away meanwhile: start over on what is there
            self.beginResetModel()
            self._pages.clear()
            self._count = total
            self.endResetModel()
        self.countChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        wanted = ProblemSort(COLUMNS[column].key, order == Qt.SortOrder.DescendingOrder)
        if wanted == self._sort or self._problems is None:
            return
        self.beginResetModel()
        self._sort = wanted
        self._pages.clear()
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read after a change: rows already shown stay in place when the count holds.

        Under a filter that counts by scanning, the rows shown are re-read at once and the
        exact count follows from the background (as when the filter was set)."""
        if self._background is not None:
            self._background.cancel()
        problems = self._service()
        if problems.counts_by_scan(self._filter):
            self._pages.clear()
            if self._count:
                last = self.index(self._count - 1, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            self.count_exact = False
            self._counter().start(self._filter)
            return
        self.count_exact = True
        count = problems.count(self._filter)
        if count != self._count:
            self.beginResetModel()
            self._pages.clear()
            self._count = count
            self.endResetModel()
            return
        self._pages.clear()
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(COLUMNS) - 1))

    # ---- rows --------------------------------------------------------------------------
    def _page(self, number: int) -> list[ProblemRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        if self._problems is None:
            return []  # previewing: only the first page is known
        total = self._count if self.count_exact else None  # lets far pages read backwards
        page = self._problems.page(self._filter, self._sort, number * PAGE_SIZE, PAGE_SIZE, total)
        self.fetch_count += 1
        self._pages[number] = page
        if len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def row_at(self, row: int) -> ProblemRow | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def problem_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found else None

    def row_of(self, problem_id: int) -> int | None:
        """The row showing ``problem_id``: from the cached pages, else asked of SQL."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.id == problem_id:
                    return number * PAGE_SIZE + offset
        if self._problems is None:
            return None
        return self._problems.position(self._filter, self._sort, problem_id)

    # ---- QAbstractTableModel -----------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "title":
            return row.title
        if column.key == "code" and row.source == KPI_ALERT_SOURCE:
            # A ticket an exception alert opened: marked, and said in its tooltip.
            if role == Qt.ItemDataRole.DecorationRole:
                return self._alert_mark
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Source: KPI alert")
        if role == Qt.ItemDataRole.DecorationRole and column.key == "severity":
            return self._severity[min(max(row.severity, 1), 5) - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            horizontal = (
                Qt.AlignmentFlag.AlignLeft
                if column.key == "severity"
                else (Qt.AlignmentFlag.AlignHCenter)
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.status in _FADED_STATUSES:
            return QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return labels.field(COLUMNS[section].key)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def column_widths(metrics: QFontMetrics) -> list[int]:
    """Widths that fit each header (with its sort arrow) and typical content, in pixels."""
    samples: dict[str, list[str]] = {
        "code": ["P-2026-00000"],
        "title": ["M" * 22],
        "status": [label for _, label in labels.choices("status")],
        "module": ["Master data"],
        "site": ["Suzhou plant"],
        "department": ["Procurement"],
        "severity": ["5"],
        "impact": ["5"],
        "frequency": [label for _, label in labels.choices("frequency")],
        "owner": ["Wang Xiaoming"],
        "reported_on": ["2026-12-31"],
    }
    widths = []
    for column in COLUMNS:
        arrow = 34  # every column sorts
        header = metrics.horizontalAdvance(labels.field(column.key)) + arrow
        content = max(metrics.horizontalAdvance(text) for text in samples[column.key]) + 20
        if column.key in ("severity", "code"):
            content += 22  # the colour swatch; a KPI alert's mark
        widths.append(max(header, content))
    return widths
