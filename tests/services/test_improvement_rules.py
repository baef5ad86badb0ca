"""The improvement list's pure rules on hand-computed cases: quarters (a year boundary,
2026Q5 refused), frequency × impact with its ties, and the ranks a manual move writes."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.services import quarters
from workbench.services.quarters import Quarter
from workbench.services.ranking import (
    FREQUENCY_WEIGHTS,
    RANK_STEP,
    basis,
    code_key,
    part,
    placed_ranks,
)
from workbench.services.vocabulary import FREQUENCIES


def test_quarters_are_read_in_one_place_and_cross_the_year():
    assert str(quarters.parse(" 2026q3 ")) == "2026Q3"
    assert quarters.parse("2026Q4").next() == Quarter(2027, 1)
    assert quarters.parse("2027Q1").previous() == Quarter(2026, 4)
    assert Quarter.of(dt.date(2026, 12, 31)) == Quarter(2026, 4)
    assert Quarter(2026, 1).last_day == dt.date(2026, 3, 31)
    assert Quarter(2026, 4).first_day == dt.date(2026, 10, 1)
    assert quarters.parse("2026Q3") < quarters.parse("2027Q1")


@pytest.mark.parametrize("text", ["2026Q5", "2026Q0", "26Q1", "2026-3", "", None, 20263])
def test_what_is_not_a_quarter_is_a_field_error(text):
    value, error = quarters.check("quarter", text)
    assert value is None and error is not None
    assert (error.field, error.code) == ("quarter", "not_a_quarter")


def test_every_frequency_has_a_weight_from_rarely_1_to_several_daily_5():
    assert set(FREQUENCY_WEIGHTS) == set(FREQUENCIES)
    assert [FREQUENCY_WEIGHTS[f] for f in FREQUENCIES] == [5, 4, 3, 2, 1]


def test_the_score_is_the_worst_problem_and_ties_go_by_code():
    daily_4 = part(1, "P-2026-0002", "daily", 4)  # 4 × 4 = 16
    weekly_5 = part(2, "P-2026-0001", "weekly", 5)  # 3 × 5 = 15
    several_2 = part(3, "P-2026-0003", "several_daily", 2)  # 5 × 2 = 10
    found = basis([weekly_5, several_2, daily_4])
    assert found is daily_4 and found.score == 16
    # 16 = 4 × 4 = 2 × 8 is impossible (impact ≤ 5); 12 = 4 × 3 = 3 × 4: a tie, by code.
    tie_a = part(4, "P-2026-0010", "daily", 3)
    tie_b = part(5, "P-2026-0009", "weekly", 4)
    assert tie_a.score == tie_b.score == 12
    assert basis([tie_a, tie_b]) is tie_b
    assert basis([]) is None


def test_codes_sort_by_number_beyond_four_digits():
    assert sorted(["I-2026Q3-10000", "I-2026Q3-9999"], key=code_key) == [
        "I-2026Q3-9999",
        "I-2026Q3-10000",
    ]


def test_a_first_move_places_only_the_moved_item_and_those_before_it():
    # Shown: 1, 2, 3, 4 (none placed). Move 3 to the top: only 3 gets a place.
    assert placed_ranks([3, 1, 2, 4], {1: None, 2: None, 3: None, 4: None}, 3) == {3: RANK_STEP}
    # Move 1 to third place: 2 and 3 must stand before it, so all three get places.
    changes = placed_ranks([2, 3, 1, 4], {1: None, 2: None, 3: None, 4: None}, 1)
    assert changes == {2: RANK_STEP, 3: 2 * RANK_STEP, 1: 3 * RANK_STEP}


def test_a_move_between_placed_items_writes_one_rank_until_there_is_no_room():
    ranks = {1: 1024, 2: 2048, 3: 3072}
    assert placed_ranks([1, 3, 2], ranks, 3) == {3: 1024 + 512}
    crowded = {1: 1, 2: 2, 3: 3}
    # No room between 1 and 2: every placed item is numbered afresh.
    assert placed_ranks([1, 3, 2], crowded, 3) == {1: 1024, 3: 2048, 2: 3072}
