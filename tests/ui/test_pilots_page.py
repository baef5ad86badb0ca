"""The Pilots page driven as a change agent would: a pilot's rounds entered, the verdict
on its criterion said in words and drawn, an edit undone, typing kept when moving away."""

from __future__ import annotations

import pytest
from test_detail_problem import click, retype

from workbench.services import Services
from workbench.ui.leaving import Leave
from workbench.ui.pilots_page import PilotsPage


@pytest.fixture
def page(qtbot, qapp_lang, services: Services, new_pilot) -> PilotsPage:
    new_pilot(rounds=({"satisfaction_mean": "3.8", "satisfaction_respondents": 20},))
    shown = PilotsPage(services)
    qtbot.addWidget(shown)
    shown.resize(1366, 720)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_a_round_that_meets_the_criterion_is_said_and_drawn(page, services, qtbot):
    assert page.verdict.text().endswith("用户满意度: Criterion not met")
    click(qtbot, page.add_round_button)
    form = page.round_form
    retype(qtbot, form.form.widget("satisfaction_mean"), "4.3")
    retype(qtbot, form.form.widget("satisfaction_respondents"), "25")
    click(qtbot, form.save_button)
    pilot = services.pilots.get(page.pilot.id)
    assert [r.number for r in pilot.rounds] == [1, 2]
    assert page.verdict.text().endswith("Criterion met since round 2")
    assert page.rounds.item(1, 2).text() == "4.3 (n=25)"
    satisfaction = page.charts[0].chart
    assert satisfaction.series[0].values[-1] == pytest.approx(4.3)
    assert satisfaction.target is not None and satisfaction.target.value == pytest.approx(4.2)

    page.undo_stack.undo()  # the round is gone again, and the verdict with it
    assert len(services.pilots.get(page.pilot.id).rounds) == 1
    assert page.verdict.text().endswith("Criterion not met")


def test_an_edit_of_the_pilot_is_saved_and_undone(page, services, qtbot):
    retype(qtbot, page.form.form.widget("scope"), "华东区销售（上海）")
    click(qtbot, page.form.save_button)
    assert services.pilots.get(page.pilot.id).scope == "华东区销售（上海）"
    page.undo_stack.undo()
    assert services.pilots.get(page.pilot.id).scope == "华东区销售"
    assert page.form.form.widget("scope").text() == "华东区销售"


def test_typing_is_kept_when_another_pilot_is_picked(page, services, new_pilot, qtbot):
    other = new_pilot(name="采购申请自动分单", scope="华北工厂采购")
    page.reload(page.pilot.id)
    first = page.pilot.id
    retype(qtbot, page.form.form.widget("hypothesis"), "还没保存的假设")
    page.editing.guard.ask = lambda title, text: Leave.STAY
    page.list.setCurrentCell(page._ids.index(other.id), 0)
    qtbot.waitUntil(lambda: page.list.currentRow() == page._ids.index(first))
    assert page.pilot.id == first
    assert page.form.form.widget("hypothesis").toPlainText() == "还没保存的假设"


def test_typing_in_a_round_is_kept_when_another_round_is_picked(page, services, qtbot):
    # The shared question before leaving a row (FormsEditing.may_leave_row): Stay goes
    # back to the round being edited, a new round being typed goes back to no round.
    pilot_id = page.pilot.id
    services.pilots.add_round(pilot_id, {"satisfaction_mean": "4.0"})
    page.reload(pilot_id)
    assert page.rounds.currentRow() == 1
    retype(qtbot, page.round_form.form.widget("findings"), "还没保存的发现")
    asked: list[str] = []
    page.editing.guard.ask = lambda title, text: asked.append(text) or Leave.STAY
    page.rounds.setCurrentCell(0, 0)
    qtbot.waitUntil(lambda: page.rounds.currentRow() == 1)
    assert len(asked) == 1 and page.round_form.record.number == 2
    assert page.round_form.form.widget("findings").toPlainText() == "还没保存的发现"

    click(qtbot, page.add_round_button)  # asks too: Stay keeps the typing
    assert len(asked) == 2 and page.round_form.record.number == 2
    page.editing.guard.ask = lambda title, text: Leave.DISCARD
    click(qtbot, page.add_round_button)
    assert page.round_form.record is None and page.rounds.currentRow() == -1
    retype(qtbot, page.round_form.form.widget("findings"), "新一轮")
    page.editing.guard.ask = lambda title, text: Leave.STAY
    page.rounds.setCurrentCell(0, 0)
    qtbot.waitUntil(lambda: page.rounds.currentRow() == -1)
    assert page.round_form.record is None
    assert page.round_form.form.widget("findings").toPlainText() == "新一轮"

    page.editing.guard.ask = lambda title, text: Leave.DISCARD
    page.rounds.setCurrentCell(0, 0)
    assert page.round_form.record.number == 1
    assert "还没保存的发现" not in {r.findings for r in services.pilots.get(pilot_id).rounds}
