"""The manager's order of a quarter's list, written as the ranks it needs.

Moving an item gives it, and any unplaced item that would then stand before it, a place
(``manual_rank``) between its new neighbours' (workbench.services.ranking.placed_ranks);
every other item keeps its rank, so a move usually writes one field, audited like any
edit (after a freeze, it shows as a post-freeze change).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.services.improvement_records import QuarterListView
from workbench.services.ranking import placed_ranks
from workbench.store.models import ImprovementItem


def reorder(session: Session, view: QuarterListView, item_id: int, position: int) -> None:
    """Write the ranks that put ``item_id`` at ``position`` (1 first) of ``view``."""
    order = [row.id for row in view.rows if row.id != item_id]
    order.insert(position - 1, item_id)
    ranks = {row.id: row.manual_rank for row in view.rows}
    changes = placed_ranks(order, ranks, item_id)
    if not changes:
        return
    items = session.scalars(select(ImprovementItem).where(ImprovementItem.id.in_(list(changes))))
    for item in items:
        item.manual_rank = changes[item.id]
