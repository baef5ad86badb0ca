"""Typed models of the quarterly improvement list (季度优化清单): ImprovementItem →
ImprovementLink (the problems it addresses), and QuarterList (a quarter frozen).

Added by migration 0008. These models live beside workbench.store.models (which imports
this module at its end, so they are registered with ``Base`` wherever the models are
used).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.store.models import NEVER_REUSED, Base

if TYPE_CHECKING:
    from workbench.store.models import Problem


class ImprovementItem(Base):
    """One entry of a quarter's improvement list (季度优化清单): what the team commits to
    improve, for which problems, by whom, to what target. ``manual_rank`` is the place the
    manager gave it (None: ranked by the proposed score); ``carried_from_id`` the item of
    an earlier quarter it continues. Added by migration 0008."""

    __tablename__ = "improvement_item"
    __table_args__ = (
        Index("ix_improvement_item_quarter", "quarter", "code"),
        Index("ix_improvement_item_carried_from", "carried_from_id"),
        # A quarter's list in order (migration 0014): placed items by their rank, the
        # rest by score, each page read on this index.
        Index("ix_improvement_item_order", "quarter", "manual_rank", "score", "code"),
        NEVER_REUSED,
    )
    # Derived from the linked problems, never typed (workbench.store.improvement_scores).
    __unaudited_columns__ = frozenset({"score"})

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    quarter: Mapped[str] = mapped_column(String(6))
    title: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    target_metric: Mapped[str] = mapped_column(String(100), default="")
    target_value: Mapped[float | None] = mapped_column(Float, info={"decimals": "target_decimals"})
    target_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    target_unit: Mapped[str] = mapped_column(String(20), default="")
    target_by: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    manual_rank: Mapped[int | None] = mapped_column(Integer)
    # The largest frequency weight × impact of its problems (workbench.services.ranking).
    score: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("improvement_item.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    links: Mapped[list[ImprovementLink]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="ImprovementLink.id"
    )


class ImprovementLink(Base):
    """An improvement item addresses a problem; an item links one or more."""

    __tablename__ = "improvement_item_problem"
    __table_args__ = (
        Index("ix_improvement_item_problem_pair", "item_id", "problem_id", unique=True),
        Index("ix_improvement_item_problem_problem", "problem_id"),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("improvement_item.id", ondelete="CASCADE"))
    problem_id: Mapped[int] = mapped_column(ForeignKey("problem.id", ondelete="CASCADE"))

    item: Mapped[ImprovementItem] = relationship(back_populates="links")
    problem: Mapped[Problem] = relationship(back_populates="improvement_links")


class QuarterList(Base):
    """A quarter's list as a whole: frozen (committed) at ``frozen_at`` by ``frozen_by``,
    after which every edit of its items is shown as a post-freeze change."""

    __tablename__ = "quarter_list"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    quarter: Mapped[str] = mapped_column(String(6), unique=True)
    frozen_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    frozen_by: Mapped[str | None] = mapped_column(String(100))
