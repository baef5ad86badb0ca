"""Plain records of the knowledge base, as the services hand them out (no ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class KnowledgeLinkRecord:
    id: int
    target: str  # problem, cause, solution or training_session
    target_id: int
    code: str  # the problem's or the session's code
    title: str  # what the linked record says of itself


@dataclass(frozen=True)
class KnowledgeRecord:
    id: int
    kind: str  # tip or faq
    title: str
    body: str  # Markdown
    erp_module_id: int | None
    module: str | None
    tags: str
    author: str
    status: str  # draft, published, outdated
    created_at: dt.datetime
    updated_at: dt.datetime
    links: tuple[KnowledgeLinkRecord, ...]
    helpful: int
    not_helpful: int
    views: int
    version: int


@dataclass(frozen=True)
class KnowledgeRow:
    """One line of the Knowledge page's list."""

    id: int
    kind: str
    title: str
    module: str | None
    status: str
    author: str
    updated_at: dt.datetime
    helpful: int
    not_helpful: int
    views: int
