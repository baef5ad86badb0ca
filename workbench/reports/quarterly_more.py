"""The quarterly report's later sections: causes and where the problems are, pilots,
training, what needs management's attention, and the closing line with the audit
chain's head. Each returns None when the quarter has nothing for it.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from workbench.analysis.charts import Chart
from workbench.analysis.kpi_charts import pareto_chart
from workbench.analysis.pilot_charts import pilot_charts
from workbench.analysis.report_charts import tally_chart
from workbench.reports.charts import draw
from workbench.reports.document import Context
from workbench.reports.quarterly_kpis import open_alerts
from workbench.reports.styles import table
from workbench.reports.words import day, percent, term, who
from workbench.services.report_records import PilotFacts, QuarterFacts, Tally
from workbench.vocabulary import field_label, label, pilot_text

Flowables = list[Flowable] | None
CHART_HEIGHT = 190.0


def _named(
    tallies: tuple[Tally, ...], vocabulary: str | None, context: Context
) -> list[tuple[str, int]]:
    def name(key: str | None) -> str:
        if key is None:
            return context.text("not_set")
        return label(vocabulary, key, context.language) if vocabulary else key

    return [(name(t.key), t.count) for t in tallies]


def _distribution(
    title: str,
    column: str,
    counted: list[tuple[str, int]],
    what: str,
    context: Context,
    cumulative: bool = False,
    chart: Chart | None = None,
) -> list[Flowable]:
    """A part of the analysis: its heading, its bars (most first; ``chart`` instead when
    given) and its table."""
    total = sum(n for _, n in counted) or 1
    rows: list[list[object]] = []
    running = 0
    for name, count in counted:
        running += count
        row: list[object] = [name, count, percent(100 * count / total)]
        if cumulative:
            row.append(percent(100 * running / total))
        rows.append(row)
    header = [column, what, context.text("share")]
    header += [context.text("cumulative")] if cumulative else []
    width = context.width
    shares = [0.4, 0.15, 0.15] + ([0.2] if cumulative else [])
    drawn = draw(chart or tally_chart(title, counted, what, what), width, CHART_HEIGHT)
    return [
        KeepTogether([context.heading(title, 2), drawn]),
        Spacer(1, 3 * mm),
        table(
            context.looks,
            header,
            rows,
            [width * s for s in shares],
            numeric=tuple(range(1, len(header))),
        ),
    ]


def _pareto(causes: tuple[Tally, ...], title: str, what: str, language: str) -> Chart:
    """The dashboard's Pareto (bars, the cumulative share as a line, the 80% line) of the
    quarter's causes, titled and its bars named as the report counts them."""
    chart, _ = pareto_chart({t.key: t.count for t in causes}, language)
    bars, *rest = chart.series
    return replace(chart, title=title, y_label=what, series=(replace(bars, name=what), *rest))


def analysis(facts: QuarterFacts, context: Context) -> Flowables:
    if not facts.in_scope:
        return None
    text, language = context.text, context.language
    found: list[Flowable] = [
        context.heading(text("analysis")),
        context.looks.para(text("analysis_scope", count=facts.in_scope)),
    ]
    if facts.causes:
        counted = _named(facts.causes, "category", context)
        found += _distribution(
            text("pareto"),
            field_label("category", language, "cause"),
            counted,
            text("causes"),
            context,
            cumulative=True,
            chart=_pareto(facts.causes, text("pareto"), text("causes"), language),
        )
    found += _distribution(
        text("by_module"),
        label("record_kind", "erp_module", language),
        _named(facts.modules, None, context),
        text("problems"),
        context,
    )
    found += _distribution(
        text("by_hidden_cost"),
        field_label("hidden_cost", language, "problem"),
        _named(facts.hidden_costs, "hidden_cost", context),
        text("problems"),
        context,
    )
    return found


def pilots(facts: QuarterFacts, context: Context) -> Flowables:
    if not facts.pilots:
        return None
    # each pilot on one page: it starts on the next one when it does not fit here, and
    # the section's heading goes with the first
    heading = context.heading(context.text("pilots"))
    blocks = [_pilot(pilot, context) for pilot in facts.pilots]
    blocks[0].insert(0, heading)
    return [KeepTogether(block) for block in blocks]


def _criterion_words(pilot: PilotFacts, language: str) -> str:
    status = pilot.criterion
    return pilot_text(
        status.state, language, since=status.since or "", lost=status.lost_since or ""
    )


