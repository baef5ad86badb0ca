"""The Settings page driven as a user would: name and language saved to settings.json,
ERP modules added, renamed and retired in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from workbench.settings import Settings


@pytest.fixture
def page(window):
    return window.open_page("settings")


def module_names(page) -> list[str]:
    return [page.modules.item(row).text() for row in range(page.modules.count())]


def row_of(page, name: str) -> int:
    return module_names(page).index(name)


def test_name_and_language_are_saved_for_the_next_start(page, qtbot):
    assert Settings.load() == Settings()
    qtbot.keyClicks(page.user_name, "Li Na")
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert Settings.load() == Settings(user="Li Na", language="zh_CN")
    assert "next time" in page.saved_label.text()
    qtbot.keyClicks(page.user_name, "!")
    assert page.saved_label.text() == ""  # an unsaved edit is not "saved"


def test_a_module_is_added_by_typing_and_enter(page, record, qtbot):
    qtbot.keyClicks(page.new_module, "Quality")
    qtbot.keyClick(page.new_module, Qt.Key.Key_Return)

    assert "Quality" in [m.name for m in record.lookups.modules()]
    assert page.modules.currentItem().text() == "Quality"
    assert page.new_module.text() == ""


def test_a_duplicate_module_is_refused_with_its_name_and_nothing_is_added(
    page, record, qtbot, type_with_input_method
):
    before = record.lookups.module_entries()
    type_with_input_method(page.new_module, "库存")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)

    assert record.lookups.module_entries() == before
    assert page.module_error.isVisible()
    assert "库存 already exists" in page.module_error.text()
    assert page.new_module.text() == "库存"  # the typing is not lost


def test_a_module_is_renamed_in_place(page, record, qtbot):
    item = page.modules.item(row_of(page, "销售"))
    page.modules.editItem(item)
    editor = page.modules.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Sales and distribution")
    with qtbot.waitSignal(page.modules.itemChanged):  # the delegate commits queued
        qtbot.keyClick(editor, Qt.Key.Key_Return)

    names = [m.name for m in record.lookups.modules()]
    assert "Sales and distribution" in names and "销售" not in names
    assert "Sales and distribution" in module_names(page)


def test_renaming_to_an_existing_name_is_refused_and_the_stored_name_comes_back(page, record):
    page.modules.item(row_of(page, "销售")).setText("库存")  # what the editor commits

    assert [m.name for m in record.lookups.modules()].count("库存") == 1
    assert "销售" in module_names(page)
    assert "库存 already exists" in page.module_error.text()


def test_a_retired_module_is_not_offered_for_problems_but_stays_on_them(window, page, record):
    stock = next(m for m in record.lookups.modules() if m.name == "库存")
    page.modules.setCurrentRow(row_of(page, "库存"))
    assert page.active_button.text() == "Stop using"
    page.active_button.click()

    assert next(m for m in record.lookups.module_entries() if m.id == stock.id).active is False
    assert page.active_button.text() == "Use again"

    problems = window.open_page("problems")
    filed = next(
        row for row in range(problems.model.rowCount())
        if problems.model.index(row, 3).data() == "库存"
    )
    problems.select_problem(problems.model.problem_id(filed))
    combo = problems.detail.problem_form._combos["erp_module_id"]
    assert combo.currentText() == "库存"  # the problem keeps its module, by name
    problems.detail.show_problem(None)
    problems.detail.new_problem()
    assert combo.findText("库存") < 0  # not offered for a new problem
    # …but still findable in the list's filter
    assert problems.module_filter.findText("库存") >= 0
