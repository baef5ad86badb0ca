"""The dialog that measures a result by a KPI series (a computed effect): which KPI, at
which place (a site, a department, or the whole plant: the mean of every place), the
baseline periods and the first period after, with the effect those choices give computed
as they are typed (workbench.services.kpi_effects; nothing is written until **Link**).

It starts from ``EffectService.suggest``: the link the result has, else the KPI named
like its metric, the problem's site and the three months before the solution's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.services import Services
from workbench.services.errors import ValidationError
from workbench.services.kpi_effects import SeriesChoice
from workbench.ui import labels
from workbench.ui.detail.formatting import effect_text

# A place of the series: (site id, department id); both None is the whole plant.
Place = tuple[int | None, int | None]


class KpiLinkDialog(QDialog):
    def __init__(self, services: Services, result_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpi_link_dialog")
        self.setWindowTitle(self.tr("Measure the result by a KPI series"))
        self._services, self._result_id = services, result_id
        language = labels.language()
        self.kpi = QComboBox()
        self.kpi.setObjectName("series_kpi")
        for kpi in services.kpis.kpis():
            self.kpi.addItem(kpi.title(language), kpi.id)
        self.place = QComboBox()
        self.place.setObjectName("series_place")
        self.place.addItem(self.tr("Whole plant (the mean of every place)"), (None, None))
        for site in services.lookups.sites():
            self.place.addItem(self.tr("Site: %1").replace("%1", site.name), (site.id, None))
        for department in services.lookups.departments():
            self.place.addItem(
                self.tr("Department: %1").replace("%1", department.name), (None, department.id)
            )
        self.baseline_from = self._period("baseline_from")
        self.baseline_to = self._period("baseline_to")
        self.after_from = self._period("after_from")
        self.effect = QLabel()
        self.effect.setObjectName("series_effect")
        self.effect.setWordWrap(True)
        self.effect.setMinimumWidth(420)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.link_button = self.buttons.addButton(
            self.tr("Link"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.link_button.setObjectName("series_link")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(labels.field("kpi_id", "result_kpi"), self.kpi)
        form.addRow(self.tr("Place"), self.place)
        baseline = QHBoxLayout()
        baseline.addWidget(self.baseline_from)
        baseline.addWidget(QLabel(self.tr("to")))
        baseline.addWidget(self.baseline_to)
        baseline.addStretch(1)
        form.addRow(self.tr("Baseline"), baseline)
        form.addRow(labels.field("after_from", "result_kpi"), self.after_from)
        form.addRow(self.tr("Effect"), self.effect)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._fill(services.effects.suggest(result_id, language))
        for combo in (self.kpi, self.place):
            combo.currentIndexChanged.connect(self.recompute)
        self.recompute()

    def _period(self, name: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(f"series_{name}")
        line.setPlaceholderText("2026-03")
        line.setMaximumWidth(110)
        line.textEdited.connect(self.recompute)
        return line

    def _fill(self, choice: SeriesChoice | None) -> None:
        if choice is None:
            return
        self.kpi.setCurrentIndex(max(self.kpi.findData(choice.kpi_id), 0))
        place: Place = (choice.site_id, choice.department_id)
        found = next((i for i in range(self.place.count()) if self.place.itemData(i) == place), 0)
        self.place.setCurrentIndex(found)
        self.baseline_from.setText(choice.baseline_from)
        self.baseline_to.setText(choice.baseline_to)
        self.after_from.setText(choice.after_from)

    def choice(self) -> SeriesChoice | None:
        """The series as chosen (None: there is no KPI to choose)."""
        kpi_id: Any = self.kpi.currentData()
        if kpi_id is None:
            return None
        site_id, department_id = self.place.currentData()
        return SeriesChoice(
            int(kpi_id),
            self.baseline_from.text().strip(),
            self.baseline_to.text().strip(),
            self.after_from.text().strip(),
            site_id,
            department_id,
        )

    def recompute(self) -> None:
        """Show the effect the choices give, or why they give none; Link only when valid."""
        choice = self.choice()
        if choice is None:
            self.effect.setText(self.tr("No KPIs yet: add them on the KPIs page."))
            self.effect.setStyleSheet("color: #c0392b;")
            self.link_button.setEnabled(False)
            return
        try:
            found = self._services.effects.preview(self._result_id, choice, labels.language())
        except ValidationError as error:
            self.effect.setText("\n".join(labels.error(e) for e in error.errors))
            self.effect.setStyleSheet("color: #c0392b;")
            self.link_button.setEnabled(False)
            return
        text = effect_text(found)
        if found.effect.baseline is None or found.effect.after is None:
            text += "\n" + self.tr("No measurements in some of these periods yet.")
        self.effect.setText(text)
        self.effect.setStyleSheet("color: #c0392b;" if found.effect.relapse else "")
        self.link_button.setEnabled(True)
