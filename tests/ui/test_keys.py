"""Keyboard like a desktop program: undo and redo from anywhere with a status-bar message,
Ctrl+N, Ctrl+F, F2, Delete with undo, and the Help list of every shortcut."""

from __future__ import annotations

import pytest
from keys_helpers import CTRL, CTRL_SHIFT, activate, click_row, field, press, row_code
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from test_detail_problem import retype, type_text

from workbench.services.chain import CAUSE
from workbench.ui.shortcuts import SHORTCUTS, WINDOW


@pytest.fixture
def page(window, qtbot):
    activate(qtbot, window)
    page = window.open_page("problems")
    click_row(qtbot, page, 0)
    qtbot.waitUntil(lambda: page.shown_problem_id is not None)
    return page


def message(window) -> str:
    return window.statusBar().currentMessage()


def save_title(qtbot, page, title: str) -> None:
    retype(qtbot, field(page, "title"), title)
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert not page.detail.problem_form.changes()


def test_ctrl_z_in_the_list_undoes_the_last_save_and_says_what(page, window, record, qtbot):
    problem_id = page.shown_problem_id
    before = record.problems.get(problem_id).title
    save_title(qtbot, page, "列表里撤销")
    page.table.setFocus()
    assert QApplication.focusWidget() is page.table

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert record.problems.get(problem_id).title == before
    assert field(page, "title").text() == before
    assert message(window) == "Undone: Edit Title"

    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    assert record.problems.get(problem_id).title == "列表里撤销"
    assert message(window) == "Redone: Edit Title"


def test_ctrl_z_in_a_field_undoes_its_typing_first(page, window, record, qtbot):
    problem_id = page.shown_problem_id
    before = record.problems.get(problem_id).title
    save_title(qtbot, page, "先保存")
    description = field(page, "description")
    description.setFocus()
    saved_description = description.toPlainText()
    type_text(description, "多打的字")

    press(qtbot, Qt.Key.Key_Z, CTRL)  # the typing in the field
    assert description.toPlainText() == saved_description
    assert record.problems.get(problem_id).title == "先保存"

    press(qtbot, Qt.Key.Key_Z, CTRL)  # nothing left to undo in the field: the save
    assert record.problems.get(problem_id).title == before
    assert message(window) == "Undone: Edit Title"


def test_ctrl_n_starts_a_new_problem_and_ctrl_f_goes_to_the_filter(page, qtbot):
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert page.detail.problem_form.is_new
    assert QApplication.focusWidget() is field(page, "title")

    press(qtbot, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is page.search


def test_f2_goes_to_the_form(page, qtbot):
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is field(page, "title")


def test_delete_in_the_list_then_ctrl_z_brings_the_problem_back(page, window, record, qtbot):
    code = row_code(page, 0)
    problem_id = page.shown_problem_id
    listed = page.model.rowCount()
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_Delete)  # no question
    assert record.problems.id_of(code) is None
    assert page.detail.pages.currentWidget() is page.detail.empty
    qtbot.waitUntil(lambda: page.model.rowCount() == listed - 1)

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert record.problems.id_of(code) == problem_id  # the same id and the same code
    assert message(window) == f"Undone: Delete {code}"
    assert page.detail.header.code.text() == code
    qtbot.waitUntil(lambda: page.model.rowCount() == listed)
    qtbot.waitUntil(lambda: row_code(page, page.table.currentIndex().row()) == code)
    assert page.shown_problem_id == problem_id


def test_delete_in_the_chain_deletes_the_item_with_undo(page, window, record, qtbot):
    problem_id = page.shown_problem_id
    record.chain.add(CAUSE, problem_id, {"description": "物料编码不统一", "whys": ["没有规则"]})
    qtbot.waitUntil(lambda: len(page.detail.chain.tree.cause_items()) == 1, timeout=5000)
    tree = page.detail.chain.tree
    tree.setFocus()
    tree.setCurrentItem(tree.cause_items()[0])
    press(qtbot, Qt.Key.Key_Delete)
    assert record.problems.get(problem_id).causes == ()

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert record.problems.get(problem_id).causes[0].whys == ("没有规则",)
    assert message(window) == "Undone: Delete cause"


