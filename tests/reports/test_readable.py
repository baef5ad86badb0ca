"""What the PDFs draw stays readable: a reference line's label beside the bars' value
labels, a table's header in its column."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, String

from workbench.analysis.charts import Chart, Series, TargetLine
from workbench.reports.charts import draw


def _strings(drawing: Drawing) -> dict[str, float]:
    return {item.text: item.y for item in drawing.contents if isinstance(item, String)}


def _chart(last: float) -> Chart:
    return Chart(
        kind="bar",
        title="P90 per round",
        x_labels=("R1", "R2", "R3"),
        series=(Series("P90", (52.0, 40.0, last), "satisfaction", decimals=0),),
        y_label="Hours",
        unit="h",
        references=(TargetLine(60.0, "Baseline P90 60"),),
    )


def test_the_lines_label_goes_under_it_when_the_last_bars_value_is_written_there():
    crowded = _strings(draw(_chart(59.0)))
    # The bar's "59" is written just above the line; the line's label moves below it.
    assert crowded["Baseline P90 60"] < crowded["59"] - 6
    clear = _strings(draw(_chart(30.0)))
    assert clear["Baseline P90 60"] > clear["30"] + 20  # above its line, as usual


def test_a_tables_header_wraps_in_its_own_column_not_the_last_ones():
    from workbench.reports.styles import styles, table

    found = table(
        styles(),
        ["Department", "采购", "库存"],
        [["采购部", "1/2", "2/2"]],
        [120.0, 30.0, 30.0],
        numeric=(1, 2),
    )
    assert found._cellvalues[0][0] == "Department"  # one line: its column has the room
