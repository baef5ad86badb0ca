"""The pilot's two charts, described from a hand-made pilot: the values per round, the
criterion's line and zone, the baseline lines, the texts in the user's language."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from workbench.analysis.pilot_charts import duration_chart, pilot_charts, satisfaction_chart
from workbench.services import Services
from workbench.services.pilot_records import PilotDetail, PilotRoundRecord

START = dt.date(2026, 3, 2)
NOON = dt.datetime(2026, 3, 2, 12)
FIGURES = (
    "satisfaction_mean",
    "satisfaction_spread",
    "duration_before_median",
    "duration_before_p90",
    "duration_after_median",
    "duration_after_p90",
)


def a_round(number: int, **typed: str) -> PilotRoundRecord:
    """A round with figures given as typed ("4.20": 4.2 with two decimals)."""
    values: dict[str, Any] = {name: None for name in FIGURES}
    values.update({f"{name}_decimals": None for name in FIGURES})
    for name, text in typed.items():
        values[name] = float(text)
        values[f"{name}_decimals"] = len(text.partition(".")[2])
    return PilotRoundRecord(
        id=number,
        pilot_id=1,
        number=number,
        starts_on=START + dt.timedelta(days=14 * (number - 1)),
        ends_on=START + dt.timedelta(days=14 * number - 1),
        dates_fixed=False,
        changes="",
        satisfaction_respondents=None,
        findings="",
        decision=None,
        **values,
    )


def a_pilot(*rounds: PilotRoundRecord, **changes: Any) -> PilotDetail:
    values: dict[str, Any] = {
        "id": 1,
        "code": "PL-2026-01",
        "name": "简化审批层级",
        "scope": "华东区销售",
        "site_id": None,
        "erp_module_id": None,
        "hypothesis": "简化审批层级是否提升效率",
        "criterion_metric": "用户满意度",
        "criterion_measure": "satisfaction_mean",
        "criterion_direction": "higher",
        "criterion_threshold": 4.2,
        "criterion_threshold_decimals": 1,
        "round_days": 14,
        "baseline_median": 8.0,
        "baseline_median_decimals": 1,
        "baseline_p90": 20.0,
        "baseline_p90_decimals": 0,
        "owner_id": None,
        "status": "running",
        "started_on": START,
        "created_at": NOON,
        "updated_at": NOON,
        "rounds": rounds,
    }
    return PilotDetail(**{**values, **changes})


ROUNDS = (
    a_round(1, satisfaction_mean="3.9", duration_after_median="7.5", duration_after_p90="18"),
    a_round(2, satisfaction_mean="4.30", duration_after_median="5.0", duration_after_p90="12"),
    a_round(3, duration_after_median="3.5", duration_after_p90="9"),
)


def test_satisfaction_per_round_against_the_criterion() -> None:
    chart = satisfaction_chart(a_pilot(*ROUNDS), "zh_CN")
    assert (chart.kind, chart.title, chart.y_label, chart.unit) == (
        "line",
        "每轮用户满意度",
        "平均分",
        "分",
    )
    assert chart.x_labels == ("第1轮", "第2轮", "第3轮")
    (series,) = chart.series
    assert (series.values, series.decimals, series.colour) == ((3.9, 4.3, None), 2, "satisfaction")
    assert chart.target is not None
    assert (chart.target.value, chart.target.label) == (4.2, "成功标准 ≥ 4.2")
    assert [(b.low, b.high) for b in chart.bands] == [(4.2, 5.0)]
    assert chart.y_range == (1.0, 5.0) and chart.references == ()
    assert chart.point_text(0, 1) == "满意度均分 · 第2轮: 4.30 分"


def test_duration_after_against_the_baseline_without_a_satisfaction_criterion() -> None:
    chart = duration_chart(a_pilot(*ROUNDS), "en")
    assert (chart.kind, chart.title, chart.unit) == ("bar", "Process duration per round", "h")
    assert [s.name for s in chart.series] == ["Median after", "P90 after"]
    assert [s.values for s in chart.series] == [(7.5, 5.0, 3.5), (18.0, 12.0, 9.0)]
    assert [(r.value, r.label) for r in chart.references] == [
        (8.0, "Baseline median 8.0"),
        (20.0, "Baseline p90 20"),
    ]
    assert chart.target is None and chart.bands == ()
    assert chart.y_range == (0.0, pytest.approx(20.0 * 1.15))


def test_a_duration_criterion_is_drawn_on_the_duration_chart_only() -> None:
    pilot = a_pilot(
        *ROUNDS,
        criterion_measure="duration_after_median",
        criterion_direction="lower",
        criterion_threshold=4.0,
        criterion_threshold_decimals=1,
    )
    satisfaction, duration = pilot_charts(pilot, "zh_CN")
    assert satisfaction.target is None and satisfaction.bands == ()
    assert duration.target is not None
    assert (duration.target.value, duration.target.label) == (4.0, "成功标准 ≤ 4.0")
    # lower is better: the zone where it is met runs from 0 h up to the threshold
    assert [(b.low, b.high, b.label) for b in duration.bands] == [(0.0, 4.0, "达标区间")]


def test_without_its_own_baseline_the_first_rounds_duration_before_is_the_baseline() -> None:
    first = a_round(1, duration_before_median="9.5", duration_before_p90="22")
    pilot = a_pilot(first, baseline_median=None, baseline_p90=None)
    chart = duration_chart(pilot, "zh_CN")
    assert [r.label for r in chart.references] == ["基线中位数 9.5", "基线P90 22"]
    assert chart.empty


def test_the_charts_of_a_stored_pilot(services: Services, new_pilot) -> None:
    pilot = new_pilot(rounds=({"satisfaction_mean": "4.0"}, {"satisfaction_mean": "4.5"}))
    satisfaction, duration = services.pilots.charts(pilot.id, "en")
    assert satisfaction.series[0].values == (4.0, 4.5)
    assert satisfaction.x_labels == ("Round 1", "Round 2")
    assert satisfaction.target is not None and satisfaction.target.label == "Criterion ≥ 4.2"
    assert duration.references == ()