def test_the_shortcuts_dialog_lists_what_is_registered(page, window, qtbot):
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_F1)
    dialog = window.keys.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.rows() == [(entry.keys_text(), entry.text()) for entry in SHORTCUTS]
    registered = window.keys.registered()
    for entry in SHORTCUTS:
        if entry.where == WINDOW:
            assert registered[entry.command] == [QKeySequence(k).toString() for k in entry.keys]
    shown = dict(dialog.rows())
    assert shown["Ctrl+Z"] == "Undo the last change (in a text field: its typing first)"
    assert shown["Del"] == "Delete what is selected in the list or the chain (undoable)"
    assert "Ctrl+Shift+Z, Ctrl+Y" in shown
    dialog.close()


def test_an_undo_refused_says_so_in_the_status_bar(page, window, record, db_path, qtbot):
    from workbench.app import open_services
    from workbench.settings import Settings

    problem_id = page.shown_problem_id
    save_title(qtbot, page, "我的标题")
    colleague = open_services(str(db_path), Settings(user="王芳"))
    try:
        colleague.problems.update(problem_id, {"title": "她的标题"})
    finally:
        colleague.close()
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert message(window) == "Could not undo: Edit Title"
    assert record.problems.get(problem_id).title == "她的标题"  # nothing overwritten
    qtbot.waitUntil(lambda: "王芳" in page.detail.header.message.text())


def test_each_key_is_bound_once_in_the_window(page, window):
    """Two bindings of one key in a window are ambiguous: Qt then runs neither."""
    from PySide6.QtGui import QAction, QShortcut

    bound = [
        sequence.toString()
        for action in window.findChildren(QAction)
        for sequence in action.shortcuts()
    ]
    for short in window.findChildren(QShortcut):
        sequences = short.keys()
        bound += [sequence.toString() for sequence in sequences]
    assert len(bound) == len(set(bound)), sorted(bound)
    assert {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+S", "Ctrl+N", "Ctrl+F", "F2", "Del"} <= set(bound)


def test_f2_ctrl_s_and_esc_in_a_chain_editor(page, record, qtbot):
    problem_id = page.shown_problem_id
    record.chain.add(CAUSE, problem_id, {"description": "物料编码不统一"})
    tree = page.detail.chain.tree
    qtbot.waitUntil(lambda: len(tree.cause_items()) == 1, timeout=5000)
    tree.setFocus()
    tree.setCurrentItem(tree.cause_items()[0])
    press(qtbot, Qt.Key.Key_F2)
    cause_form = page.detail.chain.forms["cause"]
    description = cause_form.form.widget("description")
    assert QApplication.focusWidget() is description

    press(qtbot, Qt.Key.Key_End, CTRL)
    type_text(description, "，编码规则缺失")
    assert cause_form.unsaved_label.isVisible()
    press(qtbot, Qt.Key.Key_S, CTRL)
    saved = record.problems.get(problem_id).causes[0].description
    assert saved == "物料编码不统一，编码规则缺失"

    type_text(description, "？")
    press(qtbot, Qt.Key.Key_Escape)
    assert description.toPlainText() == saved
    assert not cause_form.unsaved_label.isVisible()


def test_ctrl_n_goes_to_the_problems_page_and_ctrl_f_searches_everything(page, window, qtbot):
    settings = window.open_page("settings")
    settings.user_name.setFocus()
    assert QApplication.focusWidget() is settings.user_name
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert window.stack.currentWidget() is page
    assert page.detail.problem_form.is_new

    # Ctrl+F on a page without a search of its own opens the one search box; on the
    # Problems page it stays the list's search.
    window.open_page("settings")
    settings.user_name.setFocus()
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert window.stack.currentWidget() is settings
    assert window.search_box is not None and window.search_box.isVisible()
    assert QApplication.focusWidget() is window.search_box.query
    press(qtbot, Qt.Key.Key_Escape)
    assert not window.search_box.isVisible()
    window.open_page("problems")
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is page.search
    assert not window.search_box.isVisible()
