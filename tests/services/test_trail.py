"""A problem's History lists its own and its chain's audit entries: who, when, old → new."""

from __future__ import annotations


def test_the_trail_lists_each_change_of_the_problem_and_its_chain_newest_first(
    services, full_chain
):
    services.problems.update(full_chain.id, {"title": "库存差异率偏高"})

    trail = services.trail.of_problem(full_chain.id)

    newest = trail[0]
    assert (newest.kind, newest.action, newest.field) == ("problem", "update", "title")
    assert (newest.old, newest.new, newest.actor) == ("库存差异率高", "库存差异率偏高", "tester")
    kinds = {(entry.kind, entry.action) for entry in trail}
    assert {("problem", "create"), ("cause", "create"), ("solution", "create")} <= kinds
    assert ("result", "create") in kinds and ("cause_why", "create") in kinds
    assert all(entry.field != "updated_at" for entry in trail)
    assert [entry.id for entry in trail] == sorted((entry.id for entry in trail), reverse=True)


def test_another_problems_changes_are_not_in_its_trail(services, full_chain, new_problem):
    other = new_problem(title="采购订单审批慢")
    services.problems.update(other.id, {"title": "采购审批慢"})
    trail = services.trail.of_problem(full_chain.id)
    assert all(entry.new != "采购审批慢" for entry in trail)
    assert {entry.record_id for entry in trail if entry.kind == "problem"} == {full_chain.id}
