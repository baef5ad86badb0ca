"""The KPI rules on hand-computed cases: status with direction, one alert per breach,
proposed closing, baseline and after windows, relapse, and health parts adding up."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.analysis.kpi_rules import (
    AMBER,
    DEFAULT_WEIGHTS,
    GREEN,
    NONE,
    RED,
    HealthInputs,
    check_weights,
    effect,
    health,
    next_period,
    pareto,
    period_of,
    periods_between,
    status,
    walk,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(99.2, GREEN), (99.0, GREEN), (98.5, AMBER), (98.0, AMBER), (97.9, RED), (None, NONE)],
)
def test_higher_is_better_reads_against_warning_and_alarm(value, expected) -> None:
    assert status(value, "higher", target=99, warning=99, alarm=98) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(0.4, GREEN), (0.5, GREEN), (0.8, AMBER), (1.0, AMBER), (1.2, RED)]
)
def test_lower_is_better_turns_the_lines_round(value, expected) -> None:
    assert status(value, "lower", target=0.5, warning=0.5, alarm=1.0) == expected


def test_without_thresholds_missing_the_target_is_a_breach() -> None:
    assert status(1.9, "lower", target=2) == GREEN
    assert status(2.1, "lower", target=2) == RED


def test_a_breach_lasting_months_is_one_alert_with_its_later_breaches_added() -> None:
    found = walk([GREEN, RED, RED, AMBER, RED, GREEN], alert_open=False, close_after=3)
    assert found.breaches == ((1, True), (2, False), (4, False))
    assert not found.propose_close


def test_an_open_alert_takes_the_next_breach_instead_of_a_new_ticket() -> None:
    assert walk([RED], alert_open=True, close_after=3).breaches == ((0, False),)


def test_back_in_range_for_n_periods_proposes_closing_amber_does_not_count() -> None:
    assert walk([RED, GREEN, AMBER, GREEN], False, 3).propose_close is False
    closing = walk([RED, GREEN, AMBER, GREEN, GREEN], False, 3)
    assert closing.propose_close and closing.in_range_since == 3
    assert walk([GREEN, GREEN, GREEN], alert_open=True, close_after=2).propose_close
    assert not walk([GREEN, GREEN, GREEN], alert_open=False, close_after=2).propose_close


def test_periods_count_months_across_years() -> None:
    assert next_period("2025-11", 3) == "2026-02"
    assert periods_between("2025-12", "2026-02") == ("2025-12", "2026-01", "2026-02")
    assert period_of(dt.date(2026, 3, 31)) == "2026-03"


def test_the_effect_is_the_after_mean_against_the_baseline_mean() -> None:
    # Inventory variance (lower is better): baseline (2.0 + 1.6) / 2 = 1.8, after
    # (1.2 + 0.9 + 0.9) / 3 = 1.0: change -44.4%, an improvement of 44.4%.
    points = {
        "2026-01": 2.0,
        "2026-02": 1.6,
        "2026-03": 5.0,
        "2026-04": 1.2,
        "2026-05": 0.9,
        "2026-06": 0.9,
    }
    found = effect(points, "lower", "2026-01", "2026-02", "2026-04", dt.date(2026, 3, 20))
    assert found.baseline == pytest.approx(1.8)
    assert found.after == pytest.approx(1.0)
    assert found.change == pytest.approx(-44.444, abs=0.001)
    assert found.improvement == pytest.approx(44.444, abs=0.001)
    # +30 days is 2026-04-19 (1.2: 33.3% better), +90 days 2026-06-18 (0.9: 50% better).
    assert found.checks == (pytest.approx(33.333, abs=0.001), pytest.approx(50.0))
    assert not found.relapse


def test_sliding_back_more_than_half_of_the_gain_is_a_relapse() -> None:
    # Accuracy 90 → 99 at +30 days (+10%), 93.6 at +90 (+4%: less than half of 10).
    points = {"2026-01": 90.0, "2026-02": 99.0, "2026-04": 93.6}
    found = effect(points, "higher", "2026-01", "2026-01", "2026-02", dt.date(2026, 1, 15))
    assert found.checks == (pytest.approx(10.0), pytest.approx(4.0))
    assert found.relapse


def test_not_measured_yet_is_no_relapse() -> None:
    found = effect(
        {"2026-01": 90.0}, "higher", "2026-01", "2026-01", "2026-02", dt.date(2026, 1, 5)
    )
    assert found.after is None and found.checks == (None, None) and not found.relapse


def test_health_parts_add_up_to_the_score() -> None:
    # KPI: (6 green + 0.5 × 2 amber) / 10 = 0.7 of 40 = 28.0; solutions: 1 - 3/12 = 0.75
    # of 20 = 15.0; age: 45 days average of 180 → 0.75 of 20 = 15.0; alerts 1 - 2/8 = 0.75
    # of 20 = 15.0. 28 + 15 + 15 + 15 = 73.
    inputs = HealthInputs(
        green=6,
        amber=2,
        red=2,
        open_solutions=12,
        overdue_solutions=3,
        open_problems=4,
        open_problem_days=180,
        open_alerts=2,
        series=8,
    )
    score = health("2026-05", inputs, DEFAULT_WEIGHTS)
    assert [p.points for p in score.parts] == [28.0, 15.0, 15.0, 15.0]
    assert score.score == 73.0 == sum(p.points for p in score.parts)


def test_rounded_parts_still_add_up_exactly() -> None:
    inputs = HealthInputs(
        green=1,
        amber=1,
        red=1,
        open_solutions=3,
        overdue_solutions=1,
        open_problems=3,
        open_problem_days=100,
        open_alerts=1,
        series=3,
    )
    score = health("2026-05", inputs, {"kpi": 33, "solutions": 33, "age": 17, "alerts": 17})
    assert score.score == round(sum(p.points for p in score.parts), 1)
    assert [p.points for p in score.parts] == [16.5, 22.0, 13.9, 11.3]


def test_nothing_wrong_scores_full_marks_and_weights_must_add_to_100() -> None:
    assert health("2026-05", HealthInputs(), DEFAULT_WEIGHTS).score == 100.0
    assert check_weights(DEFAULT_WEIGHTS) is None
    assert check_weights({"kpi": 50, "solutions": 20, "age": 20, "alerts": 20}) == "sum"
    assert check_weights({"kpi": 40, "solutions": 20, "age": 20}) == "parts"
    assert check_weights({"kpi": 40.5, "solutions": 20, "age": 19.5, "alerts": 20}) == "whole"


def test_pareto_orders_causes_and_accumulates_their_share() -> None:
    rows = pareto({"data": 5, "process": 3, "people": 1, "system": 1})
    assert [r[0] for r in rows] == ["data", "process", "people", "system"]
    assert [r[3] for r in rows] == [50.0, 80.0, 90.0, 100.0]
