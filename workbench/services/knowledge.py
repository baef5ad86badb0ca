"""The knowledge base (知识库) of usage champions (使用冠军): tips and FAQs.

The rules live here, the Knowledge page only shows and edits:

- An entry is a tip or an FAQ with a title (or question), a Markdown body (or answer),
  an ERP module, tags; its author is whoever created it. Status goes draft → published
  → outdated; an outdated entry can be published again once revised, a published one
  taken back to draft. An outdated entry stays, shown as outdated; deleting is a
  deliberate act (Delete), undone like any other.
- Links name one problem, cause, solution or training session each.
- "Was this helpful?": one vote per person per entry, changeable; a view count per
  entry (not audited).

Every write is one audited unit of work with its change notice; undo is the domain
history's (``Services.history.undo`` of the ChangeSets ``Services.recorded`` captured).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from workbench.services.base import Service
from workbench.services.errors import FieldError, ValidationError
from workbench.services.kinds import KNOWLEDGE_ENTRY
from workbench.services.knowledge_read import (
    ENTRY,
    TARGETS,
    entry_rows,
    linked_to_problem,
    load_entry,
    record_of,
)
from workbench.services.knowledge_records import KnowledgeRecord, KnowledgeRow
from workbench.services.versions import require_version
from workbench.store.models import (
    Cause,
    KnowledgeEntry,
    KnowledgeLink,
    KnowledgeView,
    KnowledgeVote,
    Problem,
    Solution,
    TrainingSession,
)

MOVES: Mapping[str, tuple[str, ...]] = {
    "draft": ("published",),
    "published": ("outdated", "draft"),
    "outdated": ("published",),
}
_TARGET_MODELS: Mapping[str, Any] = {
    "problem": (Problem, "problem_id"),
    "cause": (Cause, "cause_id"),
    "solution": (Solution, "solution_id"),
    "training_session": (TrainingSession, "session_id"),
}
_DEFAULTS = {"kind": "tip", "status": "draft", "body": "", "tags": ""}


def _refuse(name: str, code: str, message: str, **params: Any) -> ValidationError:
    return ValidationError([FieldError(name, code, message, params)])


def _checked(values: Mapping[str, Any]) -> dict[str, Any]:
    clean, errors = KNOWLEDGE_ENTRY.check(values)
    if errors:
        raise ValidationError(errors)
    return clean


class KnowledgeService(Service):
    def validate(self, values: Mapping[str, Any]) -> list[FieldError]:
        """Errors of a whole entry form, as the user types."""
        return KNOWLEDGE_ENTRY.check({**_DEFAULTS, **values})[1]

    def get(self, entry_id: int) -> KnowledgeRecord:
        with self._db.read() as session:
            return record_of(session, load_entry(session, entry_id))

    def create(self, values: Mapping[str, Any]) -> KnowledgeRecord:
        clean = _checked({**_DEFAULTS, **values})
        now = self._clock()
        with self._db.write(self.actor) as session:
            self._check_references(session, clean)
            row = KnowledgeEntry(**clean, author=self.actor, created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            return record_of(session, row)

    def update(
        self, entry_id: int, changes: Mapping[str, Any], version: int | None = None
    ) -> KnowledgeRecord:
        """Change fields of an entry; ``version`` as in ProblemService.update. A status
        change must be one of ``MOVES``."""
        with self._db.write(self.actor) as session:
            row = load_entry(session, entry_id)
            require_version(session, ENTRY, entry_id, version)
            stored = KNOWLEDGE_ENTRY.field_values(row)
            clean = _checked({**stored, **changes})
            changed = {n: clean[n] for n in changes if n in clean and stored[n] != clean[n]}
            self._check_references(session, changed)
            status = changed.get("status")
            if status is not None and status not in MOVES[row.status]:
                raise _refuse(
                    "status",
                    "status_move",
                    f"cannot go from {row.status} to {status}",
                    value=row.status,
                    title=status,
                )
            for name, value in changed.items():
                setattr(row, name, value)
            if changed:
                row.updated_at = self._clock()
            session.flush()
            return record_of(session, row)

    def delete(self, entry_id: int) -> None:
        """Delete an entry with its links and votes, each audited (undo brings them back
        with the same ids)."""
        with self._db.write(self.actor) as session:
            session.delete(load_entry(session, entry_id))

    def entries(self, sort: str = "newest") -> tuple[KnowledgeRow, ...]:
        """Every entry, most helpful, most viewed or newest first."""
        with self._db.read() as session:
            return entry_rows(session, sort)

    def for_problem(self, problem_id: int) -> tuple[KnowledgeRow, ...]:
        """Entries linked to the problem or to one of its causes or solutions."""
        with self._db.read() as session:
            return linked_to_problem(session, problem_id)

    # ---- links ----------------------------------------------------------------------
    def target_of_code(self, code: str) -> tuple[str, int] | None:
        """The problem (P-…) or training session (T-…) with ``code``, as (kind, id)."""
        wanted = code.strip().upper()
        with self._db.read() as session:
            for kind, model in (("problem", Problem), ("training_session", TrainingSession)):
                found = session.scalar(select(model.id).where(model.code == wanted))
                if found is not None:
                    return kind, int(found)
        return None

    def link(self, entry_id: int, target: str, target_id: int) -> KnowledgeRecord:
        """Link the entry to a problem, cause, solution or training session (nothing
        changes when that link is there already)."""
        if target not in TARGETS:
            raise _refuse("problem_id", "one_link_target", f"no link target {target}")
        model, column = _TARGET_MODELS[target]
        with self._db.write(self.actor) as session:
            row = load_entry(session, entry_id)
            if session.get(model, target_id) is None:
                raise _refuse(column, "unknown_reference", f"refers to no {target}")
            if not any(getattr(link, column) == target_id for link in row.links):
                row.links.append(KnowledgeLink(**{column: target_id}))
            session.flush()
            return record_of(session, row)

    def unlink(self, entry_id: int, link_id: int) -> KnowledgeRecord:
        with self._db.write(self.actor) as session:
            row = load_entry(session, entry_id)
            link = session.get(KnowledgeLink, link_id)
            if link is None or link.entry_id != entry_id:
                raise _refuse("entry_id", "unknown_reference", f"no link {link_id} here")
            session.delete(link)
            session.flush()
            session.expire(row, ["links"])
            return record_of(session, row)

    # ---- feedback -------------------------------------------------------------------
    def vote(self, entry_id: int, helpful: bool) -> KnowledgeRecord:
        """The acting person finds the entry helpful or not (their earlier vote changes)."""
        with self._db.write(self.actor) as session:
            row = load_entry(session, entry_id)
            mine = session.scalar(
                select(KnowledgeVote).where(
                    KnowledgeVote.entry_id == entry_id, KnowledgeVote.voter == self.actor
                )
            )
            if mine is None:
                session.add(KnowledgeVote(entry_id=entry_id, voter=self.actor, helpful=helpful))
            elif mine.helpful != helpful:
                mine.helpful = helpful
            session.flush()
            return record_of(session, row)

    def viewed(self, entry_id: int) -> None:
        """Count one view of the entry."""
        with self._db.write(self.actor) as session:
            load_entry(session, entry_id)
            count = session.get(KnowledgeView, entry_id)
            if count is None:
                session.add(KnowledgeView(entry_id=entry_id, views=1))
            else:
                count.views += 1
