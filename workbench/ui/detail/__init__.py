"""The problem detail panel: a problem and its chain of causes, solutions and results."""

from workbench.ui.detail.panel import ProblemDetailPanel

__all__ = ["ProblemDetailPanel"]
