"""The record workspace on a plant laptop: the outline beside a full-height editor whose
Save is always in view at 1366×768, moving between records without losing typing, the
list hidden for room and the panes remembered, and the History tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from test_detail_chain import WHYS, add_chain, click_node, form_field
from test_detail_problem import PROBLEM, click, retype, type_text

from workbench.list_views import ListViews
from workbench.services import Services
from workbench.services.records import ProblemDetail
from workbench.ui.leaving import Leave
from workbench.ui.main_window import MainWindow


@pytest.fixture
def problem(services: Services) -> ProblemDetail:
    return services.problems.create({**PROBLEM, "description": "月度盘点账实差异率达2.0%。"})


@pytest.fixture
def chain(services: Services, reviewer: Services, problem: ProblemDetail) -> ProblemDetail:
    return add_chain(services, reviewer, problem)


def laptop_window(qtbot, services: Services, size: tuple[int, int]) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def in_view(widget: QWidget, window: QWidget) -> bool:
    """Whether ``widget`` is shown whole inside the window, not cut off at its edge."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return (
        widget.isVisible()
        and top_left.x() >= 0
        and top_left.y() >= 0
        and top_left.x() + widget.width() <= window.width()
        and top_left.y() + widget.height() <= window.height()
    )


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_record_of_the_chain_is_edited_whole_with_save_in_view(
    qtbot,
    qapp_lang,
    services,
    chain,
    size,
) -> None:
    window = laptop_window(qtbot, services, size)
    window.open_problem(chain.code)
    panel = window.page("problems").detail
    cause = chain.causes[0]
    solution = cause.solutions[0]
    nodes = [
        ("problem", chain.id),
        ("cause", cause.id),
        ("solution", solution.id),
        ("result", solution.results[0].id),
    ]
    for key in nodes:
        click_node(qtbot, panel, key)
        editor = panel.chain.shown_editor()
        qtbot.waitUntil(editor.isVisible)
        assert editor is panel.chain.editor_for(key)
        assert editor.fits(), f"{key[0]} needs scrolling at {size}"
        assert in_view(editor.save_button, window), key
        for name in editor.form.names():
            assert in_view(editor.form.widget(name), window), (key, name)
    whys = panel.chain.forms["cause"].whys.list
    click_node(qtbot, panel, nodes[1])
    assert [whys.item(i).text() for i in range(whys.count())] == WHYS  # all five seen


def test_moving_to_another_node_asks_before_typing_is_left(
    qtbot,
    qapp_lang,
    services,
    chain,
) -> None:
    window = laptop_window(qtbot, services, (1366, 768))
    window.open_problem(chain.code)
    panel = window.page("problems").detail
    cause = chain.causes[0]
    click_node(qtbot, panel, ("cause", cause.id))
    description = form_field(panel, "cause", "description")
    retype(qtbot, description, "物料编码规则缺失")
    assert panel.chain.tree.item(("cause", cause.id)).text(0).startswith("• ")
    asked: list[str] = []
    panel.chain.ask = lambda title, text: asked.append(text) or Leave.STAY

    click_node_later = panel.chain.tree.item(("problem", chain.id))
    panel.chain.tree.setCurrentItem(click_node_later)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == ["Cause has changes that are not saved. Save them?"]
    assert panel.chain.tree.selected() == ("cause", cause.id)  # Stay: still there
    assert description.toPlainText() == "物料编码规则缺失"

    panel.chain.ask = lambda title, text: Leave.SAVE
    panel.chain.tree.setCurrentItem(panel.chain.tree.item(("problem", chain.id)))
    qtbot.waitUntil(lambda: panel.chain.shown_editor() is panel.problem_form)
    assert services.problems.get(chain.id).causes[0].description == "物料编码规则缺失"
    assert not panel.chain.tree.item(("cause", cause.id)).text(0).startswith("• ")


def test_a_new_cause_being_typed_is_not_dropped_by_adding_another(
    qtbot,
    qapp_lang,
    services,
    chain,
) -> None:
    window = laptop_window(qtbot, services, (1366, 768))
    window.open_problem(chain.code)
    panel = window.page("problems").detail
    click(qtbot, panel.chain.add_cause)
    type_text(form_field(panel, "cause", "description"), "没有培训")
    panel.chain.ask = lambda title, text: Leave.STAY
    click(qtbot, panel.chain.add_cause)
    assert form_field(panel, "cause", "description").toPlainText() == "没有培训"
    assert len(services.problems.get(chain.id).causes) == 1


def test_the_list_hides_for_room_and_the_panes_come_back_as_left(
    qtbot,
    qapp_lang,
    services,
    chain,
) -> None:
    window = laptop_window(qtbot, services, (1366, 768))
    window.open_problem(chain.code)
    page = window.page("problems")
    editor_width = page.detail.width()
    click(qtbot, page.list_button)
    qtbot.waitUntil(lambda: page.splitter.sizes()[0] == 0)
    assert page.list_button.text() == "▶ List"
    assert page.detail.width() > editor_width + 300
    qtbot.waitUntil(lambda: ListViews().load("problems").splits.get("list", (1,))[0] == 0)
    outline = page.detail.body
    outline.setSizes([420, outline.width() - 420])
    outline.splitterMoved.emit(420, 1)
    qtbot.waitUntil(lambda: ListViews().load("problems").splits["record"][0] == 420)
    window.close()

    again = laptop_window(qtbot, services, (1366, 768))
    again.open_problem(chain.code)
    page = again.page("problems")
    qtbot.waitUntil(lambda: page.splitter.sizes()[0] == 0)  # still hidden
    assert abs(page.detail.body.sizes()[0] - 420) <= 2
    click(qtbot, page.list_button)
    assert page.splitter.sizes()[0] > 300
    assert page.list_button.text() == "◀ List"


