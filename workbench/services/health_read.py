"""The monthly process health score's inputs and report (流程健康度评分), overall, per site
and per ERP module, read by running the shared SQL (workbench.store.dashboard_sql) with a
session or, at start-up, the DB-API (workbench.services.dashboard_read).

A month's inputs, at its last day: the KPI values of the month (green, amber, red); the
solutions not done (nor cancelled) of the problems reported by then, and how many of them
were due by then (in that month or before); the problems open then (reported by then,
not closed by then, not rejected) and their ages; the alerts open then. The score and its
parts are workbench.analysis.kpi_rules.health. A site's score takes its problems, its
measurements and its alerts; a module's the problems in it and the KPIs of it.

This module must not import SQLAlchemy (a test checks it).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from typing import Any

from workbench.analysis.kpi_rules import (
    AMBER,
    GREEN,
    RED,
    HealthInputs,
    health,
    next_period,
    period_of,
    period_start,
    status,
)
from workbench.services.dashboard_facts import HealthReport, ScoreRow
from workbench.services.dashboard_read import as_date, names, weights
from workbench.store import dashboard_sql as sql
from workbench.store.dashboard_sql import FAR, Rows

ALL = "all"
Scope = tuple[str, int | None]  # ("all", None), ("site", id), ("module", id)
_FAR = dt.date.fromisoformat(FAR)


def _month_end(period: str) -> dt.date:
    return period_start(next_period(period)) - dt.timedelta(days=1)


class _Inputs:
    """Accumulates each month's inputs per scope key (("all", None), ("site", 3) …)."""

    def __init__(self, periods: tuple[str, ...]) -> None:
        self.periods = periods
        self.ends = [_month_end(p) for p in periods]
        self.values: dict[tuple[str, Scope], dict[str, Any]] = defaultdict(
            lambda: defaultdict(float)
        )
        # Amounts added over a run of months, kept as differences: amount at the run's
        # first month, minus it after its last (summed up by ``finish``).
        self.spans: dict[tuple[Scope, str], list[float]] = defaultdict(
            lambda: [0.0] * (len(periods) + 1)
        )

    def add(self, scopes: list[Scope], period_index: int, name: str, amount: float = 1) -> None:
        for scope in scopes:
            self.values[(self.periods[period_index], scope)][name] += amount

    def index(self, month: str | None) -> int:
        """The index of the first of the periods at or after ``month`` (None: none)."""
        return len(self.periods) if month is None else bisect_left(self.periods, month)

    def add_span(self, scopes: list[Scope], first: int, end: int, name: str, amount: float) -> None:
        """``amount`` to each month index in [first, end)."""
        if first >= end:
            return
        for scope in scopes:
            steps = self.spans[(scope, name)]
            steps[first] += amount
            steps[end] -= amount

    def finish(self) -> None:
        """Add up the spans into the months' values."""
        for (scope, name), steps in self.spans.items():
            running = 0.0
            for i, period in enumerate(self.periods):
                running += steps[i]
                if running:
                    self.values[(period, scope)][name] += running
        self.spans.clear()

    def get(self, period: str, scope: Scope) -> HealthInputs:
        found = self.values.get((period, scope), {})

        def count(name: str) -> int:
            return int(found.get(name, 0))

        return HealthInputs(
            green=count("green"),
            amber=count("amber"),
            red=count("red"),
            open_solutions=count("open_solutions"),
            overdue_solutions=count("overdue_solutions"),
            open_problems=count("open_problems"),
            open_problem_days=float(found.get("open_problem_days", 0.0)),
            open_alerts=count("open_alerts"),
            series=count("series"),
        )


def _scopes(site_id: int | None, module_id: int | None) -> list[Scope]:
    found: list[Scope] = [(ALL, None)]
    if site_id is not None:
        found.append(("site", site_id))
    if module_id is not None:
        found.append(("module", module_id))
    return found


def _open_between(start: dt.date, end: dt.date | None, ends: list[dt.date]) -> range:
    """The month indexes whose last day falls in [start, end) (end None: never)."""
    first = next((i for i, e in enumerate(ends) if e >= start), len(ends))
    last = (
        len(ends) if end is None else next((i for i, e in enumerate(ends) if e >= end), len(ends))
    )
    return range(first, last)


