"""The quarterly improvement list (季度优化清单): items, their problems, their order, the
quarter's end (carry-over), freezing and comparing quarters.

The rules live here, the pages only show and edit:

- An item belongs to one quarter (``2026Q3``, read by workbench.services.quarters) and
  keeps it; its code is ``I-2026Q3-0001``, numbered per quarter and never handed out
  again. It links one or more problems; the last one cannot be unlinked.
- Status: proposed → committed → in progress → done, one step back, dropped from any
  unfinished status (with a decision note saying why), a dropped item proposed again, a
  done one reopened (workbench.services.vocabulary.IMPROVEMENT_TRANSITIONS).
- Order: proposed by frequency × impact, overruled by the manager's moves, which are kept
  (workbench.services.ranking).
- Carry-over copies a quarter's unfinished items (proposed, committed, in progress) into
  a later quarter, each linked to the one it continues; an item is carried over once.
- A frozen list still takes every edit, and each is shown as a post-freeze change.

Every write is one audited unit of work with its change notice; undo is the domain
history's (``Services.history.undo`` of the ChangeSets ``Services.recorded`` captured),
and ``restore`` brings a deleted item back from its own audit entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import func, select

from workbench.services import improvement_pages as pages
from workbench.services import quarters
from workbench.services.base import Service
from workbench.services.errors import FieldError, NotFoundError, ValidationError
from workbench.services.history import HistoryService
from workbench.services.improvement_order import reorder
from workbench.services.improvement_pages import rows_of_quarter
from workbench.services.improvement_read import (
    ITEM,
    load_item,
    post_freeze,
    quarter_list,
    record_of,
    summary,
)
from workbench.services.improvement_records import (
    CarryOver,
    ImprovementRecord,
    ImprovementRow,
    PostFreezeChange,
    QuarterHead,
    QuarterListView,
    QuarterSummary,
)
from workbench.services.improvement_rules import (
    COMMITTED,
    PROBLEMS,
    check_problems,
    checked,
    defaults,
    next_code,
    problem_errors,
    quarter_of,
    refuse,
    split,
    status_errors,
)
from workbench.services.kinds import IMPROVEMENT_ITEM
from workbench.services.versions import require_version
from workbench.services.vocabulary import (
    IMPROVEMENT_TRANSITIONS,
    UNFINISHED,
)
from workbench.store.changes import ChangeSet
from workbench.store.models import (
    AuditEntry,
    ImprovementItem,
    ImprovementLink,
    QuarterList,
)


class ImprovementService(Service):
    def __init__(self, *args: Any, history: HistoryService, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._history = history

    # ---- validation -----------------------------------------------------------------
    def validate(self, values: Mapping[str, Any], current: str | None = None) -> list[FieldError]:
        """Errors of a whole item form (its fields and ``problem_ids``), as the user types;
        ``current`` is the status of the item edited (None: a new item)."""
        fields, problems = split(values)
        clean, errors = IMPROVEMENT_ITEM.check({**defaults(), **fields})
        errors = [e for e in errors if e.field != "quarter"]
        if "quarter" in fields:
            errors += [e for e in [quarters.check("quarter", fields["quarter"])[1]] if e]
        errors += status_errors(current, clean)
        if problems is not None or PROBLEMS in values:
            errors += problem_errors(problems)
        return errors

    def get(self, item_id: int) -> ImprovementRecord:
        with self._db.read() as session:
            return record_of(session, load_item(session, item_id))

    def allowed_statuses(self, current: str) -> tuple[str, ...]:
        return IMPROVEMENT_TRANSITIONS.get(current, ())

    def create(self, values: Mapping[str, Any]) -> ImprovementRecord:
        """A new item of ``values["quarter"]`` linking ``values["problem_ids"]``."""
        fields, problems = split(values)
        errors = problem_errors(problems)
        try:
            clean = checked({**defaults(), **fields}, None)
        except ValidationError as error:
            raise ValidationError(error.errors + errors) from None
        if errors:
            raise ValidationError(errors)
        now = self._clock()
        with self._db.write(self.actor) as session:
            self._check_references(session, clean)
            problem_ids = check_problems(session, problems or [])
            item = ImprovementItem(
                **IMPROVEMENT_ITEM.columns(clean),
                code=next_code(session, clean["quarter"]),
                created_at=now,
                updated_at=now,
            )
            item.links = [ImprovementLink(problem_id=p) for p in problem_ids]
            session.add(item)
            session.flush()
            return record_of(session, item)

    def update(
        self, item_id: int, changes: Mapping[str, Any], version: int | None = None
    ) -> ImprovementRecord:
        """Change fields of an item; ``version`` as in ProblemService.update. The quarter
        stays the item's own; a change after its list was frozen is allowed and shown
        (``post_freeze_changes``)."""
        with self._db.write(self.actor) as session:
            item = load_item(session, item_id)
            require_version(session, ITEM, item_id, version)
            given = dict(changes)
            if (
                "quarter" in given
                and quarters.check("quarter", given["quarter"])[0] != item.quarter
            ):
                raise refuse("quarter", "not_editable", "is the item's own")
            given.pop("quarter", None)
            stored = IMPROVEMENT_ITEM.field_values(item)
            clean = checked({**stored, **given}, item.status)
            self._check_references(session, {name: clean[name] for name in given})
            changed = {name: clean[name] for name in given if stored[name] != clean[name]}
            for name, value in IMPROVEMENT_ITEM.columns(changed).items():
                setattr(item, name, value)
            if changed:
                item.updated_at = self._clock()
            session.flush()
            return record_of(session, item)

    def delete(self, item_id: int) -> None:
        """Delete an item with its links; one carried over to a later quarter stays until
        that one is deleted (the later one's history would lose its origin)."""
        with self._db.write(self.actor) as session:
            item = load_item(session, item_id)
            later = session.scalar(
                select(ImprovementItem.code).where(ImprovementItem.carried_from_id == item_id)
            )
            if later is not None:
                raise refuse(
                    "carried_from_id", "carried_on", f"carried over to {later}", value=later
                )
            session.delete(item)

    def restore(self, item_id: int) -> ImprovementRecord:
        """Bring a deleted item back with its id, code and links, by undoing the write
        that deleted it (refused with ConflictError if that would break what came since)."""
        with self._db.read() as session:
            if session.get(ImprovementItem, item_id) is not None:
                return record_of(session, load_item(session, item_id))
            deleted = session.scalar(
                select(AuditEntry)
                .where(
                    AuditEntry.entity == ITEM,
                    AuditEntry.entity_id == item_id,
                    AuditEntry.action == "delete",
                )
                .order_by(AuditEntry.id.desc())
                .limit(1)
            )
            if deleted is None:
                raise NotFoundError(f"improvement_item {item_id} was never deleted")
            # The write's entries share its moment and actor and lie next to each other.
            near = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.id.between(deleted.id - 10_000, deleted.id + 10_000))
                .where(AuditEntry.at == deleted.at, AuditEntry.actor == deleted.actor)
                .order_by(AuditEntry.id)
            ).all()
            entries = [(e.id, e.entity, e.entity_id, e.action) for e in near]
            write = ChangeSet.of(deleted.actor, entries)
        assert write is not None  # it holds the delete itself
        self._history.undo(write)
        return self.get(item_id)

    # ---- problems of an item ----------------------------------------------------------
    def link(self, item_id: int, problem_id: int) -> ImprovementRecord:
        """Link a problem to the item (nothing changes if it is linked already)."""
        with self._db.write(self.actor) as session:
            item = load_item(session, item_id)
            check_problems(session, [problem_id])
            if all(link.problem_id != problem_id for link in item.links):
                item.links.append(ImprovementLink(problem_id=problem_id))
                session.flush()
            return record_of(session, item)

    def unlink(self, item_id: int, problem_id: int) -> ImprovementRecord:
        """Unlink a problem; an item keeps at least one."""
        with self._db.write(self.actor) as session:
            item = load_item(session, item_id)
            found = [link for link in item.links if link.problem_id == problem_id]
            if found and len(item.links) == 1:
                raise refuse(PROBLEMS, "needs_problem", "links at least one problem")
            for link in found:
                session.delete(link)  # not an orphan left to the flush: that goes unaudited
            session.flush()
            session.expire(item, ["links"])
            return record_of(session, item)

    # ---- a quarter's list -------------------------------------------------------------
    def quarters(self) -> tuple[str, ...]:
        """Every quarter that has items or a list, oldest first."""
        with self._db.read() as session:
            found = set(session.scalars(select(ImprovementItem.quarter).distinct()))
            found |= set(session.scalars(select(QuarterList.quarter)))
        return tuple(sorted(found))

    def list_for(self, quarter: str) -> QuarterListView:
        """The quarter's list as shown: the manager's order, then the proposed one, each
        row with its score's parts."""
        wanted = quarter_of("quarter", quarter)
        with self._db.read() as session:
            return rows_of_quarter(session, wanted)

    def head(self, quarter: str) -> QuarterHead:
        """The quarter's list without its rows: its size and whether it is frozen."""
        wanted = quarter_of("quarter", quarter)
        with self._db.read() as session:
            return pages.head(session, wanted)

    def page(self, quarter: str, first: int, count: int) -> tuple[ImprovementRow, ...]:
        """``count`` rows of the quarter's list from position ``first`` + 1, as shown."""
        wanted = quarter_of("quarter", quarter)
        with self._db.read() as session:
            return pages.page(session, wanted, first, count)

    def position(self, quarter: str, item_id: int) -> int | None:
        """The item's place (1 first) in the quarter's list; None when not in it."""
        wanted = quarter_of("quarter", quarter)
        with self._db.read() as session:
            return pages.position_of(session, wanted, item_id)

    def move_to(self, item_id: int, position: int) -> QuarterListView:
        """Put the item at ``position`` (1 first) of its quarter's list; the order stays
        as the manager left it (new items come after the placed ones)."""
        with self._db.write(self.actor) as session:
            item = load_item(session, item_id)
            view = rows_of_quarter(session, item.quarter)
            count = len(view.rows)
            if (
                isinstance(position, bool)
                or not isinstance(position, int)
                or not (1 <= position <= count)
            ):
                raise refuse(
                    "manual_rank", "not_in_list", f"must be between 1 and {count}", high=count
                )
            reorder(session, view, item_id, position)
            session.flush()
            return rows_of_quarter(session, item.quarter)

    def move_up(self, item_id: int) -> QuarterListView:
        return self._move_by(item_id, -1)

    def move_down(self, item_id: int) -> QuarterListView:
        return self._move_by(item_id, +1)

    def _move_by(self, item_id: int, step: int) -> QuarterListView:
        with self._db.read() as session:
            item = load_item(session, item_id)
            view = rows_of_quarter(session, item.quarter)
        now = next(r.position for r in view.rows if r.id == item_id)
        return self.move_to(item_id, min(max(now + step, 1), len(view.rows)))

    def clear_order(self, quarter: str) -> QuarterListView:
        """Forget the manager's order: the list goes back to the proposed one."""
        wanted = quarter_of("quarter", quarter)
        with self._db.write(self.actor) as session:
            placed = session.scalars(
                select(ImprovementItem).where(
                    ImprovementItem.quarter == wanted, ImprovementItem.manual_rank.is_not(None)
                )
            )
            for item in placed:
                item.manual_rank = None
            session.flush()
            return rows_of_quarter(session, wanted)

    # ---- the quarter's end ------------------------------------------------------------
    def carry_over(self, from_quarter: str, to_quarter: str | None = None) -> CarryOver:
        """Copy ``from_quarter``'s unfinished items into ``to_quarter`` (the next quarter
        by default: 2026Q4 → 2027Q1), in their list order, with their status, owner,
        target, note and problems; each new one is carried from its original. The
        originals stay as they were, so the old quarter's history is unchanged."""
        source = quarter_of("from_quarter", from_quarter)
        target = (
            str(quarters.parse(source).next())
            if to_quarter is None
            else quarter_of("to_quarter", to_quarter)
        )
        if quarters.parse(target) <= quarters.parse(source):
            raise refuse("to_quarter", "not_later", f"must be later than {source}", value=source)
        now = self._clock()
        with self._db.write(self.actor) as session:
            view = rows_of_quarter(session, source)
            carried, already = [], []
            for row in view.rows:
                if row.status not in UNFINISHED:
                    continue
                if row.carried.to_code is not None:
                    already.append(row.code)
                    continue
                old = load_item(session, row.id)
                copy = ImprovementItem(
                    **IMPROVEMENT_ITEM.columns(IMPROVEMENT_ITEM.field_values(old)),
                    code=next_code(session, target),
                    carried_from_id=old.id,
                    created_at=now,
                    updated_at=now,
                )
                copy.quarter = target
                copy.links = [ImprovementLink(problem_id=link.problem_id) for link in old.links]
                session.add(copy)
                session.flush()
                carried.append((old.code, copy.code))
            return CarryOver(source, target, tuple(carried), tuple(already))

    def freeze(self, quarter: str) -> QuarterListView:
        """Freeze the quarter's committed list: from now on each edit of its items is
        shown as a post-freeze change. A list with nothing committed is not frozen."""
        wanted = quarter_of("quarter", quarter)
        with self._db.write(self.actor) as session:
            row = quarter_list(session, wanted)
            if row is not None and row.frozen_at is not None:
                raise refuse("quarter", "already_frozen", "is frozen already", value=wanted)
            committed = session.scalar(
                select(func.count())
                .select_from(ImprovementItem)
                .where(ImprovementItem.quarter == wanted, ImprovementItem.status.in_(COMMITTED))
            )
            if not committed:
                raise refuse("quarter", "nothing_committed", "has no committed item", value=wanted)
            if row is None:
                row = QuarterList(quarter=wanted)
                session.add(row)
            row.frozen_at = self._clock()
            row.frozen_by = self.actor
            session.flush()
            return rows_of_quarter(session, wanted)

    def post_freeze_changes(self, quarter: str) -> tuple[PostFreezeChange, ...]:
        """Edits of the quarter's items since its list was frozen, oldest first: who,
        when, which field, old → new (links as the problem's code)."""
        wanted = quarter_of("quarter", quarter)
        with self._db.read() as session:
            return post_freeze(session, wanted)

    def compare(self, wanted: Iterable[str]) -> tuple[QuarterSummary, ...]:
        """Quarters side by side, in the order given: committed vs done, carried over,
        dropped (see QuarterSummary)."""
        names = [quarter_of("quarters", q) for q in wanted]
        with self._db.read() as session:
            return tuple(summary(session, name) for name in names)
