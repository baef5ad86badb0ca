"""The whole record's other kinds in its workbook: improvement items and their quarters'
freeze, pilots with their rounds and roll-outs, training sessions with their attendance,
KPIs with their measurements, and the knowledge base's entries.

Each sheet is described once (``KIND_SHEETS``): the table, the kind's fields
(workbench.services.kinds) and the columns this module adds, each filled from the
record's links (``_derive``): its parent's code (a round keyed by its pilot's code and
number, an attendance by its session's code, a measurement by its KPI's name), the
problems, causes, solutions and sessions it is linked to as their codes (a cause as
"P-2026-0001/1", a solution as "P-2026-0001/1/2"), the times it was made and changed.
They are written as the problem sheets are (names for ids, list values in the user's
language, numbers with their typed decimals) and read back by
workbench.transfer.whole_kinds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from workbench.services.chain_refs import chain_refs
from workbench.services.fields import Spec
from workbench.services.kpi_records import kpi_title
from workbench.services.vocabulary import PROBLEM_STATUSES
from workbench.transfer.export import SheetData
from workbench.transfer.kinds import Column, columns_of
from workbench.vocabulary import PILOT_STATUS, VOCABULARIES
from workbench.vocabulary.transfer import SHEET_NAMES

_TEXT = Spec("text")
_TIME = Spec("text")  # a time, written as text to the microsecond (record.TIMES)
Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class KindSheet:
    table: str
    columns: tuple[Column, ...]


def _added(*names: str, spec: Spec = _TEXT) -> tuple[Column, ...]:
    """Columns this module fills (their headers are the transfer vocabulary's words)."""
    return tuple(Column("", name, spec) for name in names)


def _own(table: str, *names: str) -> tuple[Column, ...]:
    return (Column(table, "code", _TEXT), *columns_of(table, names or None))


_TIMES = _added("created_at", "updated_at", spec=_TIME)
_PRESET = Spec("choice", choices=VOCABULARIES["kpi_preset"].keys)
ALERT_STATUS = VOCABULARIES["alert_status"]

KIND_SHEETS: tuple[KindSheet, ...] = (
    KindSheet(
        "improvement_item",
        (
            *_own("improvement_item"),
            *_added("problem_codes"),
            Column("improvement_item", "manual_rank", Spec("int")),
            Column("improvement_item", "carried_from_id", _TEXT),  # the item's code
            *_TIMES,
        ),
    ),
    KindSheet(
        "quarter_list",
        (
            Column("quarter_list", "quarter", _TEXT),
            Column("quarter_list", "frozen_by", _TEXT),
            Column("quarter_list", "frozen_at", _TIME),
        ),
    ),
    KindSheet(
        "pilot",
        (
            *_own("pilot"),
            Column("pilot", "status", Spec("choice", choices=PILOT_STATUS.keys)),
            *_TIMES,
        ),
    ),
    KindSheet(
        "pilot_round",
        (
            *_added("pilot_code"),
            Column("pilot_round", "number", Spec("int")),
            *columns_of("pilot_round"),
            *_added("dates_fixed", spec=Spec("bool")),
        ),
    ),
    KindSheet("pilot_rollout", (*_added("pilot_code"), *columns_of("pilot_rollout"))),
    KindSheet(
        "training_session",
        (*_own("training_session"), *_added("problem_codes", "solution_refs"), *_TIMES),
    ),
    KindSheet(
        "attendance",
        (
            *_added("session_code"),
            *columns_of("attendance"),
            Column("attendance", "department_id", Spec("ref"), "department"),
        ),
    ),
    KindSheet(
        "kpi",
        (
            *_added("kpi"),
            Column("", "preset", _PRESET),
            *columns_of("kpi"),
            *_TIMES,
        ),
    ),
    KindSheet(
        "kpi_measurement",
        (
            *_added("kpi"),
            *columns_of("kpi_measurement", ("period", "site_id", "department_id", "value")),
        ),
    ),
    KindSheet(
        "kpi_alert",
        (
            *_added("kpi"),
            Column("kpi_alert", "site_id", Spec("ref"), "site"),
            Column("kpi_alert", "department_id", Spec("ref"), "department"),
            Column("kpi_alert", "problem_id", _TEXT),  # the ticket's code
            Column("kpi_alert", "status", Spec("choice", choices=ALERT_STATUS.keys)),
            Column("kpi_alert", "opened_period", _TEXT),
            Column("kpi_alert", "last_breach_period", _TEXT),
            Column("kpi_alert", "closed_on", Spec("date")),
            *_added("opened_at", spec=_TIME),
            *_added("breaches"),
        ),
    ),
    KindSheet(
        "result_kpi",
        (
            *_added("result_ref", "kpi"),
            Column("result_kpi", "site_id", Spec("ref"), "site"),
            Column("result_kpi", "department_id", Spec("ref"), "department"),
            *(Column("result_kpi", n, _TEXT) for n in ("baseline_from", "baseline_to")),
            Column("result_kpi", "after_from", _TEXT),
        ),
    ),
    KindSheet(
        "knowledge_entry",
        (
            *columns_of("knowledge_entry"),
            *_added("author", "problem_codes", "cause_refs", "solution_refs", "session_codes"),
            *_added("votes"),
            *_added("views", spec=Spec("int")),
            *_TIMES,
        ),
    ),
    KindSheet(
        "status_change",
        (
            *_added("code"),
            *(
                Column("status_change", n, Spec("choice", choices=PROBLEM_STATUSES))
                for n in ("from_status", "to_status")
            ),
            *(Column("status_change", n, _TEXT) for n in ("reason", "changed_by")),
            Column("status_change", "changed_at", _TIME),
        ),
    ),
)
# The tables whose rows link a record to others (read with the sheets, never a sheet).
LINK_TABLES = ("improvement_item_problem", "training_link", "knowledge_link", "knowledge_vote")


@dataclass(frozen=True)
class Refs:
    """Each record a link may name, by id, as the sheets write it."""

    problems: Mapping[int, str]
    causes: Mapping[int, str]
    solutions: Mapping[int, str]
    results: Mapping[int, str]
    codes: Mapping[str, Mapping[int, str]]  # pilot, training_session, improvement_item
    kpis: Mapping[int, str]


def refs_of(chain: Mapping[str, Rows], rows_of: Callable[[str], Rows], language: str) -> Refs:
    """The names of the records links name; ``chain`` holds the problems' sheets' rows."""
    problems = {r["id"]: r["code"] for r in chain["problem"]}
    named = chain_refs(
        problems,
        ((r["id"], r["problem_id"]) for r in chain["cause"]),
        ((r["id"], r["cause_id"]) for r in chain["solution"]),
        ((r["id"], r["solution_id"]) for r in chain["result"]),
    )
    codes = {
        t: {r["id"]: r["code"] for r in rows_of(t)}
        for t in ("pilot", "training_session", "improvement_item")
    }
    kpis = {r["id"]: kpi_title(r["preset"], r["name"], language) for r in rows_of("kpi")}
    return Refs(problems, named["cause"], named["solution"], named["result"], codes, kpis)


def _joined(
    links: Rows, owner: str, named: Mapping[str, Mapping[int, str]]
) -> dict[str, dict[int, str]]:
    """For each column in ``named`` (field: {id: name}), each owner's names, joined."""
    found: dict[str, dict[int, list[str]]] = {column: {} for column in named}
    for link in links:
        for column, names in named.items():
            key = _LINK_KEYS[column]
            if link.get(key) is not None:
                found[column].setdefault(link[owner], []).append(names[link[key]])
    return {c: {o: ", ".join(n) for o, n in owners.items()} for c, owners in found.items()}


_LINK_KEYS = {
    "problem_codes": "problem_id",
    "cause_refs": "cause_id",
    "solution_refs": "solution_id",
    "session_codes": "session_id",
}


def _derive(table: str, rows: Rows, refs: Refs, rows_of: Callable[[str], Rows]) -> None:
    """Fill the columns this module adds to ``table``'s rows."""
    named: dict[str, Mapping[int, str]] = {}
    links: tuple[str, str] | None = None
    if table == "improvement_item":
        named, links = {"problem_codes": refs.problems}, ("improvement_item_problem", "item_id")
        items = refs.codes["improvement_item"]
        for row in rows:
            row["carried_from_id"] = items.get(row["carried_from_id"])
    elif table in ("pilot_round", "pilot_rollout"):
        for row in rows:
            row["pilot_code"] = refs.codes["pilot"].get(row["pilot_id"])
    elif table == "training_session":
        named = {"problem_codes": refs.problems, "solution_refs": refs.solutions}
        links = ("training_link", "session_id")
    elif table == "attendance":
        for row in rows:
            row["session_code"] = refs.codes["training_session"].get(row["session_id"])
    elif table == "kpi":
        for row in rows:
            row["kpi"] = refs.kpis[row["id"]]
    elif table == "kpi_measurement":
        for row in rows:
            row["kpi"] = refs.kpis[row["kpi_id"]]
    elif table == "knowledge_entry":
        named = {
            "problem_codes": refs.problems,
            "cause_refs": refs.causes,
            "solution_refs": refs.solutions,
            "session_codes": refs.codes["training_session"],
        }
        links = ("knowledge_link", "entry_id")
        votes: dict[int, list[str]] = {}
        for vote in rows_of("knowledge_vote"):
            votes.setdefault(vote["entry_id"], []).append(
                f"{vote['voter']} {'+' if vote['helpful'] else '-'}"
            )
        views = {v["entry_id"]: v["views"] for v in rows_of("knowledge_view")}
        for row in rows:
            row["votes"] = "\n".join(votes.get(row["id"], [])) or None
            row["views"] = views.get(row["id"])
    elif table == "kpi_alert":
        _alerts(rows, refs, rows_of)
    elif table == "result_kpi":
        for row in rows:
            row.update(result_ref=refs.results[row["result_id"]], kpi=refs.kpis[row["kpi_id"]])
    elif table == "status_change":
        for row in rows:
            row["code"] = refs.problems[row["problem_id"]]
    if links is not None:
        joined = _joined(rows_of(links[0]), links[1], named)
        for row in rows:
            for column in named:
                row[column] = joined[column].get(row["id"]) or None


def _alerts(rows: Rows, refs: Refs, rows_of: Callable[[str], Rows]) -> None:
    """An alert's KPI and ticket by name, its breaches as "2026-10 red" lines."""
    periods = {m["id"]: m["period"] for m in rows_of("kpi_measurement")}
    breaches: dict[int, list[str]] = {}
    for breach in rows_of("kpi_alert_breach"):
        line = f"{periods[breach['measurement_id']]} {breach['level']}"
        breaches.setdefault(breach["alert_id"], []).append(line)
    for row in rows:
        row["kpi"] = refs.kpis[row["kpi_id"]]
        row["problem_id"] = refs.problems.get(row["problem_id"])
        row["breaches"] = "\n".join(breaches.get(row["id"], [])) or None


def kind_sheets(
    language: str,
    rows_of: Callable[[str], Rows],
    shown: Any,
    names: Mapping[str, Any],
    chain: Mapping[str, Rows],
) -> list[SheetData]:
    """The other kinds' sheets; ``rows_of(table)`` reads a table, ``shown`` writes a value,
    ``chain`` is the problems' sheets' rows (with their codes and positions)."""
    refs = refs_of(chain, rows_of, language)
    sheets = []
    for sheet in KIND_SHEETS:
        rows = rows_of(sheet.table)
        _derive(sheet.table, rows, refs, rows_of)
        from workbench.transfer.record import header

        headers = [header(c, sheet.table, language) for c in sheet.columns]
        values = [[shown(c, row, names, language) for c in sheet.columns] for row in rows]
        title = SHEET_NAMES[sheet.table].get(language) or SHEET_NAMES[sheet.table]["en"]
        sheets.append(SheetData(title, headers, values, len(values)))
    return sheets
