"""One process start to a first paint: ``bare``, ``plot``, ``window DB``, ``list DB``,
``tiles DB`` or ``dashboard DB``.

Prints the wall-clock time (time.time()) of that paint, so the parent measures from the
moment it started the process to the paint, not to the exit.

``bare`` is the floor: an empty PySide6 QMainWindow. ``window`` and ``list`` start the
workbench through the same call as `workbench --db DB` (run_window) and quit on the first
paint of the main window, or on the first paint of the Problems list with rows in it.
``plot`` is the Dashboard's floor: a QMainWindow that imports SQLAlchemy's ORM and draws
one pyqtgraph plot, quitting when the plot paints. ``tiles`` and ``dashboard`` open on
the Dashboard and quit when its KPI tiles, or all its charts, are filled in and painted;
they start as the ``workbench`` command does, the Dashboard's first reading begun before
Qt is imported.
"""

from __future__ import annotations

import sys
import time


def main(argv: list[str]) -> int:
    mode = argv[0]
    early = None
    if mode in ("tiles", "dashboard"):
        # As `workbench` does (workbench.cli.main): the Dashboard's first reading begins
        # before Qt is imported.
        from workbench.services.first_dashboard import begin
        from workbench.settings import cache_dir

        early = begin(argv[1], "zh_CN", cache_dir())

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    def page_of(watched: QObject) -> QObject | None:
        while watched is not None and watched.objectName() != "dashboard_page":
            watched = watched.parent()
        return watched

    def painted(watched: QObject) -> bool:
        if mode in ("tiles", "dashboard"):
            page = page_of(watched)
            if page is None:
                return False
            if mode == "tiles":
                return bool(getattr(page, "tiles", None))
            return getattr(page, "readings", None) is not None
        if mode == "plot":
            return type(watched.parent()).__name__ == "PlotWidget"
        if mode == "list":
            view = watched.parent()
            return isinstance(view, QTableView) and view.model().rowCount() > 0
        return isinstance(watched, QMainWindow)

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and painted(watched) and not self.seen:
                self.seen = True
                print(f"{time.time():.6f}", flush=True)
                QTimer.singleShot(0, QApplication.instance().quit)
            return False

    spy = FirstPaint()
    if mode == "bare":
        app = QApplication([])
        app.installEventFilter(spy)
        window = QMainWindow()
        window.resize(1400, 900)
        window.show()
        return app.exec()

    if mode == "plot":
        import pyqtgraph as pg
        import sqlalchemy.orm  # noqa: F401 - the floor pays for the ORM as the program does

        app = QApplication([])
        app.installEventFilter(spy)
        window = QMainWindow()
        window.resize(1400, 900)
        plot = pg.PlotWidget()
        plot.plot([1, 3, 2, 4, 3, 5])
        window.setCentralWidget(plot)
        window.show()
        return app.exec()

    from workbench.ui.qt_app import ensure_application, run_window

    ensure_application("zh_CN").installEventFilter(spy)
    # The list is measured opening on the Problems page, as before the Dashboard came first.
    return run_window(
        argv[1],
        "zh_CN",
        first="problems" if mode in ("list", "window") else "dashboard",
        early=early,
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
