"""Any chart description (workbench.analysis.charts.Chart) drawn as a reportlab vector
drawing: the same chart the window shows with pyqtgraph, crisp when printed.

It draws what the description says and nothing else: the bands (tinted), the grid, the
series (a line with its points, or grouped bars, a point in its own colour when the
series gives one; bars and lines mixed as each series says it is drawn), each point
labelled with its value as ``Chart.point_text`` says it on screen), the reference lines
and the target (dashed, with their labels), the x labels, the y axis with its unit, the
title and a legend.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.graphics.shapes import (
    STATE_DEFAULTS,
    Circle,
    Drawing,
    Line,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from workbench.analysis.charts import BAND_OPACITY, Chart, Series, TargetLine, colour
from workbench.reports.styles import register_font

GROUP_WIDTH = 0.7  # a bar group's share of its slot, as on screen
_FONT_SIZE = 7.5
_TICKS = 5
HEADROOM = 0.12  # of the data's span, above its highest value
# label(x, y, words, anchor="middle", ink=text): a string drawn on the chart.
Label = Callable[..., None]


def _ink(key: str, alpha: float = 1.0) -> colors.Color:
    found = colors.HexColor(colour(key))
    return colors.Color(found.red, found.green, found.blue, alpha=alpha)


def nice_range(low: float, high: float) -> tuple[float, float, float]:
    """An axis from ``low`` to ``high`` widened to round figures: (low, high, step)."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / _TICKS
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _y_range(chart: Chart) -> tuple[float, float, float]:
    if chart.y_range is not None:
        low, high = chart.y_range
        return low, high, nice_range(low, high)[2]
    values = [v for s in chart.series for v in s.values if v is not None]
    values += [line.value for line in chart.lines()]
    values += [b for band in chart.bands for b in (band.low, band.high)]
    low = min([0.0, *values]) if chart.kind == "bar" else min(values, default=0.0)
    high = max(values, default=1.0)
    return nice_range(low, high + (high - low) * HEADROOM)  # room for the value labels


def _figure(value: float, step: float) -> str:
    return f"{value:.0f}" if step >= 1 else f"{value:.{max(0, -math.floor(math.log10(step)))}f}"


class _Frame:
    """Where the plot area is, and how a value maps into it."""

    def __init__(self, chart: Chart, width: float, height: float) -> None:
        self.left, self.bottom = 44.0, 30.0
        self.right, self.top = width - 10.0, height - 34.0
        self.low, self.high, self.step = _y_range(chart)
        self.count = max(len(chart.x_labels), 1)

    def y(self, value: float) -> float:
        clipped = min(max(value, self.low), self.high)
        return self.bottom + (clipped - self.low) / (self.high - self.low) * (
            self.top - self.bottom
        )

    def x(self, point: float) -> float:
        slot = (self.right - self.left) / self.count
        return self.left + slot * (point + 0.5)

    @property
    def slot(self) -> float:
        return (self.right - self.left) / self.count


def draw(chart: Chart, width: float = 480, height: float = 220) -> Drawing:
    """``chart`` as a vector drawing of ``width`` × ``height`` points."""
    font = register_font()
    # reportlab starts every drawing with its default graphics font (Times-Roman, never
    # embedded), so the PDF would name a font it does not carry; start with ours instead.
    STATE_DEFAULTS["fontName"] = font
    drawing = Drawing(width, height)
    frame = _Frame(chart, width, height)
    text, axis = _ink("text"), _ink("axis")

    def label(
        x: float,
        y: float,
        words: str,
        anchor: str = "middle",
        ink: colors.Color = text,
        size: float = _FONT_SIZE,
    ) -> None:
        drawing.add(
            String(x, y, words, fontName=font, fontSize=size, fillColor=ink, textAnchor=anchor)
        )

    drawing.add(Rect(0, 0, width, height, fillColor=_ink("background"), strokeColor=None))
    label(frame.left, height - 14, chart.title, "start", size=10)
    legend_row = height - 16
    if frame.left + _width(chart.title, 10) + 12 + _legend_width(chart.series) > frame.right:
        legend_row, frame.top = height - 30, frame.top - 14  # no room beside the title
    for band in chart.bands:
        low, high = frame.y(band.low), frame.y(band.high)
        drawing.add(
            Rect(
                frame.left,
                low,
                frame.right - frame.left,
                high - low,
                strokeColor=None,
                fillColor=_ink(band.colour, BAND_OPACITY),
            )
        )
    tick = frame.low
    while tick <= frame.high + frame.step / 1000:
        y = frame.y(tick)
        drawing.add(Line(frame.left, y, frame.right, y, strokeColor=_ink("grid"), strokeWidth=0.4))
        label(frame.left - 4, y - 2.5, _figure(tick, frame.step), "end", axis)
        tick += frame.step
    drawing.add(Line(frame.left, frame.bottom, frame.right, frame.bottom, strokeColor=axis))
    drawing.add(Line(frame.left, frame.bottom, frame.left, frame.top, strokeColor=axis))
    unit = f" ({chart.unit})" if chart.unit else ""
    label(frame.left, frame.top + 6, f"{chart.y_label}{unit}", "start", axis)
    every = _every(chart.x_labels, frame.slot)
    last = len(chart.x_labels) - 1
    for point, words in enumerate(chart.x_labels):
        if (last - point) % every == 0:  # the latest point always named
            label(frame.x(point), frame.bottom - 11, _fit(words, frame.slot * every), ink=axis)
    # each series as it is drawn: bars first, lines over them (a Pareto's cumulative share)
    _bars(drawing, [s for s in chart.series if s.drawn_as(chart.kind) == "bar"], frame, label)
    _lines(drawing, [s for s in chart.series if s.drawn_as(chart.kind) == "line"], frame, label)
    for line in chart.lines():
        _target(drawing, line, frame, label, below=_crowded(chart, line, frame))
    if chart.legend:
        _legend(drawing, chart.series, frame, legend_row, label)
    if chart.empty:
        label((frame.left + frame.right) / 2, (frame.bottom + frame.top) / 2, "—", ink=axis)
    return drawing


