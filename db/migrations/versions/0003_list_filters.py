"""indexes for the Problems list's sorting and its owner and department filters

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 20:40:00

Every visible column of the list sorts, in SQL, and the list filters by owner and
department. Without an index, sorting a million problems by department, owner, impact
or frequency, or counting one owner's problems, reads the whole table (≈ 0.2 s to a
count, seconds to a sorted page deep in the list); with one it is an index range. The
frequency index is on the expression the list sorts by (rarely 1 … several times a day
5), as the services write it. Only indexes are added: no row changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The same text as workbench.store.models.FREQUENCY_RANK_SQL at this revision: a
# migration keeps what it created even if the model's constant changes later.
FREQUENCY_RANK_SQL = (
    "(CASE frequency WHEN 'rarely' THEN 1 WHEN 'monthly' THEN 2 "
    "WHEN 'weekly' THEN 3 WHEN 'daily' THEN 4 WHEN 'several_daily' THEN 5 ELSE 0 END)"
)


def upgrade() -> None:
    op.create_index("ix_problem_department", "problem", ["department_id", "id"])
    op.create_index("ix_problem_owner", "problem", ["owner_id", "id"])
    op.create_index("ix_problem_impact", "problem", ["impact", "id"])
    op.create_index("ix_problem_frequency", "problem", [sa.text(FREQUENCY_RANK_SQL), "id"])


def downgrade() -> None:
    for name in (
        "ix_problem_frequency",
        "ix_problem_impact",
        "ix_problem_owner",
        "ix_problem_department",
    ):
        op.drop_index(name, table_name="problem")
