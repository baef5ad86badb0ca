"""indexes for the Problems list's sorting and its owner and department filters

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 20:40:00

Every visible column of the list sorts, in SQL, and the list filters by owner and
department. Without an index, sorting a million problems by department, owner or
impact, or counting one owner's problems, reads the whole table (≈ 0.2 s to a count,
seconds to a sorted page deep in the list); with one it is an index range. The
(…, id) indexes serve the sort, the (…, code) ones a filter shown in the default order
(as for modules and sites): without them one owner's first page sorts 166,000 rows
(0.7 s). Frequency sorts by how often (rarely … several times a day), an expression:
SQLite could index it, but SQLAlchemy cannot reflect such an index, so a later migration
that rebuilds the table (batch mode) would silently drop it; it is left without one.

(code, status) lets a page deep in a list of several statuses ("not closed", the
default) walk the code order testing each status in the index: 50 ms instead of 1.2 s
at row 280,000 of a million. Only indexes are added: no row changes.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_problem_department", "problem", ["department_id", "id"])
    op.create_index("ix_problem_department_code", "problem", ["department_id", "code"])
    op.create_index("ix_problem_owner", "problem", ["owner_id", "id"])
    op.create_index("ix_problem_owner_code", "problem", ["owner_id", "code"])
    op.create_index("ix_problem_impact", "problem", ["impact", "id"])
    op.create_index("ix_problem_code_status", "problem", ["code", "status"])


def downgrade() -> None:
    for name in (
        "ix_problem_code_status",
        "ix_problem_impact",
        "ix_problem_owner_code",
        "ix_problem_owner",
        "ix_problem_department_code",
        "ix_problem_department",
    ):
        op.drop_index(name, table_name="problem")
