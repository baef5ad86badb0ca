"""The Training page's share of the editing keys and of Save / Discard / Stay.

Ctrl+N starts a new session, Ctrl+S (and Enter in a one-line field) saves the session's
form, Esc puts back what is saved, Delete deletes the session selected in the list (Ctrl+Z
brings it back with its attendance). Moving to another session, another year, another
page or closing the window with typing in the form asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject

from workbench.ui import shortcuts as keys
from workbench.ui.leaving import LeaveGuard

if TYPE_CHECKING:
    from workbench.ui.training_page import TrainingPage


class TrainingEditing(QObject):
    def __init__(self, page: TrainingPage) -> None:
        super().__init__(page)
        form = page.form
        self._guard = LeaveGuard(page, self.unsaved, self._save, form.revert, self._describe)
        form.stateChanged.connect(self._guard.update)

    @property
    def _page(self) -> TrainingPage:
        # Through Qt's parent: a Python reference would tie the page into a cycle.
        return cast("TrainingPage", self.parent())

    @property
    def guard(self) -> LeaveGuard:
        return self._guard

    def unsaved(self) -> bool:
        return bool(self._page.form.changes())

    def _save(self) -> bool:
        self._page.form.try_save()
        return not self.unsaved()

    def _describe(self) -> str:
        record = self._page.form.session
        if record is None:
            return QCoreApplication.translate("TrainingEditing", "The new training session")
        return f"{record.code} “{record.topic}”"

    def command(self, name: str) -> bool:
        page = self._page
        if name == keys.NEW:
            if self._guard.may_leave():
                page.new_session()
            return True
        if name == keys.SAVE and (self.unsaved() or page.form.is_new):
            page.form.submit()
            return True
        if name == keys.CANCEL and self.unsaved():
            page.form.revert()
            return True
        if name == keys.DELETE and page.table.hasFocus() and page.selected_id() is not None:
            page.delete_session()
            return True
        return False
