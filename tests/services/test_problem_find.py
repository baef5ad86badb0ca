"""Finding a problem: several values per filter, "not closed", owner, department, tag,
overdue and "mine", text found beyond the title, and every column sorting both ways."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from workbench.services import Services
from workbench.services.chain import CAUSE, SOLUTION
from workbench.services.records import (
    CLOSED_STATUSES,
    NOT_CLOSED,
    SORTABLE,
    ProblemFilter,
    ProblemRow,
    ProblemSort,
)
from workbench.services.vocabulary import FREQUENCIES, PROBLEM_STATUSES

# Walks of the life cycle from "open", giving every status.
WALKS = {
    "open": (),
    "analysing": ("analysing",),
    "solving": ("analysing", "solving"),
    "rejected": ("rejected",),
}


@pytest.fixture
def found(services: Services, new_problem: Callable[..., Any]) -> dict[str, Any]:
    """Eight problems: two departments, two owners (one the acting user), tags, due
    dates in the past and future, statuses open to rejected, and one with a cause and a
    solution whose text is found nowhere else."""
    lookups = services.lookups
    stores = lookups.add_department("仓储部").id
    buying = lookups.add_department("采购部").id
    me = lookups.add_person(services.problems.actor, "测试员", stores).id
    li = lookups.add_person("li", "李娜", buying).id
    past, future = dt.date(2026, 3, 1), dt.date(2199, 1, 1)  # today is later than March
    specs = [
        ("库存差异率高", "open", stores, me, "盘点, 主数据", past, "月度盘点账实不符"),
        ("采购订单审批慢", "analysing", buying, li, "审批", future, ""),
        ("物料编码重复", "solving", stores, li, "主数据", past, ""),
        ("销售报表生成超时", "rejected", buying, me, "报表", past, ""),
        ("财务月结延迟", "open", None, None, "", None, ""),
        ("BOM 版本混乱", "solving", stores, me, "主数据,BOM", future, ""),
        ("人力考勤数据缺失", "analysing", buying, None, "", past, ""),
        ("条码打印慢", "rejected", None, li, "", future, ""),
    ]
    ids: dict[str, int] = {}
    for n, (title, status, department, owner, tags, due, description) in enumerate(specs):
        problem = new_problem(
            title=title,
            department_id=department,
            owner_id=owner,
            reporter_id=li if n == 4 else None,
            tags=tags,
            due_on=due,
            description=description,
            severity=n % 5 + 1,
            impact=(n * 3) % 5 + 1,
            frequency=FREQUENCIES[n % len(FREQUENCIES)],
            reported_on=dt.date(2026, 1, 1) + dt.timedelta(days=(n * 5) % 17),
        )
        for step in WALKS[status]:
            reason = "重复问题" if step == "rejected" else ""
            services.problems.change_status(problem.id, step, reason=reason)
        ids[title] = problem.id
    cause = services.chain.add(CAUSE, ids["条码打印慢"], {"description": "打印机驱动老旧"})
    services.chain.add(SOLUTION, cause.causes[0].id, {"title": "升级斑马打印机固件"})
    return {"stores": stores, "buying": buying, "me": me, "li": li, "ids": ids}


ALL_BUT_ONE = {
    "库存差异率高",
    "采购订单审批慢",
    "物料编码重复",
    "销售报表生成超时",
    "BOM 版本混乱",
    "人力考勤数据缺失",
    "条码打印慢",
}


def titles(services: Services, flt: ProblemFilter) -> set[str]:
    rows = services.problems.page(flt, ProblemSort(), 0, 100)
    assert len(rows) == services.problems.count(flt)
    return {row.title for row in rows}


def test_not_closed_is_every_status_but_closed_and_rejected() -> None:
    assert set(NOT_CLOSED) == set(PROBLEM_STATUSES) - set(CLOSED_STATUSES)
    assert ProblemFilter.not_closed().statuses == tuple(sorted(NOT_CLOSED))


def test_a_filter_is_frozen_hashable_and_the_same_whatever_the_order_of_its_values() -> None:
    one = ProblemFilter(statuses=("solving", "open"), owner_ids=(3, 1, 3), tags=(" 盘点 ",))
    other = ProblemFilter(statuses=("open", "solving"), owner_ids=(1, 3), tags=("盘点",))
    assert one == other and hash(one) == hash(other)
    assert {one: 1}[other] == 1
    with pytest.raises(AttributeError):
        one.text = "x"  # type: ignore[misc]
    assert ProblemFilter.from_json(one.to_json()) == one
    with pytest.raises(ValueError):
        ProblemFilter.from_json({"owner_ids": ["three"]})


def test_several_statuses_at_once_and_not_closed(services: Services, found: dict) -> None:
    assert titles(services, ProblemFilter(statuses=("open", "solving"))) == {
        "库存差异率高",
        "财务月结延迟",
        "物料编码重复",
        "BOM 版本混乱",
    }
    not_closed = titles(services, ProblemFilter.not_closed())
    assert not_closed == set(found["ids"]) - {"销售报表生成超时", "条码打印慢"}


def test_owner_department_and_tag_filters(services: Services, found: dict) -> None:
    assert titles(services, ProblemFilter(owner_ids=(found["li"],))) == {
        "采购订单审批慢",
        "物料编码重复",
        "条码打印慢",
    }
    both = ProblemFilter(owner_ids=(found["li"], found["me"]))
    assert len(titles(services, both)) == 6  # any of the two
    assert titles(services, ProblemFilter(department_ids=(found["buying"],))) == {
        "采购订单审批慢",
        "销售报表生成超时",
        "人力考勤数据缺失",
    }
    narrowed = ProblemFilter(department_ids=(found["stores"],), owner_ids=(found["li"],))
    assert titles(services, narrowed) == {"物料编码重复"}  # fields narrow each other
    # A tag is one whole tag among the commas, spaces ignored.
    assert titles(services, ProblemFilter(tags=("主数据",))) == {
        "库存差异率高",
        "物料编码重复",
        "BOM 版本混乱",
    }
    assert titles(services, ProblemFilter(tags=("BOM", "报表"))) == {
        "BOM 版本混乱",
        "销售报表生成超时",
    }
    assert titles(services, ProblemFilter(tags=("主",))) == set()
    assert services.problems.counts_by_scan(ProblemFilter(tags=("主数据",)))


def test_overdue_is_due_before_today_and_not_closed(services: Services, found: dict) -> None:
    # 销售报表生成超时 is past due too, but rejected; 财务月结延迟 has no due date.
    assert titles(services, ProblemFilter(overdue=True)) == {
        "库存差异率高",
        "物料编码重复",
        "人力考勤数据缺失",
    }


def test_mine_is_owned_by_the_acting_user(services: Services, found: dict) -> None:
    mine = ProblemFilter(mine=True)
    assert titles(services, mine) == {"库存差异率高", "销售报表生成超时", "BOM 版本混乱"}
    colleague = Services.build(services.database, "li")
    assert titles(colleague, mine) == {"采购订单审批慢", "物料编码重复", "条码打印慢"}
    nobody = Services.build(services.database, "nobody")  # not in the person table
    assert titles(nobody, mine) == set()
    assert titles(services, ProblemFilter(mine=True, statuses=NOT_CLOSED)) == {
        "库存差异率高",
        "BOM 版本混乱",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("账实不符", {"库存差异率高"}),  # the description
        ("盘点", {"库存差异率高"}),  # a tag (and the description)
        ("BOM", {"BOM 版本混乱"}),  # title and tag
        # The owner's name, and the reporter's (of 财务月结延迟).
        ("李娜", {"采购订单审批慢", "物料编码重复", "条码打印慢", "财务月结延迟"}),
        # The acting user reported all but one (the reporter defaults to who creates).
        ("测试员", ALL_BUT_ONE),
        ("驱动老旧", {"条码打印慢"}),  # a cause's description
        ("斑马", {"条码打印慢"}),  # a solution's title
        ("不存在", set()),
    ],
)
def test_text_is_found_beyond_the_title(
    services: Services, found: dict, text: str, expected: set[str]
) -> None:
    assert titles(services, ProblemFilter(text=text)) == expected


def _key(services: Services, column: str) -> Callable[[ProblemRow], Any]:
    """The order the list promises for ``column``, worked out here in Python: lookups by
    their id (the order they were entered in), frequency from rarely to several a day."""
    lookups = services.lookups
    ids = {
        "module": {m.name: m.id for m in lookups.modules()},
        "site": {s.name: s.id for s in lookups.sites()},
        "department": {d.name: d.id for d in lookups.departments()},
        "owner": {p.name: p.id for p in lookups.people()},
    }
    rank = {"rarely": 1, "monthly": 2, "weekly": 3, "daily": 4, "several_daily": 5}
    if column in ids:
        return lambda r: ids[column][getattr(r, column)] if getattr(r, column) else None
    if column == "frequency":
        return lambda r: rank[r.frequency]
    return lambda r: getattr(r, column)


@pytest.mark.parametrize("column", SORTABLE)
def test_every_column_sorts_both_ways(services: Services, found: dict, column: str) -> None:
    key = _key(services, column)
    up = services.problems.page(ProblemFilter(), ProblemSort(column, False), 0, 100)
    down = services.problems.page(ProblemFilter(), ProblemSort(column, True), 0, 100)
    assert len(up) == len(down) == 8

    def ordered(rows: list[ProblemRow], descending: bool) -> list[ProblemRow]:
        # Empty values first going up and last going down; ties by id the same way.
        present = [r for r in rows if key(r) is not None]
        empty = [r for r in rows if key(r) is None]
        present.sort(key=lambda r: (key(r), r.id), reverse=descending)
        empty.sort(key=lambda r: r.id, reverse=descending)
        return present + empty if descending else empty + present

    assert up == ordered(up, False)
    assert down == ordered(down, True)
    assert [key(r) for r in down] == [key(r) for r in reversed(up)]


@pytest.mark.parametrize("column", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
def test_a_far_page_read_from_the_other_end_is_the_same_rows(
    services: Services, found: dict, column: str, descending: bool
) -> None:
    sort = ProblemSort(column, descending)
    for flt in (ProblemFilter(), ProblemFilter.not_closed()):
        total = services.problems.count(flt)
        whole = services.problems.page(flt, sort, 0, 100)
        for offset in range(total + 1):
            for limit in (1, 3, 100):
                backwards = services.problems.page(flt, sort, offset, limit, total)
                assert backwards == whole[offset : offset + limit], (offset, limit)
