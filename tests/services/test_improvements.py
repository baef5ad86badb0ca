"""The quarterly improvement list's items through the services, on a real SQLite file:
the proposed ranking and its parts, the manual order that sticks, validation naming the
field, version conflicts, the status's moves, links, undo and restore, change notices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.services import ChangeSet, Services
from workbench.services.errors import ConflictError, NotFoundError, ValidationError
from workbench.services.records import ProblemDetail

Q = "2026Q3"


@pytest.fixture
def problem(new_problem: Callable[..., ProblemDetail]) -> Callable[[str, int], int]:
    """A problem of the given frequency and impact; returns its id."""

    def make(frequency: str, impact: int) -> int:
        return new_problem(frequency=frequency, impact=impact, title=f"{frequency} {impact}").id

    return make


@pytest.fixture
def item(services: Services) -> Callable[..., Any]:
    def make(title: str, problems: list[int], **values: Any) -> Any:
        return services.improvements.create(
            {"quarter": Q, "title": title, "problem_ids": problems, **values}
        )

    return make


def test_the_proposed_order_is_frequency_times_impact_with_its_parts(services, problem, item):
    # Hand-computed: A 4×4=16 (daily, impact 4); B max(3×5, 1×5)=15; C 5×2=10; D 3×4=12.
    a = item("A", [problem("daily", 4)])
    b = item("B", [problem("rarely", 5), problem("weekly", 5)])
    c = item("C", [problem("several_daily", 2)])
    d = item("D", [problem("weekly", 4)])
    rows = services.improvements.list_for(Q).rows
    assert [r.code for r in rows] == [a.code, b.code, d.code, c.code]
    assert [r.score for r in rows] == [16, 15, 12, 10]
    top = rows[0]
    assert (top.frequency, top.weight, top.impact, top.problem_count) == ("daily", 4, 4, 1)
    assert rows[1].basis_code == b.problems[1].code and rows[1].problem_count == 2
    assert [r.position for r in rows] == [r.proposed_position for r in rows] == [1, 2, 3, 4]
    assert not any(r.manual for r in rows)
    assert services.improvements.get(b.id).score == 15


def test_equal_scores_keep_code_order(services, problem, item):
    # 4 × 3 = 12 = 3 × 4: a tie; the older code first, whichever was linked how.
    first = item("first", [problem("weekly", 4)])
    second = item("second", [problem("daily", 3)])
    third = item("third", [problem("daily", 3), problem("monthly", 1)])
    rows = services.improvements.list_for(Q).rows
    assert [r.code for r in rows] == [first.code, second.code, third.code]
    assert {r.score for r in rows} == {12}


def test_the_manual_order_beats_the_proposal_and_is_kept(services, db_path, problem, item):
    high = item("high", [problem("several_daily", 5)])  # 25
    mid = item("mid", [problem("daily", 4)])  # 16
    low = item("low", [problem("rarely", 1)])  # 1
    view = services.improvements.move_to(low.id, 1)
    assert [r.code for r in view.rows] == [low.code, high.code, mid.code]
    assert view.rows[0].manual and view.rows[0].proposed_position == 3
    view = services.improvements.move_down(high.id)
    assert [r.code for r in view.rows] == [low.code, mid.code, high.code]
    # A new item, however urgent, comes after the placed ones until it is placed.
    urgent = item("urgent", [problem("several_daily", 5)])
    view = services.improvements.move_up(mid.id)
    assert [r.code for r in view.rows] == [mid.code, low.code, high.code, urgent.code]
    # Kept in the file: another program reading it sees the same order.
    again = Services.build(services.database, "li.lei").improvements.list_for(Q)
    assert [r.code for r in again.rows] == [mid.code, low.code, high.code, urgent.code]
    view = services.improvements.clear_order(Q)
    assert [r.code for r in view.rows] == [high.code, urgent.code, mid.code, low.code]


def test_a_position_outside_the_list_is_refused(services, problem, item):
    one = item("one", [problem("daily", 3)])
    with pytest.raises(ValidationError) as caught:
        services.improvements.move_to(one.id, 2)
    assert caught.value.for_field("manual_rank").code == "not_in_list"


def test_validation_errors_name_the_field(services, problem):
    improvements = services.improvements
    with pytest.raises(ValidationError) as caught:
        improvements.create({"quarter": "2026Q5", "title": "", "problem_ids": []})
    codes = {e.field: e.code for e in caught.value.errors}
    assert codes == {
        "quarter": "not_a_quarter",
        "title": "required",
        "problem_ids": "needs_problem",
    }
    with pytest.raises(ValidationError) as caught:
        improvements.create({"quarter": Q, "title": "x", "problem_ids": [999]})
    assert caught.value.for_field("problem_ids").code == "unknown_reference"
    with pytest.raises(ValidationError) as caught:
        improvements.create(
            {"quarter": Q, "title": "x", "problem_ids": [problem("daily", 1)], "status": "done"}
        )
    assert caught.value.for_field("status").code == "initial_status"
    errors = improvements.validate({"quarter": "2026Q3", "title": "x", "target_value": "abc"})
    assert {e.field: e.code for e in errors} == {"target_value": "not_a_number"}


def test_the_status_moves_one_step_and_a_drop_says_why(services, problem, item):
    it = item("统一物料编码", [problem("daily", 4)])
    assert it.code == "I-2026Q3-0001" and it.status == "proposed"
    with pytest.raises(ValidationError) as caught:
        services.improvements.update(it.id, {"status": "done"})
    assert caught.value.for_field("status").code == "item_transition"
    with pytest.raises(ValidationError) as caught:
        services.improvements.update(it.id, {"status": "dropped"})
    assert caught.value.for_field("decision_note").code == "note_required_to_drop"
    done = it
    for status in ("committed", "in_progress", "done"):
        done = services.improvements.update(done.id, {"status": status})
    assert done.status == "done"
    with pytest.raises(ValidationError) as caught:
        services.improvements.update(it.id, {"quarter": "2026Q4"})
    assert caught.value.for_field("quarter").code == "not_editable"


def test_a_stale_version_is_a_conflict_naming_who(services, reviewer, problem, item):
    it = item("A", [problem("daily", 4)])
    reviewer.improvements.update(it.id, {"target_metric": "库存差异率"}, it.version)
    with pytest.raises(ConflictError) as caught:
        services.improvements.update(it.id, {"title": "B"}, it.version)
    conflict = caught.value.conflicts[0]
    assert (conflict.kind, conflict.by) == ("improvement_item", "li.lei")
    assert "target_metric" in conflict.fields
    fresh = services.improvements.get(it.id)
    assert services.improvements.update(it.id, {"title": "B"}, fresh.version).title == "B"


def test_links_keep_at_least_one_problem(services, problem, item):
    first, second = problem("daily", 4), problem("weekly", 2)
    it = item("A", [first])
    it = services.improvements.link(it.id, second)
    assert [p.id for p in it.problems] == [first, second]
    assert services.improvements.link(it.id, second).problems == it.problems
    it = services.improvements.unlink(it.id, first)
    assert [p.id for p in it.problems] == [second]
    with pytest.raises(ValidationError) as caught:
        services.improvements.unlink(it.id, second)
    assert caught.value.for_field("problem_ids").code == "needs_problem"


def test_writes_publish_change_notices(services, problem, item):
    heard: list[ChangeSet] = []
    services.subscribe(heard.append)
    pid = problem("daily", 4)
    it = item("A", [pid])
    services.improvements.update(it.id, {"title": "B"})
    assert heard[-2].ids("improvement_item", "create") == {it.id}
    assert heard[-2].touches("improvement_item_problem")
    assert heard[-1].ids("improvement_item", "update") == {it.id}


def test_undo_and_restore_bring_an_item_back_with_its_id_code_and_links(services, problem, item):
    pid = problem("daily", 4)
    made, done = services.recorded(lambda: item("A", [pid]))
    undone = services.history.undo(done)
    with pytest.raises(NotFoundError):
        services.improvements.get(made.id)
    assert undone is not None
    services.history.undo(undone)  # redo: the same id and code again
    assert services.improvements.get(made.id).code == made.code
    again = item("B", [pid])
    _, deleted = services.recorded(lambda: services.improvements.delete(again.id))
    assert deleted[0].ids("improvement_item", "delete") == {again.id}
    back = services.improvements.restore(again.id)
    assert (back.id, back.code, [p.id for p in back.problems]) == (again.id, again.code, [pid])
    assert services.integrity.check(full=True).sound


def test_deleting_a_problem_unlinks_it_audited(services, problem, item):
    keep, gone = problem("daily", 4), problem("weekly", 2)
    it = item("A", [keep, gone])
    services.problems.delete(gone)
    assert [p.id for p in services.improvements.get(it.id).problems] == [keep]
    assert services.integrity.check(full=True).sound


def test_the_target_keeps_the_decimals_it_was_typed_with(services, problem, item):
    it = item("A", [problem("daily", 4)], target_metric="库存差异率", target_value="0.50")
    assert it.target is not None and it.target.text() == "0.50"
    it = services.improvements.update(it.id, {"target_value": "0.5"})
    assert it.target is not None and it.target.text() == "0.5"
    row = services.improvements.list_for(Q).rows[0]
    assert row.target is not None and row.target.text() == "0.5"


def test_check_finds_an_item_code_sequence_set_back(services, problem, item, raw):
    item("统一物料编码", [problem("daily", 5)])
    item("简化审批", [problem("weekly", 3)])
    assert services.integrity.check(full=True).sound
    raw.execute(f"UPDATE code_sequence SET last = 1 WHERE prefix = 'I-{Q}'")
    report = services.integrity.check(full=True)
    assert report.sequence_problem is not None
    assert f"I-{Q}" in report.sequence_problem and "improvement item" in report.sequence_problem
