"""A quarter's end and its list as a whole: carry-over across a year boundary and twice,
freeze then edit, quarters compared, the audit chain's check, and a big quarter read on
its index."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from workbench.services import Services
from workbench.services.errors import ValidationError
from workbench.services.records import ProblemDetail


@pytest.fixture
def item(services: Services, new_problem: Callable[..., ProblemDetail]) -> Callable[..., Any]:
    def make(quarter: str, title: str, frequency: str = "daily", impact: int = 3) -> Any:
        problem = new_problem(frequency=frequency, impact=impact, title=title)
        return services.improvements.create(
            {"quarter": quarter, "title": title, "problem_ids": [problem.id]}
        )

    return make


def _advance(services: Services, item_id: int, *statuses: str, note: str = "") -> None:
    for status in statuses:
        changes = {"status": status, **({"decision_note": note} if note else {})}
        services.improvements.update(item_id, changes)


def test_unfinished_items_carry_over_the_year_boundary_twice(services, item):
    improvements = services.improvements
    kept = item("2026Q4", "统一物料编码", "several_daily", 5)
    going = item("2026Q4", "简化审批层级", "weekly", 2)
    finished = item("2026Q4", "月度报表自动化")
    dropped = item("2026Q4", "定制报表下线")
    _advance(services, kept.id, "committed", "in_progress")
    _advance(services, finished.id, "committed", "in_progress", "done")
    _advance(services, dropped.id, "dropped", note="与 ERP 升级合并")
    first = improvements.carry_over("2026Q4")
    assert first.to_quarter == "2027Q1"
    assert first.carried == (
        (kept.code, "I-2027Q1-0001"),
        (going.code, "I-2027Q1-0002"),
    )
    assert improvements.carry_over("2026Q4", "2027Q1").carried == ()  # once only
    assert improvements.carry_over("2026Q4", "2027Q1").already == (kept.code, going.code)
    rows = improvements.list_for("2027Q1").rows
    assert [(r.title, r.status) for r in rows] == [
        ("统一物料编码", "in_progress"),
        ("简化审批层级", "proposed"),
    ]
    assert rows[0].carried.count == 1 and rows[0].carried.from_quarter == "2026Q4"
    second = improvements.carry_over("2027Q1")
    assert [new for _, new in second.carried] == ["I-2027Q2-0001", "I-2027Q2-0002"]
    twice = improvements.list_for("2027Q2").rows[0]
    assert (twice.carried.count, twice.carried.from_quarter) == (2, "2027Q1")
    assert (twice.carried.origin_quarter, twice.carried.origin_code) == ("2026Q4", kept.code)
    assert twice.score == 25 and twice.basis_code is not None  # the problems came along
    origin = improvements.get(kept.id)
    assert (origin.status, origin.carried.to_code) == ("in_progress", "I-2027Q1-0001")
    # The year boundary: 2026Q4's own codes and counts are untouched.
    assert improvements.list_for("2026Q4").rows[0].code == kept.code


def test_carrying_back_in_time_or_to_a_wrong_quarter_is_refused(services, item):
    item("2026Q3", "A")
    with pytest.raises(ValidationError) as caught:
        services.improvements.carry_over("2026Q3", "2026Q2")
    assert caught.value.for_field("to_quarter").code == "not_later"
    with pytest.raises(ValidationError) as caught:
        services.improvements.carry_over("2026Q3", "2026Q5")
    assert caught.value.for_field("to_quarter").code == "not_a_quarter"


def test_an_origin_stays_while_its_continuation_exists(services, item):
    origin = item("2026Q3", "A")
    services.improvements.carry_over("2026Q3")
    with pytest.raises(ValidationError) as caught:
        services.improvements.delete(origin.id)
    assert caught.value.for_field("carried_from_id").code == "carried_on"


def test_a_frozen_list_takes_edits_and_shows_each(services, reviewer, item):
    improvements = services.improvements
    a = item("2026Q3", "A")
    b = item("2026Q3", "B")
    with pytest.raises(ValidationError) as caught:
        improvements.freeze("2026Q3")
    assert caught.value.for_field("quarter").code == "nothing_committed"
    _advance(services, a.id, "committed")
    improvements.update(b.id, {"target_metric": "before the freeze"})
    view = improvements.freeze("2026Q3")
    assert view.frozen and view.frozen_by == "tester"
    assert improvements.post_freeze_changes("2026Q3") == ()
    with pytest.raises(ValidationError):
        improvements.freeze("2026Q3")
    reviewer.improvements.update(a.id, {"target_value": "40", "target_unit": "%"})
    late = item("2026Q3", "C")
    changes = improvements.post_freeze_changes("2026Q3")
    assert [(c.actor, c.item_code, c.action, c.field, c.old, c.new) for c in changes] == [
        ("li.lei", a.code, "update", "target_value", None, "40.0"),
        ("li.lei", a.code, "update", "target_unit", "", "%"),
        ("tester", late.code, "create", None, None, changes[2].new),
        ("tester", late.code, "link", "problems", None, late.problems[0].code),
    ]
    rows = {r.code: r for r in improvements.list_for("2026Q3").rows}
    assert rows[a.code].changed_after_freeze and rows[late.code].changed_after_freeze
    assert not rows[b.code].changed_after_freeze


def test_a_target_written_with_other_decimals_after_the_freeze_is_listed(services, item):
    improvements = services.improvements
    a = item("2026Q3", "A")
    _advance(services, a.id, "committed")
    improvements.update(a.id, {"target_value": "0.5", "target_unit": "%"})
    improvements.freeze("2026Q3")
    improvements.update(a.id, {"target_value": "0.50"})  # the same value, more decimals
    changes = improvements.post_freeze_changes("2026Q3")
    assert [(c.item_code, c.field, c.old, c.new) for c in changes] == [
        (a.code, "target_value", "0.5", "0.50")
    ]
    improvements.update(a.id, {"target_value": "0.75"})  # the value itself: listed as typed
    changes = improvements.post_freeze_changes("2026Q3")
    assert [(c.field, c.old, c.new) for c in changes] == [
        ("target_value", "0.5", "0.50"),  # the value it had then, not the later 0.75
        ("target_value", "0.5", "0.75"),
    ]
    assert improvements.list_for("2026Q3").rows[0].changed_after_freeze


def test_quarters_compare_committed_done_carried_and_dropped(services, item):
    improvements = services.improvements
    a, b, c, _d = (item("2026Q3", t) for t in "ABCD")
    _advance(services, a.id, "committed", "in_progress", "done")
    _advance(services, b.id, "committed")
    _advance(services, c.id, "dropped", note="不再需要")
    improvements.carry_over("2026Q3")  # b and d
    improvements.freeze("2026Q3")
    q3, q4, empty = improvements.compare(["2026Q3", "2026Q4", "2027Q1"])
    assert (q3.items, q3.committed, q3.done, q3.carried_over, q3.dropped) == (4, 2, 1, 2, 1)
    assert q3.frozen and q3.by_status["proposed"] == 1
    assert (q4.items, q4.committed, q4.carried_in, q4.carried_over) == (2, 1, 2, 0)
    assert (empty.items, empty.frozen) == (0, False)
    assert improvements.quarters() == ("2026Q3", "2026Q4")
    with pytest.raises(ValidationError):
        improvements.compare(["2026Q5"])


def test_the_check_passes_after_it_all_and_finds_a_tampered_item(
    services, item, db_path: Path, reviewer
):
    a = item("2026Q4", "A", "daily", 5)
    b = item("2026Q4", "B")
    _advance(services, a.id, "committed")
    services.improvements.move_to(b.id, 1)
    services.improvements.freeze("2026Q4")
    reviewer.improvements.update(a.id, {"decision_note": "管理层确认"})
    services.improvements.carry_over("2026Q4")
    report = services.integrity.check(full=True)
    assert report.sound, report
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE improvement_item SET status = 'done' WHERE id = ?", (a.id,))
    report = services.integrity.check(full=True)
    assert not report.sound
    assert report.breach is not None
    assert "improvement_item" in report.breach.reason and "status" in report.breach.reason


def test_a_big_quarter_is_read_on_its_index(services, item):
    """10,000 items list through a quarter's index: the plan of every statement list_for
    (and a page of the list) runs reads improvement_item by an index, never the whole
    table."""
    item("2026Q3", "A")
    item("2026Q4", "B")
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", keep)
    try:
        services.improvements.list_for("2026Q3")
        services.improvements.page("2026Q3", 0, 50)
        services.improvements.position("2026Q3", 1)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    reading = [(s, p) for s, p in statements if "improvement_item" in s]
    assert reading
    with engine.connect() as connection:
        for statement, parameters in reading:
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            lines = [row[-1] for row in plan]
            scans = [line for line in lines if line.startswith("SCAN") and "improvement" in line]
            assert not scans, (statement, lines)
            if (
                "FROM improvement_item" in statement
                and "WHERE improvement_item.quarter" in statement
            ):
                assert any(
                    "ix_improvement_item_quarter" in line or "ix_improvement_item_order" in line
                    for line in lines
                ), lines
