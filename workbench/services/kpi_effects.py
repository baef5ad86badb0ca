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

from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session

from workbench.analysis.kpi_rules import Effect, effect, next_period, period_of, period_start
from workbench.services.base import Service
from workbench.services.closing import refuse_if_closed
from workbench.services.dashboard_facts import EffectRow
from workbench.services.errors import FieldError, ValidationError
from workbench.services.kpi_input import parse_period
from workbench.services.kpi_records import kpi_title
from workbench.store.models import (
    Cause,
    Kpi,
    KpiMeasurement,
    Problem,
    Result,
    ResultKpi,
    Solution,
)
from workbench.vocabulary import LANGUAGES


def series(session: Session, link: ResultKpi) -> dict[str, float]:
    """The link's values per period (the mean of every place when it names none)."""
    query = select(KpiMeasurement.period, KpiMeasurement.value).where(
        KpiMeasurement.kpi_id == link.kpi_id
    )
    if link.site_id is not None:
        query = query.where(KpiMeasurement.site_id == link.site_id)
    if link.department_id is not None:
        query = query.where(KpiMeasurement.department_id == link.department_id)
    found: dict[str, list[float]] = defaultdict(list)
    for period, value in session.execute(query):
        found[period].append(value)
    return {p: sum(v) / len(v) for p, v in found.items()}


def _refuse(name: str, code: str, message: str) -> ValidationError:
    return ValidationError([FieldError(name, code, message)])


def _computed(session: Session, link: ResultKpi, language: str) -> EffectRow:
    result = session.get(Result, link.result_id)
    kpi = session.get(Kpi, link.kpi_id)
    assert result is not None and kpi is not None
    solution = result.solution
    done = solution.done_on or period_start(link.after_from)
    found = effect(
        series(session, link),
        kpi.direction,
        link.baseline_from,
        link.baseline_to,
        link.after_from,
        done,
    )
    problem = solution.cause.problem
    return EffectRow(
        result.id,
        problem.id,
        problem.code,
        result.metric,
        kpi_title(kpi.preset, kpi.name, language),
        link.baseline_from,
        link.baseline_to,
        link.after_from,
        found,
    )


def _typed(
    result_id: int,
    metric: str,
    direction: str,
    baseline: float,
    after: float | None,
    problem_id: int,
    code: str,
) -> EffectRow:
    change = None if after is None or not baseline else (after - baseline) / abs(baseline) * 100
    improvement = None if change is None else (change if direction == "higher" else -change)
    found = Effect(baseline, after, change, improvement, (), False)
    return EffectRow(result_id, problem_id, code, metric, None, None, None, None, found)


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


def _link_of(result_id: int, choice: SeriesChoice) -> ResultKpi:
    return ResultKpi(
        result_id=result_id,
        kpi_id=choice.kpi_id,
        site_id=choice.site_id,
        department_id=choice.department_id,
        baseline_from=choice.baseline_from,
        baseline_to=choice.baseline_to,
        after_from=choice.after_from,
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
            session.flush()
            return _computed(session, link, "en")

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
            return _computed(session, _link_of(result_id, choice), language)

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
            links = session.scalars(
                select(ResultKpi)
                .join(Result, ResultKpi.result_id == Result.id)
                .join(Solution, Result.solution_id == Solution.id)
                .join(Cause, Solution.cause_id == Cause.id)
                .where(Cause.problem_id == problem_id)
            )
            return {link.result_id: _computed(session, link, language) for link in links}

    def unlink(self, result_id: int) -> None:
        with self._db.write(self.actor) as session:
            link = session.scalar(select(ResultKpi).where(ResultKpi.result_id == result_id))
            if link is not None:
                refuse_if_closed(session.get(Result, result_id).solution.cause.problem)  # type: ignore[union-attr]
                session.delete(link)

    def of_result(self, result_id: int, language: str = "en") -> EffectRow | None:
        """The computed effect of a result linked to a KPI series (None: not linked)."""
        with self._db.read() as session:
            link = session.scalar(select(ResultKpi).where(ResultKpi.result_id == result_id))
            return None if link is None else _computed(session, link, language)

    def top(self, limit: int = 8, language: str = "en") -> tuple[EffectRow, ...]:
        """The results that improved most (computed ones by their series), best first,
        with every relapsed one among them whatever its place."""
        with self._db.read() as session:
            rows = [
                _computed(session, link, language) for link in session.scalars(select(ResultKpi))
            ]
            linked = {r.result_id for r in rows}
            change = (Result.value_after - Result.baseline_value) / func.abs(Result.baseline_value)
            improvement = case((Result.direction == "higher", change), else_=-change)
            typed = session.execute(
                select(
                    Result.id,
                    Result.metric,
                    Result.direction,
                    Result.baseline_value,
                    Result.value_after,
                    Problem.id,
                    Problem.code,
                )
                .join(Solution, Result.solution_id == Solution.id)
                .join(Cause, Solution.cause_id == Cause.id)
                .join(Problem, Cause.problem_id == Problem.id)
                .where(Result.value_after.is_not(None), Result.baseline_value != 0)
                .order_by(improvement.desc(), Problem.code)
                .limit(limit + len(linked))
            )
            rows += [_typed(*row) for row in typed if row[0] not in linked]
        known = [r for r in rows if r.effect.improvement is not None]
        known.sort(key=lambda r: (-(r.effect.improvement or 0.0), r.problem_code))
        best = known[:limit]
        relapsed = [r for r in known[limit:] if r.effect.relapse]
        return tuple(best + relapsed)
