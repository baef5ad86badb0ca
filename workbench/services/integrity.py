"""`workbench check`: is the file sound, and does the record match its audit chain?"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from workbench.store.audit import Breach, verify_chain, verify_rows
from workbench.store.database import Database
from workbench.store.models import Base


@dataclass(frozen=True)
class CheckReport:
    storage_problems: tuple[str, ...]
    entries_checked: int
    breach: Breach | None

    @property
    def sound(self) -> bool:
        return not self.storage_problems and self.breach is None


class IntegrityService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def check(self) -> CheckReport:
        with self._db.engine.connect() as connection:
            storage: tuple[str, ...] = ()
            if connection.dialect.name == "sqlite":
                rows = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
                storage = tuple(r for r in rows if r != "ok")
                fk = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                storage += tuple(f"broken reference in {row[0]} row {row[1]}" for row in fk)
            checked, breach = verify_chain(connection)
            if breach is None:
                for mapper in Base.registry.mappers:
                    model = mapper.class_
                    if model.__audited__:
                        breach = verify_rows(connection, model)
                        if breach is not None:
                            break
            connection.execute(text("SELECT 1"))
            return CheckReport(storage, checked, breach)