def collect(rows: Rows, periods: tuple[str, ...]) -> _Inputs:
    found = _Inputs(periods)
    index = {p: i for i, p in enumerate(periods)}
    kpis = {row[0]: row for row in rows(sql.HEALTH_KPIS)}
    for kpi_id, period, site_id, value in rows(
        sql.HEALTH_MEASUREMENTS, {"first": periods[0], "last": periods[-1]}
    ):
        _, direction, target, warning, alarm, module_id = kpis[kpi_id]
        level = status(value, direction, target, warning, alarm)
        scopes = _scopes(site_id, module_id)
        found.add(scopes, index[period], {GREEN: "green", AMBER: "amber", RED: "red"}[level])
        found.add(scopes, index[period], "series")
    ends = {
        "first": periods[0],
        "first_day": period_start(periods[0]).isoformat(),
        "end_first": found.ends[0].isoformat(),
        "end_last": found.ends[-1].isoformat(),
    }
    _problems(rows, found, ends)
    _solutions(rows, found, ends)
    for opened, closed_on, site_id, module_id in rows(sql.HEALTH_ALERTS, {"last": periods[-1]}):
        for i in _open_between(period_start(opened), as_date(closed_on), found.ends):
            found.add(_scopes(site_id, module_id), i, "open_alerts")
    return found


def _problems(rows: Rows, found: _Inputs, ends: dict[str, str]) -> None:
    """The problems open at each month's end (reported by then, not closed by then) and
    their ages. Both depend on the months a problem was reported and closed only, so the
    problems are counted per site, module and those two months in one grouped pass."""
    # Open in the months from the one reported to the one before it closed. A month's age
    # sum is the far-off days of its open problems less their count times its end's.
    for site_id, module_id, first, last, count, far_days in rows(
        sql.open_problems(rows.dialect), ends
    ):
        scopes = _scopes(site_id, module_id)
        start, end = found.index(first), found.index(last)
        found.add_span(scopes, start, end, "open_problems", count)
        found.add_span(scopes, start, end, "far_days", far_days)
    found.finish()
    end_of = dict(zip(found.periods, found.ends, strict=True))
    for (period, _scope), values in found.values.items():
        far = values.pop("far_days", 0.0)
        if far:
            values["open_problem_days"] += (
                far - values["open_problems"] * (_FAR - end_of[period]).days
            )


def _solutions(rows: Rows, found: _Inputs, ends: dict[str, str]) -> None:
    """The solutions not done at each month's end (of problems reported by then), and
    those of them due by then: grouped by the months of report, done and due."""
    # Not done from the month its problem was reported to the one before it was done;
    # overdue in those months from the month it was due.
    for site_id, module_id, first, finished, due_month, count in rows(sql.OPEN_SOLUTIONS, ends):
        scopes = _scopes(site_id, module_id)
        start, end = found.index(first), found.index(finished)
        found.add_span(scopes, start, end, "open_solutions", count)
        if due_month is not None:
            due = max(start, found.index(due_month))
            found.add_span(scopes, due, end, "overdue_solutions", count)
    found.finish()


def report(rows: Rows, today: dt.date, months: int = 12, last: str | None = None) -> HealthReport:
    """The overall score of the ``months`` months up to ``last`` (the latest measured,
    else this month), and the last month's per site and per module."""
    last = last or last_period(rows, today)
    periods = tuple(next_period(last, -n) for n in range(months - 1, -1, -1))
    chosen = weights(rows)
    found = collect(rows, periods)

    def row(scope: str, scope_id: int | None, name: str, period: str) -> ScoreRow:
        inputs = found.get(period, (scope, scope_id))
        return ScoreRow(scope, scope_id, name, health(period, inputs, chosen), inputs)

    def ranked(scope: str, table: str) -> tuple[ScoreRow, ...]:
        found_rows = (row(scope, i, n, last) for i, n in names(rows, table).items())
        return tuple(sorted(found_rows, key=lambda r: (-r.score.score, r.name)))

    overall = tuple(row(ALL, None, "", p) for p in periods)
    return HealthReport(
        periods, overall, ranked("site", "site"), ranked("module", "erp_module"), chosen
    )


def last_period(rows: Rows, today: dt.date) -> str:
    """The latest month measured (this month when nothing is)."""
    found = rows(sql.LAST_PERIOD)
    return (found[0][0] if found else None) or period_of(today)
