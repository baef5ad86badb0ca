"""A chart described as plain data, to be drawn by any renderer: pyqtgraph on screen
(workbench.ui.charts) and reportlab in the PDF report.

A ``Chart`` is a line or bar chart over labelled points on x (rounds, months): its
series (a value per label, None for a gap), the y axis's label and unit, an optional
target line (a success criterion, a KPI threshold), reference lines (a baseline) and
bands (the zone where a target is met). Colours are keys of the one ``PALETTE``; the
texts a reader sees are in the user's language already, and ``point_text`` says a
point's value the same way in every renderer (a hover on screen, a label in the PDF).
Nothing here depends on Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

# The one palette: colour key → hex. Renderers look colours up here, never elsewhere.
PALETTE: Final[Mapping[str, str]] = {
    "satisfaction": "#2F6DB5",
    "median": "#2F6DB5",
    "p90": "#E07B1F",
    "criterion": "#C0392B",
    "baseline": "#7F8C8D",
    "baseline_p90": "#B08D57",
    "met": "#2E9E5B",
    "count": "#4A7FB0",  # how many (the report's Pareto and distributions)
    "sessions": "#2F6DB5",  # training sessions held
    "attendances": "#2E9E5B",  # people who attended them
    "text": "#333333",
    "axis": "#666666",
    "grid": "#D9D9D9",
    "background": "#FFFFFF",
    "kpi": "#2F6DB5",
    "green": "#2E9E5B",
    "amber": "#E0A21F",
    "red": "#C0392B",
    "opened": "#E07B1F",
    "closed": "#2E9E5B",
    "cumulative": "#C0392B",
}
# How opaque a band is drawn over the background (0 … 1): a tint, not a block.
BAND_OPACITY: Final = 0.12

Kind = Literal["line", "bar"]
KINDS: Final = ("line", "bar")


def colour(key: str) -> str:
    """The hex colour (#RRGGBB) of a palette key; KeyError for a key not in it."""
    return PALETTE[key]


def _known(key: str) -> None:
    if key not in PALETTE:
        raise ValueError(f"colour {key!r} is not in the palette")


@dataclass(frozen=True)
class Series:
    """One line (or one set of bars): a value per x label, None where there is none
    (a gap, not a zero); ``decimals`` as its figures were typed. ``kind`` draws this
    series otherwise than the chart's (bars with a line over them, as a Pareto chart's
    cumulative share); ``colours`` gives each point its own palette key (a bar coloured
    by its status)."""

    name: str
    values: tuple[float | None, ...]
    colour: str
    decimals: int = 1
    kind: Kind | None = None
    colours: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _known(self.colour)
        for key in self.colours:
            _known(key)
        if self.colours and len(self.colours) != len(self.values):
            raise ValueError(f"series {self.name!r} has a colour per point missing")
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"a series is one of {', '.join(KINDS)}, not {self.kind!r}")

    def drawn_as(self, chart_kind: Kind) -> Kind:
        return self.kind or chart_kind


@dataclass(frozen=True)
class TargetLine:
    """A horizontal line at ``value``: a target to meet, or a reference (a baseline)."""

    value: float
    label: str
    colour: str = "criterion"
    dashed: bool = True

    def __post_init__(self) -> None:
        _known(self.colour)


@dataclass(frozen=True)
class Band:
    """A horizontal zone from ``low`` to ``high``, e.g. where the criterion is met."""

    low: float
    high: float
    label: str
    colour: str = "met"

    def __post_init__(self) -> None:
        _known(self.colour)
        if self.high < self.low:
            raise ValueError("a band's high is below its low")


@dataclass(frozen=True)
class Chart:
    """A chart to draw; ``y_range`` (low, high) fixes the y axis (None: fit the data)."""

    kind: Kind
    title: str
    x_labels: tuple[str, ...]
    series: tuple[Series, ...]
    y_label: str
    unit: str
    target: TargetLine | None = None
    bands: tuple[Band, ...] = ()
    references: tuple[TargetLine, ...] = ()
    y_range: tuple[float, float] | None = None
    legend: bool = True  # False: the title names the one series already

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"a chart is one of {', '.join(KINDS)}, not {self.kind!r}")
        for series in self.series:
            if len(series.values) != len(self.x_labels):
                raise ValueError(
                    f"series {series.name!r} has {len(series.values)} values for "
                    f"{len(self.x_labels)} labels"
                )
        if self.y_range is not None and self.y_range[1] <= self.y_range[0]:
            raise ValueError("the y range's high is not above its low")

    @property
    def empty(self) -> bool:
        """Whether no series has a single value (there is nothing to draw but axes)."""
        return all(v is None for s in self.series for v in s.values)

    def lines(self) -> tuple[TargetLine, ...]:
        """Every horizontal line: the references, then the target (drawn on top)."""
        return self.references + ((self.target,) if self.target is not None else ())

    def point_text(self, series: int, point: int) -> str:
        """A point as a reader is told it: "Satisfaction (mean) · Round 2: 4.3 points";
        "" for a gap."""
        found = self.series[series]
        value = found.values[point]
        if value is None:
            return ""
        unit = f" {self.unit}" if self.unit else ""
        return f"{found.name} · {self.x_labels[point]}: {value:.{found.decimals}f}{unit}"
