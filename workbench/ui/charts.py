"""A chart on screen: ``ChartView`` draws any ``workbench.analysis.charts.Chart`` with
pyqtgraph, says the value under the cursor, and saves itself as a PNG.

Everything drawn comes from the description (its texts, already in the user's language,
and its colours, keys of the one palette), so the screen and the PDF report show the
same chart. The view's own words (the save button) come from workbench.vocabulary in the
window's language. Text is drawn with the application's font, which carries the bundled
CJK font as a fallback (workbench.ui.qt_app), so Chinese renders on a machine without
one. The plot takes no mouse input but the hover: a report chart is read, not panned.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFont, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench import vocabulary
from workbench.analysis.charts import BAND_OPACITY, Chart, TargetLine, colour
from workbench.ui import labels
from workbench.ui.sparkline import qcolor as _qcolor

# A bar group takes this share of its slot; the rest is the gap between rounds.
GROUP_WIDTH = 0.8
# How near (in pixels) the cursor must be to a point for its value to show.
HOVER_PIXELS = 12
# The least of a bar's label kept when labels are shortened: two letters (生产… for 生产部).
MIN_ELIDED = "Ww…"


def _text(key: str, **values: str) -> str:
    return vocabulary.label("chart_text", key, labels.language()).format(**values)


class ChartView(QWidget):
    """Draws a Chart; ``set_chart`` draws another one in its place. A click on a bar
    says which (``barClicked(series, point)``), so a page can open what is behind it."""

    barClicked = Signal(int, int)

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart = chart
        self._points: list[tuple[int, int, float, float]] = []  # series, point, x, y
        self._plot = pg.PlotWidget(background=colour("background"))
        self._plot.setMenuEnabled(False)
        self._plot.setMouseEnabled(x=False, y=False)
        self._plot.hideButtons()
        self._plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self._plot.scene().sigMouseClicked.connect(self._mouse_clicked)
        self._bars: list[tuple[int, int, float, float, float]] = []  # series, point, x, w, h
        self._marker = pg.ScatterPlotItem(size=12, brush=None)
        self.hover_label = QLabel(" ")
        self.hover_label.setObjectName("chartHover")
        self.save_button = QPushButton(_text("save_png"))
        self.save_button.clicked.connect(self._ask_save)
        bar = QHBoxLayout()
        bar.addWidget(self.hover_label, 1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._plot, 1)
        layout.addLayout(bar)
        self.set_chart(chart)

    @property
    def chart(self) -> Chart:
        return self._chart

    # ---- drawing ------------------------------------------------------------------------
    def set_chart(self, chart: Chart) -> None:
        """Draw ``chart`` instead of the one shown."""
        self._chart = chart
        self._points = []
        self._bars = []
        item = self._plot.getPlotItem()
        item.clear()
        if item.legend is not None:
            item.legend.scene().removeItem(item.legend)
            item.legend = None
        font = QFont(QApplication.font())
        text = colour("text")
        item.setTitle(chart.title, color=text, size=f"{font.pointSizeF() * 1.2:.0f}pt")
        unit = f" ({chart.unit})" if chart.unit else ""
        item.setLabel("left", f"{chart.y_label}{unit}", color=text)
        item.showGrid(x=False, y=True, alpha=0.25)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(colour("axis"))
            axis.setTextPen(text)
            axis.setTickFont(font)
        self._set_ticks()
        legend = item.addLegend(
            offset=(10, 10), labelTextColor=text, brush=_qcolor("background", 0.8)
        )
        for band in chart.bands:
            region = pg.LinearRegionItem(
                values=(band.low, band.high),
                orientation="horizontal",
                movable=False,
                brush=_qcolor(band.colour, BAND_OPACITY),
                pen=pg.mkPen(None),
            )
            region.setZValue(-10)
            item.addItem(region)
        self._draw_bars(item)
        self._draw_lines(item)
        for line in chart.lines():
            item.addItem(self._line(line, font))
        legend.setVisible(bool(chart.series) and chart.legend)
        count = max(len(chart.x_labels), 1)
        item.setXRange(-0.5, count - 0.5, padding=0)
        if chart.y_range is not None:
            item.setYRange(*chart.y_range, padding=0)
        else:
            item.enableAutoRange(axis="y")
        self._marker.setData([])
        item.addItem(self._marker)
        self.hover_label.setText(_text("no_data") if chart.empty else " ")

    def _set_ticks(self) -> None:
        """Every x label. Where they do not fit the plot's width, bars with room for two
        letters each (categories: departments, cause categories) shorten theirs with "…",
        so that every bar keeps its name, and otherwise (a time axis) every n-th is shown;
        the hover says each in full."""
        labels_ = self._chart.x_labels
        metrics = self.fontMetrics()
        room = max(self._plot.width() - 70, 1)
        widest = max((metrics.horizontalAdvance(text) for text in labels_), default=0) + 8
        slot = room // max(len(labels_), 1) - 8
        if slot >= widest:
            shown = list(enumerate(labels_))
        elif self._chart.kind == "bar" and slot >= metrics.horizontalAdvance(MIN_ELIDED):
            shown = [
                (i, metrics.elidedText(text, Qt.TextElideMode.ElideRight, slot))
                for i, text in enumerate(labels_)
            ]
        else:
            step = max(1, math.ceil(widest * len(labels_) / room))
            last = len(labels_) - 1
            shown = [(i, text) for i, text in enumerate(labels_) if (last - i) % step == 0]
        self._plot.getPlotItem().getAxis("bottom").setTicks([shown, []])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._set_ticks()

    def _draw_lines(self, item: pg.PlotItem) -> None:
        for index, series in enumerate(self._chart.series):
            if series.drawn_as(self._chart.kind) != "line":
                continue
            xs = list(range(len(series.values)))
            ys = [math.nan if v is None else v for v in series.values]
            pen = pg.mkPen(colour(series.colour), width=2)
            item.plot(
                xs,
                ys,
                pen=pen,
                connect="finite",
                symbol="o",
                symbolSize=7,
                symbolBrush=(
                    [colour(key) for key in series.colours]
                    if series.colours
                    else colour(series.colour)
                ),
                symbolPen=pen,
                name=series.name,
            )
            self._keep(index, xs, series.values)

    def _draw_bars(self, item: pg.PlotItem) -> None:
        chart = self._chart
        drawn = [i for i, s in enumerate(chart.series) if s.drawn_as(chart.kind) == "bar"]
        width = GROUP_WIDTH / max(len(drawn), 1)
        for slot, index in enumerate(drawn):
            series = chart.series[index]
            offset = -GROUP_WIDTH / 2 + width * (slot + 0.5)
            xs = [point + offset for point in range(len(series.values))]
            shown = [
                (point, x, v)
                for point, (x, v) in enumerate(zip(xs, series.values, strict=True))
                if v is not None
            ]
            keys = series.colours
            painted: dict[str, object] = (
                {
                    "brushes": [colour(keys[p]) for p, _, _ in shown],
                    "pens": [pg.mkPen(colour(keys[p])) for p, _, _ in shown],
                }
                if keys
                else {"brush": colour(series.colour), "pen": pg.mkPen(colour(series.colour))}
            )
            bars = pg.BarGraphItem(
                x=[x for _, x, _ in shown],
                height=[v for _, _, v in shown],
                width=width * 0.9,
                name=series.name,
                **painted,
            )
            item.addItem(bars)  # named: the legend lists it
            self._keep(index, xs, series.values)
            self._bars += [(index, p, x, width * 0.9, v) for p, x, v in shown]

    def _keep(self, series: int, xs: Sequence[float], values: Sequence[float | None]) -> None:
        """Remember where each point is, for the hover."""
        for point, (x, value) in enumerate(zip(xs, values, strict=True)):
            if value is not None:
                self._points.append((series, point, x, value))

    @staticmethod
    def _line(line: TargetLine, font: QFont) -> pg.InfiniteLine:
        pen = QPen(_qcolor(line.colour))
        pen.setWidthF(1.5)
        pen.setCosmetic(True)
        if line.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        drawn = pg.InfiniteLine(
            pos=line.value,
            angle=0,
            movable=False,
            pen=pen,
            label=line.label,
            labelOpts={
                "position": 0.98,
                "color": colour(line.colour),
                "fill": _qcolor("background", 0.8),
                "anchors": [(1, 1), (1, 1)],
            },
        )
        drawn.label.setFont(font)
        return drawn

    # ---- the hover ----------------------------------------------------------------------
    def point_position(self, series: int, point: int) -> QPointF:
        """Where point ``point`` of series ``series`` is drawn, in the plot's scene (the
        top of its bar for a bar chart)."""
        for s, p, x, y in self._points:
            if (s, p) == (series, point):
                return self._plot.getPlotItem().vb.mapViewToScene(QPointF(x, y))
        raise LookupError(f"series {series} has no value at point {point}")

    def hover_at(self, scene_position: QPointF) -> str:
        """Show (and return) the value of the point nearest ``scene_position`` within a
        few pixels; "" and nothing shown when none is that near."""
        box = self._plot.getPlotItem().vb
        nearest: tuple[float, int, int, float, float] | None = None
        for series, point, x, y in self._points:
            drawn = box.mapViewToScene(QPointF(x, y))
            distance = math.hypot(drawn.x() - scene_position.x(), drawn.y() - scene_position.y())
            if distance <= HOVER_PIXELS and (nearest is None or distance < nearest[0]):
                nearest = (distance, series, point, x, y)
        if nearest is None:
            self._marker.setData([])
            self.hover_label.setText(" ")
            self._plot.setToolTip("")
            return ""
        _, series, point, x, y = nearest
        found = self._chart.point_text(series, point)
        ring = pg.mkPen(colour(self._chart.series[series].colour), width=2)
        self._marker.setData([x], [y], pen=ring, brush=None)
        self.hover_label.setText(found)
        self._plot.setToolTip(found)
        return found

    def _mouse_moved(self, position: QPointF) -> None:
        self.hover_at(position)

    def bar_at(self, scene_position: QPointF) -> tuple[int, int] | None:
        """The (series, point) of the bar under ``scene_position``, if any."""
        at = self._plot.getPlotItem().vb.mapSceneToView(scene_position)
        for series, point, x, width, height in self._bars:
            low, high = sorted((0.0, height))
            if abs(at.x() - x) <= width / 2 and low <= at.y() <= high:
                return series, point
        return None

    def _mouse_clicked(self, event: object) -> None:
        found = self.bar_at(event.scenePos())  # type: ignore[attr-defined]
        if found is not None:
            self.barClicked.emit(*found)

    # ---- saving -------------------------------------------------------------------------
    def save_png(self, path: str | Path) -> Path:
        """Write the plot (without the button row) as a PNG at ``path``; OSError when the
        file cannot be written."""
        target = Path(path)
        if not self._plot.grab().save(str(target), "PNG"):
            raise OSError(_text("save_failed", path=str(target)))
        return target

    def _ask_save(self) -> None:
        suggested = f"{self._chart.title}.png"
        path, _ = QFileDialog.getSaveFileName(
            self, _text("save_png_title"), suggested, _text("png_files")
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            self.save_png(path)
        except OSError as error:
            QMessageBox.warning(self, _text("save_png_title"), str(error))
