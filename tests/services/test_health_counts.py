"""The health score's counts of each month (open problems and their ages, open and overdue
solutions) equal a fresh count made month by month with plain SQL on the same file, for
the whole plant, each site and each module, over problems reported, closed, reopened and
rejected across the months and solutions due and done in them."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from workbench.services import Services
from workbench.services.chain import CAUSE, SOLUTION
from workbench.services.health_read import _month_end

MONTHS = ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06")


def _day(chance: random.Random, first: dt.date, days: int) -> dt.date:
    return first + dt.timedelta(days=chance.randrange(days))


def _history(services: Services, raw: sqlite3.Connection) -> None:
    """40 problems from 2025-11 to 2026-06 at two sites and two modules (some with neither),
    some closed, rejected or reopened; each with a solution, some due, some done, some
    cancelled."""
    lookups = services.lookups
    sites = [lookups.add_site("SH", "上海").id, lookups.add_site("SZ", "苏州").id, None]
    modules = [lookups.add_module("库存").id, lookups.add_module("采购").id, None]
    chance = random.Random(7)
    for n in range(40):
        reported = _day(chance, dt.date(2025, 11, 1), 240)
        problem = services.problems.create(
            {
                "title": f"问题 {n}",
                "severity": 3,
                "impact": 3,
                "frequency": "weekly",
                "reported_on": reported.isoformat(),
                "site_id": sites[n % 3],
                "erp_module_id": modules[(n // 3) % 3],
            }
        )
        cause = services.chain.add(CAUSE, problem.id, {"description": "原因"}).causes[0]
        solution = services.chain.add(SOLUTION, cause.id, {"title": "措施"})
        solution_id = solution.causes[0].solutions[0].id
        due = _day(chance, reported, 90) if n % 4 else None
        done = _day(chance, reported, 120) if n % 3 == 0 else None
        raw.execute(
            "UPDATE solution SET due_on = ?, done_on = ?, status = ? WHERE id = ?",
            (
                due and due.isoformat(),
                done and done.isoformat(),
                "done" if done else ("cancelled" if n % 11 == 5 else "planned"),
                solution_id,
            ),
        )
        # The statuses as their walks leave them (set here, the walk is not what is tested).
        status, closed = "open", None
        if n % 5 == 1:
            status = "rejected"
        elif n % 5 in (2, 3):
            status, closed = "closed", _day(chance, reported, 150).isoformat()
            if n % 10 == 3:  # closed, then reopened: open again, its closing day cleared
                status, closed = "analysing", None
        elif n % 10 == 4:
            status = "closed"  # closed without a day (an old import): never counted open
        raw.execute(
            "UPDATE problem SET status = ?, closed_on = ? WHERE id = ?",
            (status, closed, problem.id),
        )


def _fresh(raw: sqlite3.Connection, end: dt.date, where: str) -> tuple[int, float, int, int]:
    day = end.isoformat()
    problems, days = raw.execute(
        "SELECT count(*), coalesce(sum(julianday(?) - julianday(reported_on)), 0) FROM problem"
        " WHERE status != 'rejected' AND reported_on <= ?"
        " AND (closed_on > ? OR (closed_on IS NULL AND status != 'closed'))" + where,
        (day, day, day),
    ).fetchone()
    solutions, overdue = raw.execute(
        "SELECT count(*), coalesce(sum(solution.due_on <= ?), 0) FROM solution"
        " JOIN cause ON cause.id = solution.cause_id JOIN problem ON problem.id = cause.problem_id"
        " WHERE solution.status != 'cancelled' AND problem.status != 'rejected'"
        " AND problem.reported_on <= ?"
        " AND (solution.done_on > ? OR (solution.done_on IS NULL AND solution.status != 'done'))"
        + where,
        (day, day, day),
    ).fetchone()
    return problems, days, solutions, overdue


def test_the_months_counts_equal_a_fresh_count_of_every_scope(services, raw):
    _history(services, raw)
    scopes = [("", None, "")]
    scopes += [("site", s.id, f" AND problem.site_id = {s.id}") for s in services.lookups.sites()]
    scopes += [
        ("module", m.id, f" AND problem.erp_module_id = {m.id}") for m in services.lookups.modules()
    ]
    report = services.health.report(months=len(MONTHS), last=MONTHS[-1])
    assert report.overall[-1].inputs.open_problems > 0  # the history has open problems
    for index, period in enumerate(MONTHS):
        end = _month_end(period)
        for scope, scope_id, where in scopes:
            if scope:
                rows = report.sites if scope == "site" else report.modules
                if period != MONTHS[-1]:  # sites and modules are reported for the last month
                    continue
                inputs = next(r.inputs for r in rows if r.scope_id == scope_id)
            else:
                inputs = report.overall[index].inputs
            problems, days, solutions, overdue = _fresh(raw, end, where)
            found = (
                inputs.open_problems,
                inputs.open_problem_days,
                inputs.open_solutions,
                inputs.overdue_solutions,
            )
            assert found == (problems, days, solutions, overdue), (period, scope, scope_id)
