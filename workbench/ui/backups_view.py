"""Settings → Backups: the database's automatic backups, one made now, one restored.

The list is the backups beside the database (``backups/``, made once a day when the
window opens the database, thinned to 7 daily, 4 weekly and 12 monthly): when, schema,
up to which audit entry, size. **Back up now** makes one (SQLite's online backup API).
**Restore…** checks the backup chosen (a foreign or damaged one is refused, nothing
replaced), then closes the database, keeps the current file aside and puts the backup
in its place; the window then closes, to be started again on the restored record.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from workbench.ui.controls import fill_table, push_button, text_table

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.transfer.backup import BackupInfo


class BackupsView(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backups")
        self._services = services
        self.path = _database_file(services)
        self.table = text_table(
            [self.tr("Made"), self.tr("Schema"), self.tr("Audit entries"), self.tr("Size")]
        )
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        self.backup_button = push_button("back_up", self.tr("Back up now"), self.back_up)
        self.restore_button = push_button("restore", self.tr("Restore…"), self.ask_restore)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.refresh()

    def backups(self) -> list[BackupInfo]:
        from workbench.transfer.backup import backups_of

        return [] if self.path is None else backups_of(self.path)

    def refresh(self) -> None:
        if self.path is None:
            self.note.setText(self.tr("Backups are made of a database file, not of a server."))
            for button in (self.backup_button, self.restore_button):
                button.setEnabled(False)
            return
        found = self.backups()
        locale = QLocale()
        rows = [
            [
                b.made_at.strftime("%Y-%m-%d %H:%M"),
                str(b.revision or ""),
                locale.toString(b.head_id),
                locale.formattedDataSize(b.size),
            ]
            for b in found
        ]
        fill_table(self.table, rows)
        self.table.resizeColumnsToContents()
        self.restore_button.setEnabled(bool(found))
        from workbench.settings import Settings
        from workbench.transfer.backup import Keep

        keep = Keep.parse(Settings.load().backup_keep)
        self.note.setText(
            self.tr("Kept in %1: the newest of each of the last %2 days, %3 weeks and %4 months.")
            .replace("%1", str(self.path.parent / "backups"))
            .replace("%2", str(keep.daily))
            .replace("%3", str(keep.weekly))
            .replace("%4", str(keep.monthly))
        )

    def back_up(self) -> None:
        from workbench.transfer.backup import AUTO_FOLDER, make_backup

        assert self.path is not None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        make_backup(self.path, self.path.parent / AUTO_FOLDER / f"{self.path.stem}.{stamp}.sqlite3")
        self.refresh()

    def selected(self) -> Path | None:
        found = self.backups()
        row = self.table.currentRow()
        return found[row].path if 0 <= row < len(found) else None

    def ask_restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.note.setText(self.tr("Select the backup to restore."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace the database with the backup of %1? The current database is kept "
                "beside it, and the program closes; start it again to work on the backup."
            ).replace("%1", chosen.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(chosen)

    def restore(self, chosen: Path) -> Path | None:
        """Restore ``chosen`` over the database; the window closes after it."""
        from workbench.settings import config_dir
        from workbench.transfer.backup import restore_file, validate
        from workbench.transfer.files import FileRefused
        from workbench.ui import labels

        assert self.path is not None
        try:
            validate(chosen, _known())
        except FileRefused as error:
            self.note.setText(error.text(labels.language()))
            return None
        window = self.window()
        closing = getattr(window, "close_services", None)
        if callable(closing):
            closing()
        _info, aside = restore_file(chosen, self.path, config_dir())
        self.note.setText(
            self.tr("Restored. The database it replaced is kept as %1.").replace("%1", str(aside))
        )
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Restore"), self.note.text(), parent=window
        )
        box.finished.connect(window.close)
        box.open()
        return aside


def _database_file(services: Services) -> Path | None:
    from workbench.transfer.backup import database_file

    return database_file(services)


def _known() -> list[str]:
    from workbench.transfer.backup import known_revisions

    return known_revisions()
