"""`workbench demo --problems N` for big N: the bulk path keeps the rules and the audit chain.

The bulk service itself (checks, all-or-nothing, cancelling) is tested in
tests/services/test_bulk.py, its writer in tests/store/test_bulk_writer.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workbench.app import open_services
from workbench.cli import bulk
from workbench.cli.demo import BULK_SPAN_DAYS, SERVICES_LIMIT, seed_lookups
from workbench.cli.scenario import Planner, load_catalogue
from workbench.services.bulk import BatchError
from workbench.settings import Settings

N = 3_000


@pytest.fixture
def bulk_db(db_path, run):
    assert N > SERVICES_LIMIT  # so this goes through the bulk path
    result = run("demo", "--db", db_path, "--problems", str(N), "--lang", "zh_CN")
    assert result.code == 0, result.err
    return db_path


def test_bulk_demo_passes_check(bulk_db, run, sql):
    result = run("check", "--db", bulk_db)

    assert result.code == 0, result.out
    entries = sql(bulk_db, "SELECT COUNT(*) FROM audit_entry")[0][0]
    assert f"ok: {entries:,} audit entries, storage sound" in result.out
    assert sql(bulk_db, "SELECT COUNT(*) FROM problem") == [(N,)]


def test_bulk_chains_follow_the_status_rules(bulk_db, sql):
    statuses = dict(sql(bulk_db, "SELECT status, COUNT(*) FROM problem GROUP BY status"))
    open_with_causes = sql(
        bulk_db,
        "SELECT COUNT(*) FROM problem p WHERE status = 'open' "
        "AND EXISTS (SELECT 1 FROM cause c WHERE c.problem_id = p.id)",
    )
    closed_unverified = sql(
        bulk_db,
        "SELECT COUNT(*) FROM problem p WHERE status = 'closed' AND closed_on IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM cause c JOIN solution s ON s.cause_id = c.id "
        "JOIN result r ON r.solution_id = s.id "
        "WHERE c.problem_id = p.id AND r.verified_at IS NOT NULL)",
    )
    solving_without_solution = sql(
        bulk_db,
        "SELECT COUNT(*) FROM problem p WHERE status = 'solving' AND NOT EXISTS "
        "(SELECT 1 FROM cause c JOIN solution s ON s.cause_id = c.id WHERE c.problem_id = p.id)",
    )

    implausible = sql(
        bulk_db,
        "SELECT COUNT(*) FROM result WHERE baseline_value <= 0 OR value_after <= 0 "
        "OR (unit = '%' AND (baseline_value > 100 OR value_after > 100)) "
        "OR (direction = 'lower' AND value_after >= baseline_value) "
        "OR (direction = 'higher' AND value_after <= baseline_value)",
    )

    assert implausible == [(0,)]  # every measured result is a real improvement
    assert set(statuses) == {"open", "analysing", "solving", "verifying", "closed", "rejected"}
    assert open_with_causes == [(0,)]
    assert closed_unverified == [(0,)]
    assert solving_without_solution == [(0,)]
    assert sql(
        bulk_db, "SELECT COUNT(DISTINCT site_id), COUNT(DISTINCT erp_module_id) FROM problem"
    ) == [(5, 7)]


def test_bulk_codes_continue_in_the_program(bulk_db, sql):
    year = dt.datetime.now(dt.UTC).date().year
    last = sql(bulk_db, "SELECT last FROM code_sequence WHERE prefix = ?", f"P-{year}")[0][0]
    newest = sql(bulk_db, "SELECT MAX(code) FROM problem WHERE code LIKE ?", f"P-{year}-%")
    codes = [row[0] for row in sql(bulk_db, "SELECT code FROM problem ORDER BY id")]

    services = open_services(str(bulk_db), Settings(user="tester"))
    try:
        created = services.problems.create(
            {
                "title": "新问题",
                "severity": 2,
                "impact": 2,
                "frequency": "daily",
                "reported_on": dt.datetime.now(dt.UTC).date(),
            }
        )
        detail = services.problems.get(services.problems.id_of(codes[0]) or 0)
        report = services.integrity.check()
    finally:
        services.database.dispose()

    assert newest == [(f"P-{year}-{last:04d}",)]
    assert created.code == f"P-{year}-{last + 1:04d}"
    assert len(set(codes)) == N
    assert codes == sorted(codes, key=lambda c: (c[:6], int(c[7:])))  # id order is code order
    assert detail.code == codes[0]
    assert report.sound


def test_the_demo_rows_are_checked_like_a_save(services, sql, db_path):
    ids = seed_lookups(services, load_catalogue("en"))
    planner = Planner(load_catalogue("en"), ids, services.problems.today(), BULK_SPAN_DAYS)
    plans = list(planner.problems(20))
    plans[6] = dataclasses.replace(plans[6], values={**plans[6].values, "severity": 9})
    entries = sql(db_path, "SELECT COUNT(*) FROM audit_entry")

    with pytest.raises(BatchError) as caught:
        bulk.write_problems(services, plans, ids.people, len(plans))

    assert [(e.row, e.field, e.code) for e in caught.value.rows] == [
        (7, "severity", "out_of_range")
    ]
    assert sql(db_path, "SELECT COUNT(*) FROM problem") == [(0,)]
    assert sql(db_path, "SELECT COUNT(*) FROM audit_entry") == entries


def test_the_demo_prints_its_progress_every_so_many_problems(services, monkeypatch):
    monkeypatch.setattr(bulk, "PROGRESS_EVERY", 4)
    ids = seed_lookups(services, load_catalogue("en"))
    planner = Planner(load_catalogue("en"), ids, services.problems.today(), BULK_SPAN_DAYS)
    heard: list[tuple[int, int]] = []
    monkeypatch.setattr("workbench.services.bulk.REPORT_EVERY", 2)

    written = bulk.write_problems(
        services, planner.problems(10), ids.people, 10, lambda *told: heard.append(told)
    )

    assert heard == [(4, 10), (8, 10)]
    assert written.problems == 10
