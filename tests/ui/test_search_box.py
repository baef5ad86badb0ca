"""The one search box driven as a user would: Ctrl+K from any page, a Chinese query typed
through the input method, results grouped by kind with the matching words highlighted,
Enter opening the hit on its page; Ctrl+F on a page without its own search opens it
too; a query that finds nothing goes on the not-found list with Enter. And the
Knowledge page: an entry saved, voted on, deleted and brought back with Ctrl+Z, an
outdated entry shown as outdated, a problem's Knowledge tab, the list fitting its pane."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workbench.services import Services
from workbench.ui.knowledge_page import KnowledgePage
from workbench.ui.search_box import HIT_ROLE, SearchBox

pytestmark = pytest.mark.usefixtures("qapp_lang")


@pytest.fixture
def faq(record: Services) -> int:
    made = record.knowledge.create(
        {"kind": "faq", "title": "盘点差异怎么查？", "body": "先看**库存流水**，再查 MB51。"}
    )
    return made.id


def _typed(qtbot, box: SearchBox, type_with_input_method, text: str) -> None:
    with qtbot.waitSignal(box.answered, timeout=5000):
        type_with_input_method(box.query, text)


def _hits(box: SearchBox) -> list[tuple[str, int, str]]:
    found = []
    for row in range(box.results.count()):
        hit = box.results.item(row).data(HIT_ROLE)
        if hit is not None:
            label = box.results.itemWidget(box.results.item(row))
            assert isinstance(label, QLabel)
            found.append((hit.kind, hit.ref, label.text()))
    return found


def test_typing_a_query_and_opening_a_hit(qtbot, window, record, faq, type_with_input_method):
    window.open_page("training")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = window.search_box
    assert box is not None and box.isVisible() and box.query.hasFocus()
    _typed(qtbot, box, type_with_input_method, "库存")  # 2 characters: from the gram index
    hits = _hits(box)
    kinds = [kind for kind, _, _ in hits]
    assert kinds.count("problem") == 3  # 库存差异率高 #1, #9, #17
    assert ("knowledge_entry", faq) in [(k, r) for k, r, _ in hits]
    assert all("库存</span>" in text for _, _, text in hits)  # highlighted in every hit
    headings = [
        box.results.item(row).text()
        for row in range(box.results.count())
        if box.results.item(row).data(HIT_ROLE) is None
    ]
    assert headings == ["Problem (3)", "Knowledge entry (1)"] or headings == [
        "Knowledge entry (1)",
        "Problem (3)",
    ]
    first = next(h for h in (box.results.item(r).data(HIT_ROLE) for r in range(5)) if h)
    qtbot.keyClick(box.query, Qt.Key.Key_Return)
    assert not box.isVisible()
    if first.kind == "problem":
        assert window.stack.currentWidget() is window.page("problems")
        assert window.page("problems").detail._detail.id == first.ref
    else:
        page = window.page("knowledge")
        assert window.stack.currentWidget() is page
        assert page.form.entry is not None and page.form.entry.id == first.ref


def test_a_four_character_query_opens_the_knowledge_entry(
    qtbot, window, record, faq, type_with_input_method
):
    box = window.open_search()
    assert box is not None
    _typed(qtbot, box, type_with_input_method, "盘点差异 mb51")  # words ANDed, any case
    assert [(k, r) for k, r, _ in _hits(box)] == [("knowledge_entry", faq)]
    qtbot.keyClick(box.query, Qt.Key.Key_Down)
    assert box.results.hasFocus()
    qtbot.keyClick(box.results, Qt.Key.Key_Return)
    page = window.page("knowledge")
    assert isinstance(page, KnowledgePage)
    assert window.stack.currentWidget() is page and page.form.entry.id == faq
    assert record.knowledge.get(faq).views == 1  # opening it counted a view


def test_ctrl_f_on_a_page_without_a_search_and_a_miss_noted(
    qtbot, window, record, type_with_input_method
):
    window.open_page("mine")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = window.search_box
    assert box is not None and box.isVisible()
    _typed(qtbot, box, type_with_input_method, "销售退货")
    assert _hits(box) == []
    qtbot.keyClick(box.query, Qt.Key.Key_Return)
    assert [m.query for m in record.search.misses()] == ["销售退货"]
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.isVisible()
    window.open_page("problems")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert not box.isVisible()  # the Problems list keeps Ctrl+F for its own filter


def test_knowledge_page_save_vote_delete_undo_and_outdated(qtbot, window, record, faq):
    page = window.open_page("knowledge")
    assert isinstance(page, KnowledgePage)
    page.new_entry("tip")
    page.form.form.type_values({"title": "冻结库存再盘点", "body": "## 步骤\n1. 冻结", "links": ""})
    page.form.try_save()
    made = [r for r in record.knowledge.entries() if r.title == "冻结库存再盘点"]
    assert len(made) == 1 and page.form.entry.id == made[0].id
    assert "步骤" in page.form.preview.toPlainText()  # the Markdown shown rendered
    assert "##" not in page.form.preview.toPlainText()
    page.vote(True)
    assert record.knowledge.get(made[0].id).helpful == 1
    page.table.setFocus()
    page.delete_entry()
    assert all(r.id != made[0].id for r in record.knowledge.entries())
    page.undo_stack.undo()  # Ctrl+Z: the same entry (same id) back, with its vote
    assert record.knowledge.get(made[0].id).helpful == 1
    assert page.model.row_of(made[0].id) is not None
    record.knowledge.update(faq, {"status": "published"})
    record.knowledge.update(faq, {"status": "outdated"})
    page.sort.setCurrentIndex(page.sort.findData("newest"))  # the list read again
    row = page.model.row_of(faq)
    assert row is not None
    assert page.model.index(row, 1).data().startswith("[Outdated]")


def test_a_problems_knowledge_tab_lists_its_entries_and_opens_one(qtbot, window, record, faq):
    problem = record.search.search("库存差异率高", kinds=("problem",)).hits[0].ref
    record.knowledge.link(faq, "problem", problem)
    page = window.open_page("problems")
    page.select_problem(problem)
    tabs = page.detail.tabs
    tabs.setCurrentWidget(tabs.knowledge)
    view = tabs.knowledge
    assert [row.id for row in view.rows()] == [faq]
    assert view.table.item(0, 1).text() == "盘点差异怎么查？"
    assert view.table.item(0, 2).text() == "Draft"
    view.table.cellDoubleClicked.emit(0, 1)
    knowledge = window.page("knowledge")
    assert window.stack.currentWidget() is knowledge
    assert knowledge.form.entry is not None and knowledge.form.entry.id == faq


def test_an_image_pasted_into_the_body_is_kept_in_the_database_and_shown(
    qtbot, window, record, faq
):
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QColor, QImage, QTextDocument

    page = window.open_page("knowledge")
    page.open_record("knowledge_entry", faq)
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    data = QMimeData()
    data.setImageData(image)
    body = page.form.body
    assert body.canInsertFromMimeData(data)
    body.insertFromMimeData(data)
    kept = record.attachments.list_for("knowledge_entry", faq)
    assert [(a.file_name, a.media_type) for a in kept] == [("screenshot.png", "image/png")]
    assert f"![screenshot.png](attachment:{kept[0].id})" in body.toPlainText()
    page.form.preview.show_markdown(body.toPlainText())
    shown = page.form.preview.loadResource(
        QTextDocument.ResourceType.ImageResource.value, f"attachment:{kept[0].id}"
    )
    assert isinstance(shown, QImage) and shown.size() == image.size()
    assert page.form.changes()  # the reference is typing to save like any other


def test_a_newer_query_cancels_the_one_still_running(qtbot, record):
    """LatestAnswer(cancel_older=True), as the search box uses it: the older job is told to
    stop (its search raises Cancelled at SQLite's next check) and only the newer answer
    comes."""
    import threading
    import time

    from workbench.services.progress import Progress
    from workbench.ui.operations import LatestAnswer

    latest = LatestAnswer(cancel_older=True)
    started = threading.Event()
    stopped: list[bool] = []

    def slow(progress: Progress) -> str:
        started.set()
        deadline = time.monotonic() + 5
        while not progress.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        stopped.append(progress.cancelled)
        progress.check()  # raises Cancelled
        return "old"

    answers: list[object] = []
    latest.answered.connect(answers.append)
    latest.ask(slow)
    assert started.wait(5)
    with qtbot.waitSignal(latest.answered, timeout=5000):
        latest.ask(lambda progress: record.search.search("库存", progress=progress))
    assert stopped == [True]
    assert len(answers) == 1 and answers[0].query == "库存"


def test_a_champion_answers_a_search_that_found_nothing(qtbot, window, record):
    record.search.search("退货 流程", remember=True)
    page = window.open_page("knowledge")
    page.tabs.setCurrentIndex(1)
    assert page.misses.rowCount() == 1 and page.misses.row(0).query == "退货 流程"
    page.miss_table.selectRow(0)
    page.answer_miss()
    assert page.tabs.currentIndex() == 0 and page.form.entry is None
    assert page.form.values()["title"] == "退货 流程" and page.form.values()["kind"] == "faq"
    page.form.form.type_values({"body": "退货先建**退货订单**。"})
    page.form.try_save()
    assert record.search.misses() == ()  # answered: off the list
    assert [h.kind for h in record.search.search("退货 流程").hits] == ["knowledge_entry"]


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_knowledge_list_fits_its_pane_without_scrolling_sideways(qtbot, window, record, size):
    for n in range(12):  # long titles: the title column gives way, the others show whole
        record.knowledge.create({"kind": "tip", "title": "用批量复制快速创建重复订单" * 3 + str(n)})
    window.resize(*size)
    page = window.open_page("knowledge")
    assert isinstance(page, KnowledgePage)
    page.sort.setCurrentIndex(page.sort.findData("newest"))
    qtbot.waitUntil(lambda: page.table.viewport().width() > 0)
    assert page.table.horizontalScrollBar().maximum() == 0
    last = page.model.columnCount() - 1
    header = page.table.horizontalHeader()
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= (
        page.table.viewport().width()
    )
    assert header.sectionSize(last) >= page.table.sizeHintForColumn(last)  # dates whole
