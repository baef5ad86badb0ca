"""The editor of one knowledge entry (a tip or an FAQ): kind, title or question, ERP
module, tags, status, the records it relates to (typed as codes: problems P-…, training
sessions T-…), and the Markdown body beside its rendered preview.

Saving is one undoable step that writes the fields and the links together (the page's).
Images pasted or dropped into the body are kept at once as the entry's attachments; a new
entry is saved first (it needs an id to keep them).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSplitter, QWidget

from workbench.services import Services
from workbench.services.errors import FieldError
from workbench.services.kinds import KNOWLEDGE_ENTRY
from workbench.services.knowledge_records import KnowledgeRecord
from workbench.ui import errors, labels
from workbench.ui.detail.editor import RecordEditor
from workbench.ui.detail.widgets import ChoiceCombo
from workbench.ui.improvement_form import codes_of
from workbench.ui.knowledge_body import MarkdownEdit, MarkdownPreview
from workbench.ui.lookup_lists import LookupLists

LINKS = "links"  # the form's field of problem and training session codes
BODY = "body"
PREVIEW_MS = 300


class KnowledgeForm(RecordEditor):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("", self._check, parent)
        self._services = services
        self.entry: KnowledgeRecord | None = None
        form = self.form
        form.add_choice("kind", "knowledge_kind", optional=False)
        form.add_line("title", self.tr("e.g. How do I find which materials cause a variance?"))
        self.module: ChoiceCombo = form.add_combo("erp_module_id", [], optional=True)
        form.add_line("tags", self.tr("comma-separated, e.g. 盘点, 库存差异"))
        form.add_choice("status", "knowledge_status", optional=False)
        form.add_line(LINKS, self.tr("Codes of related problems or training, e.g. P-2026-0001"))
        form.pair("kind", "status")
        self.others = QLabel()
        self.others.setObjectName("linked_others")
        self.others.setWordWrap(True)
        self.others.setStyleSheet("color: #37474f;")
        form.add_below(LINKS, self.others)
        self.body = MarkdownEdit(self._keep_image)
        self.body.setMinimumHeight(260)
        form.add(BODY, self.body, self.body.toPlainText, self._put_body, self.body.textChanged)
        self.preview = MarkdownPreview(services.attachments.content)
        self.preview.setObjectName("knowledge_preview")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_MS)
        self._timer.timeout.connect(lambda: self.preview.show_markdown(self.body.toPlainText()))
        self.body.textChanged.connect(self._timer.start)

    def _put_body(self, value: Any) -> None:
        self.body.setPlainText(str(value or ""))
        self.preview.show_markdown(self.body.toPlainText())

    def set_lookups(self, lists: LookupLists) -> None:
        self.module.set_items(lists.active_modules())
        self.module.retired = lists.retired_modules()

    def side_by_side(self) -> QSplitter:
        """The form above, the preview beside the body: the page places this."""
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    # ---- images ---------------------------------------------------------------------
    def _keep_image(self, name: str, content: bytes) -> int | None:
        if self.entry is None:
            self.general_error.show_text(self.tr("Save the entry first, then add images."))
            return None
        try:
            info = self._services.attachments.add("knowledge_entry", self.entry.id, name, content)
        except Exception as exc:  # refused (too large, storage): said, nothing inserted
            self.general_error.show_text(errors.describe(exc))
            return None
        self.general_error.show_text("")
        return info.id

    # ---- values ---------------------------------------------------------------------
    def targets(self, text: str) -> tuple[list[tuple[str, int]], list[str]]:
        """The (kind, id) of each code typed, and the codes that name nothing."""
        found, unknown = [], []
        for code in codes_of(text):
            target = self._services.knowledge.target_of_code(code)
            if target is None:
                unknown.append(code)
            else:
                found.append(target)
        return found, unknown

    def entry_values(self) -> tuple[dict[str, Any], list[tuple[str, int]]]:
        values = self.values()
        found, _unknown = self.targets(str(values.pop(LINKS, "")))
        return values, found

    def _check(self, values: dict[str, Any]) -> list[FieldError]:
        shown = dict(values)
        _found, unknown = self.targets(str(shown.pop(LINKS, "")))
        found = self._services.knowledge.validate(shown)
        if unknown:
            found.append(
                FieldError(
                    LINKS,
                    "unknown_code",
                    f"no problem or training session has the code {', '.join(unknown)}",
                    {"value": ", ".join(unknown)},
                )
            )
        return found

    def typed_targets(self) -> set[tuple[str, int]]:
        """The problems and sessions the shown entry links now (as saved)."""
        if self.entry is None:
            return set()
        return {
            (link.target, link.target_id)
            for link in self.entry.links
            if link.target in ("problem", "training_session")
        }

    # ---- showing --------------------------------------------------------------------
    def show_entry(self, record: KnowledgeRecord) -> None:
        self.entry = record
        kind = labels.choice("knowledge_kind", record.kind)
        self.setTitle(f"{kind} #{record.id}")
        values = KNOWLEDGE_ENTRY.field_values(record)
        values[LINKS] = ", ".join(
            link.code for link in record.links if link.target in ("problem", "training_session")
        )
        self.load({name: values.get(name) for name in self.form.names()})
        others = [
            f"{labels.choice('record_kind', link.target)} {link.code}: {link.title}"
            for link in record.links
            if link.target in ("cause", "solution")
        ]
        self.others.setText("; ".join(others))
        self.others.setVisible(bool(others))

    def show_blank(self, kind: str = "tip") -> None:
        self.entry = None
        self.setTitle(self.tr("New knowledge entry"))
        blank: dict[str, Any] = {name: None for name in self.form.names()}
        blank.update(
            {"kind": kind, "status": "draft", "title": "", "tags": "", BODY: "", LINKS: ""}
        )
        self.load(blank, is_new=True)
        self.others.hide()