def _pilot(pilot: PilotFacts, context: Context) -> list[Flowable]:
    detail, looks, language, text = pilot.detail, context.looks, context.language, context.text
    sign = "≥" if detail.criterion_direction == "higher" else "≤"
    measure = label("criterion_measure", detail.criterion_measure, language)
    last = detail.rounds[-1].decision if detail.rounds else None
    facts_rows = [
        [field_label("hypothesis", language, "pilot"), detail.hypothesis],
        [
            field_label("scope", language, "pilot"),
            " · ".join(p for p in (detail.scope, pilot.site or "") if p),
        ],
        [
            text("criterion"),
            f"{detail.criterion_metric} ({measure}) {sign} {detail.threshold.text()}",
        ],
        [text("criterion_met"), _criterion_words(pilot, language)],
        [
            text("decision"),
            f"{term('decision', last, language)} · {term('pilot_status', detail.status, language)}",
        ],
        [field_label("owner_id", language, "pilot"), who(pilot.owner)],
    ]
    width = context.width
    found: list[Flowable] = [
        context.heading(f"{detail.code}  {detail.name}", 2),
        table(
            looks,
            [field_label("name", language, "pilot"), detail.name],
            facts_rows,
            [width * 0.22, width * 0.78],
        ),
        Spacer(1, 3 * mm),
    ]
    if not detail.rounds:
        return [*found, looks.para(text("no_rounds"))]
    rows = []
    for found_round in detail.rounds:
        figures = [
            found_round.figure(n)
            for n in (
                "satisfaction_mean",
                "duration_before_median",
                "duration_after_median",
                "duration_after_p90",
            )
        ]
        rows.append(
            [
                pilot_text("round", language, number=found_round.number),
                f"{day(found_round.starts_on)}\n{day(found_round.ends_on)}",
                found_round.changes,
                *(f.text() if f is not None else "—" for f in figures),
                term("decision", found_round.decision, language),
            ]
        )
    kind = "pilot_round"
    header = [
        text("rounds"),
        f"{field_label('starts_on', language, kind)}",
        field_label("changes", language, kind),
        *(
            field_label(n, language, kind)
            for n in (
                "satisfaction_mean",
                "duration_before_median",
                "duration_after_median",
                "duration_after_p90",
            )
        ),
        field_label("decision", language, kind),
    ]
    found.append(
        table(
            looks,
            header,
            rows,
            [width * s for s in (0.09, 0.12, 0.23, 0.11, 0.11, 0.11, 0.11, 0.12)],
            numeric=(3, 4, 5, 6),
        )
    )
    charts = [draw(chart, width / 2 - 4, CHART_HEIGHT) for chart in pilot_charts(detail, language)]
    side_by_side = Table([charts], colWidths=[width / 2] * 2, hAlign="LEFT")
    side_by_side.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), looks.body.fontName)]))
    found += [Spacer(1, 3 * mm), side_by_side]
    return found


def training(facts: QuarterFacts, context: Context) -> Flowables:
    found_facts = facts.training
    if found_facts is None:
        return None
    looks, text, language, width = context.looks, context.text, context.language, context.width
    rows = [
        [
            term("training_kind", t.kind, language),
            t.sessions,
            t.attendances,
            "—" if t.hours is None else f"{t.hours:g}",
        ]
        for t in found_facts.by_kind
    ]
    found: list[Flowable] = [context.heading(text("training"))]
    if facts.site_code:
        found.append(looks.para(text("all_sites_training"), looks.small))
    found += [
        context.heading(text("sessions_by_kind"), 2),
        table(
            looks,
            [
                field_label("kind", language, "training_session"),
                text("sessions"),
                text("attendances"),
                text("hours"),
            ],
            rows,
            [width * s for s in (0.4, 0.15, 0.15, 0.15)],
            numeric=(1, 2, 3),
        ),
    ]
    coverage = found_facts.coverage
    if coverage.departments and coverage.modules:
        modules = coverage.modules
        share = 0.74 / max(len(modules), 1)
        grid = [
            [
                name,
                *(
                    coverage.cell(d, m).text if coverage.cell(d, m).people else "—"
                    for m, _ in modules
                ),
            ]
            for d, name in coverage.departments
        ]
        found += [
            context.heading(text("coverage"), 2),
            table(
                looks,
                [field_label("department_id", language, "person"), *(name for _, name in modules)],
                grid,
                [width * 0.26, *([width * share] * len(modules))],
                numeric=tuple(range(1, len(modules) + 1)),
            ),
        ]
    if found_facts.gaps:
        gap_rows = [[g.person, who(g.department), g.module] for g in found_facts.gaps]
        found += [
            context.heading(text("gaps"), 2),
            table(
                looks,
                [
                    label("record_kind", "person", language),
                    field_label("department_id", language, "person"),
                    label("record_kind", "erp_module", language),
                ],
                gap_rows,
                [width * s for s in (0.3, 0.3, 0.3)],
            ),
        ]
    return found


def attention(facts: QuarterFacts, context: Context) -> Flowables:
    alerts = open_alerts(facts, context) if facts.open_alerts else []
    if not facts.overdue:
        return [context.heading(context.text("attention")), *alerts] if alerts else None
    language, text, width = context.language, context.text, context.width
    rows = [
        [
            label("record_kind", a.kind, language),
            a.code,
            a.title,
            who(a.owner),
            day(a.due_on),
            a.days,
        ]
        for a in facts.overdue
    ]
    header = [
        text("action"),
        field_label("code", language, "problem"),
        field_label("title", language, "problem"),
        field_label("owner_id", language, "problem"),
        field_label("due_on", language, "problem"),
        text("days_overdue"),
    ]
    return [
        context.heading(text("attention")),
        *alerts,
        context.heading(text("overdue_actions"), 2),
        table(
            context.looks,
            header,
            rows,
            [width * s for s in (0.18, 0.15, 0.32, 0.11, 0.13, 0.11)],
            numeric=(5,),
        ),
    ]


def closing(facts: QuarterFacts, context: Context) -> Flowables:
    text = context.text
    words = text("closing_text", entry=facts.head.entry, hash=facts.head.hash)
    return [KeepTogether([context.heading(text("closing")), context.looks.para(words)])]
