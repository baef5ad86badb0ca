"""The detail panel's unsaved work: its leave guard, and the drafts of the problem form.

The guard counts the forms the user can see: the problem's form (while a problem or a new
one is shown) and the chain editor that is open. Save saves each changed one as its Save
button would (a refusal is shown in that form, and the user stays).

``DraftKeeper`` keeps what is typed in each editor (the problem's, a cause's, a
solution's, a result's, a new one's too) in the database's drafts file, about a second
after the last key, and removes it when the form is saved, reverted or discarded. When
a record (or a new one) is opened and a draft of it is still there, which happens only
after the program ended without saving or discarding it (a crash), it offers the draft
back: "Restore your unsaved edit from <time>?".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from workbench.drafts import Drafts
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.detail.link_forms import LinkForm
from workbench.ui.detail.widgets import ask_confirmation
from workbench.ui.leaving import LeaveGuard

if TYPE_CHECKING:
    from workbench.ui.detail.panel import ProblemDetailPanel

DRAFT_DELAY_MS = 1000
NEW_KEY = "problem:new"


def open_editors(panel: ProblemDetailPanel) -> list[RecordEditor]:
    """The forms the user sees: the problem's, and the chain editor that is open."""
    if panel.pages.currentIndex() != 1:
        return []
    editors: list[RecordEditor] = [panel.problem_form]
    current = panel.chain.editors.currentWidget()
    if isinstance(current, LinkForm):
        editors.append(current)
    return editors


def changed_editors(panel: ProblemDetailPanel) -> list[RecordEditor]:
    return [editor for editor in open_editors(panel) if editor.changes()]


def panel_guard(panel: ProblemDetailPanel) -> LeaveGuard:
    """The guard of ``panel``, told whenever a form is typed in, loaded or switched."""

    def save() -> bool:
        for editor in changed_editors(panel):
            editor.try_save()  # as its Save button: a refusal is shown in the form
        return not changed_editors(panel)

    def discard() -> None:
        for editor in changed_editors(panel):
            editor.revert()

    def describe() -> str:
        if panel.problem_form.is_new:
            return QCoreApplication.translate("LeaveGuard", "The new problem")
        code, title = panel.header.code.text(), panel.header.title.text()
        return f"{code} “{title}”"

    guard = LeaveGuard(panel, lambda: bool(changed_editors(panel)), save, discard, describe)
    for editor in (panel.problem_form, *panel.chain.forms.values()):
        editor.stateChanged.connect(guard.update)
    panel.chain.editors.currentChanged.connect(guard.update)
    panel.pages.currentChanged.connect(guard.update)
    return guard


class DraftKeeper(QObject):
    """Keeps each editor's typing as a draft, and offers a left-over draft back."""

    def __init__(self, panel: ProblemDetailPanel, drafts: Drafts) -> None:
        super().__init__(panel)
        self._panel = panel
        self.drafts = drafts
        self._keys: dict[RecordEditor, str] = {}  # the record each editor shows
        self.offering = True  # False: never ask (e.g. a screenshot); drafts are kept
        # The offer; tests may answer it instead of a dialog.
        self.offer: Callable[[str, str], bool] = lambda title, text: ask_confirmation(
            panel, title, text
        )
        self._timers: dict[RecordEditor, QTimer] = {}
        for editor in (panel.problem_form, *panel.chain.forms.values()):
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(DRAFT_DELAY_MS)
            timer.timeout.connect(lambda e=editor: self.keep(e))
            editor.form.edited.connect(timer.start)
            editor.loaded.connect(lambda e=editor: self._loaded(e))
            self._timers[editor] = timer
        panel.problemCreated.connect(lambda _id: self.drafts.remove(NEW_KEY))

    def _current_key(self, editor: RecordEditor) -> str:
        """problem:7, problem:new; cause:12, or cause:new:7 (a new cause of problem 7)."""
        if isinstance(editor, LinkForm):
            kind = editor.link.kind
            if editor.entity_id is None:
                return f"{kind}:new:{editor.parent_id}"
            return f"{kind}:{editor.entity_id}"
        panel = self._panel
        if editor.is_new or panel.problem_id is None:
            return NEW_KEY
        return f"problem:{panel.problem_id}"

    def keep(self, editor: RecordEditor | None = None) -> None:
        """Write the draft now (the delay after the last key is over)."""
        editor = editor or self._panel.problem_form
        self._timers[editor].stop()
        key = self._keys.get(editor)
        if key is None:
            return
        changes = editor.changes()
        if changes and self._panel.pages.currentIndex() == 1:
            self.drafts.put(key, changes)
        else:
            self.drafts.remove(key)

    def _loaded(self, editor: RecordEditor) -> None:
        key = self._current_key(editor)
        timer = self._timers[editor]
        if key == self._keys.get(editor):
            # Saved, reverted or redrawn from what is saved: nothing typed is left.
            timer.stop()
            if not editor.changes():
                self.drafts.remove(key)
            return
        timer.stop()
        if isinstance(editor, LinkForm) and editor.is_new is False:
            # A new link just saved: its draft (kept under "new") is done with.
            previous = self._keys.get(editor, "")
            if previous.startswith(f"{editor.link.kind}:new:"):
                self.drafts.remove(previous)
        self._keys[editor] = key
        # Asked once the opening is over, not in the middle of a click or a key.
        QTimer.singleShot(0, self, lambda: self._offer(editor, key))

    def _offer(self, editor: RecordEditor, key: str) -> None:
        if key != self._keys.get(editor) or not self.offering:
            return  # another record was opened meanwhile, or nobody to ask
        draft = self.drafts.get(key)
        if draft is None:
            return
        shown = editor.values()
        differs = {name: value for name, value in draft.values.items() if shown.get(name) != value}
        if not differs:
            self.drafts.remove(key)
            return
        when = draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        text = self.tr("Restore your unsaved edit from %1?").replace("%1", when)
        if self.offer(self.tr("Unsaved edit"), text):
            editor.restore(differs)
            self.keep(editor)
        else:
            self.drafts.remove(key)
