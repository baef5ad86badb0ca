"""File → Check database: the audit chain and the storage verified in the background.

The same check as `workbench check`, run through the window's runner: a progress dialog
after half a second, Cancel stops it (nothing new is remembered), and the finding is said
in the window's language. ``--full`` is offered as a second menu entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMainWindow, QMessageBox

from workbench.ui.operations import Operation, Operations

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.integrity import CheckReport
    from workbench.services.progress import Progress


def _number(value: int) -> str:
    return QLocale().toString(value)


def summary(report: CheckReport) -> tuple[bool, str]:
    """(sound, what a person reads) for a finished check."""
    if report.sound:
        text = QCoreApplication.translate(
            "DatabaseCheck", "The record is sound: %1 audit entries verified, storage sound."
        ).replace("%1", _number(report.entries_total))
        if report.since:
            text += "\n" + QCoreApplication.translate(
                "DatabaseCheck",
                "%1 entries were new since the last check; the full check re-verifies all.",
            ).replace("%1", _number(report.entries_checked))
        if report.unseen:
            text += "\n" + QCoreApplication.translate(
                "DatabaseCheck", "%1 entries are new to this computer (written elsewhere)."
            ).replace("%1", _number(report.unseen))
        if report.anchor_error:
            text += "\n" + QCoreApplication.translate(
                "DatabaseCheck", "The anchor could not be saved: %1"
            ).replace("%1", report.anchor_error)
        elif (report.first_anchor or report.anchor_damaged) and report.entries_total:
            text += "\n" + QCoreApplication.translate(
                "DatabaseCheck",
                "First check of this database here: its chain is taken as found and anchored.",
            )
        return True, text
    if report.storage_problems:
        return False, QCoreApplication.translate(
            "DatabaseCheck", "The database file is damaged: %1"
        ).replace("%1", "; ".join(report.storage_problems[:3]))
    if report.anchor_problem is not None:
        return False, QCoreApplication.translate(
            "DatabaseCheck", "The audit chain was rewritten: %1"
        ).replace("%1", report.anchor_problem)
    if report.sequence_problem is not None:
        return False, QCoreApplication.translate(
            "DatabaseCheck", "A code sequence was changed: %1"
        ).replace("%1", report.sequence_problem)
    if report.search_problem is not None:
        return False, QCoreApplication.translate(
            "DatabaseCheck", "The search index does not agree with the records: %1"
        ).replace("%1", report.search_problem)
    assert report.breach is not None
    return False, QCoreApplication.translate(
        "DatabaseCheck", "The record does not match its audit chain (entry or row %1): %2"
    ).replace("%1", str(report.breach.ref)).replace("%2", report.breach.reason)


def _stages() -> dict[str, str]:
    """The check's progress messages (workbench.services.integrity) in the window's language."""
    return {
        "counting": QCoreApplication.translate("DatabaseCheck", "Counting what to verify"),
        "storage": QCoreApplication.translate("DatabaseCheck", "Storage"),
        "audit chain": QCoreApplication.translate("DatabaseCheck", "Audit chain"),
        "records": QCoreApplication.translate("DatabaseCheck", "Records"),
        "code sequences": QCoreApplication.translate("DatabaseCheck", "Code sequences"),
        "search index": QCoreApplication.translate("DatabaseCheck", "Search index"),
    }


def check_database(
    window: QMainWindow, services: Services, operations: Operations, full: bool = False
) -> Operation:
    """Start the check; its result is shown over ``window`` when it ends."""
    integrity = services.integrity

    def job(progress: Progress) -> CheckReport:
        return integrity.check(progress, full=full)

    title = (
        QCoreApplication.translate("DatabaseCheck", "Checking the full database…")
        if full
        else QCoreApplication.translate("DatabaseCheck", "Checking the database…")
    )
    operation = operations.run(job, title, window, stages=_stages())

    def done(report: CheckReport) -> None:
        sound, text = summary(report)
        icon = QMessageBox.Icon.Information if sound else QMessageBox.Icon.Critical
        box = QMessageBox(
            icon, QCoreApplication.translate("DatabaseCheck", "Check database"), text, parent=window
        )
        box.setObjectName("check_result")
        box.open()

    def failed(message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("DatabaseCheck", "Check database"),
            message,
            parent=window,
        )
        box.setObjectName("check_result")
        box.open()

    operation.succeeded.connect(done)
    operation.failed.connect(failed)
    operation.cancelled.connect(
        lambda: window.statusBar().showMessage(
            QCoreApplication.translate("DatabaseCheck", "Check cancelled: nothing was changed."),
            10_000,
        )
    )
    return operation
