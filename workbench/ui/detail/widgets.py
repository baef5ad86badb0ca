"""Small editing widgets shared by the detail forms, and a form that binds them to field names.

``FieldForm`` lays out one row per stored field (translated label, editor, and the field's
error in red under the editor) and reads and writes all values as one dict, so each form
only declares its fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.services.errors import FieldError
from workbench.services.numbers import TypedNumber
from workbench.ui import labels
from workbench.ui.controls import ErrorText
from workbench.vocabulary import field_term

DATE_FORMAT = "yyyy-MM-dd"

# Badge colours per problem status: (background, text).
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "open": ("#1565c0", "#ffffff"),
    "analysing": ("#6a1b9a", "#ffffff"),
    "solving": ("#ef6c00", "#ffffff"),
    "verifying": ("#00838f", "#ffffff"),
    "closed": ("#2e7d32", "#ffffff"),
    "rejected": ("#616161", "#ffffff"),
}

Confirm = Callable[[str, str], bool]


def ask_confirmation(parent: QWidget, title: str, text: str) -> bool:
    """The default confirmation: a Yes/No question, No by default."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class StatusBadge(QLabel):
    """A problem's status as a coloured pill."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_status(self, status: str) -> None:
        background, foreground = STATUS_COLOURS.get(status, ("#9e9e9e", "#ffffff"))
        self.setText(labels.choice("status", status))
        self.setStyleSheet(
            f"background: {background}; color: {foreground}; border-radius: 9px;"
            " padding: 2px 10px; font-weight: bold;"
        )


class ChoiceCombo(QComboBox):
    """A combo of (stored value, label) pairs; ``optional`` adds an empty first entry."""

    def __init__(
        self, items: Iterable[tuple[Any, str]], optional: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._optional = optional
        # As wide as its room, not as its longest entry (the list that drops down shows
        # each entry whole): a long governance path never widens the form past its pane.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(6)
        # Labels of values no longer offered but still stored on records (retired modules).
        self.retired: dict[Any, str] = {}
        self._kept: Any = None
        self.set_items(items)

    def set_items(self, items: Iterable[tuple[Any, str]]) -> None:
        """Replace the entries, keeping the current value selected."""
        current = self.currentData()
        blocked = self.blockSignals(True)
        self.clear()
        self._kept = None
        if self._optional:
            self.addItem("—", None)
        for value, text in items:
            self.addItem(text, value)
        if current is not None:
            self.set_value(current)
        self.blockSignals(blocked)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        # An entry added for an earlier record's retired value is not offered to others.
        if self._kept is not None and self._kept != value:
            self.removeItem(self.findData(self._kept))
            self._kept = None
        index = self.findData(value)
        if index < 0 and value is not None:
            # A stored value no longer offered (e.g. a retired ERP module): keep it visible.
            self.addItem(self.retired.get(value, str(value)), value)
            self._kept = value
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


def _to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def make_date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setDate(QDate.currentDate())
    return edit


class OptionalDate(QWidget):
    """A date that may be left empty: a tick box switches the date edit on."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self.tr("Set"))
        self.edit = make_date_edit()
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.enabled.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)

    def value(self) -> dt.date | None:
        return _to_date(self.edit.date()) if self.enabled.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.enabled.setChecked(value is not None)
        self.edit.setDate(_to_qdate(value) if value is not None else QDate.currentDate())


def number_text(value: Any) -> str:
    """A stored number as the user typed it: 3, 2.5, 2.0 (a TypedNumber keeps its decimals)."""
    if value is None:
        return ""
    if isinstance(value, TypedNumber):
        return value.text()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@dataclass
class _Row:
    get: Callable[[], Any]
    put: Callable[[Any], None]
    error: ErrorText
    widget: QWidget
    cell: QWidget  # the editor with its error text under it


