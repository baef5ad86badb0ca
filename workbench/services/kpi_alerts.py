"""Exception alerts (异常预警) and their tickets (工单): the KPIs are evaluated when a
database opens, after measurements are written, and by ``workbench alerts``.

Each series (a KPI at one place) is walked over the periods not evaluated yet
(workbench.analysis.kpi_rules.walk): a red value opens an alert with its ticket, a
Problem whose source is the alert (module and department of the KPI, site of the
measurement, owned by the first person of the department, reported when the period's
value was known), unless the series has an
alert open: then the breach is added to it, and a line to its ticket. Back in range for
the team's number of periods (``kpi_close_after``, 3 unless set) closing is proposed;
``close`` closes a proposed alert. An alert whose ticket was closed or rejected closes
with it. Every change is audited, in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench import vocabulary
from workbench.analysis.kpi_rules import DEFAULT_CLOSE_AFTER, RED, next_period, period_start, walk
from workbench.analysis.kpi_rules import status as value_status
from workbench.services.base import Service
from workbench.services.dashboard_read import alert_rows
from workbench.services.errors import FieldError, ValidationError
from workbench.services.kpi_records import AlertRow, Evaluation, kpi_title
from workbench.services.numbers import stored
from workbench.services.session_rows import SessionRows
from workbench.store import dashboard_sql, sequences
from workbench.store.models import (
    Department,
    Kpi,
    KpiAlert,
    KpiAlertBreach,
    KpiMeasurement,
    Person,
    Problem,
    Site,
    TeamSetting,
)

if TYPE_CHECKING:
    pass

CLOSE_AFTER = "kpi_close_after"
OPEN_STATES = dashboard_sql.OPEN_ALERT_STATES
ENDED_TICKETS = ("closed", "rejected")


def close_after(session: Session) -> int:
    value = session.scalar(select(TeamSetting.value).where(TeamSetting.key == CLOSE_AFTER))
    try:
        return max(1, int(value)) if value is not None else DEFAULT_CLOSE_AFTER
    except ValueError:
        return DEFAULT_CLOSE_AFTER


def _text(key: str, language: str, **values: str) -> str:
    return vocabulary.label("kpi_text", key, language).format(**values)


class _Evaluator:
    def __init__(self, session: Session, service: Service, language: str) -> None:
        self.session = session
        self.service = service
        self.language = language
        self.close_after = close_after(session)
        self.sites = {s.id: s.name for s in session.scalars(select(Site))}
        self.departments = {d.id: d.name for d in session.scalars(select(Department))}
        self.opened = self.extended = self.proposed = 0

    def series(
        self,
        kpi: Kpi,
        place: tuple[int | None, int | None],
        rows: list[Any],
        alerts: list[KpiAlert],
    ) -> None:
        """Walk one series; ``alerts`` are the series' alerts, oldest first."""
        site_id, department_id = place
        cursor = max((a.last_breach_period for a in alerts), default="")
        if rows[-1].period <= cursor and not any(a.status in OPEN_STATES for a in alerts):
            return  # nothing measured since the last breach and no alert to follow
        current = next((a for a in reversed(alerts) if a.status in OPEN_STATES), None)
        if current is not None and self._ticket_ended(current):
            current.status, current.closed_on = "closed", self.service.today()
            current = None
        pending = [r for r in rows if r.period > cursor]
        target, warning, alarm = kpi.target, kpi.warning, kpi.alarm
        statuses = [value_status(r.value, kpi.direction, target, warning, alarm) for r in pending]
        found = walk(statuses, current is not None, self.close_after)
        for position, opens in found.breaches:
            row = pending[position]
            if opens or current is None:
                current = self._open(kpi, site_id, department_id, row)
            else:
                self._extend(kpi, current, row)
        if current is None:
            return
        wanted = (
            "close_proposed"
            if found.propose_close or (not pending and current.status == "close_proposed")
            else "open"
        )
        if wanted != current.status:
            if wanted == "close_proposed":
                self.proposed += 1
            current.status = wanted

    def _ticket_ended(self, alert: KpiAlert) -> bool:
        if alert.problem_id is None:
            return False
        status = self.session.scalar(select(Problem.status).where(Problem.id == alert.problem_id))
        return status in ENDED_TICKETS

    def _value_text(self, kpi: Kpi, row: Any) -> str:
        unit = f" {kpi.unit}" if kpi.unit else ""
        return f"{stored(row.value, row.value_decimals)}{unit}"

    def _open(self, kpi: Kpi, site_id: int | None, department_id: int | None, row: Any) -> KpiAlert:
        title = kpi_title(kpi.preset, kpi.name, self.language)
        place = (
            self.sites.get(site_id or 0)
            or self.departments.get(department_id or 0)
            or (_text("whole_plant", self.language))
        )
        known = min(self.service.today(), period_start(next_period(row.period)))
        now = self.service._clock()
        reporter = self.service._acting_person(self.session)
        department = department_id or kpi.department_id
        owner = (
            None
            if department is None
            else self.session.scalar(
                select(Person.id)
                .where(Person.department_id == department, Person.left_on.is_(None))
                .order_by(Person.id)
                .limit(1)
            )
        )
        problem = Problem(
            code=sequences.next_code(self.session, f"P-{known.year}", 4),
            title=_text("ticket_title", self.language, kpi=title, place=place)[:200],
            description="\n".join(
                (
                    _text("source", self.language),
                    _text(
                        "ticket_description",
                        self.language,
                        kpi=title,
                        period=row.period,
                        value=self._value_text(kpi, row),
                        target=str(stored(kpi.target, kpi.target_decimals)),
                        alarm=str(
                            stored(
                                kpi.alarm if kpi.alarm is not None else kpi.target,
                                kpi.alarm_decimals
                                if kpi.alarm is not None
                                else kpi.target_decimals,
                            )
                        ),
                    ),
                )
            ),
            erp_module_id=kpi.erp_module_id,
            department_id=department,
            owner_id=owner,
            site_id=site_id,
            severity=4,
            frequency="monthly",
            impact=3 if site_id or department_id else 5,
            reporter_id=reporter.id,
            reported_on=known,
            tags="KPI",
            status="open",
            created_at=now,
            updated_at=now,
        )
        self.session.add(problem)
        self.session.flush()
        alert = KpiAlert(
            kpi_id=kpi.id,
            site_id=site_id,
            department_id=department_id,
            problem_id=problem.id,
            status="open",
            opened_period=row.period,
            last_breach_period=row.period,
            opened_at=now,
        )
        self.session.add(alert)
        self.session.flush()
        self.session.add(KpiAlertBreach(alert_id=alert.id, measurement_id=row.id, level=RED))
        self.opened += 1
        return alert

    def _extend(self, kpi: Kpi, alert: KpiAlert, row: Any) -> None:
        alert.last_breach_period = row.period
        self.session.add(KpiAlertBreach(alert_id=alert.id, measurement_id=row.id, level=RED))
        problem = self.session.get(Problem, alert.problem_id) if alert.problem_id else None
        if problem is not None and problem.status not in ENDED_TICKETS:
            line = _text(
                "breach_added",
                self.language,
                period=row.period,
                value=self._value_text(kpi, row),
                status=vocabulary.label("kpi_status", RED, self.language),
            )
            problem.description = f"{problem.description}\n{line}".strip()[:20_000]
            problem.updated_at = self.service._clock()
        self.extended += 1


