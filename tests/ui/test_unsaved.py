"""Never lose typed work: a changed form says so, and leaving it (another row, a new
problem, another page, closing the window) asks Save, Discard or Stay; Ctrl+S, Esc and
Enter; drafts offered back after a crash."""

from __future__ import annotations

import pytest
from keys_helpers import CTRL, Answers, activate, click_row, field, press, row_code
from PySide6.QtCore import Qt
from test_detail_problem import retype, type_text

from workbench.app import open_services
from workbench.drafts import Drafts
from workbench.services.chain import CAUSE
from workbench.settings import Settings
from workbench.ui.leaving import Leave
from workbench.ui.main_window import MainWindow


@pytest.fixture
def page(window, qtbot):
    activate(qtbot, window)
    page = window.open_page("problems")
    click_row(qtbot, page, 0)
    qtbot.waitUntil(lambda: page.shown_problem_id is not None)
    return page


def saved_title(record, code: str) -> str:
    return record.problems.get(record.problems.id_of(code)).title


def test_a_changed_form_says_so_and_ctrl_s_saves_it(page, window, record, qtbot) -> None:
    code = row_code(page, 0)
    form = page.detail.problem_form
    assert not form.unsaved_label.isVisible()
    assert form.title() == "Problem"
    assert window.windowTitle() == "Problems – Governance Workbench"

    retype(qtbot, field(page, "title"), "库存差异率高（月底）")
    assert form.unsaved_label.isVisible()
    assert form.unsaved_label.text() == "• unsaved"
    assert form.title() == "Problem  • unsaved"  # seen even with Save scrolled away
    assert form.save_button.isEnabled()
    assert window.windowTitle() == "Problems* – Governance Workbench"

    press(qtbot, Qt.Key.Key_S, CTRL)
    assert saved_title(record, code) == "库存差异率高（月底）"
    assert not form.unsaved_label.isVisible()
    assert form.title() == "Problem"
    assert window.windowTitle() == "Problems – Governance Workbench"


def test_enter_in_a_one_line_field_saves(page, record, qtbot) -> None:
    code = row_code(page, 0)
    retype(qtbot, field(page, "title"), "按回车保存")
    press(qtbot, Qt.Key.Key_Return)
    assert saved_title(record, code) == "按回车保存"


def test_esc_cancels_the_edit(page, record, qtbot) -> None:
    code = row_code(page, 0)
    before = saved_title(record, code)
    retype(qtbot, field(page, "title"), "不要了")
    press(qtbot, Qt.Key.Key_Escape)
    assert field(page, "title").text() == before
    assert not page.detail.problem_form.unsaved_label.isVisible()
    assert saved_title(record, code) == before


def test_another_row_asks_and_stay_keeps_the_edit_and_the_selection(page, record, qtbot) -> None:
    first, second = row_code(page, 0), row_code(page, 1)
    shown = page.shown_problem_id
    answers = page.detail.guard.ask = Answers(Leave.STAY, Leave.DISCARD)
    retype(qtbot, field(page, "title"), "还没保存")

    click_row(qtbot, page, 1)
    assert len(answers.asked) == 1 and first in answers.asked[0]
    qtbot.waitUntil(lambda: page.table.currentIndex().row() == 0)
    assert page.shown_problem_id == shown
    assert field(page, "title").text() == "还没保存"
    assert page.table.selectionModel().isRowSelected(0)
    assert not page.table.selectionModel().isRowSelected(1)
    assert saved_title(record, first) != "还没保存"
    assert second != first


def test_another_row_asks_and_discard_drops_the_edit(page, record, qtbot) -> None:
    first = row_code(page, 0)
    before = saved_title(record, first)
    page.detail.guard.ask = answers = Answers(Leave.DISCARD)
    retype(qtbot, field(page, "title"), "不要了")

    click_row(qtbot, page, 1)
    assert len(answers.asked) == 1
    assert page.shown_problem_id == record.problems.id_of(row_code(page, 1))
    assert saved_title(record, first) == before
    assert page.detail.header.code.text() == row_code(page, 1)


def test_another_row_asks_and_save_saves_then_moves(page, record, qtbot) -> None:
    first, second = row_code(page, 0), row_code(page, 1)
    page.detail.guard.ask = Answers(Leave.SAVE)
    retype(qtbot, field(page, "title"), "先保存再走")

    click_row(qtbot, page, 1)
    assert saved_title(record, first) == "先保存再走"
    assert page.shown_problem_id == record.problems.id_of(second)
    assert page.detail.header.code.text() == second


def test_a_save_that_fails_means_stay(page, record, qtbot) -> None:
    first = row_code(page, 0)
    shown = page.shown_problem_id
    page.detail.guard.ask = Answers(Leave.SAVE)
    retype(qtbot, field(page, "title"), "")  # breaks a rule: the save is refused

    click_row(qtbot, page, 1)
    qtbot.waitUntil(lambda: page.table.currentIndex().row() == 0)
    assert page.shown_problem_id == shown
    assert page.detail.problem_form.form.error_label("title").text() == "Title is required."
    assert page.detail.problem_form.unsaved_label.isVisible()
    assert record.problems.get(shown).title != ""
    assert row_code(page, 0) == first


