"""The chart of training (培训记录), described for any renderer: per month of a year, the
sessions held and the attendances at them, as bars side by side, so a month without
training, or with sessions few attended, is seen at a glance (the kinds of session are
in the table beside it).

The months are read by their attribute names (the services' MonthRow has them), so this
module needs neither the services nor the storage layer. Texts are in ``language``
(workbench.vocabulary.training).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from workbench.analysis.charts import Chart, Series
from workbench.vocabulary.training import training_text

# Room above the highest bar for the legend, which sits at the top left.
HEADROOM = 1.35


class Month(Protocol):
    @property
    def month(self) -> int: ...
    @property
    def sessions(self) -> int: ...
    @property
    def attendances(self) -> int: ...


def sessions_per_month_chart(months: Sequence[Month], year: int, language: str) -> Chart:
    """Bars of the sessions held and the attendances each month of ``year`` (0 is a
    month without any, not a gap)."""
    sessions = tuple(float(m.sessions) for m in months)
    attendances = tuple(float(m.attendances) for m in months)
    highest = max((*sessions, *attendances), default=0.0)
    return Chart(
        kind="bar",
        title=training_text("per_month", language, year=year),
        x_labels=tuple(training_text("month", language, month=m.month) for m in months),
        series=(
            Series(training_text("sessions", language), sessions, "sessions", decimals=0),
            Series(training_text("attendances", language), attendances, "attendances", 0),
        ),
        y_label=training_text("count", language),
        unit="",
        y_range=(0.0, max(highest, 1.0) * HEADROOM),
    )
