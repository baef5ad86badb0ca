"""A titled form with Save and Revert that validates as the user types.

Every editor of the record workspace (the problem, a cause, a solution, a result) is one
of these: it asks a service-provided ``validate`` for the errors of the values on screen at
each change, shows them beside their fields, and enables Save only when there is something
valid to save. It never saves by itself: it emits ``saveRequested`` and the panel saves.

The editor takes the full height beside the chain's outline: its heading on top, the
fields below it (they scroll only when the window is smaller than a plant laptop's
1366×768), and Save and Revert pinned under them, always in view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.services.errors import FieldError
from workbench.ui import labels
from workbench.ui.detail.widgets import ErrorText, FieldForm

Validate = Callable[[dict[str, Any]], list[FieldError]]
# A field that shows a value but takes no input looks it: greyed, not white.
READ_ONLY_STYLE = "background: #f1f3f4; color: #37474f;"


def set_editable(widget: QWidget, editable: bool) -> None:
    """Text stays selectable (to copy) in a read-only field; other editors are disabled."""
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.setReadOnly(not editable)
        widget.setStyleSheet("" if editable else READ_ONLY_STYLE)
    else:
        widget.setEnabled(editable)


HEADING_STYLE = "font-weight: bold; font-size: 14px; color: #263238;"


class RecordEditor(QWidget):
    saveRequested = Signal()
    stateChanged = Signal()  # typed, loaded or reverted: what is unsaved may have changed
    loaded = Signal()  # stored or blank values were just shown

    def __init__(self, title: str, validate: Validate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.heading = QLabel(title)
        self.heading.setObjectName("editor_heading")
        self.heading.setStyleSheet(HEADING_STYLE)
        self._validate = validate
        self._loaded: dict[str, Any] = {}
        self.is_new = False
        self.read_only = False
        self.form = FieldForm()
        self.general_error = ErrorText()
        self.general_error.setObjectName("general_error")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setObjectName("revert")
        self.unsaved_label = QLabel(self.tr("• unsaved"))
        self.unsaved_label.setObjectName("unsaved")
        self.unsaved_label.setStyleSheet("color: #e65100; font-weight: bold;")
        self.unsaved_label.hide()
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.unsaved_label)
        self.buttons.addWidget(self.revert_button)
        self.buttons.addWidget(self.save_button)
        body = QWidget()
        fields = QVBoxLayout(body)
        fields.setContentsMargins(0, 0, 6, 0)
        fields.setSpacing(8)
        fields.addWidget(self.form)
        fields.addWidget(self.general_error)
        fields.addStretch(1)  # rows stay compact when there is more height than fields
        self.fields_area = QScrollArea()
        self.fields_area.setObjectName("editor_fields")
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.fields_area, 1)
        layout.addLayout(self.buttons)
        self.form.edited.connect(self.revalidate)
        self.form.submitted.connect(self.submit)
        self.save_button.clicked.connect(self.try_save)
        self.revert_button.clicked.connect(self.revert)

    def load(self, values: Mapping[str, Any], is_new: bool = False) -> None:
        """Show stored (or blank) values; a new record may be saved as soon as it is valid."""
        self._loaded = dict(values)
        self.is_new = is_new
        self.form.load(self._loaded)
        self.general_error.show_text("")
        self.revalidate()
        self.loaded.emit()

    def values(self) -> dict[str, Any]:
        return self.form.values()

    def changes(self) -> dict[str, Any]:
        return self.form.changes()

    def errors(self) -> list[FieldError]:
        return self._validate(self.values())

    def revalidate(self) -> None:
        errors = self.errors()
        self.show_errors(errors)
        dirty = self.is_new or bool(self.changes())
        # Save stays available while something is wrong: pressing it says what.
        self.save_button.setEnabled(dirty and not self.read_only)
        self.revert_button.setEnabled(bool(self.changes()))
        self.unsaved_label.setVisible(bool(self.changes()))
        self._mark_title(bool(self.changes()))
        self.stateChanged.emit()

    def title(self) -> str:
        """The heading as shown, with its "• unsaved" mark."""
        return self.heading.text()

    def plain_title(self) -> str:
        """What is edited ("Cause"), without the mark."""
        return self._title

    def setTitle(self, title: str) -> None:
        self._title = title
        self._mark_title(bool(self._loaded) and bool(self.changes()))

    def _mark_title(self, unsaved: bool) -> None:
        """The heading says so too, next to what is being edited."""
        mark = "  " + self.unsaved_label.text()
        self.heading.setText(self._title + mark if unsaved else self._title)

    def fits(self) -> bool:
        """Whether every field is in view without scrolling, down or across."""
        area = self.fields_area
        return not (area.verticalScrollBar().isVisible() or area.horizontalScrollBar().isVisible())

    def try_save(self) -> None:
        """Save if the form is valid; otherwise show every error and go to the first."""
        if self.read_only:
            return  # a closed problem's record: nothing to save
        errors = self.errors()
        if errors:
            self.form.reveal_all()
            self.show_errors(errors)
            wrong = self.form.first_with_error()
            if wrong is not None:
                wrong.setFocus()
            return
        self.saveRequested.emit()

    def show_errors(self, errors: Iterable[FieldError]) -> None:
        """Errors under their fields; any that belong to no field go below the form."""
        others = self.form.show_errors(errors)
        self.general_error.show_text("\n".join(labels.error(e) for e in others))

    def set_read_only(self, read_only: bool) -> None:
        """Show the values but take no input (the record of a closed problem): the fields
        are read-only and Save and Revert are hidden."""
        if read_only == self.read_only:
            return
        self.read_only = read_only
        for name in self.form.names():
            set_editable(self.form.widget(name), not read_only)
        self.save_button.setVisible(not read_only)
        self.revert_button.setVisible(not read_only)
        self.revalidate()

    def revert(self) -> None:
        self.load(self._loaded, self.is_new)

    def submit(self) -> None:
        """Enter in a one-line field (or Ctrl+S): save as the Save button does."""
        if self.save_button.isEnabled():
            self.try_save()

    def restore(self, values: Mapping[str, Any]) -> None:
        """Show ``values`` as typed (not saved), e.g. a draft kept from an earlier run."""
        self.form.type_values(values)
