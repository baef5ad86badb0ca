"""The report's distribution charts, described for any renderer: how many causes or
problems fall under each name, most first (a Pareto's order), as bars.

Names and counts come in already named in the reader's language; nothing here depends on
the services or on Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.analysis.charts import Chart, Series


def tally_chart(
    title: str, counted: Sequence[tuple[str, int]], series: str, axis: str, unit: str = ""
) -> Chart:
    """Bars of ``counted`` (name, count) pairs in the order given, most first."""
    ordered = sorted(counted, key=lambda pair: -pair[1])
    return Chart(
        kind="bar",
        title=title,
        x_labels=tuple(name for name, _ in ordered),
        series=(Series(series, tuple(float(n) for _, n in ordered), "count", decimals=0),),
        y_label=axis,
        unit=unit,
    )
