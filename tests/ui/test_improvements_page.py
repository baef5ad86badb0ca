"""The Improvements page driven as a project manager would: a quarter's ranked list with
why each item has its place, an edit and its undo, a new item by problem codes, moving
by hand (buttons and drag and drop), carrying over, freezing and the edits after it,
quarters compared."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from test_detail_problem import click, retype, type_text

from workbench.services import Services
from workbench.services.quarters import Quarter
from workbench.ui.improvements_page import ImprovementsPage
from workbench.ui.leaving import Leave

QUARTER = str(Quarter.of(dt.date.today()))
NEXT = str(Quarter.of(dt.date.today()).next())


def problem(services: Services, title: str, frequency: str, impact: int) -> str:
    values = {
        "title": title,
        "severity": 3,
        "impact": impact,
        "frequency": frequency,
        "reported_on": dt.date(2026, 7, 1),
    }
    return services.problems.create(values).code


@pytest.fixture
def codes(services: Services) -> dict[str, str]:
    return {
        "stock": problem(services, "库存差异率高", "daily", 5),  # 4 × 5 = 20
        "orders": problem(services, "订单处理周期长", "weekly", 4),  # 3 × 4 = 12
        "reports": problem(services, "月度报表超时", "monthly", 3),  # 2 × 3 = 6
    }


@pytest.fixture
def page(qtbot, qapp_lang, services: Services, codes: dict[str, str]) -> ImprovementsPage:
    improvements = services.improvements
    for key, title in (("reports", "报表提速"), ("stock", "统一物料编码"), ("orders", "简化审批")):
        problem_id = services.problems.id_of(codes[key])
        improvements.create(
            {"quarter": QUARTER, "title": title, "problem_ids": [problem_id], "status": "committed"}
        )
    shown = ImprovementsPage(services)
    qtbot.addWidget(shown)
    shown.resize(1366, 720)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def titles(page: ImprovementsPage) -> list[str]:
    return [page.model.row(n).title for n in range(page.model.rowCount())]


def cell(page: ImprovementsPage, row: int, column: int) -> str:
    return str(page.model.index(row, column).data())


def test_the_list_is_ranked_by_frequency_times_impact_and_says_why(page, codes):
    assert titles(page) == ["统一物料编码", "简化审批", "报表提速"]
    assert cell(page, 0, 5) == "20 = 4 × 5"
    tip = page.model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert codes["stock"] in tip and "Daily" in tip
    assert page.form.why.text().startswith("Score 20 = 4 (Daily) × impact 5, from ")


def test_an_edit_is_saved_and_undone(page, services, qtbot):
    page.table.selectRow(1)
    retype(qtbot, page.form.form.widget("title"), "审批层级从五级减到三级")
    click(qtbot, page.form.save_button)
    item = services.improvements.list_for(QUARTER).rows[1]
    assert item.title == "审批层级从五级减到三级"
    assert page.undo_stack.undoText().startswith("Edit I-")

    page.undo_stack.undo()
    assert services.improvements.get(item.id).title == "简化审批"
    assert page.form.form.widget("title").text() == "简化审批"


def test_a_new_item_takes_problems_by_their_codes(page, services, codes, qtbot):
    click(qtbot, page.new_button)
    type_text(page.form.form.widget("title"), "盘点流程再造")
    type_text(page.form.form.widget("problems"), "P-2099-0001")
    click(qtbot, page.form.save_button)
    error = page.form.form.error_label("problems")
    assert error.isVisible() and "P-2099-0001" in error.text()
    assert len(services.improvements.list_for(QUARTER).rows) == 3  # nothing written

    retype(qtbot, page.form.form.widget("problems"), f"{codes['orders']}，{codes['stock']}")
    click(qtbot, page.form.save_button)
    assert "盘点流程再造" in titles(page)
    created = next(
        r for r in services.improvements.list_for(QUARTER).rows if r.title == "盘点流程再造"
    )
    assert created.problem_count == 2 and created.score == 20  # the higher of its two
    assert page.selected_id() == created.id


def test_moving_by_hand_is_kept_and_proposed_order_forgets_it(page, services, qtbot):
    page.table.selectRow(2)
    click(qtbot, page.list_actions.up_button)
    assert titles(page) == ["统一物料编码", "报表提速", "简化审批"]
    assert cell(page, 1, 0) == "2 (proposed 3)"
    assert page.selected_id() == services.improvements.list_for(QUARTER).rows[1].id
    page.undo_stack.undo()
    assert titles(page) == ["统一物料编码", "简化审批", "报表提速"]
    page.undo_stack.redo()
    click(qtbot, page.list_actions.proposed_button)
    assert titles(page) == ["统一物料编码", "简化审批", "报表提速"]


def test_carry_over_freeze_and_the_edits_after_it(page, services, qtbot):
    click(qtbot, page.list_actions.freeze_button)
    assert page.list_actions.frozen.text().startswith("Frozen ")
    assert not page.list_actions.freeze_button.isEnabled()
    page.table.selectRow(0)
    retype(qtbot, page.form.form.widget("target_metric"), "库存差异率")
    click(qtbot, page.form.save_button)
    assert cell(page, 0, 1).endswith("✎")  # changed after the freeze, and shown
    dialog = page.list_actions.show_frozen_changes()
    rows = [dialog.table.item(0, c).text() for c in range(1, 6)]
    assert rows[0] == "tester" and rows[2] == "Target metric" and rows[4] == "库存差异率"
    dialog.close()

    assert page.list_actions.carry_over() == NEXT
    assert page.current_quarter() == NEXT
    assert sorted(titles(page)) == sorted(["统一物料编码", "简化审批", "报表提速"])
    assert cell(page, 0, 7) == f"1× since {QUARTER}"
    comparison = page.list_actions.compare_quarters()
    table = comparison.table
    by_quarter = {table.item(r, 0).text(): table.item(r, 4).text() for r in range(table.rowCount())}
    assert by_quarter[QUARTER] == "3"  # all three went on
    comparison.close()


def test_typing_is_not_lost_by_clicking_another_item_or_quarter(page, services, qtbot):
    asked: list[str] = []
    page.editing.guard.ask = lambda title, text: asked.append(text) or Leave.STAY
    page.table.selectRow(0)
    first = page.selected_id()
    retype(qtbot, page.form.form.widget("title"), "还没保存")
    page.table.selectRow(2)
    qtbot.waitUntil(lambda: page.selected_id() == first)  # Stay: back on it
    assert asked and "has changes that are not saved" in asked[0]
    assert page.form.form.widget("title").text() == "还没保存"
    page.quarter.setCurrentText(NEXT)
    assert page.current_quarter() == QUARTER and len(asked) == 2

    page.editing.guard.ask = lambda title, text: Leave.DISCARD
    page.table.selectRow(2)
    assert page.form.item.id == page.selected_id() != first
    assert services.improvements.get(first).title == "统一物料编码"  # nothing was saved


def test_opening_the_page_asks_nothing(qtbot, qapp_lang, services, codes, monkeypatch):
    from workbench.ui import leaving

    monkeypatch.setattr(leaving, "ask_leave", lambda *_: pytest.fail("asked on opening"))
    problem_id = services.problems.id_of(codes["stock"])
    services.improvements.create(
        {"quarter": QUARTER, "title": "统一物料编码", "problem_ids": [problem_id]}
    )
    opened = ImprovementsPage(services)
    qtbot.addWidget(opened)
    opened.show()
    assert titles(opened) == ["统一物料编码"]
    assert opened.form.form.widget("title").text() == "统一物料编码"
    assert not opened.editing.unsaved()


def test_an_item_dragged_to_another_place_is_kept_there_and_undo_puts_it_back(
    page, services, qtbot
):
    model, move = page.model, Qt.DropAction.MoveAction
    assert titles(page) == ["统一物料编码", "简化审批", "报表提速"]
    assert page.table.dragEnabled() and model.flags(model.index(2, 1)) & (
        Qt.ItemFlag.ItemIsDragEnabled
    )
    # The last item dropped between the header and the first row: first place.
    assert not model.dropMimeData(model.mimeData([model.index(2, 1)]), move, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: titles(page)[0] == "报表提速")
    assert titles(page) == ["报表提速", "统一物料编码", "简化审批"]
    assert page.undo_stack.undoText() == "Move to place 1"
    assert page.model.row(0).manual and page.selected_id() == page.model.row(0).id
    kept = services.improvements.list_for(QUARTER).rows
    assert [r.title for r in kept] == titles(page)  # in the file, as Move up would keep it
    page.undo_stack.undo()
    assert titles(page) == ["统一物料编码", "简化审批", "报表提速"]
    assert not any(r.manual for r in services.improvements.list_for(QUARTER).rows)
    # The first dropped on the last: it takes the last place; on itself: nothing moves.
    model.dropMimeData(model.mimeData([model.index(0, 1)]), move, -1, -1, model.index(2, 0))
    qtbot.waitUntil(lambda: titles(page)[-1] == "统一物料编码")
    steps = page.undo_stack.count()
    model.dropMimeData(model.mimeData([model.index(1, 1)]), move, -1, -1, model.index(1, 0))
    qtbot.wait(20)
    assert page.undo_stack.count() == steps