def test_ctrl_n_asks_before_leaving_the_edit(page, qtbot) -> None:
    page.detail.guard.ask = answers = Answers(Leave.STAY, Leave.DISCARD)
    retype(qtbot, field(page, "title"), "还没保存")
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert len(answers.asked) == 1
    assert not page.detail.problem_form.is_new
    assert field(page, "title").text() == "还没保存"

    press(qtbot, Qt.Key.Key_N, CTRL)
    assert page.detail.problem_form.is_new
    assert field(page, "title").text() == ""


def test_another_page_asks_and_stay_keeps_the_problems_page(page, window, qtbot) -> None:
    page.detail.guard.ask = answers = Answers(Leave.STAY, Leave.DISCARD)
    retype(qtbot, field(page, "title"), "还没保存")
    navigation = window.navigation
    rows = [navigation.item(r).data(Qt.ItemDataRole.UserRole) for r in range(navigation.count())]
    settings_item = navigation.item(rows.index("settings"))
    rect = window.navigation.visualItemRect(settings_item)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(answers.asked) == 1
    qtbot.waitUntil(lambda: window.navigation.currentRow() == rows.index("problems"))
    assert window.stack.currentWidget() is page
    assert field(page, "title").text() == "还没保存"

    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.page("settings")


@pytest.mark.parametrize("answer", [Leave.SAVE, Leave.DISCARD, Leave.STAY])
def test_closing_the_window_asks(page, window, record, qtbot, answer) -> None:
    code = row_code(page, 0)
    before = saved_title(record, code)
    page.detail.guard.ask = answers = Answers(answer)
    retype(qtbot, field(page, "title"), "关窗之前")

    closed = window.close()
    assert len(answers.asked) == 1 and code in answers.asked[0]
    if answer is Leave.STAY:
        assert not closed and window.isVisible()
        assert field(page, "title").text() == "关窗之前"
        assert saved_title(record, code) == before
        page.detail.guard.ask = Answers(Leave.DISCARD)  # let the test end
    else:
        assert closed and not window.isVisible()
        expected = "关窗之前" if answer is Leave.SAVE else before
        assert saved_title(record, code) == expected


def test_a_draft_is_offered_back_after_a_crash(page, record, db_path, qtbot) -> None:
    code = row_code(page, 0)
    before = saved_title(record, code)
    drafts = page.detail.drafts.drafts
    key = f"problem:{page.shown_problem_id}"
    retype(qtbot, field(page, "title"), "崩溃前打的字")
    qtbot.waitUntil(lambda: drafts.get(key) is not None, timeout=5000)  # ~1 s after typing
    assert drafts.get(key).values == {"title": "崩溃前打的字"}
    assert saved_title(record, code) == before

    # The program dies here: nothing saved, nothing discarded. The next start:
    services = open_services(str(db_path), Settings(user="tester"))
    try:
        again = MainWindow(services)
        qtbot.addWidget(again)
        again.show()
        qtbot.waitExposed(again)
        second = again.open_page("problems")
        offers: list[str] = []
        second.detail.drafts.offer = lambda title, text: offers.append(text) or True
        again.open_problem(code)
        qtbot.waitUntil(lambda: len(offers) == 1)
        assert offers[0].startswith("Restore your unsaved edit from ")
        assert field(second, "title").text() == "崩溃前打的字"
        assert second.detail.problem_form.unsaved_label.isVisible()
        assert saved_title(record, code) == before  # offered back, not saved

        second.detail.save_problem()
        assert saved_title(record, code) == "崩溃前打的字"
        assert Drafts.for_database(services.location).get(key) is None  # saved: gone
    finally:
        services.close()


def test_a_declined_draft_is_forgotten(page, qtbot) -> None:
    drafts = page.detail.drafts.drafts
    key = f"problem:{page.shown_problem_id}"
    drafts.put(key, {"title": "旧草稿"})
    offers: list[str] = []
    page.detail.drafts.offer = lambda title, text: offers.append(text) or False
    click_row(qtbot, page, 1)
    click_row(qtbot, page, 0)
    qtbot.waitUntil(lambda: len(offers) == 1)
    assert field(page, "title").text() != "旧草稿"
    assert drafts.get(key) is None


def test_a_new_problems_draft_is_offered_back_after_a_crash(page, record, db_path, qtbot):
    press(qtbot, Qt.Key.Key_N, CTRL)
    drafts = page.detail.drafts.drafts
    with qtbot.waitSignal(page.detail.problem_form.similar.looked, timeout=5000):
        type_text(field(page, "title"), "还没保存的新问题")  # (no look-up left running)
    qtbot.waitUntil(lambda: drafts.get("problem:new") is not None, timeout=5000)

    services = open_services(str(db_path), Settings(user="tester"))
    try:
        again = MainWindow(services)
        qtbot.addWidget(again)
        again.show()
        qtbot.waitExposed(again)
        second = again.open_page("problems")
        offers: list[str] = []
        second.detail.drafts.offer = lambda title, text: offers.append(text) or True
        second.new_button.click()
        qtbot.waitUntil(lambda: len(offers) == 1)
        assert field(second, "title").text() == "还没保存的新问题"
        with qtbot.waitSignal(second.detail.problemCreated) as created:
            second.detail.problem_form.save_button.click()
        assert record.problems.get(created.args[0]).title == "还没保存的新问题"
        assert Drafts.for_database(services.location).get("problem:new") is None
    finally:
        services.close()


