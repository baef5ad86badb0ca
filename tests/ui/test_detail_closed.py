"""Closing means closed, in the window: closing refused in words while a solution is
planned, a closed problem shown read-only until reopened with a reason, and the four-eyes
rule on Verify, relaxed from the Settings page."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from test_detail_chain import click_node
from test_detail_problem import PROBLEM, click, make_panel, type_text

from workbench.services import Services
from workbench.services.chain import CAUSE, RESULT, SOLUTION
from workbench.services.records import ProblemDetail
from workbench.ui.detail.panel import ProblemDetailPanel
from workbench.ui.settings_page import SettingsPage

MEASURED = {"metric": "库存差异率", "unit": "%", "baseline_value": 2.0, "value_after": 1.2}


def chain_of(services: Services, measured_by: Services, solution_status: str) -> ProblemDetail:
    """库存差异率高 → 物料编码不统一 → 统一物料编码 → 2.0% → 1.2%, at Verifying; the
    result entered by ``measured_by``."""
    problem = services.problems.create(PROBLEM)
    detail = services.chain.add(CAUSE, problem.id, {"description": "物料编码不统一"})
    detail = services.chain.add(
        SOLUTION, detail.causes[0].id, {"title": "统一物料编码", "status": solution_status}
    )
    detail = measured_by.chain.add(RESULT, detail.causes[0].solutions[0].id, MEASURED)
    for status in ("analysing", "solving", "verifying"):
        services.problems.change_status(problem.id, status)
    return detail


@pytest.fixture
def closed(services: Services, reviewer: Services) -> ProblemDetail:
    """The chain closed: solution done, the result entered by li.lei, verified by tester."""
    detail = chain_of(services, reviewer, "done")
    services.chain.verify_result(detail.results()[0].id)
    return services.problems.change_status(detail.id, "closed")


def test_closing_while_a_solution_is_planned_is_refused_naming_it(
    qtbot, qapp_lang, services, reviewer
) -> None:
    detail = chain_of(services, reviewer, "planned")
    services.chain.verify_result(detail.results()[0].id)
    panel = make_panel(qtbot, services, detail.id)

    click(qtbot, panel.header.status_button("closed"))
    assert panel.header.message.isVisible()
    assert panel.header.message.text() == (
        "Solution “统一物料编码” is still Planned: a problem closes only when each solution "
        "is done or cancelled."
    )
    assert services.problems.get(detail.id).status == "verifying"

    services.chain.update(SOLUTION, detail.causes[0].solutions[0].id, {"status": "cancelled"})
    panel.show_problem(detail.id)
    click(qtbot, panel.header.status_button("closed"))
    assert services.problems.get(detail.id).status == "closed"
    assert panel.header.badge.text() == "Closed"


def assert_read_only(panel: ProblemDetailPanel, read_only: bool) -> None:
    form = panel.problem_form
    assert form.form.widget("title").isReadOnly() is read_only
    assert form.form.widget("description").isReadOnly() is read_only
    assert form.form.widget("frequency").isEnabled() is not read_only
    assert form.form.widget("reported_on").isEnabled() is not read_only
    # Hidden, not merely out of sight: another node's editor may be the one shown.
    assert form.save_button.isHidden() is read_only
    assert form.delete_button.isHidden() is read_only
    assert panel.chain.add_cause.isEnabled() is not read_only
    assert panel.header.closed_note.isVisible() is read_only


def test_a_closed_problem_is_read_only_until_reopened_with_a_reason(
    qtbot, qapp_lang, services, closed
) -> None:
    panel = make_panel(qtbot, services, closed.id)
    assert_read_only(panel, True)
    assert panel.header.closed_note.text() == "Closed: reopen to edit"
    result = closed.results()[0]
    click_node(qtbot, panel, ("result", result.id))
    result_form = panel.chain.forms["result"]
    assert result_form.isVisible()  # the figures can be read …
    assert result_form.form.widget("value_after").isReadOnly()  # … not changed
    assert not result_form.save_button.isVisible()
    for button in (panel.chain.verify_button, panel.chain.delete_button):
        assert not button.isEnabled()
    click_node(qtbot, panel, ("solution", closed.causes[0].solutions[0].id))
    assert not panel.chain.add_result.isEnabled()
    assert not panel.chain.forms["solution"].form.widget("status").isEnabled()

    reopen = panel.header.status_button("analysing")
    assert reopen.text() == "Reopen"
    click(qtbot, reopen)
    dialog = panel.reason_dialog
    assert dialog is not None and dialog.isVisible() and closed.code in dialog.question.text()
    assert not dialog.ok_button.isEnabled()
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert services.problems.get(closed.id).status == "closed"
    assert_read_only(panel, True)

    click(qtbot, panel.header.status_button("analysing"))
    type_text(panel.reason_dialog.reason, "月底盘点差异又回升到1.8%")
    click(qtbot, panel.reason_dialog.ok_button)
    assert services.problems.get(closed.id).status == "analysing"
    assert_read_only(panel, False)
    assert panel.chain.add_result.isEnabled()  # the solution selected takes results again
    assert "“月底盘点差异又回升到1.8%”" in panel.header.reason.text()
    assert panel.header.reason.text().startswith("Closed → Analysing, by tester on ")
    kept = services.problems.status_changes(closed.id)[-1]
    assert (kept.from_status, kept.to_status, kept.reason) == (
        "closed",
        "analysing",
        "月底盘点差异又回升到1.8%",
    )
    panel.tabs.show_history()  # the reason shows in the History too
    rows = panel.tabs.history.rows()
    assert ("tester", "Status: Closed → Analysing", "", "Reason: 月底盘点差异又回升到1.8%") in rows
    assert ("tester", "Status: Verifying → Closed", "", "") in rows
    assert services.integrity.check(full=True).sound


def test_your_own_result_is_verified_only_once_settings_relax_the_rule(
    qtbot, qapp_lang, services, reviewer, db_path: Path
) -> None:
    detail = chain_of(services, services, "done")  # tester entered the figures
    result = detail.results()[0]
    panel = make_panel(qtbot, services, detail.id)
    click_node(qtbot, panel, ("result", result.id))
    assert panel.chain.forms["result"].verified.text() == (
        "Not verified · figures entered by tester, verified by someone else"
    )
    click(qtbot, panel.chain.verify_button)
    error = panel.chain.forms["result"].general_error
    assert error.isVisible()
    assert "You entered this result's values, so someone else verifies it" in error.text()
    assert not services.problems.get(detail.id).results()[0].verified

    settings = SettingsPage(services)
    qtbot.addWidget(settings)
    settings.show()
    box = settings.team_rules
    assert not box.four_eyes.isChecked()
    assert "one-person plant" in box.four_eyes.text()
    assert "audit trail" in box.explanation.text()
    click(qtbot, box.four_eyes)
    assert services.team.four_eyes_relaxed()
    assert reviewer.team.four_eyes_relaxed()  # in the database: for the whole team
    assert box.status.text().startswith("Relaxed by tester on ")
    with sqlite3.connect(db_path) as raw:
        trail = raw.execute(
            "SELECT actor, action, new_value FROM audit_entry WHERE entity = 'team_setting'"
        ).fetchall()
    assert [(actor, action) for actor, action, _ in trail] == [("tester", "create")]
    assert '"value": "relaxed"' in trail[0][2]

    click(qtbot, panel.chain.verify_button)
    verified = services.problems.get(detail.id).results()[0]
    assert verified.verified and verified.verified_by == "tester"
    assert panel.chain.verify_button.text() == "Unverify"

    click(qtbot, box.four_eyes)  # required again
    assert not services.team.four_eyes_relaxed()
    assert box.status.text().startswith("Required again by tester on ")
    assert services.integrity.check(full=True).sound


def test_deleting_a_problem_a_colleague_just_closed_is_refused_in_words(
    qtbot, qapp_lang, services, reviewer
) -> None:
    detail = chain_of(services, reviewer, "done")
    panel = make_panel(qtbot, services, detail.id)  # shown while still Verifying
    services.chain.verify_result(detail.results()[0].id)
    reviewer.problems.change_status(detail.id, "closed")  # elsewhere, not yet redrawn here
    panel.confirm = lambda title, text: True
    click(qtbot, panel.problem_form.delete_button)
    assert panel.header.message.text() == "The problem is closed: reopen it to edit it."
    assert services.problems.get(detail.id).status == "closed"
    assert_read_only(panel, True)  # redrawn as it is now


def test_undo_after_closing_does_not_change_the_closed_problem(
    qtbot, qapp_lang, services, reviewer
) -> None:
    detail = chain_of(services, reviewer, "done")
    panel = make_panel(qtbot, services, detail.id)
    click_node(qtbot, panel, ("result", detail.results()[0].id))
    click(qtbot, panel.chain.verify_button)  # undoable
    click(qtbot, panel.header.status_button("closed"))  # not undoable: no way back
    assert panel.undo_stack.undoText() == "Verify result"

    panel.undo_stack.undo()
    qtbot.waitUntil(lambda: "reopen it to edit it" in panel.header.message.text())
    assert "The undo history was cleared" in panel.header.message.text()
    after = services.problems.get(detail.id)
    assert after.status == "closed" and after.results()[0].verified
    assert panel.undo_stack.count() == 0
    assert services.integrity.check(full=True).sound
