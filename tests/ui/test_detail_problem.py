"""The detail panel's problem part: editing, validation as you type, undo, status, delete."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit

from workbench.services import Services
from workbench.services.kinds import PROBLEM as PROBLEM_KIND
from workbench.services.records import ProblemDetail
from workbench.ui.detail.panel import ProblemDetailPanel

PROBLEM: dict[str, Any] = {
    "title": "库存差异率高",
    "description": "盘点时账实不符",
    "severity": 4,
    "impact": 3,
    "frequency": "weekly",
    "reported_on": "2026-03-01",
}


@pytest.fixture
def problem(services: Services) -> ProblemDetail:
    return services.problems.create(PROBLEM)


def make_panel(qtbot, services: Services, problem_id: int) -> ProblemDetailPanel:
    """A shown, active panel at the width the Problems page gives it, on ``problem_id``."""
    panel = ProblemDetailPanel(services)
    qtbot.addWidget(panel)
    panel.resize(600, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.show_problem(problem_id)
    return panel


@pytest.fixture
def panel(qtbot, qapp_lang, services: Services, problem: ProblemDetail) -> ProblemDetailPanel:
    return make_panel(qtbot, services, problem.id)


def field(panel: ProblemDetailPanel, name: str) -> Any:
    return panel.problem_form.form.widget(name)


def type_text(widget: Any, text: str) -> None:
    """Type like a keyboard would, Chinese included (QTest.keyClicks takes ASCII only)."""
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    type_text(edit, text)


def click(qtbot, button: Any) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_typed_title_is_saved(qtbot, panel, services, problem) -> None:
    retype(qtbot, field(panel, "title"), "物料编码不统一导致库存差异")
    with qtbot.waitSignal(panel.problemChanged) as signal:
        click(qtbot, panel.problem_form.save_button)
    assert signal.args == [problem.id]
    assert services.problems.get(problem.id).title == "物料编码不统一导致库存差异"
    assert panel.header.title.text() == "物料编码不统一导致库存差异"
    assert not panel.problem_form.save_button.isEnabled()  # nothing left to save


def test_invalid_input_shows_errors_and_saves_nothing(qtbot, panel, services, problem) -> None:
    limit = PROBLEM_KIND.fields["title"].max_length
    title = field(panel, "title")
    title.setFocus()
    title.selectAll()
    title.insert("长" * (limit + 1))  # pasted: far too long for a title
    title_error = panel.problem_form.form.error_label("title")
    assert title_error.isVisible()
    assert str(limit) in title_error.text()  # shown as it is typed

    qtbot.mouseClick(panel.problem_form.save_button, Qt.MouseButton.LeftButton)
    assert services.problems.get(problem.id).title == "库存差异率高"
    assert title.text() == "长" * (limit + 1)  # the user's input stays

    retype(qtbot, title, "")
    assert title_error.text() == "Title is required."  # the user was in the field
    retype(qtbot, title, "盘点差异")
    assert not title_error.isVisible()
    assert panel.problem_form.save_button.isEnabled()


def test_severity_and_impact_are_chosen_by_their_words(qtbot, panel, services, problem) -> None:
    severity = field(panel, "severity")
    assert [severity.itemText(i) for i in range(severity.count())] == [
        "1 · Minor",
        "2 · Low",
        "3 · Moderate",
        "4 · High",
        "5 · Severe",
    ]
    assert severity.currentText() == "4 · High"  # as saved
    severity.setCurrentIndex(severity.findData(5))
    with qtbot.waitSignal(panel.problemChanged):
        click(qtbot, panel.problem_form.save_button)
    assert services.problems.get(problem.id).severity == 5
    assert field(panel, "impact").currentText() == "3 · One department"


def test_domain_terms_explain_themselves(qtbot, panel) -> None:
    form = panel.problem_form.form
    assert form.findChild(QLabel, "label_hidden_cost").toolTip().startswith("Costs nobody sees")
    costs = field(panel, "hidden_cost")
    index = costs.findData("data_governance")
    assert "master data" in costs.itemData(index, Qt.ItemDataRole.ToolTipRole).lower()


def test_typing_undo_inside_a_field_stays_with_the_field(qtbot, panel, services, problem) -> None:
    title = field(panel, "title")
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, "X")
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == "库存差异率高"
    assert panel.undo_stack.count() == 0


def test_status_change_is_saved_and_undone(qtbot, panel, services, problem) -> None:
    assert panel.header.status_button("analysing").text() == "→ Analysing"
    assert panel.header.status_button("rejected").text() == "Reject"
    click(qtbot, panel.header.status_button("analysing"))
    assert services.problems.get(problem.id).status == "analysing"
    assert panel.header.badge.text() == "Analysing"

    panel.undo_stack.undo()
    assert services.problems.get(problem.id).status == "open"
    assert panel.header.badge.text() == "Open"


def test_closing_without_a_verified_result_is_refused_in_words(
    qtbot, panel, services, problem
) -> None:
    for status in ("analysing", "solving", "verifying"):
        services.problems.change_status(problem.id, status)
    panel.show_problem(problem.id)
    click(qtbot, panel.header.status_button("closed"))
    assert panel.header.message.isVisible()
    assert panel.header.message.text() == (
        "A problem can be closed only with at least one verified result."
    )
    assert services.problems.get(problem.id).status == "verifying"
    assert panel.header.badge.text() == "Verifying"
    assert panel.undo_stack.count() == 0


def test_rejecting_asks_why_and_keeps_the_reason(qtbot, panel, services, problem) -> None:
    services.problems.change_status(problem.id, "analysing")
    panel.show_problem(problem.id)

    click(qtbot, panel.header.status_button("rejected"))
    dialog = panel.reason_dialog
    assert dialog is not None and dialog.isVisible()
    assert problem.code in dialog.question.text() and "only as Open" in dialog.question.text()
    assert not dialog.ok_button.isEnabled()  # a reason is required
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert services.problems.get(problem.id).status == "analysing"  # Cancel keeps it

    click(qtbot, panel.header.status_button("rejected"))
    dialog = panel.reason_dialog
    type_text(dialog.reason, "   ")
    assert not dialog.ok_button.isEnabled()  # blanks are no reason
    type_text(dialog.reason, "与P-2026-0001重复")
    assert dialog.ok_button.text() == "Reject"
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert services.problems.get(problem.id).status == "rejected"
    assert panel.header.badge.text() == "Rejected"
    assert [c.reason for c in services.problems.status_changes(problem.id)][-1] == (
        "与P-2026-0001重复"
    )
    assert panel.header.reason.isVisible()
    assert panel.header.reason.text().startswith("Analysing → Rejected, by tester on ")
    assert panel.header.reason.text().endswith("“与P-2026-0001重复”")


def test_delete_problem_needs_no_question_and_undo_brings_it_back(
    qtbot, panel, services, problem
) -> None:
    panel.confirm = lambda title, text: pytest.fail(f"asked: {text}")
    with qtbot.waitSignal(panel.problemDeleted) as signal:
        click(qtbot, panel.problem_form.delete_button)
    assert signal.args == [problem.id]
    assert services.problems.id_of(problem.code) is None
    assert panel.pages.currentWidget() is panel.empty
    assert panel.empty.text() == (
        f"{problem.code} “{problem.title}” was deleted. Ctrl+Z brings it back."
    )
    assert panel.undo_stack.undoText() == f"Delete {problem.code}"

    with qtbot.waitSignal(panel.problemCreated) as signal:
        panel.undo_stack.undo()
    assert signal.args == [problem.id]
    assert services.problems.get(problem.id).code == problem.code  # same id, same code
    assert panel.problem_id == problem.id
    assert panel.header.code.text() == problem.code

    with qtbot.waitSignal(panel.problemDeleted):
        panel.undo_stack.redo()
    assert services.problems.id_of(problem.code) is None
    assert panel.pages.currentWidget() is panel.empty


def test_new_problem_is_created_from_the_form(qtbot, panel, services) -> None:
    panel.new_problem()
    title_error = panel.problem_form.form.error_label("title")
    assert not title_error.isVisible()  # nothing typed yet: no red "is required"
    click(qtbot, panel.problem_form.save_button)  # tried with the title empty
    assert title_error.text() == "Title is required."
    assert panel.problem_id is None
    type_text(field(panel, "title"), "采购订单审批慢")
    assert not title_error.isVisible()
    with qtbot.waitSignal(panel.problemCreated) as signal:
        click(qtbot, panel.problem_form.save_button)
    created = services.problems.get(signal.args[0])
    assert created.title == "采购订单审批慢"
    assert created.status == "open"
    assert panel.header.code.text() == created.code


def test_leaving_a_required_field_empty_says_so(qtbot, panel) -> None:
    panel.new_problem()
    title_error = panel.problem_form.form.error_label("title")
    field(panel, "title").setFocus()
    field(panel, "description").setFocus()  # the user moved on without a title
    assert title_error.isVisible() and title_error.text() == "Title is required."


def test_problem_deleted_elsewhere_is_said_clearly(qtbot, panel, services, problem) -> None:
    services.problems.delete(problem.id)
    retype(qtbot, field(panel, "title"), "还在吗")
    click(qtbot, panel.problem_form.save_button)
    assert panel.pages.currentWidget() is panel.empty
    assert "deleted elsewhere" in panel.empty.text()


def test_empty_state(qtbot, qapp_lang, services) -> None:
    panel = ProblemDetailPanel(services)
    qtbot.addWidget(panel)
    panel.show_problem(None)
    assert panel.pages.currentWidget() is panel.empty
    assert panel.empty.text() == "Select a problem"


def test_a_save_over_a_colleagues_change_is_refused_and_the_typing_kept(
    qtbot, panel, services, problem, db_path
) -> None:
    from workbench.app import open_services
    from workbench.settings import Settings

    colleague = open_services(str(db_path), Settings(user="王芳"))
    try:
        colleague.problems.update(problem.id, {"title": "库存差异率偏高"})
    finally:
        colleague.close()
    retype(qtbot, field(panel, "title"), "盘点差异大")
    click(qtbot, panel.problem_form.save_button)

    assert services.problems.get(problem.id).title == "库存差异率偏高"  # theirs stands
    assert field(panel, "title").text() == "盘点差异大"  # ours is still in the form
    message = panel.header.message.text()
    assert "王芳" in message and "Title" in message and "not saved" in message
    assert panel.undo_stack.count() == 0


def test_a_save_while_another_program_writes_says_busy_and_keeps_the_typing(
    qtbot, qapp_lang, db_path, problem
) -> None:
    import sqlite3

    from workbench.app import open_services
    from workbench.settings import Settings

    services = open_services(str(db_path), Settings(user="tester"), busy_timeout=0.2)
    try:
        panel = make_panel(qtbot, services, problem.id)
        retype(qtbot, field(panel, "title"), "盘点差异大")
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # an SQL tool left a write open
        try:
            click(qtbot, panel.problem_form.save_button)
            message = panel.header.message.text()
            assert "busy" in message and "still in the form" in message
            assert field(panel, "title").text() == "盘点差异大"
            assert services.problems.get(problem.id).title == PROBLEM["title"]
        finally:
            other.rollback()
            other.close()
        with qtbot.waitSignal(panel.problemChanged):
            click(qtbot, panel.problem_form.save_button)  # the same edit, once it is free
        assert services.problems.get(problem.id).title == "盘点差异大"
        assert panel.header.message.text() == ""
    finally:
        services.close()


def _colleague_saves(db_path, problem_id: int, values: dict[str, Any]) -> None:
    from workbench.app import open_services
    from workbench.settings import Settings

    colleague = open_services(str(db_path), Settings(user="王芳"))
    try:
        colleague.problems.update(problem_id, values)
    finally:
        colleague.close()


def test_after_a_refused_save_compare_shows_both_and_mine_can_be_kept(
    qtbot, panel, services, problem, db_path
) -> None:
    _colleague_saves(db_path, problem.id, {"title": "库存差异率偏高", "severity": 5})
    retype(qtbot, field(panel, "title"), "盘点差异大")
    click(qtbot, panel.problem_form.save_button)
    assert panel.header.compare_button.isVisible()

    click(qtbot, panel.header.compare_button)
    dialog = panel.findChild(QDialog, "compare_dialog")
    assert dialog is not None and dialog.isVisible()
    rows = {
        dialog.table.item(row, 0).text(): (
            dialog.table.item(row, 1).text(),
            dialog.table.item(row, 2).text(),
        )
        for row in range(dialog.table.rowCount())
    }
    assert rows == {
        "Title": ("盘点差异大", "库存差异率偏高"),
        "Severity": ("4 · High", "5 · Severe"),
    }

    with qtbot.waitSignal(panel.problemChanged):
        click(qtbot, dialog.keep_button)
    saved = services.problems.get(problem.id)
    assert (saved.title, saved.severity) == ("盘点差异大", 5)  # mine, and their severity
    assert not panel.header.compare_button.isVisible()


def test_after_a_refused_save_theirs_can_be_shown_instead(
    qtbot, panel, services, problem, db_path
) -> None:
    _colleague_saves(db_path, problem.id, {"title": "库存差异率偏高"})
    retype(qtbot, field(panel, "title"), "盘点差异大")
    click(qtbot, panel.problem_form.save_button)
    click(qtbot, panel.header.take_theirs_button)
    assert field(panel, "title").text() == "库存差异率偏高"
    assert not panel.problem_form.save_button.isEnabled()
    assert services.problems.get(problem.id).title == "库存差异率偏高"


def test_history_shows_who_changed_what_in_words(qtbot, panel, services, problem) -> None:
    retype(qtbot, field(panel, "title"), "盘点差异大")
    with qtbot.waitSignal(panel.problemChanged):
        click(qtbot, panel.problem_form.save_button)
    severity = field(panel, "severity")
    severity.setCurrentIndex(severity.findData(5))
    with qtbot.waitSignal(panel.problemChanged):
        click(qtbot, panel.problem_form.save_button)

    tab_bar = panel.tabs.tabBar()
    click_at = tab_bar.tabRect(panel.tabs.indexOf(panel.tabs.history)).center()
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=click_at)
    assert panel.tabs.history.isVisible()
    rows = panel.tabs.history.rows()
    assert rows[0] == ("tester", "Problem: Severity", "4 · High", "5 · Severe")
    assert rows[1] == ("tester", "Problem: Title", "库存差异率高", "盘点差异大")
    assert rows[-1] == ("tester", "Problem created", "", "")


def test_history_shows_moments_in_local_time_not_as_stored() -> None:
    import datetime as dt

    from workbench.ui.detail.history_view import _value

    stored = "2026-12-01T06:14:44.002481"  # UTC, as the record keeps it
    local = dt.datetime(2026, 12, 1, 6, 14, 44, tzinfo=dt.UTC).astimezone()
    assert _value("verified_at", stored, None) == local.strftime("%Y-%m-%d %H:%M")
    assert _value("title", "2026年盘点差异", None) == "2026年盘点差异"
