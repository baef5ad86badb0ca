"""`workbench demo`: a realistic record, written through the rules, that never overwrites data."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from contextlib import closing
from pathlib import Path

from workbench.app import open_services
from workbench.services import pilot_rules as rules
from workbench.services.quarters import parse
from workbench.services.records import ProblemDetail, ProblemFilter, ProblemSort
from workbench.settings import Settings

CJK = re.compile(r"[\u4e00-\u9fff]")


def _details(path: Path) -> list[ProblemDetail]:
    """The demo's problems in code order, the tickets its KPI alerts opened aside (their
    own tests are in test_cli_alerts.py)."""
    services = open_services(str(path), Settings(user="reader"))
    try:
        rows = services.problems.page(ProblemFilter(), ProblemSort("code", False), 0, 1000)
        return [
            services.problems.get(row.id)
            for row in rows
            if services.alerts.for_problem(row.id) is None
        ]
    finally:
        services.database.dispose()


def test_default_demo_has_complete_chains_across_the_life_cycle(demo_db, run):
    problems = _details(demo_db)

    assert len(problems) >= 40
    assert {p.status for p in problems} == {
        "open",
        "analysing",
        "solving",
        "verifying",
        "closed",
        "rejected",
    }
    for problem in problems:
        assert problem.code.startswith("P-") and problem.title and problem.description
        assert problem.site_id and problem.department_id and problem.erp_module_id
        assert problem.hidden_cost and problem.owner_id and problem.reporter_id
        if problem.status == "open":
            assert problem.causes == ()
            continue
        assert any(c.is_root and len(c.whys) >= 3 for c in problem.causes)
        solutions = [s for c in problem.causes for s in c.solutions]
        if problem.status in ("analysing", "rejected"):
            assert solutions == []
            continue
        assert solutions and all(
            s.kind and s.governance_path and s.owner and s.due_on for s in solutions
        )
        if problem.status in ("verifying", "closed"):
            assert all(s.status == "done" and s.done_on for s in solutions)
            assert all(r.baseline_on for r in problem.results())
        if problem.status == "closed":
            assert problem.closed_on is not None
            assert any(
                r.verified and r.improvement_pct and r.improvement_pct > 0
                for r in problem.results()
            )
    assert sum(p.status == "closed" for p in problems) >= 5
    assert run("check", "--db", demo_db).code == 0


def test_demo_tells_the_articles_story(demo_db):
    first = _details(demo_db)[0]

    assert first.title == "库存差异率高"
    assert first.status == "closed"
    root = next(c for c in first.causes if c.is_root)
    assert "物料编码不统一" in root.description
    assert len(root.whys) == 5
    solution = root.solutions[0]
    assert solution.title == "统一物料编码"
    assert solution.governance_path == "data_governance"
    result = solution.results[0]
    assert (result.metric, result.baseline_value, result.value_after) == ("库存差异率", 2.0, 1.2)
    assert round(result.improvement_pct or 0) == 40
    assert result.verified_by


def test_demo_has_sites_departments_and_people_in_roles(demo_db, sql):
    sites = {row[0] for row in sql(demo_db, "SELECT name FROM site")}
    departments = {row[0] for row in sql(demo_db, "SELECT name FROM department")}
    modules = [row[0] for row in sql(demo_db, "SELECT name FROM erp_module ORDER BY sort_order")]
    roles = {row[0] for row in sql(demo_db, "SELECT DISTINCT role FROM person")}

    assert {"华东工厂", "华南工厂", "苏州成熟工厂"} <= sites
    assert {"采购部", "仓储部", "销售部", "生产部", "财务部", "IT部"} <= departments
    assert modules == ["采购", "库存", "销售", "生产", "财务", "人力", "主数据"]
    assert {"change_agent", "usage_champion", "project_manager"} <= roles
    used_sites = sql(demo_db, "SELECT COUNT(DISTINCT site_id) FROM problem")[0][0]
    assert used_sites >= 3


def test_demo_is_done_by_the_demo_people_through_the_audited_services(demo_db, sql):
    actors = {row[0] for row in sql(demo_db, "SELECT DISTINCT actor FROM audit_entry")}
    audited = sql(demo_db, "SELECT COUNT(*) FROM audit_entry WHERE entity = 'problem'")[0][0]

    assert {"zhang.wei", "zhao.lei"} & actors  # a change agent and a project manager
    assert audited > 48  # creates plus status changes


def test_demo_refuses_a_database_with_data_and_keeps_it(demo_db, run, sql):
    before = sql(demo_db, "SELECT COUNT(*), MAX(hash) FROM audit_entry")

    result = run("demo", "--db", demo_db, "--lang", "en")

    assert result.code == 1
    assert "--force" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert sql(demo_db, "SELECT COUNT(*), MAX(hash) FROM audit_entry") == before
    assert sql(demo_db, "SELECT title FROM problem WHERE id = 1") == [("库存差异率高",)]


def test_demo_force_replaces_the_record(services, db_path, run, sql):
    services.problems.create(
        {
            "title": "my own problem",
            "severity": 3,
            "impact": 3,
            "frequency": "weekly",
            "reported_on": "2026-01-05",
        }
    )
    services.database.dispose()

    result = run("demo", "--db", db_path, "--lang", "en", "--force")

    assert result.code == 0, result.err
    titles = [row[0] for row in sql(db_path, "SELECT title FROM problem")]
    assert "my own problem" not in titles
    assert len(titles) >= 40
    assert run("check", "--db", db_path).code == 0


def test_demo_if_empty_writes_once_then_leaves_the_data_alone(db_path, run, sql):
    # A new database holds the articles' seven KPIs, untouched: no data of anyone's yet.
    assert sql(db_path, "SELECT COUNT(*) FROM kpi") == [(7,)]
    first = run("demo", "--db", db_path, "--lang", "en", "--if-empty")
    count = sql(db_path, "SELECT COUNT(*) FROM audit_entry")

    second = run("demo", "--db", db_path, "--lang", "zh_CN", "--if-empty")

    assert first.code == 0 and second.code == 0
    assert "left as it is" in second.out
    assert sql(db_path, "SELECT COUNT(*) FROM audit_entry") == count
    assert sql(db_path, "SELECT title FROM problem WHERE id = 1") == [("High inventory variance",)]
    assert sql(db_path, "SELECT COUNT(*) FROM kpi") == [(7,)]  # the same seven, measured
    assert sql(db_path, "SELECT COUNT(*) FROM kpi_measurement")[0][0] > 7 * 26


def test_a_new_databases_kpi_with_an_edited_target_is_data_the_demo_keeps(db_path, run, sql):
    services = open_services(str(db_path), Settings(user="wang.fang"))
    kpi = next(k for k in services.kpis.kpis() if k.preset == "order_time")
    services.kpis.update(kpi.id, {"target": "1.5"})
    services.close()
    count = sql(db_path, "SELECT COUNT(*) FROM audit_entry")

    refused = run("demo", "--db", db_path)
    kept = run("demo", "--db", db_path, "--if-empty")

    assert refused.code == 1 and "already has data" in refused.err
    assert kept.code == 0 and "left as it is" in kept.out
    assert sql(db_path, "SELECT COUNT(*) FROM audit_entry") == count
    assert sql(db_path, "SELECT target FROM kpi WHERE preset = 'order_time'") == [(1.5,)]


def test_demo_in_english_has_english_text(db_path, run, sql):
    assert run("demo", "--db", db_path, "--lang", "en", "--problems", "20").code == 0

    texts = [
        *(row[0] for row in sql(db_path, "SELECT title || description || tags FROM problem")),
        *(row[0] for row in sql(db_path, "SELECT name FROM site UNION SELECT name FROM person")),
        *(row[0] for row in sql(db_path, "SELECT text FROM cause_why")),
    ]
    assert len(texts) > 20
    assert not [t for t in texts if CJK.search(t)]
    tickets = "SELECT problem_id FROM kpi_alert"
    assert sql(db_path, f"SELECT COUNT(*) FROM problem WHERE id NOT IN ({tickets})") == [(20,)]


def test_demo_language_follows_the_settings(db_path, run, sql, monkeypatch, tmp_path):
    Settings(language="en").save()

    assert run("demo", "--db", db_path).code == 0

    assert sql(db_path, "SELECT title FROM problem WHERE id = 1") == [("High inventory variance",)]


def test_demo_force_leaves_a_file_in_use_untouched(demo_db, run, sql):
    before = sql(demo_db, "SELECT COUNT(*), MAX(hash) FROM audit_entry")
    with closing(sqlite3.connect(demo_db)) as other_program:
        other_program.execute("SELECT count(*) FROM problem").fetchone()  # holds the WAL open

        result = run("demo", "--db", demo_db, "--lang", "en", "--force")

        assert result.code == 1
        assert "open in another program" in result.err
    assert sql(demo_db, "SELECT COUNT(*), MAX(hash) FROM audit_entry") == before
    assert not list(demo_db.parent.glob("*.demo-part*"))


def test_demo_keeps_four_quarters_of_improvement_lists(demo_db):
    services = open_services(str(demo_db), Settings(user="tester"))
    try:
        improvements = services.improvements
        quarters = improvements.quarters()
        assert len(quarters) >= 4
        summaries = improvements.compare(quarters)
        assert all(s.items for s in summaries)
        assert sum(s.frozen for s in summaries) >= 3 and not summaries[-1].frozen
        for quarter in quarters[:-1]:  # frozen at its start, local time
            frozen = improvements.list_for(quarter).frozen_at
            assert frozen is not None
            local = frozen.replace(tzinfo=dt.UTC).astimezone()
            assert local.date() == parse(quarter).first_day and local.hour == 9
        assert all(s.carried_over for s in summaries[:-1]) and summaries[0].dropped == 1
        later = improvements.post_freeze_changes(quarters[0])
        assert any(c.actor == "lin.xiao" and c.field == "target_value" for c in later)
        newest = improvements.list_for(quarters[-1]).rows
        assert newest[0].manual and max(r.carried.count for r in newest) == 2
        linked = {code for r in newest for code in [r.basis_code] if code}
        assert linked and all(code.startswith("P-") for code in linked)
        assert "改进" in newest[0].title
    finally:
        services.close()


def test_demo_pilots_one_adopted_and_rolled_out_one_stopped(demo_db):
    services = open_services(str(demo_db), Settings(user="reader"))
    try:
        rows = {row.status: row for row in services.pilots.rows()}
        assert set(rows) == {"adopted", "stopped"}
        adopted = services.pilots.get(rows["adopted"].id)
        stopped = services.pilots.get(rows["stopped"].id)
        people = {p.id for p in services.lookups.people()}
        sites = {s.id for s in services.lookups.sites()}
    finally:
        services.database.dispose()
    for pilot in (adopted, stopped):
        assert pilot.code.startswith("PL-") and pilot.hypothesis and CJK.search(pilot.name)
        assert 3 <= len(pilot.rounds) <= 5
        assert pilot.owner_id in people and pilot.site_id in sites
        assert all(r.ends_on < dt.date.today() for r in pilot.rounds)
    met = rules.criterion_status(
        adopted.criterion_measure,
        adopted.criterion_direction,
        adopted.criterion_threshold,
        adopted.rounds,
    )
    assert met.met and adopted.rounds[-1].decision == "adopt"
    assert {r.status for r in adopted.rollouts} >= {"done", "planned"}
    assert all(r.site_id in sites for r in adopted.rollouts)
    assert stopped.rounds[-1].decision == "stop" and stopped.rollouts == ()
