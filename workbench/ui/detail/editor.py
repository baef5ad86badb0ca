"""A titled form with Save and Revert that validates as the user types.

Every editor of the detail panel (the problem, a cause, a solution, a result) is one of
these: it asks a service-provided ``validate`` for the errors of the values on screen at
each change, shows them beside their fields, and enables Save only when there is something
valid to save. It never saves by itself: it emits ``saveRequested`` and the panel saves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
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


class RecordEditor(QGroupBox):
    saveRequested = Signal()

    def __init__(self, title: str, validate: Validate, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
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
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.revert_button)
        self.buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.form)
        layout.addWidget(self.general_error)
        layout.addLayout(self.buttons)
        layout.addStretch(1)  # keep rows compact when the scroll area is taller than the form
        self.form.edited.connect(self.revalidate)
        self.save_button.clicked.connect(self.try_save)
        self.revert_button.clicked.connect(self.revert)

    def load(self, values: Mapping[str, Any], is_new: bool = False) -> None:
        """Show stored (or blank) values; a new record may be saved as soon as it is valid."""
        self._loaded = dict(values)
        self.is_new = is_new
        self.form.load(self._loaded)
        self.general_error.show_text("")
        self.revalidate()

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
