"""The Settings page: who you are and which language the window speaks (settings.json),
the team's rules (in the database: the four-eyes rule), and the lists problems refer to
(in the database): ERP modules, sites, departments and people, one tab each, all edited
with the same ListEditor.

Name and language are read at start-up, so a change takes effect at the next start; the
page says so. List changes go through the services and are audited like any other; the
lists are read again when a change notice says one of them changed, whoever changed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.app import current_user
from workbench.services import Services
from workbench.services.changes import ChangeSet
from workbench.services.lookups import LOGIN, MODULE_NAME, NAME, SITE_CODE, standard_module_names
from workbench.settings import Settings
from workbench.ui import labels
from workbench.ui.list_editor import Column, Entry, ListEditor
from workbench.ui.pages import Registered
from workbench.ui.settings_editing import SettingsEditing
from workbench.ui.team_rules import TeamRulesBox
from workbench.vocabulary import LANGUAGE_NAMES

HINT_STYLE = "color: #607d8b;"
COLUMN_WIDTH = 720  # forms read badly when stretched across a wide screen


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class SettingsPage(Registered, QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        column = QWidget(self)
        column.setMaximumWidth(COLUMN_WIDTH)
        boxes = QVBoxLayout(column)
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.setSpacing(16)
        boxes.addWidget(self._you_box())
        self.team_rules = TeamRulesBox(services)
        boxes.addWidget(self.team_rules)
        boxes.addWidget(self._lists(), 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(column, 1)
        layout.addStretch(0)
        self.load()
        self.editing = SettingsEditing(self)  # Ctrl+S, Esc and Save / Discard / Stay

    # ---- the Page protocol -------------------------------------------------------------
    page_key = "settings"  # its title() and icon() come from the registry (Registered)

    @property
    def undo_stack(self) -> None:
        return None

    def _editors(self) -> dict[str, ListEditor]:
        """The list editor of each kind of record (table name) this page keeps."""
        return {
            "erp_module": self.module_editor,
            "site": self.site_editor,
            "department": self.department_editor,
            "person": self.people_editor,
        }

    def open_record(self, kind: str, record_id: int) -> bool:
        editor = self._editors().get(kind)
        if editor is None:
            return False
        self.tabs.setCurrentWidget(editor)
        editor.reload(select=record_id)
        return editor.current_id() == record_id

    def changed(self, change: ChangeSet) -> None:
        stale = set(change.kinds())
        if "department" in stale:
            stale.add("person")  # people show their department's name
        for kind, editor in self._editors().items():
            if kind in stale:
                editor.refresh()
        if "team_setting" in stale:
            self.team_rules.reload()

    # ---- you ---------------------------------------------------------------------------
    def _you_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("You"))
        self.user_name = QLineEdit()
        self.user_name.setMaxLength(100)
        self.user_name.setPlaceholderText(current_user(Settings()))
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        for key, name in LANGUAGE_NAMES.items():
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
        for editor in self._editors().values():
            editor.reload()

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

    # ---- the lists ---------------------------------------------------------------------
    def _lists(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._module_editor(), self.tr("ERP modules"))
        self.tabs.addTab(self._site_editor(), self.tr("Sites"))
        self.tabs.addTab(self._department_editor(), self.tr("Departments"))
        self.tabs.addTab(self._people_editor(), self.tr("People"))
        from workbench.ui.backups_view import BackupsView

        self.backups = BackupsView(self._services)
        self.tabs.addTab(self.backups, self.tr("Backups"))
        return self.tabs

    # ---- ERP modules -------------------------------------------------------------------
    def _module_editor(self) -> ListEditor:
        lookups = self._services.lookups
        editor = ListEditor(
            [Column("name", labels.field("name"), MODULE_NAME, self.tr("New module, e.g. 质量"))],
            lambda: [Entry(m.id, (m.name,), m.active) for m in lookups.module_entries()],
            lambda values: lookups.add_module(values["name"]).id,
            lambda module_id, values: lookups.rename_module(module_id, values["name"]),
            hint=self.tr(
                "Double-click a module to rename it. A module no longer in use is kept "
                "on the problems filed under it but is not offered for new ones."
            ),
            add_text=self.tr("Add"),
            inactive_tip=self.tr("Not in use"),
        )
        self.module_editor = editor
        # The names the module tests and the rest of the window know the parts by.
        self.modules = editor.table
        self.new_module = editor.inputs["name"]
        self.add_button = editor.add_button
        self.module_error = editor.error
        self.active_button = QPushButton(self.tr("Stop using"))
        editor.add_action(self.active_button)
        editor.add_top(self._standard_modules_row())
        self.active_button.clicked.connect(self.toggle_active)
        editor.current_changed.connect(self._update_buttons)
        editor.current_changed.connect(self._update_standard_row)
        return editor

    def _language(self) -> str:
        """The window's language, as the record's lists name it."""
        return "zh_CN" if QLocale().name().startswith("zh") else "en"

    def _standard_modules_row(self) -> QWidget:
        row = QWidget()
        self.standard_button = QPushButton(self.tr("Add the standard modules"))
        self.standard_button.setObjectName("add_standard_modules")
        language = self._language()
        separator = "、" if language == "zh_CN" else ", "
        names = _hint(separator.join(standard_module_names(language)))
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.standard_button)
        line.addWidget(names, 1)
        self.standard_row = row
        self.standard_button.clicked.connect(self.add_standard_modules)
        return row

    def _update_standard_row(self) -> None:
        """The standard modules are offered while the list is empty, and only then."""
        empty = self.modules.rowCount() == 0
        self.standard_row.setVisible(empty)
        self.standard_button.setEnabled(empty)

    def add_standard_modules(self) -> None:
        self._services.lookups.add_standard_modules(self._language())
        self.module_error.show_text("")

    def _update_buttons(self) -> None:
        self.active_button.setEnabled(self.module_editor.current_id() is not None)
        in_use = self.module_editor.current_active()
        self.active_button.setText(self.tr("Stop using") if in_use else self.tr("Use again"))

    def add_module(self) -> None:
        self.module_editor.add_entry()

    def toggle_active(self) -> None:
        module_id = self.module_editor.current_id()
        if module_id is None:
            return
        active = self.module_editor.current_active()
        self._services.lookups.set_module_active(module_id, not active)
        self.module_error.show_text("")

    # ---- sites, departments, people ----------------------------------------------------
    def _site_editor(self) -> ListEditor:
        lookups = self._services.lookups
        self.site_editor = ListEditor(
            [
                Column(
                    "code", labels.field("code"), SITE_CODE, self.tr("Code, e.g. SZ"), None, 140
                ),
                Column("name", labels.field("name"), NAME, self.tr("Name, e.g. 苏州工厂")),
            ],
            lambda: [Entry(s.id, (s.code, s.name)) for s in lookups.site_entries()],
            lambda values: lookups.add_site(values["code"], values["name"]).id,
            lambda site_id, values: lookups.update_site(site_id, values["code"], values["name"]),
            hint=self.tr("Double-click a site's code or name to change it."),
            add_text=self.tr("Add"),
        )
        return self.site_editor

    def _department_editor(self) -> ListEditor:
        lookups = self._services.lookups
        self.department_editor = ListEditor(
            [Column("name", labels.field("name"), NAME, self.tr("New department, e.g. 仓储部"))],
            lambda: [Entry(d.id, (d.name,)) for d in lookups.departments()],
            lambda values: lookups.add_department(values["name"]).id,
            lambda department_id, values: lookups.rename_department(department_id, values["name"]),
            hint=self.tr("Double-click a department to rename it."),
            add_text=self.tr("Add"),
        )
        return self.department_editor

    def _people_editor(self) -> ListEditor:
        lookups = self._services.lookups

        def departments() -> list[tuple[int | None, str]]:
            return [(None, self.tr("No department"))] + [
                (d.id, d.name) for d in lookups.departments()
            ]

        def add(values: Mapping[str, Any]) -> int:
            return lookups.add_person(values["login"], values["name"], values["department_id"]).id

        def update(person_id: int, values: Mapping[str, Any]) -> None:
            lookups.update_person(
                person_id, values["login"], values["name"], values["department_id"]
            )

        self.people_editor = ListEditor(
            [
                Column(
                    "login", self.tr("Login"), LOGIN, self.tr("Login, e.g. wang.fang"), None, 160
                ),
                Column("name", self.tr("Display name"), NAME, self.tr("Name, e.g. 王芳")),
                Column("department_id", labels.field("department_id"), choices=departments),
            ],
            lambda: [
                Entry(p.id, (p.login, p.name, p.department_id)) for p in lookups.person_entries()
            ],
            add,
            update,
            hint=self.tr(
                "Double-click a login, name or department to change it. Problems show the "
                "display name; the login is the name a person enters under You."
            ),
            add_text=self.tr("Add"),
        )
        return self.people_editor
