"""indexes for sorting the not-closed Problems list by any column, and by frequency

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 10:00:00

The list opens on "not closed" (every status but closed and rejected). Sorted by a
column whose index does not hold the status, each row's status was read from the table:
a page in the middle of that list on a million problems took 0.2 to 1.2 s, and walking
the (code, status) index tested each of a million entries (≈ 85 ms in the middle).
Each sort key now has a partial index over the problems not closed, (key, id, status)
WHERE status NOT IN ('closed', 'rejected'): a page anywhere in that list walks only
those problems' entries, in order.

Frequency sorts by how often (rarely 1 … several times a day 5, others 0), a CASE on its
key: it gets an index on that expression, over every problem and over the ones not
closed, where each page used to sort the whole list (≈ 0.4 s). SQLAlchemy does not
reflect an index on an expression, so a later migration that rebuilds the problem table
in batch mode would drop these two without a word; a test checks they are there at the
newest revision. Only indexes are added: no row changes.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# As in workbench.store.list_sql at this revision; written out so the migration stays
# what it was when that module changes.
NOT_CLOSED = "status NOT IN ('closed', 'rejected')"
FREQUENCY_RANK = (
    "(CASE frequency WHEN 'rarely' THEN 1 WHEN 'monthly' THEN 2 WHEN 'weekly' THEN 3 "
    "WHEN 'daily' THEN 4 WHEN 'several_daily' THEN 5 ELSE 0 END)"
)

# name, indexed terms, whether over the problems not closed only
INDEXES: tuple[tuple[str, str, bool], ...] = (
    ("ix_problem_not_closed_code", "code, status", True),
    ("ix_problem_not_closed_title", "title, id, status", True),
    ("ix_problem_not_closed_status", "status, id", True),
    ("ix_problem_not_closed_module", "erp_module_id, id, status", True),
    ("ix_problem_not_closed_site", "site_id, id, status", True),
    ("ix_problem_not_closed_department", "department_id, id, status", True),
    ("ix_problem_not_closed_severity", "severity, id, status", True),
    ("ix_problem_not_closed_impact", "impact, id, status", True),
    ("ix_problem_not_closed_frequency", f"{FREQUENCY_RANK}, id, status", True),
    ("ix_problem_not_closed_owner", "owner_id, id, status", True),
    ("ix_problem_not_closed_reported_on", "reported_on, id, status", True),
    ("ix_problem_frequency", f"{FREQUENCY_RANK}, id", False),
)


def upgrade() -> None:
    # Plain SQL: SQLite and PostgreSQL write partial and expression indexes alike.
    for name, terms, not_closed in INDEXES:
        where = f" WHERE {NOT_CLOSED}" if not_closed else ""
        op.execute(f"CREATE INDEX {name} ON problem ({terms}){where}")


def downgrade() -> None:
    for name, _, _ in reversed(INDEXES):
        op.drop_index(name, table_name="problem")
