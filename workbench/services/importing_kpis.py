"""Writing an import of KPI measurements (workbench.transfer.kpis): the rows of a sheet,
their KPI named as the user names it (in either language), checked and written by
KpiService.write_measurements, all of them in one transaction or none, the alerts of
the KPIs written evaluated in the same transaction.

An import names its places (sites, departments) by name; one the lists lack is refused
here (a measurement is for a place the plant has), never created. Every error names the
sheet's row and the field, as the problem import's do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from workbench.services.base import Clock, Service, utc_now
from workbench.services.bulk import BatchError
from workbench.services.bulk_rows import RowError
from workbench.services.importing import ImportWritten, NewEntry, Tally
from workbench.services.kpi_input import check_rows
from workbench.services.kpi_records import MeasurementInput, kpi_title
from workbench.services.kpis import KpiService
from workbench.services.progress import Progress
from workbench.store.audit import chain_head
from workbench.store.database import Database
from workbench.store.models import Department, Kpi, KpiMeasurement, Site
from workbench.vocabulary import LANGUAGES

NOTHING = -1  # the id of a name that names nothing: the check refuses it


@dataclass(frozen=True)
class KpiRow:
    """A sheet's row: its number, the KPI's name, the period and value as read, and the
    names of its site or department."""

    row: int
    kpi: object
    period: object
    value: object
    site: object = None
    department: object = None


def _fold(name: object) -> str:
    return "".join(str(name).split()).casefold()


class KpiImportService(Service):
    def __init__(
        self, database: Database, actor: str, clock: Clock = utc_now, language: str = "en"
    ) -> None:
        super().__init__(database, actor, clock)
        self.language = language  # of the tickets an alert opens

    def lists(self) -> dict[str, list[dict[str, Any]]]:
        return {}  # the places are looked up here (``_names``), never added by an import

    def existing(self, codes: Sequence[str]) -> dict[str, dict[str, Any]]:
        return {}  # a measurement has no code: its KPI, month and place key it

    def _inputs(self, rows: Iterable[KpiRow]) -> tuple[list[MeasurementInput], list[int]]:
        """The measurements to write and the sheet's row of each. A name that names no
        KPI, site or department is given an id none has, so the check refuses it beside
        the row's other errors."""
        kpis, sites, departments = self._names()

        def find(index: Mapping[str, int], name: object) -> int | None:
            return None if name is None else index.get(_fold(name), NOTHING)

        inputs: list[MeasurementInput] = []
        numbers: list[int] = []
        for row in rows:
            inputs.append(
                MeasurementInput(
                    find(kpis, row.kpi),
                    row.period,
                    row.value,
                    find(sites, row.site),
                    find(departments, row.department),
                )
            )
            numbers.append(row.row)
        return inputs, numbers

    def _names(self) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """KPIs by their names in every language, sites by name and code, departments
        by name; each name folded (no spaces, any case)."""
        kpis: dict[str, int] = {}
        sites: dict[str, int] = {}
        departments: dict[str, int] = {}
        with self._db.read() as session:
            for kpi in session.scalars(select(Kpi).order_by(Kpi.id)):
                for language in LANGUAGES:
                    kpis.setdefault(_fold(kpi_title(kpi.preset, kpi.name, language)), kpi.id)
            for site in session.scalars(select(Site).order_by(Site.id)):
                sites.setdefault(_fold(site.name), site.id)
                sites.setdefault(_fold(site.code), site.id)
            for department in session.scalars(select(Department).order_by(Department.id)):
                departments.setdefault(_fold(department.name), department.id)
        return kpis, sites, departments

    @staticmethod
    def _on_sheet(errors: Iterable[RowError], numbers: Sequence[int]) -> list[RowError]:
        """Errors by position in the batch (from 1) as errors by the sheet's row."""
        return [replace(e, row=numbers[e.row - 1]) for e in errors]

    def preview(
        self, items: Iterable[Any], placeholders: Mapping[str, set[int]], *, source: Any = None
    ) -> Tally:
        """What the write would do, writing nothing: measurements added, replaced (a
        different value kept for the KPI, month and place), unchanged; every error."""
        inputs, numbers = self._inputs(items)
        tally = Tally()
        with self._db.read() as session:
            clean, found = check_rows(session, inputs)
            kept = {
                (m.kpi_id, m.period, m.site_id, m.department_id): (m.value, m.value_decimals)
                for m in session.scalars(
                    select(KpiMeasurement).where(
                        KpiMeasurement.kpi_id.in_({c.kpi_id for c in clean})
                    )
                )
            }
        for item in clean:
            before = kept.get(item.series)
            if before is None:
                tally.created += 1
            elif before != (item.value, item.decimals):
                tally.updated += 1
            else:
                tally.unchanged += 1
        tally.errors = self._on_sheet(found, numbers)
        return tally

    def write(
        self,
        entries: Sequence[NewEntry],
        codes: Iterable[str],
        items: Callable[[Mapping[tuple[str, str], int]], Iterable[Any]],
        progress: Progress | None = None,
        total: int = 0,
        *,
        kept: Any = None,
    ) -> ImportWritten:
        """Every row or none (BatchError naming each wrong row's field): the batch is
        written by KpiService.write_measurements in one transaction, alerts evaluated."""
        inputs, numbers = self._inputs(items({}))
        with self._db.engine.connect() as connection:
            before = chain_head(connection)[0]
        kpis = KpiService(self._db, self.actor, self._clock)
        try:
            report = kpis.write_measurements(inputs, progress, self.language)
        except BatchError as error:
            raise BatchError(self._on_sheet(error.rows, numbers), error.complete) from error
        with self._db.engine.connect() as connection:
            after = chain_head(connection)[0]
        return ImportWritten(report.added, report.replaced, 0, after - before)
