"""The Settings page driven as a user would: name and language saved to settings.json;
ERP modules, sites, departments and people added, edited in place and refused in words,
in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from workbench.services import Services
from workbench.services.errors import ValidationError
from workbench.settings import Settings
from workbench.ui.main_window import MainWindow
from workbench.ui.qt_app import ensure_application


@pytest.fixture
def page(window):
    return window.open_page("settings")


def module_names(page) -> list[str]:
    return [page.modules.item(row, 0).text() for row in range(page.modules.rowCount())]


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
    item = page.modules.item(row_of(page, "销售"), 0)
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
    page.modules.item(row_of(page, "销售"), 0).setText("库存")  # what the editor commits

    assert [m.name for m in record.lookups.modules()].count("库存") == 1
    assert "销售" in module_names(page)
    assert "库存 already exists" in page.module_error.text()


def test_a_retired_module_is_not_offered_for_problems_but_stays_on_them(
    window, page, record, qtbot
):
    stock = next(m for m in record.lookups.modules() if m.name == "库存")
    page.modules.setCurrentCell(row_of(page, "库存"), 0)
    assert page.active_button.text() == "Stop using"
    page.active_button.click()

    assert next(m for m in record.lookups.module_entries() if m.id == stock.id).active is False
    # the change notice reaches every page built so far, this one and Problems
    qtbot.waitUntil(lambda: page.active_button.text() == "Use again")

    problems = window.open_page("problems")
    filed = next(
        row
        for row in range(problems.model.rowCount())
        if problems.model.index(row, 3).data() == "库存"
    )
    problems.select_problem(problems.model.problem_id(filed))
    combo = problems.detail.problem_form._combos["erp_module_id"]
    assert combo.currentText() == "库存"  # the problem keeps its module, by name
    problems.detail.show_problem(None)
    problems.detail.new_problem()
    assert combo.findText("库存") < 0  # not offered for a new problem
    # …but still findable in the list's filter
    assert "库存" in problems.filters.module.texts()


# ---- sites, departments and people --------------------------------------------------------
def open_tab(page, qtbot, title: str):
    """Click the tab called ``title``; returns the list editor it shows."""
    bar = page.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index
    return page.tabs.currentWidget()


def edit_cell(qtbot, editor, row: int, column: int, text: str) -> None:
    """Double-click-edit a cell: replace its text and press Return."""
    table = editor.table
    table.editItem(table.item(row, column))
    # an earlier cell's editor may linger, hidden, until its deferred deletion
    line = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    line.selectAll()
    qtbot.keyClicks(line, text)
    with qtbot.waitSignal(table.itemChanged):  # the delegate commits queued
        qtbot.keyClick(line, Qt.Key.Key_Return)


def sites(services: Services) -> list[tuple[str, str]]:
    return [(s.code, s.name) for s in services.lookups.site_entries()]


def test_a_site_is_added_with_its_code_and_name(page, record, qtbot, type_with_input_method):
    editor = open_tab(page, qtbot, "Sites")
    qtbot.keyClicks(editor.inputs["code"], "CQ")
    type_with_input_method(editor.inputs["name"], "重庆工厂")
    qtbot.keyClick(editor.inputs["name"], Qt.Key.Key_Return)

    assert ("CQ", "重庆工厂") in sites(record)
    row = editor.table.currentRow()
    assert (editor.table.item(row, 0).text(), editor.table.item(row, 1).text()) == (
        "CQ",
        "重庆工厂",
    )
    assert editor.inputs["code"].text() == editor.inputs["name"].text() == ""
    assert not editor.error.isVisible()


def test_a_site_with_a_taken_code_or_no_name_is_refused_in_words_and_the_typing_kept(
    page, record, qtbot
):
    editor = open_tab(page, qtbot, "Sites")
    before = sites(record)
    qtbot.keyClicks(editor.inputs["code"], "SZ")
    qtbot.keyClicks(editor.inputs["name"], "Suzhou two")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)

    assert sites(record) == before
    assert editor.error.isVisible()
    assert editor.error.text() == "SZ already exists."
    assert (editor.inputs["code"].text(), editor.inputs["name"].text()) == ("SZ", "Suzhou two")

    editor.inputs["code"].clear()
    editor.inputs["name"].clear()
    qtbot.keyClicks(editor.inputs["code"], "XA")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert sites(record) == before
    assert editor.error.text() == "Name is required."
    assert editor.inputs["code"].text() == "XA"
    assert editor.inputs["name"].hasFocus()  # where the missing text goes


def test_a_site_is_edited_in_place_and_a_clash_brings_the_stored_values_back(page, record, qtbot):
    editor = open_tab(page, qtbot, "Sites")
    row = editor.texts(0).index("WX")
    edit_cell(qtbot, editor, row, 1, "Wuxi plant")
    assert ("WX", "Wuxi plant") in sites(record)
    assert not editor.error.isVisible()

    before = sites(record)
    edit_cell(qtbot, editor, row, 0, "SZ")
    assert sites(record) == before
    assert editor.error.text() == "SZ already exists."
    assert editor.table.item(row, 0).text() == "WX"  # the stored code is shown again


def test_departments_are_added_and_renamed_and_people_see_the_new_name(
    page, record, qtbot, type_with_input_method
):
    departments = open_tab(page, qtbot, "Departments")
    type_with_input_method(departments.inputs["name"], "质量部")
    qtbot.mouseClick(departments.add_button, Qt.MouseButton.LeftButton)
    assert "质量部" in [d.name for d in record.lookups.departments()]

    edit_cell(qtbot, departments, departments.texts().index("仓储部"), 0, "Warehouse")
    assert [d.name for d in record.lookups.departments()] == ["Warehouse", "质量部"]

    people = open_tab(page, qtbot, "People")
    qtbot.waitUntil(
        lambda: people.table.item(people.texts().index("wang"), 2).text() == "Warehouse"
    )
    combo = people.inputs["department_id"]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "No department",
        "Warehouse",
        "质量部",
    ]


def test_renaming_a_department_to_a_taken_name_is_refused(page, record, qtbot):
    departments = open_tab(page, qtbot, "Departments")
    record.lookups.add_department("质量部")
    departments.reload()
    edit_cell(qtbot, departments, departments.texts().index("质量部"), 0, "  ")
    assert departments.error.text() == "Name is required."
    row = departments.texts().index("质量部")  # the stored name is shown again
    departments.table.item(row, 0).setText("仓储部")  # what an editor would commit
    assert sorted(d.name for d in record.lookups.departments()) == ["仓储部", "质量部"]
    assert departments.error.text() == "仓储部 already exists."
    assert departments.texts() == ["仓储部", "质量部"]


def test_a_person_is_added_in_a_department(page, record, qtbot, type_with_input_method):
    people = open_tab(page, qtbot, "People")
    qtbot.keyClicks(people.inputs["login"], "li.na")
    type_with_input_method(people.inputs["name"], "李娜")
    combo = people.inputs["department_id"]
    combo.setCurrentIndex(combo.findText("仓储部"))
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)

    added = next(p for p in record.lookups.person_entries() if p.login == "li.na")
    assert (added.name, added.department) == ("李娜", "仓储部")
    row = people.table.currentRow()
    assert [people.table.item(row, c).text() for c in range(3)] == ["li.na", "李娜", "仓储部"]


def test_a_person_without_a_login_or_with_a_taken_one_is_refused(page, record, qtbot):
    people = open_tab(page, qtbot, "People")
    before = record.lookups.person_entries()
    qtbot.keyClicks(people.inputs["name"], "Nobody")
    qtbot.keyClick(people.inputs["name"], Qt.Key.Key_Return)
    assert people.error.text() == "Login is required."  # the column's name, not "login"
    qtbot.keyClicks(people.inputs["login"], "wang")
    qtbot.keyClick(people.inputs["login"], Qt.Key.Key_Return)
    assert people.error.text() == "wang already exists."
    assert record.lookups.person_entries() == before
    assert (people.inputs["login"].text(), people.inputs["name"].text()) == ("wang", "Nobody")


def test_a_persons_name_and_department_are_changed_in_place(page, record, qtbot):
    people = open_tab(page, qtbot, "People")
    row = people.texts().index("wang")
    edit_cell(qtbot, people, row, 1, "Wang Xiaoming")
    people.table.editItem(people.table.item(row, 2))
    combo = next(e for e in people.table.viewport().findChildren(QComboBox) if e.isVisible())
    combo.setCurrentIndex(combo.findText("No department"))
    with qtbot.waitSignal(people.table.itemChanged):
        qtbot.keyClick(combo, Qt.Key.Key_Return)

    wang = next(p for p in record.lookups.person_entries() if p.login == "wang")
    assert (wang.name, wang.department_id) == ("Wang Xiaoming", None)
    assert people.table.item(row, 2).text() == "No department"


# ---- a plant that starts without the demo -------------------------------------------------
@pytest.fixture
def empty_window(services: Services, qapp_lang, qtbot):
    """Open a window on an empty database, in the language given."""
    built: list[MainWindow] = []  # qtbot keeps only a weak reference

    def build(language: str) -> MainWindow:
        ensure_application(language)
        main = MainWindow(services)
        built.append(main)
        qtbot.addWidget(main)
        main.show()
        qtbot.waitExposed(main)
        return main

    return build


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Purchasing", "Inventory", "Sales", "Production", "Finance", "HR", "Master data"]),
        ("zh_CN", ["采购", "库存", "销售", "生产", "财务", "人力", "主数据"]),
    ],
)
def test_an_empty_module_list_offers_the_standard_modules_in_the_windows_language(
    empty_window, services, qtbot, language, expected
):
    page = empty_window(language).open_page("settings")
    assert page.modules.rowCount() == 0
    assert page.standard_button.isVisible()
    qtbot.mouseClick(page.standard_button, Qt.MouseButton.LeftButton)

    assert [m.name for m in services.lookups.modules()] == expected
    qtbot.waitUntil(lambda: module_names(page) == expected)
    assert not page.standard_button.isVisible()


def test_the_standard_modules_are_not_offered_once_a_module_exists(empty_window, qtbot):
    page = empty_window("en").open_page("settings")
    qtbot.keyClicks(page.new_module, "Quality")
    qtbot.keyClick(page.new_module, Qt.Key.Key_Return)
    assert module_names(page) == ["Quality"]
    assert not page.standard_button.isVisible()


def test_lists_set_up_in_settings_are_offered_on_a_new_problem(empty_window, qtbot):
    window = empty_window("en")
    page = window.open_page("settings")
    qtbot.mouseClick(page.standard_button, Qt.MouseButton.LeftButton)
    sites_tab = open_tab(page, qtbot, "Sites")
    qtbot.keyClicks(sites_tab.inputs["code"], "SZ")
    qtbot.keyClicks(sites_tab.inputs["name"], "Suzhou plant")
    qtbot.keyClick(sites_tab.inputs["name"], Qt.Key.Key_Return)
    departments = open_tab(page, qtbot, "Departments")
    qtbot.keyClicks(departments.inputs["name"], "Warehouse")
    qtbot.keyClick(departments.inputs["name"], Qt.Key.Key_Return)
    people = open_tab(page, qtbot, "People")
    qtbot.keyClicks(people.inputs["login"], "zhang.wei")
    qtbot.keyClicks(people.inputs["name"], "Zhang Wei")
    people.inputs["department_id"].setCurrentIndex(1)
    qtbot.keyClick(people.inputs["name"], Qt.Key.Key_Return)

    problems = window.open_page("problems")
    problems.detail.new_problem()
    combos = problems.detail.problem_form._combos
    # no reload asked for: the change notices of the writes bring the new entries
    qtbot.waitUntil(lambda: combos["owner_id"].findText("Zhang Wei") >= 0)
    assert combos["erp_module_id"].findText("Inventory") >= 0
    assert combos["site_id"].findText("Suzhou plant") >= 0
    assert combos["department_id"].findText("Warehouse") >= 0
    assert combos["reporter_id"].findText("Zhang Wei") >= 0


def test_the_largest_attachment_is_set_for_the_team_in_settings(page, record):
    box = page.team_rules.attachment_limit
    assert box.value() == 10  # the team's default, in MB
    box.setValue(2)
    box.editingFinished.emit()
    assert record.team.attachment_limit() == 2 * 1024 * 1024
    problem_id = record.problems.id_of("P-2026-0004")
    with pytest.raises(ValidationError):  # a 3 MB scan is now refused for everyone
        record.attachments.add("problem", problem_id, "scan.pdf", b"x" * (3 * 1024 * 1024))
    box.setValue(10)
    page.team_rules.reload()  # shown as the database has it
    assert box.value() == 2
