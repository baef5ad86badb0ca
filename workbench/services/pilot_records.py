"""Plain, frozen views of the pilot-iteration logs handed to the UI, the commands and the
charts (workbench.analysis.pilot_charts reads them by their attribute names).

Each figure is kept as a value and the decimals it was typed with; its ``TypedNumber``
(``figure(name)``) reads as it was written ("4.20" stays "4.20").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from workbench.services.numbers import TypedNumber, stored


def _figure(record: Any, name: str) -> TypedNumber | None:
    return stored(getattr(record, name), getattr(record, f"{name}_decimals"))


@dataclass(frozen=True)
class PilotRoundRecord:
    """One round of a pilot: its dates, what changed, the survey, the durations (hours),
    findings and decision (None: not decided yet)."""

    id: int
    pilot_id: int
    number: int
    starts_on: dt.date
    ends_on: dt.date
    dates_fixed: bool
    changes: str
    satisfaction_mean: float | None
    satisfaction_respondents: int | None
    satisfaction_spread: float | None
    duration_before_median: float | None
    duration_before_p90: float | None
    duration_after_median: float | None
    duration_after_p90: float | None
    findings: str
    decision: str | None
    satisfaction_mean_decimals: int | None = None
    satisfaction_spread_decimals: int | None = None
    duration_before_median_decimals: int | None = None
    duration_before_p90_decimals: int | None = None
    duration_after_median_decimals: int | None = None
    duration_after_p90_decimals: int | None = None
    version: int = field(default=0, compare=False)

    def figure(self, name: str) -> TypedNumber | None:
        """The figure ``name`` (e.g. ``satisfaction_mean``) as it was typed; None: not
        measured."""
        return _figure(self, name)


@dataclass(frozen=True)
class PilotRolloutRecord:
    """Where an adopted pilot is rolled out, and how far it is."""

    id: int
    pilot_id: int
    target: str
    site_id: int | None
    planned_on: dt.date | None
    done_on: dt.date | None
    status: str
    note: str
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class PilotRow:
    """One line of the Pilots list."""

    id: int
    code: str
    name: str
    scope: str
    status: str
    started_on: dt.date
    rounds: int
    owner: str | None


@dataclass(frozen=True)
class PilotDetail:
    """A pilot with its rounds (by number) and roll-outs."""

    id: int
    code: str
    name: str
    scope: str
    site_id: int | None
    erp_module_id: int | None
    hypothesis: str
    criterion_metric: str
    criterion_measure: str
    criterion_direction: str
    criterion_threshold: float
    round_days: int
    baseline_median: float | None
    baseline_p90: float | None
    owner_id: int | None
    status: str
    started_on: dt.date
    created_at: dt.datetime
    updated_at: dt.datetime
    rounds: tuple[PilotRoundRecord, ...] = ()
    rollouts: tuple[PilotRolloutRecord, ...] = ()
    criterion_threshold_decimals: int | None = None
    baseline_median_decimals: int | None = None
    baseline_p90_decimals: int | None = None
    version: int = field(default=0, compare=False)

    @property
    def threshold(self) -> TypedNumber:
        """The criterion's threshold as it was typed."""
        return TypedNumber(self.criterion_threshold, self.criterion_threshold_decimals)

    def figure(self, name: str) -> TypedNumber | None:
        """A figure of the pilot (``baseline_median``, ``baseline_p90``) as typed."""
        return _figure(self, name)


@dataclass(frozen=True)
class RoundCheck:
    """The criterion on one round: the figure it reads, and whether it is met (None: the
    round has no such figure yet)."""

    number: int
    value: TypedNumber | None
    met: bool | None


@dataclass(frozen=True)
class CriterionStatus:
    """Whether a pilot meets its success criterion now, and since which round.

    ``met`` is the latest measured round's verdict (None: no round measured yet).
    ``since`` is the first round of the run of met rounds that is current (when met), or
    of the last run of met rounds (when lost); ``lost_since`` the first round not met
    after it, while the criterion is not met now. Rounds without the figure are skipped:
    they neither keep nor break a run."""

    rounds: tuple[RoundCheck, ...]
    met: bool | None
    since: int | None = None
    lost_since: int | None = None

    @property
    def state(self) -> str:
        """``not_measured``, ``met_since``, ``lost_since`` or ``never_met``: the key of
        the sentence that says it (workbench.vocabulary.pilots)."""
        if self.met is None:
            return "not_measured"
        if self.met:
            return "met_since"
        return "lost_since" if self.lost_since is not None else "never_met"
