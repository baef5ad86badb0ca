"""The whole record's KPIs and what hangs on them, its knowledge base and its problems'
status history, written back inside the import's transaction (the rest of
workbench.services.importing_record, whose ``_Write`` checks and writes the rows).

A KPI is checked as its form checks it (KpiService.validate: a name or a preset, the
alarm not better than the warning); one of the articles' KPIs takes over the same preset
a new database started with, while that one is untouched. Its measurements are checked
as the KPI import checks them (workbench.services.kpi_input: a month, one place, one
value per KPI, month and place).
An alert names its KPI, series and ticket by name and code, its breaches the series'
measurements by month; a result measured by a KPI names its result by its problem's code
and positions ("P-2026-0030/1/1/1"); a status change names its problem by code. The
periods are months as the KPIs write them. A knowledge entry's view count is written
beside it, unaudited as the program keeps it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from workbench.services.bulk_rows import RowError
from workbench.services.kpi_input import check_rows, parse_period
from workbench.services.kpi_records import MeasurementInput, kpi_title
from workbench.services.kpis import KpiService
from workbench.services.user_data import untouched_presets
from workbench.services.vocabulary import PROBLEM_STATUSES
from workbench.store.models import KnowledgeView, Kpi, KpiMeasurement

if TYPE_CHECKING:
    from workbench.services.importing_record import KindInput, _Write

_LEVELS = ("green", "amber", "red")


def fold(name: Any) -> str:
    """A KPI's name as matched: no spaces, any case."""
    return "".join(str(name or "").split()).casefold()


def _spare_presets(w: _Write) -> dict[str, int]:
    """The articles' KPIs a new database started with, still untouched, by preset: a
    sheet's row of the same preset takes one over instead of adding it twice."""
    with Session(bind=w.writer.connection) as session:  # inside the import's transaction
        ids = untouched_presets(session)
        found = session.execute(select(Kpi.preset, Kpi.id).where(Kpi.id.in_(ids)))
        return {preset: kpi_id for preset, kpi_id in found if preset}


def _held_titles(w: _Write, spare: set[int]) -> set[str]:
    """The names (folded, in both languages) of the KPIs the database holds already,
    but for the untouched presets a sheet's row may take over."""
    found = w.writer.connection.execute(select(Kpi.id, Kpi.preset, Kpi.name))
    return {
        fold(kpi_title(preset, name, language))
        for kpi_id, preset, name in found
        if kpi_id not in spare
        for language in ("zh_CN", "en")
    }


def kpis(w: _Write, inputs: Mapping[str, Sequence[KindInput]], check: KpiService) -> None:
    titles = w.ids.setdefault("kpi", {})
    spare = _spare_presets(w)
    held = _held_titles(w, set(spare.values()))
    for item in inputs.get("kpi", ()):
        preset = item.keys.get("preset")
        clean = w.checked("kpi", item, check.validate(item.values, preset))
        title = fold(item.keys.get("kpi") or item.values.get("name"))
        if title in titles:
            w.fail("kpi", item.row, "kpi", "repeated_row", "names another row's KPI")
        elif title in held:  # the database has it: a second one of that name is refused
            name = item.keys.get("kpi") or item.values.get("name")
            w.fail("kpi", item.row, "kpi", "duplicate", f"{name} already exists", value=name)
        if clean is None:  # known by its name still: its measurements are not refused too
            titles.setdefault(title, w.unwritten())
            continue
        values = {**clean, "preset": preset, **w.times(item)}
        kept = spare.pop(preset, None) if preset else None
        if kept is None:
            titles[title] = w.add("kpi", values)
        else:
            titles[title] = kept
            if not w.errors:
                w.writer.update("kpi", kept, values)
    rows = inputs.get("kpi_measurement", ())
    given = [
        MeasurementInput(
            titles.get(fold(item.keys.get("kpi")), -1),
            item.values.get("period"),
            item.values.get("value"),
            item.values.get("site_id"),
            item.values.get("department_id"),
        )
        for item in rows
    ]
    if w.errors or not given:
        return
    with Session(bind=w.writer.connection) as session:  # inside the import's transaction
        clean, errors = check_rows(session, given)
    for error in errors:
        w.errors.append(RowError(rows[error.row - 1].row, error.kind, error.error))
    for measurement in clean:
        w.add(
            "kpi_measurement",
            {
                "kpi_id": measurement.kpi_id,
                "period": measurement.period,
                "site_id": measurement.site_id,
                "department_id": measurement.department_id,
                "value": measurement.value,
                "value_decimals": measurement.decimals,
            },
        )


def _month(w: _Write, table: str, item: KindInput, name: str, required: bool = True) -> Any:
    value = item.keys.get(name)
    if value in (None, "") and not required:
        return None
    try:
        return parse_period(value)
    except ValueError:
        w.fail(table, item.row, name, "not_a_period", "is not a month (2026-03)")
        return None


def _listed(w: _Write, table: str, item: KindInput, name: str, listed: str) -> Any:
    value = item.keys.get(name)
    if value is not None and value not in w.known[listed]:
        w.fail(table, item.row, name, "unknown_reference", "refers to nothing")
    return value


def _kpi(w: _Write, table: str, item: KindInput) -> Any:
    found = w.ids.get("kpi", {}).get(fold(item.keys.get("kpi")))
    if found is None:
        w.fail(table, item.row, "kpi", "unknown_reference", "names no KPI of the file")
    return found


def _required(w: _Write, table: str, item: KindInput, name: str) -> Any:
    value = item.keys.get(name)
    if value in (None, ""):
        w.fail(table, item.row, name, "required", "is required")
    return value


