"""The report's renderer draws what the dashboard's descriptions say: a Pareto's bars with
its cumulative share as a line over them, a KPI trend's points and bars in their status
colours, its threshold bands tinted."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, PolyLine, Rect
from reportlab.lib import colors

from workbench.analysis.charts import colour
from workbench.analysis.kpi_charts import pareto_chart, ranking_chart, trend_chart
from workbench.reports.charts import draw


def _shapes(drawing: Drawing, kind: type) -> list:
    return [s for s in drawing.contents if isinstance(s, kind)]


def _is(ink: colors.Color, key: str) -> bool:
    wanted = colors.HexColor(colour(key))
    return (round(ink.red, 3), round(ink.green, 3), round(ink.blue, 3)) == (
        round(wanted.red, 3),
        round(wanted.green, 3),
        round(wanted.blue, 3),
    )


def test_a_pareto_draws_bars_and_its_cumulative_line() -> None:
    chart, _ = pareto_chart({"system": 13, "process": 9, "data": 6}, "zh_CN")
    drawing = draw(chart)
    bars = [r for r in _shapes(drawing, Rect) if _is(r.fillColor, "kpi") and r.width > 8]
    assert len(bars) == 3  # the shares (the legend's swatch aside); the cumulative is no bar
    lines = [p for p in _shapes(drawing, PolyLine) if _is(p.strokeColor, "cumulative")]
    assert len(lines) == 1 and len(lines[0].points) == 6  # through its three points


def test_a_trend_colours_each_point_by_its_status_over_its_bands() -> None:
    chart = trend_chart(
        "数据准确率", "%", "higher", (99.0, 99.0, 98.0), ("2026-07", "2026-08", "2026-09"),
        (99.3, 98.5, 97.0), 1, "zh_CN",
    )  # fmt: skip
    drawing = draw(chart)
    dots = _shapes(drawing, Circle)
    assert [next(k for k in ("green", "amber", "red") if _is(d.fillColor, k)) for d in dots] == [
        "green",
        "amber",
        "red",
    ]
    tinted = [r for r in _shapes(drawing, Rect) if r.fillColor.alpha < 1]
    assert {k for r in tinted for k in ("green", "amber", "red") if _is(r.fillColor, k)} == {
        "green",
        "amber",
        "red",
    }


def test_ranking_bars_take_their_status_colours() -> None:
    drawing = draw(ranking_chart([("仓储部", 100.0), ("销售部", 60.0), ("财务部", 20.0)], "en"))
    solid = [
        r for r in _shapes(drawing, Rect) if r.fillColor is not None and r.fillColor.alpha == 1
    ]
    keys = [k for r in solid for k in ("green", "amber", "red") if _is(r.fillColor, k)]
    assert keys == ["green", "amber", "red"]
