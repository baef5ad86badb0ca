"""Problems: codes, validation that saves nothing, audited updates and the life cycle."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from workbench.services import Services
from workbench.services.chain import RESULT, SOLUTION
from workbench.services.errors import NotFoundError, ValidationError


def test_codes_are_numbered_per_year_of_reporting(new_problem) -> None:
    first = new_problem(reported_on="2025-03-01")
    second = new_problem(reported_on="2025-12-31")
    other_year = new_problem(reported_on="2026-01-02")
    assert (first.code, second.code, other_year.code) == (
        "P-2025-0001",
        "P-2025-0002",
        "P-2026-0001",
    )
    assert first.status == "open"


def test_create_fills_the_reporter_with_the_current_user(services: Services, new_problem) -> None:
    problem = new_problem()
    assert dict((p.id, p.name) for p in services.lookups.people())[problem.reporter_id] == "tester"
    assert services.problems.id_of(" P-2025-0001 ") == problem.id


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"title": "   "}, "title", "required"),
        ({"title": "x" * 201}, "title", "too_long"),
        ({"severity": 0}, "severity", "out_of_range"),
        ({"severity": 6}, "severity", "out_of_range"),
        ({"impact": "high"}, "impact", "not_a_number"),
        ({"impact": "3.5"}, "impact", "not_a_whole_number"),
        ({"reported_on": "2025-02-30"}, "reported_on", "not_a_date"),
        ({"due_on": "2025-02-28"}, "due_on", "date_order"),
        ({"frequency": "hourly"}, "frequency", "unknown_choice"),
        ({"hidden_cost": "bad_luck"}, "hidden_cost", "unknown_choice"),
        ({"colour": "red"}, "colour", "unknown_field"),
    ],
)
def test_bad_input_names_field_and_reason_and_saves_nothing(
    services: Services, new_problem, valid_problem, count, changes, field, code
) -> None:
    new_problem()
    before = (count("problem"), count("audit_entry"))
    with pytest.raises(ValidationError) as caught:
        new_problem(**changes)
    error = caught.value.for_field(field)
    assert error is not None and error.code == code
    assert field in str(caught.value) and error.message
    assert (count("problem"), count("audit_entry")) == before
    assert services.problems.validate({**valid_problem, **changes}) == caught.value.errors


def test_a_whole_number_typed_with_a_decimal_point_is_taken(services: Services, new_problem):
    assert new_problem(severity="4.0", impact=" 2 ").severity == 4


def test_missing_required_fields_are_all_named(services: Services, count) -> None:
    entries = count("audit_entry")  # the new database's KPIs
    with pytest.raises(ValidationError) as caught:
        services.problems.create({})
    named = {e.field for e in caught.value.errors}
    assert {"title", "severity", "impact", "frequency", "reported_on"} <= named
    assert count("problem") == 0 and count("audit_entry") == entries


def test_update_changes_only_given_fields_and_audits_each(
    services: Services, new_problem, raw: sqlite3.Connection
) -> None:
    problem = new_problem()
    last = raw.execute("SELECT max(id) FROM audit_entry").fetchone()[0]
    updated = services.problems.update(problem.id, {"title": "库存差异率很高", "severity": "5"})
    assert (updated.title, updated.severity) == ("库存差异率很高", 5)
    assert updated.description == problem.description and updated.impact == problem.impact
    entries = raw.execute(
        "SELECT actor, action, entity, entity_id, field, old_value, new_value FROM audit_entry "
        "WHERE id > ? ORDER BY id",
        (last,),
    ).fetchall()
    by_field = {e[4]: e for e in entries}
    assert by_field["title"] == (
        "tester",
        "update",
        "problem",
        problem.id,
        "title",
        "库存差异率高",
        "库存差异率很高",
    )
    assert by_field["severity"][5:] == ("4", "5")
    assert set(by_field) == {"title", "severity", "updated_at"}
    assert len(entries) == 3


def test_update_with_same_values_writes_no_audit(services: Services, new_problem, count) -> None:
    problem = new_problem()
    before = count("audit_entry")
    services.problems.update(problem.id, {"title": problem.title, "severity": 4})
    assert count("audit_entry") == before


def test_bad_update_leaves_the_problem_as_it_was(services: Services, new_problem, count) -> None:
    problem = new_problem()
    before = count("audit_entry")
    with pytest.raises(ValidationError) as caught:
        services.problems.update(problem.id, {"title": "ok", "due_on": "2020-01-01"})
    assert caught.value.for_field("due_on").code == "date_order"
    assert services.problems.get(problem.id).title == problem.title
    assert count("audit_entry") == before


def test_status_follows_the_allowed_path_to_closed(
    services: Services, reviewer: Services, full_chain
) -> None:
    problem_id = full_chain.id
    services.chain.update(SOLUTION, full_chain.causes[0].solutions[0].id, {"status": "done"})
    reviewer.chain.verify_result(full_chain.results()[0].id)
    for status in ("analysing", "solving", "verifying", "closed"):
        assert status in services.problems.allowed_statuses(
            services.problems.get(problem_id).status
        )
        detail = services.problems.change_status(problem_id, status)
        assert detail.status == status
    assert detail.closed_on is not None
    reopened = services.problems.change_status(problem_id, "analysing", reason="差异又出现了")
    assert reopened.status == "analysing" and reopened.closed_on is None


@pytest.mark.parametrize(
    ("path", "wanted"),
    [
        ((), "closed"),
        ((), "solving"),
        ((), "verifying"),
        (("analysing",), "verifying"),
        (("analysing", "solving"), "closed"),
        ((), "finished"),
    ],
)
def test_forbidden_status_jumps_are_refused(
    services: Services, new_problem, count, path, wanted
) -> None:
    problem = new_problem()
    for status in path:
        services.problems.change_status(problem.id, status)
    before = count("audit_entry")
    with pytest.raises(ValidationError) as caught:
        services.problems.change_status(problem.id, wanted)
    assert [e.field for e in caught.value.errors] == ["status"]
    assert services.problems.get(problem.id).status == (path[-1] if path else "open")
    assert count("audit_entry") == before


def test_closing_needs_a_verified_result(
    services: Services, reviewer: Services, full_chain
) -> None:
    services.chain.update(SOLUTION, full_chain.causes[0].solutions[0].id, {"status": "done"})
    for status in ("analysing", "solving", "verifying"):
        services.problems.change_status(full_chain.id, status)
    with pytest.raises(ValidationError) as caught:
        services.problems.change_status(full_chain.id, "closed")
    assert caught.value.for_field("status").code == "needs_verified_result"
    reviewer.chain.verify_result(full_chain.results()[0].id)
    assert services.problems.change_status(full_chain.id, "closed").status == "closed"


def test_reject_and_reopen(services: Services, new_problem) -> None:
    problem = new_problem()
    rejected = services.problems.change_status(problem.id, "rejected", reason="重复问题")
    assert rejected.status == "rejected"
    assert services.problems.allowed_statuses("rejected") == ("open",)
    assert services.problems.change_status(problem.id, "open", reason="并非重复").status == "open"


def test_delete_cascades_and_audits_every_row(
    services: Services, full_chain, count, raw: sqlite3.Connection
) -> None:
    result_id = full_chain.results()[0].id
    services.chain.update(RESULT, result_id, {"unit": "pct"})
    services.problems.delete(full_chain.id)
    for table in ("problem", "cause", "cause_why", "solution", "result"):
        assert count(table) == 0, table
    deleted = raw.execute(
        "SELECT entity, count(*) FROM audit_entry WHERE action = 'delete' GROUP BY entity"
    ).fetchall()
    assert dict(deleted) == {"problem": 1, "cause": 1, "cause_why": 2, "solution": 1, "result": 1}
    with pytest.raises(NotFoundError):
        services.problems.get(full_chain.id)
    assert services.integrity.check().sound


def test_unknown_problem_is_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.problems.update(999, {"title": "x"})
    with pytest.raises(NotFoundError):
        services.problems.delete(999)


def test_dates_come_back_as_dates(new_problem) -> None:
    problem = new_problem(due_on="2025-04-01")
    assert problem.reported_on == dt.date(2025, 3, 1) and problem.due_on == dt.date(2025, 4, 1)


def test_references_to_missing_entries_are_refused_by_name(
    services: Services, valid_problem, new_problem, count
) -> None:
    before = count("problem")
    with pytest.raises(ValidationError) as caught:
        services.problems.create({**valid_problem, "site_id": 404, "erp_module_id": 405})
    assert {e.field for e in caught.value.errors} == {"site_id", "erp_module_id"}
    assert {e.code for e in caught.value.errors} == {"unknown_reference"}
    assert count("problem") == before
    problem = new_problem()
    with pytest.raises(ValidationError) as caught:
        services.problems.update(problem.id, {"owner_id": 999})
    assert caught.value.for_field("owner_id").code == "unknown_reference"
    assert services.problems.get(problem.id).owner_id is None
