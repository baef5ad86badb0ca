"""The detail panel's unsaved work: its leave guard, and the drafts of the problem form.

The guard counts the forms the user can see: the problem's form (while a problem or a new
one is shown) and the chain editor that is open. Save saves each changed one as its Save
button would (a refusal is shown in that form, and the user stays).

``DraftKeeper`` keeps what is typed in the problem's form in the database's drafts file,
about a second after the last key, and removes it when the form is saved, reverted or
discarded. When a problem (or a new one) is opened and a draft of it is still there,
which happens only after the program ended without saving or discarding it (a crash),
it offers the draft back: "Restore your unsaved edit from <time>?".
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
    """Keeps the problem form's typing as a draft, and offers a left-over draft back."""

    def __init__(self, panel: ProblemDetailPanel, drafts: Drafts) -> None:
        super().__init__(panel)
        self._panel = panel
        self.drafts = drafts
        self._key: str | None = None  # the record the form shows
        self.offering = True  # False: never ask (e.g. a screenshot); drafts are kept
        # The offer; tests may answer it instead of a dialog.
        self.offer: Callable[[str, str], bool] = lambda title, text: ask_confirmation(
            panel, title, text
        )
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.keep)
        form = panel.problem_form
        form.form.edited.connect(self.timer.start)
        form.loaded.connect(self._loaded)
        panel.problemCreated.connect(lambda _id: self.drafts.remove(NEW_KEY))

    def _current_key(self) -> str:
        panel = self._panel
        if panel.problem_form.is_new or panel.problem_id is None:
            return NEW_KEY
        return f"problem:{panel.problem_id}"

    def keep(self) -> None:
        """Write the draft now (the delay after the last key is over)."""
        self.timer.stop()
        if self._key is None:
            return
        changes = self._panel.problem_form.changes()
        if changes and self._panel.pages.currentIndex() == 1:
            self.drafts.put(self._key, changes)
        else:
            self.drafts.remove(self._key)

    def _loaded(self) -> None:
        key = self._current_key()
        if key == self._key:
            # Saved, reverted or redrawn from what is saved: nothing typed is left.
            self.timer.stop()
            if not self._panel.problem_form.changes():
                self.drafts.remove(key)
            return
        self.timer.stop()
        self._key = key
        # Asked once the opening is over, not in the middle of a click or a key.
        QTimer.singleShot(0, self, lambda: self._offer(key))

    def _offer(self, key: str) -> None:
        if key != self._key or not self.offering:
            return  # another record was opened meanwhile, or nobody to ask
        draft = self.drafts.get(key)
        if draft is None:
            return
        form = self._panel.problem_form
        shown = form.values()
        differs = {name: value for name, value in draft.values.items() if shown.get(name) != value}
        if not differs:
            self.drafts.remove(key)
            return
        when = draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        text = self.tr("Restore your unsaved edit from %1?").replace("%1", when)
        if self.offer(self.tr("Unsaved edit"), text):
            form.restore(differs)
            self.keep()
        else:
            self.drafts.remove(key)
