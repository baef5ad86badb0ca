"""A record's editor built from its kind's description (workbench.services.kinds).

Each field gets the editor its spec says: a one-line or several-line text, a number typed
as text (its decimals kept), a date (optional unless required), a choice named in words
from its vocabulary, a reference to one of a list (people, sites, modules), a tick. A new
record kind's page declares which vocabulary each choice uses and which fields share a
line; validation is the service's, as the user types.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from workbench.services.kinds import RecordKind
from workbench.ui.detail.editor import RecordEditor, Validate
from workbench.ui.detail.widgets import ChoiceCombo


class KindForm(RecordEditor):
    def __init__(
        self,
        title: str,
        kind: RecordKind,
        validate: Validate,
        vocabularies: Mapping[str, str],
        pairs: Iterable[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, validate, parent)
        self.kind = kind
        self.record: Any = None  # the stored record shown; None for a new one
        self.references: dict[str, ChoiceCombo] = {}
        form = self.form
        form.kind = kind.name
        for name, spec in kind.fields.items():
            if spec.kind == "choice":
                form.add_choice(name, vocabularies[name], optional=not spec.required)
            elif spec.kind == "ref":
                self.references[name] = form.add_combo(name, [], optional=not spec.required)
            elif spec.kind == "date":
                if spec.required:
                    form.add_date(name)
                else:
                    form.add_optional_date(name)
            elif spec.kind == "bool":
                form.add_check(name, "")
            elif spec.kind == "text" and spec.multiline:
                form.add_text(name, lines=2)
            else:
                form.add_line(name)
        for left, right in pairs:
            form.pair(left, right)

    def set_references(self, name: str, items: list[tuple[Any, str]]) -> None:
        """Offer ``items`` (id, name) in reference field ``name``; the value shown stays."""
        self.references[name].set_items(items)

    def show_record(self, record: Any) -> None:
        """Show a stored record of the kind, numbers as they were typed."""
        self.record = record
        self.load(self.kind.field_values(record))

    def show_blank(self, defaults: Mapping[str, Any] | None = None) -> None:
        self.record = None
        self.load({**self.kind.blank(), **(defaults or {})}, is_new=True)
