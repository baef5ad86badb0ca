"""Typed models of the KPIs (KPI 指标) and what hangs on them: a KPI's measurements per
period and site or department, the exception alerts (异常预警) that open a ticket (a
Problem, whose source is the alert), the measurements each alert was raised by, and the
link of a Result to a KPI series (a computed effect). Added by migration 0011.

A KPI the articles name (数据准确率 …) keeps its vocabulary key in ``preset`` and an empty
``name``, so it reads in the user's language; typing a name makes it the user's own.
Thresholds and values keep the decimals they were typed with (workbench.services.numbers).
These models live beside workbench.store.models, which imports this module at its end.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.store.models import NEVER_REUSED, Base


class Kpi(Base):
    """A KPI: what is measured, which way is better, the target and the warning and alarm
    thresholds, how often (monthly by default), who owns it and in which ERP module."""

    __tablename__ = "kpi"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    preset: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100), default="")
    unit: Mapped[str] = mapped_column(String(20), default="")
    direction: Mapped[str] = mapped_column(String(10), default="higher")
    target: Mapped[float] = mapped_column(Float, info={"decimals": "target_decimals"})
    target_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    warning: Mapped[float | None] = mapped_column(Float, info={"decimals": "warning_decimals"})
    warning_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    alarm: Mapped[float | None] = mapped_column(Float, info={"decimals": "alarm_decimals"})
    alarm_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    period: Mapped[str] = mapped_column(String(10), default="monthly")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    erp_module_id: Mapped[int | None] = mapped_column(ForeignKey("erp_module.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    measurements: Mapped[list[KpiMeasurement]] = relationship(
        back_populates="kpi", cascade="all, delete-orphan", order_by="KpiMeasurement.id"
    )


class KpiMeasurement(Base):
    """A KPI's value for one period ("2026-03") at a site or in a department (neither:
    the whole plant); one per KPI, period and place."""

    __tablename__ = "kpi_measurement"
    __table_args__ = (
        Index("ix_kpi_measurement_series", "kpi_id", "period", "site_id", "department_id"),
        Index("ix_kpi_measurement_period", "period", "kpi_id"),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kpi_id: Mapped[int] = mapped_column(ForeignKey("kpi.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(10))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    value: Mapped[float] = mapped_column(Float, info={"decimals": "value_decimals"})
    value_decimals: Mapped[int | None] = mapped_column(SmallInteger)

    kpi: Mapped[Kpi] = relationship(back_populates="measurements")


class KpiAlert(Base):
    """An exception alert on one KPI series (KPI and place) and its ticket, a Problem:
    open from the first breach while it lasts (later breaches are added to it), proposed
    for closing once the series is back in range for the team's number of periods."""

    __tablename__ = "kpi_alert"
    __table_args__ = (
        Index("ix_kpi_alert_series", "kpi_id", "site_id", "department_id", "status"),
        Index("ix_kpi_alert_problem", "problem_id"),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kpi_id: Mapped[int] = mapped_column(ForeignKey("kpi.id", ondelete="CASCADE"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    problem_id: Mapped[int | None] = mapped_column(ForeignKey("problem.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="open")
    opened_period: Mapped[str] = mapped_column(String(10))
    last_breach_period: Mapped[str] = mapped_column(String(10))
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime)

    breaches: Mapped[list[KpiAlertBreach]] = relationship(
        back_populates="alert", cascade="all, delete-orphan", order_by="KpiAlertBreach.id"
    )


class KpiAlertBreach(Base):
    """A measurement out of range that an alert was raised or extended by."""

    __tablename__ = "kpi_alert_breach"
    __table_args__ = (
        Index("ix_kpi_alert_breach_alert", "alert_id"),
        Index("ix_kpi_alert_breach_measurement", "measurement_id"),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("kpi_alert.id", ondelete="CASCADE"))
    measurement_id: Mapped[int] = mapped_column(
        ForeignKey("kpi_measurement.id", ondelete="CASCADE")
    )
    level: Mapped[str] = mapped_column(String(10))

    alert: Mapped[KpiAlert] = relationship(back_populates="breaches")


class ResultKpi(Base):
    """A Result measured by a KPI series instead of typed numbers: the baseline is the
    mean of the periods from ``baseline_from`` to ``baseline_to``, the value after the
    mean of the periods from ``after_from`` on (workbench.analysis.kpi_rules)."""

    __tablename__ = "result_kpi"
    __table_args__ = (
        Index("ix_result_kpi_result", "result_id", unique=True),
        Index("ix_result_kpi_kpi", "kpi_id"),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("result.id", ondelete="CASCADE"))
    kpi_id: Mapped[int] = mapped_column(ForeignKey("kpi.id", ondelete="CASCADE"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    baseline_from: Mapped[str] = mapped_column(String(10))
    baseline_to: Mapped[str] = mapped_column(String(10))
    after_from: Mapped[str] = mapped_column(String(10))
