"""What the Dashboard shows, as plain frozen values: the health score's report, the
months' counts, the department ranking, the improvement effects, the problems behind a
bar, and the whole of one reading (tiles, open alerts and charts).

Kept apart from the services that compute them (workbench.services.dashboard,
kpi_health, kpi_effects) so that a reading remembered from the last start
(workbench.services.dashboard_memory) can be shown before SQLAlchemy is imported: this
module and what it imports must not import it (a test checks it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.analysis.kpi_rules import Effect, HealthInputs, HealthScore
from workbench.services.kpi_records import AlertRow, Tile

if TYPE_CHECKING:
    from workbench.services import Services

# The months the Dashboard's health trend and opened-vs-closed chart show.
MONTHS = 12
# The improvement effects it lists, best first.
EFFECTS = 8


@dataclass(frozen=True)
class ScoreRow:
    """A score of one scope and month with what it was built from."""

    scope: str
    scope_id: int | None
    name: str
    score: HealthScore
    inputs: HealthInputs


@dataclass(frozen=True)
class HealthReport:
    periods: tuple[str, ...]
    overall: tuple[ScoreRow, ...]  # one per period, oldest first
    sites: tuple[ScoreRow, ...]  # the last period's, best first
    modules: tuple[ScoreRow, ...]
    weights: Mapping[str, int]


@dataclass(frozen=True)
class MonthCounts:
    periods: tuple[str, ...]
    opened: tuple[int, ...]
    closed: tuple[int, ...]


@dataclass(frozen=True)
class Ranked:
    department: str
    attained: int
    measured: int

    @property
    def share(self) -> float:
        return self.attained / self.measured * 100 if self.measured else 0.0


@dataclass(frozen=True)
class EffectRow:
    """A result and its effect: computed from a KPI series (``kpi`` named) or from its
    typed baseline and value after (``effect.checks`` then empty)."""

    result_id: int
    problem_id: int
    problem_code: str
    metric: str
    kpi: str | None
    baseline_from: str | None
    baseline_to: str | None
    after_from: str | None
    effect: Effect


@dataclass(frozen=True)
class BehindRow:
    id: int
    code: str
    title: str
    status: str


@dataclass(frozen=True)
class Readings:
    """Everything the Dashboard's charts show."""

    health: HealthReport
    causes: Mapping[str | None, int]
    opened: MonthCounts
    ranking: tuple[Ranked, ...]
    effects: tuple[EffectRow, ...]


@dataclass(frozen=True)
class FileState:
    """What a reading of one SQLite file is valid for: the file, its audit chain's head
    (id, hash) when the reading began, and the month it was read in ("2026-12"). Nothing
    the Dashboard shows depends on the day within the month: its charts count months up
    to this one, ages are counted to each month's end (a test checks it)."""

    path: Path
    head: tuple[int, str]
    month: str


@dataclass(frozen=True)
class DashboardReading:
    """One whole reading of the Dashboard: its tiles, open alerts and charts."""

    tiles: tuple[Tile, ...]
    alerts: tuple[AlertRow, ...]
    charts: Readings


def read_tiles(
    services: Services, language: str
) -> tuple[FileState | None, tuple[Tile, ...], tuple[AlertRow, ...]]:
    """The file's state, then the KPI tiles and the open alerts (the quick half)."""
    state = services.dashboard.file_state()
    return (state, *services.dashboard.read_tiles(language))


def read_charts(services: Services, language: str) -> tuple[FileState | None, Readings]:
    """The file's state, then everything the charts show (the slow half)."""
    state = services.dashboard.file_state()
    return state, services.dashboard.read_charts(language)
