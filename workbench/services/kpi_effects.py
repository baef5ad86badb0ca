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
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from workbench.analysis.kpi_rules import Effect, effect, period_start
from workbench.services.base import Service
from workbench.services.closing import refuse_if_closed
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
        try:
            first, last, after = (parse_period(p) for p in (baseline_from, baseline_to, after_from))
        except ValueError as error:
            raise _refuse("baseline_from", "not_a_period", "is not a month") from error
        if last < first:
            raise _refuse("baseline_to", "date_order", "is before the baseline's first period")
        if after <= last:
            raise _refuse("after_from", "date_order", "is not after the baseline")
        with self._db.write(self.actor) as session:
            result = self._get(session, Result, result_id)
            refuse_if_closed(result.solution.cause.problem)
            self._get(session, Kpi, kpi_id)
            self._check_references(session, {"site_id": site_id, "department_id": department_id})
            link = session.scalar(select(ResultKpi).where(ResultKpi.result_id == result_id))
            if link is None:
                link = ResultKpi(result_id=result_id)
                session.add(link)
            link.kpi_id, link.site_id, link.department_id = kpi_id, site_id, department_id
            link.baseline_from, link.baseline_to, link.after_from = first, last, after
            session.flush()
            return _computed(session, link, "en")

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
