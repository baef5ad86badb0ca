"""The fixed vocabularies of the record: statuses, hidden costs, governance paths …

Values are stored as these English keys; the UI shows translated labels for them.
"""

from __future__ import annotations

from typing import Final

PROBLEM_STATUSES: Final = ("open", "analysing", "solving", "verifying", "closed", "rejected")

# Forward one step, back one step for rework, reject while not closed, reopen.
PROBLEM_TRANSITIONS: Final[dict[str, tuple[str, ...]]] = {
    "open": ("analysing", "rejected"),
    "analysing": ("solving", "open", "rejected"),
    "solving": ("verifying", "analysing", "rejected"),
    "verifying": ("closed", "solving", "rejected"),
    "closed": ("analysing",),
    "rejected": ("open",),
}

# 五大隐性成本
HIDDEN_COSTS: Final = (
    "process_misalignment",
    "data_governance",
    "change_management",
    "cross_department",
    "customisation_debt",
)

FREQUENCIES: Final = ("several_daily", "daily", "weekly", "monthly", "rarely")

CAUSE_CATEGORIES: Final = ("process", "data", "people", "system", "organisation")

SOLUTION_KINDS: Final = ("corrective", "preventive", "improvement")

SOLUTION_STATUSES: Final = ("planned", "in_progress", "done", "cancelled")

# 九大治理路径
GOVERNANCE_PATHS: Final = (
    "goals_ownership",
    "data_governance",
    "value_stream",
    "change_management",
    "kpi_incentives",
    "technical_architecture",
    "pilot_iteration",
    "digital_tools",
    "continuous_improvement",
)

DIRECTIONS: Final = ("lower", "higher")

ROLES: Final = ("change_agent", "usage_champion", "project_manager")
