"""The page registry: one line adds a page, which the window then lists, opens, routes
records and change notices to; every registered page can be screenshot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLabel, QStyle, QWidget

from workbench.services import Services
from workbench.services.changes import ChangeSet
from workbench.ui.main_window import MainWindow
from workbench.ui.pages import PAGES, Page, PageEntry
from workbench.ui.screenshot import render


class NotesPage(QLabel):
    """A page as a later feature would add one: it shows the problem asked for."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("notes", parent)
        self._services = services
        self.heard: list[ChangeSet] = []
        self._undo = QUndoStack(self)

    def title(self) -> str:
        return "Notes"

    def icon(self) -> QIcon:
        return QIcon()

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "problem":
            return False
        self.setText(self._services.problems.get(record_id).title)
        return True

    def changed(self, change: ChangeSet) -> None:
        self.heard.append(change)


def test_registered_pages_are_pages(window) -> None:
    keys = [entry.key for entry in PAGES]
    assert keys == [
        "dashboard",
        "problems",
        "improvements",
        "pilots",
        "training",
        "kpis",
        "alerts",
        "knowledge",
        "reports",
        "mine",
        "settings",
    ]
    for entry in PAGES:
        page = window.page(entry.key)
        assert isinstance(page, Page)
        assert page.title() == entry.title()


def test_one_registry_line_adds_a_page(record, qapp_lang, qtbot) -> None:
    pages = (*PAGES, PageEntry("notes", "Notes", QStyle.StandardPixmap.SP_FileIcon, NotesPage))
    window = MainWindow(record, pages)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.notices.timer.setInterval(50)

    navigation = window.navigation
    item = navigation.item(len(PAGES))
    assert item.text() == "Notes"
    assert not item.icon().isNull()
    rect = navigation.visualItemRect(item)
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    notes = window.stack.currentWidget()
    assert isinstance(notes, NotesPage)
    assert window.windowTitle() == "Notes – Governance Workbench"
    assert window.undo_action.isEnabled() is False
    notes.undo_stack.push(QUndoCommand("add a note"))
    assert window.undo_action.isEnabled()  # its undo stack is the window's while shown

    problem_id = record.problems.id_of("P-2026-0004")
    assert window.open_record("notes", "problem", problem_id)
    assert notes.text() == record.problems.get(problem_id).title
    assert not window.open_record("problems", "note", 1)  # a kind the page does not show

    record.problems.update(problem_id, {"severity": 5})
    qtbot.waitUntil(lambda: any(problem_id in c.ids("problem") for c in notes.heard))


def test_a_page_missing_part_of_the_protocol_is_named(record, qapp_lang, qtbot) -> None:
    bare = PageEntry("bare", "Bare", None, lambda services, parent: QLabel("x", parent))
    window = MainWindow(record, (*PAGES, bare))
    qtbot.addWidget(window)
    with pytest.raises(TypeError, match="page 'bare' \\(QLabel\\) does not implement Page"):
        window.page("bare")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("name", [entry.key for entry in PAGES])
def test_every_registered_page_has_a_screenshot(record, tmp_path, lang, name) -> None:
    out = tmp_path / f"{name}-{lang}.png"
    render(record, name, out, lang, (1366, 768))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