def alerts(w: _Write, rows: Sequence[KindInput]) -> None:
    """Each alert with its ticket and the measurements it was raised by."""
    table = "kpi_alert"
    measured: dict[tuple[Any, ...], int] = {}
    if rows and not w.errors:
        columns = KpiMeasurement.__table__.c
        query = select(columns.id, columns.kpi_id, columns.period, columns.site_id)
        query = query.add_columns(columns.department_id)
        for m in w.writer.connection.execute(query):
            measured[(m.kpi_id, m.period, m.site_id, m.department_id)] = m.id
    for item in rows:
        kpi = _kpi(w, table, item)
        site = _listed(w, table, item, "site_id", "site")
        department = _listed(w, table, item, "department_id", "department")
        ticket = item.keys.get("problem_id")
        problem = w.ids["problem"].get(str(ticket).strip()) if ticket else None
        if ticket and problem is None:
            w.fail(
                table, item.row, "problem_id", "unknown_reference", f"{ticket} is not in the file"
            )
        values = {
            "kpi_id": kpi,
            "site_id": site,
            "department_id": department,
            "problem_id": problem,
            "status": _required(w, table, item, "status"),
            "opened_period": _month(w, table, item, "opened_period"),
            "last_breach_period": _month(w, table, item, "last_breach_period"),
            "closed_on": item.keys.get("closed_on"),
            "opened_at": item.keys.get("opened_at") or w.stamp,
        }
        breaches = []
        for line in str(item.keys.get("breaches") or "").splitlines():
            period, _, level = line.strip().partition(" ")
            found = measured.get((kpi, period, site, department))
            if level.strip() not in _LEVELS or (found is None and not w.errors):
                message = f"{line.strip()} is no measurement of the series and level"
                w.fail(table, item.row, "breaches", "unknown_reference", message)
            breaches.append((found, level.strip()))
        alert = w.add(table, values)
        for found, level in breaches:
            row = {"alert_id": alert, "measurement_id": found, "level": level}
            w.add("kpi_alert_breach", row)


def result_kpis(w: _Write, rows: Sequence[KindInput]) -> None:
    """Each result measured by a KPI series, named by its problem's code and positions."""
    table = "result_kpi"
    for item in rows:
        ref = str(item.keys.get("result_ref") or "").strip()
        result = w.ids["result"].get(ref)
        if result is None:
            w.fail(table, item.row, "result_ref", "unknown_reference", f"{ref or '-'} is no result")
        values = {
            "result_id": result,
            "kpi_id": _kpi(w, table, item),
            "site_id": _listed(w, table, item, "site_id", "site"),
            "department_id": _listed(w, table, item, "department_id", "department"),
            **{n: _month(w, table, item, n) for n in ("baseline_from", "baseline_to")},
            "after_from": _month(w, table, item, "after_from"),
        }
        w.add(table, values)


_KNOWLEDGE_LINKS = (
    ("problem_codes", "problem", "problem_id"),
    ("cause_refs", "cause", "cause_id"),
    ("solution_refs", "solution", "solution_id"),
    ("session_codes", "training_session", "session_id"),
)


def knowledge(w: _Write, rows: Sequence[KindInput]) -> None:
    table = "knowledge_entry"
    views = KnowledgeView.__table__
    for item in rows:
        clean = w.checked(table, item)
        links = [
            (column, w.named(table, item, key, target)) for key, target, column in _KNOWLEDGE_LINKS
        ]
        votes = _votes(w, item)
        if clean is None:
            continue
        author = str(item.keys.get("author") or "")
        entry_id = w.add(table, {**clean, "author": author, **w.times(item)})
        empty = {column: None for _, _, column in _KNOWLEDGE_LINKS}
        for column, ids in links:
            for rid in dict.fromkeys(ids):
                w.add("knowledge_link", {**empty, "entry_id": entry_id, column: rid})
        for voter, helpful in votes.items():
            w.add("knowledge_vote", {"entry_id": entry_id, "voter": voter, "helpful": helpful})
        seen = item.keys.get("views")
        if isinstance(seen, int) and seen > 0 and not w.errors:
            w.writer.connection.execute(insert(views), {"entry_id": entry_id, "views": seen})


def _votes(w: _Write, item: KindInput) -> dict[str, bool]:
    """ "lin.xiao +" lines: each voter's answer (+ helpful, - not)."""
    found: dict[str, bool] = {}
    for line in str(item.keys.get("votes") or "").splitlines():
        voter, _, mark = line.strip().rpartition(" ")
        if not line.strip():
            continue
        if mark not in ("+", "-") or not voter.strip():
            message = f"{line.strip()} is not 'login +' or 'login -'"
            w.fail("knowledge_entry", item.row, "votes", "not_a_vote", message)
            continue
        found[voter.strip()] = mark == "+"
    return found


def status_history(w: _Write, rows: Sequence[KindInput]) -> None:
    """Each problem's status changes: from what to what, why, by whom and when."""
    table = "status_change"
    for item in rows:
        code = str(item.keys.get("code") or "").strip()
        problem = w.ids["problem"].get(code)
        if problem is None:
            w.fail(
                table, item.row, "code", "unknown_reference", f"{code or '-'} is not in the file"
            )
        for name in ("from_status", "to_status"):
            if item.keys.get(name) not in PROBLEM_STATUSES:
                w.fail(table, item.row, name, "unknown_choice", "is no problem status")
        values = {
            "problem_id": problem,
            "from_status": item.keys.get("from_status"),
            "to_status": item.keys.get("to_status"),
            "reason": str(item.keys.get("reason") or ""),
            "changed_by": _required(w, table, item, "changed_by"),
            "changed_at": _required(w, table, item, "changed_at"),
        }
        w.add(table, values)
