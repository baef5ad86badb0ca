"""training records: sessions, who attended with their score, what they address

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-09 10:00:00

Three new tables and one new column, nothing rebuilt: ``training_session`` holds a
training (培训: an on-site drill, a class, a manual update, a video tutorial or online
help) on one ERP module, its day, trainer, duration (keeping the decimals it was typed
with, as 0006 gave results) and material link; ``attendance`` a person at a session with
the department they were in that day and their assessment score; ``training_link`` the
problems or solutions a session addresses. ``person.left_on`` (empty) says when someone
left the plant. All use AUTOINCREMENT, as 0002 gave the other record tables. A person's
sessions, a department's attendances and a session's attendees each read on their own
index, so 100,000 attendances open as fast as a demo's few hundred.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("left_on", sa.Date(), nullable=True))
    op.create_table(
        "training_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("erp_module_id", sa.Integer(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("trainer_id", sa.Integer(), nullable=True),
        sa.Column("duration_hours", sa.Float(), nullable=True),
        sa.Column("duration_decimals", sa.SmallInteger(), nullable=True),
        sa.Column("material_link", sa.String(length=500), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["erp_module_id"], ["erp_module.id"]),
        sa.ForeignKeyConstraint(["trainer_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_training_session_held_on", "training_session", ["held_on", "id"])
    op.create_index(
        "ix_training_session_module", "training_session", ["erp_module_id", "held_on"]
    )
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("score_decimals", sa.SmallInteger(), nullable=True),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["session_id"], ["training_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_attendance_pair", "attendance", ["session_id", "person_id"], unique=True)
    op.create_index("ix_attendance_person", "attendance", ["person_id", "session_id"])
    op.create_index("ix_attendance_department", "attendance", ["department_id", "session_id"])
    op.create_index("ix_attendance_session_score", "attendance", ["session_id", "score"])
    op.create_table(
        "training_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=True),
        sa.Column("solution_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["problem_id"], ["problem.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["training_session.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["solution_id"], ["solution.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_training_link_session", "training_link", ["session_id"])
    op.create_index("ix_training_link_problem", "training_link", ["problem_id"])
    op.create_index("ix_training_link_solution", "training_link", ["solution_id"])


def downgrade() -> None:
    op.drop_index("ix_training_link_solution", table_name="training_link")
    op.drop_index("ix_training_link_problem", table_name="training_link")
    op.drop_index("ix_training_link_session", table_name="training_link")
    op.drop_table("training_link")
    op.drop_index("ix_attendance_session_score", table_name="attendance")
    op.drop_index("ix_attendance_department", table_name="attendance")
    op.drop_index("ix_attendance_person", table_name="attendance")
    op.drop_index("ix_attendance_pair", table_name="attendance")
    op.drop_table("attendance")
    op.drop_index("ix_training_session_module", table_name="training_session")
    op.drop_index("ix_training_session_held_on", table_name="training_session")
    op.drop_table("training_session")
    with op.batch_alter_table("person") as batch:
        batch.drop_column("left_on")
