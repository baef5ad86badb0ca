"""Ctrl+Z in a text field: first the typing in that field, then the window's undo.

A text field takes Ctrl+Z (and redo) for itself whenever it is editable, even when it has
nothing left to undo, so the window's Undo would never run while a field has the focus.
``FieldUndoFirst`` watches the fields of one window as they get the focus: while the
field can undo (redo) its own typing it keeps the key; once it cannot, the key goes on to
the window's shortcut, which undoes the last saved change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

WATCHED = "workbench_field_undo"  # a property set on each field once it is watched


def field_can(widget: QObject, redo: bool) -> bool | None:
    """Whether the text field ``widget`` can undo (or redo) typing of its own; None when
    it is not a text field."""
    line: QLineEdit | None = None
    if isinstance(widget, QLineEdit):
        line = widget
    elif isinstance(widget, QAbstractSpinBox):
        line = widget.findChild(QLineEdit)
    elif isinstance(widget, QComboBox) and widget.isEditable():
        line = widget.lineEdit()
    if line is not None:
        return line.isRedoAvailable() if redo else line.isUndoAvailable()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return None


class FieldUndoFirst(QObject):
    """Lets Ctrl+Z and redo through to the window when the focused field cannot use them."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self.parent() or new.property(WATCHED):
            return
        if field_can(new, redo=False) is not None:
            new.setProperty(WATCHED, True)
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        for standard, redo in (
            (QKeySequence.StandardKey.Undo, False),
            (QKeySequence.StandardKey.Redo, True),
        ):
            if event.matches(standard) or (redo and _is_ctrl_shift_z(event)):
                # Filtered out unaccepted: the shortcut map then runs the window's action.
                return field_can(watched, redo) is False
        return False


_CTRL_SHIFT_Z = QKeySequence("Ctrl+Shift+Z")


def _is_ctrl_shift_z(event: QKeyEvent) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return pressed.matches(_CTRL_SHIFT_Z) == QKeySequence.SequenceMatch.ExactMatch
