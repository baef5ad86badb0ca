"""Reading the quarterly improvement list inside a unit of work: items' score parts, one
item in full, where items were carried from and to, and the edits after a freeze (a page
of the ranked list is workbench.services.improvement_pages).

Every query of a quarter starts on the (quarter, code) index, so a quarter of 10,000
items reads those items and their links, not the whole table. Only plain records leave
(workbench.services.improvement_records).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session, aliased

from workbench.services import ranking
from workbench.services.errors import NotFoundError
from workbench.services.improvement_records import (
    Carried,
    ImprovementRecord,
    LinkedProblem,
    PostFreezeChange,
    QuarterSummary,
)
from workbench.services.improvement_rules import COMMITTED
from workbench.services.numbers import TypedNumber
from workbench.services.ranking import ScorePart
from workbench.services.versions import versions
from workbench.services.vocabulary import IMPROVEMENT_STATUSES
from workbench.store.models import (
    AuditEntry,
    ImprovementItem,
    ImprovementLink,
    Person,
    Problem,
    QuarterList,
)

ITEM = ImprovementItem.__tablename__
LINK = ImprovementLink.__tablename__
# Bookkeeping a person did not change, and what is shown with another field.
_HIDDEN = frozenset({"updated_at", "target_decimals"})  # the decimals go with the value


def parts_of_items(session: Session, ids: Iterable[int]) -> dict[int, tuple[ScorePart, int]]:
    """Each of the items' score part (the linked problem that gives its score, see
    workbench.services.ranking.basis) and how many problems it links; read as plain
    tuples, as a page may hold many items."""
    rows = session.execute(
        select(ImprovementLink.item_id, Problem.id, Problem.code, Problem.frequency, Problem.impact)
        .join(Problem, Problem.id == ImprovementLink.problem_id)
        .where(ImprovementLink.item_id.in_(list(ids)))
    )
    weights = ranking.FREQUENCY_WEIGHTS
    best: dict[int, tuple[int, tuple[int, str], int, str, str, int]] = {}
    counts: dict[int, int] = defaultdict(int)
    for item_id, problem_id, code, frequency, impact in rows:
        counts[item_id] += 1
        weight = weights.get(frequency, 0)
        score, key = weight * impact, (len(code), code)
        found = best.get(item_id)
        if found is None or score > found[0] or (score == found[0] and key < found[1]):
            best[item_id] = (score, key, problem_id, code, frequency, impact)
    return {
        item_id: (
            ScorePart(problem_id, code, frequency, weights.get(frequency, 0), impact),
            counts[item_id],
        )
        for item_id, (_, _, problem_id, code, frequency, impact) in best.items()
    }


def carried_of(
    session: Session, quarter: str | None, ids: Iterable[int] = ()
) -> dict[int, Carried]:
    """Where each item of ``quarter`` (or each of ``ids``) came from and went to.

    Walks the carried-from line up with one recursive query: the item it continues is
    one step up, the first of its line the last step."""
    item = ImprovementItem
    scope = item.quarter == quarter if quarter is not None else item.id.in_(list(ids))
    up = (
        select(
            item.id.label("item_id"),
            item.carried_from_id.label("ancestor"),
            literal(1).label("depth"),
        )
        .where(scope, item.carried_from_id.is_not(None))
        .cte("carried_line", recursive=True)
    )
    parent = aliased(item)
    up = up.union_all(
        select(up.c.item_id, parent.carried_from_id, up.c.depth + 1)
        .join(parent, parent.id == up.c.ancestor)
        .where(parent.carried_from_id.is_not(None))
    )
    ancestor = aliased(item)
    lines: dict[int, dict[int, tuple[int, str, str]]] = defaultdict(dict)
    steps: Any = session.execute(
        select(up.c.item_id, up.c.ancestor, up.c.depth, ancestor.code, ancestor.quarter).join(
            ancestor, ancestor.id == up.c.ancestor
        )
    )
    for item_id, ancestor_id, depth, code, in_quarter in steps:
        lines[item_id][depth] = (ancestor_id, code, in_quarter)
    child = aliased(item)
    later = session.execute(
        select(child.carried_from_id, child.code, child.quarter)
        .join(item, item.id == child.carried_from_id)
        .where(scope)
    )
    onward = {int(row[0]): (row[1], row[2]) for row in later if row[0] is not None}
    found: dict[int, Carried] = {}
    for item_id in set(lines) | set(onward):
        line = lines.get(item_id, {})
        first = line.get(1)
        origin = line.get(max(line)) if line else None
        to = onward.get(item_id)
        found[item_id] = Carried(
            count=len(line),
            from_id=first[0] if first else None,
            from_code=first[1] if first else None,
            from_quarter=first[2] if first else None,
            origin_code=origin[1] if origin else None,
            origin_quarter=origin[2] if origin else None,
            to_code=to[0] if to else None,
            to_quarter=to[1] if to else None,
        )
    return found


def quarter_list(session: Session, quarter: str) -> QuarterList | None:
    return session.scalar(select(QuarterList).where(QuarterList.quarter == quarter))


def freeze_point(session: Session, quarter: str) -> int | None:
    """The audit entry that froze ``quarter``'s list; None while it is not frozen."""
    row = quarter_list(session, quarter)
    if row is None or row.frozen_at is None:
        return None
    audit = AuditEntry
    return session.scalar(
        select(func.max(audit.id)).where(
            audit.entity == QuarterList.__tablename__,
            audit.entity_id == row.id,
            (audit.action == "create") | (audit.field == "frozen_at"),
        )
    )


