"""the quarterly improvement list: items, their problems, frozen quarters

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 10:00:00

Three new tables, nothing rebuilt: ``improvement_item`` holds what the team commits to
improve in a quarter (季度优化清单), with its owner, target (its value keeping the
decimals it was typed with, as 0006 gave results), status, decision note, the
place the manager gave it and the item of an earlier quarter it was carried from;
``improvement_item_problem`` links an item to the problems it addresses;
``quarter_list`` says when a quarter's list was frozen and by whom. All use
AUTOINCREMENT, as 0002 gave the other record tables. A quarter's list is read on the
(quarter, code) index, so listing 10,000 items of one quarter reads only those.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "improvement_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("quarter", sa.String(length=6), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("target_metric", sa.String(length=100), nullable=False),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_decimals", sa.SmallInteger(), nullable=True),
        sa.Column("target_unit", sa.String(length=20), nullable=False),
        sa.Column("target_by", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("manual_rank", sa.Integer(), nullable=True),
        sa.Column("carried_from_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["carried_from_id"], ["improvement_item.id"]),
        sa.ForeignKeyConstraint(["owner_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_improvement_item_quarter", "improvement_item", ["quarter", "code"])
    op.create_index("ix_improvement_item_carried_from", "improvement_item", ["carried_from_id"])
    op.create_table(
        "improvement_item_problem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["improvement_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["problem_id"], ["problem.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_improvement_item_problem_pair",
        "improvement_item_problem",
        ["item_id", "problem_id"],
        unique=True,
    )
    op.create_index(
        "ix_improvement_item_problem_problem", "improvement_item_problem", ["problem_id"]
    )
    op.create_table(
        "quarter_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.String(length=6), nullable=False),
        sa.Column("frozen_at", sa.DateTime(), nullable=True),
        sa.Column("frozen_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("quarter"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("quarter_list")
    op.drop_index("ix_improvement_item_problem_problem", table_name="improvement_item_problem")
    op.drop_index("ix_improvement_item_problem_pair", table_name="improvement_item_problem")
    op.drop_table("improvement_item_problem")
    op.drop_index("ix_improvement_item_carried_from", table_name="improvement_item")
    op.drop_index("ix_improvement_item_quarter", table_name="improvement_item")
    op.drop_table("improvement_item")
