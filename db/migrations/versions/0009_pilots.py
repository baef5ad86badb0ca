"""pilot-iteration logs: pilots, their rounds and their roll-outs

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-10 10:00:00

Three new tables, nothing rebuilt, no row changed. ``pilot`` (试点): a small trial on one
business line, region or plant testing a hypothesis against a success criterion (metric,
threshold with its typed decimals, direction, and which round figure it applies to), its
round length (14 days unless changed), its baseline process duration (median and p90,
hours), owner, status (running, adopted, stopped) and start. ``pilot_round`` (试点迭代):
each round's dates, what was changed, the satisfaction survey (mean 1–5, respondents,
spread), the process duration before and after (median and p90, hours), findings and
decision (continue, adjust, adopt, stop); one number per round of a pilot.
``pilot_rollout``: where an adopted pilot is rolled out (target line or site, planned,
done, status, note). AUTOINCREMENT, as 0002 gave the other record tables.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _figure(name: str) -> list[sa.Column]:
    """A measured figure and the decimals it was typed with (workbench.services.numbers)."""
    return [
        sa.Column(name, sa.Float(), nullable=True),
        sa.Column(f"{name}_decimals", sa.SmallInteger(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "pilot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("scope", sa.String(length=200), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("erp_module_id", sa.Integer(), nullable=True),
        sa.Column("hypothesis", sa.Text(), nullable=False),
        sa.Column("criterion_metric", sa.String(length=100), nullable=False),
        sa.Column("criterion_measure", sa.String(length=30), nullable=False),
        sa.Column("criterion_direction", sa.String(length=10), nullable=False),
        sa.Column("criterion_threshold", sa.Float(), nullable=False),
        sa.Column("criterion_threshold_decimals", sa.SmallInteger(), nullable=True),
        sa.Column("round_days", sa.Integer(), nullable=False),
        *_figure("baseline_median"),
        *_figure("baseline_p90"),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["erp_module_id"], ["erp_module.id"]),
        sa.ForeignKeyConstraint(["owner_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "pilot_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pilot_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("dates_fixed", sa.Boolean(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        *_figure("satisfaction_mean"),
        sa.Column("satisfaction_respondents", sa.Integer(), nullable=True),
        *_figure("satisfaction_spread"),
        *_figure("duration_before_median"),
        *_figure("duration_before_p90"),
        *_figure("duration_after_median"),
        *_figure("duration_after_p90"),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(["pilot_id"], ["pilot.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("pilot_id", "number"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_pilot_round_pilot_id", "pilot_round", ["pilot_id"])
    op.create_table(
        "pilot_rollout",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pilot_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("planned_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["pilot_id"], ["pilot.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_pilot_rollout_pilot_id", "pilot_rollout", ["pilot_id"])


def downgrade() -> None:
    op.drop_index("ix_pilot_rollout_pilot_id", table_name="pilot_rollout")
    op.drop_table("pilot_rollout")
    op.drop_index("ix_pilot_round_pilot_id", table_name="pilot_round")
    op.drop_table("pilot_round")
    op.drop_table("pilot")
