"""Typed models of the training records (培训记录): TrainingSession → Attendance, and
TrainingLink to the problems or solutions a session addresses.

A session is an on-site drill, a class, a manual update, a video tutorial or online help
on one ERP module; an attendance keeps the department its person was in that day and an
assessment score (0–100) with the decimals it was typed with. Added by migration 0010.

These models live beside workbench.store.models (which imports this module at its end,
so they are registered with ``Base`` wherever the models are used).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.store.models import NEVER_REUSED, Base

if TYPE_CHECKING:
    from workbench.store.models import Problem, Solution


class TrainingSession(Base):
    """One training (培训): an on-site drill, a class, a manual update, a video tutorial or
    online help, on one ERP module, held on a day by a trainer. Added by migration 0010."""

    __tablename__ = "training_session"
    __table_args__ = (
        Index("ix_training_session_held_on", "held_on", "id"),
        Index("ix_training_session_module", "erp_module_id", "held_on"),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="class")
    topic: Mapped[str] = mapped_column(String(200))
    erp_module_id: Mapped[int | None] = mapped_column(ForeignKey("erp_module.id"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    trainer_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    duration_hours: Mapped[float | None] = mapped_column(
        Float, info={"decimals": "duration_decimals"}
    )
    duration_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    material_link: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="Attendance.id"
    )
    links: Mapped[list[TrainingLink]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="TrainingLink.id"
    )


class Attendance(Base):
    """A person at a training session, with the department they were in that day (so a
    later move does not rewrite history) and their assessment score, 0–100, if any."""

    __tablename__ = "attendance"
    __table_args__ = (
        Index("ix_attendance_pair", "session_id", "person_id", unique=True),
        Index("ix_attendance_person", "person_id", "session_id"),
        Index("ix_attendance_department", "department_id", "session_id"),
        # A year's sessions list their attendees' count and average score from it alone.
        Index("ix_attendance_session_score", "session_id", "score"),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    score: Mapped[float | None] = mapped_column(Float, info={"decimals": "score_decimals"})
    score_decimals: Mapped[int | None] = mapped_column(SmallInteger)

    session: Mapped[TrainingSession] = relationship(back_populates="attendances")


class TrainingLink(Base):
    """A training session addresses a problem or a solution (exactly one of the two)."""

    __tablename__ = "training_link"
    __table_args__ = (
        Index("ix_training_link_session", "session_id"),
        Index("ix_training_link_problem", "problem_id"),
        Index("ix_training_link_solution", "solution_id"),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id", ondelete="CASCADE"))
    problem_id: Mapped[int | None] = mapped_column(ForeignKey("problem.id", ondelete="CASCADE"))
    solution_id: Mapped[int | None] = mapped_column(ForeignKey("solution.id", ondelete="CASCADE"))

    session: Mapped[TrainingSession] = relationship(back_populates="links")
    problem: Mapped[Problem | None] = relationship(back_populates="training_links")
    solution: Mapped[Solution | None] = relationship(back_populates="training_links")
