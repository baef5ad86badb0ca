"""Causes with their whys, solutions, results and their verification."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time

import pytest

from workbench.services import Services
from workbench.services.chain import CAUSE, RESULT, SOLUTION, ChainService
from workbench.services.errors import NotFoundError, ValidationError


def test_cause_whys_keep_their_order_and_are_replaced(services: Services, new_problem) -> None:
    problem = new_problem()
    whys = ["编码重复", "没有编码规则", "主数据无人负责", "  ", "没有数据治理"]
    detail = services.chain.add(CAUSE, problem.id, {"description": "物料编码不统一", "whys": whys})
    cause = detail.causes[0]
    assert cause.whys == ("编码重复", "没有编码规则", "主数据无人负责", "没有数据治理")
    detail = services.chain.update(CAUSE, cause.id, {"whys": ["新的第一问", "新的第二问"]})
    assert detail.causes[0].whys == ("新的第一问", "新的第二问")
    assert services.problems.get(problem.id).causes[0].whys == ("新的第一问", "新的第二问")


def test_several_causes_and_root_flag(services: Services, new_problem) -> None:
    problem = new_problem()
    services.chain.add(CAUSE, problem.id, {"description": "编码不统一", "is_root": True})
    detail = services.chain.add(
        CAUSE, problem.id, {"description": "培训不足", "category": "people"}
    )
    assert [(c.description, c.is_root) for c in detail.causes] == [
        ("编码不统一", True),
        ("培训不足", False),
    ]


def test_too_many_whys_are_refused(services: Services, new_problem, count) -> None:
    problem = new_problem()
    with pytest.raises(ValidationError) as caught:
        services.chain.add(CAUSE, problem.id, {"description": "x", "whys": ["w"] * 11})
    assert caught.value.for_field("whys").code == "too_many"
    assert count("cause") == 0


def test_bad_cause_names_the_field_and_saves_nothing(
    services: Services, new_problem, count
) -> None:
    problem = new_problem()
    before = count("audit_entry")
    with pytest.raises(ValidationError) as caught:
        services.chain.add(CAUSE, problem.id, {"description": "", "category": "weather"})
    assert {e.field for e in caught.value.errors} == {"description", "category"}
    assert (count("cause"), count("audit_entry")) == (0, before)


def test_adding_to_a_missing_parent_is_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.chain.add(CAUSE, 404, {"description": "x"})


def test_solution_done_sets_done_on_and_back(services: Services, full_chain) -> None:
    solution = full_chain.causes[0].solutions[0]
    assert (solution.kind, solution.status, solution.done_on) == ("corrective", "planned", None)
    detail = services.chain.update(SOLUTION, solution.id, {"status": "done"})
    assert detail.causes[0].solutions[0].done_on == services.chain.today()
    detail = services.chain.update(SOLUTION, solution.id, {"status": "in_progress"})
    assert detail.causes[0].solutions[0].done_on is None


def test_overdue_is_derived_from_due_date_today_and_status(services: Services, full_chain) -> None:
    solution = full_chain.causes[0].solutions[0]
    today = services.chain.today()
    yesterday, tomorrow = today - dt.timedelta(days=1), today + dt.timedelta(days=1)

    def overdue(**changes: object) -> bool:
        return services.chain.update(SOLUTION, solution.id, changes).causes[0].solutions[0].overdue

    assert overdue(due_on=yesterday) is True
    assert overdue(due_on=today) is False
    assert overdue(due_on=tomorrow) is False
    assert overdue(due_on=yesterday, status="done") is False
    assert overdue(status="cancelled") is False
    assert overdue(status="in_progress", due_on=None) is False


def test_overdue_follows_the_clock(services: Services, full_chain) -> None:
    solution = full_chain.causes[0].solutions[0]
    services.chain.update(SOLUTION, solution.id, {"due_on": "2030-06-30"})
    before = ChainService(services.database, "tester", clock=lambda: dt.datetime(2030, 6, 30, 9))
    after = ChainService(services.database, "tester", clock=lambda: dt.datetime(2030, 7, 1, 9))
    assert before.update(SOLUTION, solution.id, {}).causes[0].solutions[0].overdue is False
    assert after.update(SOLUTION, solution.id, {}).causes[0].solutions[0].overdue is True


def test_result_change_lower_is_better(full_chain) -> None:
    result = full_chain.results()[0]
    assert result.change_pct == pytest.approx(-40.0)
    assert result.improvement_pct == pytest.approx(40.0)


def test_result_change_higher_is_better(services: Services, full_chain) -> None:
    result = full_chain.results()[0]
    detail = services.chain.update(
        RESULT, result.id, {"direction": "higher", "baseline_value": 80, "value_after": 96}
    )
    result = detail.results()[0]
    assert result.change_pct == pytest.approx(20.0)
    assert result.improvement_pct == pytest.approx(20.0)
    worse = services.chain.update(RESULT, result.id, {"value_after": 60}).results()[0]
    assert worse.improvement_pct == pytest.approx(-25.0)


def test_result_from_zero_or_unmeasured_has_no_percentage(services: Services, full_chain) -> None:
    result = full_chain.results()[0]
    zero = services.chain.update(RESULT, result.id, {"baseline_value": 0}).results()[0]
    assert zero.change_pct is None and zero.improvement_pct is None
    unmeasured = services.chain.update(
        RESULT, result.id, {"baseline_value": 2, "value_after": None}
    ).results()[0]
    assert unmeasured.change_pct is None


def test_result_values_are_checked(services: Services, full_chain, count) -> None:
    solution = full_chain.causes[0].solutions[0]
    with pytest.raises(ValidationError) as caught:
        services.chain.add(
            RESULT,
            solution.id,
            {
                "metric": "差异率",
                "baseline_value": "abc",
                "baseline_on": "2025-05-01",
                "measured_on": "2025-04-01",
            },
        )
    assert caught.value.for_field("baseline_value").code == "not_a_number"
    assert caught.value.for_field("measured_on").code == "date_order"
    assert count("result") == 1


def test_verify_result_needs_value_after(services: Services, full_chain, count) -> None:
    result = full_chain.results()[0]
    services.chain.update(RESULT, result.id, {"value_after": None})
    before = count("audit_entry")
    with pytest.raises(ValidationError) as caught:
        services.chain.verify_result(result.id)
    assert caught.value.for_field("value_after").code == "required_to_verify"
    assert count("audit_entry") == before
    assert not services.problems.get(full_chain.id).results()[0].verified


def test_verify_result_records_who_and_when(
    services: Services, full_chain, raw: sqlite3.Connection
) -> None:
    result = full_chain.results()[0]
    verifier = ChainService(services.database, "li.lei")
    verified = verifier.verify_result(result.id).results()[0]
    assert verified.verified and verified.verified_by == "li.lei"
    assert verified.verified_at is not None
    actor = raw.execute(
        "SELECT actor FROM audit_entry WHERE entity = 'result' AND field = 'verified_at'"
    ).fetchone()
    assert actor == ("li.lei",)
    undone = services.chain.verify_result(result.id, verified=False).results()[0]
    assert not undone.verified and undone.verified_by is None


def test_deleting_a_cause_takes_its_solutions_and_results(
    services: Services, full_chain, count
) -> None:
    detail = services.chain.delete(CAUSE, full_chain.causes[0].id)
    assert detail.causes == ()
    assert (count("cause_why"), count("solution"), count("result")) == (0, 0, 0)
    assert count("problem") == 1
    assert services.integrity.check().sound


def test_validate_reports_errors_without_saving(services: Services, count) -> None:
    errors = services.chain.validate(SOLUTION, {"title": "", "governance_path": "luck"})
    assert {e.field for e in errors} == {"title", "governance_path"}
    assert services.chain.validate(SOLUTION, {"title": "统一物料编码"}) == []
    assert count("solution") == 0


@pytest.fixture
def in_shenzhen(monkeypatch: pytest.MonkeyPatch):
    """The process runs in China Standard Time (UTC+8) for this test."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_dates_follow_the_users_time_zone(services: Services, full_chain, in_shenzhen) -> None:
    """07:30 in Shenzhen is still yesterday in UTC; a solution done then is done today."""
    at_0730_local = dt.datetime(2025, 3, 1, 23, 30)  # the clock runs in UTC
    morning = ChainService(services.database, "tester", clock=lambda: at_0730_local)
    solution = full_chain.causes[0].solutions[0]
    detail = morning.update(SOLUTION, solution.id, {"status": "done"})
    assert detail.causes[0].solutions[0].done_on == dt.date(2025, 3, 2)


