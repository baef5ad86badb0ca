"""The demo's quarterly improvement lists (季度优化清单): the four quarters up to today's.

Written after the demo problems, through the services and by the demo's project managers,
so every step is validated and audited: each quarter takes up the most frequent,
highest-impact problems not yet on a list, commits most of them against a KPI target
from the articles, finishes some, drops one with a note, is frozen (dated at the
quarter's start, when its planning meeting commits it), and carries what is unfinished
into the next quarter. The oldest list is edited after its freeze (a changed
target), and today's list has an item the manager moved by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbench.services import Services
from workbench.services.improvements import ImprovementService
from workbench.services.quarters import Quarter, parse
from workbench.services.ranking import FREQUENCY_WEIGHTS
from workbench.services.records import ProblemFilter, ProblemRow, ProblemSort

QUARTERS = 4
CANDIDATES = 2_000  # problems considered for the lists: a million-problem demo stays fast
NEW_PER_QUARTER = (4, 3, 3, 2)  # oldest first
# Who keeps the lists (project managers of the demo's people) and who edits after a freeze.
MANAGER, SECOND = "zhao.lei", "lin.xiao"


@dataclass(frozen=True)
class Target:
    metric: Mapping[str, str]
    value: float
    unit: Mapping[str, str]


# The KPIs of the articles (数据准确率≥99%, 订单处理时长≤2小时, 库存差异率≤0.5% …).
TARGETS: tuple[Target, ...] = (
    Target({"zh_CN": "库存差异率", "en": "Inventory variance"}, 0.5, {"zh_CN": "%", "en": "%"}),
    Target({"zh_CN": "订单处理时长", "en": "Order handling time"}, 2, {"zh_CN": "小时", "en": "h"}),
    Target({"zh_CN": "数据准确率", "en": "Data accuracy"}, 99, {"zh_CN": "%", "en": "%"}),
    Target(
        {"zh_CN": "月度报表生成时长", "en": "Monthly report time"}, 2, {"zh_CN": "小时", "en": "h"}
    ),
    Target({"zh_CN": "用户满意度", "en": "User satisfaction"}, 4.2, {"zh_CN": "/5", "en": "/5"}),
)
TEXTS: Mapping[str, Mapping[str, str]] = {
    "title": {"zh_CN": "改进：{title}", "en": "Improve: {title}"},
    "committed": {
        "zh_CN": "季度规划会议确认：高频、高影响，优先处理",
        "en": "Planning meeting: frequent and high impact, taken first",
    },
    "dropped": {
        "zh_CN": "并入ERP版本升级路线，本季度不再单独处理",
        "en": "Folded into the ERP upgrade roadmap; not handled on its own this quarter",
    },
    "revised": {
        "zh_CN": "管理层复盘后调整目标值",
        "en": "Target revised after the management review",
    },
}


def _text(key: str, lang: str, **values: str) -> str:
    texts = TEXTS[key]
    return (texts.get(lang) or texts["en"]).format(**values)


def _ranked(services: Services) -> list[ProblemRow]:
    """The demo problems (the first ``CANDIDATES`` of a big demo), most frequent × highest
    impact first (the list's own rule)."""
    flt, sort = ProblemFilter(), ProblemSort("code", descending=False)
    rows = services.problems.page(flt, sort, 0, CANDIDATES)
    return sorted(rows, key=lambda r: (-FREQUENCY_WEIGHTS.get(r.frequency, 0) * r.impact, r.code))


def write_improvements(services: Services, lang: str, today: dt.date) -> int:
    """Write the four quarters' lists; returns how many items they hold."""
    problems = _ranked(services)
    if not problems:
        return 0
    manager = Services.build(services.database, MANAGER).improvements
    second = Services.build(services.database, SECOND).improvements
    people = [p.id for p in services.lookups.people()]
    now = Quarter.of(today)
    wanted = [now]
    for _ in range(QUARTERS - 1):
        wanted.insert(0, wanted[0].previous())
    taken = 0
    for n, quarter in enumerate(wanted):
        name = str(quarter)
        fresh = []
        for _ in range(NEW_PER_QUARTER[n]):
            problem = problems[taken % len(problems)]
            taken += 1
            fresh.append(_new_item(manager, name, problem, people, lang, taken))
        current = n == len(wanted) - 1
        if current:
            listed = manager.list_for(name).rows
            manager.move_to(listed[-1].id, 1)  # the manager's own call, kept
            _progress(manager, [r.id for r in listed][:2], ("committed",), lang)
            break
        items = [row.id for row in manager.list_for(name).rows]
        _progress(manager, items, ("committed",), lang)
        _at_start(services, quarter).freeze(name)
        _finish(manager, items, lang)
        if n == 0:
            first = manager.get(items[0])
            value = first.target_value * 0.8 if first.target_value else 1.0
            second.update(first.id, {"target_value": round(value, 2)})
            second.update(
                first.id, {"decision_note": first.decision_note + "；" + _text("revised", lang)}
            )
        manager.carry_over(name, str(quarter.next()))
    return sum(s.items for s in manager.compare(str(q) for q in wanted))


def _at_start(services: Services, quarter: Quarter) -> ImprovementService:
    """The manager's list service with the clock at the quarter's planning meeting (its
    first morning, 09:00 on this machine), so a list reads as frozen when its quarter
    began, not when the demo was written."""
    meeting = dt.datetime.combine(quarter.first_day, dt.time(9)).astimezone()
    at = meeting.astimezone(dt.UTC).replace(tzinfo=None)  # the clock runs in UTC
    history = Services.build(services.database, MANAGER).history
    return ImprovementService(services.database, MANAGER, clock=lambda: at, history=history)


def _new_item(
    improvements: ImprovementService,
    quarter: str,
    problem: ProblemRow,
    people: Sequence[int],
    lang: str,
    n: int,
) -> int:
    target = TARGETS[n % len(TARGETS)]
    made = improvements.create(
        {
            "quarter": quarter,
            "title": _text("title", lang, title=problem.title)[:200],
            "problem_ids": [problem.id],
            "owner_id": people[n % len(people)] if people else None,
            "target_metric": target.metric.get(lang, target.metric["en"]),
            "target_value": target.value,
            "target_unit": target.unit.get(lang, target.unit["en"]),
            "target_by": parse(quarter).last_day,
        }
    )
    return made.id


def _progress(
    improvements: ImprovementService, ids: Sequence[int], statuses: Sequence[str], lang: str
) -> None:
    for item_id in ids:
        for status in statuses:
            item = improvements.get(item_id)
            if status in improvements.allowed_statuses(item.status):
                improvements.update(
                    item_id, {"status": status, "decision_note": _text("committed", lang)}
                )


def _finish(improvements: ImprovementService, ids: Sequence[int], lang: str) -> None:
    """After the freeze: the first item is done, the second in progress, the last dropped
    (with its note), the rest stay committed or proposed and are carried over."""
    if ids:
        _progress(improvements, ids[:1], ("in_progress", "done"), lang)
    if len(ids) > 1:
        _progress(improvements, ids[1:2], ("in_progress",), lang)
    if len(ids) > 2:
        improvements.update(ids[-1], {"status": "dropped", "decision_note": _text("dropped", lang)})
