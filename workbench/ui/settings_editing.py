"""The Settings page's share of the editing keys and of Save / Discard / Stay.

Only the "You" box (your name, the language) is a form that can hold unsaved typing: the
lists (modules, sites, departments, people) save each change at once. Ctrl+S and Enter
save the box, Esc puts back what is saved, and leaving the page or closing the window
with a changed box asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject

from workbench.settings import Settings
from workbench.ui import shortcuts as keys
from workbench.ui.leaving import LeaveGuard

if TYPE_CHECKING:
    from workbench.ui.settings_page import SettingsPage


class SettingsEditing(QObject):
    """The guard and the commands of one Settings page."""

    def __init__(self, page: SettingsPage) -> None:
        super().__init__(page)
        self._guard = LeaveGuard(page, self.unsaved, self._save, self._discard, self._describe)
        page.user_name.textChanged.connect(self._guard.update)
        page.language.currentIndexChanged.connect(self._guard.update)
        page.save_button.clicked.connect(self._guard.update)
        page.user_name.returnPressed.connect(self._save)

    @property
    def _page(self) -> SettingsPage:
        # Through Qt's parent: a Python reference would tie the page into a cycle.
        return cast("SettingsPage", self.parent())

    @property
    def guard(self) -> LeaveGuard:
        return self._guard

    def unsaved(self) -> bool:
        saved = Settings.load()
        page = self._page
        typed = (page.user_name.text().strip(), str(page.language.currentData()))
        return typed != (saved.user, saved.language)

    def _save(self) -> bool:
        self._page.save()
        self._guard.update()
        return not self.unsaved()

    def _discard(self) -> None:
        saved = Settings.load()
        page = self._page
        page.user_name.setText(saved.user)
        page.language.setCurrentIndex(max(page.language.findData(saved.language), 0))
        self._guard.update()

    @staticmethod
    def _describe() -> str:
        return QCoreApplication.translate("SettingsEditing", "Your name and language")

    def command(self, name: str) -> bool:
        if name == keys.SAVE and self.unsaved():
            return self._save()
        if name == keys.CANCEL and self.unsaved():
            self._discard()
            return True
        return False
