"""The Training page's share of the editing keys and of Save / Discard / Stay: those of
every page of forms (workbench.ui.forms_editing: Ctrl+N a new session, Ctrl+S saves,
Esc puts back what is saved, asked before leaving typing), and Delete, which deletes the
session selected in the list (Ctrl+Z brings it back with its attendance).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication

from workbench.ui import shortcuts as keys
from workbench.ui.forms_editing import FormsEditing

if TYPE_CHECKING:
    from workbench.ui.training_page import TrainingPage


class TrainingEditing(FormsEditing):
    def __init__(self, page: TrainingPage) -> None:
        super().__init__(page, [page.form], page.new_session, self._describe_session)

    @property
    def _page(self) -> TrainingPage:
        # Through Qt's parent: a Python reference would tie the page into a cycle.
        return cast("TrainingPage", self.parent())

    def _describe_session(self) -> str:
        record = self._page.form.session
        if record is None:
            return QCoreApplication.translate("TrainingEditing", "The new training session")
        return f"{record.code} “{record.topic}”"

    def command(self, name: str) -> bool:
        page = self._page
        if name == keys.DELETE and page.table.hasFocus() and page.selected_id() is not None:
            page.delete_session()
            return True
        return super().command(name)
