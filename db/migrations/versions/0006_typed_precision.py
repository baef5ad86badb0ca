"""a result's baseline and value after keep the decimals they were typed with

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 10:00:00

"2.0" was stored as the number 2 and read back as "2". Two small integer columns beside
the values, ``baseline_decimals`` and ``after_decimals``, keep how many decimals each was
written with (workbench.services.numbers). They are added empty (NULL: not known), so no
row changes and nothing is rebuilt: a value stored before reads as it did, with as many
decimals as it needs, until someone types it again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("result", sa.Column("baseline_decimals", sa.SmallInteger(), nullable=True))
    op.add_column("result", sa.Column("after_decimals", sa.SmallInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table(
        "result", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.drop_column("after_decimals")
        batch_op.drop_column("baseline_decimals")
