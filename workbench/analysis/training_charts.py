"""The chart of training (培训记录), described for any renderer: sessions per month of a
year, one bar per kind of session (drill, class, manual update, video, online help), so
a month without training, or with only one kind of it, is seen at a glance.

The months are read by their attribute names (the services' MonthRow has them), so this
module needs neither the services nor the storage layer. Texts are in ``language``
(workbench.vocabulary.training).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from workbench.analysis.charts import Chart, Series
from workbench.vocabulary.training import TRAINING_KIND, training_text


class Month(Protocol):
    @property
    def month(self) -> int: ...
    @property
    def by_kind(self) -> Mapping[str, int]: ...


def sessions_per_month_chart(months: Sequence[Month], year: int, language: str) -> Chart:
    """Bars of the sessions held each month of ``year``, a series per kind (0 is a
    month without that kind, not a gap)."""
    series = tuple(
        Series(
            name=label,
            values=tuple(float(month.by_kind.get(key, 0)) for month in months),
            colour=f"training_{key}",
            decimals=0,
        )
        for key, label in TRAINING_KIND.choices(language)
    )
    return Chart(
        kind="bar",
        title=training_text("per_month", language, year=year),
        x_labels=tuple(training_text("month", language, month=m.month) for m in months),
        series=series,
        y_label=training_text("sessions", language),
        unit="",
    )
