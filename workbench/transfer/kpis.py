"""KPI measurements on a sheet, as an ERP's monthly export holds them: a row is one KPI's
value for one month and place. Columns: the KPI (its name in either language), the
period (2026-07, 2026/7, 2026年7月 or an Excel date), the site or the department (neither:
the whole plant) and the value with its decimals as written.

The rows go to KpiService.write_measurements through the KPI import writer
(workbench.services.importing_kpis): all of the file or nothing, a value already kept for
the same KPI, month and place replaced, and the KPIs' alerts evaluated after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from workbench.services import Services
from workbench.services.fields import Spec
from workbench.services.importing_kpis import KpiImportService, KpiRow
from workbench.transfer.kinds import Column, ImportKind, KindWriter, register

PART = "kpi_measurement"
# The period's cell as read (a text, a date, a number): the KPI rules parse it.
_AS_READ = Spec("ref")
KPI_COLUMNS: tuple[Column, ...] = (
    Column(PART, "kpi_id", Spec("text", max_length=200)),
    Column(PART, "period", _AS_READ),
    # places by name, looked up by the writer: a name the lists lack is refused, not added
    Column(PART, "site_id", Spec("text", max_length=100)),
    Column(PART, "department_id", Spec("text", max_length=100)),
    Column(PART, "value", Spec("text", max_length=40)),
)


def _key(name: str) -> str:
    return f"{PART}.{name}"


def build(
    row: int,
    values: Mapping[str, Any],
    resolve: Callable[[str, str], int],
    existing: Mapping[str, Mapping[str, Any]],
    stamp: dt.datetime,
    language: str,
) -> KpiRow:
    """What row ``row`` writes: its KPI and place by name (the writer looks them up)."""
    return KpiRow(
        row,
        values.get(_key("kpi_id")),
        values.get(_key("period")),
        values.get(_key("value")),
        values.get(_key("site_id")),
        values.get(_key("department_id")),
    )


def _writer(services: Services, language: str) -> KindWriter:
    return KpiImportService(services.database, services.actor, language=language)


KPIS = register(ImportKind("kpi", KPI_COLUMNS, code="", build=build, writer=_writer))
