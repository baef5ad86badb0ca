"""What the dashboard shows, read with a few aggregate queries (a 100,000-problem file
answers each in milliseconds to a fraction of a second, on a worker thread):

- a tile per KPI: the latest period's value (the mean of its places), its status, and
  the values of the periods before for a sparkline;
- problems by cause category (a problem counts once per category it has a cause in),
  for the Pareto chart;
- problems opened and closed per month;
- the department ranking by KPI attainment (部门KPI达成率排名): per owner department, the
  share of its KPIs' latest values that meet the target;
- the problems behind a bar, for the chart's click.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import String, cast, func, select

from workbench.analysis.kpi_rules import meets, next_period, status
from workbench.services.base import Service
from workbench.services.dashboard_facts import BehindRow, FileState, MonthCounts, Ranked
from workbench.services.dashboard_memory import file_state
from workbench.services.kpi_records import Tile
from workbench.services.kpis import kpi_record
from workbench.store.database import sqlite_file
from workbench.store.models import Cause, Department, Kpi, KpiMeasurement, Problem

# The problems listed behind one bar, at most.
BEHIND_LIMIT = 500


def _month(column: Any) -> Any:
    return func.substr(cast(column, String), 1, 7)


class DashboardService(Service):
    def file_state(self) -> FileState | None:
        """The database file, its audit chain's head now and this month, what a reading
        begun now is valid for (workbench.services.dashboard_memory); None for a server."""
        path = sqlite_file(self._db.url)
        # Read as the window reads it before the database is open, so the two agree.
        return None if path is None else file_state(path.resolve(), self.today())

    def tiles(self, periods: int = 12) -> tuple[Tile, ...]:
        with self._db.read() as session:
            kpis = list(session.scalars(select(Kpi).order_by(Kpi.id)))
            means: dict[int, dict[str, float]] = defaultdict(dict)
            last_of = dict(
                session.execute(
                    select(KpiMeasurement.kpi_id, func.max(KpiMeasurement.period)).group_by(
                        KpiMeasurement.kpi_id
                    )
                ).all()
            )
            if last_of:
                first = next_period(max(last_of.values()), -(periods - 1))
                averages = session.execute(
                    select(
                        KpiMeasurement.kpi_id, KpiMeasurement.period, func.avg(KpiMeasurement.value)
                    )
                    .where(KpiMeasurement.period >= first)
                    .group_by(KpiMeasurement.kpi_id, KpiMeasurement.period)
                )
                for kpi_id, period, mean in averages.all():
                    means[int(kpi_id)][str(period)] = float(mean)  # type: ignore[call-overload, arg-type]
            tiles = []
            for kpi in kpis:
                record = kpi_record(session, kpi)
                last = last_of.get(kpi.id)
                shown = (
                    tuple(next_period(last, -n) for n in range(periods - 1, -1, -1)) if last else ()
                )
                values = tuple(means[kpi.id].get(p) for p in shown)
                value = values[-1] if values else None
                target, warning, alarm = record.lines()
                tiles.append(
                    Tile(
                        record,
                        last,
                        value,
                        status(value, kpi.direction, target, warning, alarm),
                        shown,
                        values,
                    )
                )
            return tuple(tiles)

    def causes_by_category(self) -> dict[str | None, int]:
        with self._db.read() as session:
            rows = session.execute(
                select(Cause.category, func.count(func.distinct(Cause.problem_id))).group_by(
                    Cause.category
                )
            )
            return {category: count for category, count in rows}

    def opened_closed(self, last: str, months: int = 12) -> MonthCounts:
        periods = tuple(next_period(last, -n) for n in range(months - 1, -1, -1))
        with self._db.read() as session:
            opened: dict[str, int] = dict(
                session.execute(
                    select(_month(Problem.reported_on), func.count())
                    .where(Problem.reported_on >= f"{periods[0]}-01")
                    .group_by(_month(Problem.reported_on))
                ).all()
            )
            closed: dict[str, int] = dict(
                session.execute(
                    select(_month(Problem.closed_on), func.count())
                    .where(Problem.closed_on >= f"{periods[0]}-01")
                    .group_by(_month(Problem.closed_on))
                ).all()
            )
        return MonthCounts(
            periods,
            tuple(opened.get(p, 0) for p in periods),
            tuple(closed.get(p, 0) for p in periods),
        )

    def ranking(self) -> tuple[Ranked, ...]:
        """Departments by the share of their KPIs' latest values that meet the target."""
        with self._db.read() as session:
            departments = {d.id: d.name for d in session.scalars(select(Department))}
            found: dict[int, list[int]] = defaultdict(lambda: [0, 0])
            for kpi in session.scalars(select(Kpi).where(Kpi.department_id.is_not(None))):
                last = session.scalar(
                    select(func.max(KpiMeasurement.period)).where(KpiMeasurement.kpi_id == kpi.id)
                )
                if last is None:
                    continue
                for (value,) in session.execute(
                    select(KpiMeasurement.value).where(
                        KpiMeasurement.kpi_id == kpi.id, KpiMeasurement.period == last
                    )
                ):
                    assert kpi.department_id is not None
                    counts = found[kpi.department_id]
                    counts[0] += meets(value, kpi.target, kpi.direction)
                    counts[1] += 1
        ranked = [Ranked(departments[d], a, m) for d, (a, m) in found.items()]
        ranked.sort(key=lambda r: (-r.share, r.department))
        return tuple(ranked)

    def behind(self, kind: str, key: str | None) -> tuple[BehindRow, ...]:
        """The problems behind a bar: ``category`` (a cause category, None: none given),
        ``opened`` or ``closed`` (a month, "2026-03")."""
        query = select(Problem.id, Problem.code, Problem.title, Problem.status)
        if kind == "category":
            causes = select(Cause.problem_id).where(
                Cause.category.is_(None) if key is None else Cause.category == key
            )
            query = query.where(Problem.id.in_(causes))
        elif kind in ("opened", "closed"):
            column = Problem.reported_on if kind == "opened" else Problem.closed_on
            query = query.where(_month(column) == key)
        else:
            raise ValueError(f"no bars of {kind!r}")
        with self._db.read() as session:
            rows = session.execute(query.order_by(Problem.code.desc()).limit(BEHIND_LIMIT))
            return tuple(BehindRow(*row) for row in rows)
