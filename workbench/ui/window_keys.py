"""The main window's keys and menus for editing, and its questions before leaving.

Every window-wide entry of ``SHORTCUTS`` becomes one action of the window (so it works
wherever the focus is in the window) in the File, Edit or Help menu. Undo and redo run on
the shown page's undo stack and say in the status bar what they undid or redid; a text
field keeps Ctrl+Z for its own typing first (``FieldUndoFirst``). The other commands go to
the page shown (``EditingPage``). Before the window shows another page or closes, each
page with unsaved work asks Save, Discard or Stay.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QUndoGroup
from PySide6.QtWidgets import QMenu

from workbench.ui import shortcuts as keys
from workbench.ui.field_undo import FieldUndoFirst
from workbench.ui.shortcuts import SHORTCUTS, Editing, ShortcutsDialog, editing_of, shortcut

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

MESSAGE_MS = 6000
PROBLEMS = "problems"  # the page Ctrl+N and Ctrl+F go to from pages without them


class WindowKeys(QObject):
    """Builds the editing actions into the window's menus and runs them."""

    def __init__(
        self,
        window: MainWindow,
        group: QUndoGroup,
        menus: dict[str, QMenu],
    ) -> None:
        super().__init__(window)
        self._group = group
        self.dialog: ShortcutsDialog | None = None
        self.actions: dict[str, QAction] = {}
        self.field_undo = FieldUndoFirst(window)
        file_menu, edit_menu, help_menu = menus["file"], menus["edit"], menus["help"]
        undo = group.createUndoAction(window, QCoreApplication.translate("MainWindow", "&Undo"))
        redo = group.createRedoAction(window, QCoreApplication.translate("MainWindow", "&Redo"))
        undo.triggered.connect(lambda: self._say_done(redo=False))
        redo.triggered.connect(lambda: self._say_done(redo=True))
        self.actions[keys.UNDO], self.actions[keys.REDO] = undo, redo
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        texts = {
            keys.NEW: QCoreApplication.translate("MainWindow", "&New problem"),
            keys.SAVE: QCoreApplication.translate("MainWindow", "&Save"),
            keys.CANCEL: QCoreApplication.translate("MainWindow", "&Cancel edit"),
            keys.EDIT: QCoreApplication.translate("MainWindow", "&Edit"),
            keys.DELETE: QCoreApplication.translate("MainWindow", "&Delete"),
            keys.FIND: QCoreApplication.translate("MainWindow", "&Find…"),
            keys.LIST: QCoreApplication.translate("MainWindow", "Hide or show the &list"),
        }
        for name in (keys.SAVE, keys.CANCEL, keys.EDIT, keys.DELETE, keys.FIND, keys.LIST):
            edit_menu.addAction(self._page_action(name, texts[name]))
        new = self._page_action(keys.NEW, texts[keys.NEW])
        first = file_menu.actions()[0] if file_menu.actions() else None
        file_menu.insertAction(first, new)  # type: ignore[arg-type]
        file_menu.insertSeparator(first)  # type: ignore[arg-type]
        search = self._action(
            keys.SEARCH,
            QCoreApplication.translate("MainWindow", "Search &everything…"),
            lambda: self._window.open_search(),
        )
        edit_menu.insertAction(self.actions[keys.FIND], search)
        help_action = self._action(
            keys.HELP,
            QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"),
            self.show_help,
        )
        help_menu.addAction(help_action)
        for entry in SHORTCUTS:
            action = self.actions.get(entry.command)
            if action is not None:
                action.setShortcuts(entry.sequences())
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    @property
    def _window(self) -> MainWindow:
        # Through Qt's parent: a Python reference would tie the window into a cycle.
        return cast("MainWindow", self.parent())

    def _action(self, name: str, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(lambda: slot())
        self.actions[name] = action
        return action

    def _page_action(self, name: str, text: str) -> QAction:
        action = self._action(name, text, lambda: self.run(name))
        action.setToolTip(shortcut(name).text())
        return action

    def add_quit(self, action: QAction) -> None:
        """The window's Quit action takes its keys from the list too."""
        self.actions[keys.QUIT] = action
        action.setShortcuts(shortcut(keys.QUIT).sequences())

    def registered(self) -> dict[str, list[str]]:
        """Each command with an action, and the keys it is bound to (portable text)."""
        return {
            name: [sequence.toString() for sequence in action.shortcuts()]
            for name, action in self.actions.items()
        }

    # ---- running ------------------------------------------------------------------------
    def _editing(self) -> Editing | None:
        return editing_of(self._window.stack.currentWidget())

    def run(self, name: str) -> bool:
        """Run command ``name`` on the page shown; False when it did nothing. Ctrl+F on a
        page without a search of its own opens the one search box; Ctrl+N on a page
        without it goes to the Problems page and runs there."""
        window = self._window
        if name == keys.CANCEL and window.close_search():
            return True  # Esc puts the search box away first
        editing = self._editing()
        if editing is not None and editing.command(name):
            return True
        if name == keys.FIND and window.can_search():
            window.open_search()
            return True
        if name != keys.NEW or PROBLEMS not in window.page_keys():
            return False
        if window.stack.currentWidget() is window.page(PROBLEMS):
            return False
        window.open_page(PROBLEMS)
        editing = self._editing()
        return editing is not None and editing.command(name)

    def _say_done(self, redo: bool) -> None:
        """After an undo (redo): "Undone: <what>" ("Redone: …") in the status bar."""
        stack = self._group.activeStack()
        if stack is None:
            return
        command = stack.command(stack.index() - 1 if redo else stack.index())
        if command is None:
            return
        if getattr(command, "succeeded", True):
            text = self.tr("Redone: %1") if redo else self.tr("Undone: %1")
        else:
            text = self.tr("Could not redo: %1") if redo else self.tr("Could not undo: %1")
        self.say(text.replace("%1", command.text()))

    def say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, MESSAGE_MS)

    def show_help(self) -> ShortcutsDialog:
        """Help → Keyboard shortcuts (one dialog at a time)."""
        if self.dialog is None:
            self.dialog = ShortcutsDialog(self._window)
            self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.show()
        self.dialog.activateWindow()
        return self.dialog

    def _forget_dialog(self) -> None:
        self.dialog = None

    # ---- leaving ------------------------------------------------------------------------
    def may_leave(self, page: object) -> bool:
        """Ask before leaving ``page``'s unsaved work (True when there is none)."""
        editing = editing_of(page)
        return editing is None or editing.guard.may_leave()

    def may_close(self, pages: Mapping[str, object]) -> bool:
        """Ask for each page (by key) with unsaved work, the one shown first; the first
        Stay (or failed save) shows that page and keeps the window open."""
        shown = self._window.stack.currentWidget()
        for key, page in sorted(pages.items(), key=lambda item: item[1] is not shown):
            editing = editing_of(page)
            if editing is not None and editing.guard.unsaved():
                if page is not shown:
                    self._window.open_page(key)
                if not editing.guard.may_leave():
                    return False
        return True