def load_item(session: Session, item_id: int) -> ImprovementItem:
    item = session.get(ImprovementItem, item_id)
    if item is None:
        raise NotFoundError(f"improvement_item {item_id} does not exist")
    return item


def record_of(session: Session, item: ImprovementItem) -> ImprovementRecord:
    """The item in full: its problems with their score parts, where it was carried."""
    problems = session.execute(
        select(Problem)
        .join(ImprovementLink, ImprovementLink.problem_id == Problem.id)
        .where(ImprovementLink.item_id == item.id)
        .order_by(Problem.code)
    ).scalars()
    linked = tuple(
        LinkedProblem(
            p.id,
            p.code,
            p.title,
            p.status,
            p.frequency,
            p.impact,
            ranking.part(p.id, p.code, p.frequency, p.impact),
        )
        for p in problems
    )
    owner = session.get(Person, item.owner_id) if item.owner_id is not None else None
    return ImprovementRecord(
        id=item.id,
        code=item.code,
        quarter=item.quarter,
        title=item.title,
        owner_id=item.owner_id,
        owner=owner.name if owner is not None else None,
        target_metric=item.target_metric,
        target_value=item.target_value,
        target_unit=item.target_unit,
        target_by=item.target_by,
        status=item.status,
        decision_note=item.decision_note,
        manual_rank=item.manual_rank,
        carried_from_id=item.carried_from_id,
        created_at=item.created_at,
        updated_at=item.updated_at,
        problems=linked,
        carried=carried_of(session, None, [item.id]).get(item.id, Carried()),
        version=versions(session, ITEM, [item.id]).get(item.id, 0),
        target_decimals=item.target_decimals,
    )


def _snapshot(entry: Any) -> dict[str, Any]:
    text = entry.new_value if entry.action == "create" else entry.old_value
    return json.loads(text) if entry.action in ("create", "delete") and text else {}


