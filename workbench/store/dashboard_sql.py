"""The SQL of what the Dashboard reads, written once for both ways it is run: through a
SQLAlchemy session by the services (SQLite or PostgreSQL), and through the DB-API on a
plain SQLite file at start-up, before SQLAlchemy is imported (workbench.services
.first_dashboard). Parameters are named (``:first``), which both take.

Only portable SQL: the one place the two databases differ (days between two dates) is
chosen by ``far_days``. This module must not import SQLAlchemy (a test checks it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol


class Rows(Protocol):
    """Runs one query and gives its rows as tuples; ``dialect`` names the database
    ("sqlite", "postgresql")."""

    dialect: str

    def __call__(self, sql: str, params: Mapping[str, Any] | None = None) -> Sequence[tuple]: ...


def month(column: str) -> str:
    """A date column's month as text, "2026-03"."""
    return f"substr(CAST({column} AS TEXT), 1, 7)"


# Ages are summed as days before this far-off day, whatever the database's date type.
FAR = "2200-01-01"


def far_days(dialect: str, column: str) -> str:
    """The days from ``column`` to ``FAR``."""
    if dialect == "sqlite":
        return f"julianday('{FAR}') - julianday({column})"
    return f"DATE '{FAR}' - {column}"


def same(left: str, right: str) -> str:
    """``left`` equals ``right``, two NULLs included."""
    return f"({left} = {right} OR ({left} IS NULL AND {right} IS NULL))"


# ---- KPIs and their tiles ------------------------------------------------------------------
KPI_RECORDS = """
SELECT k.id, k.preset, k.name, k.unit, k.direction, k.target, k.target_decimals,
       k.warning, k.warning_decimals, k.alarm, k.alarm_decimals, k.period,
       k.department_id, d.name, k.erp_module_id, m.name, k.note
FROM kpi AS k
LEFT OUTER JOIN department AS d ON d.id = k.department_id
LEFT OUTER JOIN erp_module AS m ON m.id = k.erp_module_id
{where}
ORDER BY k.id
"""
LAST_PERIODS = "SELECT kpi_id, max(period) FROM kpi_measurement GROUP BY kpi_id"
LAST_PERIOD = "SELECT max(period) FROM kpi_measurement"
PERIOD_MEANS = """
SELECT kpi_id, period, avg(value) FROM kpi_measurement
WHERE period >= :first GROUP BY kpi_id, period
"""

# ---- the charts ----------------------------------------------------------------------------
CAUSES = "SELECT category, count(DISTINCT problem_id) FROM cause GROUP BY category"
OPENED = f"""
SELECT {month("reported_on")}, count(*) FROM problem
WHERE reported_on >= :first GROUP BY {month("reported_on")}
"""
CLOSED = f"""
SELECT {month("closed_on")}, count(*) FROM problem
WHERE closed_on >= :first GROUP BY {month("closed_on")}
"""
# Each departmental KPI's values of its latest period.
RANKED_VALUES = """
SELECT k.department_id, d.name, k.target, k.direction, m.value
FROM kpi AS k
JOIN department AS d ON d.id = k.department_id
JOIN kpi_measurement AS m ON m.kpi_id = k.id
WHERE m.period = (SELECT max(l.period) FROM kpi_measurement AS l WHERE l.kpi_id = k.id)
"""
# The problems behind a bar, newest first.
BEHIND = "SELECT id, code, title, status FROM problem WHERE {where} ORDER BY code DESC LIMIT :limit"
BEHIND_WHERE = {
    "category": "id IN (SELECT problem_id FROM cause WHERE category = :key)",
    "no_category": "id IN (SELECT problem_id FROM cause WHERE category IS NULL)",
    "opened": f"{month('reported_on')} = :key",
    "closed": f"{month('closed_on')} = :key",
}
SETTING = "SELECT value FROM team_setting WHERE key = :key"
NAMES = "SELECT id, name FROM {table}"

# ---- the health score's inputs -------------------------------------------------------------
HEALTH_KPIS = "SELECT id, direction, target, warning, alarm, erp_module_id FROM kpi"
HEALTH_MEASUREMENTS = """
SELECT kpi_id, period, site_id, value FROM kpi_measurement
WHERE period BETWEEN :first AND :last
"""
HEALTH_ALERTS = """
SELECT a.opened_period, a.closed_on, a.site_id, k.erp_module_id
FROM kpi_alert AS a JOIN kpi AS k ON a.kpi_id = k.id
WHERE a.opened_period <= :last
"""
_OPEN_PROBLEM = (
    "p.status != 'rejected' AND p.reported_on <= :end_last"
    " AND (p.closed_on > :end_first OR (p.closed_on IS NULL AND p.status != 'closed'))"
)


def _from_first(column: str) -> str:
    """``column``'s month, the months before the first shown as the first (``:first``):
    where it matters it counts from there on."""
    return f"CASE WHEN {column} < :first_day THEN :first ELSE {month(column)} END"


