"""knowledge base (tips and FAQs) and one full-text index for the search box

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-02 01:00:00

New tables, nothing rebuilt: ``knowledge_entry`` (a usage champion's tip or FAQ, its
body in Markdown, module, tags, author, status draft → published → outdated),
``knowledge_link`` (the problems, causes, solutions and training sessions an entry
relates to), ``knowledge_vote`` ("was this helpful?", one per person), and, unaudited,
``knowledge_view`` (view counts) and ``search_miss`` (searches that found nothing).

On SQLite it adds the search index (workbench.store.search_docs): ``search_text``
(FTS5, trigram), ``search_gram`` (FTS5 over 2-character pieces, for 1–2 character
queries), their triggers on every searched table, and indexes what is already there.
PostgreSQL searches its tables directly (ILIKE) and gets no index tables.
"""

import sqlalchemy as sa
from alembic import op

from workbench.store.search_docs import (
    DOCS,
    DROP,
    FILL_GRAMS,
    SCHEMA,
    drop_triggers,
    fill,
    triggers,
)

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    op.create_table(
        "knowledge_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("erp_module_id", sa.Integer(), nullable=True),
        sa.Column("tags", sa.String(length=200), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["erp_module_id"], ["erp_module.id"]),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_knowledge_entry_updated", "knowledge_entry", ["updated_at", "id"])
    op.create_index("ix_knowledge_entry_module", "knowledge_entry", ["erp_module_id", "id"])
    op.create_table(
        "knowledge_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=True),
        sa.Column("cause_id", sa.Integer(), nullable=True),
        sa.Column("solution_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["entry_id"], ["knowledge_entry.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["problem_id"], ["problem.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["cause_id"], ["cause.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["solution_id"], ["solution.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["training_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    for column in ("entry", "problem", "cause", "solution", "session"):
        op.create_index(f"ix_knowledge_link_{column}", "knowledge_link", [f"{column}_id"])
    op.create_table(
        "knowledge_vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("voter", sa.String(length=100), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["knowledge_entry.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_knowledge_vote_pair", "knowledge_vote", ["entry_id", "voter"], unique=True)
    op.create_table(
        "knowledge_view",
        sa.Column("entry_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entry_id"),
    )
    op.create_table(
        "search_miss",
        sa.Column("query", sa.String(length=200), nullable=False),
        sa.Column("times", sa.Integer(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("query"),
    )
    if _sqlite():
        for statement in SCHEMA:
            op.execute(statement)
        for doc in DOCS:
            op.execute(fill(doc))
            for trigger in triggers(doc):
                op.execute(trigger)
        op.execute(FILL_GRAMS)


def downgrade() -> None:
    if _sqlite():
        for doc in DOCS:
            for statement in drop_triggers(doc):
                op.execute(statement)
        for statement in DROP:
            op.execute(statement)
    op.drop_table("search_miss")
    op.drop_table("knowledge_view")
    op.drop_index("ix_knowledge_vote_pair", table_name="knowledge_vote")
    op.drop_table("knowledge_vote")
    for column in ("entry", "problem", "cause", "solution", "session"):
        op.drop_index(f"ix_knowledge_link_{column}", table_name="knowledge_link")
    op.drop_table("knowledge_link")
    op.drop_index("ix_knowledge_entry_module", table_name="knowledge_entry")
    op.drop_index("ix_knowledge_entry_updated", table_name="knowledge_entry")
    op.drop_table("knowledge_entry")
