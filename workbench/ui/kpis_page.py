"""The KPIs page (KPI 指标): the list of KPIs beside the editor of the one selected (name,
unit, direction, target, warning and alarm thresholds, period, owner department, ERP
module), its measurements as a grid that feels like a spreadsheet, and its trend with
the target line and the green, amber and red bands.

Saving the form, saving the grid (all its rows or none, each wrong cell named), adding
the articles' KPIs and deleting a KPI or a measurement are each one step of the page's
undo. Ctrl+N, Ctrl+S, Esc and Save / Discard / Stay cover the form and the grid.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.analysis.kpi_charts import trend_chart
from workbench.services import ChangeSet, Services
from workbench.services.bulk import BatchError
from workbench.services.errors import ConflictError, FieldError
from workbench.services.kinds import KPI
from workbench.services.kpi_records import KpiRecord
from workbench.ui import errors, labels
from workbench.ui.charts import ChartView
from workbench.ui.controls import ErrorText, fill_table, push_button, select_row, text_table
from workbench.ui.dashboard_parts import value_text
from workbench.ui.detail.undo import conflict_text
from workbench.ui.kind_form import KindForm
from workbench.ui.kpi_editing import KpiEditing
from workbench.ui.kpi_grid import MeasurementGrid
from workbench.ui.lookup_lists import LOOKUP_KINDS, LookupLists, pairs
from workbench.ui.pages import Registered
from workbench.ui.panes import Panes
from workbench.ui.recorded_step import RecordedStep, perform

TABLES = ("kpi", "kpi_measurement", "kpi_alert")
ALL_PLACES = None


class KpisPage(Registered, QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpis_page")
        self._services = services
        self._undo = QUndoStack(self)
        self.language = labels.language()
        self.kpis: tuple[KpiRecord, ...] = ()
        self.message = ErrorText()
        self.table = text_table(
            [self.tr("KPI"), self.tr("Unit"), self.tr("Target"), self.tr("Module")]
        )
        self.table.setObjectName("kpis")
        self.form = KindForm(
            self.tr("KPI"),
            KPI,
            self._validate,
            {"direction": "direction", "period": "kpi_period"},
        )
        self.grid = MeasurementGrid()
        self.grid_message = ErrorText()
        self.place = QComboBox()
        self.place.setObjectName("trend_place")
        self.trend = ChartView(trend_chart("", "", "higher", (1.0, None, None), (), (), 0, "en"))
        self.tabs = QTabWidget()
        self._layout()
        self.form.saveRequested.connect(self.save)
        self.editing: KpiEditing | None = None
        self.grid.edited.connect(self._grid_edited)
        self.table.currentCellChanged.connect(lambda row, *_: self._selected(row))
        self.place.currentIndexChanged.connect(lambda _i: self.show_trend())
        self._read_lookups()
        self.editing = KpiEditing(self)
        self.form.show_blank()
        self._reload()
        select_row(self.table, 0)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(
            push_button("add_presets", self.tr("Add the articles' KPIs"), self.add_presets)
        )
        buttons.addStretch(1)
        buttons.addWidget(push_button("delete_kpi", self.tr("Delete"), self.delete_kpi))
        buttons.addWidget(push_button("new_kpi", self.tr("New KPI"), self.new_kpi))
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)
        grid_page = QWidget()
        box = QVBoxLayout(grid_page)
        box.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        row.addWidget(
            push_button("delete_measurement", self.tr("Delete row"), self.delete_measurement)
        )
        row.addStretch(1)
        row.addWidget(
            push_button("save_measurements", self.tr("Save measurements"), self.save_measurements)
        )
        box.addWidget(self.grid_message)
        box.addWidget(self.grid, 1)
        box.addLayout(row)
        trend_page = QWidget()
        box = QVBoxLayout(trend_page)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.place)
        box.addWidget(self.trend, 1)
        self.tabs.addTab(trend_page, self.tr("Trend"))
        self.tabs.addTab(grid_page, self.tr("Measurements"))
        self.panes = Panes("kpis_splitter", (3, 4, 4))
        for pane in (left, self.form, self.tabs):
            self.panes.addWidget(pane)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.addWidget(self.message)
        layout.addWidget(self.panes, 1)

    def _grid_edited(self) -> None:
        if self.editing is not None:
            self.editing.guard.update()

    # ---- the Page protocol -------------------------------------------------------------
    page_key = "kpis"  # its title() and icon() come from the registry (Registered)

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "kpi":
            return False
        return self.select_kpi(record_id)

    def changed(self, change: ChangeSet) -> None:
        if change.touches(*LOOKUP_KINDS):
            self._read_lookups()
        if change.touches(*TABLES, *LOOKUP_KINDS):
            self._reload()
            if not self.grid.unsaved():
                self.show_measurements()

    # ---- showing -----------------------------------------------------------------------
    def _read_lookups(self) -> None:
        lists = LookupLists.read(self._services.lookups)
        self.form.set_references("department_id", pairs(lists.departments))
        self.form.set_references("erp_module_id", lists.active_modules())
        self.grid.set_places(self._services.lookups.site_entries(), lists.departments)

    def _reload(self) -> None:
        selected = self.selected()
        self.kpis = self._services.kpis.kpis()
        rows = [
            [
                k.title(self.language),
                k.unit,
                value_text(k.target.value, k.target.places(), k.unit),
                k.module or "",
            ]
            for k in self.kpis
        ]
        blocked = self.table.blockSignals(True)
        fill_table(self.table, rows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if selected is not None:
            for number, kpi in enumerate(self.kpis):
                if kpi.id == selected.id:
                    select_row(self.table, number)
        self.table.blockSignals(blocked)

    def selected(self) -> KpiRecord | None:
        row = self.table.currentRow()
        return self.kpis[row] if 0 <= row < len(self.kpis) else None

    def select_kpi(self, kpi_id: int) -> bool:
        for number, kpi in enumerate(self.kpis):
            if kpi.id == kpi_id:
                select_row(self.table, number)
                self._selected(number)
                return True
        return False

    def _selected(self, row: int) -> None:
        if not 0 <= row < len(self.kpis):
            return
        kpi = self.kpis[row]
        shown = self.form.record
        if shown is not None and shown.id == kpi.id:
            return
        if self.editing is not None and not self.editing.guard.may_leave():
            return
        self.form.show_record(kpi)
        name = self.form.form.widget("name")
        name.setPlaceholderText(kpi.title(self.language))  # type: ignore[attr-defined]
        self._fill_places()
        self.show_measurements()

    def _fill_places(self) -> None:
        blocked = self.place.blockSignals(True)
        self.place.clear()
        self.place.addItem(self.tr("All places (mean)"), ALL_PLACES)
        for site in self._services.lookups.sites():
            self.place.addItem(site.name, site.id)
        self.place.blockSignals(blocked)

    def show_measurements(self) -> None:
        kpi = self.form.record
        rows = self._services.kpis.measurements(kpi.id) if kpi is not None else ()
        self.grid_message.show_text("")
        self.grid.show_measurements(kpi.id if kpi is not None else None, rows)
        self.show_trend()

    def show_trend(self) -> None:
        kpi = self.form.record
        if kpi is None:
            return
        site = self.place.currentData()
        values: dict[str, list[float]] = {}
        for m in self._services.kpis.measurements(kpi.id):
            if site is None or m.site_id == site:
                values.setdefault(m.period, []).append(m.value.value)
        periods = sorted(values)[-24:]
        title = kpi.title(self.language)
        self.trend.set_chart(
            trend_chart(
                title,
                kpi.unit,
                kpi.direction,
                kpi.lines(),
                periods,
                [sum(values[p]) / len(values[p]) for p in periods],
                kpi.target.places() or 1,
                self.language,
            )
        )

    # ---- changes, each an undoable step ------------------------------------------------
    def _validate(self, values: dict[str, Any]) -> list[FieldError]:
        record = self.form.record
        return self._services.kpis.validate(values, record.preset if record else None)

    def _step(self, text: str, action: Callable[[], Any]) -> RecordedStep | None:
        step = RecordedStep(
            self._services,
            text,
            action,
            self._services.kpis.kpis,
            lambda _rows: self._after_step(),
            self._refused,
        )
        if not perform(step, self._undo, self._refused_unless_batch):
            return None
        self.message.show_text("")
        return step

    def _after_step(self) -> None:
        self._reload()
        record = self.form.record
        if record is not None and any(k.id == record.id for k in self.kpis):
            self.form.show_record(next(k for k in self.kpis if k.id == record.id))
        self.show_measurements()

    def _refused_unless_batch(self, error: Exception) -> None:
        """A refused batch of measurements is the grid's to show, cell by cell."""
        if isinstance(error, BatchError):
            raise error
        self._refused(error)

    def _refused(self, error: Exception) -> None:
        text = conflict_text(error) if isinstance(error, ConflictError) else errors.describe(error)
        self.message.show_text(text)

    def save(self) -> None:
        record = self.form.record
        service = self._services.kpis
        if record is None:
            values = self.form.values()
            step = self._step(
                self.tr("Add KPI %1").replace("%1", str(values.get("name"))),
                lambda: service.create(values),
            )
            made = step.created("kpi") if step else None
            if made is not None:
                self._reload()
                self.select_kpi(made)
            return
        changes = self.form.changes()
        if (
            self._step(
                self.tr("Edit %1").replace("%1", record.title(self.language)),
                lambda: service.update(record.id, changes),
            )
            is not None
        ):
            self._after_step()

    def save_measurements(self) -> bool:
        """Write the grid's new and changed rows, all or none; False when refused."""
        grid_rows, rows = self.grid.rows()
        if not rows or self.grid.kpi_id is None:
            return True
        service, language = self._services.kpis, self.language
        try:
            step = self._step(
                self.tr("Save %1 measurements").replace("%1", str(len(rows))),
                lambda: service.write_measurements(rows, language=language),
            )
        except BatchError as refused:
            said = self.grid.show_errors(grid_rows, refused.rows)
            self.grid_message.show_text(
                self.tr("Nothing was saved:")
                + " "
                + "; ".join(said[:4])
                + (" …" if len(said) > 4 else "")
            )
            return False
        if step is not None:
            self.show_measurements()
        return step is not None

    def new_kpi(self) -> None:
        if self.editing is not None and not self.editing.guard.may_leave():
            return
        self.table.clearSelection()
        self.form.show_blank()
        self.grid.show_measurements(None, ())
        self.form.form.widget("name").setFocus()

    def delete_kpi(self) -> None:
        kpi = self.selected()
        if kpi is None:
            return
        service = self._services.kpis
        if (
            self._step(
                self.tr("Delete %1").replace("%1", kpi.title(self.language)),
                lambda: service.delete(kpi.id),
            )
            is not None
        ):
            self.form.show_blank()
            self._reload()
            select_row(self.table, 0)
            self._selected(0)

    def delete_measurement(self) -> None:
        kpi = self.form.record
        row = self.grid.currentRow()
        if kpi is None or row < 0:
            return
        stored = self._services.kpis.measurements(kpi.id)
        if row >= len(stored):
            return
        measurement = stored[row]
        service = self._services.kpis
        self._step(
            self.tr("Delete measurement %1").replace("%1", measurement.period),
            lambda: service.delete_measurement(measurement.id),
        )
        self.show_measurements()

    def add_presets(self) -> None:
        service = self._services.kpis
        if self._step(self.tr("Add the articles' KPIs"), service.add_presets) is not None:
            self._reload()
            if self.form.record is None:
                select_row(self.table, 0)
                self._selected(0)
