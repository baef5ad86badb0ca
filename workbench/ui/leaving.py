"""Leaving unsaved work: the Save / Discard / Stay question, and what a guard answers.

A page (or a panel) that holds forms keeps a ``LeaveGuard``: it knows whether anything is
typed but not saved, says so when that changes (the window puts a "*" in its title), and
before the user moves elsewhere (another record, a new one, another page, closing the
window) asks Save, Discard or Stay. Save that fails (a rule, a colleague's change, the
storage) means Stay, with the reason shown in the form. ``ask`` is the question; tests
answer it instead of a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget


class Leave(Enum):
    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


Ask = Callable[[str, str], Leave]


def ask_leave(parent: QWidget, title: str, text: str) -> Leave:
    """The default question: Save, Discard or Stay (Stay for Esc or the window's close)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    save = box.addButton(
        QCoreApplication.translate("LeaveGuard", "Save"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("LeaveGuard", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    stay = box.addButton(
        QCoreApplication.translate("LeaveGuard", "Stay"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(save)
    box.setEscapeButton(stay)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return Leave.SAVE
    if clicked is discard:
        return Leave.DISCARD
    return Leave.STAY


class LeaveGuard(QObject):
    """Whether there is unsaved work, and the question before leaving it.

    ``unsaved()`` says whether anything is typed but not saved; ``save()`` saves it and
    says whether everything is saved now; ``discard()`` puts the forms back to what is
    saved; ``describe()`` names what is being edited, for the question."""

    unsavedChanged = Signal(bool)

    def __init__(
        self,
        parent: QWidget,
        unsaved: Callable[[], bool],
        save: Callable[[], bool],
        discard: Callable[[], None],
        describe: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self._unsaved, self._save, self._discard, self._describe = (
            unsaved,
            save,
            discard,
            describe,
        )
        self._shown = False
        # The question; tests may answer it instead of a dialog.
        self.ask: Ask = lambda title, text: ask_leave(self._widget(), title, text)

    def _widget(self) -> QWidget:
        parent = self.parent()
        assert isinstance(parent, QWidget)  # made with one
        return parent

    def unsaved(self) -> bool:
        return self._unsaved()

    def update(self) -> None:
        """Something was typed, saved or reverted: say when the unsaved state flips."""
        now = self._unsaved()
        if now != self._shown:
            self._shown = now
            self.unsavedChanged.emit(now)

    def may_leave(self) -> bool:
        """Nothing unsaved, or the user chose Save (and it saved) or Discard."""
        if not self._unsaved():
            return True
        text = self.tr("%1 has changes that are not saved. Save them?")
        answer = self.ask(self.tr("Unsaved changes"), text.replace("%1", self._describe()))
        if answer is Leave.SAVE:
            saved = self._save()
            self.update()
            return saved
        if answer is Leave.DISCARD:
            self._discard()
            self.update()
            return True
        return False
