"""Writing the whole record's other kinds back (workbench.transfer.whole_kinds): improvement
items with their links and their quarters' freeze, pilots with rounds and roll-outs,
training sessions with attendance and links, KPIs with measurements, knowledge entries
with links and votes.

It runs inside the problem import's transaction (ImportService.write's ``then``), after
the problems, so a link names a problem (or a cause or solution, by its problem's code and
positions) of the same file. Each row is checked as a single save checks it (the kind's
description in workbench.services.kinds, plus the kind's own rules: a quarter is a
quarter, a p90 is not below its median, a pilot's status follows from its rounds, a KPI's
alarm is not better than its warning, a measurement's month and place), and every
reference must name a record; history is history (an item keeps its status, a session
its attendees' departments on the day). Any error raises BatchError naming each row's
sheet (``RowError.kind``: the table), row and field, and nothing of the file is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from workbench.services import importing_record_more as more
from workbench.services import kinds, quarters
from workbench.services.base import REFERENCES
from workbench.services.bulk import MAX_ERRORS, BatchError
from workbench.services.bulk_rows import RowError
from workbench.services.chain_refs import chain_refs
from workbench.services.errors import FieldError
from workbench.services.kpis import KpiService
from workbench.services.pilot_rules import duration_errors, order_errors
from workbench.store.bulk_import import ImportWriter
from workbench.store.improvement_scores import write_scores
from workbench.store.models import Base

# The list each reference field names (the services' map, and the people a training names).
_LISTED = {
    **{name: str(model.__tablename__) for name, model in REFERENCES.items()},
    "trainer_id": "person",
    "person_id": "person",
}


@dataclass(frozen=True)
class KindInput:
    """One row of a kind's sheet: its fields as read (the lists' names already ids) and
    the sheet's added columns (codes, the records it links, times), by field."""

    row: int
    values: Mapping[str, Any]
    keys: Mapping[str, Any] = field(default_factory=dict)


def codes_of(text: Any) -> list[str]:
    """The codes of a links cell: "P-2026-0001, P-2026-0004" (commas or new lines)."""
    if text is None:
        return []
    return [
        p.strip() for p in str(text).replace("\n", ",").replace("，", ",").split(",") if p.strip()
    ]


class _Write:
    """The rows of one import, checked and written; errors collected, raised at the end."""

    def __init__(self, writer: ImportWriter, stamp: dt.datetime) -> None:
        self.writer = writer
        self.stamp = stamp
        self.errors: list[RowError] = []
        self.known = writer.known_ids()
        self.ids: dict[str, dict[str, int]] = {}  # each coded table's ids by code
        self._unwritten = 0
        self._links()

    def _links(self) -> None:
        """The problems, causes, solutions and results links may name, as the sheets
        name them."""
        conn = self.writer.connection
        tables = Base.metadata.tables

        def pairs(table: str, parent: str) -> list[tuple[int, int]]:
            model = tables[table]
            return [(r[0], r[1]) for r in conn.execute(select(model.c.id, model.c[parent]))]

        problem = tables["problem"]
        codes = {r.id: r.code for r in conn.execute(select(problem.c.id, problem.c.code))}
        self.ids["problem"] = {code: pid for pid, code in codes.items()}
        named = chain_refs(
            codes,
            pairs("cause", "problem_id"),
            pairs("solution", "cause_id"),
            pairs("result", "solution_id"),
        )
        for kind, refs in named.items():
            self.ids[kind] = {ref: rid for rid, ref in refs.items()}

    # ---- checks ---------------------------------------------------------------------
    def fail(self, table: str, row: int, name: str, code: str, message: str, **params: Any) -> None:
        self.errors.append(RowError(row, table, FieldError(name, code, message, params)))

    def checked(self, table: str, item: KindInput, extra: Sequence[FieldError] = ()) -> Any:
        """The clean values of ``item`` by its kind's description, or None (errors kept)."""
        kind = kinds.KINDS[table]
        clean, errors = kind.check(item.values)
        for name, spec in kind.fields.items():
            listed = _LISTED.get(name)
            value = clean.get(name)
            if (
                spec.kind == "ref"
                and listed
                and value is not None
                and value not in self.known[listed]
            ):
                errors.append(FieldError(name, "unknown_reference", "refers to nothing"))
        errors += list(extra)
        if errors:
            self.errors.extend(RowError(item.row, table, e) for e in errors)
            return None
        return kind.columns(clean)

    def code(self, table: str, item: KindInput) -> str | None:
        """The row's own code: required, not repeated, not one the database holds."""
        code = str(item.keys.get("code") or "").strip()
        have = self.ids.setdefault(table, self._existing(table))
        if not code:
            self.fail(table, item.row, "code", "required", "is required")
        elif code in have:
            self.fail(table, item.row, "code", "duplicate_code", f"{code} is already there")
        else:
            return code
        return None

    def _existing(self, table: str) -> dict[str, int]:
        model = Base.metadata.tables[table]
        query = select(model.c.code, model.c.id)
        return {r.code: r.id for r in self.writer.connection.execute(query)}

    def named(self, table: str, item: KindInput, key: str, target: str) -> list[int]:
        """The ids of the records a links cell names; an unknown one is an error."""
        found = []
        for ref in codes_of(item.keys.get(key)):
            rid = self.ids.get(target, {}).get(ref)
            if rid is None:
                self.fail(table, item.row, key, "unknown_reference", f"{ref} is not in the file")
            else:
                found.append(rid)
        return found

    def parent(self, table: str, item: KindInput, key: str, target: str) -> Any:
        """The id of the record a row belongs to (by its code), None (an error) if none."""
        code = str(item.keys.get(key) or "").strip()
        found = self.ids.get(target, {}).get(code)
        if found is None:
            self.fail(
                table, item.row, key, "unknown_reference", f"{code or '-'} is not in the file"
            )
        return found

    def times(self, item: KindInput) -> dict[str, dt.datetime]:
        return {n: item.keys.get(n) or self.stamp for n in ("created_at", "updated_at")}

    def add(self, table: str, values: Mapping[str, Any]) -> int:
        """The row written, its id; after an error nothing more is written (the import
        is rolled back), each row given an id of its own so the checks go on."""
        if self.errors:
            return self.unwritten()
        return self.writer.add_entry(table, values)

    def unwritten(self) -> int:
        """An id of a row not written (refused, or after an error), its own."""
        self._unwritten -= 1
        return self._unwritten


