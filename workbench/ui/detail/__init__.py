"""The problem detail panel (workbench.ui.detail.panel): a problem and its chain of causes,
solutions and results."""
