"""`workbench check`: is the file sound, and does the record match its audit chain?"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text

from workbench.services.progress import Progress, silent
from workbench.store.audit import Breach, verify_chain, verify_rows
from workbench.store.database import Database
from workbench.store.models import AuditEntry, Base


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

    def check(self, progress: Progress | None = None) -> CheckReport:
        """Storage checks, then the audit chain, then every row against its entries.

        ``progress`` hears (entries and rows verified, their total); cancelling it stops
        the check with ``Cancelled`` (a check writes nothing, so nothing is left over)."""
        progress = progress or silent()
        with self._db.engine.connect() as connection:
            audited = [m.class_ for m in Base.registry.mappers if m.class_.__audited__]
            total = connection.scalar(select(func.count()).select_from(AuditEntry)) or 0
            for model in audited:
                total += connection.scalar(select(func.count()).select_from(model)) or 0
            done = 0

            def step(count: int) -> None:
                nonlocal done
                done += count
                progress.report(done, total)

            progress.report(0, total)
            storage: tuple[str, ...] = ()
            if connection.dialect.name == "sqlite":
                rows = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
                storage = tuple(r for r in rows if r != "ok")
                fk = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                storage += tuple(f"broken reference in {row[0]} row {row[1]}" for row in fk)
            checked, breach = verify_chain(connection, step=step)
            if breach is None:
                for model in audited:
                    breach = verify_rows(connection, model, step=step)
                    if breach is not None:
                        break
            connection.execute(text("SELECT 1"))
            return CheckReport(storage, checked, breach)
