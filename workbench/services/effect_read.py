"""Computed effects, read by running the shared SQL (workbench.store.dashboard_sql) with a
session or, at start-up, the DB-API (workbench.services.dashboard_read): a result
measured by a KPI series, and the results ranked by how much they improved (the
Dashboard's "improvement effects"). The rules are workbench.services.kpi_effects'.

This module must not import SQLAlchemy (a test checks it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from workbench.analysis.kpi_rules import Effect, effect, period_start
from workbench.services.dashboard_facts import EffectRow
from workbench.services.dashboard_read import as_date
from workbench.services.kpi_records import kpi_title
from workbench.store import dashboard_sql as sql
from workbench.store.dashboard_sql import Rows


@dataclass(frozen=True)
class Link:
    """A result measured by a KPI series: the KPI, its place (a site, a department, or
    none: the mean of every place per period), the baseline periods and the first after."""

    result_id: int
    kpi_id: int
    site_id: int | None
    department_id: int | None
    baseline_from: str
    baseline_to: str
    after_from: str


def links(
    rows: Rows, result_id: int | None = None, problem_id: int | None = None
) -> tuple[Link, ...]:
    """The links kept: of result ``result_id``, of the results of problem ``problem_id``,
    or every one."""
    if result_id is not None:
        where, params = "WHERE result_id = :id", {"id": result_id}
    elif problem_id is not None:
        where, params = sql.LINKS_OF_PROBLEM, {"id": problem_id}
    else:
        where, params = "", {}
    return tuple(Link(*row) for row in rows(sql.LINKS.format(where=where), params))


def series(rows: Rows, link: Link) -> dict[str, float]:
    """The link's values per period (the mean of every place when it names none)."""
    query, params = sql.SERIES, {"kpi_id": link.kpi_id}
    for column in ("site_id", "department_id"):
        if getattr(link, column) is not None:
            query += f" AND {column} = :{column}"
            params[column] = getattr(link, column)
    found: dict[str, list[float]] = defaultdict(list)
    for period, value in rows(query, params):
        found[period].append(value)
    return {p: sum(v) / len(v) for p, v in found.items()}


def computed(rows: Rows, link: Link, language: str) -> EffectRow:
    """The effect of ``link`` (kept or not) as it reads now."""
    found = rows(sql.LINKED, {"result_id": link.result_id, "kpi_id": link.kpi_id})
    metric, done_on, problem_id, code, preset, name, direction = found[0]
    done = as_date(done_on) or period_start(link.after_from)
    measured = effect(
        series(rows, link),
        direction,
        link.baseline_from,
        link.baseline_to,
        link.after_from,
        done,
    )
    return EffectRow(
        link.result_id,
        problem_id,
        code,
        metric,
        kpi_title(preset, name, language),
        link.baseline_from,
        link.baseline_to,
        link.after_from,
        measured,
    )


def _typed(
    result_id: int,
    metric: str,
    direction: str,
    baseline: float,
    after: float | None,
    problem_id: int,
    code: str,
) -> EffectRow:
    change = None if after is None or not baseline else (after - baseline) / abs(baseline) * 100
    improvement = None if change is None else (change if direction == "higher" else -change)
    found = Effect(baseline, after, change, improvement, (), False)
    return EffectRow(result_id, problem_id, code, metric, None, None, None, None, found)


def top(rows: Rows, limit: int = 8, language: str = "en") -> tuple[EffectRow, ...]:
    """The results that improved most (computed ones by their series), best first, with
    every relapsed one among them whatever its place."""
    found = [computed(rows, link, language) for link in links(rows)]
    linked = {r.result_id for r in found}
    typed = rows(sql.TYPED_EFFECTS, {"limit": limit + len(linked)})
    found += [_typed(*row) for row in typed if row[0] not in linked]
    known = [r for r in found if r.effect.improvement is not None]
    known.sort(key=lambda r: (-(r.effect.improvement or 0.0), r.problem_code))
    best = known[:limit]
    relapsed = [r for r in known[limit:] if r.effect.relapse]
    return tuple(best + relapsed)