def _every(labels: tuple[str, ...], slot: float) -> int:
    """Name every n-th point on x when the labels are too wide for one slot each (a
    twelve-month trend in half a page)."""
    widest = max((_width(words) for words in labels), default=0.0)
    every = 1
    while widest > slot * every - 4 and every < max(len(labels), 1):
        every += 1
    return every


def _fit(words: str, room: float) -> str:
    """A label cut to fit its slot, with "…" when it is cut."""
    if _width(words) <= room - 2:
        return words
    while words and _width(words + "…") > room - 2:
        words = words[:-1]
    return words + "…"


def _value(series: Series, point: int) -> str:
    value = series.values[point]
    return "" if value is None else f"{value:.{series.decimals}f}"


def _point_ink(series: Series, point: int) -> colors.Color:
    """A point's colour: its own (a status) when the series gives one per point."""
    return _ink(series.colours[point] if series.colours else series.colour)


def _lines(drawing: Drawing, drawn: list[Series], frame: _Frame, label: Label) -> None:
    for series in drawn:
        ink = _ink(series.colour)
        run: list[float] = []
        for point, value in enumerate(series.values):
            if value is None:  # a gap, not a zero
                _run(drawing, run, ink)
                run = []
                continue
            x, y = frame.x(point), frame.y(value)
            run += [x, y]
            dot = _point_ink(series, point)
            drawing.add(Circle(x, y, 2.2, fillColor=dot, strokeColor=dot))
            label(x, y + 5, _value(series, point), ink=ink)
        _run(drawing, run, ink)


def _run(drawing: Drawing, points: list[float], ink: colors.Color) -> None:
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=ink, strokeWidth=1.5))


def _bars(drawing: Drawing, drawn: list[Series], frame: _Frame, label: Label) -> None:
    count = max(len(drawn), 1)
    width = GROUP_WIDTH / count
    base = frame.y(max(frame.low, 0.0))
    for index, series in enumerate(drawn):
        offset = -GROUP_WIDTH / 2 + width * (index + 0.5)
        for point, value in enumerate(series.values):
            if value is None:
                continue
            x = frame.x(point + offset)
            half = frame.slot * width * 0.45
            top = frame.y(value)
            drawing.add(
                Rect(
                    x - half,
                    min(base, top),
                    2 * half,
                    abs(top - base),
                    fillColor=_point_ink(series, point),
                    strokeColor=None,
                )
            )
            label(x, max(base, top) + 2.5, _value(series, point))


def _width(words: str, size: float = _FONT_SIZE) -> float:
    return float(stringWidth(words, register_font(), size))


def _crowded(chart: Chart, line: TargetLine, frame: _Frame) -> bool:
    """A value of the last point (the slot under the line's label) is written where the
    label would be, just above the line, and would not be where it goes instead, under it."""
    y = frame.y(line.value)
    # where each value's label is written, from its baseline up one line
    written = [
        frame.y(s.values[-1]) + 2.5 for s in chart.series if s.values and s.values[-1] is not None
    ]

    def hits(low: float) -> bool:
        return any(low - _FONT_SIZE < at < low + _FONT_SIZE for at in written)

    return hits(y + 3) and not hits(y - _FONT_SIZE - 1.5)


def _target(
    drawing: Drawing, line: TargetLine, frame: _Frame, label: Label, below: bool = False
) -> None:
    ink = _ink(line.colour)
    y = frame.y(line.value)
    # the label on a light box, so that bars behind it do not hide it; under the line
    # when a value of the last point is written above it
    width = _width(line.label)
    box = y - _FONT_SIZE - 3 if below else y + 1.5
    drawing.add(
        Rect(
            frame.right - 4 - width,
            box,
            width + 4,
            _FONT_SIZE + 1.5,
            fillColor=_ink("background", 0.85),
            strokeColor=None,
        )
    )
    drawing.add(
        Line(
            frame.left,
            y,
            frame.right,
            y,
            strokeColor=ink,
            strokeWidth=1.2,
            strokeDashArray=[4, 3] if line.dashed else None,
        )
    )
    label(frame.right - 2, box + 1.5, line.label, "end", ink)


def _legend_width(series: tuple[Series, ...]) -> float:
    return sum(_width(found.name) + 18 for found in series)


def _legend(
    drawing: Drawing, series: tuple[Series, ...], frame: _Frame, row: float, label: Label
) -> None:
    """The series' colours and names, from the right edge leftwards, on line ``row``."""
    x = frame.right
    for found in reversed(series):
        words = found.name
        x -= _width(words) + 18
        drawing.add(Rect(x, row, 8, 8, fillColor=_ink(found.colour), strokeColor=None))
        label(x + 11, row + 1, words, "start")