def evaluate_in(
    session: Session, service: Service, kpi_ids: Iterable[int] | None = None, language: str = "en"
) -> Evaluation:
    """Evaluate the series of ``kpi_ids`` (every KPI: None) in ``session``'s write."""
    evaluator = _Evaluator(session, service, language)
    query = select(Kpi).order_by(Kpi.id)
    if kpi_ids is not None:
        query = query.where(Kpi.id.in_(sorted(set(kpi_ids))))
    for kpi in list(session.scalars(query)):
        rows = session.execute(
            select(
                KpiMeasurement.id,
                KpiMeasurement.period,
                KpiMeasurement.site_id,
                KpiMeasurement.department_id,
                KpiMeasurement.value,
                KpiMeasurement.value_decimals,
            )
            .where(KpiMeasurement.kpi_id == kpi.id)
            .order_by(KpiMeasurement.site_id, KpiMeasurement.department_id, KpiMeasurement.period)
        ).all()
        alerts: dict[tuple[int | None, int | None], list[KpiAlert]] = {}
        for alert in session.scalars(
            select(KpiAlert).where(KpiAlert.kpi_id == kpi.id).order_by(KpiAlert.id)
        ):
            alerts.setdefault((alert.site_id, alert.department_id), []).append(alert)
        for place, group in groupby(rows, key=lambda r: (r.site_id, r.department_id)):
            evaluator.series(kpi, place, list(group), alerts.get(place, []))
    session.flush()
    return Evaluation(evaluator.opened, evaluator.extended, evaluator.proposed)


def _same(column: Any, value: int | None) -> Any:
    return column.is_(None) if value is None else column == value


class AlertService(Service):
    def evaluate(self, language: str = "en") -> Evaluation:
        """Evaluate every KPI (on open, and ``workbench alerts``); tickets are titled in
        ``language``. Writes nothing when nothing changed."""
        with self._db.write(self.actor) as session:
            return evaluate_in(session, self, None, language)

    def alerts(self, include_closed: bool = False, language: str = "en") -> tuple[AlertRow, ...]:
        """The alerts open (and proposed for closing), oldest first."""
        where = dashboard_sql.ALERTS_ALL if include_closed else dashboard_sql.ALERTS_OPEN
        with self._db.read() as session:
            return alert_rows(SessionRows(session), where, language)

    def for_problem(self, problem_id: int, language: str = "en") -> AlertRow | None:
        """The alert whose ticket ``problem_id`` is (a problem's source), if any."""
        with self._db.read() as session:
            found = alert_rows(
                SessionRows(session),
                dashboard_sql.ALERT_OF_PROBLEM,
                language,
                {"problem_id": problem_id},
            )
            return found[0] if found else None

    def close(self, alert_id: int) -> None:
        """Close an alert proposed for closing (the KPI back in range long enough)."""
        with self._db.write(self.actor) as session:
            alert = self._get(session, KpiAlert, alert_id)
            if alert.status != "close_proposed":
                raise ValidationError([FieldError("status", "not_proposed", "not proposed")])
            alert.status, alert.closed_on = "closed", self.today()

    def close_after(self) -> int:
        with self._db.read() as session:
            return close_after(session)

    def set_close_after(self, periods: int) -> bool:
        """The periods in range that propose closing an alert (a team rule, audited)."""
        if isinstance(periods, bool) or not isinstance(periods, int) or not 1 <= periods <= 24:
            raise ValidationError(
                [FieldError("value", "out_of_range", "1 to 24 periods", {"low": 1, "high": 24})]
            )
        with self._db.write(self.actor) as session:
            row = session.scalar(select(TeamSetting).where(TeamSetting.key == CLOSE_AFTER))
            if row is None:
                session.add(TeamSetting(key=CLOSE_AFTER, value=str(periods)))
                return True
            if row.value == str(periods):
                return False
            row.value = str(periods)
            return True
