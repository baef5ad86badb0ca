"""A ticket's source: the Problems list marks the problems an exception alert opened
(ProblemRow.source) and filters them (ProblemFilter.kpi_alert), in a page, its count, a
problem's position and the first page read before SQLAlchemy."""

from __future__ import annotations

from sqlalchemy import event
from test_kpis import _rows

from workbench.services.first_page import read_first_page
from workbench.services.records import KPI_ALERT_SOURCE, ProblemFilter, ProblemSort


def test_the_tickets_of_alerts_are_marked_and_found_by_their_source(services, new_problem, db_path):
    typed = new_problem(title="盘点差异大")
    # The new database's 库存差异率 (alarm beyond 1.0%) out of range at two sites.
    variance = next(k for k in services.kpis.kpis() if k.preset == "inventory_variance")
    sh, sz = (
        services.lookups.add_site(c, n).id for c, n in (("SH", "上海工厂"), ("SZ", "苏州工厂"))
    )
    services.kpis.write_measurements(_rows(variance.id, sh, ["0.4", "1.3"]))
    services.kpis.write_measurements(_rows(variance.id, sz, ["1.5"]))
    tickets = sorted(a.problem_id for a in services.alerts.alerts())
    assert len(tickets) == 2

    everything = services.problems.page(ProblemFilter(), ProblemSort("code"), 0, 50)
    sources = {row.id: row.source for row in everything}
    assert sources == {typed.id: None, **dict.fromkeys(tickets, KPI_ALERT_SOURCE)}

    alerts_only = ProblemFilter(kpi_alert=True)
    found = services.problems.page(alerts_only, ProblemSort("code"), 0, 50)
    assert sorted(row.id for row in found) == tickets
    assert services.problems.count(alerts_only) == 2
    assert services.problems.position(alerts_only, ProblemSort("code"), typed.id) is None
    oldest_first = ProblemSort("code", descending=False)
    assert services.problems.position(alerts_only, oldest_first, tickets[0]) == 0
    assert ProblemFilter.from_json(alerts_only.to_json()) == alerts_only

    first = read_first_page(str(db_path), 50)
    assert first is not None
    newest_first = services.problems.page(ProblemFilter(), ProblemSort(), 0, 50)
    assert list(first.rows) == newest_first  # the same rows, sources too


def test_no_alert_no_ticket_in_the_filter(services, new_problem):
    new_problem()
    assert services.problems.count(ProblemFilter(kpi_alert=True)) == 0
    assert services.problems.page(ProblemFilter(kpi_alert=True), ProblemSort(), 0, 50) == []


def test_the_export_filter_names_the_tickets_as_the_list_does(services):
    from workbench.transfer.filters import problem_filter

    assert problem_filter(services, ["kpi_alert", "status=open"]) == ProblemFilter(
        kpi_alert=True, statuses=("open",)
    )


def test_a_page_of_tickets_reads_them_by_id_not_the_whole_list(services, raw, new_problem):
    for n in range(30):
        new_problem(title=f"问题 {n}")
    variance = next(k for k in services.kpis.kpis() if k.preset == "inventory_variance")
    site = services.lookups.add_site("SH", "上海工厂").id
    services.kpis.write_measurements(_rows(variance.id, site, ["1.3"]))
    sent: list[tuple[str, object]] = []

    def record(conn, cursor, statement, params, *_):
        sent.append((statement, params))

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        flt = ProblemFilter(statuses=ProblemFilter.not_closed().statuses, kpi_alert=True)
        (row,) = services.problems.page(flt, ProblemSort("title"), 0, 50)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert row.source == KPI_ALERT_SOURCE
    [(statement, params)] = [(s, p) for s, p in sent if "LIMIT" in s]
    plan = [r[3] for r in raw.execute(f"EXPLAIN QUERY PLAN {statement}", params)]
    assert not any(step.startswith("SCAN problem") for step in plan), plan
    assert "SEARCH problem USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan
