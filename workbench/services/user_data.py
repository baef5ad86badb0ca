"""Whether a database holds anything a person put there: the one test behind
`workbench demo` refusing a database with data (and `--if-empty` leaving it alone).

A new database starts with the articles' KPIs (workbench.services.kpi_presets), written
by the program when it made the schema (``seed_new_database``). Those presets, while
untouched (every field as the program wrote it, never measured), their creation entries
in the audit chain and the schema's migration entries are not user data; any other row
of any table, and any other audit entry (an edit undone leaves its trail), is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import and_, exists, not_, select
from sqlalchemy.orm import Session

from workbench.services.kpi_presets import PRESETS
from workbench.services.kpis import preset_columns
from workbench.store.audit import MIGRATE
from workbench.store.database import Database
from workbench.store.migrate import MIGRATION_ACTOR
from workbench.store.models import AuditEntry, Base, ErpModule, Kpi, KpiMeasurement

if TYPE_CHECKING:
    from workbench.services import Services

# Who the audit chain names for the rows a new database starts with: the program.
PROGRAM_ACTOR = MIGRATION_ACTOR
# Tables that may hold the program's own rows in a database nobody used yet.
_PROGRAM_TABLES = frozenset({Kpi.__tablename__, AuditEntry.__tablename__})


def seed_new_database(services: Services) -> None:
    """Write what a new database starts with (the articles' KPIs), as the program."""
    from workbench.services import Services

    Services.build(services.database, PROGRAM_ACTOR).kpis.add_presets()


def untouched_presets(session: Session) -> set[int]:
    """The ids of the articles' KPIs still exactly as the program added them, unmeasured."""
    presets = {p.key: p for p in PRESETS}
    modules = {m.name: m.id for m in session.scalars(select(ErpModule))}
    measured = exists().where(KpiMeasurement.kpi_id == Kpi.id)
    found = set()
    for row in session.scalars(select(Kpi).where(Kpi.preset.is_not(None), ~measured)):
        preset = presets.get(row.preset or "")
        if preset is None:
            continue
        columns = preset_columns(preset, modules)
        linked = columns.pop("erp_module_id")
        same = all(getattr(row, name) == value for name, value in columns.items())
        if same and row.erp_module_id in (None, linked):
            found.add(row.id)
    return found


def has_user_data(database: Database) -> bool:
    """Does the database hold a record of someone's (see the module), not only what the
    program writes into a new one?"""
    with database.read() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in _PROGRAM_TABLES:
                continue
            if session.scalar(select(exists().select_from(table))):
                return True
        untouched = untouched_presets(session)
        if session.scalar(select(exists().where(Kpi.id.not_in(untouched)))):
            return True
        seeded = and_(
            AuditEntry.entity == Kpi.__tablename__,
            AuditEntry.action == "create",
            AuditEntry.entity_id.in_(untouched),
        )
        others = select(exists().where(AuditEntry.action != MIGRATE, not_(seeded)))
        return bool(session.scalar(others))
