"""The KPI rules on plain numbers, Qt-free and storage-free: a value's status against its
thresholds, the walk of a series that raises and extends exception alerts and proposes
closing them, a Result's computed effect from a KPI series (baseline and after windows,
re-checks at +30 and +90 days, relapse), and the monthly process health score whose
parts add up to it.

Statuses: a value that meets the warning threshold is green; one that misses it but not
the alarm threshold is amber; one beyond the alarm threshold is red (a breach). "Meets"
follows the KPI's direction: higher is better (≥) or lower is better (≤). A missing
warning or alarm threshold is the target. Periods are "YYYY-MM" texts, which sort as
the months they name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

GREEN, AMBER, RED, NONE = "green", "amber", "red", "none"
# The health score's parts, in the order they are shown, and their weights by default.
HEALTH_PARTS: Final = ("kpi", "solutions", "age", "alerts")
DEFAULT_WEIGHTS: Final[Mapping[str, int]] = {"kpi": 40, "solutions": 20, "age": 20, "alerts": 20}
# An open problem this many days old on average takes the whole "age" part away.
AGE_HORIZON_DAYS: Final = 180
# The periods back in range after the last breach that propose closing an alert.
DEFAULT_CLOSE_AFTER: Final = 3
# The days after a solution was done at which its effect is re-checked.
RECHECK_DAYS: Final = (30, 90)


def meets(value: float, line: float, direction: str) -> bool:
    """Whether ``value`` is on the good side of ``line`` (or on it)."""
    return value >= line if direction == "higher" else value <= line


def status(
    value: float | None,
    direction: str,
    target: float,
    warning: float | None = None,
    alarm: float | None = None,
) -> str:
    """green, amber or red (``none`` for no value); see the module's docstring."""
    if value is None:
        return NONE
    warn = target if warning is None else warning
    worst = warn if alarm is None else alarm
    if meets(value, warn, direction):
        return GREEN
    if alarm is not None and meets(value, worst, direction):
        return AMBER
    return RED


@dataclass(frozen=True)
class SeriesWalk:
    """What evaluating a series decided: the positions (in the points given) of the
    breaches, each with whether it opens a new alert (else it extends the open one), and
    whether the alert left open is proposed for closing."""

    breaches: tuple[tuple[int, bool], ...]
    propose_close: bool
    in_range_since: int  # periods back in range after the last breach


def walk(statuses: Sequence[str], alert_open: bool, close_after: int) -> SeriesWalk:
    """Walk the statuses of a series' periods not evaluated yet, oldest first.

    A red period opens an alert when none is open and otherwise is added to the open one
    (one ticket per breach, not one per month). After the last breach, ``close_after``
    periods in range (green) propose closing it; amber neither breaches nor counts."""
    breaches: list[tuple[int, bool]] = []
    open_now = alert_open
    since = 0
    for position, found in enumerate(statuses):
        if found == RED:
            breaches.append((position, not open_now))
            open_now = True
            since = 0
        elif found == GREEN:
            since += 1
    return SeriesWalk(tuple(breaches), open_now and since >= close_after, since)


# ---- periods --------------------------------------------------------------------------
def period_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def period_start(period: str) -> dt.date:
    year, month = period.split("-")
    return dt.date(int(year), int(month), 1)


def next_period(period: str, months: int = 1) -> str:
    start = period_start(period)
    index = start.year * 12 + start.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def periods_between(first: str, last: str) -> tuple[str, ...]:
    found = []
    current = first
    while current <= last:
        found.append(current)
        current = next_period(current)
    return tuple(found)


# ---- computed effects -----------------------------------------------------------------
@dataclass(frozen=True)
class Effect:
    """A Result computed from a KPI series. ``change`` is the change of the after mean
    from the baseline mean in % (negative: it went down); ``improvement`` the same with the
    KPI's direction (positive: better). ``checks`` the improvement re-checked at +30 and
    +90 days (None: not measured yet); ``relapse`` whether the +90 check lost more than
    half of what the +30 check gained."""

    baseline: float | None
    after: float | None
    change: float | None
    improvement: float | None
    checks: tuple[float | None, ...]
    relapse: bool


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _improvement(baseline: float | None, value: float | None, direction: str) -> float | None:
    if baseline is None or value is None or baseline == 0:
        return None
    change = (value - baseline) / abs(baseline) * 100
    return change if direction == "higher" else -change


