"""The rules of the pilot-iteration logs (试点迭代), apart from storage.

Rounds follow one another: a round's dates follow from the pilot's start and round
length (round 1 starts on the pilot's start, each next one the day after the one before
ends, and lasts ``round_days``) unless they were set by hand. Changing the length or the
start re-plans the rounds not yet ended (ending today or later) whose dates were not set
by hand; rounds already ended and rounds set by hand keep their dates, and the rounds
after them follow on from them.

Decisions steer the pilot: "adopt" makes it adopted and "stop" stops it; both end it, so
only the last round may take them and no round is added after them. The pilot's status
is always the one its last round's decision gives (running otherwise), so taking a
decision back (editing, deleting the round, an undo) takes its status back too. Only an
adopted pilot has roll-outs, so its adoption is not taken back while it has some.

The success criterion is read from one figure of each round (``criterion_measure``):
met when the figure is at least the threshold (direction higher) or at most it (lower).
Rounds without the figure are skipped. The criterion is met now when the latest
measured round meets it, "since" the first round of that run of met rounds; met and
then lost says since when it was lost, and from when it had been met.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from workbench.services.errors import FieldError
from workbench.services.numbers import TypedNumber
from workbench.services.pilot_records import CriterionStatus, RoundCheck

# Decisions that end a pilot, and the status each gives it.
FINAL: dict[str, str] = {"adopt": "adopted", "stop": "stopped"}
RUNNING = "running"
ADOPTED = "adopted"
# (median, p90) pairs of a round: nine in ten take at most the p90, so p90 ≥ median.
DURATION_PAIRS = (
    ("duration_before_median", "duration_before_p90"),
    ("duration_after_median", "duration_after_p90"),
)


class Dated(Protocol):
    """A round as planning sees it (a row or a record)."""

    number: int
    starts_on: dt.date
    ends_on: dt.date
    dates_fixed: bool


class Figures(Protocol):
    """A round as the criterion reads it."""

    @property
    def number(self) -> int: ...

    def figure(self, name: str) -> TypedNumber | None: ...


def planned(started_on: dt.date, previous_end: dt.date | None) -> dt.date:
    """The day a round starts: the pilot's start for the first, the day after the
    previous round ends for the others."""
    return started_on if previous_end is None else previous_end + dt.timedelta(days=1)


def end_of(starts_on: dt.date, round_days: int) -> dt.date:
    """The last day of a round of ``round_days`` days starting on ``starts_on``."""
    return starts_on + dt.timedelta(days=round_days - 1)


def replan(
    rounds: Sequence[Dated], started_on: dt.date, round_days: int, today: dt.date
) -> list[tuple[Dated, dt.date, dt.date]]:
    """The rounds to move, with their new (start, end): those not yet ended and not set
    by hand, following on from the round before each."""
    moves = []
    previous_end: dt.date | None = None
    for row in sorted(rounds, key=lambda r: r.number):
        if not row.dates_fixed and row.ends_on >= today:
            starts = planned(started_on, previous_end)
            ends = end_of(starts, round_days)
            if (starts, ends) != (row.starts_on, row.ends_on):
                moves.append((row, starts, ends))
            previous_end = ends
        else:
            previous_end = row.ends_on
    return moves


def status_of(decisions: Sequence[str | None]) -> str:
    """The pilot's status from its rounds' decisions, in round order."""
    last = decisions[-1] if decisions else None
    return FINAL.get(last or "", RUNNING)


def duration_errors(values: Any) -> list[FieldError]:
    """A p90 below its median (before or after), named by the p90 field."""
    errors = []
    for median, p90 in DURATION_PAIRS:
        low, high = values.get(median), values.get(p90)
        if low is not None and high is not None and high.value < low.value:
            errors.append(
                FieldError(
                    p90, "p90_below_median", f"must not be below {median}", {"other": median}
                )
            )
    return errors


def ended_error(last_number: int) -> FieldError:
    """A round added after an adopt or a stop."""
    return FieldError(
        "decision",
        "pilot_ended",
        f"the pilot ended in round {last_number}: no round comes after an adopt or stop",
        {"value": last_number},
    )


def final_not_last_error(later: int) -> FieldError:
    return FieldError(
        "decision",
        "final_not_last",
        f"only the last round can adopt or stop the pilot: round {later} follows it",
        {"value": later},
    )


HAS_ROLLOUTS = FieldError(
    "decision",
    "has_rollouts",
    "the pilot has roll-outs: remove them before taking back its adoption",
)
STATUS_MISMATCH = FieldError(
    "status", "status_mismatch", "the pilot's status no longer follows from its rounds' decisions"
)
NOT_ADOPTED = FieldError("status", "not_adopted", "only an adopted pilot is rolled out")


def order_errors(decisions: Sequence[str | None], status: str, rollouts: int) -> list[FieldError]:
    """What breaks the rules in a pilot as it stands (after an undo): a final decision
    before the last round, a status its decisions do not give, roll-outs of a pilot not
    adopted."""
    for number, decision in enumerate(decisions[:-1], start=1):
        if decision in FINAL:
            return [final_not_last_error(number + 1)]
    if rollouts and status != ADOPTED:
        return [HAS_ROLLOUTS]
    if status != status_of(decisions):
        return [STATUS_MISMATCH]
    return []


def meets(direction: str, threshold: float, value: float) -> bool:
    """Whether ``value`` meets a criterion: at least the threshold (higher is better) or
    at most it (lower is better)."""
    return value >= threshold if direction == "higher" else value <= threshold


def criterion_status(
    measure: str, direction: str, threshold: float, rounds: Iterable[Figures]
) -> CriterionStatus:
    """The criterion on each round and now (see the module's explanation)."""
    checks = []
    for row in sorted(rounds, key=lambda r: r.number):
        value = row.figure(measure)
        met = None if value is None else meets(direction, threshold, value.value)
        checks.append(RoundCheck(row.number, value, met))
    measured = [c for c in checks if c.met is not None]
    if not measured:
        return CriterionStatus(tuple(checks), None)
    start = _run_start(measured, len(measured) - 1)
    if measured[-1].met:
        return CriterionStatus(tuple(checks), True, since=measured[start].number)
    if start == 0:
        return CriterionStatus(tuple(checks), False)
    met_start = _run_start(measured, start - 1)
    return CriterionStatus(
        tuple(checks),
        False,
        since=measured[met_start].number,
        lost_since=measured[start].number,
    )


def _run_start(measured: Sequence[RoundCheck], last: int) -> int:
    """The index where the run of equal verdicts ending at ``last`` begins."""
    first = last
    while first > 0 and measured[first - 1].met == measured[last].met:
        first -= 1
    return first
