"""The Dashboard, the first page on start: KPI tiles (value, target, status colour,
sparkline), the monthly process health score's trend with "why is it 72?" (per site and
module too, with its weights), the open alerts, a Pareto of causes by category, problems
opened and closed per month, the best improvement effects and the department ranking by
KPI attainment.

The page is on screen at once; its two readings run on worker threads at the same time
(LatestAnswer): the tiles and alerts, and the charts'. The chart widgets (pyqtgraph, half
a second to import) are built once the tiles are shown, while the charts' queries run
(SQLite works without holding Python's lock), and fill in when the readings arrive.
Each whole reading is remembered (workbench.services.dashboard_memory), so the next start
can draw it before the database is open (``preview``, workbench.ui.preview); the page
reads afresh when it is attached to the services. Hover a chart for values; click a bar
to list the problems behind it; every chart saves as PNG.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import vocabulary
from workbench.analysis.charts import Chart
from workbench.analysis.kpi_charts import (
    health_chart,
    opened_closed_chart,
    pareto_chart,
    ranking_chart,
)
from workbench.services.dashboard_facts import (
    DashboardReading,
    FileState,
    HealthReport,
    Readings,
    ScoreRow,
    read_charts,
    read_tiles,
)
from workbench.services.dashboard_memory import DashboardMemory
from workbench.services.kpi_records import AlertRow, Tile
from workbench.settings import cache_dir
from workbench.ui import labels
from workbench.ui.controls import ErrorText, fill_table, push_button, text_table
from workbench.ui.dashboard_parts import BehindDialog, HealthBreakdown, KpiTile, WeightsDialog
from workbench.ui.operations import LatestAnswer
from workbench.ui.pages import Registered

if TYPE_CHECKING:  # built once the tiles are shown: pyqtgraph is not imported before
    from workbench.services import ChangeSet, Services
    from workbench.ui.charts import ChartView

TABLES = (
    "kpi",
    "kpi_measurement",
    "kpi_alert",
    "result_kpi",
    "problem",
    "cause",
    "solution",
    "result",
    "team_setting",
)
CHARTS_MODULE = "workbench.ui.charts"
# The charts are built when the tiles have painted, or this long after they are shown.
CHARTS_AFTER_MS = 250


def _empty(title: str) -> Chart:
    return Chart("bar", title, (), (), "", "")


class DashboardPage(Registered, QWidget):
    recordRequested = Signal(str, int)
    tilesShown = Signal()
    chartsShown = Signal()

    def __init__(self, services: Services | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_page")
        self._services = services
        self._memory = DashboardMemory(cache_dir())
        # The two halves of the latest reading, each with the file's state before it: the
        # whole is remembered when both have come, whichever comes last.
        self._tiles_read: tuple[FileState | None, tuple[Tile, ...], tuple[AlertRow, ...]] = (
            None,
            (),
            (),
        )
        self._charts_read: tuple[FileState | None, Readings | None] = (None, None)
        self.language = labels.language()
        self.tiles: list[KpiTile] = []
        self.readings: Readings | None = None
        self.alert_rows: tuple[AlertRow, ...] = ()
        self._pareto_keys: tuple[str | None, ...] = ()
        self._months: tuple[str, ...] = ()
        self.charts: tuple[ChartView, ...] = ()
        self._arrived: object = None  # the charts' answer, come before the charts are built
        self._build()
        if CHARTS_MODULE in sys.modules:  # pyqtgraph is imported already: nothing to wait for
            self._build_charts()
        self._quick = LatestAnswer(self)
        self._quick.answered.connect(self._show_tiles)
        self._slow = LatestAnswer(self)
        self._slow.answered.connect(self._show_charts)
        self._quick.failed.connect(self._reading_failed)
        self._slow.failed.connect(self._reading_failed)
        self.refresh()

    @classmethod
    def preview(cls, reading: DashboardReading, parent: QWidget | None = None) -> DashboardPage:
        """The page showing a remembered ``reading``, before the database is open; it
        reads afresh once ``attach``ed."""
        page = cls(None, parent)
        page.show_reading(reading)
        return page

    def show_reading(self, reading: DashboardReading) -> None:
        """Show ``reading`` (read before the database was open), charts and all."""
        self._show_tiles((None, reading.tiles, reading.alerts))
        if not self.charts:
            self._build_charts()
        self._show_charts((None, reading.charts))

    def attach(self, services: Services) -> None:
        """The database is open: read what the page shows afresh."""
        self._services = services
        self.refresh()

    def _text(self, key: str) -> str:
        return vocabulary.label("kpi_text", key, self.language)

    def _build(self) -> None:
        self.tile_row = QHBoxLayout()
        self.tile_row.setSpacing(6)
        holder = QWidget()
        holder.setLayout(self.tile_row)
        self.tile_area = QScrollArea()
        self.tile_area.setWidget(holder)
        self.tile_area.setWidgetResizable(True)
        self.tile_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tile_area.setFixedHeight(112)
        self.empty_label = QLabel(self.tr("No KPIs yet: add the articles' KPIs on the KPIs page."))
        self.reading_error = ErrorText()
        self.reading_error.setObjectName("dashboard_error")
        self.breakdown = HealthBreakdown()
        self.scope = QComboBox()
        self.scope.setObjectName("health_scope")
        self.scope.currentIndexChanged.connect(lambda _i: self._show_breakdown())
        weights = push_button("weights", self.tr("Weights…"), self.edit_weights)
        why = QWidget()
        box = QVBoxLayout(why)
        box.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.scope, 1)
        top.addWidget(weights)
        box.addLayout(top)
        box.addWidget(self.breakdown, 1)
        self.alerts = text_table(
            [self.tr("KPI"), self.tr("Place"), self.tr("Since"), self.tr("Ticket")]
        )
        self.alerts.setObjectName("dashboard_alerts")
        self.alerts.cellDoubleClicked.connect(self._alert_opened)
        self.effects = text_table(
            [self.tr("Problem"), self.tr("Result"), self.tr("Improved"), self.tr("Relapse")]
        )
        self.effects.setObjectName("dashboard_effects")
        self.effects.cellDoubleClicked.connect(self._effect_opened)
        self.lists = QTabWidget()
        self.lists.addTab(self.alerts, self.tr("Open alerts"))
        self.lists.addTab(self.effects, self.tr("Improvement effects"))
        self._grid = grid = QGridLayout()
        grid.setSpacing(8)
        grid.addWidget(why, 1, 0)
        grid.addWidget(self.lists, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        for row in range(2):
            grid.setRowMinimumHeight(row, 180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addWidget(self.reading_error)
        layout.addWidget(self.tile_area)
        layout.addWidget(self.empty_label)
        layout.addLayout(grid, 1)

    def _build_charts(self) -> None:
        """The four chart views, in their places (once; this imports pyqtgraph), and the
        readings that came before them."""
        if self.charts:
            return
        from workbench.ui.charts import ChartView

        self.health = ChartView(_empty(self._text("health_trend")))
        self.pareto = ChartView(_empty(self._text("pareto")))
        self.months = ChartView(_empty(self._text("opened_closed")))
        self.ranking = ChartView(_empty(self._text("ranking")))
        self.charts = (self.health, self.pareto, self.months, self.ranking)
        for view in self.charts:
            view.setMinimumHeight(180)
        self.pareto.barClicked.connect(self._pareto_clicked)
        self.months.barClicked.connect(self._month_clicked)
        for view, (row, column) in zip(self.charts, ((0, 0), (0, 1), (0, 2), (1, 1)), strict=True):
            self._grid.addWidget(view, row, column)
        arrived, self._arrived = self._arrived, None
        if arrived is not None:
            self._show_charts(arrived)

    # ---- the Page protocol -------------------------------------------------------------
    page_key = "dashboard"  # its title() and icon() come from the registry (Registered)

    @property
    def undo_stack(self) -> None:
        return None

    def open_record(self, kind: str, record_id: int) -> bool:
        return False

    def changed(self, change: ChangeSet) -> None:
        if change.touches(*TABLES):
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._seen = True

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if getattr(self, "_seen", False) and not self.window().isVisible():
            # The window closes: its readings end with it.
            self._quick.shutdown()
            self._slow.shutdown()

    # ---- reading -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the tiles and the alerts, and the charts, each with the file's state
        before it (what the whole reading is remembered for)."""
        services, language = self._services, self.language
        if services is None:
            return

        self._quick.ask(lambda _progress: read_tiles(services, language))
        self._slow.ask(lambda _progress: read_charts(services, language))

    def _remember(self) -> None:
        """Keep the whole reading for the next start, when both halves saw the same file
        (no write came between them)."""
        state, tiles, alerts = self._tiles_read
        charts_state, readings = self._charts_read
        if state is not None and state == charts_state and readings is not None:
            self._memory.remember(state, self.language, DashboardReading(tiles, alerts, readings))

    def _reading_failed(self, message: str) -> None:
        """Said on the page, not left as empty charts; the next change reads it again."""
        self.reading_error.show_text(
            self.tr(
                "The Dashboard could not be read: %1 It is read again at the next change."
            ).replace("%1", message)
        )

    def _show_tiles(self, answer: object) -> None:
        self.reading_error.show_text("")
        state, tiles, alerts = cast(
            "tuple[FileState | None, tuple[Tile, ...], tuple[AlertRow, ...]]", answer
        )
        self._tiles_read = (state, tiles, alerts)
        self._remember()
        for tile in self.tiles:
            self.tile_row.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        for found in tiles:
            widget = KpiTile(found)
            widget.setMinimumWidth(150)
            widget.opened.connect(lambda kpi_id: self._open_record("kpi", kpi_id))
            self.tile_row.addWidget(widget)
            self.tiles.append(widget)
        self.empty_label.setVisible(not self.tiles)
        self.alert_rows = tuple(alerts)
        fill_table(
            self.alerts,
            [
                [a.kpi, a.place(self.language), a.opened_period, a.problem_code or ""]
                for a in self.alert_rows
            ],
        )
        for row, alert in enumerate(self.alert_rows):  # the status, where it is not said
            cell = self.alerts.item(row, 0)
            if cell is not None:
                cell.setToolTip(labels.choice("alert_status", alert.status))
        self.alerts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lists.setTabText(
            0, self.tr("Open alerts (%1)").replace("%1", str(len(self.alert_rows)))
        )
        self.tilesShown.emit()
        if not self.charts:  # built while it runs, once the tiles have painted
            self._painter = self.tiles[0] if self.tiles else self.empty_label
            self._painter.installEventFilter(self)
            QTimer.singleShot(CHARTS_AFTER_MS, self, self._build_charts)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is getattr(self, "_painter", None):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._build_charts)
        return False

    def _show_charts(self, answer: object) -> None:
        state, readings = cast("tuple[FileState | None, Readings]", answer)
        if not self.charts:
            self._arrived = answer
            self._build_charts()
            return
        self._show_readings(readings)
        self._charts_read = (state, readings)
        self._remember()
        self.chartsShown.emit()

    def _show_readings(self, answer: Readings) -> None:
        self.readings = answer
        health = answer.health
        self.health.set_chart(
            health_chart(health.periods, [r.score.score for r in health.overall], self.language)
        )
        chart, self._pareto_keys = pareto_chart(answer.causes, self.language)
        self.pareto.set_chart(chart)
        months = answer.opened
        self._months = months.periods
        self.months.set_chart(
            opened_closed_chart(months.periods, months.opened, months.closed, self.language)
        )
        self.ranking.set_chart(
            ranking_chart([(r.department, r.share) for r in answer.ranking], self.language)
        )
        relapse = self._text("relapse")
        fill_table(
            self.effects,
            [
                [
                    e.problem_code,
                    e.kpi or e.metric,
                    f"{e.effect.improvement:.0f}%",
                    relapse if e.effect.relapse else "",
                ]
                for e in answer.effects
            ],
        )
        self._fill_scopes(health)

    def _scopes(self) -> list[tuple[str, ScoreRow]]:
        if self.readings is None:
            return []
        health = self.readings.health
        return [(self.tr("Whole plant"), health.overall[-1])] + [
            (r.name, r) for r in (*health.sites, *health.modules)
        ]

    def _fill_scopes(self, health: HealthReport) -> None:
        kept = self.scope.currentIndex()
        blocked = self.scope.blockSignals(True)
        self.scope.clear()
        for name, row in self._scopes():
            self.scope.addItem(f"{name}: {row.score.score:.1f}")
        self.scope.setCurrentIndex(max(kept, 0) if kept < self.scope.count() else 0)
        self.scope.blockSignals(blocked)
        self._show_breakdown()

    def _show_breakdown(self) -> None:
        scopes = self._scopes()
        index = self.scope.currentIndex()
        if 0 <= index < len(scopes):
            name, row = scopes[index]
            self.breakdown.show_score(row, name)

    # ---- acting ------------------------------------------------------------------------
    def edit_weights(self) -> None:
        if self._services is None:
            return  # not attached yet: the page shows what it remembered
        dialog = WeightsDialog(self._services.health.weights(), self)
        if dialog.exec() == WeightsDialog.DialogCode.Accepted:
            self._services.health.set_weights(dialog.weights())

    def _pareto_clicked(self, _series: int, point: int) -> None:
        if self._services is not None and point < len(self._pareto_keys):
            key = self._pareto_keys[point]
            name = self.pareto.chart.x_labels[point]
            self._behind(name, self._services.dashboard.behind("category", key))

    def _month_clicked(self, series: int, point: int) -> None:
        if self._services is not None and point < len(self._months):
            kind = "opened" if series == 0 else "closed"
            name = f"{self.months.chart.series[series].name} · {self._months[point]}"
            self._behind(name, self._services.dashboard.behind(kind, self._months[point]))

    def _behind(self, title: str, rows: Any) -> None:
        self.behind = BehindDialog(title, rows, self)
        self.behind.chosen.connect(lambda pid: self._open_record("problem", pid))
        self.behind.open()

    def _alert_opened(self, row: int, _column: int) -> None:
        ticket = self.alert_rows[row].problem_id if 0 <= row < len(self.alert_rows) else None
        if ticket is not None:
            self._open_record("problem", ticket)

    def _effect_opened(self, row: int, _column: int) -> None:
        if self.readings is not None and 0 <= row < len(self.readings.effects):
            self._open_record("problem", self.readings.effects[row].problem_id)

    def _open_record(self, kind: str, record_id: int) -> None:
        """Ask the window to open a record, once the database is open."""
        if self._services is not None:
            self.recordRequested.emit(kind, record_id)
