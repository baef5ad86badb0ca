"""The Problems list's filters and sorts on a real PostgreSQL server: the same SQL as on
SQLite (but the several-statuses page, which is SQLite's own), so every filter field
and every column's order must work there and agree with the count and the position."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from workbench.app import open_services
from workbench.services import Services
from workbench.services.chain import CAUSE, SOLUTION
from workbench.services.records import SORTABLE, ProblemFilter, ProblemSort
from workbench.settings import Settings

STATUSES = ("open", "analysing", "rejected")


@pytest.fixture
def listed(pg_url: str) -> Iterator[Services]:
    services = open_services(pg_url, Settings(user="tester"))
    lookups = services.lookups
    department = lookups.add_department("仓储部").id
    owner = lookups.add_person("wang", "王小明", department).id
    for n in range(9):
        problem = services.problems.create(
            {
                "title": f"库存差异率高 #{n}",
                "description": "盘点时账实不符" if n % 2 else "",
                "severity": n % 5 + 1,
                "impact": (n * 3) % 5 + 1,
                "frequency": ("weekly", "daily", "rarely")[n % 3],
                "reported_on": "2025-03-01",
                "due_on": "2025-04-01" if n % 3 == 0 else None,
                "owner_id": owner if n % 2 else None,
                "department_id": department if n % 3 else None,
                "tags": "盘点, 主数据" if n % 4 == 0 else "",
            }
        )
        status = STATUSES[n % 3]
        if status != "open":
            reason = "重复问题" if status == "rejected" else ""
            services.problems.change_status(problem.id, status, reason=reason)
    first = services.problems.id_of("P-2025-0001")
    assert first is not None
    cause = services.chain.add(CAUSE, first, {"description": "打印机驱动老旧"})
    services.chain.add(SOLUTION, cause.causes[0].id, {"title": "升级斑马打印机固件"})
    yield services
    services.close()


FILTERS = (
    ProblemFilter(),
    ProblemFilter.not_closed(),
    ProblemFilter(statuses=("open", "rejected")),
    ProblemFilter(tags=("主数据",)),
    ProblemFilter(overdue=True),
    ProblemFilter(mine=True),
    ProblemFilter(text="账实"),
    ProblemFilter(text="王小明"),
    ProblemFilter(text="斑马"),
)


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: repr(f.to_json())[:60])
def test_every_filter_and_sort_works_on_postgresql(listed: Services, flt: ProblemFilter) -> None:
    problems = listed.problems
    total = problems.count(flt)
    for column in SORTABLE:
        for descending in (False, True):
            sort = ProblemSort(column, descending)
            whole = problems.page(flt, sort, 0, 100)
            assert len(whole) == total
            assert [problems.position(flt, sort, row.id) for row in whole] == list(range(total))
            far = [problems.page(flt, sort, offset, 2, total) for offset in range(0, total, 2)]
            assert [row for page in far for row in page] == whole


def test_the_filters_find_what_they_should_on_postgresql(listed: Services) -> None:
    problems = listed.problems

    def count(**fields: object) -> int:
        return problems.count(ProblemFilter(**fields))  # type: ignore[arg-type]

    assert count(statuses=("open", "rejected")) == 6
    assert count(tags=("主数据",)) == 3
    assert count(text="账实") == 4  # descriptions
    assert count(text="王小明") == 4  # the owner's name
    assert count(text="斑马") == 1  # a solution's title
    assert count(overdue=True) == 3  # due 2025-04-01 and open
    assert count(mine=True) == 0  # the tester owns none
