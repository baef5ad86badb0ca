"""The quarterly report's KPI parts: in the summary, the quarter's process health score
with its trend and the KPI table (target, actual, status in its colour, change against
last quarter); the section of KPI trend charts, one per KPI with its target line and
threshold bands; and, under what needs management's attention, the open alerts with
their owners.

The charts are the very descriptions the window's KPIs page and dashboard draw
(workbench.analysis.kpi_charts), drawn here by the report's reportlab renderer. A quarter
with nothing measured has no KPI facts, and these parts are left out.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from workbench.analysis.charts import BAND_OPACITY, colour
from workbench.analysis.kpi_charts import health_chart, trend_chart
from workbench.reports.charts import draw
from workbench.reports.document import Context
from workbench.reports.styles import table
from workbench.reports.words import who
from workbench.services.kpi_records import KpiRecord
from workbench.services.report_kpis import KpiFacts, KpiLine
from workbench.services.report_records import QuarterFacts
from workbench.vocabulary import field_label, label

TREND_HEIGHT = 170.0
HEALTH_HEIGHT = 120.0
_NONE = "—"


def _figure(value: float | None, kpi: KpiRecord, points: str | None = None) -> str:
    """``value`` in the KPI's unit and decimals; a change (``points`` given) signed, and a
    change of a percentage in percentage points (99.0% → 99.5% is +0.5 points, not +0.5%)."""
    if value is None:
        return _NONE
    decimals = kpi.target.places() or 1
    value = round(value, decimals)  # so that a change of -0.01 is not "−0.0"
    text = f"{abs(value) if points is not None else value:.{decimals}f}"
    if points is not None:
        text = ("−" if value < 0 else "+" if value > 0 else "±") + text
        if kpi.unit.startswith("%"):
            return f"{text} {points}"
    return f"{text}{kpi.unit}" if kpi.unit.startswith("%") else f"{text} {kpi.unit}"


def _decimals_score(value: float) -> str:
    return f"{value:.1f}"


def alert_counts(facts: QuarterFacts, context: Context) -> list[list[object]]:
    """The summary's count rows for the alerts (none without KPI facts)."""
    if facts.kpis is None:
        return []
    return [
        [context.text("alerts_opened"), facts.kpis.alerts_opened],
        [context.text("alerts_closed"), facts.kpis.alerts_closed],
    ]


def kpi_summary(facts: QuarterFacts, context: Context) -> list[Flowable]:
    """The health score and its trend, and the KPI table; nothing without KPI facts."""
    kpis = facts.kpis
    if kpis is None:
        return []
    text, language = context.text, context.language
    change = kpis.health - kpis.health_before
    words = text(
        "health_of_quarter",
        score=_decimals_score(kpis.health),
        before=_decimals_score(kpis.health_before),
        change=("+" if change > 0 else "−" if change < 0 else "±") + f"{abs(change):.1f}",
    )
    chart = health_chart(kpis.health_periods, kpis.health_scores, language)
    return [
        KeepTogether(
            [
                context.heading(text("health"), 2),
                context.looks.para(words),
                draw(chart, context.width, HEALTH_HEIGHT),
            ]
        ),
        context.heading(text("kpi_table"), 2),
        _kpi_table(kpis, context),
    ]


def _kpi_table(kpis: KpiFacts, context: Context) -> Flowable:
    text, language = context.text, context.language
    header = [
        field_label("kpi_id", language, "kpi_alert"),
        field_label("target", language, "kpi"),
        text("actual"),
        field_label("status", language, "kpi_alert"),
        text("change"),
    ]
    rows = [
        [
            line.kpi.title(language),
            _figure(line.kpi.target.value, line.kpi),
            _figure(line.actual, line.kpi),
            label("kpi_status", line.status, language),
            _figure(line.change, line.kpi, points=text("points")),
        ]
        for line in kpis.lines
    ]
    widths = [context.width * s for s in (0.36, 0.15, 0.15, 0.16, 0.18)]
    found = table(context.looks, header, rows, widths, numeric=(1, 2, 4))
    found.setStyle(TableStyle(list(_status_fills(kpis.lines))))
    return found


def _status_fills(lines: tuple[KpiLine, ...]) -> list[tuple[object, ...]]:
    """The status cells tinted in their status's colour, as the window's bands are."""
    found: list[tuple[object, ...]] = []
    for row, line in enumerate(lines, start=1):
        if line.status in ("green", "amber", "red"):
            ink = colors.HexColor(colour(line.status))
            tint = colors.Color(ink.red, ink.green, ink.blue, alpha=BAND_OPACITY * 3)
            found += [
                ("BACKGROUND", (3, row), (3, row), tint),
                ("TEXTCOLOR", (3, row), (3, row), ink),
            ]
    return found


def kpi_trends(facts: QuarterFacts, context: Context) -> list[Flowable] | None:
    """One trend chart per KPI measured in the twelve months, two to a row."""
    if facts.kpis is None:
        return None
    language, width = context.language, context.width
    charts = [
        draw(
            trend_chart(
                line.kpi.title(language),
                line.kpi.unit,
                line.kpi.direction,
                line.kpi.lines(),
                line.periods,
                line.values,
                line.kpi.target.places() or 1,
                language,
            ),
            width / 2 - 4,
            TREND_HEIGHT,
        )
        for line in facts.kpis.lines
        if any(v is not None for v in line.values)
    ]
    if not charts:
        return None
    # an odd chart out stands beside an empty spacer
    cells: list[Flowable] = [*charts, *([Spacer(1, 1)] * (len(charts) % 2))]
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    grid = Table(rows, colWidths=[width / 2] * 2, hAlign="LEFT")
    # the cells' font is ours: a table sets its cells' font even for drawings in them
    looks = context.looks
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), looks.body.fontName),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [
        context.heading(context.text("kpi_trends")),
        context.looks.para(context.text("kpi_trends_note")),
        Spacer(1, 2 * mm),
        grid,
    ]


def open_alerts(facts: QuarterFacts, context: Context) -> list[Flowable]:
    """The attention section's part on the alerts open today, with their owners."""
    if not facts.open_alerts:
        return []
    language, text, width = context.language, context.text, context.width
    rows = [
        [
            found.kpi.title(language),
            found.alert.place(language),
            label("alert_status", found.alert.status, language),
            found.alert.opened_period,
            found.alert.problem_code or _NONE,
            who(found.alert.owner),
            who(found.alert.owner_department),
        ]
        for found in facts.open_alerts
    ]
    header = [
        field_label("kpi_id", language, "kpi_alert"),
        text("place"),
        field_label("status", language, "kpi_alert"),
        field_label("opened_period", language, "kpi_alert"),
        field_label("problem_id", language, "kpi_alert"),
        field_label("owner_id", language, "problem"),
        text("owner_department"),
    ]
    shares = (0.22, 0.12, 0.12, 0.1, 0.15, 0.12, 0.17)
    return [
        context.heading(text("open_alerts"), 2),
        table(context.looks, header, rows, [width * s for s in shares]),
    ]
