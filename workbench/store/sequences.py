"""Are the code sequences still ahead of every code handed out?

``code_sequence`` holds, per prefix (``P-2026`` for problems, ``PL-2026`` for pilots,
``I-2026Q3`` for improvement items, ``T-2026`` for training sessions), the last number
given. Set back behind the program's back, it would hand out a code that a record
already has. So ``check`` finds the highest code of every prefix in each coded table
(via the unique index on code, one range per prefix) and compares. The sequence is
audited too: its value must also be the one its latest audit entry left (a row written
before the sequence was audited has no entries and is compared with the codes only).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, func, inspect, select
from sqlalchemy.orm import Session

from workbench.store.audit import text_key
from workbench.store.models import (
    AuditEntry,
    CodeSequence,
    ImprovementItem,
    Pilot,
    Problem,
    TrainingSession,
)

# The tables whose codes come from the sequences, what their rows are called, and the
# digits of a code's number (P-2026-0001, PL-2026-01, I-2026Q3-0001, T-2026-0001).
CODED: tuple[tuple[Any, str, int], ...] = (
    (Problem, "problem", 4),
    (Pilot, "pilot", 2),
    (ImprovementItem, "improvement item", 4),
    (TrainingSession, "training session", 4),
)


def next_code(session: Session, prefix: str, digits: int) -> str:
    """The next code of ``prefix`` (P-2026 → P-2026-0007), counted in ``code_sequence``
    inside the caller's write (which holds the write lock, so two writers never get the
    same number)."""
    sequence = session.get(CodeSequence, prefix, with_for_update=True)
    if sequence is None:
        sequence = CodeSequence(prefix=prefix, last=0)
        session.add(sequence)
    sequence.last += 1
    return f"{prefix}-{sequence.last:0{digits}d}"


def _prefixes(connection: Connection, model: Any = Problem) -> Iterator[str]:
    """Every prefix in use in ``model``'s codes, one index seek each (codes are
    ``PREFIX-NUMBER``)."""
    code = model.__table__.c.code
    after = ""
    while True:
        first = connection.scalar(select(func.min(code)).where(code > after))
        if first is None:
            return
        prefix, sep, _number = first.rpartition("-")
        if not sep:
            after = first
            continue
        yield prefix
        after = prefix + "."  # "." sorts right after "-": skips this prefix's codes


def highest_number(connection: Connection, prefix: str, model: Any = Problem) -> int:
    """The largest number among ``model``'s codes ``PREFIX-NUMBER`` (0 when none): the
    longest codes first, since "P-2026-10000" sorts before "P-2026-9999" as text."""
    code = model.__table__.c.code
    in_range = (code > prefix + "-", code < prefix + ".")
    longest = connection.scalar(select(func.max(func.length(code))).where(*in_range))
    if longest is None:
        return 0
    top = connection.scalar(select(func.max(code)).where(*in_range, func.length(code) == longest))
    number = str(top).rpartition("-")[2]
    return int(number) if number.isdigit() else 0


def _audited_last(connection: Connection, prefix: str) -> str | None:
    """The ``last`` the sequence's newest audit entry left; None if it has none."""
    audit = AuditEntry.__table__
    entry = connection.execute(
        select(audit.c.action, audit.c.field, audit.c.new_value)
        .where(audit.c.entity == CodeSequence.__tablename__, audit.c.entity_id == text_key(prefix))
        .order_by(audit.c.id.desc())
        .limit(1)
    ).first()
    if entry is None:
        return None
    if entry.action == "create":
        return str(json.loads(entry.new_value).get("last"))
    if entry.action == "delete":
        return "nothing (deleted)"
    return str(entry.new_value)


def verify_sequences(connection: Connection) -> str | None:
    """The first code sequence that would hand out an existing code, or that differs
    from its audit trail; None when all are sound."""
    table = CodeSequence.__table__
    lasts = {row.prefix: row.last for row in connection.execute(select(table))}
    present = set(inspect(connection).get_table_names())
    for model, word, digits in CODED:
        if model.__tablename__ not in present:  # a database at an older revision
            continue
        for prefix in _prefixes(connection, model):
            highest = highest_number(connection, prefix, model)
            top = f"{prefix}-{highest:0{digits}d}"
            last = lasts.get(prefix)
            if last is None:
                return (
                    f"the code sequence {prefix} is missing, but {word} codes up to {top} "
                    f"exist (the next {word} would get an existing code)"
                )
            if last < highest:
                return (
                    f"the code sequence {prefix} stands at {last}, below the highest {word} "
                    f"code {top} (it was set back: the next {word} would get an existing code)"
                )
    for prefix, last in lasts.items():
        audited = _audited_last(connection, prefix)
        if audited is not None and audited != str(last):
            return (
                f"the code sequence {prefix} stands at {last}, but its audit trail says "
                f"{audited} (it was changed without the program)"
            )
    return None
