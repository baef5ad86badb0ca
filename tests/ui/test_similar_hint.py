"""A new problem whose title is like open ones says so, and opens one on a click."""

from __future__ import annotations

from workbench.ui.problems_page import ProblemsPage


def _new_problem_typed(qtbot, page: ProblemsPage, title: str, type_with_input_method):
    page.detail.new_problem()
    edit = page.detail.problem_form.form.widget("title")
    edit.setFocus()
    type_with_input_method(edit, title)  # as a Chinese input method commits it
    hint = page.detail.problem_form.similar
    with qtbot.waitSignal(hint.looked, timeout=5000):
        pass
    return hint


def test_a_new_title_like_open_problems_lists_them_and_opens_one(
    qtbot, window, record, type_with_input_method
):
    page = window.open_page("problems")
    hint = _new_problem_typed(qtbot, page, "库存差异率高", type_with_input_method)

    assert hint.isVisible()
    titles = [problem.title for problem in hint.found]
    assert titles and all(title.startswith("库存差异率高 #") for title in titles)
    assert "Similar open problems" in hint.text()
    statuses = {record.problems.get(problem.id).status for problem in hint.found}
    assert not statuses & {"closed", "rejected"}

    chosen = hint.found[0]
    hint.linkActivated.emit(str(chosen.id))
    assert page.detail.problem_id == chosen.id
    assert not hint.isVisible()  # an existing problem shows no hint


def test_an_unlike_title_shows_nothing(qtbot, window, type_with_input_method):
    page = window.open_page("problems")
    hint = _new_problem_typed(qtbot, page, "供应商主数据缺少税号", type_with_input_method)
    assert not hint.isVisible() and hint.found == ()
