"""The attachments of one problem, cause or result: evidence kept with the record.

A compact view for a tab of the record editor (about 450×450 px): the files as a list
(a thumbnail for images, the name, size, who added it and when), a preview of the
selected image under it, and Add file…, Paste, Open, Save as… and Remove. Files dropped
on the view are added; Ctrl+V while the view has the focus pastes an image (a screenshot
of an ERP error) or copied files. A closed problem's files can be opened and saved, not
added or removed. A removal can be taken back with Undo until another one is made.
Refusals (an empty file, one over the limit, a closed problem) are said in the view in
the window's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench.services import ChangeSet, Services
from workbench.services.attachments import Removal
from workbench.services.errors import (
    ConflictError,
    NotFoundError,
    StorageError,
    ValidationError,
)
from workbench.services.records import AttachmentInfo
from workbench.ui import errors
from workbench.ui.controls import ERROR_STYLE, push_button
from workbench.ui.detail.attachment_items import THUMBNAIL, Pictures, TempCopies, png_bytes
from workbench.ui.detail.undo import conflict_text

HINT_STYLE = "color: #607d8b;"
_FAILURES = (ValidationError, NotFoundError, StorageError, OSError)


Recorder = Callable[[str, Callable[[], object]], None]


def _open_url(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


class AttachmentsView(QWidget):
    """The files of one owner; ``show_owner`` chooses it, ``countChanged`` says how many."""

    countChanged = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._owner: tuple[str, int] | None = None
        self._read_only = True
        # In a record with an undo history: adding and removing become its steps
        # (Ctrl+Z from anywhere), ``record(text, action)`` runs the write as one; alone,
        # the view writes directly and offers its own Undo for a removal.
        self.record: Recorder | None = None
        self._shown: list[AttachmentInfo] = []
        self._pictures = Pictures(services, self)
        self._copies = TempCopies(services)
        self._pixmap: QPixmap | None = None
        self._removal: Removal | None = None
        # How an opened file is handed to the system's viewer (a test may replace it).
        self.opener: Callable[[QUrl], bool] = _open_url
        self.setObjectName("attachments_view")
        self.setAcceptDrops(True)

        self.add_button = push_button("attachment_add", self.tr("Add file…"), self.choose_files)
        self.paste_button = push_button("attachment_paste", self.tr("Paste"), self.paste)
        self.open_button = push_button("attachment_open", self.tr("Open"), self.open_selected)
        self.save_button = push_button("attachment_save", self.tr("Save as…"), self.choose_save)
        self.remove_button = push_button(
            "attachment_remove", self.tr("Remove"), self.remove_selected
        )
        self.paste_button.setToolTip(self.tr("Paste a screenshot or copied files (Ctrl+V)"))
        self.list = QListWidget()
        self.list.setObjectName("attachment_list")
        self.list.setIconSize(THUMBNAIL)
        self.list.setAlternatingRowColors(True)
        self.list.currentRowChanged.connect(self._selected)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.preview = QLabel()
        self.preview.setObjectName("attachment_preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(80)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview.setStyleSheet(HINT_STYLE)
        self.status = QLabel()
        self.status.setObjectName("attachment_status")
        self.status.setWordWrap(True)
        self.undo_button = push_button("attachment_undo", self.tr("Undo"), self.restore_removed)
        self.undo_button.hide()

        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.paste_button,
            self.open_button,
            self.save_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addLayout(status_row)
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste)
        self._enable()

    # ---- what is shown ---------------------------------------------------------------
    def show_owner(self, owner_kind: str | None, owner_id: int | None, read_only: bool) -> None:
        """Show the files of (``owner_kind``, ``owner_id``); None shows nothing (a record
        not saved yet). ``read_only``: a closed problem's, opened and saved only."""
        owner = (owner_kind, owner_id) if owner_kind and owner_id is not None else None
        if owner != self._owner:
            self._removal = None
            self.undo_button.hide()
            self._say("")
        self._owner = owner
        self._read_only = read_only or owner is None
        self.refresh(announce=True)

    def owner(self) -> tuple[str, int] | None:
        return self._owner

    def attachments(self) -> list[AttachmentInfo]:
        """The files shown, in the list's order."""
        return list(self._shown)

    def refresh(self, announce: bool = False) -> None:
        """Read the owner's files again (someone may have added or removed one);
        ``countChanged`` is emitted when the count changed, or always with ``announce``."""
        selected = self.selected()
        try:
            shown = self._services.attachments.list_for(*self._owner) if self._owner else []
        except StorageError as exc:
            self._say(errors.describe(exc), error=True)
            return
        changed = announce or len(shown) != len(self._shown)
        self._shown = shown
        self.list.blockSignals(True)
        self.list.clear()
        for info in shown:
            self.list.addItem(self._pictures.item(info))
        ids = [a.id for a in shown]
        keep = selected is not None and selected.id in ids
        self.list.setCurrentRow(ids.index(selected.id) if keep and selected else len(ids) - 1)
        self.list.blockSignals(False)
        self._selected()
        if changed:
            self.countChanged.emit(len(shown))

    def on_changes(self, change: ChangeSet) -> None:
        """A committed write (from the window's change notices): read again if it touched
        attachments."""
        if change.touches("attachment") and self._owner is not None:
            self.refresh()

    def selected(self) -> AttachmentInfo | None:
        row = self.list.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _selected(self, _row: int = -1) -> None:
        info = self.selected()
        self._pixmap = self._pictures.pixmap(info) if info is not None else None
        if self._pixmap is None:
            self.preview.clear()
            if info is None:
                self.preview.setText(
                    self.tr("Drop files here or paste a screenshot (Ctrl+V).")
                    if not self._read_only
                    else ""
                )
            else:
                self.preview.setText(self.tr("No preview for this kind of file: Open shows it."))
        self._scale_preview()
        self._enable()

    def _scale_preview(self) -> None:
        if self._pixmap is not None:
            size = self.preview.size().boundedTo(self._pixmap.size())
            self.preview.setPixmap(
                self._pixmap.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_preview()

    def _enable(self) -> None:
        writable = not self._read_only
        chosen = self.selected() is not None
        self.add_button.setEnabled(writable)
        self.paste_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and chosen)
        self.open_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)

    # ---- adding ----------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Sequence[str | Path]) -> int:
        """Add the files at ``paths`` (what a drop does); returns how many were added.
        Each refusal is said; the others are still added."""
        added: list[str] = []
        refused: list[str] = []
        for path in map(Path, paths):
            try:
                self._services.attachments.check_size(path.name, path.stat().st_size)
                data = path.read_bytes()
                self._add(path.name, data)
            except _FAILURES as exc:
                refused.append(errors.describe(exc))
            else:
                added.append(path.name)
        self._after_adding(added, refused)
        return len(added)

    def add_image(self, image: QImage, name: str | None = None) -> bool:
        """Add ``image`` as a PNG (a pasted screenshot); returns whether it was added."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        file_name = name or f"screenshot-{stamp}.png"
        try:
            self._add(file_name, png_bytes(image))
        except _FAILURES as exc:
            self._after_adding([], [errors.describe(exc)])
            return False
        self._after_adding([file_name], [])
        return True

    def add_from_mime(self, mime: QMimeData) -> int:
        """Add what a drop or the clipboard holds: local files, else an image."""
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if files:
            return self.add_files(files)
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                return int(self.add_image(image))
        self._say(self.tr("The clipboard holds no image or file to attach."), error=True)
        return 0

    def paste(self) -> int:
        """Paste from the clipboard (Ctrl+V); returns how many files were added."""
        if self._read_only:
            return 0
        return self.add_from_mime(QApplication.clipboard().mimeData())

    def _add(self, file_name: str, data: bytes) -> AttachmentInfo:
        owner = self._owner
        if owner is None:
            raise NotFoundError("no record is shown")
        if self.record is None:
            return self._services.attachments.add(*owner, file_name, data)
        added: list[AttachmentInfo] = []
        text = self.tr("Add attachment %1").replace("%1", file_name)
        self.record(
            text, lambda: added.append(self._services.attachments.add(*owner, file_name, data))
        )
        return added[0]

    def _after_adding(self, added: list[str], refused: list[str]) -> None:
        if added:
            self._removal = None
            self.undo_button.hide()
            self.refresh()
            self.list.setCurrentRow(len(self._shown) - 1)
        if refused:
            self._say("\n".join(refused), error=True)
        elif added:
            self._say(self.tr("Added %1.").replace("%1", ", ".join(added)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if not self._read_only and (mime.hasUrls() or mime.hasImage()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if self._read_only:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_from_mime(event.mimeData())

    # ---- the selected file -----------------------------------------------------------
    def export_selected(self) -> Path | None:
        """The selected file written to a temporary folder under its own name."""
        info = self.selected()
        if info is None:
            return None
        return self._copies.write(info)

    def open_selected(self) -> None:
        """Open the selected file in the program the system has for it."""
        try:
            path = self.export_selected()
        except _FAILURES as exc:
            self._say(errors.describe(exc), error=True)
            return
        if path is not None and not self.opener(QUrl.fromLocalFile(str(path))):
            self._say(self.tr("No program on this computer opens %1.").replace("%1", path.name))

    def choose_save(self) -> None:
        info = self.selected()
        if info is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), info.file_name)
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Write the selected file to ``path``; returns whether it was written."""
        info = self.selected()
        if info is None:
            return False
        try:
            Path(path).write_bytes(self._services.attachments.content(info.id))
        except _FAILURES as exc:
            self._say(errors.describe(exc), error=True)
            return False
        self._say(self.tr("Saved %1.").replace("%1", str(path)))
        return True

    def remove_selected(self) -> bool:
        """Remove the selected file (Undo brings it back); returns whether it was removed."""
        info = self.selected()
        if info is None or self._read_only:
            return False
        try:
            if self.record is None:
                self._removal = self._services.attachments.remove(info.id)
            else:
                text = self.tr("Remove attachment %1").replace("%1", info.file_name)
                self.record(text, lambda: self._services.attachments.remove(info.id))
        except _FAILURES as exc:
            self._say(errors.describe(exc), error=True)
            return False
        self.refresh()
        if self.record is None:
            self._say(self.tr("Removed %1.").replace("%1", info.file_name))
            self.undo_button.show()
        else:
            self._say(self.tr("Removed %1. Ctrl+Z brings it back.").replace("%1", info.file_name))
        return True

    def restore_removed(self) -> bool:
        """Bring back the file removed last; returns whether it came back."""
        removal, self._removal = self._removal, None
        self.undo_button.hide()
        if removal is None:
            return False
        try:
            self._services.attachments.restore(removal)
        except ConflictError as exc:
            self._say(conflict_text(exc), error=True)
            return False
        except _FAILURES as exc:
            self._say(errors.describe(exc), error=True)
            return False
        self.refresh()
        ids = [a.id for a in self._shown]
        if removal.info.id in ids:
            self.list.setCurrentRow(ids.index(removal.info.id))
        self._say(self.tr("%1 is back.").replace("%1", removal.info.file_name))
        return True
