"""The Mine page: what needs me today, and a double-click opens the problem."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from workbench.app import open_services
from workbench.services.chain import CAUSE, SOLUTION
from workbench.services.records import ProblemFilter
from workbench.settings import Settings
from workbench.ui.main_window import MainWindow


def test_my_work_is_listed_counted_at_start_and_opens_its_problem(qtbot, qapp_lang, db_path):
    services = open_services(str(db_path), Settings(user="wang"))
    try:
        me = services.lookups.add_person("wang", "王小明").id
        problem = services.problems.create(
            {
                "title": "库存差异率高",
                "severity": 4,
                "impact": 3,
                "frequency": "weekly",
                "reported_on": "2026-03-01",
                "owner_id": me,
            }
        )
        cause = services.chain.add(CAUSE, problem.id, {"description": "物料编码不统一"})
        overdue = (services.mine.today() - dt.timedelta(days=1)).isoformat()
        services.chain.add(
            SOLUTION,
            cause.causes[0].id,
            {"title": "统一物料编码", "owner_id": me, "due_on": overdue},
        )
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: "2 things need you" in window.statusBar().currentMessage())

        page = window.open_page("mine")
        tree = page.tree
        groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        assert groups[0].text(0) == "My open problems (1)"
        assert groups[1].text(0).startswith("My solutions overdue") and "(1)" in groups[1].text(0)
        solution = groups[1].child(0)
        assert (solution.text(1), solution.text(3)) == ("统一物料编码", overdue)
        assert solution.foreground(3).color() == Qt.GlobalColor.red

        problems = window.page("problems")
        problems.model.set_filter(ProblemFilter(text="不在列表里"))  # the list shows none
        window.open_page("mine")
        tree.setCurrentItem(solution)
        tree.itemActivated.emit(solution, 0)
        assert window.stack.currentWidget() is problems  # opened though the list hides it
        assert problems.detail.problem_id == problem.id
    finally:
        services.close()
