"""Use cases of the improvement record: rules, validation and transactions.

Services take and return plain data (frozen dataclasses, dicts of field values); no ORM
object leaves a unit of work. ``Services`` bundles them for one open database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from workbench.store.changes import ChangeSet

# The services and the storage layer (SQLAlchemy's ORM, a third of a second to import) are
# imported by ``Services.build``, not with this package: a window or command that needs only
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
    database: Database
    actor: str
    problems: ProblemService
    chain: ChainService
    lookups: LookupService
    integrity: IntegrityService
    history: HistoryService
    bulk: BulkService
    similar: SimilarService
    trail: TrailService
    mine: MineService
    team: TeamService
    improvements: ImprovementService
    attachments: AttachmentService
    pilots: PilotService
    training: TrainingService
    reports: ReportService
    knowledge: KnowledgeService
    search: SearchService
    kpis: KpiService
    alerts: AlertService
    health: HealthService
    effects: EffectService
    dashboard: DashboardService

    @classmethod
    def build(cls, database: Database, actor: str, anchor: ChainAnchor | None = None) -> Services:
        """``anchor`` is where ``check`` compares the chain with what this machine saw."""
        from workbench.services.attachments import AttachmentService
        from workbench.services.bulk import BulkService
        from workbench.services.chain import ChainService
        from workbench.services.closing import closed_stays_closed
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
        from workbench.services.pilots import PilotService, pilots_stay_in_order
        from workbench.services.problems import ProblemService
        from workbench.services.reports import ReportService
        from workbench.services.search import SearchService
        from workbench.services.similar import SimilarService
        from workbench.services.team import TeamService
        from workbench.services.trail import TrailService
        from workbench.services.training import TrainingService

        history = HistoryService(database, actor, rules=(closed_stays_closed, pilots_stay_in_order))
        return cls(
            database=database,
            actor=actor,
            problems=ProblemService(database, actor),
            chain=ChainService(database, actor),
            lookups=LookupService(database, actor),
            integrity=IntegrityService(database, anchor),
            history=history,
            bulk=BulkService(database, actor),
            similar=SimilarService(database, actor),
            trail=TrailService(database, actor),
            mine=MineService(database, actor),
            team=TeamService(database, actor),
            improvements=ImprovementService(database, actor, history=history),
            attachments=AttachmentService(database, actor, history),
            pilots=PilotService(database, actor),
            training=TrainingService(database, actor),
            reports=ReportService(database, actor),
            knowledge=KnowledgeService(database, actor),
            search=SearchService(database, actor),
            kpis=KpiService(database, actor),
            alerts=AlertService(database, actor),
            health=HealthService(database, actor),
            effects=EffectService(database, actor),
            dashboard=DashboardService(database, actor),
        )

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
