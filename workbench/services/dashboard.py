"""The Dashboard's readings as a service (workbench.services.dashboard_read says what
they are; the window runs the same ones through the DB-API before the database is open),
the file state a reading is valid for, and the problems behind a chart's bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from workbench.services import dashboard_read
from workbench.services.base import Service
from workbench.services.dashboard_facts import (
    MONTHS,
    BehindRow,
    FileState,
    MonthCounts,
    Ranked,
    Readings,
)
from workbench.services.dashboard_memory import file_state
from workbench.services.kpi_records import AlertRow, Tile
from workbench.services.session_rows import SessionRows
from workbench.store.database import sqlite_file

T = TypeVar("T")

# The problems listed behind one bar, at most.
BEHIND_LIMIT = 500


class DashboardService(Service):
    def file_state(self) -> FileState | None:
        """The database file, its audit chain's head now and this month, what a reading
        begun now is valid for (workbench.services.dashboard_memory); None for a server."""
        path = sqlite_file(self._db.url)
        # Read as the window reads it before the database is open, so the two agree.
        return None if path is None else file_state(path.resolve(), self.today())

    def _read(self, reading: Callable[..., T], *args: Any) -> T:
        """``reading`` (of workbench.services.dashboard_read) in one read of the record."""
        with self._db.read() as session:
            return reading(SessionRows(session), *args)

    def tiles(self, periods: int = 12) -> tuple[Tile, ...]:
        return self._read(dashboard_read.tiles, periods)

    def causes_by_category(self) -> dict[str | None, int]:
        return self._read(dashboard_read.causes_by_category)

    def opened_closed(self, last: str, months: int = MONTHS) -> MonthCounts:
        return self._read(dashboard_read.opened_closed, last, months)

    def ranking(self) -> tuple[Ranked, ...]:
        """Departments by the share of their KPIs' latest values that meet the target."""
        return self._read(dashboard_read.ranking)

    def read_tiles(self, language: str) -> tuple[tuple[Tile, ...], tuple[AlertRow, ...]]:
        """The KPI tiles and the open alerts, read together."""
        return self._read(dashboard_read.read_tiles, language)

    def read_charts(self, language: str) -> Readings:
        """Everything the charts show, read together."""
        return self._read(dashboard_read.read_charts, language, self.today())

    def behind(self, kind: str, key: str | None) -> tuple[BehindRow, ...]:
        """The problems behind a bar: ``category`` (a cause category, None: none given),
        ``opened`` or ``closed`` (a month, "2026-03")."""
        return self._read(dashboard_read.behind, kind, key, BEHIND_LIMIT)
