"""A quarter's improvement list read a page at a time, in the order shown, by SQL.

The order is the one workbench.services.ranking describes: the items placed by hand
first, by their rank, then the rest by score (highest first), equal scores in code
order. Each item's score is stored (workbench.store.improvement_scores), so a page is an
index walk of the quarter's (manual_rank, score, code) index, however many items it
holds: the page opens on its first screen of a 10,000-item quarter as on a demo's ten.

``position`` is 1 for the first item. The proposed place (what the score alone would
give) is worked out from the placed items, which are few: an unplaced item's proposed
place is its place among the unplaced plus the placed items that outscore it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from workbench.services.improvement_read import (
    carried_of,
    changed_after_freeze,
    parts_of_items,
    quarter_list,
)
from workbench.services.improvement_records import (
    Carried,
    ImprovementRow,
    QuarterHead,
    QuarterListView,
)
from workbench.store.models import ImprovementItem, Person

_ITEM = ImprovementItem
_COLUMNS = (
    "id",
    "code",
    "title",
    "status",
    "owner_id",
    "target_metric",
    "target_value",
    "target_unit",
    "target_by",
    "manual_rank",
    "target_decimals",
    "score",
)


class _Placed(NamedTuple):
    id: int
    score: int
    code: str


def _key(score: int, code: str) -> tuple[int, int, str]:
    """The proposed order's key: highest score first, then codes in number order."""
    return (-score, len(code), code)


def head(session: Session, quarter: str) -> QuarterHead:
    """How many items the quarter's list has, and how many were placed by hand."""
    count, placed = session.execute(
        select(func.count(), func.count(_ITEM.manual_rank)).where(_ITEM.quarter == quarter)
    ).one()
    listed = quarter_list(session, quarter)
    return QuarterHead(
        quarter,
        count,
        placed,
        listed.frozen_at if listed is not None else None,
        listed.frozen_by if listed is not None else None,
    )


def _placed(session: Session, quarter: str) -> list[_Placed]:
    rows = session.execute(
        select(_ITEM.id, _ITEM.score, _ITEM.code)
        .where(_ITEM.quarter == quarter, _ITEM.manual_rank.is_not(None))
        .order_by(_ITEM.manual_rank, func.length(_ITEM.code), _ITEM.code)
    )
    return [_Placed(*row) for row in rows]


def _outscored_by_unplaced(quarter: str, score: int, code: str) -> ColumnElement[bool]:
    """The unplaced items of ``quarter`` that come before (score, code) by score."""
    length = func.length(_ITEM.code)
    return and_(
        _ITEM.quarter == quarter,
        _ITEM.manual_rank.is_(None),
        or_(
            _ITEM.score > score,
            and_(
                _ITEM.score == score,
                or_(length < len(code), and_(length == len(code), _ITEM.code < code)),
            ),
        ),
    )


def _count_before(session: Session, quarter: str, score: int, code: str) -> int:
    found = session.scalar(select(func.count()).where(_outscored_by_unplaced(quarter, score, code)))
    return int(found or 0)


def ids_on_page(session: Session, quarter: str, first: int, count: int) -> list[int]:
    """The ids at positions ``first`` + 1 … ``first`` + ``count`` of the list."""
    placed = _placed(session, quarter)
    ids = [p.id for p in placed[first : first + count]]
    rest = count - len(ids)
    if rest > 0:
        ids += session.scalars(
            select(_ITEM.id)
            .where(_ITEM.quarter == quarter, _ITEM.manual_rank.is_(None))
            .order_by(_ITEM.score.desc(), func.length(_ITEM.code), _ITEM.code)
            .offset(max(first - len(placed), 0))
            .limit(rest)
        )
    return ids


def position_of(session: Session, quarter: str, item_id: int) -> int | None:
    """The item's place (1 first) in ``quarter``'s list; None when it is not in it."""
    found = session.execute(
        select(_ITEM.manual_rank, _ITEM.score, _ITEM.code).where(
            _ITEM.id == item_id, _ITEM.quarter == quarter
        )
    ).one_or_none()
    if found is None:
        return None
    rank, score, code = found
    placed = _placed(session, quarter)
    if rank is not None:
        return [p.id for p in placed].index(item_id) + 1
    return len(placed) + 1 + _count_before(session, quarter, score, code)


def page(session: Session, quarter: str, first: int, count: int) -> tuple[ImprovementRow, ...]:
    """The rows at positions ``first`` + 1 … ``first`` + ``count``, each with its score's
    parts, where it was carried from, and whether it changed after a freeze."""
    placed = _placed(session, quarter)
    ids = ids_on_page(session, quarter, first, count)
    if not ids:
        return ()
    owner = aliased(Person)
    columns = _ITEM.__table__.c
    read: dict[int, tuple[Any, ...]] = {
        row[0]: tuple(row)
        for row in session.execute(
            select(*(columns[name] for name in _COLUMNS), owner.name)
            .outerjoin(owner, owner.id == columns.owner_id)
            .where(columns.id.in_(ids))
        )
    }
    parts = parts_of_items(session, ids)
    carried = carried_of(session, None, ids)
    touched = changed_after_freeze(session, quarter)
    keys = [_key(p.score, p.code) for p in placed]
    rows = []
    for position, item_id in enumerate(ids, first + 1):
        item = read[item_id]
        score, code = int(item[11]), str(item[1])
        key = _key(score, code)
        outscoring = sum(1 for k in keys if k < key)
        if item[9] is None:
            proposed = position - len(placed) + outscoring
        else:
            proposed = 1 + outscoring + _count_before(session, quarter, score, code)
        rows.append(_row(item, position, proposed, parts.get(item_id), carried, item_id in touched))
    return tuple(rows)


def rows_of_quarter(session: Session, quarter: str) -> QuarterListView:
    """The quarter's whole list in the order shown (for writes that reorder it, and
    readers that want every row)."""
    found = head(session, quarter)
    return QuarterListView(
        quarter, page(session, quarter, 0, found.count), found.frozen_at, found.frozen_by
    )


def _row(
    item: tuple[Any, ...],
    position: int,
    proposed: int,
    part: Any,
    carried: dict[int, Carried],
    touched: bool,
) -> ImprovementRow:
    values = dict(zip(_COLUMNS, item, strict=False))
    basis, linked = part if part is not None else (None, 0)
    return ImprovementRow(
        **{k: v for k, v in values.items() if k != "score"},
        owner=item[-1],
        position=position,
        proposed_position=proposed,
        score=values["score"],
        frequency=basis.frequency if basis else None,
        weight=basis.weight if basis else 0,
        impact=basis.impact if basis else 0,
        basis_code=basis.problem_code if basis else None,
        problem_count=linked,
        carried=carried.get(values["id"], Carried()),
        changed_after_freeze=touched,
    )
