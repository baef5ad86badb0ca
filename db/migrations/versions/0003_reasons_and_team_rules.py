"""status changes keep their reason; team rules (the four-eyes rule) live in the database

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 20:30:00

Two new tables, nothing rebuilt: ``status_change`` keeps every later change of a
problem's status with its reason (a reject or a reopen must give one), who and when;
``team_setting`` keeps the rules a team shares, such as the four-eyes rule relaxed for a
one-person plant, audited like any record. Both use AUTOINCREMENT, as 0002 gave the
other record tables.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=False),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["problem_id"], ["problem.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_status_change_problem_id"), ["problem_id"], unique=False
        )
    op.create_table(
        "team_setting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("team_setting")
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_change_problem_id"))
    op.drop_table("status_change")
