"""The stored score of improvement items and the list read a page at a time, on a real
SQLite file: the score follows links, a problem's frequency and impact (and their undo)
and a problem's deletion; every page, and every item's place, says what the whole list
says; the chain stays sound, as the score is derived and not audited."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from workbench.services import Services
from workbench.services.records import ProblemDetail

Q = "2026Q3"


@pytest.fixture
def problem(new_problem: Callable[..., ProblemDetail]) -> Callable[[str, int], ProblemDetail]:
    def make(frequency: str, impact: int) -> ProblemDetail:
        return new_problem(frequency=frequency, impact=impact, title=f"{frequency} {impact}")

    return make


@pytest.fixture
def item(services: Services) -> Callable[..., Any]:
    def make(title: str, problems: list[int]) -> Any:
        return services.improvements.create({"quarter": Q, "title": title, "problem_ids": problems})

    return make


def stored(db_path: Any, item_id: int) -> int:
    with sqlite3.connect(db_path) as raw:
        return int(
            raw.execute("SELECT score FROM improvement_item WHERE id = ?", (item_id,)).fetchone()[0]
        )


def test_the_stored_score_follows_links_problems_and_undo(services, db_path, problem, item):
    weekly = problem("weekly", 4)  # 3 × 4 = 12
    daily = problem("daily", 2)  # 4 × 2 = 8
    made = item("A", [weekly.id])
    assert stored(db_path, made.id) == 12
    services.improvements.link(made.id, daily.id)
    assert stored(db_path, made.id) == 12  # the highest of its problems
    _, raised = services.recorded(
        lambda: services.problems.update(daily.id, {"impact": 5}, daily.version)
    )
    assert stored(db_path, made.id) == 20  # 4 × 5 now
    services.history.undo(raised)
    assert stored(db_path, made.id) == 12
    services.improvements.unlink(made.id, weekly.id)
    assert stored(db_path, made.id) == 8
    other = item("B", [weekly.id, daily.id])
    services.problems.delete(weekly.id)  # its links go with it
    assert stored(db_path, other.id) == 8
    assert services.improvements.list_for(Q).rows[0].score == 8
    assert services.integrity.check(full=True).sound


def test_every_page_and_place_says_what_the_whole_list_says(services, problem, item):
    # Scores 25, 16, 12, 12, 8, 1, 0-less: then two placed by hand (low first, mid third).
    made = {
        name: item(name, [problem(frequency, impact).id])
        for name, frequency, impact in (
            ("high", "several_daily", 5),
            ("daily", "daily", 4),
            ("tie1", "weekly", 4),
            ("tie2", "daily", 3),
            ("mid", "daily", 2),
            ("low", "rarely", 1),
        )
    }
    services.improvements.move_to(made["low"].id, 1)
    whole = services.improvements.move_to(made["mid"].id, 3).rows
    assert [r.title for r in whole] == ["low", "high", "mid", "daily", "tie1", "tie2"]
    # Proposed by score alone: high 1, daily 2, tie1 3, tie2 4, mid 5, low 6.
    assert [r.proposed_position for r in whole] == [6, 1, 5, 2, 3, 4]
    assert [r.position for r in whole] == [1, 2, 3, 4, 5, 6]
    head = services.improvements.head(Q)
    assert (head.count, head.placed) == (6, 3)  # high stood before mid: it got a place
    for first in range(7):
        for count in (1, 2, 4):
            assert services.improvements.page(Q, first, count) == whole[first : first + count]
    for row in whole:
        assert services.improvements.position(Q, row.id) == row.position
    assert services.improvements.position("2026Q4", whole[0].id) is None
