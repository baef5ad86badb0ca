"""The Problems list's filter bar: the search, several values per field, overdue, mine
and the tickets of KPI alerts.

Each field (status, ERP module, site, department, owner) is a button whose menu holds a
check box per value and stays open while they are ticked; ticking several shows problems
with any of them. The status menu
also offers "Not closed" (every status but closed and rejected, the default on a new
start) and "All statuses". The bar turns what is ticked into a ``ProblemFilter`` and
says ``changed`` (the search after a short pause in typing).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)

from workbench.services.records import NOT_CLOSED, ProblemFilter
from workbench.ui import labels
from workbench.ui.lookup_lists import LookupLists, pairs

SEARCH_DELAY_MS = 250
Key = str | int


class StayOpenMenu(QMenu):
    """A menu that stays open while its check boxes are ticked, so several values are
    chosen in one go; other entries (the presets) close it as usual."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        if event.key() == Qt.Key.Key_Space and action is not None and action.isCheckable():
            action.trigger()
            return
        super().keyPressEvent(event)


class ChoiceFilter(QToolButton):
    """A button with a menu of values to tick; none ticked means any value."""

    changed = Signal()

    def __init__(self, everything: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._everything = everything
        self._name = name
        self._actions: dict[Key, QAction] = {}
        self._presets: list[tuple[QAction, tuple[Key, ...], str]] = []
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(StayOpenMenu(self))
        self._show_choice()

    def add_preset(self, text: str, values: Sequence[Key]) -> QAction:
        """An entry above the values that ticks exactly ``values`` (none: any value)."""
        action = QAction(text, self)
        preset = tuple(values)
        action.triggered.connect(lambda: self._choose(preset))
        self._presets.append((action, preset, text))
        return action

    def set_items(self, items: Sequence[tuple[Key, str]]) -> None:
        """The values to choose from; ticked ones that remain stay ticked."""
        ticked = self.values()
        menu = self.menu()
        menu.clear()
        for action, _values, _text in self._presets:
            menu.addAction(action)
        if self._presets:
            menu.addSeparator()
        self._actions = {}
        for key, text in items:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(key in ticked)
            action.toggled.connect(self._toggled)
            self._actions[key] = action
        self._show_choice()

    def action_for(self, key: Key) -> QAction:
        """The menu entry ticking value ``key``."""
        return self._actions[key]

    def preset(self, text: str) -> QAction:
        """The menu entry of the preset called ``text``."""
        return next(action for action, _values, name in self._presets if name == text)

    def texts(self) -> list[str]:
        """The values offered, as the menu shows them."""
        return [action.text() for action in self._actions.values()]

    def values(self) -> tuple[Key, ...]:
        return tuple(key for key, action in self._actions.items() if action.isChecked())

    def set_values(self, values: Sequence[Key]) -> None:
        """Tick ``values`` (those still offered) without saying ``changed``."""
        for key, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(key in values)
            action.blockSignals(False)
        self._show_choice()

    def _choose(self, values: tuple[Key, ...]) -> None:
        self.set_values(values)
        self.changed.emit()

    def _toggled(self, _checked: bool) -> None:
        self._show_choice()
        self.changed.emit()

    def _show_choice(self) -> None:
        ticked = set(self.values())
        text = self._everything
        for _action, values, preset_text in self._presets:
            if values and ticked == set(values):
                text = preset_text
        if text == self._everything and len(ticked) == 1:
            text = self._actions[next(iter(ticked))].text()
        elif text == self._everything and ticked:
            text = f"{self._name} ({len(ticked)})"
        self.setText(text)
        names = [a.text() for k, a in self._actions.items() if k in ticked]
        self.setToolTip("\n".join(names) or self._everything)


class FilterBar(QWidget):
    """Search, the value filters, overdue and mine; ``current_filter()`` reads them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search code, title, text, tags, people…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(170)
        self.status = ChoiceFilter(self.tr("All statuses"), labels.field("status"), self)
        self.status.add_preset(self.tr("Not closed"), NOT_CLOSED)
        self.status.add_preset(self.tr("All statuses"), ())
        self.status.set_items(list(labels.choices("status")))
        self.module = ChoiceFilter(self.tr("All ERP modules"), labels.field("module"), self)
        self.site = ChoiceFilter(self.tr("All sites"), labels.field("site"), self)
        self.department = ChoiceFilter(self.tr("All departments"), labels.field("department"), self)
        self.owner = ChoiceFilter(self.tr("All owners"), labels.field("owner"), self)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("Tags"))
        self.tags.setToolTip(self.tr("Problems with any of these tags, separated by commas"))
        self.tags.setClearButtonEnabled(True)
        self.tags.setMaximumWidth(120)
        self.overdue = QCheckBox(self.tr("Overdue"), self)
        self.overdue.setToolTip(self.tr("Due before today and not closed"))
        self.mine = QCheckBox(self.tr("Mine"), self)
        self.mine.setToolTip(self.tr("Problems I own"))
        self.kpi_alert = QCheckBox(self.tr("KPI alerts"), self)
        self.kpi_alert.setObjectName("filter_kpi_alert")
        self.kpi_alert.setToolTip(
            self.tr("Source: KPI alert (the tickets exception alerts opened)")
        )
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search, 2)
        for widget in (*self.choices(), self.tags, self.overdue, self.mine, self.kpi_alert):
            layout.addWidget(widget)

        for line in (self.search, self.tags):
            line.textChanged.connect(self._debounce.start)
            line.returnPressed.connect(self._now)
        self._debounce.timeout.connect(self.changed)
        for choice in self.choices():
            choice.changed.connect(self.changed)
        for box in (self.overdue, self.mine, self.kpi_alert):
            box.toggled.connect(self.changed)

    def choices(self) -> tuple[ChoiceFilter, ...]:
        return (self.status, self.module, self.site, self.department, self.owner)

    def _now(self) -> None:
        self._debounce.stop()
        self.changed.emit()

    def fill(self, lists: LookupLists) -> None:
        """The values of the lookup filters; modules no longer in use still have
        problems to find."""
        self.module.set_items([(m.id, m.name) for m in lists.modules])
        self.site.set_items(pairs(lists.sites))
        self.department.set_items(pairs(lists.departments))
        self.owner.set_items(pairs(lists.people))

    def current_filter(self) -> ProblemFilter:
        tags = tuple(t for t in self.tags.text().replace("，", ",").split(","))
        return ProblemFilter(
            statuses=tuple(str(v) for v in self.status.values()),
            erp_module_ids=tuple(int(v) for v in self.module.values()),
            site_ids=tuple(int(v) for v in self.site.values()),
            department_ids=tuple(int(v) for v in self.department.values()),
            owner_ids=tuple(int(v) for v in self.owner.values()),
            tags=tags,
            text=self.search.text().strip(),
            overdue=self.overdue.isChecked(),
            mine=self.mine.isChecked(),
            kpi_alert=self.kpi_alert.isChecked(),
        )

    def set_filter(self, flt: ProblemFilter) -> None:
        """Show ``flt`` without saying ``changed``."""
        self.blockSignals(True)
        try:
            self.status.set_values(flt.statuses)
            self.module.set_values(flt.erp_module_ids)
            self.site.set_values(flt.site_ids)
            self.department.set_values(flt.department_ids)
            self.owner.set_values(flt.owner_ids)
            self.search.setText(flt.text)
            self.tags.setText(", ".join(flt.tags))
            self.overdue.setChecked(flt.overdue)
            self.mine.setChecked(flt.mine)
            self.kpi_alert.setChecked(flt.kpi_alert)
            self._debounce.stop()
        finally:
            self.blockSignals(False)
