"""The quarterly report (季度报告) project managers send to management.

``QUARTERLY`` is the report: its cover, then its sections in order, each shown only when
it has data (workbench.reports.document). The summary holds the KPI table and the health
score, the KPI trend charts follow it, and what needs attention lists the open alerts
(workbench.reports.quarterly_kpis).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from workbench.reports.document import Context, Report, Section, build
from workbench.reports.quarterly_kpis import alert_counts, kpi_summary, kpi_trends
from workbench.reports.quarterly_more import analysis, attention, closing, pilots, training
from workbench.reports.words import day, effect_text, labelled, term, who
from workbench.services.improvement_records import ImprovementRow
from workbench.services.progress import Progress
from workbench.services.report_records import QuarterFacts
from workbench.vocabulary import field_label, label

Flowables = list[Flowable] | None


def cover(facts: QuarterFacts, context: Context) -> Flowables:
    looks, text = context.looks, context.text
    site = facts.site_name or text("all_sites")
    lines = [
        (text("site"), f"{site} ({facts.site_code})" if facts.site_code else site),
        (text("quarter"), facts.quarter),
        (text("made_on"), day(facts.made_at)),
        (text("author"), facts.author),
        (text("record"), facts.location),
    ]
    return [
        Spacer(1, 60 * mm),
        looks.para(text("quarterly_title"), looks.title),
        looks.para(f"{site} · {facts.quarter}", looks.subtitle),
        Spacer(1, 20 * mm),
        *(looks.para(labelled(name, value, context.language)) for name, value in lines),
        PageBreak(),
    ]


def summary(facts: QuarterFacts, context: Context) -> Flowables:
    text = context.text
    counts = [
        (text("problems_opened"), facts.problems_opened),
        (text("problems_closed"), facts.problems_closed),
        (text("solutions_done"), facts.solutions_done),
        (text("solutions_overdue"), facts.solutions_overdue),
    ]
    width = context.width
    found: list[Flowable] = [
        context.heading(text("summary")),
        context.heading(text("counts"), 2),
        looks_table(
            context,
            [text("figure"), text("count")],
            [list(c) for c in counts] + alert_counts(facts, context),
            [width * 0.6, width * 0.2],
            numeric=(1,),
        ),
        *kpi_summary(facts, context),
    ]
    if facts.biggest:
        rows = [
            [
                e.problem_code,
                f"{e.problem_title}\n{e.solution}",
                effect_text(e.result),
                day(e.result.measured_on),
            ]
            for e in facts.biggest
        ]
        header = [
            field_label("code", context.language, "problem"),
            f"{label('record_kind', 'problem', context.language)} / "
            f"{label('record_kind', 'solution', context.language)}",
            text("effect"),
            text("measured_on"),
        ]
        found += [
            context.heading(text("biggest"), 2),
            looks_table(context, header, rows, _widths(width, 0.15, 0.4, 0.3, 0.15)),
        ]
    return found


def improvement_list(facts: QuarterFacts, context: Context) -> Flowables:
    if not facts.improvement_rows or facts.list_counts is None:
        return None
    looks, text, language = context.looks, context.text, context.language
    counts = facts.list_counts
    view = facts.improvement_list
    frozen = (
        text("frozen_note", on=day(view.frozen_at), by=who(view.frozen_by))
        if view is not None and view.frozen
        else text("not_frozen_note")
    )
    tally = [
        [text(k), getattr(counts, k)]
        for k in ("items", "committed", "done", "carried_over", "dropped", "carried_in")
    ]
    found: list[Flowable] = [
        context.heading(label("record_kind", "quarter_list", language)),
        context.heading(text("list_outcome"), 2),
        looks_table(
            context,
            [text("figure"), text("count")],
            tally,
            [context.width * 0.6, context.width * 0.2],
            numeric=(1,),
        ),
        looks.para(frozen, looks.small),
        context.heading(text("this_list"), 2),
        _items(facts.improvement_rows, context),
    ]
    if facts.next_committed:
        found += [
            context.heading(text("next_list", quarter=facts.next_quarter), 2),
            _items(facts.next_committed, context),
        ]
    return found


def _items(rows: tuple[ImprovementRow, ...], context: Context) -> Flowable:
    language, text = context.language, context.text
    kind = "improvement_item"
    header = [
        field_label("code", language, kind),
        field_label("title", language, kind),
        field_label("owner_id", language, kind),
        text("target"),
        field_label("target_by", language, kind),
        field_label("status", language, kind),
    ]
    table_rows = []
    for row in rows:
        target = f"{row.target_metric} {row.target.text() if row.target else ''}{row.target_unit}"
        status = term("improvement_status", row.status, language)
        if row.carried.count:
            status += "\n" + text(
                "carried_times",
                count=row.carried.count,
                since=row.carried.origin_quarter or row.carried.from_quarter or "",
            )
        table_rows.append(
            [row.code, row.title, who(row.owner), target.strip(), day(row.target_by), status]
        )
    return looks_table(
        context, header, table_rows, _widths(context.width, 0.15, 0.24, 0.09, 0.19, 0.13, 0.2)
    )


def closed_records(facts: QuarterFacts, context: Context) -> Flowables:
    """One table, a line per measured effect under its problem: it runs over as many pages
    as it needs, its header on each."""
    if not facts.closed:
        return None
    text, language = context.text, context.language
    names = [label("record_kind", k, language) for k in ("problem", "cause", "solution")]
    rows: list[list[object]] = []
    for record in facts.closed:
        where = " · ".join(p for p in (record.module, day(record.closed_on)) if p)
        problem = f"{record.code}  {record.title}\n{where}"
        effects = record.effects or ()
        if not effects:
            rows.append([problem, "", "", ""])
        for n, effect in enumerate(effects):
            rows.append(
                [
                    problem if n == 0 else "",
                    effect.cause,
                    effect.solution,
                    effect_text(effect.result),
                ]
            )
    header = [*names, text("effect")]
    widths = _widths(context.width, 0.26, 0.22, 0.18, 0.34)
    return [context.heading(text("closed_records")), looks_table(context, header, rows, widths)]


def looks_table(
    context: Context,
    header: list[str],
    rows: Sequence[Sequence[object]],
    widths: list[float],
    numeric: tuple[int, ...] = (),
) -> Flowable:
    from workbench.reports.styles import table

    return table(context.looks, header, [list(r) for r in rows], widths, numeric)


def _widths(total: float, *shares: float) -> list[float]:
    return [total * share for share in shares]


SECTIONS: tuple[Section[QuarterFacts], ...] = (
    summary,
    kpi_trends,
    improvement_list,
    closed_records,
    analysis,
    pilots,
    training,
    attention,
    closing,
)


def _header(facts: QuarterFacts, context: Context) -> str:
    site = facts.site_name or context.text("all_sites")
    return f"{context.text('quarterly_title')} · {site} · {facts.quarter}"


def _footer(facts: QuarterFacts, context: Context) -> str:
    return (
        f"{context.text('made_on')} {day(facts.made_at)} · {context.text('author')} {facts.author}"
    )


QUARTERLY: Report[QuarterFacts] = Report(cover, SECTIONS, _header, _footer)


def write_quarterly(
    facts: QuarterFacts, path: Path, language: str, progress: Progress | None = None
) -> int:
    """The quarterly report of ``facts`` written to ``path``; its number of pages."""
    return build(QUARTERLY, facts, path, language, progress)
