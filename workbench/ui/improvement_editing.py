"""The Improvements page's share of the editing keys and of Save / Discard / Stay.

Ctrl+N starts a new item, Ctrl+S (and Enter in a one-line field) saves the item's form,
Esc puts back what is saved, Delete is not offered (an item is dropped, with a note, not
deleted). Moving to another item, another quarter, another page or closing the window
with typing in the form asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject

from workbench.ui import shortcuts as keys
from workbench.ui.leaving import LeaveGuard

if TYPE_CHECKING:
    from workbench.ui.improvements_page import ImprovementsPage


class ImprovementEditing(QObject):
    def __init__(self, page: ImprovementsPage) -> None:
        super().__init__(page)
        form = page.form
        self._guard = LeaveGuard(page, self.unsaved, self._save, form.revert, self._describe)
        form.stateChanged.connect(self._guard.update)

    @property
    def _page(self) -> ImprovementsPage:
        # Through Qt's parent: a Python reference would tie the page into a cycle.
        return cast("ImprovementsPage", self.parent())

    @property
    def guard(self) -> LeaveGuard:
        return self._guard

    def unsaved(self) -> bool:
        return bool(self._page.form.changes())

    def _save(self) -> bool:
        self._page.form.try_save()
        return not self.unsaved()

    def _describe(self) -> str:
        item = self._page.form.item
        if item is None:
            return QCoreApplication.translate("ImprovementEditing", "The new item")
        return f"{item.code} “{item.title}”"

    def command(self, name: str) -> bool:
        page = self._page
        if name == keys.NEW:
            if self._guard.may_leave():
                page.new_item()
            return True
        if name == keys.SAVE and (self.unsaved() or page.form.is_new):
            page.form.submit()
            return True
        if name == keys.CANCEL and self.unsaved():
            page.form.revert()
            return True
        return False
