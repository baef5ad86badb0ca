"""One process start to a first paint: ``bare``, ``window DB`` or ``list DB``.

Prints the wall-clock time (time.time()) of that paint, so the parent measures from the
moment it started the process to the paint, not to the exit.

``bare`` is the floor: an empty PySide6 QMainWindow. ``window`` and ``list`` start the
workbench through the same call as `workbench --db DB` (run_window) and quit on the first
paint of the main window, or on the first paint of the Problems list with rows in it.
"""

from __future__ import annotations

import sys
import time


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    mode = argv[0]

    def painted(watched: QObject) -> bool:
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

    from workbench.ui.qt_app import ensure_application, run_window

    ensure_application("zh_CN").installEventFilter(spy)
    # The list is measured opening on the Problems page, as before the Dashboard came first.
    return run_window(argv[1], "zh_CN", first="problems" if mode == "list" else "dashboard")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
