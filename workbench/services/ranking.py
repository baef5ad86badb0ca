"""The proposed order of a quarter's improvement list: high-frequency, high-impact scenes
first (高频、高影响场景优先, as the article on value-stream redesign says).

An item's score is, over the problems it links, the largest ``weight(frequency) ×
impact``: the item is as urgent as the worst scene it addresses, and linking many small
problems does not lift it above one plant-wide daily one. The parts (which problem, its
frequency and weight, its impact) are kept, so the list can say why. Equal scores keep
code order; an item without a problem scores 0 and goes last. The score is stored with
the item and the list ordered by SQL (workbench.services.improvement_pages).

The manager's own order beats the proposal: items given a place (``manual_rank``) come
first in that order, the rest follow in the proposed order. Ranks leave gaps
(``RANK_STEP``), so moving one item usually rewrites one rank.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from workbench.store.list_sql import FREQUENCY_RANKS

# How often a problem happens, as a weight of 1 (rarely) … 5 (several times a day): the
# rank the Problems list sorts frequency by, so the SQL that orders a quarter's list
# (workbench.store.improvement_scores) says the same.
FREQUENCY_WEIGHTS: Final[Mapping[str, int]] = dict(reversed(FREQUENCY_RANKS))
RANK_STEP: Final = 1024


@dataclass(frozen=True)
class ScorePart:
    """One linked problem's share in an item's score."""

    problem_id: int
    problem_code: str
    frequency: str
    weight: int
    impact: int

    @property
    def score(self) -> int:
        return self.weight * self.impact


def part(problem_id: int, code: str, frequency: str, impact: int) -> ScorePart:
    return ScorePart(problem_id, code, frequency, FREQUENCY_WEIGHTS.get(frequency, 0), impact)


def basis(parts: Iterable[ScorePart]) -> ScorePart | None:
    """The part that gives the score: the highest; of equal ones the first by code."""
    return min(parts, key=lambda p: (-p.score, code_key(p.problem_code)), default=None)


def code_key(code: str) -> tuple[int, str]:
    """Codes in number order: I-2026Q3-10000 after I-2026Q3-9999."""
    return (len(code), code)


def placed_ranks(
    order: Sequence[int], ranks: Mapping[int, int | None], moved: int
) -> dict[int, int]:
    """The ranks to write so that ids in ``order`` (the wanted list, ``moved`` at its new
    place) show in that order: every item up to ``moved`` gets a place; the others keep
    what they have. Returns only the ranks that change."""
    until = order.index(moved)
    prefix = list(order[: until + 1])
    kept = [i for i in prefix if i != moved and ranks.get(i) is not None]
    # Items before ``moved`` that had a place keep their relative order; the unplaced
    # ones among them follow the placed (ranked items always show first).
    low = max((r for i in kept if (r := ranks.get(i)) is not None), default=0)
    later = [r for i in order[until + 1 :] if (r := ranks.get(i)) is not None]
    high = min(later, default=None)
    unplaced = [i for i in prefix if i != moved and ranks.get(i) is None]
    wanted: dict[int, int] = {}
    need = len(unplaced) + 1  # the unplaced before it, then itself
    if high is None:
        for n, item in enumerate([*unplaced, moved], start=1):
            wanted[item] = low + n * RANK_STEP
    elif high - low > need:
        step = (high - low) // (need + 1)
        for n, item in enumerate([*unplaced, moved], start=1):
            wanted[item] = low + n * step
    else:
        # No room between the neighbours: number every placed item afresh.
        placed = [i for i in order if ranks.get(i) is not None or i in unplaced or i == moved]
        wanted = {item: n * RANK_STEP for n, item in enumerate(placed, start=1)}
    return {item: rank for item, rank in wanted.items() if ranks.get(item) != rank}
