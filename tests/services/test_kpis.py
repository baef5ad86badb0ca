"""KPIs and their measurements through the services: the articles' KPIs, thresholds kept
as typed, a batch written whole or refused naming row and field, one ticket per breach,
closing proposed after the team's number of periods in range, audit and undo."""

from __future__ import annotations

import pytest

from workbench.services.bulk import BatchError
from workbench.services.errors import ValidationError
from workbench.services.kpi_records import MeasurementInput


@pytest.fixture
def plant(services):
    lookups = services.lookups
    return {
        "sh": lookups.add_site("SH", "上海工厂").id,
        "sz": lookups.add_site("SZ", "苏州工厂").id,
        "inventory": lookups.add_module("库存").id,
        "warehouse": lookups.add_department("仓储部").id,
    }


@pytest.fixture
def variance(services, plant):
    """库存差异率 ≤ 0.5%, alarm beyond 1.0%, owned by the warehouse."""
    return services.kpis.create(
        {
            "name": "库存差异率",
            "unit": "%",
            "direction": "lower",
            "target": "0.5",
            "warning": "0.50",
            "alarm": "1.0",
            "department_id": plant["warehouse"],
            "erp_module_id": plant["inventory"],
        }
    )


def _rows(kpi_id, site, values, start=1):
    return [
        MeasurementInput(kpi_id, f"2026-{month:02d}", value, site_id=site)
        for month, value in enumerate(values, start=start)
    ]


def test_a_new_database_starts_with_the_articles_kpis_named_in_both_languages(services):
    kpis = services.kpis.kpis()
    assert [k.title("zh_CN") for k in kpis] == [
        "数据准确率",
        "订单处理时长",
        "库存差异率",
        "流程人力投入降低",
        "系统可用率",
        "月度报表生成时间",
        "用户满意度",
    ]
    assert kpis[0].title("en") == "Data accuracy"
    variance = kpis[2]
    assert (str(variance.target), str(variance.alarm), variance.direction) == (
        "0.5",
        "1.0",
        "lower",
    )
    assert [str(k.target) for k in kpis] == ["99", "2", "0.5", "30", "99.5", "2", "4.2"]
    assert services.kpis.add_presets() == ()  # each preset once


def test_a_deleted_preset_comes_back_once_linked_to_its_standard_module(services):
    variance = next(k for k in services.kpis.kpis() if k.preset == "inventory_variance")
    services.kpis.delete(variance.id)
    services.lookups.add_module("库存")

    added = services.kpis.add_presets()

    assert [(k.preset, k.module, str(k.target)) for k in added] == [
        ("inventory_variance", "库存", "0.5")
    ]
    assert services.kpis.add_presets() == ()


def test_a_kpi_keeps_its_thresholds_as_typed_and_refuses_an_alarm_better_than_warning(
    services, variance
):
    assert (str(variance.warning), str(variance.alarm)) == ("0.50", "1.0")
    with pytest.raises(ValidationError) as refused:
        services.kpis.update(variance.id, {"alarm": "0.3"})
    assert refused.value.for_field("alarm").code == "threshold_order"
    with pytest.raises(ValidationError) as nameless:
        services.kpis.create({"direction": "higher", "target": "1"})
    assert nameless.value.for_field("name").code == "name_required"


def test_a_batch_with_one_bad_cell_writes_nothing_and_names_row_and_field(
    services, plant, variance
):
    rows = [
        MeasurementInput(variance.id, "2026-01", "0.4", site_id=plant["sh"]),
        MeasurementInput(variance.id, "2026年2月", "0,4", site_id=plant["sh"]),
        MeasurementInput(variance.id, "March", "0.4", site_id=plant["sh"]),
        MeasurementInput(variance.id, "2026/1", "0.6", site_id=plant["sh"]),
    ]
    with pytest.raises(BatchError) as refused:
        services.kpis.write_measurements(rows)
    found = [(e.row, e.field, e.code) for e in refused.value.rows]
    assert found == [
        (2, "value", "decimal_comma"),
        (3, "period", "not_a_period"),
        (4, "period", "repeated_row"),
    ]
    assert services.kpis.measurements(variance.id) == ()


