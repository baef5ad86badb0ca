"""Fixtures for the window tests: a small record made through the services, and a large
list inserted directly (list tests never run `check`, so no audit rows are needed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert

from workbench.services import Services
from workbench.store.models import Problem
from workbench.ui.main_window import MainWindow
from workbench.ui.qt_app import ensure_application

MODULES = ("采购", "库存", "销售", "生产", "财务")
SITES = (("SZ", "苏州工厂"), ("WX", "无锡工厂"), ("NB", "宁波仓库"))
TITLES = (
    "库存差异率高",
    "采购订单审批慢",
    "物料编码重复",
    "销售订单交期不准",
    "月度报表生成超时",
    "Goods receipt posted twice",
    "生产工单报工延迟",
    "财务凭证手工调整多",
)
FREQUENCIES = ("several_daily", "daily", "weekly", "monthly", "rarely")
# Statuses reached by walking the allowed transitions from "open".
WALKS = ((), ("analysing",), ("analysing", "solving"), ("rejected",))


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window closed at the end of a test with typing in it would ask Save / Discard /
    Stay in a dialog, and a draft left over would be offered back: in tests the default
    answers are Discard and No (a test that is about a question answers it itself)."""
    from workbench.ui import leaving
    from workbench.ui.detail import unsaved

    monkeypatch.setattr(leaving, "ask_leave", lambda *_: leaving.Leave.DISCARD)
    monkeypatch.setattr(unsaved, "ask_confirmation", lambda *_: False)


@pytest.fixture
def qapp_lang(qapp) -> Iterator[None]:
    """The application in English (the source language) with the CJK font loaded; English
    again afterwards, whatever language the test switched to."""
    ensure_application("en")
    yield
    ensure_application("en")


@pytest.fixture
def window(record: Services, qtbot) -> MainWindow:
    """The main window on ``record``, shown, opened on the Problems page (the window's
    own first page is the Dashboard; tests/ui/test_kpi_pages.py starts there)."""
    main = MainWindow(record, first="problems")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _commit_text(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def type_with_input_method() -> Callable[[object, str], None]:
    """Commit text the way a Chinese input method does (QTest cannot type non-Latin keys)."""
    return _commit_text


@pytest.fixture
def record(services: Services, qapp_lang) -> Services:
    """Services on a database with lookups and 24 problems in mixed statuses."""
    lookups = services.lookups
    modules = [lookups.add_module(name).id for name in MODULES]
    sites = [lookups.add_site(code, name).id for code, name in SITES]
    department = lookups.add_department("仓储部").id
    owner = lookups.add_person("wang", "王小明", department).id
    for n in range(24):
        problem = services.problems.create(
            {
                "title": f"{TITLES[n % len(TITLES)]} #{n + 1}",
                "erp_module_id": modules[n % len(modules)],
                "site_id": sites[n % len(sites)],
                "department_id": department,
                "owner_id": owner if n % 2 else None,
                "severity": n % 5 + 1,
                "impact": (n * 3) % 5 + 1,
                "frequency": FREQUENCIES[n % len(FREQUENCIES)],
                "reported_on": dt.date(2026, 1, 1) + dt.timedelta(days=(n * 7) % 60),
                "tags": "主数据" if n % 3 == 0 else "",
            }
        )
        for status in WALKS[n % len(WALKS)]:
            reason = "与已有问题重复" if status == "rejected" else ""  # a reject says why
            services.problems.change_status(problem.id, status, reason=reason)
    return services


@pytest.fixture
def insert_problems() -> Callable[[Services, int], None]:
    """Insert problems at once with SQLAlchemy core (fast, not audited)."""
    return _insert_problems


def _insert_problems(services: Services, count: int) -> None:
    now = dt.datetime(2026, 1, 1, 8, 0)
    rows = [
        {
            "code": f"P-2025-{n:06d}",
            "title": f"{TITLES[n % len(TITLES)]} {n}",
            "description": "",
            "severity": n % 5 + 1,
            "impact": n % 4 + 1,
            "frequency": FREQUENCIES[n % len(FREQUENCIES)],
            "reported_on": dt.date(2025, 1, 1) + dt.timedelta(days=n % 365),
            "tags": "",
            "status": ("open", "analysing", "solving")[n % 3],
            "created_at": now,
            "updated_at": now,
        }
        for n in range(1, count + 1)
    ]
    with services.database.writer_engine.begin() as connection:
        connection.execute(insert(Problem), rows)