class FieldForm(QWidget):
    """Rows of named fields: values in and out as a dict, errors shown under each field."""

    edited = Signal()
    submitted = Signal()  # Enter in a one-line field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setHorizontalSpacing(12)
        self.layout_.setVerticalSpacing(8)
        self._rows: dict[str, _Row] = {}
        self._baseline: dict[str, Any] = {}
        self._loading = False
        # "X is required" waits until the user has been in the field or tried to save: an
        # empty new form is not a list of mistakes.
        self._touched: set[str] = set()
        self._reveal_all = False
        self._errors: list[FieldError] = []
        # The record kind whose field names the labels use (None: the first kind that has
        # the field), for a field name two kinds name differently (a KPI's "target").
        self.kind: str | None = None

    # ---- building ---------------------------------------------------------------------
    def add(
        self,
        name: str,
        widget: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        changed: SignalInstance,
    ) -> QWidget:
        error = ErrorText()
        error.setObjectName(f"error_{name}")
        widget.setObjectName(f"field_{name}")
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        kind = self.kind if field_term(name, self.kind) is not None else None
        label = QLabel(labels.field(name, kind))
        label.setObjectName(f"label_{name}")
        label.setToolTip(labels.field_hint(name, kind))  # what the domain term means
        self.layout_.addRow(label, cell)
        self._rows[name] = _Row(get, put, error, widget, cell)
        changed.connect(self._on_changed)
        widget.installEventFilter(self)
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            name = next((n for n, row in self._rows.items() if row.widget is watched), None)
            if name is not None and name not in self._touched:
                self._touched.add(name)
                self.show_errors(self._errors)
        return False

    def reveal_all(self) -> None:
        """The user tried to save: show every error, required fields included."""
        self._reveal_all = True
        self.show_errors(self._errors)

    def add_below(self, name: str, widget: QWidget) -> None:
        """Show ``widget`` under field ``name``'s editor and error (a hint about it)."""
        layout = self._rows[name].cell.layout()
        assert layout is not None  # every cell is made with its box
        layout.addWidget(widget)

    def add_line(self, name: str, placeholder: str = "", width: int | None = None) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        if width is not None:
            edit.setMaximumWidth(width)
        self.add(name, edit, edit.text, lambda v: edit.setText(number_text(v)), edit.textChanged)
        edit.returnPressed.connect(self.submitted)
        return edit

    def add_text(self, name: str, lines: int = 4) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * (lines + 3) + 12)
        self.add(
            name, edit, edit.toPlainText, lambda v: edit.setPlainText(v or ""), edit.textChanged
        )
        return edit

    def add_combo(self, name: str, items: Iterable[tuple[Any, str]], optional: bool) -> ChoiceCombo:
        combo = ChoiceCombo(items, optional)
        self.add(name, combo, combo.value, combo.set_value, combo.currentIndexChanged)
        return combo

    def add_choice(self, name: str, vocabulary: str, optional: bool) -> ChoiceCombo:
        combo = self.add_combo(name, labels.choices(vocabulary), optional)
        for index in range(combo.count()):  # each of the nine paths, the five costs … explained
            key = combo.itemData(index)
            if key is not None:
                combo.setItemData(index, labels.hint(vocabulary, key), Qt.ItemDataRole.ToolTipRole)
        return combo

    def add_score(self, name: str) -> ChoiceCombo:
        """A 1 … 5 score chosen by its words ("4 · High"), stored as the number."""
        items = [(int(key), f"{key} · {word}") for key, word in labels.choices(name)]
        return self.add_combo(name, items, optional=False)

    def add_date(self, name: str) -> QDateEdit:
        edit = make_date_edit()
        self.add(
            name,
            edit,
            lambda: _to_date(edit.date()),
            lambda v: edit.setDate(_to_qdate(v or dt.date.today())),
            edit.dateChanged,
        )
        return edit

    def add_optional_date(self, name: str) -> OptionalDate:
        edit = OptionalDate()
        self.add(name, edit, edit.value, edit.set_value, edit.changed)
        return edit

    def add_check(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        self.add(name, box, box.isChecked, lambda v: box.setChecked(bool(v)), box.toggled)
        return box

    def _row_of(self, widget: QWidget) -> int:
        # The (row, role) pair is typed as object in PySide6's stubs.
        position = cast(tuple[int, QFormLayout.ItemRole], self.layout_.getWidgetPosition(widget))
        return position[0]

    def pair(self, left: str, right: str) -> None:
        """Show the field ``right`` beside ``left`` on one line: short fields take less
        height, so more of the form is seen without scrolling."""
        left_cell, right_cell = self._rows[left].cell, self._rows[right].cell
        taken = self.layout_.takeRow(self._row_of(right_cell))
        right_label = taken.labelItem.widget()
        assert right_label is not None  # every field row has its label
        row = self._row_of(left_cell)
        self.layout_.removeWidget(left_cell)
        line = QWidget()
        box = QHBoxLayout(line)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(12)
        box.addWidget(left_cell, 1, Qt.AlignmentFlag.AlignTop)
        # Level with the first line of its editor, as the form's own labels are.
        right_label.setMinimumHeight(self._rows[right].widget.sizeHint().height())
        box.addWidget(right_label, 0, Qt.AlignmentFlag.AlignTop)
        box.addWidget(right_cell, 1, Qt.AlignmentFlag.AlignTop)
        self.layout_.setWidget(row, QFormLayout.ItemRole.FieldRole, line)

    def add_section(self, text: str) -> None:
        header = QLabel(text)
        header.setStyleSheet("font-weight: bold; color: #37474f; padding-top: 6px;")
        self.layout_.addRow(header)

    def widget(self, name: str) -> QWidget:
        return self._rows[name].widget

    def error_label(self, name: str) -> ErrorText:
        return self._rows[name].error

    def names(self) -> list[str]:
        return list(self._rows)

    # ---- values -----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {name: row.get() for name, row in self._rows.items()}

    def load(self, values: dict[str, Any]) -> None:
        """Show ``values`` without signalling an edit; they become the unchanged state."""
        self._loading = True
        try:
            for name, row in self._rows.items():
                row.put(values.get(name))
        finally:
            self._loading = False
        self._baseline = self.values()
        self._touched.clear()
        self._reveal_all = False
        self.show_errors([])

    def type_values(self, values: Mapping[str, Any]) -> None:
        """Show ``values`` as if typed: what was loaded stays the unchanged state."""
        for name, value in values.items():
            if name in self._rows:
                self._rows[name].put(value)
        # Editors that load without a signal (the whys' list) say so here, once.
        self.edited.emit()

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from what was loaded, as typed."""
        return {n: v for n, v in self.values().items() if v != self._baseline.get(n)}

    def show_errors(self, errors: Iterable[FieldError]) -> list[FieldError]:
        """Put each error under its field; return those that belong to no field here."""
        self._errors = list(errors)
        texts: dict[str, list[str]] = {}
        others: list[FieldError] = []
        for err in self._errors:
            waiting = err.code == "required" and err.field not in self._touched
            if waiting and not self._reveal_all:
                continue
            if err.field in self._rows:
                texts.setdefault(err.field, []).append(labels.error(err))
            else:
                others.append(err)
        for name, row in self._rows.items():
            row.error.show_text("\n".join(texts.get(name, [])))
        return others

    def _on_changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def first_with_error(self) -> QWidget | None:
        """The editor of the first field in error, to put the cursor in."""
        fields = {err.field for err in self._errors}
        return next((row.widget for name, row in self._rows.items() if name in fields), None)
