"""Plain, frozen views of the KPIs, their measurements and alerts, handed to the window
and the command line (workbench.services.kpis, kpi_alerts, kpi_health)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench import vocabulary
from workbench.services.numbers import TypedNumber


def kpi_title(preset: str | None, name: str, language: str) -> str:
    """A KPI's name: the one typed, else its preset's in ``language``."""
    if name or not preset:
        return name
    return vocabulary.label("kpi_preset", preset, language)


@dataclass(frozen=True)
class KpiRecord:
    id: int
    preset: str | None
    name: str
    unit: str
    direction: str
    target: TypedNumber
    warning: TypedNumber | None
    alarm: TypedNumber | None
    period: str
    department_id: int | None
    department: str | None
    erp_module_id: int | None
    module: str | None
    note: str

    def title(self, language: str) -> str:
        return kpi_title(self.preset, self.name, language)

    def lines(self) -> tuple[float, float | None, float | None]:
        """Target, warning and alarm as plain numbers (for the rules)."""
        return (
            self.target.value,
            None if self.warning is None else self.warning.value,
            None if self.alarm is None else self.alarm.value,
        )


@dataclass(frozen=True)
class MeasurementInput:
    """One measurement to write, as typed or read from a sheet: ``period`` "2026-03"
    (or 2026/3, 2026年3月, a date), ``value`` text or a number."""

    kpi_id: object
    period: object
    value: object
    site_id: object = None
    department_id: object = None


@dataclass(frozen=True)
class MeasurementRow:
    id: int
    kpi_id: int
    period: str
    site_id: int | None
    site: str | None
    department_id: int | None
    department: str | None
    value: TypedNumber


@dataclass(frozen=True)
class WriteReport:
    """What a batch of measurements did: rows added and replaced, and the alerts the
    evaluation after it opened, extended and proposed for closing."""

    added: int
    replaced: int
    evaluation: Evaluation


@dataclass(frozen=True)
class Evaluation:
    opened: int = 0
    extended: int = 0
    proposed: int = 0


@dataclass(frozen=True)
class AlertRow:
    """An exception alert as the alert list shows it: the KPI and place, since when,
    who owns it (the KPI's department and the ticket's owner), its ticket."""

    id: int
    kpi_id: int
    kpi: str
    site: str | None
    department: str | None
    status: str
    opened_period: str
    last_breach_period: str
    breaches: int
    problem_id: int | None
    problem_code: str | None
    problem_status: str | None
    owner: str | None
    owner_department: str | None
    latest_value: TypedNumber | None
    unit: str

    def place(self, language: str) -> str:
        return self.site or self.department or vocabulary.label("kpi_text", "whole_plant", language)


@dataclass(frozen=True)
class Tile:
    """A KPI on the dashboard: its latest period's value (the mean of its places), the
    status of that value, and the values of the periods before, for a sparkline."""

    kpi: KpiRecord
    period: str | None
    value: float | None
    status: str
    periods: tuple[str, ...]
    values: tuple[float | None, ...]
