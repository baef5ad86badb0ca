"""Attachments: files kept with a problem, cause or result as evidence (an ERP error
screen pasted with Ctrl+V, a 盘点表 dropped in).

The bytes live in the database (workbench.store.models.Attachment), so a backup or a
copy of the file carries them. Rules: a file is not empty and not larger than the team's
limit (workbench.services.team, 10 MB unless set); its owner exists; a closed problem,
its causes and its results take no attachment and lose none until it is reopened. The
media type comes from the bytes for images (a pasted screenshot) and documents with a
clear signature, else from the name. Every add and remove is an audited write (name,
size and SHA-256, not the bytes) with a ChangeSet, so other windows hear of it; removing
is undone by the domain history, which brings the same attachment back with its bytes.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PureWindowsPath
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from workbench.services.base import Service
from workbench.services.closing import refuse_if_closed
from workbench.services.errors import FieldError, NotFoundError, ValidationError
from workbench.services.history import HistoryService
from workbench.services.records import AttachmentInfo
from workbench.services.team import attachment_limit
from workbench.store.attachments import sha256_of
from workbench.store.changes import ChangeSet
from workbench.store.database import Database
from workbench.store.models import (
    ATTACHMENT_OWNERS,
    Attachment,
    Cause,
    KnowledgeEntry,
    Problem,
    Result,
    Solution,
)

# A knowledge entry keeps the images pasted or dropped into its body (no problem's
# closing rule applies to them).
OWNERS: Mapping[str, type[Problem | Cause | Result | KnowledgeEntry]] = {
    "problem": Problem,
    "cause": Cause,
    "result": Result,
    "knowledge_entry": KnowledgeEntry,
}
assert tuple(OWNERS) == ATTACHMENT_OWNERS

NAME_LENGTH = 255
MEDIA_TYPE_LENGTH = 100
UNKNOWN_MEDIA_TYPE = "application/octet-stream"
# Leading bytes of the formats a person pastes or drops most (screenshots, scans, PDFs).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)
_EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif"}
_INFO_COLUMNS = (
    Attachment.id,
    Attachment.owner_kind,
    Attachment.owner_id,
    Attachment.file_name,
    Attachment.media_type,
    Attachment.size,
    Attachment.sha256,
    Attachment.added_by,
    Attachment.added_at,
    Attachment.note,
)


def sniffed_media_type(content: bytes) -> str | None:
    """The media type the bytes announce (PNG, JPEG, GIF, WebP, PDF), else None."""
    for signature, media_type in _SIGNATURES:
        if content.startswith(signature):
            return media_type
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    return None


def media_type_of(file_name: str, content: bytes) -> str:
    """What kind of file this is: its signature first (a screenshot named anything is
    still a PNG), then its name's extension, else ``application/octet-stream``."""
    sniffed = sniffed_media_type(content)
    if sniffed is not None:
        return sniffed
    guessed, _ = mimetypes.guess_type(file_name, strict=False)
    return guessed or UNKNOWN_MEDIA_TYPE


