"""What a write does to attachments beside what it says: their owners take them along,
and their bytes survive a removal long enough to be undone.

A ``before_flush`` listener on every audited write session (workbench.store.database):

- a problem, cause or result deleted (by itself or with its problem) deletes its
  attachments in the same flush, so each gets its own ``delete`` audit entry and an undo
  of the deletion brings them back;
- a deleted attachment's bytes are copied to ``removed_content`` (the audit chain keeps
  its name, size and SHA-256, not the bytes);
- an attachment added back without bytes (the undo of a removal replays its audit
  snapshot) takes them from ``removed_content``, and only if they still have the
  SHA-256 its audit entries recorded; otherwise ``ContentGone``.

Kept bytes are dropped ``KEEP_REMOVED`` after their removal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import DateTime, delete, literal, select, tuple_
from sqlalchemy.orm import Session

from workbench.store.models import ATTACHMENT_OWNERS, Attachment, RemovedContent

# How long a removed attachment's bytes are kept for an undo.
KEEP_REMOVED = dt.timedelta(days=30)


class ContentGone(LookupError):
    """A removed attachment cannot come back: its bytes are no longer kept (or no longer
    match what the audit chain recorded)."""

    def __init__(self, attachment_id: int, file_name: str) -> None:
        super().__init__(f"the file {file_name!r} (attachment {attachment_id}) is no longer kept")
        self.attachment_id = attachment_id
        self.file_name = file_name


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _deleted_owners(session: Session) -> list[tuple[str, int]]:
    return [
        (str(obj.__tablename__), int(obj.id))
        for obj in session.deleted
        if getattr(obj, "__tablename__", None) in ATTACHMENT_OWNERS
    ]


def _take_along(session: Session) -> None:
    """Delete the attachments of every owner this flush deletes."""
    owners = _deleted_owners(session)
    if not owners:
        return
    found = session.scalars(
        select(Attachment).where(tuple_(Attachment.owner_kind, Attachment.owner_id).in_(owners))
    )
    for attachment in found:
        if attachment not in session.deleted:
            session.delete(attachment)


def _keep_removed(session: Session, removed: list[int]) -> None:
    connection = session.connection()
    kept = RemovedContent.__table__
    now = _now()
    connection.execute(delete(kept).where(kept.c.removed_at < now - KEEP_REMOVED))
    connection.execute(delete(kept).where(kept.c.attachment_id.in_(removed)))
    source = Attachment.__table__
    connection.execute(
        kept.insert().from_select(
            ["attachment_id", "content", "removed_at"],
            select(source.c.id, source.c.content, literal(now, DateTime())).where(
                source.c.id.in_(removed)
            ),
        )
    )


def _bring_back(session: Session, attachment: Attachment) -> None:
    """Give an attachment added back without its bytes the bytes kept at its removal."""
    kept = RemovedContent.__table__
    connection = session.connection()
    content = connection.scalar(select(kept.c.content).where(kept.c.attachment_id == attachment.id))
    if content is None or sha256_of(content) != attachment.sha256:
        raise ContentGone(attachment.id, attachment.file_name)
    attachment.content = content
    connection.execute(delete(kept).where(kept.c.attachment_id == attachment.id))


def before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """``before_flush`` listener of the write sessions (see the module's docstring)."""
    _take_along(session)
    removed = [obj.id for obj in session.deleted if isinstance(obj, Attachment)]
    if removed:
        _keep_removed(session, removed)
    for obj in session.new:
        if isinstance(obj, Attachment) and obj.content is None and obj.id is not None:
            _bring_back(session, obj)
