"""The sessions-per-month chart described without Qt: bars of sessions and attendances
per month as counted by hand, 0 for a month without any, texts in both languages."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.analysis.charts import PALETTE
from workbench.analysis.training_charts import sessions_per_month_chart


@dataclass(frozen=True)
class Month:
    month: int
    sessions: int = 0
    attendances: int = 0


def test_bars_of_sessions_and_attendances_per_month():
    months = [Month(1, 3, 12), Month(2), Month(3, 1, 4)]
    chart = sessions_per_month_chart(months, 2026, "en")
    assert chart.kind == "bar" and chart.title == "Training sessions per month, 2026"
    assert chart.x_labels == ("01", "02", "03")
    sessions, attendances = chart.series
    assert (sessions.name, sessions.values) == ("Sessions", (3.0, 0.0, 1.0))  # 0: none held
    assert (attendances.name, attendances.values) == ("Attendances", (12.0, 0.0, 4.0))
    assert all(s.colour in PALETTE and s.decimals == 0 for s in chart.series)
    assert chart.point_text(1, 0) == "Attendances · 01: 12"
    assert chart.y_range is not None and chart.y_range[0] == 0 and chart.y_range[1] > 12


def test_a_year_without_training_still_has_an_axis_and_speaks_chinese():
    chart = sessions_per_month_chart([Month(7)], 2026, "zh_CN")
    assert chart.title == "2026年每月培训场次" and chart.x_labels == ("7月",)
    assert [s.name for s in chart.series] == ["培训场次", "参训人次"]
    assert chart.y_range == (0.0, 1.35) and chart.y_label == "数量"