def test_new_figures_on_a_verified_result_need_a_new_verification(
    services: Services, reviewer: Services, full_chain
) -> None:
    result = full_chain.results()[0]
    reviewer.chain.verify_result(result.id)
    services.chain.update(RESULT, result.id, {"unit": "%"})  # wording, not a figure
    assert services.problems.get(full_chain.id).results()[0].verified
    services.chain.update(RESULT, result.id, {"value_after": 1.9})
    changed = services.problems.get(full_chain.id).results()[0]
    assert changed.value_after == 1.9 and not changed.verified


def test_unknown_owner_is_refused_by_name(services: Services, full_chain, count) -> None:
    cause = full_chain.causes[0]
    before = count("solution")
    with pytest.raises(ValidationError) as caught:
        services.chain.add(SOLUTION, cause.id, {"title": "统一物料编码", "owner_id": 999})
    assert caught.value.for_field("owner_id").code == "unknown_reference"
    assert count("solution") == before


def test_form_validation_covers_the_whys(services: Services) -> None:
    errors = services.chain.validate(CAUSE, {"description": "x", "whys": ["w"] * 11})
    assert [e.field for e in errors] == ["whys"]
    assert services.chain.validate(CAUSE, {"description": "x", "whys": ["a", "b"]}) == []


def test_a_closed_problem_and_its_chain_are_read_only_until_reopened(
    services: Services, reviewer: Services, full_chain, count
) -> None:
    result = full_chain.results()[0]
    solution = full_chain.causes[0].solutions[0]
    services.chain.update(SOLUTION, solution.id, {"status": "done"})
    reviewer.chain.verify_result(result.id)
    for status in ("analysing", "solving", "verifying", "closed"):
        services.problems.change_status(full_chain.id, status)
    entries = count("audit_entry")

    attempts = (
        lambda: services.problems.update(full_chain.id, {"title": "库存差异率偏高"}),
        lambda: services.problems.delete(full_chain.id),
        lambda: services.chain.add(CAUSE, full_chain.id, {"description": "盘点不及时"}),
        lambda: services.chain.update(CAUSE, full_chain.causes[0].id, {"evidence": "x"}),
        lambda: services.chain.add(SOLUTION, full_chain.causes[0].id, {"title": "培训"}),
        lambda: services.chain.update(SOLUTION, solution.id, {"title": "统一编码"}),
        lambda: services.chain.add(RESULT, solution.id, {"metric": "x", "baseline_value": 1}),
        lambda: reviewer.chain.verify_result(result.id, verified=False),
        lambda: services.chain.delete(RESULT, result.id),
        lambda: services.chain.delete(SOLUTION, result.solution_id),
        lambda: services.chain.delete(CAUSE, full_chain.causes[0].id),
        lambda: services.chain.update(RESULT, result.id, {"value_after": 1.1}),
    )
    for attempt in attempts:
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.for_field("status").code == "closed_read_only"
        assert "reopen it to edit" in str(caught.value)

    after = services.problems.get(full_chain.id)
    assert after == services.problems.get(full_chain.id)
    assert (after.status, after.title) == ("closed", full_chain.title)
    assert [r.verified for r in after.results()] == [True]
    assert count("audit_entry") == entries  # nothing was half-saved

    services.problems.change_status(full_chain.id, "analysing", reason="差异率又回升")
    assert (
        services.chain.update(RESULT, result.id, {"value_after": 1.1}).results()[0].value_after
        == 1.1
    )
    assert (
        services.problems.update(full_chain.id, {"title": "库存差异率偏高"}).title
        == "库存差异率偏高"
    )
    assert services.integrity.check(full=True).sound


def test_whys_must_be_a_list(services: Services, new_problem) -> None:
    problem = new_problem()
    with pytest.raises(ValidationError) as caught:
        services.chain.add(CAUSE, problem.id, {"description": "编码不统一", "whys": "abc"})
    assert caught.value.for_field("whys").code == "not_a_list"
    assert services.problems.get(problem.id).causes == ()
