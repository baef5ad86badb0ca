"""The KPI part of a quarter's facts for the quarterly report: each KPI's actual value in
the quarter against its target and its last quarter's, its trend, the process health
score of the quarter and of the one before, and the alerts opened and closed in it.

Definitions: a KPI's actual value in a quarter is the mean of its measurements of the
quarter's months (of every place, or of the site asked); its status is that value's
(workbench.analysis.kpi_rules.status); its trend the monthly means of the twelve months
up to the quarter's last; the health score of a quarter the mean of its months' overall
scores (workbench.services.kpi_health; with a site, the site's). An alert is opened in
the quarter when its first breach's period is one of its months, closed in it when it
was closed on one of its days.
A quarter with no measurement has no KPI facts (None), and its KPI sections are left out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from workbench.analysis.kpi_rules import health, next_period, period_of, status
from workbench.services.base import Service
from workbench.services.dashboard_read import weights
from workbench.services.health_read import ALL, collect
from workbench.services.kpi_alerts import AlertService
from workbench.services.kpi_records import AlertRow, KpiRecord
from workbench.services.kpis import kpi_record
from workbench.services.quarters import Quarter
from workbench.services.session_rows import SessionRows
from workbench.store.models import Kpi, KpiAlert, KpiMeasurement, Site

TREND_MONTHS = 12


@dataclass(frozen=True)
class KpiLine:
    """One KPI in the quarter: its actual value (None: not measured in it), that value's
    status, last quarter's value, and its monthly trend up to the quarter's end."""

    kpi: KpiRecord
    actual: float | None
    status: str
    previous: float | None
    periods: tuple[str, ...]
    values: tuple[float | None, ...]

    @property
    def change(self) -> float | None:
        if self.actual is None or self.previous is None:
            return None
        return self.actual - self.previous


@dataclass(frozen=True)
class KpiFacts:
    lines: tuple[KpiLine, ...]
    health: float  # the quarter's mean monthly score
    health_before: float  # last quarter's
    health_periods: tuple[str, ...]  # the trend: twelve months up to the quarter's end
    health_scores: tuple[float, ...]
    alerts_opened: int
    alerts_closed: int


@dataclass(frozen=True)
class OpenAlert:
    """An alert open today and its KPI (to name it in the report's language)."""

    alert: AlertRow
    kpi: KpiRecord


def _months(quarter: Quarter) -> tuple[str, ...]:
    first = period_of(quarter.first_day)
    return tuple(next_period(first, n) for n in range(3))


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


class KpiReportService(Service):
    def quarter(self, quarter: Quarter, site_id: int | None = None) -> KpiFacts | None:
        """The KPI facts of ``quarter`` (of the site with id ``site_id``, or all places);
        None when nothing was measured in it."""
        months = _months(quarter)
        before = _months(quarter.previous())
        trend = tuple(next_period(months[-1], -n) for n in range(TREND_MONTHS - 1, -1, -1))
        with self._db.read() as session:
            place = KpiMeasurement.site_id == site_id if site_id is not None else None
            query = select(KpiMeasurement.kpi_id, KpiMeasurement.period, KpiMeasurement.value)
            query = query.where(KpiMeasurement.period.between(min(trend[0], before[0]), months[-1]))
            if place is not None:
                query = query.where(place)
            found: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
            for kpi_id, period, value in session.execute(query):
                found[kpi_id][period].append(float(value))
            if not any(p in months for values in found.values() for p in values):
                return None
            lines = []
            for kpi in session.scalars(select(Kpi).order_by(Kpi.id)):
                record = kpi_record(session, kpi)
                values = found.get(kpi.id, {})
                actual = _mean([v for p in months for v in values.get(p, [])])
                lines.append(
                    KpiLine(
                        record,
                        actual,
                        status(actual, kpi.direction, *record.lines()),
                        _mean([v for p in before for v in values.get(p, [])]),
                        trend,
                        tuple(_mean(values.get(p, [])) for p in trend),
                    )
                )
            alerts = select(func.count()).select_from(KpiAlert)
            if site_id is not None:
                alerts = alerts.where(KpiAlert.site_id == site_id)
            opened = session.scalar(alerts.where(KpiAlert.opened_period.in_(months))) or 0
            closed = (
                session.scalar(
                    alerts.where(KpiAlert.closed_on.between(quarter.first_day, quarter.last_day))
                )
                or 0
            )
            # the scores of the site asked (its problems, measurements and alerts) or overall
            rows = SessionRows(session)
            chosen, found_inputs = weights(rows), collect(rows, trend)
        scope = ("site", site_id) if site_id is not None else (ALL, None)
        scores = tuple(health(p, found_inputs.get(p, scope), chosen).score for p in trend)
        return KpiFacts(
            tuple(lines),
            sum(scores[-3:]) / 3,
            sum(scores[-6:-3]) / 3,
            trend,
            scores,
            opened,
            closed,
        )

    def open_alerts(self, site_id: int | None) -> tuple[OpenAlert, ...]:
        """The alerts open today (and proposed for closing), of the site or of all."""
        rows = AlertService(self._db, self.actor, self._clock).alerts()
        with self._db.read() as session:
            site = session.get(Site, site_id) if site_id is not None else None
            if site_id is not None:
                rows = tuple(r for r in rows if site is not None and r.site == site.name)
            kpis = {r.kpi_id: kpi_record(session, session.get_one(Kpi, r.kpi_id)) for r in rows}
        return tuple(OpenAlert(r, kpis[r.kpi_id]) for r in rows)
