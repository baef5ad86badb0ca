"""indexes that answer the Dashboard's problems closed per month and causes by category

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 04:00:00

The Dashboard's opened-and-closed chart counted the problems closed per month by reading
every problem (38 ms on 100,000 problems, 5 ms with the index on ``closed_on``), and its
Pareto counted the problems per cause category by reading every cause and sorting them
(38 ms on 88,000 causes, 10 ms with the index on (category, problem_id), which holds all
it reads). Two indexes are added; no table is rebuilt.
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_problem_closed_on", "problem", ["closed_on"])
    op.create_index("ix_cause_category", "cause", ["category", "problem_id"])


def downgrade() -> None:
    op.drop_index("ix_cause_category", table_name="cause")
    op.drop_index("ix_problem_closed_on", table_name="problem")
