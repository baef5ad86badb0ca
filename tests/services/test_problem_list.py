"""The Problems list: counted, filtered, sorted and paged in SQL."""

from __future__ import annotations

import pytest

from workbench.services import Services
from workbench.services.records import SORTABLE, ProblemFilter, ProblemSort

TITLES = [
    "库存差异率高",
    "采购订单审批慢",
    "100% 手工对账",
    "物料编码_重复",
    "销售报表生成超时",
    "财务月结延迟",
    "BOM 版本混乱",
    "人力考勤数据缺失",
]


@pytest.fixture
def listed(services: Services, new_problem) -> dict[str, int]:
    """Eight problems over two sites and two modules, with different statuses."""
    inventory = services.lookups.add_module("库存").id
    sales = services.lookups.add_module("销售").id
    shenzhen = services.lookups.add_site("SZ", "深圳工厂").id
    beijing = services.lookups.add_site("BJ", "北京工厂").id
    for i, title in enumerate(TITLES):
        problem = new_problem(
            title=title,
            severity=i % 5 + 1,
            reported_on=f"2025-0{i % 3 + 1}-1{i}",
            erp_module_id=inventory if i % 2 else sales,
            site_id=shenzhen if i < 5 else beijing,
            tags="盘点" if i in (0, 3) else "",
        )
        if i % 3 == 0:
            services.problems.change_status(problem.id, "analysing")
    return {"inventory": inventory, "sales": sales, "shenzhen": shenzhen, "beijing": beijing}


def titles(services: Services, flt: ProblemFilter, sort: ProblemSort | None = None) -> list[str]:
    rows = services.problems.page(flt, sort or ProblemSort(), 0, 100)
    assert len(rows) == services.problems.count(flt)
    return [row.title for row in rows]


def test_filters(services: Services, listed: dict[str, int]) -> None:
    assert services.problems.count(ProblemFilter()) == len(TITLES)
    assert set(titles(services, ProblemFilter(statuses=("analysing",)))) == {
        TITLES[0],
        TITLES[3],
        TITLES[6],
    }
    assert set(titles(services, ProblemFilter(erp_module_ids=(listed["inventory"],)))) == set(
        TITLES[1::2]
    )
    assert set(titles(services, ProblemFilter(site_ids=(listed["beijing"],)))) == set(TITLES[5:])
    both = ProblemFilter(
        site_ids=(listed["shenzhen"],), erp_module_ids=(listed["sales"],), statuses=("open",)
    )
    assert titles(services, both) == [TITLES[4], TITLES[2]]


def test_text_search_in_title_and_by_code(services: Services, listed: dict[str, int]) -> None:
    assert titles(services, ProblemFilter(text="报表")) == ["销售报表生成超时"]
    assert titles(services, ProblemFilter(text="BOM")) == ["BOM 版本混乱"]
    assert titles(services, ProblemFilter(text=" p-2025-0002 ")) == ["采购订单审批慢"]
    assert len(titles(services, ProblemFilter(text="P-2025-000"))) == len(TITLES)
    assert titles(services, ProblemFilter(text="P-2024")) == []
    assert titles(services, ProblemFilter(text="不存在的问题")) == []


@pytest.mark.parametrize(("text", "expected"), [("%", "100% 手工对账"), ("_", "物料编码_重复")])
def test_like_wildcards_in_search_text_are_literal(
    services: Services, listed: dict[str, int], text: str, expected: str
) -> None:
    assert titles(services, ProblemFilter(text=text)) == [expected]


def test_sorting_both_directions(services: Services, listed: dict[str, int]) -> None:
    by_code = titles(services, ProblemFilter(), ProblemSort("code", descending=False))
    assert by_code == TITLES
    assert titles(services, ProblemFilter(), ProblemSort("code", descending=True)) == by_code[::-1]
    rows = services.problems.page(ProblemFilter(), ProblemSort("severity", False), 0, 100)
    assert [r.severity for r in rows] == sorted(r.severity for r in rows)
    rows = services.problems.page(ProblemFilter(), ProblemSort("reported_on", True), 0, 100)
    assert [r.reported_on for r in rows] == sorted((r.reported_on for r in rows), reverse=True)
    ascending = titles(services, ProblemFilter(), ProblemSort("title", False))
    assert ascending == sorted(TITLES)
    assert titles(services, ProblemFilter(), ProblemSort("title", True)) == ascending[::-1]


@pytest.mark.parametrize("column", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_concatenate_to_the_whole_list(
    services: Services, listed: dict[str, int], column: str, descending: bool
) -> None:
    sort = ProblemSort(column, descending)
    whole = services.problems.page(ProblemFilter(), sort, 0, 100)
    pages = [services.problems.page(ProblemFilter(), sort, offset, 3) for offset in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 3, 2]
    assert [row for page in pages for row in page] == whole
    assert len({row.id for row in whole}) == len(TITLES)


def test_rows_carry_names_for_display(services: Services, listed: dict[str, int]) -> None:
    row = services.problems.page(ProblemFilter(text="P-2025-0001"), ProblemSort(), 0, 1)[0]
    assert (row.code, row.title, row.module, row.site, row.status) == (
        "P-2025-0001",
        "库存差异率高",
        "销售",
        "深圳工厂",
        "analysing",
    )


@pytest.mark.parametrize("column", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
def test_position_finds_each_problem_where_the_list_shows_it(
    services: Services, listed: dict[str, int], new_problem, column: str, descending: bool
) -> None:
    for _ in range(2):  # problems with no module or site sort at one end of the list
        new_problem(title="未分配模块", erp_module_id=None, site_id=None)
    sort = ProblemSort(column, descending)
    for flt in (ProblemFilter(), ProblemFilter(statuses=("open",))):
        whole = services.problems.page(flt, sort, 0, 100)
        positions = [services.problems.position(flt, sort, row.id) for row in whole]
        assert positions == list(range(len(whole)))
    analysing = services.problems.page(ProblemFilter(statuses=("analysing",)), sort, 0, 1)[0]
    assert services.problems.position(ProblemFilter(statuses=("open",)), sort, analysing.id) is None
