"""Use cases of the improvement record: rules, validation and transactions.

Services take and return plain data (frozen dataclasses, dicts of field values); no ORM
object leaves a unit of work. ``Services`` bundles them for one open database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.services.chain import ChainService
from workbench.services.integrity import IntegrityService
from workbench.services.lookups import LookupService
from workbench.services.problems import ProblemService
from workbench.store.anchor import ChainAnchor
from workbench.store.changes import ChangeSet
from workbench.store.database import Database, location


@dataclass(frozen=True)
class Services:
    database: Database
    actor: str
    problems: ProblemService
    chain: ChainService
    lookups: LookupService
    integrity: IntegrityService

    @classmethod
    def build(cls, database: Database, actor: str, anchor: ChainAnchor | None = None) -> Services:
        """``anchor`` is where ``check`` compares the chain with what this machine saw."""
        return cls(
            database=database,
            actor=actor,
            problems=ProblemService(database, actor),
            chain=ChainService(database, actor),
            lookups=LookupService(database, actor),
            integrity=IntegrityService(database, anchor),
        )

    @property
    def location(self) -> str:
        """Where the record is kept, for people: the file, or the URL without its password."""
        return location(self.database.url)

    def subscribe(self, subscriber: Callable[[ChangeSet], None]) -> Callable[[], None]:
        """Hear every committed write's ChangeSet (in the writing thread, after commit)."""
        return self.database.subscribe(subscriber)

    def release_connections(self) -> None:
        """Drop pooled connections, e.g. those a worker thread opened; they reopen on use."""
        self.database.engine.dispose()

    def close(self) -> None:
        """Release the database at the end of the program's or command's work."""
        self.database.dispose()
