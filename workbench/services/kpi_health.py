"""The monthly process health score (流程健康度评分), overall, per site and per ERP module,
and its weights, a team rule (``health_weights`` in ``team_setting``, audited).

A month's inputs, at its last day: the KPI values of the month (green, amber, red); the
solutions not done (nor cancelled) of the problems reported by then, and how many of them
were due by then (in that month or before); the problems open then (reported by then,
not closed by then, not rejected) and their ages; the alerts open then. The score and its parts are
workbench.analysis.kpi_rules.health. A site's score takes its problems, its
measurements and its alerts; a module's the problems in it and the KPIs of it.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import String, and_, cast, func, literal, or_, select
from sqlalchemy.orm import Session

from workbench.analysis.kpi_rules import (
    AMBER,
    DEFAULT_WEIGHTS,
    GREEN,
    RED,
    HealthInputs,
    check_weights,
    health,
    next_period,
    period_of,
    period_start,
    status,
)
from workbench.services.base import Service
from workbench.services.dashboard_facts import HealthReport, ScoreRow
from workbench.services.errors import FieldError, ValidationError
from workbench.store.models import (
    Cause,
    ErpModule,
    Kpi,
    KpiAlert,
    KpiMeasurement,
    Problem,
    Site,
    Solution,
    TeamSetting,
)

WEIGHTS = "health_weights"
ALL = "all"
Scope = tuple[str, int | None]  # ("all", None), ("site", id), ("module", id)


def weights(session: Session) -> dict[str, int]:
    value = session.scalar(select(TeamSetting.value).where(TeamSetting.key == WEIGHTS))
    if value is None:
        return dict(DEFAULT_WEIGHTS)
    try:
        found = {str(k): int(v) for k, v in json.loads(value).items()}
    except (ValueError, TypeError, AttributeError):
        return dict(DEFAULT_WEIGHTS)
    return found if check_weights(found) is None else dict(DEFAULT_WEIGHTS)


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


def collect(session: Session, periods: tuple[str, ...]) -> _Inputs:
    found = _Inputs(periods)
    index = {p: i for i, p in enumerate(periods)}
    kpis = {k.id: k for k in session.scalars(select(Kpi))}
    for m in session.execute(
        select(
            KpiMeasurement.kpi_id,
            KpiMeasurement.period,
            KpiMeasurement.site_id,
            KpiMeasurement.value,
        ).where(KpiMeasurement.period.between(periods[0], periods[-1]))
    ):
        kpi = kpis[m.kpi_id]
        level = status(m.value, kpi.direction, kpi.target, kpi.warning, kpi.alarm)
        scopes = _scopes(m.site_id, kpi.erp_module_id)
        found.add(scopes, index[m.period], {GREEN: "green", AMBER: "amber", RED: "red"}[level])
        found.add(scopes, index[m.period], "series")
    _problems(session, found)
    _solutions(session, found)
    for a in session.execute(
        select(KpiAlert.opened_period, KpiAlert.closed_on, KpiAlert.site_id, Kpi.erp_module_id)
        .join(Kpi, KpiAlert.kpi_id == Kpi.id)
        .where(KpiAlert.opened_period <= periods[-1])
    ):
        for i in _open_between(period_start(a.opened_period), a.closed_on, found.ends):
            found.add(_scopes(a.site_id, a.erp_module_id), i, "open_alerts")
    return found


# Ages are summed as days before this far-off day, whatever the database's date type.
_FAR = dt.date(2200, 1, 1)


def _days_before_far(session: Session, column: Any) -> Any:
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(_FAR.isoformat()) - func.julianday(column)
    return literal(_FAR) - column


def _month(column: Any) -> Any:
    return func.substr(cast(column, String), 1, 7)


def _problems(session: Session, found: _Inputs) -> None:
    """The problems open at each month's end (reported by then, not closed by then) and
    their ages. Both depend on the months a problem was reported and closed only, so the
    problems are counted per site, module and those two months in one grouped pass."""
    reported, closed = _month(Problem.reported_on), _month(Problem.closed_on)
    query = (
        select(
            Problem.site_id,
            Problem.erp_module_id,
            reported,
            closed,
            func.count(),
            func.sum(_days_before_far(session, Problem.reported_on)),
        )
        .where(
            Problem.status != "rejected",
            Problem.reported_on <= found.ends[-1],
            or_(
                Problem.closed_on > found.ends[0],
                and_(Problem.closed_on.is_(None), Problem.status != "closed"),
            ),
        )
        .group_by(Problem.site_id, Problem.erp_module_id, reported, closed)
    )
    # Open in the months from the one reported to the one before it closed. A month's age
    # sum is the far-off days of its open problems less their count times its end's.
    grouped: list[Any] = list(session.execute(query).all())
    for site_id, module_id, first, last, count, far_days in grouped:
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


def _solutions(session: Session, found: _Inputs) -> None:
    """The solutions not done at each month's end (of problems reported by then), and
    those of them due by then: grouped by the months of report, done and due."""
    reported, done, due = (
        _month(Problem.reported_on),
        _month(Solution.done_on),
        _month(Solution.due_on),
    )
    query = (
        select(Problem.site_id, Problem.erp_module_id, reported, done, due, func.count())
        .select_from(Solution)
        .join(Cause, Solution.cause_id == Cause.id)
        .join(Problem, Cause.problem_id == Problem.id)
        .where(
            Solution.status != "cancelled",
            Problem.status != "rejected",
            Problem.reported_on <= found.ends[-1],
            or_(
                Solution.done_on > found.ends[0],
                and_(Solution.done_on.is_(None), Solution.status != "done"),
            ),
        )
        .group_by(Problem.site_id, Problem.erp_module_id, reported, done, due)
    )
    # Not done from the month its problem was reported to the one before it was done;
    # overdue in those months from the month it was due.
    grouped: list[Any] = list(session.execute(query).all())
    for site_id, module_id, first, finished, due_month, count in grouped:
        scopes = _scopes(site_id, module_id)
        start, end = found.index(first), found.index(finished)
        found.add_span(scopes, start, end, "open_solutions", count)
        if due_month is not None:
            due = max(start, found.index(due_month))
            found.add_span(scopes, due, end, "overdue_solutions", count)
    found.finish()


class HealthService(Service):
    def weights(self) -> dict[str, int]:
        with self._db.read() as session:
            return weights(session)

    def set_weights(self, wanted: Mapping[str, int]) -> bool:
        """Set the score's weights (whole numbers adding up to 100); whether they changed."""
        if check_weights(wanted) is not None:
            raise ValidationError([FieldError("value", "weights", "weights must add up to 100")])
        value = json.dumps({k: wanted[k] for k in DEFAULT_WEIGHTS}, sort_keys=False)
        with self._db.write(self.actor) as session:
            row = session.scalar(select(TeamSetting).where(TeamSetting.key == WEIGHTS))
            if row is None:
                session.add(TeamSetting(key=WEIGHTS, value=value))
                return True
            if row.value == value:
                return False
            row.value = value
            return True

    def last_period(self) -> str:
        """The latest month measured (this month when nothing is)."""
        with self._db.read() as session:
            found = session.scalar(select(func.max(KpiMeasurement.period)))
        return found or period_of(self.today())

    def report(self, months: int = 12, last: str | None = None) -> HealthReport:
        """The overall score of the ``months`` months up to ``last`` (the latest measured),
        and the last month's per site and per module."""
        last = last or self.last_period()
        periods = tuple(next_period(last, -n) for n in range(months - 1, -1, -1))
        with self._db.read() as session:
            chosen = weights(session)
            found = collect(session, periods)
            sites = {s.id: s.name for s in session.scalars(select(Site))}
            modules = {m.id: m.name for m in session.scalars(select(ErpModule))}

        def row(scope: str, scope_id: int | None, name: str, period: str) -> ScoreRow:
            inputs = found.get(period, (scope, scope_id))
            return ScoreRow(scope, scope_id, name, health(period, inputs, chosen), inputs)

        overall = tuple(row(ALL, None, "", p) for p in periods)
        by_site = sorted(
            (row("site", i, n, last) for i, n in sites.items()),
            key=lambda r: (-r.score.score, r.name),
        )
        by_module = sorted(
            (row("module", i, n, last) for i, n in modules.items()),
            key=lambda r: (-r.score.score, r.name),
        )
        return HealthReport(periods, overall, tuple(by_site), tuple(by_module), chosen)
