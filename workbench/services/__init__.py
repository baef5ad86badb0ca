"""Use cases of the improvement record: rules, validation and transactions.

Services take and return plain data (frozen dataclasses, dicts of field values); no ORM
object leaves a unit of work. ``Services`` bundles them for one open database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from workbench.store.changes import ChangeSet

# The services and the storage layer (SQLAlchemy's ORM, a third of a second to import) are
# imported when a service is first used, not with this package: a window or command that needs only
# the plain records (workbench.services.records), the errors or the progress of a job does
# not pay for them.
if TYPE_CHECKING:
    from workbench.services.attachments import AttachmentService
    from workbench.services.bulk import BulkService
    from workbench.services.chain import ChainService
    from workbench.services.changes import ChangeFeed
    from workbench.services.dashboard import DashboardService
    from workbench.services.history import HistoryService
    from workbench.services.improvements import ImprovementService
    from workbench.services.integrity import IntegrityService
    from workbench.services.knowledge import KnowledgeService
    from workbench.services.kpi_alerts import AlertService
    from workbench.services.kpi_effects import EffectService
    from workbench.services.kpi_health import HealthService
    from workbench.services.kpis import KpiService
    from workbench.services.lookups import LookupService
    from workbench.services.mine import MineService
    from workbench.services.pilots import PilotService
    from workbench.services.problems import ProblemService
    from workbench.services.reports import ReportService
    from workbench.services.search import SearchService
    from workbench.services.similar import SimilarService
    from workbench.services.team import TeamService
    from workbench.services.trail import TrailService
    from workbench.services.training import TrainingService
    from workbench.store.anchor import ChainAnchor
    from workbench.store.database import Database

__all__ = ["ChangeSet", "Services"]

T = TypeVar("T")


@dataclass(frozen=True)
class Services:
    """The services of one open database, each built (and its module imported) the first
    time it is used: a window that opens on the Dashboard does not import the reports,
    the bulk writer or the attachments to paint it."""

    database: Database
    actor: str
    anchor: ChainAnchor | None = None  # where ``check`` compares the chain

    @classmethod
    def build(cls, database: Database, actor: str, anchor: ChainAnchor | None = None) -> Services:
        """``anchor`` is where ``check`` compares the chain with what this machine saw."""
        return cls(database, actor, anchor)

    @cached_property
    def problems(self) -> ProblemService:
        from workbench.services.problems import ProblemService

        return ProblemService(self.database, self.actor)

    @cached_property
    def chain(self) -> ChainService:
        from workbench.services.chain import ChainService

        return ChainService(self.database, self.actor)

    @cached_property
    def lookups(self) -> LookupService:
        from workbench.services.lookups import LookupService

        return LookupService(self.database, self.actor)

    @cached_property
    def integrity(self) -> IntegrityService:
        from workbench.services.integrity import IntegrityService

        return IntegrityService(self.database, self.anchor)

    @cached_property
    def history(self) -> HistoryService:
        from workbench.services.closing import closed_stays_closed
        from workbench.services.history import HistoryService
        from workbench.services.pilots import pilots_stay_in_order

        rules = (closed_stays_closed, pilots_stay_in_order)
        return HistoryService(self.database, self.actor, rules=rules)

    @cached_property
    def bulk(self) -> BulkService:
        from workbench.services.bulk import BulkService

        return BulkService(self.database, self.actor)

    @cached_property
    def similar(self) -> SimilarService:
        from workbench.services.similar import SimilarService

        return SimilarService(self.database, self.actor)

    @cached_property
    def trail(self) -> TrailService:
        from workbench.services.trail import TrailService

        return TrailService(self.database, self.actor)

    @cached_property
    def mine(self) -> MineService:
        from workbench.services.mine import MineService

        return MineService(self.database, self.actor)

    @cached_property
    def team(self) -> TeamService:
        from workbench.services.team import TeamService

        return TeamService(self.database, self.actor)

    @cached_property
    def improvements(self) -> ImprovementService:
        from workbench.services.improvements import ImprovementService

        return ImprovementService(self.database, self.actor, history=self.history)

    @cached_property
    def attachments(self) -> AttachmentService:
        from workbench.services.attachments import AttachmentService

        return AttachmentService(self.database, self.actor, self.history)

    @cached_property
    def pilots(self) -> PilotService:
        from workbench.services.pilots import PilotService

        return PilotService(self.database, self.actor)

    @cached_property
    def training(self) -> TrainingService:
        from workbench.services.training import TrainingService

        return TrainingService(self.database, self.actor)

    @cached_property
    def reports(self) -> ReportService:
        from workbench.services.reports import ReportService

        return ReportService(self.database, self.actor)

    @cached_property
    def knowledge(self) -> KnowledgeService:
        from workbench.services.knowledge import KnowledgeService

        return KnowledgeService(self.database, self.actor)

    @cached_property
    def search(self) -> SearchService:
        from workbench.services.search import SearchService

        return SearchService(self.database, self.actor)

    @cached_property
    def kpis(self) -> KpiService:
        from workbench.services.kpis import KpiService

        return KpiService(self.database, self.actor)

    @cached_property
    def alerts(self) -> AlertService:
        from workbench.services.kpi_alerts import AlertService

        return AlertService(self.database, self.actor)

    @cached_property
    def health(self) -> HealthService:
        from workbench.services.kpi_health import HealthService

        return HealthService(self.database, self.actor)

    @cached_property
    def effects(self) -> EffectService:
        from workbench.services.kpi_effects import EffectService

        return EffectService(self.database, self.actor)

    @cached_property
    def dashboard(self) -> DashboardService:
        from workbench.services.dashboard import DashboardService

        return DashboardService(self.database, self.actor)

    @property
    def location(self) -> str:
        """Where the record is kept, for people: the file, or the URL without its password."""
        from workbench.store.database import location

        return location(self.database.url)

    @property
    def changes(self) -> ChangeFeed:
        """Changes committed by anyone, read from the audit chain (see ``subscribe`` for
        this process's own writes, heard at once)."""
        from workbench.services.changes import ChangeFeed

        return ChangeFeed(self.database)

    def subscribe(self, subscriber: Callable[[ChangeSet], None]) -> Callable[[], None]:
        """Hear every committed write's ChangeSet (in the writing thread, after commit)."""
        return self.database.subscribe(subscriber)

    def recorded(self, action: Callable[[], T]) -> tuple[T, tuple[ChangeSet, ...]]:
        """``action()``'s result and the ChangeSets of the writes it made (for undo)."""
        return self.database.capture(action)

    def release_connections(self) -> None:
        """Drop pooled connections, e.g. those a worker thread opened; they reopen on use."""
        self.database.engine.dispose()

    def close(self) -> None:
        """Release the database at the end of the program's or command's work."""
        self.database.dispose()