def test_the_history_tab_follows_each_save_while_it_is_shown(
    qtbot, qapp_lang, services, problem
) -> None:
    window = laptop_window(qtbot, services, (1366, 768))
    window.open_problem(problem.code)
    panel = window.page("problems").detail
    panel.tabs.show_history()
    assert panel.tabs.history.rows()[0] == ("tester", "Problem created", "", "")
    panel.tabs.show_record()
    retype(qtbot, panel.problem_form.form.widget("title"), "盘点差异大")
    qtbot.keyClick(panel.problem_form.form.widget("title"), Qt.Key.Key_Return)
    panel.tabs.show_history()
    latest = panel.tabs.history.rows()[0]
    assert latest == ("tester", "Problem: Title", "库存差异率高", "盘点差异大")
    panel.new_problem()
    assert not panel.tabs.isTabEnabled(2)  # nothing saved yet, no History
    assert not panel.tabs.isTabEnabled(1)  # nor attachments
    assert panel.tabs.currentIndex() == 0


def test_each_record_keeps_its_own_attachments_and_a_closed_problem_only_shows_them(
    qtbot,
    qapp_lang,
    services,
    chain,
) -> None:
    window = laptop_window(qtbot, services, (1366, 768))
    window.open_problem(chain.code)
    panel = window.page("problems").detail
    tabs, view = panel.tabs, panel.tabs.attachments
    cause = chain.causes[0]
    click_node(qtbot, panel, ("cause", cause.id))
    tabs.show_attachments()
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#c62828"))  # an ERP error screen
    QApplication.clipboard().setImage(image)
    window.activateWindow()  # shortcuts work in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.list.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tabs.tabText(1) == "Attachments (1)")
    assert [a.file_name for a in services.attachments.list_for("cause", cause.id)] == [
        view.attachments()[0].file_name
    ]

    click_node(qtbot, panel, ("problem", chain.id))
    assert view.owner() == ("problem", chain.id) and view.attachments() == []
    assert tabs.tabText(1) == "Attachments"
    click_node(qtbot, panel, ("solution", cause.solutions[0].id))
    assert not tabs.isTabEnabled(1)  # a solution's evidence is its result's
    assert tabs.currentIndex() == 0

    services.chain.verify_result(chain.results()[0].id)  # li.lei measured it
    for status in ("analysing", "solving", "verifying", "closed"):
        services.problems.change_status(chain.id, status)
    panel.refresh()
    click_node(qtbot, panel, ("cause", cause.id))
    assert len(view.attachments()) == 1  # still shown …
    assert not view.add_button.isEnabled() and not view.paste_button.isEnabled()  # … read-only


def test_adding_and_removing_an_attachment_are_steps_of_the_records_undo(
    qtbot, qapp_lang, services, problem, tmp_path
) -> None:
    window = laptop_window(qtbot, services, (1366, 768))
    window.open_problem(problem.code)
    panel = window.page("problems").detail
    view = panel.tabs.attachments
    panel.tabs.show_attachments()
    sheet = tmp_path / "盘点表.csv"
    sheet.write_bytes("物料,账面,实盘\nA-01,100,98\n".encode("gb18030"))
    assert view.add_files([sheet]) == 1
    assert panel.undo_stack.undoText() == "Add attachment 盘点表.csv"
    view.list.setCurrentRow(0)
    assert view.remove_selected()
    assert view.attachments() == [] and "Ctrl+Z brings it back" in view.status.text()
    assert not view.undo_button.isVisible()  # the record's undo, not one of its own

    panel.undo_stack.undo()  # as Ctrl+Z from anywhere in the window
    (back,) = services.attachments.list_for("problem", problem.id)
    assert services.attachments.content(back.id) == sheet.read_bytes()
    assert [a.file_name for a in view.attachments()] == ["盘点表.csv"]
    panel.undo_stack.undo()
    assert services.attachments.list_for("problem", problem.id) == []
    assert view.attachments() == []


def test_a_problems_training_shows_in_its_tab_and_opens_on_the_training_page(
    qtbot,
    qapp_lang,
    services,
    chain,
) -> None:
    import datetime as dt

    module = services.lookups.add_module("库存").id
    drill = services.training.create(
        {
            "kind": "drill",
            "topic": "盘点演练",
            "erp_module_id": module,
            "held_on": dt.date(2026, 5, 6),
        }
    )
    solution = chain.causes[0].solutions[0]
    services.training.link(drill.id, solution_id=solution.id)
    window = laptop_window(qtbot, services, (1366, 768))
    window.open_problem(chain.code)
    panel = window.page("problems").detail
    panel.tabs.setCurrentWidget(panel.tabs.training)
    table = panel.tabs.training.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in (0, 1, 3)] == ["2026-05-06", drill.code, "盘点演练"]
    assert solution.title in table.item(0, 4).text()

    table.cellDoubleClicked.emit(0, 1)
    training = window.page("training")
    assert window.stack.currentWidget() is training
    assert training.selected_id() == drill.id