def test_opening_a_similar_problem_asks_and_stay_keeps_the_new_one(page, record, qtbot) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    with qtbot.waitSignal(page.detail.problem_form.similar.looked, timeout=5000):
        type_text(field(page, "title"), "库存差异率高")  # (no look-up left running)
    page.detail.guard.ask = answers = Answers(Leave.STAY)
    other = record.problems.id_of(row_code(page, 3))
    assert not page.select_problem(other)  # as the similar-problems link does
    assert len(answers.asked) == 1 and "The new problem" in answers.asked[0]
    assert page.detail.problem_form.is_new
    assert field(page, "title").text() == "库存差异率高"


def test_a_save_refused_by_a_colleagues_change_means_stay(page, record, db_path, qtbot) -> None:
    shown = page.shown_problem_id
    page.detail.guard.ask = Answers(Leave.SAVE)
    retype(qtbot, field(page, "title"), "我的改动")
    colleague = open_services(str(db_path), Settings(user="王芳"))
    try:
        colleague.problems.update(shown, {"title": "同事的改动"})
    finally:
        colleague.close()

    click_row(qtbot, page, 1)
    qtbot.waitUntil(lambda: page.table.currentIndex().row() == 0)
    assert page.shown_problem_id == shown
    assert field(page, "title").text() == "我的改动"  # the typing is kept
    assert "王芳" in page.detail.header.message.text()
    assert record.problems.get(shown).title == "同事的改动"


def test_the_settings_form_asks_too_and_saves(window, qtbot) -> None:
    activate(qtbot, window)
    settings = window.open_page("settings")
    settings.editing.guard.ask = answers = Answers(Leave.STAY, Leave.SAVE)
    settings.user_name.setFocus()
    qtbot.keyClicks(settings.user_name, "Wang Fang")
    assert window.windowTitle() == "Settings* – Governance Workbench"
    navigation = window.navigation
    rect = navigation.visualItemRect(navigation.item(1))  # Problems (after the Dashboard)
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(answers.asked) == 1 and "Your name and language" in answers.asked[0]
    qtbot.waitUntil(lambda: navigation.currentItem().data(Qt.ItemDataRole.UserRole) == "settings")
    assert window.stack.currentWidget() is settings

    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert Settings.load().user == "Wang Fang"
    assert window.stack.currentWidget() is window.page("problems")
    assert window.windowTitle() == "Problems – Governance Workbench"


def test_ctrl_s_and_esc_in_the_settings_form(window, qtbot) -> None:
    activate(qtbot, window)
    settings = window.open_page("settings")
    settings.user_name.setFocus()
    qtbot.keyClicks(settings.user_name, "Li Na")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Settings.load().user == "Li Na"
    qtbot.keyClicks(settings.user_name, "!!")
    press(qtbot, Qt.Key.Key_Escape)
    assert settings.user_name.text() == "Li Na"


def test_a_causes_whys_typed_before_a_crash_are_offered_back(page, record, db_path, qtbot):
    problem_id = page.shown_problem_id
    detail = record.chain.add(CAUSE, problem_id, {"description": "物料编码不统一"})
    cause_id = detail.causes[0].id
    tree = page.detail.chain.tree
    qtbot.waitUntil(lambda: tree.item(("cause", cause_id)) is not None, timeout=5000)
    tree.setCurrentItem(tree.item(("cause", cause_id)))
    form = page.detail.chain.forms["cause"]
    type_text(form.whys.entry, "各工厂自行建码")
    qtbot.keyClick(form.whys.entry, Qt.Key.Key_Return)
    drafts = page.detail.drafts.drafts
    key = f"cause:{cause_id}"
    qtbot.waitUntil(lambda: drafts.get(key) is not None, timeout=5000)
    assert drafts.get(key).values == {"whys": ["各工厂自行建码"]}

    services = open_services(str(db_path), Settings(user="tester"))  # after the crash
    try:
        again = MainWindow(services)
        qtbot.addWidget(again)
        again.show()
        qtbot.waitExposed(again)
        second = again.open_page("problems")
        offers: list[str] = []
        second.detail.drafts.offer = lambda title, text: offers.append(text) or True
        again.open_record("problems", "problem", problem_id)
        second.detail.chain.tree.select(("cause", cause_id))
        qtbot.waitUntil(lambda: len(offers) == 1)
        restored = second.detail.chain.forms["cause"]
        assert restored.whys.value() == ["各工厂自行建码"]
        assert restored.unsaved_label.isVisible()
        restored.try_save()
        assert services.problems.get(problem_id).causes[0].whys == ("各工厂自行建码",)
        assert Drafts.for_database(services.location).get(key) is None  # saved: gone
    finally:
        services.close()