def effect(
    points: Mapping[str, float],
    direction: str,
    baseline_from: str,
    baseline_to: str,
    after_from: str,
    done_on: dt.date,
) -> Effect:
    """The effect of a solution done on ``done_on`` on a series (period → value)."""
    baseline = _mean([v for p, v in points.items() if baseline_from <= p <= baseline_to])
    after = _mean([v for p, v in points.items() if p >= after_from])
    change = None
    if baseline is not None and baseline != 0 and after is not None:
        change = (after - baseline) / abs(baseline) * 100
    checks = tuple(
        _improvement(baseline, points.get(period_of(done_on + dt.timedelta(days=days))), direction)
        for days in RECHECK_DAYS
    )
    first, last = checks
    relapse = first is not None and last is not None and first > 0 and last < first / 2
    return Effect(
        baseline, after, change, _improvement(baseline, after, direction), checks, relapse
    )


# ---- the monthly process health score -------------------------------------------------
@dataclass(frozen=True)
class HealthInputs:
    """What one month's score is built from, in one scope (the plant, a site, a module)."""

    green: int = 0
    amber: int = 0
    red: int = 0
    open_solutions: int = 0
    overdue_solutions: int = 0
    open_problems: int = 0
    open_problem_days: float = 0.0  # their ages summed
    open_alerts: int = 0
    series: int = 0  # KPI series in the scope


@dataclass(frozen=True)
class HealthPart:
    """One part of a score: its weight, how much of it was earned (0 … 1), and the
    points it gives (weight × share, to one decimal)."""

    key: str
    weight: int
    share: float
    points: float


@dataclass(frozen=True)
class HealthScore:
    """A month's score, the exact sum of its parts' points (each to one decimal)."""

    period: str
    score: float
    parts: tuple[HealthPart, ...]


def _shares(inputs: HealthInputs) -> dict[str, float]:
    measured = inputs.green + inputs.amber + inputs.red
    age = inputs.open_problem_days / inputs.open_problems if inputs.open_problems else 0.0
    return {
        "kpi": (inputs.green + 0.5 * inputs.amber) / measured if measured else 1.0,
        "solutions": (
            1 - inputs.overdue_solutions / inputs.open_solutions if inputs.open_solutions else 1.0
        ),
        "age": max(0.0, 1 - age / AGE_HORIZON_DAYS),
        "alerts": max(0.0, 1 - inputs.open_alerts / inputs.series) if inputs.series else 1.0,
    }


def health(period: str, inputs: HealthInputs, weights: Mapping[str, int]) -> HealthScore:
    """The score of ``period`` from ``inputs`` with ``weights`` (they add up to 100)."""
    shares = _shares(inputs)
    parts = tuple(
        HealthPart(key, weights[key], shares[key], round(weights[key] * shares[key], 1))
        for key in HEALTH_PARTS
    )
    return HealthScore(period, round(sum(p.points for p in parts), 1), parts)


def check_weights(weights: Mapping[str, int]) -> str | None:
    """Why ``weights`` cannot be the score's (None: they can): one whole number from 0 to
    100 per part, adding up to 100."""
    if set(weights) != set(HEALTH_PARTS):
        return "parts"
    if any(isinstance(w, bool) or not isinstance(w, int) or w < 0 for w in weights.values()):
        return "whole"
    if sum(weights.values()) != 100:
        return "sum"
    return None


# ---- Pareto ---------------------------------------------------------------------------
def pareto(counts: Mapping[str, int]) -> tuple[tuple[str, int, float, float], ...]:
    """Each key by count, most first (ties by key), with its share and the cumulative
    share in %; the keys up to the first whose cumulative share reaches 80% explain 80%."""
    total = sum(counts.values())
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    rows = []
    running = 0
    for key, count in ordered:
        running += count
        share = count / total * 100 if total else 0.0
        rows.append((key, count, share, running / total * 100 if total else 0.0))
    return tuple(rows)
