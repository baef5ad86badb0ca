"""Governance Workbench: keeps an ERP improving after go-live."""

__version__ = "0.1.0"
