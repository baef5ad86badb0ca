"""The training views on hand-computed numbers: coverage per department and module when a
person moved department or left, who was never trained on a module they work in,
sessions per month, and what a person was trained on."""

from __future__ import annotations

from typing import Any

import pytest

from workbench.services import Services


@pytest.fixture
def plant(services: Services) -> dict[str, int]:
    """Modules 库存 and 财务; 仓储部 with a, b, c; 财务部 with d, e."""
    lookups = services.lookups
    ids = {
        "inv": lookups.add_module("库存").id,
        "fin": lookups.add_module("财务").id,
        "W": lookups.add_department("仓储部").id,
        "F": lookups.add_department("财务部").id,
    }
    for login, department in (("a", "W"), ("b", "W"), ("c", "W"), ("d", "F"), ("e", "F")):
        ids[login] = lookups.add_person(login, login.upper(), ids[department]).id
    return ids


def held(services: Services, plant: dict[str, int], module: str, on: str, people: str, **more: Any):
    return services.training.create(
        {
            "kind": more.pop("kind", "class"),
            "topic": f"{module} {on}",
            "erp_module_id": plant[module],
            "held_on": on,
            "attendees": [plant[p] for p in people],
            **more,
        }
    )


def cells(services: Services, plant: dict[str, int]) -> dict[tuple[str, str], str]:
    found = services.training.coverage()
    return {(d, m): found.cell(plant[d], plant[m]).text for d in ("W", "F") for m in ("inv", "fin")}


def test_coverage_counts_people_in_the_department_they_are_in_now(services, plant):
    held(services, plant, "inv", "2026-02-10", "abd")
    held(services, plant, "fin", "2026-03-05", "dce")
    # Before anyone moves: 仓储部 a, b, c: 库存 a, b → 2/3; 财务 c → 1/3.
    # 财务部 d, e: 库存 d → 1/2; 财务 d, e → 2/2.
    assert cells(services, plant) == {
        ("W", "inv"): "2/3",
        ("W", "fin"): "1/3",
        ("F", "inv"): "1/2",
        ("F", "fin"): "2/2",
    }
    # c moves to 财务部, taking the 财务 session along; e leaves.
    services.lookups.update_person(plant["c"], "c", "C", plant["F"])
    services.lookups.set_left(plant["e"], "2026-06-30")
    # 仓储部 now a, b: 库存 2/2, 财务 0/2. 财务部 now d, c (e left): 库存 d → 1/2;
    # 财务 d, c → 2/2 (e counts nowhere, neither trained nor in the department).
    assert cells(services, plant) == {
        ("W", "inv"): "2/2",
        ("W", "fin"): "0/2",
        ("F", "inv"): "1/2",
        ("F", "fin"): "2/2",
    }
    share = services.training.coverage().cell(plant["F"], plant["inv"]).share
    assert share == pytest.approx(0.5)
    # What was recorded stays: c attended as a member of 仓储部 that day.
    record = services.training.sessions(2026)[0]
    c = services.training.get(record.id).attendee(plant["c"])
    assert (c.department, c.department_now) == ("仓储部", "财务部")


def test_a_department_without_people_is_0_of_0_with_no_share(services, plant):
    empty = services.lookups.add_department("IT部").id
    cell = services.training.coverage().cell(empty, plant["inv"])
    assert (cell.text, cell.share) == ("0/0", None)


def test_never_trained_lists_the_modules_people_work_in_without_a_session(
    services, plant, new_problem
):
    # 仓储部 has an inventory problem; d (财务部) owns a finance problem and reported an
    # inventory one of 仓储部's; a rejected 财务 problem of 仓储部 does not count.
    new_problem(erp_module_id=plant["inv"], department_id=plant["W"], reporter_id=plant["d"])
    new_problem(erp_module_id=plant["fin"], owner_id=plant["d"])
    rejected = new_problem(erp_module_id=plant["fin"], department_id=plant["W"])
    services.problems.change_status(rejected.id, "rejected", reason="重复")
    held(services, plant, "inv", "2026-02-10", "a")
    services.lookups.set_left(plant["c"], "2026-01-31")
    found = [(n.person, n.module, n.because) for n in services.training.never_trained()]
    # a trained on 库存; c left; e works in nothing (财务部 has no problems of its own);
    # tester (no department) reported the 财务 problem d owns.
    assert found == [
        ("tester", "财务", "own"),
        ("B", "库存", "department"),
        ("D", "库存", "own"),
        ("D", "财务", "own"),
    ]
    held(services, plant, "fin", "2026-03-01", "d")
    assert [(n.person, n.module) for n in services.training.never_trained()] == [
        ("tester", "财务"),
        ("B", "库存"),
        ("D", "库存"),
    ]


def test_sessions_per_month_by_kind_with_attendances_and_hours(services, plant):
    held(services, plant, "inv", "2026-01-05", "ab", kind="drill", duration_hours="2")
    held(services, plant, "inv", "2026-01-20", "c", kind="video", duration_hours="0.5")
    held(services, plant, "fin", "2026-03-31", "", kind="drill")
    held(services, plant, "fin", "2025-12-31", "abcde", kind="class", duration_hours="8")
    months = services.training.sessions_per_month(2026)
    assert [m.month for m in months] == list(range(1, 13))
    january, march = months[0], months[2]
    assert (january.sessions, january.attendances, january.hours) == (2, 3, 2.5)
    assert january.by_kind["drill"] == 1 and january.by_kind["video"] == 1
    assert january.by_kind["class"] == 0
    assert (march.sessions, march.attendances, march.hours) == (1, 0, 0.0)
    assert sum(m.sessions for m in months) == 3  # 2025-12-31 is another year's
    assert services.training.sessions_per_month(2025)[11].attendances == 5


def test_trained_on_names_each_module_with_its_sessions_and_last_score(services, plant):
    first = held(services, plant, "inv", "2026-01-05", "a")
    held(services, plant, "inv", "2026-04-05", "a")
    held(services, plant, "fin", "2026-02-05", "ab")
    services.training.set_score(first.id, plant["a"], 70)
    trained = services.training.trained_on(plant["a"])
    assert [(t.module, t.sessions, t.last_on.isoformat()) for t in trained] == [
        ("库存", 2, "2026-04-05"),
        ("财务", 1, "2026-02-05"),
    ]
    assert services.training.trained_on(plant["c"]) == ()
