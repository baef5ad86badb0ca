"""The Training page driven as a trainer would: a session edited and the edit undone, a
new session saved with the problems it addresses, attendance taken by picking people with
a score (and undone), the heat map of coverage, the never trained, sessions per month, a
refused score said in words, typing kept when clicking elsewhere, a solution linked from
the form (and undone), a person marked as left (and undone), and 1366×768."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from test_detail_problem import click, retype, type_text

from workbench.services import Services
from workbench.services.chain import CAUSE, SOLUTION
from workbench.ui.leaving import Leave
from workbench.ui.training_page import TrainingPage

YEAR = dt.date.today().year


@pytest.fixture
def plant(services: Services) -> dict[str, int]:
    lookups = services.lookups
    ids = {
        "inv": lookups.add_module("库存").id,
        "fin": lookups.add_module("财务").id,
        "W": lookups.add_department("仓储部").id,
        "F": lookups.add_department("财务部").id,
    }
    for login, name, department in (
        ("zhang.wei", "张伟", "W"),
        ("zhou.min", "周敏", "W"),
        ("chen.jing", "陈静", "F"),
    ):
        ids[login] = lookups.add_person(login, name, ids[department]).id
    services.problems.create(
        {
            "title": "库存差异率高",
            "severity": 3,
            "impact": 3,
            "frequency": "weekly",
            "reported_on": dt.date(YEAR, 1, 5),
            "erp_module_id": ids["fin"],
            "department_id": ids["W"],
        }
    )
    services.training.create(
        {
            "kind": "drill",
            "topic": "模拟异常订单处理",
            "erp_module_id": ids["inv"],
            "held_on": dt.date(YEAR, 1, 10),
            "attendees": [ids["zhang.wei"]],
        }
    )
    return ids


@pytest.fixture
def page(qtbot, qapp_lang, services: Services, plant) -> TrainingPage:
    shown = TrainingPage(services)
    qtbot.addWidget(shown)
    shown.resize(1366, 680)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_an_edit_is_saved_and_undone(page, services, qtbot):
    assert page.model.rowCount() == 1 and page.form.session is not None
    session_id = page.form.session.id
    retype(qtbot, page.form.form.widget("topic"), "盘点差异处理演练")
    click(qtbot, page.form.save_button)
    assert services.training.get(session_id).topic == "盘点差异处理演练"
    assert page.undo_stack.undoText() == f"Edit T-{YEAR}-0001"
    assert page.model.index(0, 3).data() == "盘点差异处理演练"
    page.undo_stack.undo()
    assert services.training.get(session_id).topic == "模拟异常订单处理"
    assert page.form.form.widget("topic").text() == "模拟异常订单处理"
    page.undo_stack.redo()
    assert services.training.get(session_id).topic == "盘点差异处理演练"


def test_a_new_session_with_the_problems_it_addresses(page, services, qtbot, plant):
    click(qtbot, page.new_button)
    assert not page.attendance.add_button.isEnabled()  # attendance after the first save
    type_text(page.form.form.widget("topic"), "财务月结视频")
    page.form.form.widget("erp_module_id").set_value(plant["fin"])
    type_text(page.form.form.widget("duration_hours"), "0.50")
    type_text(page.form.form.widget("problems"), f"P-{YEAR}-0001")
    click(qtbot, page.form.save_button)
    created = page.form.session
    assert created is not None and created.code == f"T-{YEAR}-0002"
    assert str(created.duration) == "0.50" and created.links[0].problem_code == f"P-{YEAR}-0001"
    problem_id = services.problems.id_of(f"P-{YEAR}-0001")
    assert [r.code for r in services.training.for_problem(problem_id)] == [created.code]
    assert page.selected_id() == created.id and page.attendance.add_button.isEnabled()


def test_attendance_is_taken_by_picking_people_and_undone(page, services, qtbot, plant):
    session_id = page.form.session.id
    panel = page.attendance
    panel.person.set_value(plant["chen.jing"])
    click(qtbot, panel.add_button)
    assert [a.name for a in services.training.get(session_id).attendees] == ["张伟", "陈静"]
    assert panel.model.rowCount() == 2
    assert panel.selected().name == "陈静" and panel.model.index(1, 1).data() == "财务部"
    retype(qtbot, panel.score, "105")
    click(qtbot, panel.score_button)
    assert "between 0 and 100" in page.message.text()  # refused, said in words
    retype(qtbot, panel.score, "88.0")
    click(qtbot, panel.score_button)
    assert str(services.training.get(session_id).attendee(plant["chen.jing"]).score) == "88.0"
    assert panel.model.index(1, 2).data() == "88.0"
    page.undo_stack.undo()  # the score
    page.undo_stack.undo()  # the attendee
    assert [a.name for a in services.training.get(session_id).attendees] == ["张伟"]
    assert panel.model.rowCount() == 1


def test_coverage_is_a_heat_map_and_the_gaps_are_listed(page, services, qtbot, plant):
    page.tabs.setCurrentWidget(page.coverage)
    view = page.coverage
    # 仓储部: 张伟 of 张伟, 周敏 trained on 库存; 财务部: nobody of 陈静.
    assert view.cell_text(0, 0) == "1/2" and view.cell_text(1, 0) == "0/1"
    half = view.table.item(0, 0).background().color()
    none = view.table.item(1, 0).background().color()
    assert half != none
    tip = view.table.item(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "1 of the 2 people of 仓储部 trained on 库存"
    page.tabs.setCurrentWidget(page.never)
    rows = [
        tuple(page.never.table.item(r, c).text() for c in range(3))
        for r in range(page.never.table.rowCount())
    ]
    # 仓储部 has a 财务 problem: both its people; tester reported it.
    assert ("张伟", "仓储部", "财务") in rows and ("周敏", "仓储部", "财务") in rows
    page.tabs.setCurrentWidget(page.months)
    january = [page.months.table.item(0, c).text() for c in range(page.months.table.columnCount())]
    assert january[0] == f"{YEAR}-01" and january[1] == "1"  # one drill
    page.tabs.setCurrentWidget(page.person)
    page.person.person.setCurrentIndex(page.person.person.findData(plant["zhang.wei"]))
    assert page.person.table.item(0, 0).text() == "库存"


def test_typing_is_kept_when_clicking_new_and_the_page_fits_1366x768(page, services, qtbot):
    asked: list[str] = []
    page.editing.guard.ask = lambda title, text: asked.append(text) or Leave.STAY
    retype(qtbot, page.form.form.widget("topic"), "还没保存")
    page.new_session()
    assert asked and page.form.form.widget("topic").text() == "还没保存"
    assert page.form.fits()


def test_a_solution_of_its_problem_is_linked_from_the_form_and_unlinked_by_undo(
    page, services, plant, qtbot
):
    problem_id = services.problems.id_of(f"P-{YEAR}-0001")
    cause = services.chain.add(CAUSE, problem_id, {"description": "物料编码不统一"}).causes[0]
    services.chain.add(SOLUTION, cause.id, {"title": "统一物料编码"})
    session_id = page.form.session.id
    assert not page.form.solution_choice.isEnabled()  # no problem linked yet: none offered
    retype(qtbot, page.form.form.widget("problems"), f"P-{YEAR}-0001")
    click(qtbot, page.form.save_button)
    choice = page.form.solution_choice
    assert [choice.itemText(i) for i in range(choice.count())] == [f"统一物料编码 (P-{YEAR}-0001)"]
    retype(qtbot, page.form.form.widget("topic"), "还没保存的主题")  # typing stays
    click(qtbot, page.form.link_solution_button)
    record = services.training.get(session_id)
    assert [link.title for link in record.links if link.solution_id] == ["统一物料编码"]
    assert page.undo_stack.undoText() == f"Link a solution to T-{YEAR}-0001"
    assert choice.itemText(0).startswith("✓ ") and page.form.unlink_solution_button.isEnabled()
    assert "统一物料编码" in choice.toolTip()
    assert page.form.form.widget("topic").text() == "还没保存的主题"
    page.undo_stack.undo()
    assert not [link for link in services.training.get(session_id).links if link.solution_id]
    assert not choice.itemText(0).startswith("✓ ")
    page.undo_stack.redo()
    click(qtbot, page.form.unlink_solution_button)
    assert not [link for link in services.training.get(session_id).links if link.solution_id]


def test_a_person_marked_as_left_leaves_the_views_and_undo_brings_them_back(
    page, services, qtbot, plant, db_path
):
    def left_on(person_id: int) -> str | None:
        with sqlite3.connect(db_path) as raw:
            found = raw.execute("SELECT left_on FROM person WHERE id = ?", (person_id,))
            return found.fetchone()[0]

    def never_names() -> set[str]:
        table = page.never.table
        return {table.item(r, 0).text() for r in range(table.rowCount())}

    def coverage() -> str:
        page.tabs.setCurrentWidget(page.coverage)
        return page.coverage.cell_text(0, 0)  # 仓储部 on 库存: 张伟 of 张伟, 周敏

    assert coverage() == "1/2"
    page.tabs.setCurrentWidget(page.person)
    view = page.person
    view.person.setCurrentIndex(view.person.findData(plant["zhang.wei"]))
    view.left_on.setDate(QDate(YEAR, 1, 20))
    click(qtbot, view.left_button)
    assert left_on(plant["zhang.wei"]) == f"{YEAR}-01-20"
    assert page.undo_stack.undoText() == "张伟 left the plant"
    assert view.person.findData(plant["zhang.wei"]) < 0  # only people still here
    assert coverage() == "0/1"  # counts nowhere now
    page.undo_stack.undo()
    assert left_on(plant["zhang.wei"]) is None
    assert coverage() == "1/2"

    page.tabs.setCurrentWidget(page.never)  # right-click a person there: left today
    assert "周敏" in never_names()
    table = page.never.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "周敏")
    table.setCurrentCell(row, 0)
    assert page.never.left_action in table.actions()
    page.never.left_action.trigger()
    assert "周敏" not in never_names()
    page.undo_stack.undo()
    assert "周敏" in never_names()


def test_the_sessions_per_month_chart_follows_a_new_session_and_its_undo(
    page, services, qtbot, plant
):
    # Each write's notice comes to the page after the write, as the window's notices do.
    stop = services.subscribe(lambda change: QTimer.singleShot(0, lambda: page.changed(change)))
    page.tabs.setCurrentWidget(page.months)
    chart = page.months.chart

    def held(series: int, month: int) -> float | None:  # 0 sessions, 1 attendances
        return chart.chart.series[series].values[month - 1]

    assert chart.chart.title == f"Training sessions per month, {YEAR}"
    assert (held(0, 1), held(1, 1)) == (1, 1)  # January's drill, 张伟 at it
    assert held(0, 3) == 0
    page.tabs.setCurrentIndex(0)
    page.new_session()
    form = page.form.form
    retype(qtbot, form.widget("topic"), "月结操作培训")
    form.widget("erp_module_id").set_value(plant["fin"])
    form.widget("held_on").setDate(QDate(YEAR, 3, 12))
    click(qtbot, page.form.save_button)
    page.tabs.setCurrentWidget(page.months)
    qtbot.waitUntil(lambda: held(0, 3) == 1)  # a class in March
    assert page.months.table.item(2, 6).text() == "1"  # and the table's Sessions column
    page.undo_stack.undo()
    qtbot.waitUntil(lambda: held(0, 3) == 0)
    stop()


def test_a_session_deleted_on_the_page_comes_back_with_undo(page, services, qtbot):
    session_id = page.selected_id()
    code = page.model.row(0).code
    click(qtbot, page.delete_button)
    assert page.model.rowCount() == 0 and services.training.sessions(YEAR) == ()
    assert page.undo_stack.undoText() == f"Delete {code}"  # still there to undo
    page.undo_stack.undo()
    assert services.training.get(session_id).code == code
    assert page.model.rowCount() == 1 and page.model.row(0).id == session_id
    assert [a.name for a in services.training.get(session_id).attendees] == ["张伟"]