def test_a_value_is_kept_with_its_decimals_and_replaced_for_the_same_period_and_place(
    services, plant, variance
):
    first = services.kpis.write_measurements(_rows(variance.id, plant["sh"], ["0.40", "0.5"]))
    assert (first.added, first.replaced) == (2, 0)
    again = services.kpis.write_measurements(
        [
            MeasurementInput(variance.id, "2026-02", "0.45", site_id=plant["sh"]),
            MeasurementInput(variance.id, "2026-02", "0.45", site_id=plant["sz"]),
        ]
    )
    assert (again.added, again.replaced) == (1, 1)
    kept = services.kpis.measurements(variance.id)
    assert [(m.period, m.site, str(m.value)) for m in kept] == [
        ("2026-01", "上海工厂", "0.40"),
        ("2026-02", "上海工厂", "0.45"),
        ("2026-02", "苏州工厂", "0.45"),
    ]


def test_a_breach_opens_one_ticket_and_later_breaches_are_added_to_it(services, plant, variance):
    report = services.kpis.write_measurements(
        _rows(variance.id, plant["sh"], ["0.4", "1.3", "1.6", "0.8", "1.2"]), language="zh_CN"
    )
    assert (report.evaluation.opened, report.evaluation.extended) == (1, 2)
    (alert,) = services.alerts.alerts(language="zh_CN")
    assert (alert.opened_period, alert.last_breach_period, alert.breaches) == (
        "2026-02",
        "2026-05",
        3,
    )
    assert (alert.site, alert.owner_department, alert.status) == ("上海工厂", "仓储部", "open")
    ticket = services.problems.get(alert.problem_id)
    assert ticket.title == "KPI异常预警：库存差异率 上海工厂"
    assert "来源：KPI异常预警" in ticket.description
    assert "2026-03：数值1.6 %（报警）" in ticket.description
    assert str(ticket.reported_on) == "2026-03-01"
    assert services.alerts.for_problem(ticket.id).id == alert.id
    # Evaluating again finds nothing new: no second ticket.
    assert services.alerts.evaluate().opened == 0
    assert len(services.alerts.alerts()) == 1


def test_back_in_range_for_the_teams_periods_proposes_closing(services, plant, variance):
    services.alerts.set_close_after(2)
    services.kpis.write_measurements(_rows(variance.id, plant["sh"], ["1.5", "0.4"]))
    (alert,) = services.alerts.alerts()
    assert alert.status == "open"
    with pytest.raises(ValidationError):
        services.alerts.close(alert.id)
    services.kpis.write_measurements(_rows(variance.id, plant["sh"], ["0.3"], start=3))
    (alert,) = services.alerts.alerts()
    assert alert.status == "close_proposed"
    services.alerts.close(alert.id)
    assert services.alerts.alerts() == ()
    # A new breach after closing is a new alert with a new ticket.
    services.kpis.write_measurements(_rows(variance.id, plant["sh"], ["2.0"], start=4))
    (again,) = services.alerts.alerts()
    assert again.id != alert.id and again.problem_id != alert.problem_id


def test_undo_takes_a_batch_back_with_the_ticket_it_opened(services, plant, variance):
    _, written = services.recorded(
        lambda: services.kpis.write_measurements(_rows(variance.id, plant["sh"], ["2.0"]))
    )
    assert len(services.alerts.alerts()) == 1
    services.history.undo(written)
    assert services.kpis.measurements(variance.id) == ()
    assert services.alerts.alerts() == ()
    assert services.integrity.check(full=True).sound


def test_health_weights_are_a_team_rule_adding_up_to_100(services):
    assert services.health.weights() == {"kpi": 40, "solutions": 20, "age": 20, "alerts": 20}
    with pytest.raises(ValidationError):
        services.health.set_weights({"kpi": 50, "solutions": 20, "age": 20, "alerts": 20})
    assert services.health.set_weights({"kpi": 55, "solutions": 15, "age": 15, "alerts": 15})
    assert services.health.weights()["kpi"] == 55


def test_the_health_score_of_a_month_adds_up_from_its_parts(services, plant, variance):
    # 2026-03 at Shanghai: one red value (KPI part 0 of 40) and the alert it opened
    # (1 open of 1 series: 0 of 20); its ticket, reported 2026-04-01, is not open yet at
    # the end of March, nor any solution: 20 + 20.
    services.kpis.write_measurements(_rows(variance.id, plant["sh"], ["0.4", "0.4", "1.5"]))
    report = services.health.report(months=3)
    assert report.periods == ("2026-01", "2026-02", "2026-03")
    assert [r.score.score for r in report.overall] == [100.0, 100.0, 40.0]
    march = report.overall[-1].score
    assert [p.points for p in march.parts] == [0.0, 20.0, 20.0, 0.0]
    assert report.sites[-1].name == "上海工厂" and report.sites[-1].score.score == 40.0