def _items(w: _Write, rows: Sequence[KindInput]) -> None:
    table = "improvement_item"
    added: list[int] = []
    for item in rows:
        code = w.code(table, item)
        _, quarter_error = quarters.check("quarter", item.values.get("quarter"))
        clean = w.checked(table, item, [quarter_error] if quarter_error else [])
        problems = w.named(table, item, "problem_codes", "problem")
        carried = None
        if item.keys.get("carried_from_id"):
            carried = w.parent(table, item, "carried_from_id", table)
        if clean is None or code is None:
            continue
        clean["quarter"] = quarters.check("quarter", clean["quarter"])[0]
        values = {**clean, "code": code, "manual_rank": item.keys.get("manual_rank")}
        item_id = w.add(table, {**values, "carried_from_id": carried, **w.times(item)})
        w.ids[table][code] = item_id
        added.append(item_id)
        for problem_id in dict.fromkeys(problems):
            w.add("improvement_item_problem", {"item_id": item_id, "problem_id": problem_id})
    if not w.errors:
        write_scores(w.writer.connection, added)


def _quarter_lists(w: _Write, rows: Sequence[KindInput]) -> None:
    seen: set[str] = set()
    for item in rows:
        text, error = quarters.check("quarter", item.keys.get("quarter"))
        if error is not None or text is None:
            w.fail("quarter_list", item.row, "quarter", "not_a_quarter", "is not a quarter")
            continue
        if text in seen:
            w.fail("quarter_list", item.row, "quarter", "repeated_row", "repeats another row")
        seen.add(text)
        frozen = {n: item.keys.get(n) for n in ("frozen_at", "frozen_by")}
        w.add("quarter_list", {"quarter": text, **frozen})


