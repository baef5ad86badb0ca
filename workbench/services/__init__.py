"""Use cases of the improvement record: rules, validation and transactions.

Services take and return plain data (frozen dataclasses, dicts of field values); no ORM
object leaves a unit of work. ``Services`` bundles them for one open database.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.services.chain import ChainService
from workbench.services.integrity import IntegrityService
from workbench.services.lookups import LookupService
from workbench.services.problems import ProblemService
from workbench.store.database import Database


@dataclass(frozen=True)
class Services:
    database: Database
    actor: str
    problems: ProblemService
    chain: ChainService
    lookups: LookupService
    integrity: IntegrityService

    @classmethod
    def build(cls, database: Database, actor: str) -> Services:
        return cls(
            database=database,
            actor=actor,
            problems=ProblemService(database, actor),
            chain=ChainService(database, actor),
            lookups=LookupService(database, actor),
            integrity=IntegrityService(database),
        )
