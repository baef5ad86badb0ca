"""The KPIs' and the dashboard's charts, described for any renderer (the window's
pyqtgraph, the PDF report's reportlab):

- ``trend_chart``: a KPI's values per period with its target line and the green, amber
  and red bands of its thresholds; ``sparkline_chart`` the same, small, for a tile;
- ``health_chart``: the monthly process health score;
- ``pareto_chart``: problems by cause category, most first, as shares, with the
  cumulative share as a line and the 80% line;
- ``opened_closed_chart``: problems opened and closed per month;
- ``ranking_chart``: departments by KPI attainment, each bar in its status colour.

Texts are in ``language`` (workbench.vocabulary.kpis); nothing here needs Qt or the
database: the inputs are plain numbers and names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workbench import vocabulary
from workbench.analysis.charts import Band, Chart, Series, TargetLine
from workbench.analysis.kpi_rules import AMBER, GREEN, RED, pareto, status

PARETO_LINE = 80.0


def _text(key: str, language: str, **values: str) -> str:
    return vocabulary.label("kpi_text", key, language).format(**values)


def _number(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def _bands(
    direction: str, warning: float, alarm: float, low: float, high: float, language: str
) -> tuple[Band, ...]:
    def name(key: str) -> str:
        return vocabulary.label("kpi_status", key, language)

    if direction == "higher":
        zones = ((warning, high, GREEN), (alarm, warning, AMBER), (low, alarm, RED))
    else:
        zones = ((low, warning, GREEN), (warning, alarm, AMBER), (alarm, high, RED))
    return tuple(Band(a, b, name(key), key) for a, b, key in zones if b > a)


def trend_chart(
    title: str,
    unit: str,
    direction: str,
    lines: tuple[float, float | None, float | None],
    periods: Sequence[str],
    values: Sequence[float | None],
    decimals: int,
    language: str,
) -> Chart:
    target, warning, alarm = lines
    warn = target if warning is None else warning
    worst = warn if alarm is None else alarm
    known = [v for v in values if v is not None] + [target, warn, worst]
    low, high = min(known), max(known)
    margin = (high - low) * 0.15 or abs(high) * 0.05 or 1.0
    low, high = low - margin, high + margin
    colours = tuple(
        {GREEN: "green", AMBER: "amber", RED: "red"}.get(
            status(v, direction, target, warning, alarm), "kpi"
        )
        for v in values
    )
    series = Series(_text("value", language), tuple(values), "kpi", decimals, colours=colours)
    return Chart(
        "line",
        title,
        tuple(p[2:] for p in periods),
        (series,),
        _text("value", language),
        unit,
        target=TargetLine(target, _text("target", language, value=_number(target, decimals))),
        bands=_bands(direction, warn, worst, low, high, language),
        y_range=(low, high),
        legend=False,
    )


def sparkline_chart(
    title: str,
    unit: str,
    direction: str,
    lines: tuple[float, float | None, float | None],
    periods: Sequence[str],
    values: Sequence[float | None],
    decimals: int,
    language: str,
) -> Chart:
    """The trend without its bands: a tile is too small for them."""
    full = trend_chart(title, unit, direction, lines, periods, values, decimals, language)
    return Chart(
        full.kind, title, full.x_labels, full.series, full.y_label, unit, full.target, legend=False
    )


def health_chart(periods: Sequence[str], scores: Sequence[float], language: str) -> Chart:
    series = Series(_text("score", language), tuple(scores), "kpi", 1)
    return Chart(
        "line",
        _text("health_trend", language),
        tuple(p[2:] for p in periods),
        (series,),
        _text("score", language),
        "",
        y_range=(0.0, 100.0),
        legend=False,
    )


def pareto_chart(
    counts: Mapping[str | None, int], language: str
) -> tuple[Chart, tuple[str | None, ...]]:
    """The chart and the category key of each bar (None: no category given)."""
    keyed = {key or "": count for key, count in counts.items()}
    rows = pareto(keyed)
    keys = tuple(key or None for key, *_ in rows)
    names = tuple(vocabulary.label("category", key, language) if key else "—" for key in keys)
    shares = Series(_text("problems", language), tuple(r[2] for r in rows), "kpi", 1)
    running = Series(
        _text("cumulative", language), tuple(r[3] for r in rows), "cumulative", 1, kind="line"
    )
    chart = Chart(
        "bar",
        _text("pareto", language),
        names,
        (shares, running),
        _text("problems", language),
        "%",
        references=(TargetLine(PARETO_LINE, "80%", "baseline"),),
        y_range=(0.0, 105.0),
    )
    return chart, keys


def opened_closed_chart(
    periods: Sequence[str], opened: Sequence[int], closed: Sequence[int], language: str
) -> Chart:
    return Chart(
        "bar",
        _text("opened_closed", language),
        tuple(p[2:] for p in periods),
        (
            Series(_text("opened", language), tuple(float(v) for v in opened), "opened", 0),
            Series(_text("closed", language), tuple(float(v) for v in closed), "closed", 0),
        ),
        _text("problems", language),
        "",
    )


def ranking_chart(rows: Sequence[tuple[str, float]], language: str) -> Chart:
    """Departments and their attainment in %, best first; 100% green, 50% or more amber."""
    colours = tuple("green" if s >= 100 else "amber" if s >= 50 else "red" for _, s in rows)
    series = Series(
        _text("attainment", language), tuple(s for _, s in rows), "kpi", 0, colours=colours
    )
    return Chart(
        "bar",
        _text("ranking", language),
        tuple(n for n, _ in rows),
        (series,),
        _text("attainment", language),
        "%",
        y_range=(0.0, 105.0),
        legend=False,
    )
