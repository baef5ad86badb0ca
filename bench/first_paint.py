"""One process start to the first painted window, then exit. ``bare`` or ``app DB``.

``bare`` is the floor: an empty PySide6 QMainWindow. ``app`` starts the workbench the way
`workbench --db DB` does (open and migrate the database, Qt with font and translations,
the main window on the Problems page) and quits on its first paint.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    mode = argv[0]
    if mode == "bare":
        app = QApplication([])
        window: QWidget = QMainWindow()
        window.resize(1400, 900)
    else:
        from workbench.app import open_services
        from workbench.ui.main_window import MainWindow
        from workbench.ui.qt_app import ensure_application

        services = open_services(argv[1])
        app = ensure_application(argv[2] if len(argv) > 2 else "zh_CN")
        window = MainWindow(services)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, app.quit)
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
