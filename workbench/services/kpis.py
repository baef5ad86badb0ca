"""KPIs (KPI 指标) and their measurements: the rules and the writes.

- A KPI has a name (or is one of the articles', named by its preset in the user's
  language), a unit, which way is better, a target, warning and alarm thresholds (each
  keeping its decimals), a period (monthly), an owner department and an ERP module. The
  alarm threshold is never better than the warning threshold.
- Measurements are one per KPI, period and place (a site, a department or the whole
  plant). ``write_measurements`` takes a batch (the grid's rows, an import's): every row
  is checked first, and one wrong cell refuses the whole batch with every error by row
  and field; otherwise all are written in one transaction, a value already kept for the
  same KPI, period and place replaced, and the alerts of the KPIs written are evaluated
  in the same transaction (workbench.services.kpi_alerts).

Every write is audited with its change notice; undo is the domain history's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.services.base import Service
from workbench.services.bulk import BatchError
from workbench.services.dashboard_read import kpi_records
from workbench.services.errors import FieldError, NotFoundError, ValidationError
from workbench.services.kinds import KPI
from workbench.services.kpi_alerts import evaluate_in
from workbench.services.kpi_input import check_rows
from workbench.services.kpi_presets import PRESETS, Preset
from workbench.services.kpi_records import (
    KpiRecord,
    MeasurementInput,
    MeasurementRow,
    WriteReport,
)
from workbench.services.numbers import parse, stored
from workbench.services.progress import Progress, silent
from workbench.services.session_rows import SessionRows
from workbench.store.models import Department, ErpModule, Kpi, KpiMeasurement, Site

# Rows between two progress reports (each may cancel).
REPORT_EVERY = 500


def kpi_record(session: Session, row: Kpi) -> KpiRecord:
    """``row`` as the Dashboard reads it (written first, when it is new or changed)."""
    return kpi_records(SessionRows(session), "k.id = :id", {"id": row.id})[0]


def preset_columns(preset: Preset, modules: Mapping[str, int]) -> dict[str, Any]:
    """The columns of one of the articles' KPIs as it is added (``modules``: the ERP
    modules' ids by name, its module linked when the list has it by its standard name)."""
    return {
        "name": "",
        "unit": preset.unit,
        "direction": preset.direction,
        "period": "monthly",
        "note": "",
        "department_id": None,
        "erp_module_id": modules.get(preset.module or ""),
        **KPI.columns(
            {
                "target": parse(preset.target),
                "warning": parse(preset.warning),
                "alarm": parse(preset.alarm),
            }
        ),
    }


def _defaults() -> dict[str, Any]:
    return {k: v for k, v in KPI.blank().items() if v is not None and v != ""}


