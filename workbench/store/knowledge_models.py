"""Typed models of the knowledge base (使用冠军的技巧与常见问题): a KnowledgeEntry (a tip or
an FAQ) with its KnowledgeLinks to problems, causes, solutions and training sessions, the
"was this helpful?" KnowledgeVotes, the view counts and the list of searches that found
nothing. Added by migration 0012.

Views and misses are not audited: they are feedback for champions, not the record, and
counting each opened entry in the chain would grow it with every look. They live in the
database (not in a per-user file) so that every champion working on the file sees what
everyone searched for in vain; they name no person. A view count is keyed by the entry's
id without a foreign key, so deleting an entry and undoing it brings its count back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.store.models import NEVER_REUSED, Base


class KnowledgeEntry(Base):
    """A tip (an efficient way of working) or an FAQ (a question people keep asking and
    its answer), its body in Markdown; draft → published → outdated."""

    __tablename__ = "knowledge_entry"
    __table_args__ = (
        Index("ix_knowledge_entry_updated", "updated_at", "id"),
        Index("ix_knowledge_entry_module", "erp_module_id", "id"),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), default="tip")
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    erp_module_id: Mapped[int | None] = mapped_column(ForeignKey("erp_module.id"))
    tags: Mapped[str] = mapped_column(String(200), default="")
    author: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    links: Mapped[list[KnowledgeLink]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="KnowledgeLink.id"
    )
    votes: Mapped[list[KnowledgeVote]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="KnowledgeVote.id"
    )


class KnowledgeLink(Base):
    """An entry relates to one problem, cause, solution or training session."""

    __tablename__ = "knowledge_link"
    __table_args__ = (
        Index("ix_knowledge_link_entry", "entry_id"),
        Index("ix_knowledge_link_problem", "problem_id"),
        Index("ix_knowledge_link_cause", "cause_id"),
        Index("ix_knowledge_link_solution", "solution_id"),
        Index("ix_knowledge_link_session", "session_id"),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("knowledge_entry.id", ondelete="CASCADE"))
    problem_id: Mapped[int | None] = mapped_column(ForeignKey("problem.id", ondelete="CASCADE"))
    cause_id: Mapped[int | None] = mapped_column(ForeignKey("cause.id", ondelete="CASCADE"))
    solution_id: Mapped[int | None] = mapped_column(ForeignKey("solution.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_session.id", ondelete="CASCADE")
    )

    entry: Mapped[KnowledgeEntry] = relationship(back_populates="links")


class KnowledgeVote(Base):
    """One person's "was this helpful?" answer on an entry (one per person, changeable)."""

    __tablename__ = "knowledge_vote"
    __table_args__ = (
        Index("ix_knowledge_vote_pair", "entry_id", "voter", unique=True),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("knowledge_entry.id", ondelete="CASCADE"))
    voter: Mapped[str] = mapped_column(String(100))
    helpful: Mapped[bool] = mapped_column(Boolean)

    entry: Mapped[KnowledgeEntry] = relationship(back_populates="votes")


class KnowledgeView(Base):
    """How often an entry was opened (not audited; see the module's docstring)."""

    __tablename__ = "knowledge_view"
    __audited__ = False

    entry_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    views: Mapped[int] = mapped_column(Integer, default=0)


class SearchMiss(Base):
    """A search that found nothing: its words (trimmed, case folded), how often, when
    last (not audited; see the module's docstring)."""

    __tablename__ = "search_miss"
    __audited__ = False

    query: Mapped[str] = mapped_column(String(200), primary_key=True)
    times: Mapped[int] = mapped_column(Integer, default=1)
    last_at: Mapped[dt.datetime] = mapped_column(DateTime)
