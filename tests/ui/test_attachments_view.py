"""The attachments view on a real database: a screenshot pasted from the clipboard is
listed with its thumbnail and previewed, dropped files are added (and a refused one is
said in the window's language), a file opens and saves as it was kept, a removal is
undone, and a closed problem's files are read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from workbench.services import Services
from workbench.services.records import ProblemDetail
from workbench.ui.detail.attachments_view import AttachmentsView
from workbench.ui.qt_app import ensure_application

VALID = {
    "title": "库存差异率高",
    "severity": 4,
    "impact": 3,
    "frequency": "weekly",
    "reported_on": "2025-03-01",
}


@pytest.fixture
def problem(services: Services, qapp_lang) -> ProblemDetail:
    return services.problems.create(VALID)


@pytest.fixture
def view(services: Services, problem: ProblemDetail, qtbot) -> AttachmentsView:
    shown = AttachmentsView(services)
    qtbot.addWidget(shown)
    shown.resize(450, 450)
    shown.show_owner("problem", problem.id, read_only=False)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _screenshot() -> QImage:
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#c62828"))  # an ERP error screen, as red as they come
    return image


def test_a_pasted_screenshot_is_listed_and_previewed(view, services, problem, qtbot):
    QApplication.clipboard().setImage(_screenshot())
    with qtbot.waitSignal(view.countChanged) as counted:
        assert view.paste() == 1
    assert counted.args == [1]
    (shot,) = services.attachments.list_for("problem", problem.id)
    assert shot.media_type == "image/png" and shot.file_name.startswith("screenshot-")
    assert view.list.count() == 1
    assert view.list.item(0).text().startswith(shot.file_name)
    assert not view.list.item(0).icon().isNull()
    assert view.preview.pixmap() is not None and not view.preview.pixmap().isNull()
    pasted = QImage.fromData(services.attachments.content(shot.id))
    assert pasted.size() == _screenshot().size()
    assert "Added" in view.status.text()


def test_ctrl_v_pastes_while_the_view_has_the_focus(view, services, problem, qtbot):
    QApplication.clipboard().setImage(_screenshot())
    view.activateWindow()
    view.list.setFocus()
    qtbot.waitUntil(view.list.hasFocus)
    qtbot.keyClick(view.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.list.count() == 1)
    assert len(services.attachments.list_for("problem", problem.id)) == 1


def test_dropped_files_are_added_and_a_refused_one_is_said(view, services, problem, tmp_path):
    sheet = tmp_path / "盘点表.csv"
    sheet.write_text("物料,账面,实盘\n", encoding="utf-8")
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sheet)), QUrl.fromLocalFile(str(empty))])
    assert view.add_from_mime(mime) == 1  # what a drop does with the files dropped
    assert [a.file_name for a in view.attachments()] == ["盘点表.csv"]
    assert "空.txt is empty" in view.status.text()
    assert "No preview" in view.preview.text()


def test_a_file_over_the_limit_is_refused_in_chinese(services, problem, qtbot, tmp_path):
    services.team.set_attachment_limit(1024)
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"%PDF-" + b"0" * 2048)
    ensure_application("zh_CN")
    view = AttachmentsView(services)
    qtbot.addWidget(view)
    view.show_owner("problem", problem.id, read_only=False)
    assert view.add_files([big]) == 0
    assert view.status.text() == "scan.pdf超过附件大小上限1 KB。"
    assert view.attachments() == []


def test_open_and_save_write_the_file_as_kept(view, services, problem, tmp_path):
    services.attachments.add("problem", problem.id, "盘点表.csv", b"A-001,100,98\n")
    view.refresh()
    opened: list[QUrl] = []
    view.opener = lambda url: opened.append(url) or True
    view.open_selected()
    (url,) = opened
    assert Path(url.toLocalFile()).name == "盘点表.csv"
    assert Path(url.toLocalFile()).read_bytes() == b"A-001,100,98\n"
    target = tmp_path / "copy.csv"
    assert view.save_to(target)
    assert target.read_bytes() == b"A-001,100,98\n"


def test_remove_then_undo_brings_the_file_back(view, services, problem, qtbot):
    view.add_image(_screenshot(), "错误.png")
    with qtbot.waitSignal(view.countChanged) as counted:
        assert view.remove_selected()
    assert counted.args == [0]
    assert services.attachments.list_for("problem", problem.id) == []
    assert view.undo_button.isVisible() and "Removed 错误.png" in view.status.text()
    assert view.restore_removed()
    assert [a.file_name for a in view.attachments()] == ["错误.png"]
    assert not view.undo_button.isVisible()
    assert services.integrity.check(full=True).sound


def test_a_read_only_owner_opens_files_but_takes_none(view, services, problem):
    services.attachments.add("problem", problem.id, "a.png", _png())
    view.show_owner("problem", problem.id, read_only=True)
    assert view.open_button.isEnabled() and view.save_button.isEnabled()
    assert not view.add_button.isEnabled() and not view.paste_button.isEnabled()
    assert not view.remove_button.isEnabled() and not view.remove_selected()
    QApplication.clipboard().setImage(_screenshot())
    assert view.paste() == 0
    view.show_owner(None, None, read_only=False)  # a record not saved yet
    assert view.list.count() == 0 and not view.add_button.isEnabled()


def test_another_write_is_heard_through_the_change_notices(view, services, problem):
    heard = []
    unsubscribe = services.subscribe(heard.append)
    services.attachments.add("problem", problem.id, "b.png", _png())
    unsubscribe()
    view.on_changes(heard[0])
    assert [a.file_name for a in view.attachments()] == ["b.png"]


def _png() -> bytes:
    from workbench.ui.detail.attachment_items import png_bytes

    return png_bytes(_screenshot())
