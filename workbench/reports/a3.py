"""A problem's A3 sheet: the one-page report plants already use (Toyota A3 / 8D), on an
A3 page in landscape, in two columns as the paper form has them.

Left: 1 background (what, where, how often, how bad, who), 2 current state (the
description and the status, with its changes), 3 root cause with its five whys. Right:
4 countermeasures (each solution: owner, due, status), 5 the measured effect (each result
as "库存差异率 2.0% → 1.2%, −40%", verified or not), 6 follow-up (what is still open,
the training given). Each column shrinks to fit, so the sheet stays one page.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A3, landscape
from reportlab.platypus import Flowable, KeepInFrame, Table, TableStyle

from workbench.reports.document import MARGIN, Context, Report, build
from workbench.reports.styles import ACCENT, grid, table
from workbench.reports.words import aside, day, effect_text, labelled, term, who
from workbench.services.progress import Progress
from workbench.services.records import CauseRecord
from workbench.services.report_records import ProblemSheet
from workbench.vocabulary import field_label, label

PAGE = landscape(A3)
_GAP = 14.0
_DONE = ("done", "cancelled")


def _title(sheet: ProblemSheet, context: Context) -> list[Flowable]:
    problem = sheet.problem
    return [
        context.looks.para(
            f"{context.text('a3_title')} · {problem.code}  {problem.title}", context.looks.title
        )
    ]


def _part(context: Context, key: str) -> Flowable:
    return context.looks.para(context.text(key), context.looks.h1)


def _background(sheet: ProblemSheet, context: Context) -> list[Flowable]:
    problem, language = sheet.problem, context.language

    def name(field: str) -> str:
        return field_label(field, language, "problem")

    rows = [
        [name("code"), problem.code, name("due_on"), day(problem.due_on)],
        [name("erp_module_id"), who(sheet.module), name("site_id"), who(sheet.site)],
        [
            name("department_id"),
            who(sheet.department),
            name("hidden_cost"),
            term("hidden_cost", problem.hidden_cost, language),
        ],
        [
            name("frequency"),
            term("frequency", problem.frequency, language),
            name("severity"),
            term("severity", str(problem.severity), language),
        ],
        [
            name("impact"),
            term("impact", str(problem.impact), language),
            name("reported_on"),
            day(problem.reported_on),
        ],
        [name("reporter_id"), who(sheet.reporter), name("owner_id"), who(sheet.owner)],
    ]
    width = _column(context)
    return [
        _part(context, "background"),
        grid(context.looks, rows, [width * s for s in (0.2, 0.3, 0.2, 0.3)]),
    ]


def _current_state(sheet: ProblemSheet, context: Context) -> list[Flowable]:
    problem, looks, language = sheet.problem, context.looks, context.language
    status = term("status", problem.status, language)
    found: list[Flowable] = [
        _part(context, "current_state"),
        looks.para(problem.description or "—"),
        looks.para(
            labelled(field_label("status", language, "problem"), status, language)
            + (f" · {day(problem.closed_on)}" if problem.closed_on else "")
        ),
    ]
    if sheet.status_changes:
        rows = [
            [
                day(c.changed_at),
                f"{term('status', c.from_status, language)} → "
                f"{term('status', c.to_status, language)}",
                c.reason,
                c.changed_by,
            ]
            for c in sheet.status_changes
        ]
        kind = "status_change"
        width = _column(context)
        found += [
            looks.para(context.text("status_history"), looks.h2),
            table(
                looks,
                [
                    field_label("changed_at", language, kind),
                    label("record_kind", "status_change", language),
                    field_label("reason", language, kind),
                    field_label("changed_by", language, kind),
                ],
                rows,
                [width * s for s in (0.22, 0.3, 0.33, 0.15)],
            ),
        ]
    return found


def _root_cause(sheet: ProblemSheet, context: Context) -> list[Flowable]:
    looks, language = context.looks, context.language
    causes = sorted(sheet.problem.causes, key=lambda c: not c.is_root)
    found: list[Flowable] = [_part(context, "root_cause")]
    if not causes:
        return [*found, looks.para(context.text("no_cause"))]
    for cause in causes:
        found += _cause(cause, context, language)
    return found


def _cause(cause: CauseRecord, context: Context, language: str) -> list[Flowable]:
    looks = context.looks
    marks = [term("category", cause.category, language)]
    if cause.is_root:
        marks.append(field_label("is_root", language, "cause"))
    found: list[Flowable] = [
        looks.para(cause.description + aside(" · ".join(marks), language), looks.h2)
    ]
    rows = [
        [context.text("why", number=n), why] for n, why in enumerate(cause.whys, start=1) if why
    ]
    if rows:
        width = _column(context)
        found.append(
            table(
                looks,
                [
                    label("record_kind", "cause_why", language),
                    label("record_kind", "cause", language),
                ],
                rows,
                [width * 0.18, width * 0.82],
            )
        )
    if cause.evidence:
        found.append(
            looks.para(
                labelled(field_label("evidence", language, "cause"), cause.evidence, language),
                looks.small,
            )
        )
    return found


def _countermeasures(sheet: ProblemSheet, context: Context) -> list[Flowable]:
    looks, language = context.looks, context.language
    solutions = [(c, s) for c in sheet.problem.causes for s in c.solutions]
    found: list[Flowable] = [_part(context, "countermeasures")]
    if not solutions:
        return [*found, looks.para(context.text("no_solution"))]
    kind = "solution"
    rows = [
        [
            s.title,
            term("kind", s.kind, language),
            who(s.owner),
            day(s.due_on),
            term("solution_status", s.status, language),
        ]
        for _, s in solutions
    ]
    width = _column(context)
    header = [
        field_label(f, language, kind) for f in ("title", "kind", "owner_id", "due_on", "status")
    ]
    return [*found, table(looks, header, rows, [width * s for s in (0.44, 0.14, 0.14, 0.14, 0.14)])]


def _effect(sheet: ProblemSheet, context: Context) -> list[Flowable]:
    looks, text = context.looks, context.text
    results = [r for c in sheet.problem.causes for s in c.solutions for r in s.results]
    found: list[Flowable] = [_part(context, "measured_effect")]
    if not results:
        return [*found, looks.para(text("no_result"))]
    rows = [
        [
            effect_text(r),
            day(r.measured_on),
            text("verified_by", who=r.verified_by) if r.verified else text("not_verified"),
        ]
        for r in results
    ]
    width = _column(context)
    header = [
        text("effect"),
        text("measured_on"),
        field_label("verified_at", context.language, "result"),
    ]
    return [*found, table(looks, header, rows, [width * s for s in (0.55, 0.2, 0.25)])]


def _follow_up(sheet: ProblemSheet, context: Context) -> list[Flowable]:
    looks, language, text = context.looks, context.language, context.text
    solutions = [s for c in sheet.problem.causes for s in c.solutions]
    open_ones = [s for s in solutions if s.status not in _DONE]
    waiting = [
        r for s in solutions for r in s.results if r.value_after is not None and not r.verified
    ]
    found: list[Flowable] = [_part(context, "follow_up")]
    found += [
        looks.para(f"• {s.title} — {who(s.owner)}, {day(s.due_on)}" + (" ⚠" if s.overdue else ""))
        for s in open_ones
    ]
    found += [
        looks.para("• " + labelled(effect_text(r), text("not_verified"), language)) for r in waiting
    ]
    if not open_ones and not waiting:
        found.append(looks.para(text("nothing_open")))
    if sheet.training:
        found.append(looks.para(text("training_linked"), looks.h2))
        found += [
            looks.para(
                "• "
                + labelled(f"{t.code} {term('training_kind', t.kind, language)}", t.topic, language)
                + aside(
                    f"{day(t.held_on)} · "
                    f"{field_label('attendees', language, 'training_session')} {t.attendees}",
                    language,
                )
            )
            for t in sheet.training
        ]
    return found


def _column(context: Context) -> float:
    return (context.width - _GAP) / 2


def sheet(facts: ProblemSheet, context: Context) -> list[Flowable]:
    """Both columns side by side, each shrunk to the page's height if it must be."""
    height = PAGE[1] - 2 * MARGIN - 60
    width = _column(context)
    left = [
        *_background(facts, context),
        *_current_state(facts, context),
        *_root_cause(facts, context),
    ]
    right = [
        *_countermeasures(facts, context),
        *_effect(facts, context),
        *_follow_up(facts, context),
    ]
    columns = [KeepInFrame(width, height, content, mode="shrink") for content in (left, right)]
    found = Table([columns], colWidths=[width + _GAP / 2] * 2, hAlign="LEFT")
    found.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), context.looks.body.fontName),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEAFTER", (0, 0), (0, 0), 0.8, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), _GAP / 2),
                ("LEFTPADDING", (1, 0), (1, 0), _GAP / 2),
            ]
        )
    )
    return [found]


def _header(facts: ProblemSheet, context: Context) -> str:
    return f"{context.text('a3_title')} · {facts.problem.code} · {who(facts.site)}"


def _footer(facts: ProblemSheet, context: Context) -> str:
    return (
        f"{context.text('made_on')} {day(facts.made_at)} · {context.text('author')} "
        f"{facts.author} · {context.text('closing')} #{facts.head.entry} {facts.head.hash[:16]}"
    )


A3_SHEET: Report[ProblemSheet] = Report(
    _title, (sheet,), _header, _footer, contents=False, page_size=PAGE
)


def write_a3(
    facts: ProblemSheet, path: Path, language: str, progress: Progress | None = None
) -> int:
    """The A3 sheet of ``facts`` written to ``path``; its number of pages (one)."""
    return build(A3_SHEET, facts, path, language, progress)
