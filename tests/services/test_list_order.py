"""Every sortable column of the Problems list, both ways, paged across page boundaries.

The pages are checked against an order worked out here in Python from the rows as stored
(the column, then id; empty values first going up, last going down; frequency by how
often), for the whole list and for "not closed", read forwards and, past the middle,
from the other end. On SQLite, the plan of each sorted page of "not closed" walks one of
migration 0007's indexes and sorts nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from workbench.services import Services
from workbench.services.records import SORTABLE, ProblemFilter, ProblemSort
from workbench.store.list_sql import FREQUENCY_RANKS

FREQUENCIES = [key for key, _ in FREQUENCY_RANKS]
PAGE = 7
# The stored column each list column sorts by.
STORED = {
    "module": "erp_module_id",
    "site": "site_id",
    "department": "department_id",
    "owner": "owner_id",
}
NULLABLE = set(STORED)
RANK = dict(FREQUENCY_RANKS)


@pytest.fixture
def many(services: Services, new_problem: Any) -> int:
    """40 problems with ties, empty values and every status; returns how many."""
    lookups = services.lookups
    modules = [None, lookups.add_module("库存").id, lookups.add_module("销售").id]
    sites = [None, lookups.add_site("SZ", "深圳工厂").id]
    departments = [None, lookups.add_department("采购部").id, lookups.add_department("财务部").id]
    people = [None, lookups.add_person("王芳", "wangfang").id, lookups.add_person("李强", "liq").id]
    titles = ["库存差异率高", "采购订单审批慢", "BOM 版本混乱", "财务月结延迟", "库存差异率高"]
    for i in range(40):
        problem = new_problem(
            title=titles[i % 5],
            severity=i % 5 + 1,
            impact=(i * 7) % 3 + 1,
            frequency=FREQUENCIES[(i * 3) % 5],
            reported_on=f"2025-0{i % 4 + 1}-1{i % 10}",
            erp_module_id=modules[i % 3],
            site_id=sites[(i // 3) % 2],
            department_id=departments[(i * 5) % 3],
            owner_id=people[(i // 2) % 3],
        )
        if i % 4 == 1:
            services.problems.change_status(problem.id, "rejected", reason="重复")
        elif i % 4 == 2:
            services.problems.change_status(problem.id, "analysing")
    return 40


@pytest.fixture
def stored(db_path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(db_path)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def expected_ids(
    connection: sqlite3.Connection, column: str, descending: bool, flt: ProblemFilter
) -> list[int]:
    rows = [dict(r) for r in connection.execute("SELECT * FROM problem")]
    if flt.statuses:
        rows = [r for r in rows if r["status"] in flt.statuses]
    name = STORED.get(column, column)

    def key(row: dict[str, Any]) -> tuple[Any, ...]:
        value = RANK.get(row["frequency"], 0) if column == "frequency" else row[name]
        if column in NULLABLE:  # empty first going up; reversed below, so last going down
            return (value is not None, value or 0, row["id"])
        return (value, row["id"])

    return [r["id"] for r in sorted(rows, key=key, reverse=descending)]


@pytest.mark.parametrize("column", SORTABLE)
@pytest.mark.parametrize("descending", [False, True], ids=["up", "down"])
@pytest.mark.parametrize("flt", [ProblemFilter(), ProblemFilter.not_closed()], ids=["all", "open"])
def test_pages_follow_the_order_of_the_column(
    services: Services,
    many: int,
    stored: sqlite3.Connection,
    column: str,
    descending: bool,
    flt: ProblemFilter,
) -> None:
    sort = ProblemSort(column, descending)
    wanted = expected_ids(stored, column, descending, flt)
    total = services.problems.count(flt)
    assert total == len(wanted) and (total < many) == bool(flt.statuses)
    for known in (None, total):  # with the count, pages past the middle come from the end
        pages = [
            services.problems.page(flt, sort, offset, PAGE, known)
            for offset in range(0, total, PAGE)
        ]
        assert all(len(page) == PAGE for page in pages[:-1])
        assert [row.id for page in pages for row in page] == wanted
    positions = [services.problems.position(flt, sort, problem_id) for problem_id in wanted]
    assert positions == list(range(total))


@pytest.mark.parametrize("column", SORTABLE)
@pytest.mark.parametrize("descending", [False, True], ids=["up", "down"])
def test_a_page_of_not_closed_walks_an_index_and_sorts_nothing(
    services: Services, stored: sqlite3.Connection, column: str, descending: bool
) -> None:
    sent: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        sent.append((statement, params))

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        services.problems.page(ProblemFilter.not_closed(), ProblemSort(column, descending), 9, 3)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    [(statement, params)] = [(s, p) for s, p in sent if "LIMIT" in s]
    plan = [row[3] for row in stored.execute(f"EXPLAIN QUERY PLAN {statement}", params)]
    # The page's ids, read first (the subquery's name is SQLAlchemy's, anon_N).
    page = next(step for step in plan if step.startswith("MATERIALIZE "))
    ids = plan[plan.index(page) + 1]
    assert "USING" in ids and "INDEX ix_problem_not_closed_" in ids, plan
    scan = "SCAN " + page.removeprefix("MATERIALIZE ")
    assert not any("TEMP B-TREE" in step for step in plan[: plan.index(scan)]), plan
