"""The dashboard's own widgets: a KPI tile (name, value, target, status colour and a
sparkline), the health score's "why is it 72?" table with its weights, the dialog that
edits the weights, and the list of the problems behind a bar."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import vocabulary
from workbench.analysis.charts import colour
from workbench.analysis.kpi_charts import sparkline_chart
from workbench.analysis.kpi_rules import DEFAULT_WEIGHTS, HEALTH_PARTS, HealthInputs
from workbench.services.dashboard_facts import BehindRow, ScoreRow
from workbench.services.kpi_records import KpiRecord, Tile
from workbench.ui import labels
from workbench.ui.controls import ErrorText, fill_table, text_table
from workbench.ui.sparkline import Sparkline

STATUS_COLOURS = {"green": "green", "amber": "amber", "red": "red", "none": "baseline"}


def value_text(value: float | None, decimals: int, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:.{decimals}f}{unit if unit == '%' else f' {unit}' if unit else ''}"


def shown_decimals(kpi: KpiRecord) -> int:
    """A KPI's values read with the decimals of its most precise threshold, at least one
    (a tile shows a mean of its places)."""
    lines = [n for n in (kpi.target, kpi.warning, kpi.alarm) if n is not None]
    return max([1, *(n.places() for n in lines)])


class KpiTile(QFrame):
    """One KPI at a glance; a click asks for its trend (``opened(kpi_id)``)."""

    opened = Signal(int)

    def __init__(self, tile: Tile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tile = tile
        kpi = tile.kpi
        language = labels.language()
        decimals = shown_decimals(kpi)
        key = STATUS_COLOURS.get(tile.status, "baseline")
        self.setObjectName("kpi_tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#kpi_tile {{ border: 1px solid #d0d5dd; border-left: 5px solid {colour(key)};"
            " border-radius: 4px; background: #ffffff; }"
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.name = QLabel(kpi.title(language))
        self.name.setStyleSheet("color: #37474f; font-weight: bold;")
        self.value = QLabel(value_text(tile.value, decimals, kpi.unit))
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setStyleSheet(f"color: {colour(key)};")
        state = vocabulary.label("kpi_status", tile.status, language)
        target = vocabulary.label("kpi_text", "target", language).format(
            value=value_text(kpi.target.value, kpi.target.places(), kpi.unit)
        )
        self.target = QLabel(f"{target} · {state}")
        self.target.setStyleSheet("color: #546e7a;")
        chart = sparkline_chart(
            kpi.title(language),
            kpi.unit,
            kpi.direction,
            kpi.lines(),
            tile.periods,
            tile.values,
            decimals,
            language,
        )
        self.spark = Sparkline(chart)
        self.spark.setFixedHeight(28)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.setSpacing(1)
        for widget in (self.name, self.value, self.target, self.spark):
            layout.addWidget(widget)
        period = tile.period or vocabulary.label("kpi_text", "no_measurements", language)
        self.setToolTip(f"{kpi.title(language)} · {period}")

    def mouseReleaseEvent(self, event: object) -> None:
        self.opened.emit(self.tile.kpi.id)


def _detail(part: str, inputs: HealthInputs) -> str:
    if part == "kpi":
        measured = inputs.green + inputs.amber + inputs.red
        if not measured:
            return vocabulary.label("kpi_text", "no_measurements", labels.language())
        return (
            QCoreApplication.translate("HealthBreakdown", "%1 green, %2 amber, %3 red")
            .replace("%1", str(inputs.green))
            .replace("%2", str(inputs.amber))
            .replace("%3", str(inputs.red))
        )
    if part == "solutions":
        return (
            QCoreApplication.translate("HealthBreakdown", "%1 of %2 overdue")
            .replace("%1", str(inputs.overdue_solutions))
            .replace("%2", str(inputs.open_solutions))
        )
    if part == "age":
        days = inputs.open_problem_days / inputs.open_problems if inputs.open_problems else 0
        return (
            QCoreApplication.translate("HealthBreakdown", "%1 open, %2 days on average")
            .replace("%1", str(inputs.open_problems))
            .replace("%2", f"{days:.0f}")
        )
    return (
        QCoreApplication.translate("HealthBreakdown", "%1 open of %2 series")
        .replace("%1", str(inputs.open_alerts))
        .replace("%2", str(inputs.series))
    )


class HealthBreakdown(QWidget):
    """Why a score is what it is: each part's weight, what it earned and its points,
    adding up to the score in the last line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("health_heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.table = text_table(
            [
                self.tr("Part"),
                self.tr("Weight"),
                self.tr("Earned"),
                self.tr("Points"),
                self.tr("Why"),
            ]
        )
        self.table.setObjectName("health_parts")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)

    def show_score(self, row: ScoreRow, scope: str) -> None:
        score = row.score
        self.heading.setText(
            self.tr("Why is it %1? %2, %3")
            .replace("%1", f"{score.score:.1f}")
            .replace("%2", scope)
            .replace("%3", score.period)
        )
        rows = [
            [
                labels.choice("health_part", p.key),
                str(p.weight),
                f"{p.share * 100:.0f}%",
                f"{p.points:.1f}",
                _detail(p.key, row.inputs),
            ]
            for p in score.parts
        ]
        rows.append([self.tr("Score"), "100", "", f"{score.score:.1f}", ""])
        fill_table(self.table, rows)
        for number, texts in enumerate(rows):
            cell = self.table.item(number, 4)
            if cell is not None:
                cell.setToolTip(texts[4])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)


class WeightsDialog(QDialog):
    """The health score's weights, one per part, adding up to 100."""

    def __init__(self, weights: Mapping[str, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Health score weights"))
        self.boxes: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for part in HEALTH_PARTS:
            box = QSpinBox()
            box.setObjectName(f"weight_{part}")
            box.setRange(0, 100)
            box.setValue(weights.get(part, DEFAULT_WEIGHTS[part]))
            box.valueChanged.connect(lambda _v: self._check())
            self.boxes[part] = box
            form.addRow(labels.choice("health_part", part), box)
        self.message = ErrorText()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._check()

    def weights(self) -> dict[str, int]:
        return {part: box.value() for part, box in self.boxes.items()}

    def _check(self) -> None:
        total = sum(self.weights().values())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(total == 100)
        self.message.show_text(
            ""
            if total == 100
            else self.tr("The weights add up to %1, not 100.").replace("%1", str(total))
        )


class BehindDialog(QDialog):
    """The problems behind a bar; double-click one to open it (``chosen(problem_id)``)."""

    chosen = Signal(int)

    def __init__(
        self, title: str, rows: Sequence[BehindRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.rows = list(rows)
        self.table: QTableWidget = text_table(
            [self.tr("Code"), self.tr("Title"), self.tr("Status")]
        )
        self.table.setObjectName("behind")
        fill_table(
            self.table, [[r.code, r.title, labels.choice("status", r.status)] for r in self.rows]
        )
        self.table.cellDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("%1 problems; double-click one to open it.").replace(
                    "%1", str(len(self.rows))
                )
            )
        )
        layout.addWidget(self.table)
        self.resize(640, 420)

    def _open(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rows):
            self.chosen.emit(self.rows[row].id)
            self.accept()
