"""the imported mark: when a problem came in from a spreadsheet

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-02 01:00:00

One new column, empty, nothing rebuilt: ``problem.imported_at`` (UTC) says the problem
was brought in by an import from Excel or CSV. Its status is then history as the sheet
had it: a problem imported as closed stays closed without a verified result.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("problem") as batch:
        batch.add_column(sa.Column("imported_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("problem") as batch:
        batch.drop_column("imported_at")
