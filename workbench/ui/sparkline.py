"""A KPI tile's trend: a chart's first series drawn with QPainter as a small line, and
the palette's colours as QColor. Kept apart from ``workbench.ui.charts`` so that the
Dashboard's tiles paint without importing pyqtgraph (half a second at start-up); the
charts import it when they are built."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from workbench.analysis.charts import Chart, colour


def qcolor(key: str, alpha: float = 1.0) -> QColor:
    """A palette colour (workbench.analysis.charts) as a QColor, ``alpha`` its opacity."""
    found = QColor(colour(key))
    found.setAlphaF(alpha)
    return found


class Sparkline(QWidget):
    """A chart's first series as a small line, without axes or texts (a KPI tile's
    trend); its points get their values as a tooltip from the description."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setMinimumSize(60, 24)
        self._tip()

    def set_chart(self, chart: Chart) -> None:
        self.chart = chart
        self._tip()
        self.update()

    def _tip(self) -> None:
        values = self.chart.series[0].values if self.chart.series else ()
        texts = [self.chart.point_text(0, i) for i, v in enumerate(values) if v is not None]
        self.setToolTip("\n".join(texts[-6:]))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.chart.series:
            return
        series = self.chart.series[0]
        known = [(i, v) for i, v in enumerate(series.values) if v is not None]
        if len(known) < 2:
            return
        lines = [line.value for line in self.chart.lines()]
        low = min([v for _, v in known] + lines)
        high = max([v for _, v in known] + lines)
        span = (high - low) or 1.0
        box = QRectF(self.rect()).adjusted(2, 3, -2, -3)
        steps = max(len(series.values) - 1, 1)

        def point(i: int, v: float) -> QPointF:
            return QPointF(
                box.left() + box.width() * i / steps,
                box.bottom() - box.height() * (v - low) / span,
            )

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for line in self.chart.lines():
            pen = QPen(qcolor(line.colour, 0.6))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = point(0, line.value).y()
            painter.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
        path = QPainterPath(point(*known[0]))
        for i, v in known[1:]:
            path.lineTo(point(i, v))
        pen = QPen(qcolor(series.colour))
        pen.setWidthF(1.6)
        painter.setPen(pen)
        painter.drawPath(path)
        painter.setBrush(qcolor(series.colours[known[-1][0]] if series.colours else series.colour))
        painter.drawEllipse(point(*known[-1]), 2.5, 2.5)
        painter.end()
