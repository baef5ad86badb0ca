"""The stored keys of the record's fixed vocabularies, and the problem life cycle's rule.

The keys, with their names in every language, live in workbench.vocabulary; services
check values against the tuples here.
"""

from __future__ import annotations

from typing import Final

from workbench.vocabulary import (
    CAUSE_CATEGORY,
    CRITERION_MEASURE,
    DECISION,
    DIRECTION,
    FREQUENCY,
    GOVERNANCE_PATH,
    HIDDEN_COST,
    IMPROVEMENT_STATUS,
    KNOWLEDGE_KIND,
    KNOWLEDGE_STATUS,
    PILOT_STATUS,
    ROLE,
    ROLLOUT_STATUS,
    SOLUTION_KIND,
    SOLUTION_STATUS,
    STATUS,
    TRAINING_KIND,
    VOCABULARIES,
)

PROBLEM_STATUSES: Final = STATUS.keys

# Forward one step, back one step for rework, reject while not closed, reopen.
PROBLEM_TRANSITIONS: Final[dict[str, tuple[str, ...]]] = {
    "open": ("analysing", "rejected"),
    "analysing": ("solving", "open", "rejected"),
    "solving": ("verifying", "analysing", "rejected"),
    "verifying": ("closed", "solving", "rejected"),
    "closed": ("analysing",),
    "rejected": ("open",),
}

HIDDEN_COSTS: Final = HIDDEN_COST.keys  # 五大隐性成本
FREQUENCIES: Final = FREQUENCY.keys
CAUSE_CATEGORIES: Final = CAUSE_CATEGORY.keys
SOLUTION_KINDS: Final = SOLUTION_KIND.keys
SOLUTION_STATUSES: Final = SOLUTION_STATUS.keys
GOVERNANCE_PATHS: Final = GOVERNANCE_PATH.keys  # 九大治理路径
DIRECTIONS: Final = DIRECTION.keys
ROLES: Final = ROLE.keys

# The quarterly improvement list: forward one step, back one step, drop while not done,
# take a dropped item up again as proposed, reopen a done one.
IMPROVEMENT_STATUSES: Final = IMPROVEMENT_STATUS.keys
IMPROVEMENT_TRANSITIONS: Final[dict[str, tuple[str, ...]]] = {
    "proposed": ("committed", "dropped"),
    "committed": ("in_progress", "proposed", "dropped"),
    "in_progress": ("done", "committed", "dropped"),
    "done": ("in_progress",),
    "dropped": ("proposed",),
}
# What a new item may start as, and what a quarter's end carries over (not finished).
IMPROVEMENT_INITIAL: Final = ("proposed", "committed")
UNFINISHED: Final = ("proposed", "committed", "in_progress")
# The pilot-iteration logs (试点迭代): workbench.services.pilots.
PILOT_STATUSES: Final = PILOT_STATUS.keys
DECISIONS: Final = DECISION.keys
CRITERION_MEASURES: Final = CRITERION_MEASURE.keys  # the round fields a criterion is read from
ROLLOUT_STATUSES: Final = ROLLOUT_STATUS.keys

# The training records: the kinds of session (现场演练, 培训课 …) and the score's range.
TRAINING_KINDS: Final = TRAINING_KIND.keys
KNOWLEDGE_KINDS: Final = KNOWLEDGE_KIND.keys
KNOWLEDGE_STATUSES: Final = KNOWLEDGE_STATUS.keys
SCORE_RANGE: Final = (0, 100)

# A KPI is measured monthly (the period texts are "YYYY-MM"); the column leaves room for more.
KPI_PERIODS: Final = VOCABULARIES["kpi_period"].keys
