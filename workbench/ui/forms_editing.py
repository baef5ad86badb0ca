"""A page's share of the editing keys and of Save / Discard / Stay, for a page whose
typing lives in a few record forms (the Improvements page's item, the Pilots page's
pilot, round and roll-out).

Ctrl+N starts a new record (asked first when a form holds typing), Ctrl+S (and Enter in
a one-line field) saves the forms that hold typing, Esc puts them back. Moving to another
record, another page or closing the window with typing asks first (the page asks its
``guard`` before it moves; ``may_leave_row`` and ``may_leave_choice`` ask it when a row of
a list or a choice in a box was picked, and on Stay go back to the one being edited).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QComboBox, QTableView, QWidget

from workbench.ui import shortcuts as keys
from workbench.ui.controls import put_back
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.leaving import LeaveGuard


class FormsEditing(QObject):
    def __init__(
        self,
        page: QWidget,
        forms: Sequence[RecordEditor],
        new: Callable[[], None],
        describe: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(page)
        self._forms, self._new = tuple(forms), new
        self._describe = describe or self._titles
        self._guard = LeaveGuard(page, self.unsaved, self._save, self._discard, self._describe)
        for form in self._forms:
            form.stateChanged.connect(self._guard.update)

    @property
    def guard(self) -> LeaveGuard:
        return self._guard

    def may_leave_row(self, table: QTableView, back: Callable[[], int | None]) -> bool:
        """Another row of ``table`` was picked: True when the page may show it (nothing
        typed, or Save that saved, or Discard). On Stay, False, and once the click is over
        the row ``back()`` names (None: none, a new record was being typed) is current
        again, the page not told: it still shows the record being edited."""
        if self._guard.may_leave():
            return True
        QTimer.singleShot(0, self, lambda: put_back(table, back()))
        return False

    def may_leave_choice(self, box: QComboBox, shown: int) -> bool:
        """Another choice in ``box`` (a quarter, a year) was picked: True when the page
        may show it; on Stay, False, with the box back on ``shown``, the page not told."""
        if self._guard.may_leave():
            return True
        blocked = box.blockSignals(True)
        box.setCurrentIndex(shown)
        box.blockSignals(blocked)
        return False

    def _changed(self) -> list[RecordEditor]:
        return [form for form in self._forms if form.changes()]

    def unsaved(self) -> bool:
        return bool(self._changed())

    def _save(self) -> bool:
        for form in self._changed():
            form.try_save()  # as its Save button: a refusal is shown in the form
        return not self.unsaved()

    def _discard(self) -> None:
        for form in self._changed():
            form.revert()

    def _titles(self) -> str:
        names = ", ".join(form.plain_title() for form in self._changed())
        return names or QCoreApplication.translate("FormsEditing", "The form")

    def command(self, name: str) -> bool:
        if name == keys.NEW:
            if self._guard.may_leave():
                self._new()
            return True
        if name == keys.SAVE:
            changed = self._changed() or [f for f in self._forms if f.is_new and f.isVisible()]
            for form in changed:
                form.submit()
            return bool(changed)
        if name == keys.CANCEL and self.unsaved():
            self._discard()
            return True
        return False
