"""What the Dashboard shows, read by running the shared SQL (workbench.store.dashboard_sql)
with whatever runs it: a SQLAlchemy session in the services, the DB-API on a SQLite file
at start-up (workbench.services.first_dashboard). One reading, two ways to run it, so the
Dashboard drawn before the database is open is the one the services read afterwards.

- the KPI records and a tile per KPI: the latest period's value (the mean of its places),
  its status, and the values of the periods before for a sparkline;
- problems by cause category (a problem counts once per category it has a cause in), for
  the Pareto chart;
- problems opened and closed per month;
- the department ranking by KPI attainment (部门KPI达成率排名): per owner department, the
  share of its KPIs' latest values that meet the target;
- the open alerts (workbench.services.kpi_alerts), the health score
  (workbench.services.health_read) and the improvement effects (effect_read).

This module and what it imports must not import SQLAlchemy (a test checks it).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from workbench.analysis.kpi_rules import (
    DEFAULT_WEIGHTS,
    check_weights,
    meets,
    next_period,
    period_of,
    status,
)
from workbench.services.dashboard_facts import (
    EFFECTS,
    MONTHS,
    BehindRow,
    MonthCounts,
    Ranked,
    Readings,
)
from workbench.services.kpi_records import AlertRow, KpiRecord, Tile, kpi_title
from workbench.services.numbers import stored
from workbench.store import dashboard_sql as sql
from workbench.store.dashboard_sql import Rows

WEIGHTS = "health_weights"


def as_date(value: Any) -> dt.date | None:
    """A date column's value as a date: SQLite gives its ISO text, PostgreSQL a date."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def kpi_records(
    rows: Rows, where: str = "", params: dict[str, Any] | None = None
) -> tuple[KpiRecord, ...]:
    """The KPIs ``where`` selects (a condition on ``k``; none: every one), by id."""
    found = rows(sql.KPI_RECORDS.format(where=f"WHERE {where}" if where else ""), params)
    return tuple(_record(row) for row in found)


def _record(row: tuple) -> KpiRecord:
    """A row of ``KPI_RECORDS``: each threshold with its decimals, then the record's own
    columns in its order (period, department, module, note)."""
    kpi_id, preset, name, unit, direction = row[:5]
    target, warning, alarm = (stored(row[i], row[i + 1]) for i in (5, 7, 9))
    assert target is not None  # a KPI always has its target
    return KpiRecord(kpi_id, preset, name, unit, direction, target, warning, alarm, *row[11:])


def tiles(rows: Rows, periods: int = 12) -> tuple[Tile, ...]:
    """A tile per KPI, by id."""
    last_of: dict[int, str] = {int(k): str(p) for k, p in rows(sql.LAST_PERIODS)}
    means: dict[int, dict[str, float]] = defaultdict(dict)
    if last_of:
        first = next_period(max(last_of.values()), -(periods - 1))
        for kpi_id, period, mean in rows(sql.PERIOD_MEANS, {"first": first}):
            means[int(kpi_id)][str(period)] = float(mean)
    found = []
    for record in kpi_records(rows):
        last = last_of.get(record.id)
        shown = tuple(next_period(last, -n) for n in range(periods - 1, -1, -1)) if last else ()
        values = tuple(means[record.id].get(p) for p in shown)
        value = values[-1] if values else None
        found.append(
            Tile(
                record, last, value, status(value, record.direction, *record.lines()), shown, values
            )
        )
    return tuple(found)


def causes_by_category(rows: Rows) -> dict[str | None, int]:
    return {category: int(count) for category, count in rows(sql.CAUSES)}


def opened_closed(rows: Rows, last: str, months: int = MONTHS) -> MonthCounts:
    periods = tuple(next_period(last, -n) for n in range(months - 1, -1, -1))
    first = {"first": f"{periods[0]}-01"}
    opened = {str(m): int(n) for m, n in rows(sql.OPENED, first)}
    closed = {str(m): int(n) for m, n in rows(sql.CLOSED, first)}
    return MonthCounts(
        periods,
        tuple(opened.get(p, 0) for p in periods),
        tuple(closed.get(p, 0) for p in periods),
    )


