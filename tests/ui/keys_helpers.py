"""Helpers shared by the keyboard and unsaved-work tests: an active window on the Problems
page, clicking rows as a user does, typing and pressing keys where the focus is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from workbench.ui.leaving import Leave
from workbench.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def activate(qtbot, window: MainWindow) -> None:
    """Window shortcuts work only in the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def click_row(qtbot, page, row: int) -> None:
    table = page.table
    rect = table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def row_code(page, row: int) -> str:
    return str(page.model.index(row, 0).data())


def field(page, name: str) -> Any:
    return page.detail.problem_form.form.widget(name)


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    """Press ``key`` where the focus is, as the keyboard would."""
    focus = QApplication.focusWidget()
    assert isinstance(focus, QWidget), "nothing has the focus"
    qtbot.keyClick(focus, key, modifier)


class Answers:
    """Answers the Save / Discard / Stay question in place of the dialog, and keeps what
    was asked; once the answers given run out, Discard (so the window closes at the end
    of the test; an exception in closeEvent would bring the process down)."""

    def __init__(self, *answers: Leave) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, title: str, text: str) -> Leave:
        self.asked.append(text)
        return self.answers.pop(0) if self.answers else Leave.DISCARD
