"""A knowledge entry's body: Markdown typed on the left, shown rendered on the right.

Images pasted (Ctrl+V of a screenshot) or dropped (a picture file) into the text are
kept in the database as the entry's attachments and referenced as
``![name](attachment:ID)``; the preview reads them back from there, so a copy or backup
of the file carries them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QWidget

SCHEME = "attachment"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")

# Keep an image (file name, bytes): the attachment's id, or None when it was refused
# (the caller has said why).
KeepImage = Callable[[str, bytes], "int | None"]


def png_of(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; Qt takes str
    return bytes(data.data())


class MarkdownEdit(QPlainTextEdit):
    def __init__(self, keep_image: KeepImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keep = keep_image
        self.setTabChangesFocus(True)
        self.setPlaceholderText(
            self.tr("Markdown: **bold**, - lists, 1. steps, | tables |; paste or drop images")
        )

    def _images(self, source: QMimeData) -> list[tuple[str, bytes]]:
        found = []
        if source.hasImage():
            image = source.imageData()
            if isinstance(image, QImage) and not image.isNull():
                found.append(("screenshot.png", png_of(image)))
        elif source.hasUrls():
            for url in source.urls():
                path = Path(url.toLocalFile())
                if url.isLocalFile() and path.suffix.lower() in IMAGE_SUFFIXES and path.is_file():
                    found.append((path.name, path.read_bytes()))
        return found

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(self._images(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        images = self._images(source)
        if not images:
            super().insertFromMimeData(source)
            return
        for name, content in images:
            attachment = self._keep(name, content)
            if attachment is not None:
                self.insertPlainText(f"\n![{name}]({SCHEME}:{attachment})\n")


class MarkdownPreview(QTextBrowser):
    """The body rendered (QTextDocument's Markdown), its images read from the database."""

    def __init__(self, content: Callable[[int], bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self.setOpenExternalLinks(True)

    def show_markdown(self, text: str) -> None:
        self.document().clear()
        self.setMarkdown(text)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        url = QUrl(name) if isinstance(name, str) else name
        if kind == QTextDocument.ResourceType.ImageResource.value and url.scheme() == SCHEME:
            try:
                image = QImage.fromData(self._content(int(url.path())))
            except (ValueError, LookupError, OSError):
                return None
            width = max(self.viewport().width() - 24, 80)
            return image.scaledToWidth(width) if image.width() > width else image
        return super().loadResource(kind, url)
