"""The two charts of a pilot (试点), described for any renderer.

``satisfaction_chart``: the survey's mean score per round (1–5), with the success
criterion's line and the zone where it is met when the criterion is read from the
satisfaction. ``duration_chart``: the process duration after each round, median and p90
in hours, as bars, against the baseline (the pilot's baseline, else the first measured
round's duration before) and the criterion when it is read from a duration.

The pilot is read by its attribute names (the services' PilotDetail and its rounds have
them), so this module needs neither the services nor the storage layer. Texts are in
``language`` (workbench.vocabulary.pilots).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from workbench.analysis.charts import Band, Chart, Series, TargetLine
from workbench.vocabulary.pilots import pilot_text

SATISFACTION = "satisfaction_mean"
DURATIONS = ("duration_after_median", "duration_after_p90")
SCALE = (1.0, 5.0)  # the survey's scores
# Room above the highest value, so a line at the top is not drawn on the frame.
HEADROOM = 1.15


class Number(Protocol):
    """A figure as it was typed (workbench.services.numbers.TypedNumber)."""

    @property
    def value(self) -> float: ...

    def places(self) -> int: ...

    def text(self, places: int | None = None) -> str: ...


class Round(Protocol):
    @property
    def number(self) -> int: ...

    def figure(self, name: str) -> Number | None: ...


class Pilot(Protocol):
    @property
    def criterion_measure(self) -> str: ...
    @property
    def criterion_direction(self) -> str: ...
    @property
    def threshold(self) -> Number: ...
    @property
    def rounds(self) -> Sequence[Round]: ...

    def figure(self, name: str) -> Number | None: ...


def _rounds(pilot: Pilot) -> list[Round]:
    return sorted(pilot.rounds, key=lambda r: r.number)


def _labels(rounds: Sequence[Round], language: str) -> tuple[str, ...]:
    return tuple(pilot_text("round", language, number=r.number) for r in rounds)


def _series(rounds: Sequence[Round], name: str, label: str, colour: str) -> Series:
    figures = [r.figure(name) for r in rounds]
    places = max((f.places() for f in figures if f is not None), default=1)
    return Series(
        label, tuple(None if f is None else f.value for f in figures), colour, decimals=places
    )


def _criterion(pilot: Pilot, language: str) -> TargetLine:
    sign = "≥" if pilot.criterion_direction == "higher" else "≤"
    label = pilot_text("criterion_line", language, sign=sign, value=pilot.threshold.text())
    return TargetLine(pilot.threshold.value, label, "criterion")


def _met_zone(pilot: Pilot, low: float, high: float, language: str) -> Band:
    """Where the criterion is met, within the axis from ``low`` to ``high``."""
    threshold = min(max(pilot.threshold.value, low), high)
    if pilot.criterion_direction == "higher":
        return Band(threshold, high, pilot_text("met_zone", language))
    return Band(low, threshold, pilot_text("met_zone", language))


def satisfaction_chart(pilot: Pilot, language: str) -> Chart:
    """The survey's mean score per round, against the criterion if it is read from it."""
    rounds = _rounds(pilot)
    own = pilot.criterion_measure == SATISFACTION
    return Chart(
        kind="line",
        title=pilot_text("satisfaction_title", language),
        x_labels=_labels(rounds, language),
        series=(
            _series(
                rounds,
                SATISFACTION,
                pilot_text("satisfaction_series", language),
                "satisfaction",
            ),
        ),
        y_label=pilot_text("satisfaction_axis", language),
        unit=pilot_text("score_unit", language),
        target=_criterion(pilot, language) if own else None,
        bands=(_met_zone(pilot, *SCALE, language),) if own else (),
        y_range=SCALE,
    )


def baseline(pilot: Pilot, which: str) -> Number | None:
    """The baseline duration ``which`` ("median" or "p90"): the pilot's own, else the
    first measured round's duration before."""
    own = pilot.figure(f"baseline_{which}")
    if own is not None:
        return own
    before = (r.figure(f"duration_before_{which}") for r in _rounds(pilot))
    return next((f for f in before if f is not None), None)


def duration_chart(pilot: Pilot, language: str) -> Chart:
    """Duration after each round (median and p90, hours) against the baseline, and the
    criterion if it is read from a duration."""
    rounds = _rounds(pilot)
    median, p90 = DURATIONS
    series = (
        _series(rounds, median, pilot_text("median_series", language), "median"),
        _series(rounds, p90, pilot_text("p90_series", language), "p90"),
    )
    references = []
    for which, colour in (("median", "baseline"), ("p90", "baseline_p90")):
        found = baseline(pilot, which)
        if found is not None:
            label = pilot_text(f"baseline_{which}", language, value=found.text())
            references.append(TargetLine(found.value, label, colour))
    own = pilot.criterion_measure in DURATIONS
    heights = [v for s in series for v in s.values if v is not None]
    heights += [line.value for line in references]
    if own:
        heights.append(pilot.threshold.value)
    top = max(heights, default=1.0) * HEADROOM or 1.0
    return Chart(
        kind="bar",
        title=pilot_text("duration_title", language),
        x_labels=_labels(rounds, language),
        series=series,
        y_label=pilot_text("duration_axis", language),
        unit=pilot_text("hours_unit", language),
        target=_criterion(pilot, language) if own else None,
        bands=(_met_zone(pilot, 0.0, top, language),) if own else (),
        references=tuple(references),
        y_range=(0.0, top),
    )


def pilot_charts(pilot: Pilot, language: str) -> tuple[Chart, Chart]:
    """The pilot page's charts: satisfaction, then duration."""
    return satisfaction_chart(pilot, language), duration_chart(pilot, language)
