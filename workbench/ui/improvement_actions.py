"""The commands of a quarter's improvement list as a whole, beside the page that browses
and edits its items (workbench.ui.improvements_page): the order (Move up / Move down, a
drag to a place, "Proposed order" forgetting the hand placing) and the quarter (Carry
over into the next, Freeze, Compare quarters, the changes made since freezing). Each
change is one undoable step of the page; the buttons are enabled for the list shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from workbench.services import quarters as quarter_rules
from workbench.services.improvement_records import QuarterHead
from workbench.ui.controls import push_button
from workbench.ui.improvement_views import FrozenChangesDialog, QuarterComparison, frozen_text

if TYPE_CHECKING:
    from workbench.ui.improvements_page import ImprovementsPage


class ListActions(QObject):
    """The list's buttons and what they do, for ``page`` (its quarter, its selection,
    its undo steps)."""

    def __init__(self, page: ImprovementsPage) -> None:
        super().__init__(page)
        self._page = page
        self._head: QuarterHead | None = None
        self.up_button = push_button("move_up", self.tr("Move up"), lambda: self.move_item(-1))
        self.down_button = push_button("move_down", self.tr("Move down"), lambda: self.move_item(1))
        self.proposed_button = push_button(
            "proposed_order", self.tr("Proposed order"), self.proposed_order
        )
        self.proposed_button.setToolTip(
            self.tr("Forget the places set by hand: rank by frequency × impact again")
        )
        self.carry_button = push_button("carry_over", "", self.carry_over)
        self.freeze_button = push_button("freeze", self.tr("Freeze list"), self.freeze)
        self.freeze_button.setToolTip(
            self.tr("Fix the committed list: later edits are still allowed, and listed")
        )
        self.compare_button = push_button(
            "compare", self.tr("Compare quarters…"), self.compare_quarters
        )
        self.frozen = QLabel()
        self.frozen.setObjectName("frozen")
        self.frozen.setStyleSheet("color: #0d47a1;")
        self.changes_button = push_button(
            "frozen_changes", self.tr("Changes since…"), self.show_frozen_changes
        )

    def show_head(self, head: QuarterHead) -> None:
        """The list of ``head``'s quarter is shown: its frozen state and next quarter."""
        self._head = head
        self.frozen.setText(frozen_text(head))
        self.changes_button.setVisible(head.frozen)
        self.freeze_button.setEnabled(not head.frozen)
        following = str(quarter_rules.parse(head.quarter).next())
        self.carry_button.setText(self.tr("Carry over to %1").replace("%1", following))
        self.carry_button.setToolTip(
            self.tr("Copy the proposed, committed and in-progress items into %1").replace(
                "%1", following
            )
        )

    def enable(self, number: int, count: int) -> None:
        """Row ``number`` of ``count`` is selected (-1: none)."""
        self.up_button.setEnabled(number > 0)
        self.down_button.setEnabled(0 <= number < count - 1)
        self.proposed_button.setEnabled(bool(self._head and self._head.placed))
        self.carry_button.setEnabled(count > 0)

    # ---- the order ---------------------------------------------------------------------
    def move_item(self, step: int) -> None:
        page = self._page
        item_id = page.selected_id()
        if item_id is None:
            return
        service = page.services.improvements
        action = service.move_up if step < 0 else service.move_down
        text = self.tr("Move up") if step < 0 else self.tr("Move down")
        if page.step(text, lambda: action(item_id)) is not None:
            page.reload()
            page.select_item(item_id)

    def move_to(self, item_id: int, place: int) -> None:
        """Put the item at ``place`` (1 first), as a drag and drop asks."""
        page = self._page
        service = page.services.improvements
        text = self.tr("Move to place %1").replace("%1", str(place))
        if page.step(text, lambda: service.move_to(item_id, place)) is not None:
            page.reload()
            page.select_item(item_id)

    def proposed_order(self) -> None:
        page = self._page
        quarter, service = page.current_quarter(), page.services.improvements
        page.step(self.tr("Proposed order"), lambda: service.clear_order(quarter))
        page.reload()

    # ---- the quarter -------------------------------------------------------------------
    def carry_over(self) -> str | None:
        """Carry the quarter's unfinished items into the next; show that quarter."""
        page = self._page
        quarter, service = page.current_quarter(), page.services.improvements
        step = page.step(
            self.tr("Carry over %1").replace("%1", quarter), lambda: service.carry_over(quarter)
        )
        if step is None:
            return None
        following = str(quarter_rules.parse(quarter).next())
        page.open_quarter(following)
        return following

    def freeze(self) -> None:
        page = self._page
        quarter, service = page.current_quarter(), page.services.improvements
        page.step(self.tr("Freeze %1").replace("%1", quarter), lambda: service.freeze(quarter))
        page.reload()

    def compare_quarters(self) -> QuarterComparison:
        service = self._page.services.improvements
        dialog = QuarterComparison(service.compare(service.quarters()), self._page)
        dialog.open()
        return dialog

    def show_frozen_changes(self) -> FrozenChangesDialog:
        quarter = self._page.current_quarter()
        changes = self._page.services.improvements.post_freeze_changes(quarter)
        dialog = FrozenChangesDialog(quarter, changes, self._page)
        dialog.open()
        return dialog
