"""ids of deleted records are never handed out again (SQLite AUTOINCREMENT)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00

Without AUTOINCREMENT, SQLite gives a new row the highest id in the table plus one, so
deleting the newest problem and creating another reuses its id, and the deleted one's
audit entries would then name two records. SQLite cannot add AUTOINCREMENT to a table,
so each table is rebuilt (create a copy, copy every row with its id, drop, rename, make
the indexes again); the runner (workbench.store.migrate) turns foreign keys off for it
and checks every reference afterwards. Each table's counter starts above the highest id
it holds and the highest id its audit entries name, so an id that a record deleted
before this migration had is not handed out again either.

PostgreSQL's SERIAL ids never go back: nothing to do there.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Every record table keyed by an integer id (code_sequence is keyed by its prefix). Not
# audit_entry: its ids are the chain's own (previous head + 1), and rebuilding it, most of
# a big file, would take minutes and double the file for nothing.
TABLES = (
    "department",
    "erp_module",
    "site",
    "person",
    "problem",
    "cause",
    "cause_why",
    "solution",
    "result",
)


def _rebuild(table: str, autoincrement: bool) -> None:
    with op.batch_alter_table(
        table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    ):
        pass


def _start_counter_above_known_ids(table: str) -> None:
    """sqlite_sequence holds the highest id the table ever gave; the copy set it to the
    highest id it holds, which the audit chain may know a higher (deleted) one than."""
    bind = op.get_bind()
    known = bind.execute(
        sa.text(
            f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0),"
            " coalesce((SELECT max(entity_id) FROM audit_entry WHERE entity = :t), 0))"
        ),
        {"t": table},
    ).scalar_one()
    if not known:
        return
    updated = bind.execute(
        sa.text("UPDATE sqlite_sequence SET seq = max(seq, :n) WHERE name = :t"),
        {"n": known, "t": table},
    ).rowcount
    if not updated:
        bind.execute(
            sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES (:t, :n)"),
            {"n": known, "t": table},
        )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        _rebuild(table, autoincrement=True)
    for table in TABLES:
        _start_counter_above_known_ids(table)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        _rebuild(table, autoincrement=False)
    op.execute("DELETE FROM sqlite_sequence")
