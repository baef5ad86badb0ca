"""A result measured by a KPI series from the record's result editor: the dialog proposes
a series, shows the effect it computes, Link writes it as one step of the undo, the form
and the outline show it (a relapse in red), Unlink takes it away; undo and redo."""

from __future__ import annotations

import pytest
from test_detail_chain import add_chain, click_node
from test_detail_problem import PROBLEM, click, make_panel, retype

from workbench.services import Services
from workbench.services.chain import SOLUTION
from workbench.services.kpi_records import MeasurementInput
from workbench.services.records import ProblemDetail
from workbench.services.user_data import has_user_data


@pytest.fixture
def linked_setup(services: Services, reviewer: Services):
    """The problem at site 无锡工厂, its solution done 2026-01-10, and the new database's
    库存差异率 measured there: 0.9 before, 0.45 at +30 days, 0.8 from +90 days (a relapse)."""
    site = services.lookups.add_site("WX", "无锡工厂").id
    problem = services.problems.create({**PROBLEM, "site_id": site})
    detail = add_chain(services, reviewer, problem)
    solution = detail.causes[0].solutions[0]
    services.chain.update(SOLUTION, solution.id, {"done_on": "2026-01-10"})
    variance = next(k for k in services.kpis.kpis() if k.preset == "inventory_variance")
    values = {"2025-10": "0.9", "2025-11": "0.9", "2025-12": "0.9", "2026-02": "0.45"}
    values.update({"2026-03": "0.6", "2026-04": "0.8", "2026-05": "0.8"})
    services.kpis.write_measurements(
        [MeasurementInput(variance.id, p, v, site_id=site) for p, v in values.items()]
    )
    return services.problems.get(problem.id), variance, site


def _result_shown(qtbot, services, detail: ProblemDetail):
    panel = make_panel(qtbot, services, detail.id)
    result = detail.results()[0]
    click_node(qtbot, panel, ("result", result.id))
    form = panel.chain.result_form
    qtbot.waitUntil(lambda: form.link_series.height() > 0)  # laid out, to be clicked
    return panel, form, result


def test_linking_a_result_to_a_kpi_series_shows_the_effect_and_is_undone_and_redone(
    qtbot, qapp_lang, services, linked_setup
) -> None:
    detail, variance, site = linked_setup
    panel, form, result = _result_shown(qtbot, services, detail)
    assert form.series.text() == "—" and not form.unlink_series.isEnabled()

    click(qtbot, form.link_series)
    dialog = panel.chain.series_dialog
    assert dialog is not None and dialog.isVisible()
    # Proposed: the KPI named like the metric, at the problem's site, the three months
    # before the solution's as the baseline, from February on after it.
    choice = dialog.choice()
    assert (choice.kpi_id, choice.site_id, choice.department_id) == (variance.id, site, None)
    assert (choice.baseline_from, choice.baseline_to, choice.after_from) == (
        "2025-10",
        "2025-12",
        "2026-02",
    )
    # Baseline 0.90, after (0.45 + 0.6 + 0.8 + 0.8) / 4 = 0.66: improved 26%; +30 days
    # 50%, +90 days 11%: a relapse.
    assert "0.90 (2025-10 to 2025-12) → 0.66 (from 2026-02), improved 26%" in dialog.effect.text()
    assert "+30 days 50%, +90 days 11%" in dialog.effect.text()
    assert "Relapse" in dialog.effect.text()
    retype(qtbot, dialog.after_from, "2026-13")
    assert not dialog.link_button.isEnabled() and "2026-03" in dialog.effect.text()
    retype(qtbot, dialog.after_from, "2026-02")
    assert dialog.link_button.isEnabled()
    heard = []
    services.subscribe(heard.append)
    click(qtbot, dialog.link_button)

    # The change notice the Dashboard's improvement effects follow.
    assert any(change.touches("result_kpi") for change in heard)

    linked = services.effects.of_result(result.id)
    assert linked is not None and linked.effect.relapse
    assert "0.66 (from 2026-02), improved 26%" in form.series.text()
    assert "Relapse" in form.series.text() and form.unlink_series.isEnabled()
    item = panel.chain.tree.item(("result", result.id))
    assert item.text(1) == "0.90 → 0.66, improved 26% · ⚠ Relapse"
    assert panel.undo_stack.undoText() == "Link KPI series"
    assert has_user_data(services.database)

    panel.undo_stack.undo()
    assert services.effects.of_result(result.id) is None
    assert form.series.text() == "—"
    assert panel.chain.tree.item(("result", result.id)).text(1) == "2.0% → 1.2%, improved 40%"

    panel.undo_stack.redo()
    assert services.effects.of_result(result.id) is not None
    assert "improved 26%" in form.series.text()

    click(qtbot, form.unlink_series)
    assert services.effects.of_result(result.id) is None and form.series.text() == "—"
    panel.undo_stack.undo()
    assert services.effects.of_result(result.id).kpi == linked.kpi


def test_cancelling_the_dialog_writes_nothing(qtbot, qapp_lang, services, linked_setup) -> None:
    detail, _variance, _site = linked_setup
    panel, form, result = _result_shown(qtbot, services, detail)
    count = panel.undo_stack.count()
    click(qtbot, form.link_series)
    panel.chain.series_dialog.reject()
    assert services.effects.of_result(result.id) is None
    assert panel.undo_stack.count() == count
