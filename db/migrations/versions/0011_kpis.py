"""KPIs: their measurements, exception alerts with their tickets, results measured by a KPI

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-10 10:00:00

Five new tables, nothing rebuilt: ``kpi`` (name or the articles' preset key, unit, which
way is better, target, warning and alarm thresholds each with the decimals it was typed
with as 0006 gave results, period, owner department, ERP module); ``kpi_measurement`` (a
value per period and site or department, read per series on its own index);
``kpi_alert`` (an exception alert on one series and the Problem that is its ticket) and
``kpi_alert_breach`` (the measurements it was raised or extended by); ``result_kpi`` (a
Result whose baseline and value after are computed from a KPI series). All use
AUTOINCREMENT, as 0002 gave the other record tables. The health score's weights and the
periods in range that propose closing an alert are team rules (``team_setting``).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _number(name: str, nullable: bool = True) -> list[sa.Column]:
    return [
        sa.Column(name, sa.Float(), nullable=nullable),
        sa.Column(f"{name}_decimals", sa.SmallInteger(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "kpi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preset", sa.String(length=40), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        *_number("target", nullable=False),
        *_number("warning"),
        *_number("alarm"),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("erp_module_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"]),
        sa.ForeignKeyConstraint(["erp_module_id"], ["erp_module.id"]),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "kpi_measurement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kpi_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        *_number("value", nullable=False),
        sa.ForeignKeyConstraint(["kpi_id"], ["kpi.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"]),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_kpi_measurement_series",
        "kpi_measurement",
        ["kpi_id", "period", "site_id", "department_id"],
    )
    op.create_index("ix_kpi_measurement_period", "kpi_measurement", ["period", "kpi_id"])
    op.create_table(
        "kpi_alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kpi_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("problem_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("opened_period", sa.String(length=10), nullable=False),
        sa.Column("last_breach_period", sa.String(length=10), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["kpi_id"], ["kpi.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"]),
        sa.ForeignKeyConstraint(["problem_id"], ["problem.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_kpi_alert_series", "kpi_alert", ["kpi_id", "site_id", "department_id", "status"]
    )
    op.create_index("ix_kpi_alert_problem", "kpi_alert", ["problem_id"])
    op.create_table(
        "kpi_alert_breach",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("measurement_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["alert_id"], ["kpi_alert.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["measurement_id"], ["kpi_measurement.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_kpi_alert_breach_alert", "kpi_alert_breach", ["alert_id"])
    op.create_index("ix_kpi_alert_breach_measurement", "kpi_alert_breach", ["measurement_id"])
    op.create_table(
        "result_kpi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("kpi_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("baseline_from", sa.String(length=10), nullable=False),
        sa.Column("baseline_to", sa.String(length=10), nullable=False),
        sa.Column("after_from", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["result_id"], ["result.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["kpi_id"], ["kpi.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"]),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_result_kpi_result", "result_kpi", ["result_id"], unique=True)
    op.create_index("ix_result_kpi_kpi", "result_kpi", ["kpi_id"])


def downgrade() -> None:
    for index, table in (
        ("ix_result_kpi_kpi", "result_kpi"),
        ("ix_result_kpi_result", "result_kpi"),
    ):
        op.drop_index(index, table_name=table)
    op.drop_table("result_kpi")
    op.drop_index("ix_kpi_alert_breach_measurement", table_name="kpi_alert_breach")
    op.drop_index("ix_kpi_alert_breach_alert", table_name="kpi_alert_breach")
    op.drop_table("kpi_alert_breach")
    op.drop_index("ix_kpi_alert_problem", table_name="kpi_alert")
    op.drop_index("ix_kpi_alert_series", table_name="kpi_alert")
    op.drop_table("kpi_alert")
    op.drop_index("ix_kpi_measurement_period", table_name="kpi_measurement")
    op.drop_index("ix_kpi_measurement_series", table_name="kpi_measurement")
    op.drop_table("kpi_measurement")
    op.drop_table("kpi")
