"""Computed effects: a Result measured by a KPI series instead of typed numbers, and the
results ranked by how much they improved (the dashboard's "improvement effects").

A link names the KPI and its place (a site, a department, or none: the mean of every
place per period), the baseline periods (from, to) and the first period after. The
effect (baseline and after means, change in %, the re-checks at +30 and +90 days after
the solution was done, a relapse) is workbench.analysis.kpi_rules.effect, computed
whenever it is read, so a late measurement counts. A closed problem's results are
read-only, their links too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from workbench.analysis.kpi_rules import next_period, period_of
from workbench.services.base import Service
from workbench.services.closing import refuse_if_closed
from workbench.services.dashboard_facts import EffectRow
from workbench.services.effect_read import Link, computed, links, top
from workbench.services.errors import FieldError, ValidationError
from workbench.services.kpi_input import parse_period
from workbench.services.kpi_records import kpi_title
from workbench.services.session_rows import SessionRows
from workbench.store.models import (
    Kpi,
    KpiMeasurement,
    Result,
    ResultKpi,
)
from workbench.vocabulary import LANGUAGES


def _refuse(name: str, code: str, message: str) -> ValidationError:
    return ValidationError([FieldError(name, code, message)])


@dataclass(frozen=True)
class SeriesChoice:
    """Which KPI series a result is measured by, and over which periods ("2026-03")."""

    kpi_id: int
    baseline_from: str
    baseline_to: str
    after_from: str
    site_id: int | None = None
    department_id: int | None = None


# Periods of the baseline a new link proposes: the months just before the solution's.
BASELINE_PERIODS = 3


def _checked(choice: SeriesChoice) -> SeriesChoice:
    """The choice with its periods written as the store keeps them, or ValidationError."""
    periods = []
    for name in ("baseline_from", "baseline_to", "after_from"):
        try:
            periods.append(parse_period(getattr(choice, name)))
        except ValueError as error:
            raise _refuse(name, "not_a_period", "is not a month") from error
    first, last, after = periods
    if last < first:
        raise _refuse("baseline_to", "date_order", "is before the baseline's first period")
    if after <= last:
        raise _refuse("after_from", "date_order", "is not after the baseline")
    return replace(choice, baseline_from=first, baseline_to=last, after_from=after)


def _link_of(result_id: int, choice: SeriesChoice) -> Link:
    return Link(
        result_id,
        choice.kpi_id,
        choice.site_id,
        choice.department_id,
        choice.baseline_from,
        choice.baseline_to,
        choice.after_from,
    )


class EffectService(Service):
    def link(
        self,
        result_id: int,
        kpi_id: int,
        baseline_from: str,
        baseline_to: str,
        after_from: str,
        site_id: int | None = None,
        department_id: int | None = None,
    ) -> EffectRow:
        """Measure result ``result_id`` by a KPI series (replacing a link it had)."""
        choice = SeriesChoice(
            kpi_id, baseline_from, baseline_to, after_from, site_id, department_id
        )
        return self.link_series(result_id, choice)

    def link_series(self, result_id: int, choice: SeriesChoice) -> EffectRow:
        """``link`` with the series as one value (the window's link dialog)."""
        choice = _checked(choice)
        with self._db.write(self.actor) as session:
            result = self._get(session, Result, result_id)
            refuse_if_closed(result.solution.cause.problem)
            self._check_series(session, choice)
            link = session.scalar(select(ResultKpi).where(ResultKpi.result_id == result_id))
            if link is None:
                link = ResultKpi(result_id=result_id)
                session.add(link)
            link.kpi_id, link.site_id = choice.kpi_id, choice.site_id
            link.department_id = choice.department_id
            link.baseline_from, link.baseline_to = choice.baseline_from, choice.baseline_to
            link.after_from = choice.after_from
            return computed(SessionRows(session), _link_of(result_id, choice), "en")

    def _check_series(self, session: Session, choice: SeriesChoice) -> None:
        self._get(session, Kpi, choice.kpi_id)
        places = {"site_id": choice.site_id, "department_id": choice.department_id}
        self._check_references(session, places)

    def preview(self, result_id: int, choice: SeriesChoice, language: str = "en") -> EffectRow:
        """The effect ``choice`` would give the result, computed and not written
        (ValidationError names a period that is not one or out of order)."""
        choice = _checked(choice)
        with self._db.read() as session:
            self._get(session, Result, result_id)
            self._check_series(session, choice)
            return computed(SessionRows(session), _link_of(result_id, choice), language)

    def choice_of(self, result_id: int) -> SeriesChoice | None:
        """The series the result is measured by (None: typed numbers only)."""
        with self._db.read() as session:
            link = session.scalar(select(ResultKpi).where(ResultKpi.result_id == result_id))
            if link is None:
                return None
            return SeriesChoice(
                link.kpi_id,
                link.baseline_from,
                link.baseline_to,
                link.after_from,
                link.site_id,
                link.department_id,
            )

    def suggest(self, result_id: int, language: str = "en") -> SeriesChoice | None:
        """A link to start from: the series it has, else the KPI named like the result's
        metric (else any KPI; a measured one first) at the problem's site when it is
        measured there (else the whole plant), the three months before the solution's as
        the baseline and the months after it. None when there is no KPI."""
        kept = self.choice_of(result_id)
        if kept is not None:
            return kept
        with self._db.read() as session:
            result = self._get(session, Result, result_id)
            kpis = list(session.scalars(select(Kpi).order_by(Kpi.id)))
            if not kpis:
                return None
            metric = result.metric.strip().casefold()
            named = [
                k
                for k in kpis
                if metric
                and metric in {kpi_title(k.preset, k.name, lang).casefold() for lang in LANGUAGES}
            ]
            measured = set(session.scalars(select(KpiMeasurement.kpi_id).distinct()))
            kpi = min(named or kpis, key=lambda k: (k.id not in measured, k.id))
            problem = result.solution.cause.problem
            measured_at = exists().where(
                KpiMeasurement.kpi_id == kpi.id, KpiMeasurement.site_id == problem.site_id
            )
            site = problem.site_id if session.scalar(select(measured_at)) else None
            done = period_of(result.solution.done_on or self.today())
        return SeriesChoice(
            kpi.id,
            next_period(done, -BASELINE_PERIODS),
            next_period(done, -1),
            next_period(done),
            site,
        )

    def for_problem(self, problem_id: int, language: str = "en") -> dict[int, EffectRow]:
        """The computed effects of a problem's results linked to a KPI series, by result."""
        with self._db.read() as session:
            rows = SessionRows(session)
            return {
                link.result_id: computed(rows, link, language)
                for link in links(rows, problem_id=problem_id)
            }

    def unlink(self, result_id: int) -> None:
        with self._db.write(self.actor) as session:
            link = session.scalar(select(ResultKpi).where(ResultKpi.result_id == result_id))
            if link is not None:
                refuse_if_closed(session.get(Result, result_id).solution.cause.problem)  # type: ignore[union-attr]
                session.delete(link)

    def of_result(self, result_id: int, language: str = "en") -> EffectRow | None:
        """The computed effect of a result linked to a KPI series (None: not linked)."""
        with self._db.read() as session:
            rows = SessionRows(session)
            found = links(rows, result_id=result_id)
            return computed(rows, found[0], language) if found else None

    def top(self, limit: int = 8, language: str = "en") -> tuple[EffectRow, ...]:
        """The results that improved most (computed ones by their series), best first,
        with every relapsed one among them whatever its place."""
        with self._db.read() as session:
            return top(SessionRows(session), limit, language)
