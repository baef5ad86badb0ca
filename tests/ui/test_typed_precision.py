"""A result's figures read as they were typed: "2.0" saved in the form is "2.0" in the form
and the chain tree after the database is opened again, full-width digits from a Chinese
input method included, and in the History and on the Mine page."""

from __future__ import annotations

from pathlib import Path

from test_detail_chain import click_node, form_field
from test_detail_problem import PROBLEM, click, make_panel, retype, type_text

from workbench.app import open_services
from workbench.services import Services
from workbench.services.chain import CAUSE, RESULT, SOLUTION
from workbench.services.records import ProblemDetail
from workbench.settings import Settings
from workbench.ui.detail.panel import ProblemDetailPanel
from workbench.ui.main_window import MainWindow


def _solution(services: Services) -> tuple[ProblemDetail, int]:
    problem = services.problems.create(PROBLEM)
    detail = services.chain.add(CAUSE, problem.id, {"description": "物料编码不统一"})
    detail = services.chain.add(SOLUTION, detail.causes[0].id, {"title": "统一物料编码"})
    return problem, detail.causes[0].solutions[0].id


def _new_result(qtbot, panel: ProblemDetailPanel, solution_id: int) -> None:
    click_node(qtbot, panel, ("solution", solution_id))
    click(qtbot, panel.chain.add_result)


def _add_result(
    qtbot, panel: ProblemDetailPanel, solution_id: int, baseline: str, after: str
) -> None:
    _new_result(qtbot, panel, solution_id)
    type_text(form_field(panel, "result", "metric"), "库存差异率")
    type_text(form_field(panel, "result", "unit"), "%")
    type_text(form_field(panel, "result", "baseline_value"), baseline)
    type_text(form_field(panel, "result", "value_after"), after)
    click(qtbot, panel.chain.forms["result"].save_button)


def _shown(qtbot, panel: ProblemDetailPanel, result_id: int) -> tuple[str, str, str]:
    """The result's line in the tree and its two figures in the form, once selected."""
    click_node(qtbot, panel, ("result", result_id))
    item = panel.chain.tree.item(("result", result_id))
    assert item is not None
    return (
        item.text(1),
        form_field(panel, "result", "baseline_value").text(),
        form_field(panel, "result", "value_after").text(),
    )


def test_typed_figures_read_the_same_after_reopening_the_database(
    qtbot, qapp_lang, db_path: Path
) -> None:
    services = open_services(str(db_path), Settings(user="tester"))
    problem, solution_id = _solution(services)
    panel = make_panel(qtbot, services, problem.id)
    _add_result(qtbot, panel, solution_id, "2.0", "1.20")
    result_id = services.problems.get(problem.id).results()[0].id
    assert _shown(qtbot, panel, result_id) == ("2.0% → 1.20%, improved 40%", "2.0", "1.20")
    assert not panel.chain.forms["result"].changes()  # what is shown is what is saved
    panel.close()
    services.close()

    reopened = open_services(str(db_path), Settings(user="tester"))
    try:
        panel = make_panel(qtbot, reopened, problem.id)
        assert _shown(qtbot, panel, result_id) == ("2.0% → 1.20%, improved 40%", "2.0", "1.20")

        retype(qtbot, form_field(panel, "result", "value_after"), "4")
        assert panel.chain.forms["result"].change.text() == "2.0% → 4%, worse by 100%"
        click(qtbot, panel.chain.forms["result"].save_button)
        assert _shown(qtbot, panel, result_id) == ("2.0% → 4%, worse by 100%", "2.0", "4")

        panel.tabs.show_history()
        changes = [row[1:] for row in panel.tabs.history.rows()]
        assert changes[0] == ("Result: Value after", "1.20", "4")
    finally:
        reopened.close()


def test_full_width_digits_from_an_input_method_are_saved_as_typed(
    qtbot, qapp_lang, services: Services, type_with_input_method
) -> None:
    problem, solution_id = _solution(services)
    panel = make_panel(qtbot, services, problem.id)
    _new_result(qtbot, panel, solution_id)
    type_with_input_method(form_field(panel, "result", "metric"), "库存差异率")
    type_with_input_method(form_field(panel, "result", "baseline_value"), "２．５０")
    type_with_input_method(form_field(panel, "result", "value_after"), "１．２")
    form = panel.chain.forms["result"]
    assert form.change.text() == "2.50 → 1.2, improved 52%"
    click(qtbot, form.save_button)
    result = services.problems.get(problem.id).results()[0]
    assert (result.baseline_value, result.baseline_decimals, result.value_after) == (2.5, 2, 1.2)
    assert _shown(qtbot, panel, result.id)[1:] == ("2.50", "1.2")


def test_a_comma_is_said_under_its_field(qtbot, qapp_lang, services: Services) -> None:
    problem, solution_id = _solution(services)
    panel = make_panel(qtbot, services, problem.id)
    _new_result(qtbot, panel, solution_id)
    type_text(form_field(panel, "result", "metric"), "库存差异率")
    type_text(form_field(panel, "result", "baseline_value"), "2,0")
    form = panel.chain.forms["result"]
    click(qtbot, form.save_button)
    assert form.form.error_label("baseline_value").text() == (
        "Baseline has a comma: write decimals after a point (2.0), without separators."
    )
    assert form.change.text() == "—"
    assert services.problems.get(problem.id).results() == []


def test_mine_shows_a_results_figures_as_typed(qtbot, qapp_lang, db_path: Path) -> None:
    services = open_services(str(db_path), Settings(user="wang"))
    try:
        me = services.lookups.add_person("wang", "王小明").id
        problem = services.problems.create({**PROBLEM, "owner_id": me})
        cause = services.chain.add(CAUSE, problem.id, {"description": "物料编码不统一"})
        solution = services.chain.add(SOLUTION, cause.causes[0].id, {"title": "统一物料编码"})
        values = {"metric": "差异率", "unit": "%", "baseline_value": "2.0", "value_after": "1.20"}
        services.chain.add(RESULT, solution.causes[0].solutions[0].id, values)
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        page = window.open_page("mine")
        results = page.tree.topLevelItem(2)
        assert results.child(0).text(1) == "差异率 · 2.0% → 1.20%"
    finally:
        services.close()
