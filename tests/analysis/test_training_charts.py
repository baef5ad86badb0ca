"""The sessions-per-month chart described without Qt: a bar per kind and month, counted
by hand, 0 for a month without that kind, texts in both languages."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.analysis.charts import PALETTE
from workbench.analysis.training_charts import sessions_per_month_chart


@dataclass(frozen=True)
class Month:
    month: int
    by_kind: dict[str, int] = field(default_factory=dict)


def test_a_bar_per_kind_and_month_counted_as_held():
    months = [Month(1, {"drill": 2, "class": 1}), Month(2), Month(3, {"video": 1})]
    chart = sessions_per_month_chart(months, 2026, "en")
    assert chart.kind == "bar" and chart.title == "Training sessions per month, 2026"
    assert chart.x_labels == ("01", "02", "03")
    by_name = {s.name: s.values for s in chart.series}
    assert list(by_name) == [
        "On-site drill",
        "Class",
        "Manual update",
        "Video tutorial",
        "Online help",
    ]
    assert by_name["On-site drill"] == (2.0, 0.0, 0.0)  # 0: none held, not a gap
    assert by_name["Video tutorial"] == (0.0, 0.0, 1.0)
    assert all(s.colour in PALETTE and s.decimals == 0 for s in chart.series)
    assert chart.point_text(0, 0) == "On-site drill · 01: 2"


def test_the_chart_speaks_chinese():
    chart = sessions_per_month_chart([Month(7, {"drill": 1})], 2026, "zh_CN")
    assert chart.title == "2026年每月培训场次" and chart.x_labels == ("7月",)
    assert chart.series[0].name == "现场演练" and chart.y_label == "场次"
