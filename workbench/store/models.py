"""Typed SQLAlchemy models of the improvement record: Problem → Cause → Solution → Result,
its lookups, attachments and the audit chain. The quarterly improvement list's, the
pilots' and the training records' models live beside it (improvement_models,
pilot_models, training_models), imported at its end.

Enumerated values are stored as short English strings (see workbench.services.vocabulary);
labels shown to users come from the UI's translations, so the data stays language-neutral.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from workbench.store.list_sql import frequency_rank, not_closed_condition

if TYPE_CHECKING:  # imported at the end, once Base and the record's models exist
    from workbench.store.training_models import TrainingLink

# Every record table keyed by an integer id: SQLite's AUTOINCREMENT, so the id of a deleted row
# (even the newest) is never handed out again, and an old audit entry never comes to mean
# another record. PostgreSQL's SERIAL ids never go back anyway. Migration 0002 gave it to
# the tables of databases made before.
NEVER_REUSED: dict[str, Any] = {"sqlite_autoincrement": True}

# Migration 0007: each sort key of the Problems list, over the problems not closed only
# (the list's default), with the status so the filter is read from the index; and the
# rank frequency sorts by (see workbench.store.list_sql).
_NOT_CLOSED: dict[str, Any] = {
    "sqlite_where": text(not_closed_condition()),
    "postgresql_where": text(not_closed_condition()),
}
_NOT_CLOSED_KEYS: tuple[tuple[str, Any], ...] = (
    ("title", "title"),
    ("status", "status"),
    ("module", "erp_module_id"),
    ("site", "site_id"),
    ("department", "department_id"),
    ("severity", "severity"),
    ("impact", "impact"),
    ("frequency", text(frequency_rank())),
    ("owner", "owner_id"),
    ("reported_on", "reported_on"),
)


def _list_indexes() -> tuple[Index, ...]:
    indexes = [Index("ix_problem_not_closed_code", "code", "status", **_NOT_CLOSED)]
    for name, key in _NOT_CLOSED_KEYS:
        columns = ("id",) if key == "status" else ("id", "status")
        indexes.append(Index(f"ix_problem_not_closed_{name}", key, *columns, **_NOT_CLOSED))
    indexes.append(Index("ix_problem_frequency", text(frequency_rank()), "id"))
    return tuple(indexes)


class Base(DeclarativeBase):
    """Declarative base; ``__audited__`` marks tables whose changes go to the audit chain.

    ``__unaudited_columns__`` are columns the chain leaves out (a file's content: the
    chain keeps its size and SHA-256 instead); ``__digests__`` pairs such a column with the
    audited column holding its SHA-256, which ``workbench check`` recomputes."""

    __audited__ = True
    __unaudited_columns__: ClassVar[frozenset[str]] = frozenset()
    __digests__: ClassVar[tuple[tuple[str, str], ...]] = ()
    if TYPE_CHECKING:  # every model here is a plain table (DeclarativeBase says FromClause)
        __table__: ClassVar[Table]


class CodeSequence(Base):
    """Last number handed out per code prefix, e.g. ``P-2026`` → 17 gives P-2026-0018.

    Keyed by the prefix text, so there is no id to reuse (and SQLite allows AUTOINCREMENT
    only on an INTEGER PRIMARY KEY)."""

    __tablename__ = "code_sequence"

    prefix: Mapped[str] = mapped_column(String(20), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Site(Base):
    __tablename__ = "site"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))


class Department(Base):
    __tablename__ = "department"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class Person(Base):
    __tablename__ = "person"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    role: Mapped[str | None] = mapped_column(String(30))
    # The day the person left the plant (migration 0010); None: still here. Someone who
    # left keeps their history but counts in no department's training coverage.
    left_on: Mapped[dt.date | None] = mapped_column(Date)


class ErpModule(Base):
    """An entry of the editable ERP module list (采购, 库存, 销售 …)."""

    __tablename__ = "erp_module"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Problem(Base):
    __tablename__ = "problem"
    __table_args__ = (
        Index("ix_problem_status_code", "status", "code"),
        Index("ix_problem_module_code", "erp_module_id", "code"),
        Index("ix_problem_site_code", "site_id", "code"),
        Index("ix_problem_reported_on", "reported_on", "id"),
        Index("ix_problem_severity", "severity", "id"),
        Index("ix_problem_title", "title"),
        # Migration 0003: the list's other sortable columns and its owner/department filters.
        Index("ix_problem_department", "department_id", "id"),
        Index("ix_problem_department_code", "department_id", "code"),
        Index("ix_problem_owner", "owner_id", "id"),
        Index("ix_problem_owner_code", "owner_id", "code"),
        Index("ix_problem_impact", "impact", "id"),
        Index("ix_problem_code_status", "code", "status"),
        # Migration 0015: the Dashboard's problems closed per month.
        Index("ix_problem_closed_on", "closed_on"),
        *_list_indexes(),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    erp_module_id: Mapped[int | None] = mapped_column(ForeignKey("erp_module.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    hidden_cost: Mapped[str | None] = mapped_column(String(30))
    severity: Mapped[int] = mapped_column(Integer, default=3)
    frequency: Mapped[str] = mapped_column(String(20), default="weekly")
    impact: Mapped[int] = mapped_column(Integer, default=3)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    reported_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    tags: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # When the problem came in from a spreadsheet (migration 0013); None: entered here.
    # An imported problem's status is the sheet's history (closed without a verified result).
    imported_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    causes: Mapped[list[Cause]] = relationship(
        back_populates="problem", cascade="all, delete-orphan", order_by="Cause.id"
    )
    status_changes: Mapped[list[StatusChange]] = relationship(
        back_populates="problem", cascade="all, delete-orphan", order_by="StatusChange.id"
    )
    # Deleting a problem unlinks it from improvement items, each unlink audited.
    improvement_links: Mapped[list[ImprovementLink]] = relationship(
        back_populates="problem", cascade="all, delete-orphan", order_by="ImprovementLink.id"
    )
    # Deleting a problem unlinks it from the training sessions that address it, audited.
    training_links: Mapped[list[TrainingLink]] = relationship(
        back_populates="problem", cascade="all, delete-orphan", order_by="TrainingLink.id"
    )


class Cause(Base):
    __tablename__ = "cause"
    # Migration 0015: the Dashboard's problems per cause category, read from the index.
    __table_args__ = (Index("ix_cause_category", "category", "problem_id"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problem.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(30))
    is_root: Mapped[bool] = mapped_column(Boolean, default=False)
    evidence: Mapped[str] = mapped_column(Text, default="")
    verified: Mapped[bool] = mapped_column(Boolean, default=False)

    problem: Mapped[Problem] = relationship(back_populates="causes")
    whys: Mapped[list[CauseWhy]] = relationship(
        back_populates="cause", cascade="all, delete-orphan", order_by="CauseWhy.position"
    )
    solutions: Mapped[list[Solution]] = relationship(
        back_populates="cause", cascade="all, delete-orphan", order_by="Solution.id"
    )


class CauseWhy(Base):
    """One step of a cause's 5-why chain; ``position`` 1 is the first why."""

    __tablename__ = "cause_why"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    cause_id: Mapped[int] = mapped_column(ForeignKey("cause.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    cause: Mapped[Cause] = relationship(back_populates="whys")


class Solution(Base):
    __tablename__ = "solution"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    cause_id: Mapped[int] = mapped_column(ForeignKey("cause.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="corrective")
    governance_path: Mapped[str | None] = mapped_column(String(30))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    done_on: Mapped[dt.date | None] = mapped_column(Date)

    cause: Mapped[Cause] = relationship(back_populates="solutions")
    results: Mapped[list[Result]] = relationship(
        back_populates="solution", cascade="all, delete-orphan", order_by="Result.id"
    )
    training_links: Mapped[list[TrainingLink]] = relationship(
        back_populates="solution", cascade="all, delete-orphan", order_by="TrainingLink.id"
    )


class Result(Base):
    __tablename__ = "result"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    solution_id: Mapped[int] = mapped_column(
        ForeignKey("solution.id", ondelete="CASCADE"), index=True
    )
    metric: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(20), default="")
    direction: Mapped[str] = mapped_column(String(10), default="lower")
    # A number keeps the decimals it was typed with beside it ("2.0" is 2.0 and 1); NULL:
    # not known (stored before migration 0006). See workbench.services.numbers.
    baseline_value: Mapped[float] = mapped_column(Float, info={"decimals": "baseline_decimals"})
    baseline_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    baseline_on: Mapped[dt.date | None] = mapped_column(Date)
    value_after: Mapped[float | None] = mapped_column(Float, info={"decimals": "after_decimals"})
    after_decimals: Mapped[int | None] = mapped_column(SmallInteger)
    measured_on: Mapped[dt.date | None] = mapped_column(Date)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    verified_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    solution: Mapped[Solution] = relationship(back_populates="results")


class StatusChange(Base):
    """One change of a problem's status: from what to what, why (a reject or a reopen
    must say), by whom and when. Added by migration 0003; older changes are only in the
    audit chain."""

    __tablename__ = "status_change"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problem.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)

    problem: Mapped[Problem] = relationship(back_populates="status_changes")


class TeamSetting(Base):
    """A rule the whole team shares, kept in the database and audited like any record
    (e.g. ``four_eyes`` relaxed for a one-person plant); one row per key."""

    __tablename__ = "team_setting"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(50), unique=True)
    value: Mapped[str] = mapped_column(String(200))


# The record kinds that take attachments (Attachment.owner_kind); a knowledge entry's
# are the images in its body (migration 0012).
ATTACHMENT_OWNERS = ("problem", "cause", "result", "knowledge_entry")


class Attachment(Base):
    """A file kept with a problem, cause or result as evidence (an ERP error screen, a
    盘点表): its bytes live in the database, so they are audited (by size and SHA-256, not
    the bytes), backed up and checked with everything else. Added by migration 0005.

    The owner is (``owner_kind``, ``owner_id``), a kind in ATTACHMENT_OWNERS; deleting
    the owner deletes its attachments (workbench.store.attachments)."""

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_owner", "owner_kind", "owner_id"), NEVER_REUSED)
    __unaudited_columns__ = frozenset({"content"})
    __digests__ = (("content", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(20))
    owner_id: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # Deferred: listing attachments never reads their bytes.
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)


class RemovedContent(Base):
    """The bytes of a removed attachment, kept so that undoing the removal (or the
    deletion of its owner) brings the file back; the attachment's audit entries keep its
    SHA-256, which the bytes must match to come back. Dropped after a while
    (workbench.store.attachments.KEEP_REMOVED)."""

    __tablename__ = "removed_content"
    __audited__ = False

    attachment_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    removed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """One change, chained to the previous entry by ``prev_hash`` so that edits made
    to the file behind the program's back are detected (workbench.store.audit)."""

    __tablename__ = "audit_entry"
    __audited__ = False
    # No AUTOINCREMENT: an entry's id is the chain's own (the previous head + 1, given by
    # workbench.store.audit.append), and a tail cut off is found against the anchor.
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(10))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(50))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# The improvement list's, pilots' and training's tables (migrations 0008–0010) are kept in
# modules of their own; importing them here registers them with Base wherever the models
# are used (migrations, check, undo).
from workbench.store.improvement_models import (  # noqa: E402, F401
    ImprovementItem,
    ImprovementLink,
    QuarterList,
)
from workbench.store.knowledge_models import (  # noqa: E402, F401
    KnowledgeEntry,
    KnowledgeLink,
    KnowledgeView,
    KnowledgeVote,
    SearchMiss,
)
from workbench.store.kpi_models import (  # noqa: E402, F401
    Kpi,
    KpiAlert,
    KpiAlertBreach,
    KpiMeasurement,
    ResultKpi,
)
from workbench.store.pilot_models import Pilot, PilotRollout, PilotRound  # noqa: E402, F401
from workbench.store.training_models import (  # noqa: E402, F401
    Attendance,
    TrainingLink,
    TrainingSession,
)
