"""attachments: files kept with problems, causes and results as evidence

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 10:00:00

Two new tables, nothing rebuilt: ``attachment`` keeps each file (an ERP error screen, a
盘点表) inside the database with its owner (a problem, cause or result), name, media
type, size, SHA-256, who added it and when; the audit chain records all of it but the
bytes, and ``workbench check`` compares the bytes with their SHA-256. AUTOINCREMENT, as
0002 gave the other record tables. ``removed_content`` keeps a removed file's bytes for a
while, so that an undo brings the file back.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_kind", sa.String(length=20), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_attachment_owner", "attachment", ["owner_kind", "owner_id"])
    op.create_table(
        "removed_content",
        sa.Column("attachment_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("attachment_id"),
    )


def downgrade() -> None:
    op.drop_table("removed_content")
    op.drop_index("ix_attachment_owner", table_name="attachment")
    op.drop_table("attachment")
