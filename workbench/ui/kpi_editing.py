"""The KPIs page's share of the editing keys and of Save / Discard / Stay: those of every
page of forms (workbench.ui.forms_editing: Ctrl+N a new KPI, Ctrl+S saves, Esc puts back
what is saved), over the KPI's form and the measurement grid together, so rows typed in
the grid are asked about before leaving as a form's typing is."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication

from workbench.ui.forms_editing import FormsEditing

if TYPE_CHECKING:
    from workbench.ui.kpis_page import KpisPage


class KpiEditing(FormsEditing):
    """FormsEditing over the KPI form and the measurement grid."""

    def __init__(self, page: KpisPage) -> None:
        super().__init__(page, [page.form], page.new_kpi, self._describe)

    @property
    def _page(self) -> KpisPage:
        return cast("KpisPage", self.parent())

    def _describe(self) -> str:
        if self._page.grid.unsaved():
            return QCoreApplication.translate("KpiEditing", "The measurements typed")
        return self._page.form.plain_title()

    def unsaved(self) -> bool:
        return super().unsaved() or self._page.grid.unsaved()

    def _save(self) -> bool:
        if self._page.grid.unsaved() and not self._page.save_measurements():
            return False
        return super()._save()

    def _discard(self) -> None:
        self._page.show_measurements()
        super()._discard()
