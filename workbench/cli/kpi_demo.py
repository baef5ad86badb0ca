"""The demo's KPIs (KPI 指标): the articles' seven, with 26 months of measurements up to
last month at every site, written through the services by the demo's project manager.

Most values stay in range with a little noise; a few breaches make the alerts a manager
should see: inventory variance at the first site broke its alarm eight months ago and
recovered (its alert proposed for closing, then closed), order processing at the third
site broke it five months ago and is back in range (closing proposed), data
accuracy at the second site and the monthly report at headquarters are out of range now
(open alerts, each with one ticket however many months it lasts). Process effort
reduction is measured for the whole plant, climbing towards its 30% target. Two results
of the record are measured by a KPI series: one holds its gain, one relapses.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence

from workbench.analysis.kpi_rules import next_period, period_of, period_start
from workbench.cli.scenario import LookupIds
from workbench.services import Services
from workbench.services.chain import SOLUTION
from workbench.services.kpi_records import KpiRecord, MeasurementInput
from workbench.services.records import ProblemFilter, ProblemSort

MANAGER = "zhao.lei"
MONTHS = 26
# preset → (owner department key, ERP module key, normal level, noise)
PLAN: Mapping[str, tuple[str, str | None, float, float, int]] = {
    "data_accuracy": ("it", "master_data", 99.35, 0.2, 1),
    "order_time": ("sales", "sales", 1.7, 0.15, 1),
    "inventory_variance": ("warehouse", "inventory", 0.38, 0.06, 2),
    "effort_reduction": ("production", None, 0.0, 1.0, 0),
    "availability": ("it", None, 99.75, 0.1, 2),
    "report_time": ("finance", "finance", 1.6, 0.2, 1),
    "satisfaction": ("hr", None, 4.32, 0.06, 2),
}
# (preset, site position, months before the last, values): the breaches.
# Within the demo problems' span, so their tickets come after them in the code order.
EPISODES: tuple[tuple[str, int, int, tuple[float, ...]], ...] = (
    ("inventory_variance", 0, 8, (1.3, 1.5, 1.2, 1.1)),
    ("order_time", 2, 5, (3.4, 3.2)),
    ("data_accuracy", 1, 1, (97.4, 97.1)),
    ("report_time", 4, 0, (4.6,)),
)


def _linked_results(services: Services) -> list[tuple[int, int, dt.date | None]]:
    """Results of problems not closed (a closed record is read-only), with their solution
    and the day it was done."""
    found = []
    for row in services.problems.page(ProblemFilter(), ProblemSort("code"), 0, 500):
        if row.status not in ("verifying", "solving"):
            continue
        detail = services.problems.get(row.id)
        for cause in detail.causes:
            for solution in cause.solutions:
                found += [(r.id, solution.id, solution.done_on) for r in solution.results]
    return found


def write_kpis(services: Services, lang: str, ids: LookupIds, today: dt.date) -> None:
    manager = Services.build(services.database, MANAGER)
    manager.kpis.add_presets()  # a new database has them already; an older one may not
    kpis: dict[str | None, KpiRecord] = {k.preset: k for k in manager.kpis.kpis() if k.preset}
    for preset, (department, module, *_rest) in PLAN.items():
        manager.kpis.update(
            kpis[preset].id,
            {
                "department_id": ids.departments.get(department),
                "erp_module_id": ids.modules.get(module) if module else None,
            },
        )
    last = next_period(period_of(today), -1)
    periods = tuple(next_period(last, -n) for n in range(MONTHS - 1, -1, -1))
    shaped = _shape_links(manager, kpis, ids, periods, today)
    rng = random.Random(9)
    for preset, (_dept, _module, level, noise, decimals) in PLAN.items():
        kpi = kpis[preset]
        rows = []
        for position, site in enumerate(ids.sites):
            if preset == "effort_reduction":
                break
            for index, period in enumerate(periods):
                value = shaped.get((preset, position, period))
                if value is None:
                    value = _episode(preset, position, MONTHS - 1 - index)
                if value is None:
                    value = level + rng.uniform(-noise, noise)
                rows.append(_row(kpi, period, value, decimals, site))
        if preset == "effort_reduction":
            for index, period in enumerate(periods):
                rows.append(_row(kpi, period, 18 + 14 * index / (MONTHS - 1), 1, None))
        manager.kpis.write_measurements(rows, language=lang)
    for alert in manager.alerts.alerts():  # the oldest recovery is closed; the other waits
        if alert.status == "close_proposed" and alert.last_breach_period <= periods[-6]:
            manager.alerts.close(alert.id)


def _row(
    kpi: KpiRecord, period: str, value: float, decimals: int, site: int | None
) -> MeasurementInput:
    return MeasurementInput(kpi.id, period, f"{value:.{decimals}f}", site_id=site)


def _episode(preset: str, position: int, back: int) -> float | None:
    for name, site, start, values in EPISODES:
        if name == preset and site == position and 0 <= start - back < len(values):
            return values[start - back]
    return None


def _shape_links(
    manager: Services,
    kpis: Mapping[str | None, KpiRecord],
    ids: LookupIds,
    periods: Sequence[str],
    today: dt.date,
) -> dict[tuple[str, int, str], float]:
    """Link two results to KPI series and shape those series around their solution: one
    keeps its gain, one slides back (a relapse)."""
    shaped: dict[tuple[str, int, str], float] = {}
    # (preset, site position, before, at +30 days, from +90 days on): the relapse first,
    # on a result whose +90 days are measured already (its solution done long enough ago).
    plans = (("satisfaction", 1, 3.9, 4.5, 3.95), ("inventory_variance", 3, 0.9, 0.34, 0.35))
    measured = period_start(next_period(periods[-1])) - dt.timedelta(days=91)
    latest = today - dt.timedelta(days=120)  # a solution with no day: done before this
    candidates = sorted(
        _linked_results(manager), key=lambda c: (c[2] is not None and c[2] > measured, c[0])
    )
    for number, (
        (preset, position, before, at_30, later),
        (result_id, solution_id, done_on),
    ) in enumerate(zip(plans, candidates, strict=False)):
        if position >= len(ids.sites):
            continue
        if number == 0 and done_on is not None and done_on > measured:
            # The relapse needs its +90 days measured: the solution was done earlier.
            done_on = measured - dt.timedelta(days=10)
            manager.chain.update(SOLUTION, solution_id, {"done_on": done_on})
        # The effect is re-checked from the day its solution was done, or else from the
        # first period after (workbench.services.kpi_effects): shape the series around it.
        after_from = next_period(period_of(done_on or latest))
        day = done_on or period_start(after_from)
        for period in periods:
            start = period_start(period)
            if period < after_from:
                value = before
            elif start <= day + dt.timedelta(days=45):
                value = at_30
            else:
                value = later
            shaped[(preset, position, period)] = value
        site = ids.sites[position]
        first = next_period(after_from, -4)
        manager.effects.link(
            result_id, kpis[preset].id, first, next_period(after_from, -1), after_from, site_id=site
        )
    return shaped
