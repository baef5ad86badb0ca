"""Editors for one link of the chain: a cause (with its 5 whys), a solution, a result."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services import Services
from workbench.services.chain import CAUSE, RESULT, SOLUTION, Link
from workbench.services.errors import FieldError
from workbench.services.records import CauseRecord, ResultRecord, SolutionRecord
from workbench.ui.controls import push_button
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.detail.formatting import (
    change_text,
    series_text,
    typed_result,
    verified_text,
)
from workbench.ui.lookup_lists import LookupLists, pairs

Record = CauseRecord | SolutionRecord | ResultRecord


class WhysEditor(QWidget):
    """The 5-why chain: an ordered list, edited in place, with add, remove, up and down."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("whys_list")
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(96)
        self.list.setMaximumHeight(150)
        self.entry = QLineEdit()
        self.entry.setObjectName("why_entry")
        self.entry.setPlaceholderText(self.tr("Why? Type and press Enter"))
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.list, 0, 0, 3, 1)
        grid.addWidget(self.up_button, 0, 1)
        grid.addWidget(self.down_button, 1, 1)
        grid.addWidget(self.remove_button, 2, 1)
        grid.addWidget(self.entry, 3, 0)
        grid.addWidget(self.add_button, 3, 1)
        self.entry.returnPressed.connect(self.add_entry)
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.list.itemChanged.connect(self.changed)
        self.list.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def value(self) -> list[str]:
        texts = (self.list.item(i).text().strip() for i in range(self.list.count()))
        return [text for text in texts if text]

    def set_value(self, whys: Any) -> None:
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for text in whys or []:
            self._append(text)
        self.list.blockSignals(blocked)
        self.entry.clear()
        self._update_buttons()

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def add_entry(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        self._append(text)
        self.entry.clear()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)


class LinkForm(RecordEditor):
    """An editor of one kind of link, bound to the chain service's rules for it."""

    link: Link

    def __init__(self, title: str, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(title, self._check, parent)
        self._services = services
        self.entity_id: int | None = None
        self.parent_id: int | None = None

    def _check(self, values: dict[str, Any]) -> list[FieldError]:
        return self._services.chain.validate(self.link, values)

    def values_of(self, record: Any) -> dict[str, Any]:
        """The record's fields as the form shows them, numbers as they were typed."""
        return self.link.record.field_values(record)

    def edit(self, record: Any) -> None:
        self.entity_id, self.parent_id = record.id, None
        self.load(self.values_of(record))

    def start_new(self, parent_id: int) -> None:
        self.entity_id, self.parent_id = None, parent_id
        self.load(dict(self.link.defaults), is_new=True)


class CauseForm(LinkForm):
    link = CAUSE

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("", services, parent)
        self.setTitle(self.tr("Cause"))
        form = self.form
        form.add_text("description", lines=3)
        form.add_choice("category", "category", optional=True)
        form.add_check("is_root", self.tr("This is a root cause"))
        self.whys = WhysEditor()
        form.add("whys", self.whys, self.whys.value, self.whys.set_value, self.whys.changed)
        form.add_text("evidence", lines=2)
        form.add_check("verified", self.tr("The cause is confirmed by evidence"))
        form.pair("category", "is_root")

    def values_of(self, record: Any) -> dict[str, Any]:
        return {**super().values_of(record), "whys": list(record.whys)}


class SolutionForm(LinkForm):
    link = SOLUTION

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("", services, parent)
        self.setTitle(self.tr("Solution"))
        form = self.form
        form.add_line("title", self.tr("What will be done"))
        form.add_text("description", lines=3)
        form.add_choice("kind", "kind", optional=False)
        form.add_choice("governance_path", "governance_path", optional=True)
        self.owner = form.add_combo("owner_id", [], optional=True)
        form.add_optional_date("due_on")
        form.add_choice("status", "solution_status", optional=False)
        form.add_optional_date("done_on")
        # The governance path has a line of its own: its nine names are long.
        for left, right in (("owner_id", "due_on"), ("status", "done_on")):
            form.pair(left, right)

    def set_lookups(self, lists: LookupLists) -> None:
        self.owner.set_items(pairs(lists.people))


class ResultForm(LinkForm):
    link = RESULT
    seriesRequested = Signal()  # Link to a KPI series… was clicked
    unlinkRequested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("", services, parent)
        self.setTitle(self.tr("Result"))
        form = self.form
        form.add_line("metric", self.tr("e.g. inventory variance rate"))
        form.add_line("unit", self.tr("e.g. %"), width=160)
        form.add_choice("direction", "direction", optional=False)
        form.add_line("baseline_value", self.tr("Measured before the solution"), width=220)
        form.add_optional_date("baseline_on")
        form.add_line("value_after", self.tr("Empty until measured"), width=220)
        form.add_optional_date("measured_on")
        for left, right in (
            ("unit", "direction"),
            ("baseline_value", "baseline_on"),
            ("value_after", "measured_on"),
        ):
            form.pair(left, right)
        self.change = QLabel()
        self.change.setObjectName("change")
        self.verified = QLabel()
        self.verified.setObjectName("verified")
        # A result measured by a KPI series: its computed effect, and a relapse.
        self.series = QLabel()
        self.series.setObjectName("kpi_series")
        self.series.setWordWrap(True)
        self.link_series = push_button(
            "link_series", self.tr("Link to a KPI series…"), self.seriesRequested.emit
        )
        self.link_series.setToolTip(
            self.tr("Measure the result by a KPI's values before and after the solution")
        )
        self.unlink_series = push_button(
            "unlink_series", self.tr("Unlink"), self.unlinkRequested.emit
        )
        series = QWidget()
        column = QVBoxLayout(series)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.series)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_series)
        buttons.addWidget(self.unlink_series)
        buttons.addStretch(1)
        column.addLayout(buttons)
        form.layout_.addRow(self.tr("KPI series"), series)
        form.layout_.addRow(self.tr("Change"), self.change)
        form.layout_.addRow(self.tr("Verified"), self.verified)
        form.edited.connect(self._show_change)

    def edit(self, record: Any) -> None:
        super().edit(record)
        self.verified.setText(verified_text(record))
        self.show_series()
        self._show_change()

    def show_series(self) -> None:
        """The computed effect of the result shown, as saved now (a link is written at
        once, beside the typing in the form)."""
        result_id = self.entity_id
        linked = result_id is not None
        text = series_text(self._services, result_id) if result_id is not None else "—"
        self.series.setText(text)
        self.series.setStyleSheet("color: #c0392b;" if "⚠" in text else "")
        self.link_series.setEnabled(linked and not self.read_only)
        self.link_series.setText(
            self.tr("Change the KPI series…") if text != "—" else self.tr("Link to a KPI series…")
        )
        self.unlink_series.setEnabled(linked and not self.read_only and text != "—")

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.show_series()

    def start_new(self, parent_id: int) -> None:
        super().start_new(parent_id)
        self.verified.setText(self.tr("Not verified"))
        self.show_series()
        self._show_change()

    def _show_change(self) -> None:
        typed = typed_result(self.values())
        self.change.setText(change_text(typed) if typed is not None else "—")