def post_freeze(session: Session, quarter: str) -> tuple[PostFreezeChange, ...]:
    """Every edit of the quarter's items and their links after its list was frozen,
    oldest first. Items made or deleted since count by the quarter their row held."""
    point = freeze_point(session, quarter)
    if point is None:
        return ()
    entries = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity.in_((ITEM, LINK)), AuditEntry.id > point)
        .order_by(AuditEntry.id)
    ).all()
    codes = dict(
        session.execute(
            select(ImprovementItem.id, ImprovementItem.code).where(
                ImprovementItem.quarter == quarter
            )
        ).all()
    )
    for entry in entries:
        snap = _snapshot(entry)
        if entry.entity == ITEM and snap.get("quarter") == quarter:
            codes.setdefault(entry.entity_id, str(snap.get("code")))
    problem_ids = {int(_snapshot(e)["problem_id"]) for e in entries if e.entity == LINK}
    problem_codes = dict(
        session.execute(select(Problem.id, Problem.code).where(Problem.id.in_(problem_ids))).all()
    )
    typed = _retyped(session, entries)
    found = []
    for entry in entries:
        if entry.entity == ITEM:
            if entry.entity_id not in codes or (entry.field in _HIDDEN and entry.id not in typed):
                continue
            item_id, action, name = entry.entity_id, entry.action, entry.field
            old, new = typed.get(entry.id, (entry.old_value, entry.new_value))
            if entry.id in typed:
                name = "target_value"  # "0.5" → "0.50": the value, written otherwise
        else:
            snap = _snapshot(entry)
            item_id = int(snap["item_id"])
            if item_id not in codes:
                continue
            problem = int(snap["problem_id"])
            shown = problem_codes.get(problem, str(problem))
            action = "link" if entry.action == "create" else "unlink"
            name = "problems"
            old, new = (None, shown) if action == "link" else (shown, None)
        found.append(
            PostFreezeChange(
                entry.id, entry.at, entry.actor, item_id, codes[item_id], action, name, old, new
            )
        )
    return tuple(found)


def _retyped(session: Session, entries: Sequence[AuditEntry]) -> dict[int, tuple[str, str]]:
    """The target values written again with other decimals only ("0.5" → "0.50"), by
    entry id: their decimals entry as the value's old and new texts. A decimals change
    saved with the value itself goes with that value's entry."""
    with_value = {
        (e.entity_id, e.at) for e in entries if e.entity == ITEM and e.field == "target_value"
    }
    alone = [
        e
        for e in entries
        if e.entity == ITEM
        and e.field == "target_decimals"
        and (e.entity_id, e.at) not in with_value
    ]
    if not alone:
        return {}
    current = dict(
        session.execute(
            select(ImprovementItem.id, ImprovementItem.target_value).where(
                ImprovementItem.id.in_({e.entity_id for e in alone})
            )
        ).all()
    )
    found: dict[int, tuple[str, str]] = {}
    for entry in alone:
        later = next(
            (
                e.old_value
                for e in entries
                if e.id > entry.id
                and e.entity_id == entry.entity_id
                and e.entity == ITEM
                and e.field == "target_value"
            ),
            None,
        )
        value = float(later) if later is not None else current.get(entry.entity_id)
        if value is None:
            continue
        old, new = (
            TypedNumber(value, int(d) if d is not None else None).text()
            for d in (entry.old_value, entry.new_value)
        )
        found[entry.id] = (old, new)
    return found


def changed_after_freeze(session: Session, quarter: str) -> frozenset[int]:
    """Ids of the quarter's items edited since its list was frozen."""
    return frozenset(change.item_id for change in post_freeze(session, quarter))


def summary(session: Session, quarter: str) -> QuarterSummary:
    item = ImprovementItem
    by_status = {key: 0 for key in IMPROVEMENT_STATUSES}
    for status, count in session.execute(
        select(item.status, func.count()).where(item.quarter == quarter).group_by(item.status)
    ):
        by_status[status] = count
    carried_in = session.scalar(
        select(func.count())
        .select_from(item)
        .where(item.quarter == quarter, item.carried_from_id.is_not(None))
    )
    later = select(ImprovementItem.carried_from_id).where(
        ImprovementItem.carried_from_id.is_not(None)
    )
    carried_over = session.scalar(
        select(func.count())
        .select_from(item)
        .where(item.quarter == quarter, item.id.in_(later.scalar_subquery()))
    )
    listed = quarter_list(session, quarter)
    return QuarterSummary(
        quarter=quarter,
        items=sum(by_status.values()),
        committed=sum(by_status.get(s, 0) for s in COMMITTED),
        done=by_status["done"],
        carried_over=carried_over or 0,
        dropped=by_status["dropped"],
        carried_in=carried_in or 0,
        frozen=listed is not None and listed.frozen_at is not None,
        by_status=by_status,
    )