class KpiService(Service):
    # ---- validation -----------------------------------------------------------------
    def validate(self, values: Mapping[str, Any], preset: str | None = None) -> list[FieldError]:
        """Errors of a KPI form, as the user types."""
        return self._check({**_defaults(), **values}, preset)[1]

    @staticmethod
    def _check(values: Mapping[str, Any], preset: str | None) -> tuple[dict[str, Any], list]:
        clean, errors = KPI.check(values)
        nameless = not preset and not str(clean.get("name") or "").strip()
        if nameless and not any(e.field == "name" for e in errors):
            errors.append(FieldError("name", "name_required", "a KPI of your own needs a name"))
        warning, alarm = clean.get("warning"), clean.get("alarm")
        direction = clean.get("direction")
        if warning is not None and alarm is not None and direction in ("higher", "lower"):
            better = (
                alarm.value > warning.value
                if direction == "higher"
                else (alarm.value < warning.value)
            )
            if better:
                errors.append(FieldError("alarm", "threshold_order", "is better than the warning"))
        return clean, errors

    def _checked(self, values: Mapping[str, Any], preset: str | None) -> dict[str, Any]:
        clean, errors = self._check(values, preset)
        if errors:
            raise ValidationError(errors)
        return clean

    # ---- KPIs -----------------------------------------------------------------------
    def kpis(self) -> tuple[KpiRecord, ...]:
        with self._db.read() as session:
            return kpi_records(SessionRows(session))

    def get(self, kpi_id: int) -> KpiRecord:
        with self._db.read() as session:
            return kpi_record(session, self._get(session, Kpi, kpi_id))

    def create(self, values: Mapping[str, Any], preset: str | None = None) -> KpiRecord:
        clean = self._checked({**_defaults(), **values}, preset)
        now = self._clock()
        with self._db.write(self.actor) as session:
            self._check_references(session, clean)
            row = Kpi(**KPI.columns(clean), preset=preset, created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            return kpi_record(session, row)

    def update(self, kpi_id: int, changes: Mapping[str, Any]) -> KpiRecord:
        with self._db.write(self.actor) as session:
            row = self._get(session, Kpi, kpi_id)
            stored_values = KPI.field_values(row)
            clean = self._checked({**stored_values, **changes}, row.preset)
            self._check_references(session, {n: clean[n] for n in changes if n in clean})
            changed = {n: clean[n] for n in changes if n in clean and stored_values[n] != clean[n]}
            for name, value in KPI.columns(changed).items():
                setattr(row, name, value)
            if changed:
                row.updated_at = self._clock()
            session.flush()
            return kpi_record(session, row)

    def delete(self, kpi_id: int) -> None:
        """Delete a KPI with its measurements and alerts, each audited (undo brings them
        back); its tickets stay, as problems."""
        with self._db.write(self.actor) as session:
            session.delete(self._get(session, Kpi, kpi_id))

    def add_presets(self) -> tuple[KpiRecord, ...]:
        """Add the articles' KPIs that the list does not have yet (by their preset)."""
        now = self._clock()
        with self._db.write(self.actor) as session:
            have = set(session.scalars(select(Kpi.preset).where(Kpi.preset.is_not(None))))
            modules = {m.name: m.id for m in session.scalars(select(ErpModule))}
            added = []
            for preset in PRESETS:
                if preset.key in have:
                    continue
                columns = preset_columns(preset, modules)
                row = Kpi(preset=preset.key, **columns, created_at=now, updated_at=now)
                session.add(row)
                added.append(row)
            session.flush()
            return tuple(kpi_record(session, row) for row in added)

    # ---- measurements ---------------------------------------------------------------
    def measurements(self, kpi_id: int) -> tuple[MeasurementRow, ...]:
        """A KPI's measurements, by period then place."""
        with self._db.read() as session:
            sites = {s.id: s.name for s in session.scalars(select(Site))}
            departments = {d.id: d.name for d in session.scalars(select(Department))}
            rows = session.scalars(
                select(KpiMeasurement)
                .where(KpiMeasurement.kpi_id == kpi_id)
                .order_by(KpiMeasurement.period, KpiMeasurement.site_id, KpiMeasurement.id)
            )
            return tuple(
                MeasurementRow(
                    m.id,
                    m.kpi_id,
                    m.period,
                    m.site_id,
                    sites.get(m.site_id or 0),
                    m.department_id,
                    departments.get(m.department_id or 0),
                    stored(m.value, m.value_decimals),  # type: ignore[arg-type]
                )
                for m in rows
            )

    def check_measurements(self, rows: Sequence[MeasurementInput]) -> list:
        """Every error of ``rows`` (RowErrors, by row from 1 and field); [] when valid."""
        with self._db.read() as session:
            return check_rows(session, rows)[1]

    def write_measurements(
        self,
        rows: Sequence[MeasurementInput],
        progress: Progress | None = None,
        language: str = "en",
    ) -> WriteReport:
        """Write every row or none (BatchError naming each wrong cell); see the module."""
        progress = progress or silent()
        with self._db.write(self.actor) as session:
            clean, errors = check_rows(session, rows)
            if errors:
                raise BatchError(errors)
            added = replaced = 0
            for done, item in enumerate(clean, start=1):
                if done % REPORT_EVERY == 0:
                    progress.report(done, len(clean))
                kept = session.scalar(
                    select(KpiMeasurement).where(
                        KpiMeasurement.kpi_id == item.kpi_id,
                        KpiMeasurement.period == item.period,
                        _same(KpiMeasurement.site_id, item.site_id),
                        _same(KpiMeasurement.department_id, item.department_id),
                    )
                )
                if kept is None:
                    session.add(
                        KpiMeasurement(
                            kpi_id=item.kpi_id,
                            period=item.period,
                            site_id=item.site_id,
                            department_id=item.department_id,
                            value=item.value,
                            value_decimals=item.decimals,
                        )
                    )
                    added += 1
                elif (kept.value, kept.value_decimals) != (item.value, item.decimals):
                    kept.value, kept.value_decimals = item.value, item.decimals
                    replaced += 1
            session.flush()
            evaluation = evaluate_in(session, self, {item.kpi_id for item in clean}, language)
            return WriteReport(added, replaced, evaluation)

    def delete_measurement(self, measurement_id: int) -> None:
        with self._db.write(self.actor) as session:
            row = session.get(KpiMeasurement, measurement_id)
            if row is None:
                raise NotFoundError(f"kpi_measurement {measurement_id} does not exist")
            session.delete(row)


def _same(column: Any, value: int | None) -> Any:
    return column.is_(None) if value is None else column == value
