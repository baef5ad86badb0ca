"""What needs me today: my open problems, my solutions due soon or overdue, and results on
my problems waiting to be verified; nobody else's, and nothing closed."""

from __future__ import annotations

import datetime as dt

from workbench.services.chain import CAUSE, RESULT, SOLUTION


def test_my_work_lists_what_is_mine_and_open(services, new_problem):
    lookups = services.lookups
    me = lookups.add_person("tester", "测试员").id  # the acting user's login
    colleague = lookups.add_person("wang", "王工").id
    today = services.mine.today()
    mine = new_problem(title="库存差异率高", owner_id=me)
    theirs = new_problem(title="采购订单审批慢", owner_id=colleague)
    rejected = new_problem(title="物料编码重复", owner_id=me)
    services.problems.change_status(rejected.id, "rejected", reason="重复问题")

    cause = services.chain.add(CAUSE, mine.id, {"description": "物料编码不统一"}).causes[0]
    for title, due, status in (
        ("统一物料编码", today - dt.timedelta(days=2), "in_progress"),  # overdue
        ("培训仓管员", today + dt.timedelta(days=5), "planned"),  # due this week
        ("月度盘点", today + dt.timedelta(days=30), "planned"),  # not yet
        ("清理旧编码", today - dt.timedelta(days=9), "done"),  # done
    ):
        services.chain.add(
            SOLUTION,
            cause.id,
            {"title": title, "owner_id": me, "due_on": due.isoformat(), "status": status},
        )
    solution = services.problems.get(mine.id).causes[0].solutions[0]
    services.chain.add(
        RESULT, solution.id, {"metric": "差异率", "baseline_value": 2.0, "value_after": 1.2}
    )
    services.chain.add(RESULT, solution.id, {"metric": "盘点工时", "baseline_value": 8.0})

    work = services.mine.today_for_me()

    assert [item.id for item in work.problems] == [mine.id]
    assert theirs.id not in {item.problem_id for item in work.solutions + work.results}
    assert [item.title for item in work.solutions] == ["统一物料编码", "培训仓管员"]
    assert [item.title for item in work.results] == ["差异率"]  # measured, not verified
    assert all(item.code == mine.code for item in work.solutions + work.results)
    assert work.count == 4


def test_someone_with_no_person_record_has_nothing_to_do(services, new_problem):
    new_problem()
    work = services.mine.today_for_me()
    assert work.count == 0
