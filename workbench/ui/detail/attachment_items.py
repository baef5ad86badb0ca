"""What the attachments view draws and writes out: a list item per file (a thumbnail for
an image, the name, size, who and when), an image's picture, a pasted image as PNG bytes,
and copies in a temporary folder for the system's viewer to open."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListWidgetItem, QStyle, QWidget

from workbench.services import Services
from workbench.services.attachments import size_text
from workbench.services.errors import NotFoundError, StorageError
from workbench.services.records import AttachmentInfo

THUMBNAIL = QSize(40, 40)
ID_ROLE = Qt.ItemDataRole.UserRole


def png_bytes(image: QImage) -> bytes:
    """``image`` as a PNG file's bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs say bytes; the binding takes the format only as str.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def local_time(moment: dt.datetime) -> str:
    """A moment kept in UTC, in the user's time zone."""
    return moment.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class Pictures:
    """List items and pictures of attachments; thumbnails are made once per content."""

    def __init__(self, services: Services, widget: QWidget) -> None:
        self._services = services
        self._widget = widget
        self._thumbnails: dict[str, QIcon] = {}  # by SHA-256

    def item(self, info: AttachmentInfo) -> QListWidgetItem:
        when = local_time(info.added_at)
        text = f"{info.file_name}\n{size_text(info.size)} · {info.added_by} · {when}"
        item = QListWidgetItem(self._icon(info), text)
        item.setData(ID_ROLE, info.id)
        item.setToolTip(f"{info.file_name}\n{info.media_type}\nSHA-256 {info.sha256}")
        return item

    def _icon(self, info: AttachmentInfo) -> QIcon:
        if info.is_image:
            icon = self._thumbnails.get(info.sha256)
            if icon is None:
                pixmap = self.pixmap(info)
                if pixmap is not None:
                    icon = QIcon(pixmap.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio))
                    self._thumbnails[info.sha256] = icon
            if icon is not None:
                return icon
        return self._widget.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def pixmap(self, info: AttachmentInfo) -> QPixmap | None:
        """The image in ``info``; None when it is not one Qt reads (or is gone)."""
        if not info.is_image:
            return None
        try:
            data = self._services.attachments.content(info.id)
        except (NotFoundError, StorageError):
            return None
        pixmap = QPixmap()
        return pixmap if pixmap.loadFromData(data) else None


class TempCopies:
    """Copies of attachments under their own names in one temporary folder, for the
    system's viewer (each in a folder of its id, so two files of one name both open)."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._folder: Path | None = None

    def write(self, info: AttachmentInfo) -> Path:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="workbench-attachments-"))
        folder = self._folder / str(info.id)
        folder.mkdir(exist_ok=True)
        target = folder / info.file_name
        target.write_bytes(self._services.attachments.content(info.id))
        return target
