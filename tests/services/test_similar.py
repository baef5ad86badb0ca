"""Creating a problem like an open one shows the open ones first: titles compared by their
character pairs, in Chinese and in English."""

from __future__ import annotations

import pytest

from workbench.services.similar import likeness


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("库存差异率高", "库存差异率偏高", True),
        ("库存差异率高", "库存 差异率 高！", True),
        ("Goods receipt posted twice", "goods receipt posted 2x", True),
        ("库存差异率高", "采购订单审批慢", False),
        ("库存差异率高", "库存", False),
    ],
)
def test_likeness_of_titles(a, b, alike):
    assert (likeness(a, b) >= 0.5) is alike


def test_open_problems_like_the_title_come_closest_first(services, new_problem):
    same = new_problem(title="库存差异率高")
    near = new_problem(title="仓库库存差异率偏高")
    new_problem(title="采购订单审批慢")
    closed_one = new_problem(title="库存差异率高")
    services.problems.change_status(closed_one.id, "rejected", reason="重复")

    found = services.similar.similar("库存差异率高")

    assert [p.id for p in found] == [same.id, near.id]  # not the rejected, not the unlike
    assert found[0].likeness == 1.0 and found[0].code == same.code
    assert services.similar.similar("库存差异率高", exclude_id=same.id)[0].id == near.id


def test_a_title_too_short_to_compare_finds_nothing(services, new_problem):
    new_problem(title="库存差异率高")
    assert services.similar.similar("库") == []
    assert services.similar.similar("  ") == []


def test_percent_and_underscore_in_a_title_are_plain_text(services, new_problem):
    new_problem(title="差异率 100% 超标")
    new_problem(title="库存差异率高")
    found = services.similar.similar("差异率 100% 超标")
    assert [p.title for p in found] == ["差异率 100% 超标"]
