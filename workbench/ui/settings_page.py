"""The Settings page: who you are and which language the window speaks (settings.json),
and the list of ERP modules that problems are filed under (in the database).

Name and language are read at start-up, so a change takes effect at the next start; the
page says so. Module changes go through the services and are audited like any other.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.app import current_user
from workbench.services import Services
from workbench.services.errors import ValidationError
from workbench.services.records import ErpModuleEntry
from workbench.settings import Settings
from workbench.ui import labels
from workbench.ui.detail.widgets import ErrorText

# Language names are shown in their own language, as every program does.
LANGUAGE_NAMES = (("zh_CN", "中文（简体）"), ("en", "English"))
HINT_STYLE = "color: #607d8b;"
COLUMN_WIDTH = 720  # forms read badly when stretched across a wide screen


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class SettingsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        column = QWidget(self)
        column.setMaximumWidth(COLUMN_WIDTH)
        boxes = QVBoxLayout(column)
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.setSpacing(16)
        boxes.addWidget(self._you_box())
        boxes.addWidget(self._modules_box(), 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(column, 1)
        layout.addStretch(0)
        self.load()

    # ---- you ---------------------------------------------------------------------------
    def _you_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("You"))
        self.user_name = QLineEdit()
        self.user_name.setMaxLength(100)
        self.user_name.setPlaceholderText(current_user(Settings()))
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        for key, name in LANGUAGE_NAMES:
            self.language.addItem(name, key)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save_settings")
        self.saved_label = _hint("")
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.user_name)
        form.addRow(
            "",
            _hint(
                self.tr(
                    "Written into the audit trail of every change you make. "
                    "Leave it empty to use your login name."
                )
            ),
        )
        form.addRow(self.tr("Language"), self.language)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addLayout(buttons)
        self.user_name.textEdited.connect(lambda: self.saved_label.clear())
        self.language.currentIndexChanged.connect(lambda: self.saved_label.clear())
        self.save_button.clicked.connect(self.save)
        return box

    def load(self) -> None:
        settings = Settings.load()
        self.user_name.setText(settings.user)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.reload_modules()

    def save(self) -> None:
        """Write name and language to settings.json (atomically); used from the next start."""
        settings = Settings.load().with_changes(
            user=self.user_name.text().strip(), language=str(self.language.currentData())
        )
        try:
            settings.save()
        except OSError as exc:
            self.saved_label.setText(self.tr("Could not save: %1").replace("%1", str(exc)))
            return
        self.saved_label.setText(
            self.tr("Saved. Takes effect the next time you start the program.")
        )

    # ---- ERP modules -------------------------------------------------------------------
    def _modules_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("ERP modules"))
        self.modules = QListWidget()
        self.modules.setAlternatingRowColors(True)
        self.modules.setSpacing(2)
        self.new_module = QLineEdit()
        self.new_module.setMaxLength(50)
        self.new_module.setPlaceholderText(self.tr("New module, e.g. 质量"))
        self.add_button = QPushButton(self.tr("Add"))
        self.active_button = QPushButton(self.tr("Stop using"))
        self.module_error = ErrorText()
        adding = QHBoxLayout()
        adding.addWidget(self.new_module, 1)
        adding.addWidget(self.add_button)
        adding.addSpacing(12)
        adding.addWidget(self.active_button)
        column = QVBoxLayout(box)
        column.addWidget(
            _hint(
                self.tr(
                    "Double-click a module to rename it. A module no longer in use is kept "
                    "on the problems filed under it but is not offered for new ones."
                )
            )
        )
        column.addWidget(self.modules, 1)
        column.addLayout(adding)
        column.addWidget(self.module_error)
        self.add_button.clicked.connect(self.add_module)
        self.new_module.returnPressed.connect(self.add_module)
        self.active_button.clicked.connect(self.toggle_active)
        self.modules.itemChanged.connect(self._renamed)
        self.modules.currentItemChanged.connect(lambda *_: self._update_buttons())
        return box

    def reload_modules(self, select: int | None = None) -> None:
        current = self.modules.currentItem()
        wanted = (
            select
            if select is not None
            else (current.data(Qt.ItemDataRole.UserRole) if current else None)
        )
        blocked = self.modules.blockSignals(True)
        self.modules.clear()
        for entry in self._services.lookups.module_entries():
            self.modules.addItem(self._item(entry))
            if entry.id == wanted:
                self.modules.setCurrentRow(self.modules.count() - 1)
        self.modules.blockSignals(blocked)
        self._update_buttons()

    def _item(self, entry: ErpModuleEntry) -> QListWidgetItem:
        item = QListWidgetItem(entry.name)
        item.setData(Qt.ItemDataRole.UserRole, entry.id)
        item.setData(Qt.ItemDataRole.UserRole + 1, entry.active)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        if not entry.active:
            item.setForeground(QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText)))
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
            item.setToolTip(self.tr("Not in use"))
        return item

    def _selected(self) -> QListWidgetItem | None:
        return self.modules.currentItem()

    def _update_buttons(self) -> None:
        item = self._selected()
        self.active_button.setEnabled(item is not None)
        in_use = item is None or bool(item.data(Qt.ItemDataRole.UserRole + 1))
        self.active_button.setText(self.tr("Stop using") if in_use else self.tr("Use again"))

    def _refused(self, error: ValidationError) -> None:
        self.module_error.show_text("\n".join(labels.error(e) for e in error.errors))

    def add_module(self) -> None:
        try:
            added = self._services.lookups.add_module(self.new_module.text())
        except ValidationError as error:
            self._refused(error)
            return
        self.module_error.show_text("")
        self.new_module.clear()
        self.reload_modules(select=added.id)

    def toggle_active(self) -> None:
        item = self._selected()
        if item is None:
            return
        active = bool(item.data(Qt.ItemDataRole.UserRole + 1))
        self._services.lookups.set_module_active(item.data(Qt.ItemDataRole.UserRole), not active)
        self.module_error.show_text("")
        self.reload_modules()

    def _renamed(self, item: QListWidgetItem) -> None:
        module_id = int(item.data(Qt.ItemDataRole.UserRole))
        try:
            self._services.lookups.rename_module(module_id, item.text())
        except ValidationError as error:
            self._refused(error)
        else:
            self.module_error.show_text("")
        # Show the stored name (trimmed, or the old one if refused). The item is updated in
        # place: clearing the list here would delete it while its editor is still committing.
        stored = next(m.name for m in self._services.lookups.module_entries() if m.id == module_id)
        blocked = self.modules.blockSignals(True)
        item.setText(stored)
        self.modules.blockSignals(blocked)