def _pilots(w: _Write, inputs: Mapping[str, Sequence[KindInput]]) -> None:
    rows: dict[int, list[tuple[int, str | None]]] = {}  # each pilot's rounds' decisions
    rollouts: dict[int, int] = {}
    for item in inputs.get("pilot", ()):
        code = w.code("pilot", item)
        clean = w.checked("pilot", item)
        if clean is None or code is None:
            continue
        status = item.keys.get("status") or "running"
        pilot_id = w.add("pilot", {**clean, "code": code, "status": status, **w.times(item)})
        w.ids["pilot"][code] = pilot_id
        rows[pilot_id] = []
    numbers: set[tuple[int, int]] = set()
    for item in inputs.get("pilot_round", ()):
        pilot_id = w.parent("pilot_round", item, "pilot_code", "pilot")
        extra = duration_errors(kinds.PILOT_ROUND.check(item.values)[0])
        clean = w.checked("pilot_round", item, extra)
        number = item.keys.get("number")
        if not isinstance(number, int) or number < 1 or (pilot_id, number) in numbers:
            w.fail("pilot_round", item.row, "number", "repeated_row", "is not a new round number")
        if clean is None or pilot_id is None or not isinstance(number, int):
            continue
        numbers.add((pilot_id, number))
        fixed = bool(item.keys.get("dates_fixed"))
        w.add(
            "pilot_round", {**clean, "pilot_id": pilot_id, "number": number, "dates_fixed": fixed}
        )
        rows.setdefault(pilot_id, []).append((number, clean.get("decision")))
    for item in inputs.get("pilot_rollout", ()):
        pilot_id = w.parent("pilot_rollout", item, "pilot_code", "pilot")
        clean = w.checked("pilot_rollout", item)
        if clean is not None and pilot_id is not None:
            w.add("pilot_rollout", {**clean, "pilot_id": pilot_id})
            rollouts[pilot_id] = rollouts.get(pilot_id, 0) + 1
    for item in inputs.get("pilot", ()):
        found = w.ids["pilot"].get(str(item.keys.get("code") or "").strip())
        if found is None or found not in rows:
            continue
        decisions = [d for _, d in sorted(rows[found])]
        status = item.keys.get("status") or "running"
        for error in order_errors(decisions, status, rollouts.get(found, 0)):
            w.errors.append(RowError(item.row, "pilot", error))


def _training(w: _Write, inputs: Mapping[str, Sequence[KindInput]]) -> None:
    table = "training_session"
    for item in inputs.get(table, ()):
        code = w.code(table, item)
        clean = w.checked(table, item)
        problems = w.named(table, item, "problem_codes", "problem")
        solutions = w.named(table, item, "solution_refs", "solution")
        if clean is None or code is None:
            continue
        session_id = w.add(table, {**clean, "code": code, **w.times(item)})
        w.ids[table][code] = session_id
        for pid in dict.fromkeys(problems):
            w.add(
                "training_link", {"session_id": session_id, "problem_id": pid, "solution_id": None}
            )
        for sid in dict.fromkeys(solutions):
            w.add(
                "training_link", {"session_id": session_id, "problem_id": None, "solution_id": sid}
            )
    pairs: set[tuple[int, int]] = set()
    for item in inputs.get("attendance", ()):
        session_id = w.parent("attendance", item, "session_code", table)
        department = item.keys.get("department_id")
        clean = w.checked("attendance", item)
        if department is not None and department not in w.known["department"]:
            w.fail(
                "attendance", item.row, "department_id", "unknown_reference", "refers to nothing"
            )
            continue
        if clean is None or session_id is None:
            continue
        if (session_id, clean["person_id"]) in pairs:
            w.fail("attendance", item.row, "person_id", "repeated_row", "repeats another row")
            continue
        pairs.add((session_id, clean["person_id"]))
        w.add("attendance", {**clean, "session_id": session_id, "department_id": department})


def write_kinds(
    writer: ImportWriter,
    inputs: Mapping[str, Sequence[KindInput]],
    stamp: dt.datetime,
    check: KpiService,
) -> int:
    """Check and write every row of ``inputs`` (by table) with ``writer``, inside its
    transaction; how many rows. Raises BatchError (rolling the whole import back)."""
    w = _Write(writer, stamp)
    _items(w, inputs.get("improvement_item", ()))
    _quarter_lists(w, inputs.get("quarter_list", ()))
    _pilots(w, inputs)
    _training(w, inputs)
    more.kpis(w, inputs, check)
    more.alerts(w, inputs.get("kpi_alert", ()))
    more.result_kpis(w, inputs.get("result_kpi", ()))
    more.knowledge(w, inputs.get("knowledge_entry", ()))
    more.status_history(w, inputs.get("status_change", ()))
    if w.errors:
        wrong = w.errors[:MAX_ERRORS]
        raise BatchError(wrong, complete=len(w.errors) <= MAX_ERRORS)
    return sum(len(rows) for rows in inputs.values())
