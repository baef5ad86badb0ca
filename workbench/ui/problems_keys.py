"""The Problems page's share of the window's keys, and its guard of unsaved work.

The window turns each key of ``workbench.ui.shortcuts`` into a command for the page
shown; here the Problems page runs them: Ctrl+N a new problem, Ctrl+F the search field,
Ctrl+S saves and Esc cancels the form the user is in, F2 goes to the form of what is
selected, Delete deletes the selected problem (focus in the list) or chain item (focus
in the chain), each with undo. Before the list moves to another problem, or a new one is
started, the detail panel's guard asks Save, Discard or Stay; Stay puts the selection
back on the problem being edited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from workbench.ui import shortcuts as keys
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.detail.unsaved import changed_editors, open_editors

if TYPE_CHECKING:
    from workbench.ui.detail.panel import ProblemDetailPanel
    from workbench.ui.leaving import LeaveGuard
    from workbench.ui.problems_page import ProblemsPage


def _inside(widget: QWidget | None, container: QWidget) -> bool:
    return widget is not None and (widget is container or container.isAncestorOf(widget))


class ProblemsKeys(QObject):
    """Runs the window's editing commands on a Problems page that has its services."""

    def __init__(self, page: ProblemsPage, detail: ProblemDetailPanel) -> None:
        super().__init__(page)
        # Reached through Qt's parent, not kept here: a Python reference to the page from
        # its own child would tie the page into a reference cycle, and a page without a
        # parent would then be deleted whenever the garbage collector runs.
        assert detail is page.detail

    @property
    def _page(self) -> ProblemsPage:
        return cast("ProblemsPage", self.parent())

    @property
    def _detail(self) -> ProblemDetailPanel:
        return self._page.detail

    @property
    def guard(self) -> LeaveGuard:
        return self._detail.guard

    def command(self, name: str) -> bool:
        handler = {
            keys.NEW: self.new,
            keys.FIND: self.find,
            keys.SAVE: self.save,
            keys.CANCEL: self.cancel,
            keys.EDIT: self.edit,
            keys.DELETE: self.delete,
            keys.LIST: self.toggle_list,
        }.get(name)
        return handler() if handler is not None else False

    # ---- leaving ------------------------------------------------------------------------
    def may_leave(self) -> bool:
        """Ask before the panel leaves unsaved work; on Stay the list shows the problem
        being edited again (after the click or key that moved it is over)."""
        if self._detail.guard.may_leave():
            return True
        QTimer.singleShot(0, self, self._select_shown)
        return False

    def _select_shown(self) -> None:
        page = self._page
        shown = page.shown_problem_id
        if shown is None:
            page.table.selectionModel().clearCurrentIndex()
            page.table.clearSelection()
        else:
            page.select_problem(shown)

    # ---- the commands -------------------------------------------------------------------
    def _focus(self) -> QWidget | None:
        focus = QApplication.focusWidget()
        return focus if _inside(focus, self._page) else None

    def _focused_editor(self) -> RecordEditor | None:
        focus = self._focus()
        for editor in open_editors(self._detail):
            if _inside(focus, editor):
                return editor
        return None

    def new(self) -> bool:
        button = self._page.new_button
        if not button.isEnabled():
            return False
        button.click()
        return True

    def toggle_list(self) -> bool:
        self._page.splitter.toggle_first()
        return True

    def find(self) -> bool:
        self._page.splitter.show_first()  # the search is the list's
        search = self._page.search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()
        return True

    def save(self) -> bool:
        """Save the form the focus is in, else every changed form shown."""
        focused = self._focused_editor()
        editors = [focused] if focused and focused.changes() else changed_editors(self._detail)
        for editor in editors:
            editor.submit()
        return bool(editors)

    def cancel(self) -> bool:
        """Esc: the form the focus is in goes back to what is saved."""
        editor = self._focused_editor()
        if editor is None or not editor.changes():
            return False
        editor.revert()
        return True

    def edit(self) -> bool:
        """F2: to the editor of the node selected in the outline (focus in the outline),
        else to the problem's own form."""
        detail = self._detail
        if detail.pages.currentIndex() != 1:
            return False
        chain = detail.chain
        if not _inside(self._focus(), chain):
            chain.tree.select(chain.tree.problem_key())
        chain.focus_editor()
        return True

    def delete(self) -> bool:
        """Delete: the node selected in the outline (focus in the outline; the problem
        itself at its top) or the problem selected in the list (focus in the list), with
        undo."""
        focus = self._focus()
        detail = self._detail
        # Only what the Delete buttons allow now (e.g. not while a record is read-only).
        chain = detail.chain
        if _inside(focus, chain.tree) and chain.delete_button.isEnabled():
            chain.delete_selected()
            return True
        can_delete = detail.problem_form.delete_button.isEnabled()
        on_problem = (
            _inside(focus, chain.tree) and chain.tree.selected() == chain.tree.problem_key()
        )
        if (
            (_inside(focus, self._page.table) or on_problem)
            and detail.problem_id is not None
            and can_delete
        ):
            detail.delete_problem()
            return True
        return False
