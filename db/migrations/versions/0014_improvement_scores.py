"""a stored score on each improvement item, and an index that orders a quarter's list

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-12 10:00:00

A quarter's list was ranked in Python over all its items each time it was shown: 0.34 s
for a quarter of 10,000 items. Each item now keeps its score (the largest frequency
weight × impact of the problems it links; 0 without one) in ``improvement_item.score``,
filled here from the links and kept current by every unit of work since
(workbench.store.improvement_scores). It is derived, so the audit chain leaves it out.
The index (quarter, manual_rank, score, code) reads a page of the list in order: the
items placed by hand by their rank, then the rest by score. One column and one index are
added; on SQLite the column is added in place, no table is rebuilt.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# The weights as workbench.services.ranking has them at this revision, written out so
# the migration stays what it was when that module changes.
WEIGHT = (
    "(CASE problem.frequency WHEN 'rarely' THEN 1 WHEN 'monthly' THEN 2 "
    "WHEN 'weekly' THEN 3 WHEN 'daily' THEN 4 WHEN 'several_daily' THEN 5 ELSE 0 END)"
)


def upgrade() -> None:
    op.add_column(
        "improvement_item",
        sa.Column("score", sa.Integer(), nullable=False, server_default="0"),
    )
    op.execute(
        "UPDATE improvement_item SET score = coalesce(("
        f"SELECT max({WEIGHT} * problem.impact) FROM improvement_item_problem"
        " JOIN problem ON problem.id = improvement_item_problem.problem_id"
        " WHERE improvement_item_problem.item_id = improvement_item.id), 0)"
    )
    op.create_index(
        "ix_improvement_item_order",
        "improvement_item",
        ["quarter", "manual_rank", "score", "code"],
    )


def downgrade() -> None:
    op.drop_index("ix_improvement_item_order", table_name="improvement_item")
    with op.batch_alter_table("improvement_item") as batch:
        batch.drop_column("score")
