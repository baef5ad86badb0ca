"""The window's keyboard shortcuts: one list that registers them and that Help shows.

Each ``Shortcut`` names a command, its keys and what it does. The main window makes one
window-wide action per entry whose ``where`` is ``WINDOW`` (so it works from anywhere in
the window) and hands the command to the page shown, or to itself for undo, redo, quit
and this list. Entries handled by the fields themselves (Enter in a one-line field) are
in the list too, so that Help lists every key the user can press and the list and the
program cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from workbench.ui.leaving import LeaveGuard

CONTEXT = "Shortcuts"
WINDOW = "window"  # a window-wide action
FIELD = "field"  # handled by the field that has the focus

# Commands a page may handle (see ``EditingPage.command``).
NEW, FIND, SAVE, CANCEL, EDIT, DELETE = "new", "find", "save", "cancel", "edit", "delete"
LIST = "list"
SEARCH = "search"  # the one search box over every record kind
# Commands of the window itself.
UNDO, REDO, HELP, QUIT, ENTER = "undo", "redo", "shortcuts", "quit", "enter"


@dataclass(frozen=True)
class Shortcut:
    """A command, the keys that run it (portable text, e.g. "Ctrl+S"), and what it does
    (source text, translated in the ``Shortcuts`` context)."""

    command: str
    keys: tuple[str, ...]
    text_source: str
    where: str = WINDOW

    def text(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.text_source)

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(key) for key in self.keys]

    def keys_text(self) -> str:
        """The keys as the user reads them, e.g. "Ctrl+Shift+Z, Ctrl+Y"."""
        native = QKeySequence.SequenceFormat.NativeText
        return ", ".join(sequence.toString(native) for sequence in self.sequences())


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(NEW, ("Ctrl+N",), str(QT_TRANSLATE_NOOP("Shortcuts", "New problem"))),
    Shortcut(
        FIND,
        ("Ctrl+F",),
        str(
            QT_TRANSLATE_NOOP(
                "Shortcuts",
                "Go to the list's search field (on a page without one: search everything)",
            )
        ),
    ),
    Shortcut(
        SEARCH,
        ("Ctrl+K",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Search everything: records, knowledge, training")),
    ),
    Shortcut(
        LIST,
        ("Ctrl+L",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Hide the list to give the record the whole width")),
    ),
    Shortcut(SAVE, ("Ctrl+S",), str(QT_TRANSLATE_NOOP("Shortcuts", "Save the form"))),
    Shortcut(
        ENTER,
        ("Return",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "In a one-line field: save the form")),
        FIELD,
    ),
    Shortcut(
        CANCEL,
        ("Esc",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Cancel the edit: back to what is saved")),
    ),
    Shortcut(
        UNDO,
        ("Ctrl+Z",),
        str(
            QT_TRANSLATE_NOOP(
                "Shortcuts", "Undo the last change (in a text field: its typing first)"
            )
        ),
    ),
    Shortcut(
        REDO,
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Redo what was undone")),
    ),
    Shortcut(
        EDIT,
        ("F2",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Edit: go to the form of what is selected")),
    ),
    Shortcut(
        DELETE,
        ("Del",),
        str(
            QT_TRANSLATE_NOOP(
                "Shortcuts", "Delete what is selected in the list or the chain (undoable)"
            )
        ),
    ),
    Shortcut(HELP, ("F1",), str(QT_TRANSLATE_NOOP("Shortcuts", "This list of keyboard shortcuts"))),
    Shortcut(QUIT, ("Ctrl+Q",), str(QT_TRANSLATE_NOOP("Shortcuts", "Quit"))),
)


def shortcut(command: str) -> Shortcut:
    """The entry of ``command``; KeyError for a command not in SHORTCUTS."""
    for entry in SHORTCUTS:
        if entry.command == command:
            return entry
    raise KeyError(command)


class Editing(Protocol):
    """What a page that edits records offers the window (see ``EditingPage``)."""

    @property
    def guard(self) -> LeaveGuard:
        """Asks Save / Discard / Stay before its unsaved work is left."""
        ...

    def command(self, name: str) -> bool:
        """Run the command ``name`` (NEW, FIND, SAVE, CANCEL, EDIT, DELETE); False when
        there is nothing to do for it here."""
        ...


@runtime_checkable
class EditingPage(Protocol):
    """A page that takes the window's editing keys (an optional part of a Page)."""

    @property
    def editing(self) -> Editing | None:
        """None while the page cannot edit yet (the database is not open)."""
        ...


def editing_of(page: object) -> Editing | None:
    """The editing part of ``page``, None for a page without one."""
    return page.editing if isinstance(page, EditingPage) else None


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: every entry of SHORTCUTS, keys and what they do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(SHORTCUTS), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        for row, entry in enumerate(SHORTCUTS):
            self.table.setItem(row, 0, QTableWidgetItem(entry.keys_text()))
            self.table.setItem(row, 1, QTableWidgetItem(entry.text()))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        frame = self.table.frameWidth() * 2
        self.table.setMinimumSize(
            header.length() + frame + 24,
            self.table.verticalHeader().length() + header.height() + frame,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows: (keys, what it does) per row."""
        items = (
            (self.table.item(row, 0), self.table.item(row, 1))
            for row in range(self.table.rowCount())
        )
        return [(keys.text(), text.text()) for keys, text in items if keys and text]
