"""KPI measurements as they are typed or read from a sheet, checked row by row: the
period (a month, written 2026-03, 2026/3, 2026年3月 or as a date), the KPI, the place (a
site or a department, or neither for the whole plant) and the value with its decimals.

Every error keeps the row it is in (from 1) and the field, so the grid and the import
name the cell; a row repeating another's KPI, period and place is refused too. Shared by
KpiService.write_measurements and whatever hands it rows (the grid, an import).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.services.bulk_rows import RowError
from workbench.services.errors import FieldError
from workbench.services.kinds import KPI_MEASUREMENT
from workbench.services.kpi_records import MeasurementInput
from workbench.services.numbers import normalized
from workbench.store.models import Department, Kpi, Site

KIND = KPI_MEASUREMENT.name
_MONTH = re.compile(r"^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*月?(?:[-/.]\d{1,2}日?)?$")


def parse_period(value: Any) -> str:
    """ "2026-03" from a month as written; ValueError when it is not one."""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    if not isinstance(value, str):
        raise ValueError("not a month")
    found = _MONTH.match(normalized(value))
    if not found:
        raise ValueError("not a month")
    year, month = int(found.group(1)), int(found.group(2))
    if not 1 <= month <= 12 or not 1900 <= year <= 2199:
        raise ValueError("not a month")
    return f"{year:04d}-{month:02d}"


@dataclass(frozen=True)
class CleanMeasurement:
    row: int
    kpi_id: int
    period: str
    site_id: int | None
    department_id: int | None
    value: float
    decimals: int | None

    @property
    def series(self) -> tuple[int, str, int | None, int | None]:
        return (self.kpi_id, self.period, self.site_id, self.department_id)


def _error(row: int, name: str, code: str, message: str, **params: Any) -> RowError:
    return RowError(row, KIND, FieldError(name, code, message, params))


def check_rows(
    session: Session, rows: Sequence[MeasurementInput]
) -> tuple[list[CleanMeasurement], list[RowError]]:
    """The clean rows and every error, each with its row (from 1) and field."""
    kpis = set(session.scalars(select(Kpi.id)))
    sites = set(session.scalars(select(Site.id)))
    departments = set(session.scalars(select(Department.id)))
    clean: list[CleanMeasurement] = []
    errors: list[RowError] = []
    seen: dict[tuple[int, str, int | None, int | None], int] = {}
    for row, given in enumerate(rows, start=1):
        values = {
            "kpi_id": given.kpi_id,
            "period": given.period if isinstance(given.period, str) else "-",
            "site_id": given.site_id,
            "department_id": given.department_id,
            "value": given.value,
        }
        checked, found = KPI_MEASUREMENT.check(values)
        found = [e for e in found if e.field != "period"]
        period = None
        try:
            period = parse_period(given.period)
        except ValueError:
            code = "required" if given.period in (None, "") else "not_a_period"
            found.append(FieldError("period", code, "is not a month (2026-03)"))
        references = (("kpi_id", kpis), ("site_id", sites), ("department_id", departments))
        for name, known in references:
            if checked.get(name) is not None and checked[name] not in known:
                found.append(FieldError(name, "unknown_reference", "refers to nothing"))
        if checked.get("site_id") is not None and checked.get("department_id") is not None:
            found.append(FieldError("site_id", "one_place", "a site or a department, not both"))
        if found:
            errors.extend(RowError(row, KIND, error) for error in found)
            continue
        number = checked["value"]
        assert period is not None
        item = CleanMeasurement(
            row,
            checked["kpi_id"],
            period,
            checked.get("site_id"),
            checked.get("department_id"),
            number.value,
            number.decimals,
        )
        if item.series in seen:
            errors.append(
                _error(
                    row,
                    "period",
                    "repeated_row",
                    "repeats another row",
                    value=period,
                    title=str(seen[item.series]),
                )
            )
            continue
        seen[item.series] = row
        clean.append(item)
    return clean, errors
