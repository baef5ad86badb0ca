"""Closing means closed: each solution done or cancelled and a verified result before a
problem closes, the four-eyes rule on verifying (relaxed only by an audited team rule),
and reasons kept for rejecting and reopening."""

from __future__ import annotations

import sqlite3

import pytest

from workbench.services import Services
from workbench.services.chain import CAUSE, RESULT, SOLUTION
from workbench.services.errors import ValidationError
from workbench.services.records import ProblemDetail
from workbench.vocabulary.messages import field_error


def to_verifying(services: Services, problem_id: int) -> None:
    for status in ("analysing", "solving", "verifying"):
        services.problems.change_status(problem_id, status)


def close(services: Services, problem_id: int) -> ProblemDetail:
    return services.problems.change_status(problem_id, "closed")


def test_closing_is_refused_while_a_solution_is_planned_and_says_which(
    services: Services, reviewer: Services, full_chain: ProblemDetail, count
) -> None:
    cause = full_chain.causes[0]
    training = services.chain.add(
        SOLUTION, cause.id, {"title": "培训仓管员", "status": "in_progress"}
    )
    reviewer.chain.verify_result(full_chain.results()[0].id)
    to_verifying(services, full_chain.id)
    entries = count("audit_entry")

    with pytest.raises(ValidationError) as caught:
        close(services, full_chain.id)
    refused = {(e.code, e.params.get("title")) for e in caught.value.errors}
    assert refused == {
        ("solution_not_finished", "统一物料编码"),
        ("solution_not_finished", "培训仓管员"),
    }
    words = [field_error(e, "en") for e in caught.value.errors]
    assert "Solution “统一物料编码” is still Planned" in words[0]
    assert "done or cancelled" in words[0]
    assert "仍为“进行中”" in field_error(caught.value.errors[1], "zh_CN")
    assert services.problems.get(full_chain.id).status == "verifying"
    assert count("audit_entry") == entries

    unified, trained = (s.id for s in training.causes[0].solutions)
    services.chain.update(SOLUTION, unified, {"status": "done"})
    services.chain.update(SOLUTION, trained, {"status": "cancelled"})  # dropped
    closed = close(services, full_chain.id)
    assert closed.status == "closed" and closed.closed_on is not None
    assert services.integrity.check(full=True).sound


def test_closing_still_needs_a_verified_result_with_every_solution_done(
    services: Services, reviewer: Services, full_chain: ProblemDetail
) -> None:
    services.chain.update(SOLUTION, full_chain.causes[0].solutions[0].id, {"status": "done"})
    to_verifying(services, full_chain.id)
    with pytest.raises(ValidationError) as caught:
        close(services, full_chain.id)
    assert [e.code for e in caught.value.errors] == ["needs_verified_result"]
    reviewer.chain.verify_result(full_chain.results()[0].id)
    assert close(services, full_chain.id).status == "closed"


def test_whoever_entered_a_results_values_does_not_verify_it(
    services: Services, reviewer: Services, full_chain: ProblemDetail, count
) -> None:
    result = full_chain.results()[0]  # tester entered the baseline and the value after
    assert result.entered_by == ("tester",)
    entries = count("audit_entry")
    with pytest.raises(ValidationError) as caught:
        services.chain.verify_result(result.id)
    error = caught.value.for_field("verified_by_id")
    assert error is not None and error.code == "four_eyes"
    assert "someone else verifies it" in field_error(error, "en")
    assert "四眼原则" in field_error(error, "zh_CN")
    assert count("audit_entry") == entries
    assert not services.problems.get(full_chain.id).results()[0].verified

    # A new value after typed by the reviewer makes them one who entered values too.
    detail = reviewer.chain.update(RESULT, result.id, {"value_after": 1.1})
    assert detail.results()[0].entered_by == ("li.lei", "tester")
    with pytest.raises(ValidationError):
        reviewer.chain.verify_result(result.id)
    third = Services.build(services.database, "zhao.min")
    verified = third.chain.verify_result(result.id).results()[0]
    assert verified.verified and verified.verified_by == "zhao.min"