def size_text(size: int) -> str:
    """A size for people, the same in every language: 512 B, 12.5 KB, 10 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB".replace(".0 ", " ")
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 ", " ")


def _info(row: Any) -> AttachmentInfo:
    return AttachmentInfo(
        row.id,
        row.owner_kind,
        row.owner_id,
        row.file_name,
        row.media_type,
        row.size,
        row.sha256,
        row.added_by,
        row.added_at,
        row.note,
    )


def _clean_name(file_name: Any, media_type: str | None) -> str:
    """The name as kept: its last path part (a dropped path from any system), trimmed,
    with the extension of its type when it has none (a pasted screenshot)."""
    if not isinstance(file_name, str):
        raise ValidationError([FieldError("file_name", "not_text", "must be text")])
    name = PureWindowsPath(file_name.strip()).name.strip()
    if not name:
        raise ValidationError([FieldError("file_name", "required", "is required")])
    if "." not in name and media_type in _EXTENSIONS:
        name += _EXTENSIONS[media_type]
    if len(name) > NAME_LENGTH:
        raise ValidationError(
            [
                FieldError(
                    "file_name",
                    "too_long",
                    f"is longer than {NAME_LENGTH} characters",
                    {"limit": NAME_LENGTH},
                )
            ]
        )
    return name


def problem_of_owner(session: Session, owner_kind: str, owner_id: int) -> Problem | None:
    """The problem whose record the owner belongs to (None: a knowledge entry's);
    NotFoundError when it is gone."""
    model = OWNERS.get(owner_kind)
    if model is None:
        raise ValidationError(
            [FieldError("owner_kind", "unknown_choice", f"{owner_kind!r} takes no attachments")]
        )
    owner: Any = Service._get(session, model, owner_id)
    if isinstance(owner, Problem):
        return owner
    if isinstance(owner, Cause):
        return owner.problem
    if isinstance(owner, KnowledgeEntry):
        return None
    return owner.solution.cause.problem


def _refuse_too_large(name: str, size: int, limit: int) -> None:
    if size > limit:
        raise ValidationError(
            [
                FieldError(
                    "content",
                    "attachment_too_large",
                    f"{name} is larger than the limit of {size_text(limit)}",
                    {"value": name, "limit": size_text(limit)},
                )
            ]
        )


@dataclass(frozen=True)
class Removal:
    """A removed attachment and the write that removed it (what ``restore`` reverses)."""

    info: AttachmentInfo
    changes: tuple[ChangeSet, ...]


class AttachmentService(Service):
    def __init__(self, database: Database, actor: str, history: HistoryService) -> None:
        super().__init__(database, actor)
        self._history = history

    def limit(self) -> int:
        """The largest file allowed, in bytes (a team rule)."""
        with self._db.read() as session:
            return attachment_limit(session)

    def check_size(self, file_name: str, size: int) -> None:
        """Refuse a file of ``size`` bytes before reading it, as ``add`` would."""
        _refuse_too_large(PureWindowsPath(file_name).name, size, self.limit())

    def add(
        self,
        owner_kind: str,
        owner_id: int,
        file_name: str,
        content: bytes,
        media_type: str | None = None,
        note: str | None = None,
    ) -> AttachmentInfo:
        """Keep ``content`` as a file named ``file_name`` with the owner."""
        if not isinstance(content, bytes | bytearray | memoryview):
            raise ValidationError([FieldError("content", "not_a_file", "must be a file's bytes")])
        data = bytes(content)
        kind = media_type.strip() if media_type else media_type_of(str(file_name), data)
        name = _clean_name(file_name, kind)
        if len(kind) > MEDIA_TYPE_LENGTH:
            kind = UNKNOWN_MEDIA_TYPE
        if not data:
            raise ValidationError(
                [FieldError("content", "attachment_empty", f"{name} is empty", {"value": name})]
            )
        with self._db.write(self.actor) as session:
            problem = problem_of_owner(session, owner_kind, owner_id)
            if problem is not None:
                refuse_if_closed(problem)
            _refuse_too_large(name, len(data), attachment_limit(session))
            attachment = Attachment(
                owner_kind=owner_kind,
                owner_id=owner_id,
                file_name=name,
                media_type=kind,
                size=len(data),
                sha256=sha256_of(data),
                content=data,
                added_by=self.actor,
                added_at=self._clock(),
                note=note.strip() if note and note.strip() else None,
            )
            session.add(attachment)
            session.flush()
            return _info(attachment)

    def list_for(self, owner_kind: str, owner_id: int) -> list[AttachmentInfo]:
        """The owner's attachments, oldest first, without their bytes."""
        with self._db.read() as session:
            rows = session.execute(
                select(*_INFO_COLUMNS)
                .where(Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id)
                .order_by(Attachment.id)
            )
            return [_info(row) for row in rows]

    def get(self, attachment_id: int) -> AttachmentInfo:
        with self._db.read() as session:
            row = session.execute(
                select(*_INFO_COLUMNS).where(Attachment.id == attachment_id)
            ).first()
            if row is None:
                raise NotFoundError(f"attachment {attachment_id} does not exist")
            return _info(row)

    def content(self, attachment_id: int) -> bytes:
        """The attachment's bytes."""
        with self._db.read() as session:
            data = session.scalar(select(Attachment.content).where(Attachment.id == attachment_id))
            if data is None:
                raise NotFoundError(f"attachment {attachment_id} does not exist")
            return bytes(data)

    def remove(self, attachment_id: int) -> Removal:
        """Remove an attachment; ``restore`` of the returned Removal brings it back."""
        info, changes = self._db.capture(lambda: self._remove(attachment_id))
        return Removal(info, changes)

    def _remove(self, attachment_id: int) -> AttachmentInfo:
        with self._db.write(self.actor) as session:
            attachment = self._get(session, Attachment, attachment_id)
            problem = problem_of_owner(session, attachment.owner_kind, attachment.owner_id)
            if problem is not None:
                refuse_if_closed(problem)
            info = _info(attachment)
            session.delete(attachment)
            return info

    def restore(self, removal: Removal) -> AttachmentInfo:
        """Undo a removal: the same attachment (id, name, bytes) comes back, unless its
        owner is gone or closed, or its bytes are no longer kept (ValidationError)."""
        self._history.undo(removal.changes)
        return self.get(removal.info.id)

    def counts(self, problem_id: int) -> dict[tuple[str, int], int]:
        """How many attachments the problem and each of its causes and results have, by
        (owner kind, owner id); owners without any are left out."""
        with self._db.read() as session:
            causes = list(session.scalars(select(Cause.id).where(Cause.problem_id == problem_id)))
            results = list(
                session.scalars(
                    select(Result.id)
                    .join(Solution, Result.solution_id == Solution.id)
                    .where(Solution.cause_id.in_(causes))
                )
            )
            owners = _owners(("problem", [problem_id]), ("cause", causes), ("result", results))
            rows = session.execute(
                select(Attachment.owner_kind, Attachment.owner_id, func.count())
                .where(tuple_(Attachment.owner_kind, Attachment.owner_id).in_(owners))
                .group_by(Attachment.owner_kind, Attachment.owner_id)
            )
            return {(kind, owner): count for kind, owner, count in rows}


def _owners(*groups: tuple[str, Iterable[int]]) -> list[tuple[str, int]]:
    return [(kind, owner) for kind, ids in groups for owner in ids]