def _up_to_last(column: str) -> str:
    """``column``'s month, NULL after the last month shown: not within them."""
    return f"CASE WHEN {column} > :end_last THEN NULL ELSE {month(column)} END"


_KEYS_OF_PROBLEMS = (
    f"p.site_id, p.erp_module_id, {_from_first('p.reported_on')}, {_up_to_last('p.closed_on')}"
)


def open_problems(dialect: str) -> str:
    """The problems open at some month's end, counted per site, module and the months
    they were reported and closed, with their summed days before ``FAR``."""
    return (
        f"SELECT {_KEYS_OF_PROBLEMS}, count(*), sum({far_days(dialect, 'p.reported_on')})"
        f" FROM problem AS p WHERE {_OPEN_PROBLEM} GROUP BY {_KEYS_OF_PROBLEMS}"
    )


_KEYS_OF_SOLUTIONS = (
    f"p.site_id, p.erp_module_id, {_from_first('p.reported_on')}, {_up_to_last('s.done_on')},"
    f" {_up_to_last('s.due_on')}"
)
OPEN_SOLUTIONS = f"""
SELECT {_KEYS_OF_SOLUTIONS}, count(*)
FROM solution AS s
JOIN cause AS c ON s.cause_id = c.id
JOIN problem AS p ON c.problem_id = p.id
WHERE s.status != 'cancelled' AND p.status != 'rejected' AND p.reported_on <= :end_last
  AND (s.done_on > :end_first OR (s.done_on IS NULL AND s.status != 'done'))
GROUP BY {_KEYS_OF_SOLUTIONS}
"""

# ---- alerts --------------------------------------------------------------------------------
# Each alert with its KPI, place, ticket, owner, breaches and latest value, oldest first.
ALERT_ROWS = f"""
SELECT a.id, a.kpi_id, k.preset, k.name, k.unit, s.name, pd.name, a.status,
       a.opened_period, a.last_breach_period, a.problem_id, p.code, p.status, o.name,
       od.name,
       (SELECT count(*) FROM kpi_alert_breach AS b WHERE b.alert_id = a.id),
       lm.value, lm.value_decimals
FROM kpi_alert AS a
JOIN kpi AS k ON a.kpi_id = k.id
LEFT OUTER JOIN problem AS p ON a.problem_id = p.id
LEFT OUTER JOIN person AS o ON p.owner_id = o.id
LEFT OUTER JOIN department AS od ON k.department_id = od.id
LEFT OUTER JOIN site AS s ON a.site_id = s.id
LEFT OUTER JOIN department AS pd ON a.department_id = pd.id
LEFT OUTER JOIN kpi_measurement AS lm ON lm.id = (
    SELECT m.id FROM kpi_measurement AS m
    WHERE m.kpi_id = a.kpi_id AND {same("m.site_id", "a.site_id")}
      AND {same("m.department_id", "a.department_id")}
    ORDER BY m.period DESC LIMIT 1)
WHERE {{where}}
ORDER BY a.opened_period, a.id
"""
# An alert is open until closed; "close_proposed" is still open (workbench.services.kpi_alerts).
OPEN_ALERT_STATES = ("open", "close_proposed")
ALERTS_OPEN = "a.status IN (" + ", ".join(f"'{state}'" for state in OPEN_ALERT_STATES) + ")"
ALERTS_ALL = "1 = 1"
ALERT_OF_PROBLEM = "a.problem_id = :problem_id"

# ---- improvement effects -------------------------------------------------------------------
LINKS = """
SELECT result_id, kpi_id, site_id, department_id, baseline_from, baseline_to, after_from
FROM result_kpi {where} ORDER BY id
"""
LINKS_OF_PROBLEM = """
WHERE result_id IN (SELECT r.id FROM result AS r
    JOIN solution AS s ON s.id = r.solution_id
    JOIN cause AS c ON c.id = s.cause_id
    WHERE c.problem_id = :id)
"""
_RESULT_PROBLEM = """
FROM result AS r
JOIN solution AS s ON s.id = r.solution_id
JOIN cause AS c ON c.id = s.cause_id
JOIN problem AS p ON p.id = c.problem_id
"""
# What a linked result's effect is shown with: its metric, solution's done date, problem
# and KPI.
LINKED = f"""
SELECT r.metric, s.done_on, p.id, p.code, k.preset, k.name, k.direction
{_RESULT_PROBLEM}
JOIN kpi AS k ON k.id = :kpi_id
WHERE r.id = :result_id
"""
SERIES = "SELECT period, value FROM kpi_measurement WHERE kpi_id = :kpi_id"
_CHANGE = "(r.value_after - r.baseline_value) / abs(r.baseline_value)"
# The typed results that improved most, best first.
TYPED_EFFECTS = f"""
SELECT r.id, r.metric, r.direction, r.baseline_value, r.value_after, p.id, p.code
{_RESULT_PROBLEM}
WHERE r.value_after IS NOT NULL AND r.baseline_value != 0
ORDER BY CASE WHEN r.direction = 'higher' THEN {_CHANGE} ELSE -{_CHANGE} END DESC, p.code
LIMIT :limit
"""