def test_a_one_person_plant_relaxes_the_rule_and_the_trail_says_so(
    services: Services, full_chain: ProblemDetail, raw: sqlite3.Connection
) -> None:
    result = full_chain.results()[0]
    assert services.team.four_eyes_relaxed() is False
    assert services.team.set_four_eyes_relaxed(True) is True
    assert services.team.set_four_eyes_relaxed(True) is False  # already: nothing written
    assert Services.build(services.database, "li.lei").team.four_eyes_relaxed()  # team-wide

    verified = services.chain.verify_result(result.id).results()[0]
    assert verified.verified and verified.verified_by == "tester"

    entries = raw.execute(
        "SELECT actor, action, entity, new_value FROM audit_entry"
        " WHERE entity = 'team_setting' ORDER BY id"
    ).fetchall()
    assert len(entries) == 1
    actor, action, entity, new_value = entries[0]
    assert (actor, action, entity) == ("tester", "create", "team_setting")
    assert '"key": "four_eyes"' in new_value and '"value": "relaxed"' in new_value
    assert [(c.value, c.by) for c in services.team.changes()] == [("relaxed", "tester")]

    services.chain.verify_result(result.id, verified=False)
    services.team.set_four_eyes_relaxed(False)
    with pytest.raises(ValidationError):
        services.chain.verify_result(result.id)
    assert [c.value for c in services.team.changes()] == ["relaxed", "required"]
    assert services.integrity.check(full=True).sound


@pytest.fixture
def closed(services: Services, reviewer: Services, full_chain: ProblemDetail) -> ProblemDetail:
    services.chain.update(SOLUTION, full_chain.causes[0].solutions[0].id, {"status": "done"})
    reviewer.chain.verify_result(full_chain.results()[0].id)
    to_verifying(services, full_chain.id)
    return close(services, full_chain.id)


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_reopening_needs_a_reason(services: Services, closed: ProblemDetail, reason, count) -> None:
    entries = count("audit_entry")
    with pytest.raises(ValidationError) as caught:
        services.problems.change_status(closed.id, "analysing", reason=reason)
    assert caught.value.for_field("reason").code == "reason_required"
    assert field_error(caught.value.errors[0], "en") == "Say why: a reason is required."
    assert services.problems.get(closed.id).status == "closed"
    assert count("audit_entry") == entries


def test_the_reasons_for_reopening_and_rejecting_are_kept(
    services: Services, closed: ProblemDetail
) -> None:
    assert services.problems.needs_reason("closed", "analysing")
    assert services.problems.needs_reason("analysing", "rejected")
    assert not services.problems.needs_reason("verifying", "closed")
    services.problems.change_status(closed.id, "analysing", reason="  三月盘点差异又回升  ")
    with pytest.raises(ValidationError):
        services.problems.change_status(closed.id, "rejected")
    services.problems.change_status(closed.id, "rejected", reason="与P-2025-0003重复")

    changes = services.problems.status_changes(closed.id)
    assert [(c.from_status, c.to_status, c.reason) for c in changes][-2:] == [
        ("closed", "analysing", "三月盘点差异又回升"),
        ("analysing", "rejected", "与P-2025-0003重复"),
    ]
    assert [c.to_status for c in changes] == [
        "analysing",
        "solving",
        "verifying",
        "closed",
        "analysing",
        "rejected",
    ]
    assert all(c.changed_by == "tester" and c.changed_at is not None for c in changes)
    trail = [e for e in services.trail.of_problem(closed.id) if e.kind == "status_change"]
    assert len(trail) == 6 and '"reason": "与P-2025-0003重复"' in (trail[0].new or "")
    assert services.integrity.check(full=True).sound


def test_undoing_a_reject_takes_its_reason_back_and_the_record_stays_sound(
    services: Services, new_problem
) -> None:
    problem = new_problem()
    services.problems.change_status(problem.id, "analysing")
    _, rejected = services.recorded(
        lambda: services.problems.change_status(problem.id, "rejected", reason="不是ERP问题")
    )
    services.history.undo(rejected)
    assert services.problems.get(problem.id).status == "analysing"
    assert [c.to_status for c in services.problems.status_changes(problem.id)] == ["analysing"]
    services.chain.add(CAUSE, problem.id, {"description": "物料编码不统一"})
    services.problems.delete(problem.id)  # its status changes go with it, audited
    assert services.problems.status_changes(problem.id) == ()
    assert services.integrity.check(full=True).sound
