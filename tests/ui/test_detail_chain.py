"""The detail panel's chain: add causes, solutions and results, delete, verify, close, undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from test_detail_problem import PROBLEM, click, make_panel, retype, type_text

from workbench.services import Services
from workbench.services.chain import CAUSE, RESULT, SOLUTION
from workbench.services.records import ProblemDetail
from workbench.ui.detail.panel import ProblemDetailPanel

WHYS = ["同一物料入库用了不同编码", "各工厂自行建码", "没有统一的编码规则"]


def click_node(qtbot, panel: ProblemDetailPanel, key: tuple[str, int]) -> None:
    tree = panel.chain.tree
    item = tree.item(key)
    assert item is not None, key
    tree.scrollToItem(item)
    center = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert tree.selected() == key


def form_field(panel: ProblemDetailPanel, kind: str, name: str) -> Any:
    return panel.chain.forms[kind].form.widget(name)


@pytest.fixture
def problem(services: Services) -> ProblemDetail:
    return services.problems.create(PROBLEM)


@pytest.fixture
def panel(qtbot, qapp_lang, services: Services, problem: ProblemDetail) -> ProblemDetailPanel:
    return make_panel(qtbot, services, problem.id)


@pytest.fixture
def chain(services: Services, reviewer: Services, problem: ProblemDetail) -> ProblemDetail:
    return add_chain(services, reviewer, problem)


def add_chain(services: Services, reviewer: Services, problem: ProblemDetail) -> ProblemDetail:
    """The problem with a root cause, a done solution and a result measured by a colleague
    (li.lei), not verified: the user (tester) may verify it."""
    detail = services.chain.add(CAUSE, problem.id, {"description": "物料编码不统一", "whys": WHYS})
    cause = detail.causes[0].id
    detail = services.chain.add(SOLUTION, cause, {"title": "统一物料编码", "status": "done"})
    solution = detail.causes[0].solutions[0].id
    values = {"metric": "库存差异率", "unit": "%", "baseline_value": 2.0, "value_after": 1.2}
    return reviewer.chain.add(RESULT, solution, values)


def test_the_whole_chain_is_added_through_the_widgets(qtbot, panel, services, problem) -> None:
    click(qtbot, panel.chain.add_cause)
    type_text(form_field(panel, "cause", "description"), "物料编码不统一")
    entry = panel.chain.forms["cause"].whys.entry
    for why in WHYS:
        type_text(entry, why)
        qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.keyClick(panel.chain.forms["cause"].form.widget("is_root"), Qt.Key.Key_Space)
    click(qtbot, panel.chain.forms["cause"].save_button)

    cause = services.problems.get(problem.id).causes[0]
    assert (cause.description, cause.whys, cause.is_root) == ("物料编码不统一", tuple(WHYS), True)
    assert panel.chain.tree.selected() == ("cause", cause.id)

    click(qtbot, panel.chain.add_solution)
    type_text(form_field(panel, "solution", "title"), "统一物料编码")
    click(qtbot, panel.chain.forms["solution"].save_button)
    solution = services.problems.get(problem.id).causes[0].solutions[0]
    assert (solution.title, solution.kind, solution.status) == (
        "统一物料编码",
        "corrective",
        "planned",
    )

    click(qtbot, panel.chain.add_result)
    type_text(form_field(panel, "result", "metric"), "库存差异率")
    type_text(form_field(panel, "result", "unit"), "%")
    type_text(form_field(panel, "result", "baseline_value"), "2.0")
    type_text(form_field(panel, "result", "value_after"), "1.2")
    assert "improved 40%" in panel.chain.forms["result"].change.text()
    click(qtbot, panel.chain.forms["result"].save_button)

    result = services.problems.get(problem.id).results()[0]
    assert (result.metric, result.baseline_value, result.value_after) == ("库存差异率", 2.0, 1.2)
    item = panel.chain.tree.item(("result", result.id))
    assert item is not None
    assert item.text(1) == "2.0% → 1.2%, improved 40%"  # one figure, as precise as typed
    assert panel.undo_stack.count() == 3

    panel.undo_stack.undo()
    assert services.problems.get(problem.id).results() == []


def test_a_cause_form_names_the_field_in_error_once_save_is_tried(
    qtbot, panel, services, problem
) -> None:
    click(qtbot, panel.chain.add_cause)
    form = panel.chain.forms["cause"]
    error = form.form.error_label("description")
    assert not error.isVisible()  # a new, empty form is not a list of mistakes
    click(qtbot, form.save_button)
    assert error.text() == "Description is required." and error.isVisible()
    assert form.form.widget("description").hasFocus()  # the cursor is where to type
    assert services.problems.get(problem.id).causes == ()


def test_editing_a_solution_is_saved_and_undone(qtbot, panel, services, chain) -> None:
    panel.show_problem(chain.id)
    solution = chain.causes[0].solutions[0]
    click_node(qtbot, panel, ("solution", solution.id))
    retype(qtbot, form_field(panel, "solution", "title"), "统一物料编码并建立审批")
    click(qtbot, panel.chain.forms["solution"].save_button)
    saved = services.problems.get(chain.id).causes[0].solutions[0]
    assert saved.title == "统一物料编码并建立审批"

    panel.undo_stack.undo()
    assert services.problems.get(chain.id).causes[0].solutions[0].title == "统一物料编码"
    assert form_field(panel, "solution", "title").text() == "统一物料编码"


def test_deleting_a_cause_needs_no_question_and_undo_brings_it_back(
    qtbot, panel, services, chain
) -> None:
    panel.show_problem(chain.id)
    cause = chain.causes[0]
    panel.confirm = lambda title, text: pytest.fail(f"asked: {text}")
    click_node(qtbot, panel, ("cause", cause.id))
    click(qtbot, panel.chain.delete_button)
    assert services.problems.get(chain.id).causes == ()
    assert panel.chain.tree.cause_items() == []
    assert panel.chain.editors.currentWidget() is panel.problem_form  # back to the problem

    panel.undo_stack.undo()
    restored = services.problems.get(chain.id).causes[0]
    assert restored.whys == tuple(WHYS)
    assert restored.solutions[0].title == "统一物料编码"
    assert restored.solutions[0].results[0].value_after == 1.2

    panel.undo_stack.redo()
    assert services.problems.get(chain.id).causes == ()


def test_verify_result_then_close(qtbot, panel, services, chain) -> None:
    for status in ("analysing", "solving", "verifying"):
        services.problems.change_status(chain.id, status)
    panel.show_problem(chain.id)
    result = chain.results()[0]
    click_node(qtbot, panel, ("result", result.id))
    click(qtbot, panel.chain.verify_button)
    assert services.problems.get(chain.id).results()[0].verified
    assert panel.chain.verify_button.text() == "Unverify"
    assert panel.chain.forms["result"].verified.text().startswith("✓ tester")

    click(qtbot, panel.header.status_button("closed"))
    assert services.problems.get(chain.id).status == "closed"
    assert panel.header.badge.text() == "Closed"
    assert not panel.header.message.isVisible()
    # Closed → Verifying is not an allowed transition, so closing is not on the undo stack.
    assert panel.undo_stack.count() == 1
    assert panel.undo_stack.undoText() == "Verify result"


def test_unverify_is_undoable(qtbot, panel, services, chain) -> None:
    panel.show_problem(chain.id)
    result = chain.results()[0]
    click_node(qtbot, panel, ("result", result.id))
    click(qtbot, panel.chain.verify_button)
    click(qtbot, panel.chain.verify_button)
    assert not services.problems.get(chain.id).results()[0].verified
    panel.undo_stack.undo()
    assert services.problems.get(chain.id).results()[0].verified


def test_undo_reaches_past_a_deleted_and_restored_cause(qtbot, panel, services, chain) -> None:
    panel.show_problem(chain.id)
    cause = chain.causes[0]
    click_node(qtbot, panel, ("cause", cause.id))
    retype(qtbot, form_field(panel, "cause", "evidence"), "抽查200个物料，37个重复")
    click(qtbot, panel.chain.forms["cause"].save_button)
    click(qtbot, panel.chain.delete_button)

    panel.undo_stack.undo()  # the cause comes back under a new id
    assert services.problems.get(chain.id).causes[0].evidence == "抽查200个物料，37个重复"
    panel.undo_stack.undo()  # and the evidence edit is undone on it
    restored = services.problems.get(chain.id).causes[0]
    assert (restored.description, restored.evidence) == ("物料编码不统一", "")


def test_an_item_deleted_elsewhere_is_said_clearly(qtbot, panel, services, chain) -> None:
    panel.show_problem(chain.id)
    solution = chain.causes[0].solutions[0]
    click_node(qtbot, panel, ("solution", solution.id))
    services.chain.delete(SOLUTION, solution.id)
    retype(qtbot, form_field(panel, "solution", "title"), "还在吗")
    click(qtbot, panel.chain.forms["solution"].save_button)
    assert "deleted elsewhere" in panel.header.message.text()
    assert panel.chain.tree.item(("solution", solution.id)) is None


def test_a_change_reads_with_one_figure_and_the_same_decimals(qapp_lang) -> None:
    from workbench.services.records import ResultRecord
    from workbench.ui.detail.formatting import change_text

    def result(baseline: float, after: float | None, direction: str = "lower", unit: str = ""):
        return ResultRecord(0, 0, "m", unit, direction, baseline, None, after, None, None, None)

    assert change_text(result(48, 20, unit="h")) == "48h → 20h, improved 58%"
    assert change_text(result(2.0, 1.25, unit="%")) == "2.00% → 1.25%, improved 38%"
    assert change_text(result(4.2, 4.5, direction="higher")) == "4.2 → 4.5, improved 7.1%"
    assert change_text(result(99.5, 98.0, direction="higher", unit="%")) == (
        "99.5% → 98.0%, worse by 1.5%"
    )
    assert change_text(result(3, None)) == "3 → not measured yet"
