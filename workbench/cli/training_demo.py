"""The demo's training records (培训记录): a year of sessions up to today.

Written after the demo problems, through the services and by the demo's project manager,
so every step is validated and audited. Each month holds three sessions (an on-site
drill, a class, a manual update, a video tutorial or the online help, in turn) on the
modules the departments work in, attended by people of those departments, with scores
for drills and classes. Drills address the most frequent problem of their module (or a
solution of it). One department is never trained on one module it works in, the gap a
manager should see in the coverage and in "never trained".
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Mapping, Sequence

from workbench.services import Services
from workbench.services.ranking import FREQUENCY_WEIGHTS
from workbench.services.records import ProblemFilter, ProblemSort
from workbench.services.training import TrainingService

MANAGER = "zhao.lei"  # who keeps the training records
CANDIDATES = 2_000  # problems read to find what each module's drills address
MONTHS = 12
DAYS = (6, 16, 26)  # the three sessions of a month
KINDS = ("drill", "class", "manual_update", "video", "online_help")
SCORED = ("drill", "class")
TOPICS: Mapping[str, Mapping[str, str]] = {
    "drill": {
        "zh_CN": "现场演练：{module}异常单据处理",
        "en": "On-site drill: exceptions in {module}",
    },
    "class": {"zh_CN": "{module}标准操作培训课", "en": "{module}: standard operations class"},
    "manual_update": {
        "zh_CN": "{module}操作手册更新（含常见问题Q&A）",
        "en": "{module} manual update (with FAQ)",
    },
    "video": {"zh_CN": "{module}视频教程", "en": "{module} video tutorial"},
    "online_help": {"zh_CN": "{module}线上帮助上线", "en": "{module} online help published"},
}


def _months(today: dt.date) -> list[tuple[int, int]]:
    """The last ``MONTHS`` months up to today's, oldest first."""
    found: list[tuple[int, int]] = []
    year, month = today.year, today.month
    for _ in range(MONTHS):
        found.insert(0, (year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return found


def _addressed(services: Services, modules: Mapping[str, int]) -> dict[int, tuple[str, int]]:
    """Per module, what its drills address: the most frequent, highest-impact problem's
    first solution, or the problem itself (("solution" | "problem", id))."""
    rows = services.problems.page(ProblemFilter(), ProblemSort("code"), 0, CANDIDATES)
    rows = sorted(rows, key=lambda r: (-FREQUENCY_WEIGHTS.get(r.frequency, 0) * r.impact, r.code))
    found: dict[int, tuple[str, int]] = {}
    for row in rows:
        module_id = modules.get(row.module or "")
        if module_id is None or module_id in found:
            continue
        solutions = [s for c in services.problems.get(row.id).causes for s in c.solutions]
        found[module_id] = ("solution", solutions[0].id) if solutions else ("problem", row.id)
    return found


def write_training(services: Services, lang: str, today: dt.date) -> int:
    """Write a year of training; returns how many sessions."""
    training: TrainingService = Services.build(services.database, MANAGER).training
    people = services.lookups.person_entries()
    modules = {entry.name: entry.id for entry in services.lookups.module_entries() if entry.active}
    works: dict[int, set[int]] = defaultdict(set)  # department → the modules it works in
    for gap in training.never_trained():
        if gap.because == "department" and gap.department_id is not None:
            works[gap.department_id].add(gap.module_id)
    pairs = sorted((d, m) for d, found in works.items() for m in found)
    if not pairs or not people:
        return 0
    never = pairs[len(pairs) // 2]  # the department left untrained on one of its modules
    by_department: dict[int, list[int]] = defaultdict(list)
    for person in people:
        if person.department_id is not None:
            by_department[person.department_id].append(person.id)
    champions = [p.id for p in people if p.role == "usage_champion"] or [people[0].id]
    order = sorted({m for _, m in pairs})
    addressed = _addressed(services, modules)
    names = {module_id: name for name, module_id in modules.items()}
    chance = random.Random(20261201)
    made = 0
    for number, (year, month) in enumerate(_months(today)):
        for slot, day in enumerate(DAYS):
            held_on = dt.date(year, month, day)
            if held_on > today:
                break
            turn = number * len(DAYS) + slot
            module_id, kind = order[turn % len(order)], KINDS[turn % len(KINDS)]
            made += _session(
                training,
                lang,
                held_on,
                kind,
                (module_id, names[module_id]),
                _attendees(works, by_department, module_id, never, chance),
                champions[turn % len(champions)],
                addressed.get(module_id) if kind == "drill" else None,
                chance,
            )
    return made


def _attendees(
    works: Mapping[int, set[int]],
    by_department: Mapping[int, Sequence[int]],
    module_id: int,
    never: tuple[int, int],
    chance: random.Random,
) -> list[int]:
    found: list[int] = []
    for department_id, modules in sorted(works.items()):
        if module_id not in modules or (department_id, module_id) == never:
            continue
        members = list(by_department.get(department_id, ()))
        found += [p for p in members if chance.random() < 0.3]
    return found


def _session(
    training: TrainingService,
    lang: str,
    held_on: dt.date,
    kind: str,
    module: tuple[int, str],
    attendees: Sequence[int],
    trainer: int,
    addresses: tuple[str, int] | None,
    chance: random.Random,
) -> int:
    topic = TOPICS[kind].get(lang, TOPICS[kind]["en"]).format(module=module[1])
    people: list[object] = [
        (p, chance.choice(("72", "80", "85.5", "90", "95", "100"))) if kind in SCORED else p
        for p in attendees
        if p != trainer
    ]
    made = training.create(
        {
            "kind": kind,
            "topic": topic[:200],
            "erp_module_id": module[0],
            "held_on": held_on,
            "trainer_id": trainer,
            "duration_hours": {"drill": "2", "class": "1.5", "video": "0.25"}.get(kind),
            "material_link": f"https://wiki.example.com/erp/training/{held_on:%Y%m%d}-{kind}",
            "attendees": people,
        }
    )
    if addresses is not None:
        what, rid = addresses
        if what == "solution":
            training.link(made.id, solution_id=rid)
        else:
            training.link(made.id, problem_id=rid)
    return 1
