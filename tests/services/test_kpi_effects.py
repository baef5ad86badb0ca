"""A result measured by a KPI series, and the dashboard's readings, through the services."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workbench.services.chain import CAUSE, SOLUTION
from workbench.services.errors import ValidationError
from workbench.services.kpi_records import MeasurementInput


@pytest.fixture
def variance(services):
    return services.kpis.create(
        {
            "name": "库存差异率",
            "unit": "%",
            "direction": "lower",
            "target": "0.5",
            "alarm": "1.0",
            "department_id": services.lookups.add_department("仓储部").id,
        }
    )


def _write(services, kpi_id, values):
    services.kpis.write_measurements(
        [MeasurementInput(kpi_id, period, value) for period, value in values.items()]
    )


def test_a_result_linked_to_a_kpi_series_computes_its_effect_and_relapse(
    services, full_chain, variance
):
    solution = full_chain.causes[0].solutions[0]
    services.chain.update(SOLUTION, solution.id, {"status": "done", "done_on": "2026-01-10"})
    # Baseline (1.0 + 0.8) / 2 = 0.9; +30 days 2026-02: 0.45 (50% better); +90 days
    # 2026-04: 0.8 (11% better, less than half of 50): a relapse.
    _write(
        services,
        variance.id,
        {"2025-11": "1.0", "2025-12": "0.8", "2026-02": "0.45", "2026-03": "0.6", "2026-04": "0.8"},
    )
    result = full_chain.results()[0]
    linked = services.effects.link(result.id, variance.id, "2025-11", "2025-12", "2026-02")
    assert linked.effect.baseline == pytest.approx(0.9)
    assert linked.effect.after == pytest.approx((0.45 + 0.6 + 0.8) / 3)
    assert linked.effect.checks[0] == pytest.approx(50.0)
    assert linked.effect.relapse
    assert services.effects.of_result(result.id, "zh_CN").kpi == "库存差异率"
    top = services.effects.top()
    assert [r.result_id for r in top] == [result.id] and top[0].effect.relapse
    with pytest.raises(ValidationError) as refused:
        services.effects.link(result.id, variance.id, "2025-11", "2025-12", "2025-12")
    assert refused.value.errors[0].field == "after_from"


def test_typed_results_rank_by_improvement_in_their_direction(services, full_chain):
    (row,) = services.effects.top()
    # 2.0% → 1.2%, lower is better: 40% better.
    assert row.kpi is None and row.effect.improvement == pytest.approx(40.0)


def test_the_dashboard_reads_tiles_causes_months_ranking_and_bars(services, full_chain, variance):
    _write(services, variance.id, {"2026-01": "0.4", "2026-02": "0.9"})
    tiles = services.dashboard.tiles(periods=3)
    # The new database's seven KPIs, unmeasured, beside the one measured here.
    assert [t.kpi.id for t in tiles if t.value is None] == [t.kpi.id for t in tiles[:7]]
    tile = tiles[-1]
    assert tile.kpi.id == variance.id
    assert (tile.period, tile.value, tile.status) == ("2026-02", 0.9, "amber")
    assert tile.periods == ("2025-12", "2026-01", "2026-02") and tile.values == (None, 0.4, 0.9)
    services.chain.add(CAUSE, full_chain.id, {"description": "盘点流程不清", "category": "process"})
    assert services.dashboard.causes_by_category() == {None: 1, "process": 1}
    behind = services.dashboard.behind("category", "process")
    assert [b.code for b in behind] == [full_chain.code]
    months = services.dashboard.opened_closed("2025-04", months=2)
    assert months.periods == ("2025-03", "2025-04") and months.opened == (1, 0)
    assert [b.code for b in services.dashboard.behind("opened", "2025-03")] == [full_chain.code]
    (ranked,) = services.dashboard.ranking()
    assert (ranked.department, ranked.attained, ranked.measured) == ("仓储部", 0, 1)


def test_a_link_is_suggested_by_the_results_metric_previewed_then_read_per_problem(
    services, full_chain, variance
):
    solution = full_chain.causes[0].solutions[0]
    services.chain.update(SOLUTION, solution.id, {"status": "done", "done_on": "2026-01-10"})
    _write(services, variance.id, {"2025-10": "1.2", "2025-11": "1.0", "2025-12": "0.8"})
    _write(services, variance.id, {"2026-02": "0.5", "2026-03": "0.4"})
    result = full_chain.results()[0]

    # 库存差异率 names the new database's preset too: the one measured is proposed,
    # for the whole plant (the problem has no site), the three months before January.
    choice = services.effects.suggest(result.id)
    assert (choice.kpi_id, choice.site_id) == (variance.id, None)
    assert (choice.baseline_from, choice.baseline_to, choice.after_from) == (
        "2025-10",
        "2025-12",
        "2026-02",
    )
    preview = services.effects.preview(result.id, choice)
    assert preview.effect.baseline == pytest.approx(1.0)
    assert preview.effect.after == pytest.approx(0.45)
    assert preview.effect.improvement == pytest.approx(55.0)
    assert services.effects.of_result(result.id) is None  # a preview writes nothing
    with pytest.raises(ValidationError) as refused:
        services.effects.preview(result.id, replace(choice, baseline_to="2025-13"))
    assert refused.value.errors[0].field == "baseline_to"

    services.effects.link_series(result.id, choice)

    assert services.effects.suggest(result.id) == choice  # the link it has now
    effects = services.effects.for_problem(full_chain.id, "zh_CN")
    assert list(effects) == [result.id] and effects[result.id].kpi == "库存差异率"
    trail = services.trail.of_problem(full_chain.id)
    assert [(e.kind, e.action, e.actor) for e in trail if e.kind == "result_kpi"] == [
        ("result_kpi", "create", "tester")
    ]