def ranking(rows: Rows) -> tuple[Ranked, ...]:
    """Departments by the share of their KPIs' latest values that meet the target."""
    names: dict[int, str] = {}
    found: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for department_id, name, target, direction, value in rows(sql.RANKED_VALUES):
        names[department_id] = name
        counts = found[department_id]
        counts[0] += meets(value, target, direction)
        counts[1] += 1
    ranked = [Ranked(names[d], a, m) for d, (a, m) in found.items()]
    ranked.sort(key=lambda r: (-r.share, r.department))
    return tuple(ranked)


def behind(rows: Rows, kind: str, key: str | None, limit: int) -> tuple[BehindRow, ...]:
    """The problems behind a bar, newest first: ``category`` (a cause category, None: none
    given), ``opened`` or ``closed`` (a month, "2026-03")."""
    if kind not in ("category", "opened", "closed"):
        raise ValueError(f"no bars of {kind!r}")
    where = sql.BEHIND_WHERE["no_category" if kind == "category" and key is None else kind]
    found = rows(sql.BEHIND.format(where=where), {"key": key, "limit": limit})
    return tuple(BehindRow(*row) for row in found)


def setting(rows: Rows, key: str) -> str | None:
    """A team rule's value as kept (``team_setting``), None when never set."""
    found = rows(sql.SETTING, {"key": key})
    return None if not found else found[0][0]


def weights(rows: Rows) -> dict[str, int]:
    """The health score's weights (the defaults when never set, or not readable)."""
    value = setting(rows, WEIGHTS)
    if value is None:
        return dict(DEFAULT_WEIGHTS)
    try:
        found = {str(k): int(v) for k, v in json.loads(value).items()}
    except (ValueError, TypeError, AttributeError):
        return dict(DEFAULT_WEIGHTS)
    return found if check_weights(found) is None else dict(DEFAULT_WEIGHTS)


def names(rows: Rows, table: str) -> dict[int, str]:
    """The names of the sites (``site``) or ERP modules (``erp_module``) by id."""
    assert table in ("site", "erp_module")
    return {int(i): str(n) for i, n in rows(sql.NAMES.format(table=table))}


def alert_rows(
    rows: Rows, where: str, language: str, params: dict[str, Any] | None = None
) -> tuple[AlertRow, ...]:
    """The alerts ``where`` selects (dashboard_sql's ALERTS_…), oldest first, each with its
    KPI, place, ticket, owner and latest value."""
    found = []
    for row in rows(sql.ALERT_ROWS.format(where=where), params):
        (alert_id, kpi_id, preset, name, unit, site, department, state, opened, last) = row[:10]
        (problem_id, code, problem_status, owner, owning, breaches, value, decimals) = row[10:]
        found.append(
            AlertRow(
                id=alert_id,
                kpi_id=kpi_id,
                kpi=kpi_title(preset, name, language),
                site=site,
                department=department,
                status=state,
                opened_period=opened,
                last_breach_period=last,
                breaches=int(breaches),
                problem_id=problem_id,
                problem_code=code,
                problem_status=problem_status,
                owner=owner,
                owner_department=owning,
                latest_value=stored(value, decimals),
                unit=unit,
            )
        )
    return tuple(found)


def read_tiles(rows: Rows, language: str) -> tuple[tuple[Tile, ...], tuple[AlertRow, ...]]:
    """The KPI tiles and the open alerts (the Dashboard's quick half)."""
    return tiles(rows), alert_rows(rows, sql.ALERTS_OPEN, language)


def read_charts(rows: Rows, language: str, today: dt.date) -> Readings:
    """Everything the Dashboard's charts show (its slow half), as of ``today``."""
    # Imported here: both import this module.
    from workbench.services.effect_read import top
    from workbench.services.health_read import report

    return Readings(
        report(rows, today, MONTHS),
        causes_by_category(rows),
        opened_closed(rows, period_of(today), MONTHS),
        ranking(rows),
        top(rows, EFFECTS, language),
    )
