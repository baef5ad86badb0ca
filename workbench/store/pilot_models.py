"""Typed models of the pilot-iteration logs (试点迭代): Pilot → PilotRound, PilotRollout.

A pilot tests a hypothesis (设计假设) on one business line, region or plant in rounds of
about two weeks, against a success criterion: a metric, a threshold and a direction, on
one figure of its rounds (``criterion_measure`` is that figure's column name in
``pilot_round``). Each round records what was changed, the satisfaction survey
(用户满意度调研) and the process duration statistics (流程耗时统计) before and after, in
hours; an adopted pilot tracks its roll-out to other lines and sites. Added by migration
0009; every number keeps the decimals it was typed with (workbench.services.numbers).

These models live beside workbench.store.models (which imports this module at its end,
so they are registered with ``Base`` wherever the models are used).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.store.models import NEVER_REUSED, Base

# The usual length of a round (2周/轮), in days.
ROUND_DAYS = 14


def _number(decimals: str) -> Any:
    """A measured figure, empty until measured; the column named ``decimals`` keeps the
    decimals it was typed with."""
    return mapped_column(Float, info={"decimals": decimals})


class Pilot(Base):
    """A small trial (试点) testing a hypothesis on one business line, region or plant."""

    __tablename__ = "pilot"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(String(200))  # the business line or region, 华东区销售
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    erp_module_id: Mapped[int | None] = mapped_column(ForeignKey("erp_module.id"))
    hypothesis: Mapped[str] = mapped_column(Text)
    criterion_metric: Mapped[str] = mapped_column(String(100))
    criterion_measure: Mapped[str] = mapped_column(String(30), default="satisfaction_mean")
    criterion_direction: Mapped[str] = mapped_column(String(10), default="higher")
    criterion_threshold: Mapped[float] = mapped_column(
        Float, info={"decimals": "criterion_threshold_decimals"}
    )
    criterion_threshold_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    round_days: Mapped[int] = mapped_column(Integer, default=ROUND_DAYS)
    baseline_median: Mapped[float | None] = _number("baseline_median_decimals")
    baseline_median_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    baseline_p90: Mapped[float | None] = _number("baseline_p90_decimals")
    baseline_p90_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    status: Mapped[str] = mapped_column(String(20), default="running")
    started_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    rounds: Mapped[list[PilotRound]] = relationship(
        back_populates="pilot", cascade="all, delete-orphan", order_by="PilotRound.number"
    )
    rollouts: Mapped[list[PilotRollout]] = relationship(
        back_populates="pilot", cascade="all, delete-orphan", order_by="PilotRollout.id"
    )


class PilotRound(Base):
    """One round (试点迭代, about two weeks) of a pilot: what changed, what was measured,
    what was found and decided. ``dates_fixed``: its dates were set by hand, so changing
    the pilot's round length does not move them."""

    __tablename__ = "pilot_round"
    __table_args__ = (UniqueConstraint("pilot_id", "number"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    dates_fixed: Mapped[bool] = mapped_column(Boolean, default=False)
    changes: Mapped[str] = mapped_column(Text, default="")
    satisfaction_mean: Mapped[float | None] = _number("satisfaction_mean_decimals")
    satisfaction_mean_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    satisfaction_respondents: Mapped[int | None] = mapped_column(Integer)
    satisfaction_spread: Mapped[float | None] = _number("satisfaction_spread_decimals")
    satisfaction_spread_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    duration_before_median: Mapped[float | None] = _number("duration_before_median_decimals")
    duration_before_median_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    duration_before_p90: Mapped[float | None] = _number("duration_before_p90_decimals")
    duration_before_p90_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    duration_after_median: Mapped[float | None] = _number("duration_after_median_decimals")
    duration_after_median_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    duration_after_p90: Mapped[float | None] = _number("duration_after_p90_decimals")
    duration_after_p90_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    findings: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str | None] = mapped_column(String(20))

    pilot: Mapped[Pilot] = relationship(back_populates="rounds")


class PilotRollout(Base):
    """The roll-out of an adopted pilot to another business line or site (推广)."""

    __tablename__ = "pilot_rollout"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    target: Mapped[str] = mapped_column(String(200))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    planned_on: Mapped[dt.date | None] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    note: Mapped[str] = mapped_column(Text, default="")

    pilot: Mapped[Pilot] = relationship(back_populates="rollouts")
