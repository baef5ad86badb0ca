"""Helpers for the service tests: a valid problem, and counts read straight from the file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from workbench.services import Services
from workbench.services.chain import CAUSE, RESULT, SOLUTION
from workbench.services.records import ProblemDetail

VALID_PROBLEM: dict[str, Any] = {
    "title": "库存差异率高",
    "description": "盘点时账实不符",
    "severity": 4,
    "impact": 3,
    "frequency": "weekly",
    "reported_on": "2025-03-01",
}


@pytest.fixture
def valid_problem() -> dict[str, Any]:
    return dict(VALID_PROBLEM)


@pytest.fixture
def raw(db_path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection to the same file, as someone outside the program."""
    connection = sqlite3.connect(db_path, isolation_level=None)
    yield connection
    connection.close()


@pytest.fixture
def count(raw: sqlite3.Connection) -> Callable[[str], int]:
    def rows(table: str) -> int:
        return raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    return rows


@pytest.fixture
def new_problem(services: Services) -> Callable[..., ProblemDetail]:
    def create(**changes: Any) -> ProblemDetail:
        return services.problems.create({**VALID_PROBLEM, **changes})

    return create


@pytest.fixture
def full_chain(services: Services, new_problem: Callable[..., ProblemDetail]) -> ProblemDetail:
    """库存差异率高 → 物料编码不统一 → 统一物料编码 → 差异率 2.0% → 1.2%."""
    problem = new_problem()
    detail = services.chain.add(
        CAUSE, problem.id, {"description": "物料编码不统一", "is_root": True, "whys": ["一", "二"]}
    )
    cause = detail.causes[0]
    detail = services.chain.add(SOLUTION, cause.id, {"title": "统一物料编码"})
    solution = detail.causes[0].solutions[0]
    return services.chain.add(
        RESULT,
        solution.id,
        {"metric": "库存差异率", "unit": "%", "baseline_value": 2.0, "value_after": 1.2},
    )
