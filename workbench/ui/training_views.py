"""The Training page's read-only views: coverage per department and module as a heat map
("3/8": people trained of the people in it now), the people never trained on a module
they work in, sessions per month (by kind in a table, beside a chart of the sessions and
attendances: workbench.analysis.training_charts), and the modules one person was
trained on.

Each view reads its service call when it is shown (``refresh``), not when the page opens,
so a file of 100,000 attendances opens the page as fast as the demo's. A person shown in
the By person or Never trained view can be marked as having left the plant
(``leftRequested``); the page writes it as one step of its undo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.analysis.training_charts import sessions_per_month_chart
from workbench.services import Services
from workbench.services.training_records import Coverage, CoverageCell, MonthRow
from workbench.ui import labels
from workbench.ui.charts import ChartView
from workbench.ui.controls import push_button
from workbench.ui.labels import language
from workbench.ui.training_table import average_text

_LOW, _HIGH, _NONE = (255, 235, 238), (67, 160, 71), QColor("#eeeeee")


def heat(share: float | None) -> QColor:
    """Red for no one trained, green for everyone, grey for a department without people."""
    if share is None:
        return _NONE
    return QColor(
        *(round(low + (high - low) * share) for low, high in zip(_LOW, _HIGH, strict=True))
    )


def _table(name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(name != "coverage")
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setMinimumSectionSize(64)
    if name != "coverage":  # the coverage's rows are named by their department
        table.verticalHeader().hide()
    return table


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _column(title: str, table: QTableWidget, note: QLabel | None = None) -> QVBoxLayout:
    layout = QVBoxLayout()
    heading = QLabel(title)
    heading.setWordWrap(True)
    layout.addWidget(heading)
    layout.addWidget(table, 1)
    if note is not None:
        layout.addWidget(note)
    return layout


class CoverageView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _table("coverage", [])
        self.coverage: Coverage | None = None
        text = self.tr(
            "People trained on each module / people in the department today. Someone who "
            "moved counts where they are now, with the sessions they attended before; "
            "someone who left counts nowhere."
        )
        self.setLayout(_column(text, self.table))

    def refresh(self, services: Services) -> None:
        found = services.training.coverage()
        self.coverage = found
        table = self.table
        table.clear()
        table.setRowCount(len(found.departments))
        table.setColumnCount(len(found.modules))
        table.setHorizontalHeaderLabels([name for _, name in found.modules])
        table.setVerticalHeaderLabels([name for _, name in found.departments])
        for row, (department_id, department) in enumerate(found.departments):
            for column, (module_id, module) in enumerate(found.modules):
                cell = found.cell(department_id, module_id)
                table.setItem(row, column, self._cell(cell, department, module))

    def _cell(self, cell: CoverageCell, department: str, module: str) -> QTableWidgetItem:
        item = _item(cell.text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        colour = heat(cell.share)
        item.setBackground(QBrush(colour))
        if cell.share is not None and cell.share > 0.6:
            item.setForeground(QBrush(QColor("white")))
        tip = self.tr("%1 of the %2 people of %3 trained on %4")
        for key, value in (
            ("%1", str(cell.trained)),
            ("%2", str(cell.people)),
            ("%3", department),
            ("%4", module),
        ):
            tip = tip.replace(key, value)
        item.setToolTip(tip)
        return item

    def cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


class NeverTrainedView(QWidget):
    leftRequested = Signal(int, object)  # a person's id, the day they left

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = [self.tr("Person"), self.tr("Department"), self.tr("ERP module"), self.tr("Why")]
        self.table = _table("never_trained", headers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        text = self.tr(
            "People who work in a module (a problem of their department is in it, or they "
            "own or reported one) and never attended a session on it. Right-click a person "
            "who has left the plant to mark it."
        )
        self.setLayout(_column(text, self.table))
        self.left_action = QAction(self.tr("Mark as left the plant today"), self.table)
        self.left_action.setObjectName("never_trained_left")
        self.left_action.triggered.connect(lambda _checked=False: self._mark_left())
        self.table.addAction(self.left_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._people: list[int] = []

    def _mark_left(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._people):
            self.leftRequested.emit(self._people[row], dt.date.today())

    def refresh(self, services: Services) -> None:
        rows = services.training.never_trained()
        self._people = [row.person_id for row in rows]
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            because = (
                self.tr("their department's problems")
                if row.because == "department"
                else self.tr("problems they own or reported")
            )
            texts = (row.person, row.department or "—", row.module, because)
            for column, text in enumerate(texts):
                self.table.setItem(number, column, _item(text))


def _month_headers() -> list[str]:
    return [
        QCoreApplication.translate("TrainingViews", "Month"),
        *(label for _key, label in labels.choices("training_kind")),
        QCoreApplication.translate("TrainingViews", "Sessions"),
        QCoreApplication.translate("TrainingViews", "Attendances"),
        QCoreApplication.translate("TrainingViews", "Hours"),
    ]


class PerMonthView(QWidget):
    """A year's months: the chart of sessions by kind beside the table of its figures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = QComboBox()
        self.year.setObjectName("month_year")
        self.table = _table("per_month", _month_headers())
        self.chart = ChartView(sessions_per_month_chart((), dt.date.today().year, language()))
        self.chart.setObjectName("per_month_chart")
        self._services: Services | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        figures = QHBoxLayout()
        figures.addWidget(self.table, 0)
        figures.addWidget(self.chart, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(figures, 1)
        self.year.currentIndexChanged.connect(lambda _i: self._show())

    def refresh(self, services: Services) -> None:
        self._services = services
        years = [str(y) for y in reversed(services.training.years())] or [
            str(services.training.today().year)
        ]
        current = self.year.currentText()
        blocked = self.year.blockSignals(True)
        self.year.clear()
        self.year.addItems(years)
        self.year.setCurrentText(current if current in years else years[0])
        self.year.blockSignals(blocked)
        self._show()

    def _show(self) -> None:
        if self._services is None or not self.year.currentText():
            return
        year = int(self.year.currentText())
        months = self._services.training.sessions_per_month(year)
        self.table.setRowCount(len(months))
        for number, month in enumerate(months):
            for column, text in enumerate(self._texts(month)):
                self.table.setItem(number, column, _item(text, right=column > 0))
        self.table.setFixedWidth(self._table_width())
        self.chart.set_chart(sessions_per_month_chart(months, year, language()))

    def _table_width(self) -> int:
        """As wide as its columns: the chart takes the rest."""
        header = self.table.horizontalHeader()
        return header.length() + self.table.frameWidth() * 2 + 2

    def _texts(self, month: MonthRow) -> list[str]:
        year = self.year.currentText()
        kinds = [str(month.by_kind.get(key, 0)) for key, _label in labels.choices("training_kind")]
        hours = f"{month.hours:g}"
        return [
            f"{year}-{month.month:02d}",
            *kinds,
            str(month.sessions),
            str(month.attendances),
            hours,
        ]


class PersonView(QWidget):
    """Who has been trained on which module: one person's modules; and the day they left
    the plant, when they did."""

    leftRequested = Signal(int, object)  # a person's id, the day they left

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = QComboBox()
        self.person.setObjectName("trained_person")
        headers = [
            self.tr("ERP module"),
            self.tr("Sessions"),
            self.tr("Last session"),
            self.tr("Last score"),
        ]
        self.table = _table("trained_on", headers)
        self._services: Services | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Person")))
        top.addWidget(self.person, 1)
        top.addStretch(1)
        self.left_on = QDateEdit(QDate.currentDate())
        self.left_on.setObjectName("left_on")
        self.left_on.setCalendarPopup(True)
        self.left_on.setDisplayFormat("yyyy-MM-dd")
        self.left_button = push_button("mark_left", self.tr("Left the plant on"), self._left)
        self.left_button.setToolTip(
            self.tr("They attend no later session and count in no department's coverage")
        )
        top.addWidget(self.left_button)
        top.addWidget(self.left_on)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.person.currentIndexChanged.connect(lambda _i: self._show())

    def refresh(self, services: Services) -> None:
        self._services = services
        current = self.person.currentData()
        blocked = self.person.blockSignals(True)
        self.person.clear()
        for person_id, name, department in services.training.people():
            self.person.addItem(f"{name} · {department}" if department else name, person_id)
        found = self.person.findData(current)
        self.person.setCurrentIndex(max(found, 0))
        self.person.blockSignals(blocked)
        self._show()

    def _left(self) -> None:
        person_id = self.person.currentData()
        if person_id is not None:
            self.leftRequested.emit(int(person_id), self.left_on.date().toPython())

    def _show(self) -> None:
        person_id = self.person.currentData()
        self.left_button.setEnabled(person_id is not None)
        if self._services is None or person_id is None:
            self.table.setRowCount(0)
            return
        rows = self._services.training.trained_on(int(person_id))
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            texts = (
                row.module,
                str(row.sessions),
                row.last_on.isoformat(),
                average_text(row.last_score),
            )
            for column, text in enumerate(texts):
                self.table.setItem(number, column, _item(text, right=column in (1, 3)))
