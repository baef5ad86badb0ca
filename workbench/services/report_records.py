"""Plain, frozen facts of one quarter (and, optionally, one site) for the quarterly report.

``QuarterFacts`` holds everything the report's sections show, read by
workbench.services.reports; the report (workbench.reports) only lays it out. A part with
nothing in it is empty (an empty tuple, None), and the section that shows it is left out.
Keys (statuses, categories, hidden costs, kinds) stay keys: the report names them in its
language from the vocabulary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.services.improvement_records import ImprovementRow, QuarterListView
from workbench.services.pilot_records import CriterionStatus, PilotDetail
from workbench.services.records import ProblemDetail, ResultRecord, StatusChangeRecord
from workbench.services.report_kpis import KpiFacts, OpenAlert
from workbench.services.training_records import Coverage, NeverTrained, SessionRow


@dataclass(frozen=True)
class ChainHead:
    """The audit chain's last entry when the facts were read: its number and hash."""

    entry: int
    hash: str


@dataclass(frozen=True)
class Effect:
    """A measured result in its chain: problem → cause → solution → result."""

    problem_code: str
    problem_title: str
    cause: str
    solution: str
    result: ResultRecord


@dataclass(frozen=True)
class ClosedRecord:
    """A problem closed in the quarter with the measured effects of its solutions."""

    code: str
    title: str
    closed_on: dt.date
    module: str | None
    effects: tuple[Effect, ...]


@dataclass(frozen=True)
class Tally:
    """How many of something carry ``key`` (a category, a module's name; None: not set)."""

    key: str | None
    count: int


@dataclass(frozen=True)
class PilotFacts:
    detail: PilotDetail
    criterion: CriterionStatus
    owner: str | None
    site: str | None


@dataclass(frozen=True)
class KindTally:
    """The training sessions of one kind held in the quarter."""

    kind: str
    sessions: int
    attendances: int
    hours: float | None  # None: no session of the kind has a duration


@dataclass(frozen=True)
class TrainingFacts:
    by_kind: tuple[KindTally, ...]
    coverage: Coverage
    gaps: tuple[NeverTrained, ...]


@dataclass(frozen=True)
class OverdueAction:
    """Something past its due date today: a solution, a problem or an improvement item
    (``kind`` a record kind), the problem's or the item's code, its owner."""

    kind: str
    code: str
    title: str
    owner: str | None
    due_on: dt.date
    days: int


@dataclass(frozen=True)
class ListCounts:
    """The quarter's list in figures: committed counts committed, in progress and done."""

    items: int
    committed: int
    done: int
    carried_over: int
    dropped: int
    carried_in: int


@dataclass(frozen=True)
class QuarterFacts:
    quarter: str
    site_code: str | None
    site_name: str | None
    made_at: dt.datetime  # local time
    author: str
    location: str
    problems_opened: int
    problems_closed: int
    solutions_done: int
    solutions_overdue: int
    measured: tuple[Effect, ...]  # results measured in the quarter, biggest improvement first
    improvement_list: QuarterListView | None
    improvement_rows: tuple[ImprovementRow, ...]
    list_counts: ListCounts | None
    next_quarter: str
    next_committed: tuple[ImprovementRow, ...]
    closed: tuple[ClosedRecord, ...]
    in_scope: int  # the problems open at some time in the quarter
    causes: tuple[Tally, ...]  # by category, most first
    modules: tuple[Tally, ...]
    hidden_costs: tuple[Tally, ...]
    pilots: tuple[PilotFacts, ...]
    training: TrainingFacts | None
    overdue: tuple[OverdueAction, ...]
    head: ChainHead
    kpis: KpiFacts | None = None  # None: nothing measured in the quarter
    open_alerts: tuple[OpenAlert, ...] = ()  # open today, as what is overdue

    @property
    def empty(self) -> bool:
        """Whether the quarter has nothing to report (what is overdue today aside)."""
        return not (
            self.problems_opened
            or self.problems_closed
            or self.solutions_done
            or self.measured
            or self.improvement_rows
            or self.in_scope
            or self.pilots
            or self.training
            or self.kpis
        )

    @property
    def biggest(self) -> tuple[Effect, ...]:
        """The three results of the quarter that improved most (by their % change)."""
        better = [e for e in self.measured if (e.result.improvement_pct or 0) > 0]
        return tuple(better[:3])


@dataclass(frozen=True)
class ProblemSheet:
    """One problem for its A3 sheet: the whole chain, the names its ids stand for, its
    status changes, the training linked to it, and the chain's head when read."""

    problem: ProblemDetail
    module: str | None
    site: str | None
    department: str | None
    owner: str | None
    reporter: str | None
    status_changes: tuple[StatusChangeRecord, ...]
    training: tuple[SessionRow, ...]
    made_at: dt.datetime
    author: str
    head: ChainHead
