"""Plain, frozen views of the quarterly improvement list, handed to the pages and commands.

No ORM object leaves a unit of work: the service builds these inside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.services.numbers import TypedNumber, stored
from workbench.services.ranking import ScorePart


@dataclass(frozen=True)
class LinkedProblem:
    """A problem an item addresses, with what its share in the score is made of."""

    id: int
    code: str
    title: str
    status: str
    frequency: str
    impact: int
    part: ScorePart


@dataclass(frozen=True)
class Carried:
    """Where an item came from: ``count`` quarters carried (0: new this quarter), the
    item it continues (``from_*``) and the first one of its line (``origin_*``)."""

    count: int = 0
    from_id: int | None = None
    from_code: str | None = None
    from_quarter: str | None = None
    origin_code: str | None = None
    origin_quarter: str | None = None
    to_code: str | None = None  # the later item that continues this one, if any
    to_quarter: str | None = None


@dataclass(frozen=True)
class ImprovementRecord:
    """One item of a quarter's list with everything its page shows."""

    id: int
    code: str
    quarter: str
    title: str
    owner_id: int | None
    owner: str | None
    target_metric: str
    target_value: float | None
    target_unit: str
    target_by: dt.date | None
    status: str
    decision_note: str
    manual_rank: int | None
    carried_from_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime
    problems: tuple[LinkedProblem, ...] = ()
    carried: Carried = field(default_factory=Carried)
    # The record's version (workbench.services.versions); not part of what it says.
    version: int = field(default=0, compare=False)
    # The decimals the target was typed with; None: not known (workbench.services.numbers).
    target_decimals: int | None = None

    @property
    def target(self) -> TypedNumber | None:
        """The target value as it was written ("0.50" stays "0.50")."""
        return stored(self.target_value, self.target_decimals)

    @property
    def basis(self) -> ScorePart | None:
        """The linked problem that gives the score (see workbench.services.ranking)."""
        from workbench.services.ranking import basis

        return basis(p.part for p in self.problems)

    @property
    def score(self) -> int:
        found = self.basis
        return found.score if found is not None else 0


@dataclass(frozen=True)
class ImprovementRow:
    """One line of a quarter's list: its place, and why the program proposes that place.

    ``position`` is its place in the list as shown (1 first); ``proposed_position`` the
    place frequency × impact alone would give it; ``manual`` whether the manager placed
    it. ``score`` = ``weight`` (of ``frequency``) × ``impact`` of problem ``basis_code``,
    the highest of its ``problem_count`` problems."""

    id: int
    code: str
    title: str
    status: str
    owner_id: int | None
    owner: str | None
    target_metric: str
    target_value: float | None
    target_unit: str
    target_by: dt.date | None
    manual_rank: int | None
    position: int
    proposed_position: int
    score: int
    frequency: str | None
    weight: int
    impact: int
    basis_code: str | None
    problem_count: int
    carried: Carried = field(default_factory=Carried)
    changed_after_freeze: bool = False
    target_decimals: int | None = None

    @property
    def target(self) -> TypedNumber | None:
        return stored(self.target_value, self.target_decimals)

    @property
    def manual(self) -> bool:
        return self.manual_rank is not None


@dataclass(frozen=True)
class QuarterListView:
    """A quarter's list, ranked, and whether (when, by whom) it was frozen."""

    quarter: str
    rows: tuple[ImprovementRow, ...]
    frozen_at: dt.datetime | None = None
    frozen_by: str | None = None

    @property
    def frozen(self) -> bool:
        return self.frozen_at is not None


@dataclass(frozen=True)
class QuarterHead:
    """A quarter's list without its rows: how many items, how many placed by hand, and
    whether (when, by whom) it was frozen. The rows are read a page at a time."""

    quarter: str
    count: int
    placed: int
    frozen_at: dt.datetime | None = None
    frozen_by: str | None = None

    @property
    def frozen(self) -> bool:
        return self.frozen_at is not None


@dataclass(frozen=True)
class PostFreezeChange:
    """An edit of a frozen list's item, from the audit trail: who, when, what, old → new.

    ``action`` is create, update or delete of the item, or link / unlink of a problem
    (``field`` "problems", the problem's code as ``old`` or ``new``)."""

    entry_id: int
    at: str  # UTC, ISO 8601
    actor: str
    item_id: int
    item_code: str
    action: str
    field: str | None
    old: str | None
    new: str | None


@dataclass(frozen=True)
class CarryOver:
    """What carrying a quarter's unfinished items over made: (old code, new code) pairs,
    and the codes left alone because they were carried over before."""

    from_quarter: str
    to_quarter: str
    carried: tuple[tuple[str, str], ...]
    already: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuarterSummary:
    """One quarter in a side-by-side comparison.

    ``committed`` counts what the team committed to (committed, in progress or done);
    ``carried_over`` the items continued in a later quarter; ``carried_in`` those that
    continue an earlier one; ``by_status`` every status's count."""

    quarter: str
    items: int
    committed: int
    done: int
    carried_over: int
    dropped: int
    carried_in: int
    frozen: bool
    by_status: Mapping[str, int] = field(default_factory=dict)
