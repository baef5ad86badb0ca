"""Translated words for the record's stored keys: statuses, vocabularies, fields, errors.

Strings are marked with QT_TRANSLATE_NOOP so that pyside6-lupdate collects them, and are
translated when asked for, so a language change takes effect on the next call.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from workbench.services.errors import FieldError

_CTX = "Labels"

VOCABULARY: Mapping[str, Mapping[str, str]] = {
    "status": {
        "open": QT_TRANSLATE_NOOP("Labels", "Open"),
        "analysing": QT_TRANSLATE_NOOP("Labels", "Analysing"),
        "solving": QT_TRANSLATE_NOOP("Labels", "Solving"),
        "verifying": QT_TRANSLATE_NOOP("Labels", "Verifying"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
        "rejected": QT_TRANSLATE_NOOP("Labels", "Rejected"),
    },
    "hidden_cost": {
        "process_misalignment": QT_TRANSLATE_NOOP("Labels", "Process-system misalignment"),
        "data_governance": QT_TRANSLATE_NOOP("Labels", "Weak data governance"),
        "change_management": QT_TRANSLATE_NOOP("Labels", "Missing change management"),
        "cross_department": QT_TRANSLATE_NOOP("Labels", "Cross-department breaks"),
        "customisation_debt": QT_TRANSLATE_NOOP("Labels", "Customisation debt"),
    },
    "frequency": {
        "several_daily": QT_TRANSLATE_NOOP("Labels", "Several times a day"),
        "daily": QT_TRANSLATE_NOOP("Labels", "Daily"),
        "weekly": QT_TRANSLATE_NOOP("Labels", "Weekly"),
        "monthly": QT_TRANSLATE_NOOP("Labels", "Monthly"),
        "rarely": QT_TRANSLATE_NOOP("Labels", "Rarely"),
    },
    "category": {
        "process": QT_TRANSLATE_NOOP("Labels", "Process"),
        "data": QT_TRANSLATE_NOOP("Labels", "Data"),
        "people": QT_TRANSLATE_NOOP("Labels", "People"),
        "system": QT_TRANSLATE_NOOP("Labels", "System"),
        "organisation": QT_TRANSLATE_NOOP("Labels", "Organisation"),
    },
    "kind": {
        "corrective": QT_TRANSLATE_NOOP("Labels", "Corrective"),
        "preventive": QT_TRANSLATE_NOOP("Labels", "Preventive"),
        "improvement": QT_TRANSLATE_NOOP("Labels", "Improvement"),
    },
    "solution_status": {
        "planned": QT_TRANSLATE_NOOP("Labels", "Planned"),
        "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
        "done": QT_TRANSLATE_NOOP("Labels", "Done"),
        "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    },
    "governance_path": {
        "goals_ownership": QT_TRANSLATE_NOOP("Labels", "Goals and ownership"),
        "data_governance": QT_TRANSLATE_NOOP("Labels", "Data governance"),
        "value_stream": QT_TRANSLATE_NOOP("Labels", "Value-stream redesign"),
        "change_management": QT_TRANSLATE_NOOP("Labels", "Change management"),
        "kpi_incentives": QT_TRANSLATE_NOOP("Labels", "KPIs and incentives"),
        "technical_architecture": QT_TRANSLATE_NOOP("Labels", "Technical architecture"),
        "pilot_iteration": QT_TRANSLATE_NOOP("Labels", "Pilot iteration"),
        "digital_tools": QT_TRANSLATE_NOOP("Labels", "Digital tools"),
        "continuous_improvement": QT_TRANSLATE_NOOP("Labels", "Continuous improvement loop"),
    },
    "direction": {
        "lower": QT_TRANSLATE_NOOP("Labels", "Lower is better"),
        "higher": QT_TRANSLATE_NOOP("Labels", "Higher is better"),
    },
}

FIELDS: Mapping[str, str] = {
    "code": QT_TRANSLATE_NOOP("Labels", "Code"),
    "title": QT_TRANSLATE_NOOP("Labels", "Title"),
    "description": QT_TRANSLATE_NOOP("Labels", "Description"),
    "erp_module_id": QT_TRANSLATE_NOOP("Labels", "ERP module"),
    "module": QT_TRANSLATE_NOOP("Labels", "ERP module"),
    "department_id": QT_TRANSLATE_NOOP("Labels", "Department"),
    "department": QT_TRANSLATE_NOOP("Labels", "Department"),
    "site_id": QT_TRANSLATE_NOOP("Labels", "Site"),
    "site": QT_TRANSLATE_NOOP("Labels", "Site"),
    "hidden_cost": QT_TRANSLATE_NOOP("Labels", "Hidden cost"),
    "severity": QT_TRANSLATE_NOOP("Labels", "Severity"),
    "frequency": QT_TRANSLATE_NOOP("Labels", "Frequency"),
    "impact": QT_TRANSLATE_NOOP("Labels", "Impact"),
    "reporter_id": QT_TRANSLATE_NOOP("Labels", "Reporter"),
    "owner_id": QT_TRANSLATE_NOOP("Labels", "Owner"),
    "owner": QT_TRANSLATE_NOOP("Labels", "Owner"),
    "reported_on": QT_TRANSLATE_NOOP("Labels", "Reported on"),
    "due_on": QT_TRANSLATE_NOOP("Labels", "Due on"),
    "closed_on": QT_TRANSLATE_NOOP("Labels", "Closed on"),
    "tags": QT_TRANSLATE_NOOP("Labels", "Tags"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status"),
    "category": QT_TRANSLATE_NOOP("Labels", "Category"),
    "is_root": QT_TRANSLATE_NOOP("Labels", "Root cause"),
    "evidence": QT_TRANSLATE_NOOP("Labels", "Evidence"),
    "verified": QT_TRANSLATE_NOOP("Labels", "Verified"),
    "whys": QT_TRANSLATE_NOOP("Labels", "5 whys"),
    "kind": QT_TRANSLATE_NOOP("Labels", "Kind"),
    "governance_path": QT_TRANSLATE_NOOP("Labels", "Governance path"),
    "done_on": QT_TRANSLATE_NOOP("Labels", "Done on"),
    "metric": QT_TRANSLATE_NOOP("Labels", "Metric"),
    "unit": QT_TRANSLATE_NOOP("Labels", "Unit"),
    "direction": QT_TRANSLATE_NOOP("Labels", "Direction"),
    "baseline_value": QT_TRANSLATE_NOOP("Labels", "Baseline"),
    "baseline_on": QT_TRANSLATE_NOOP("Labels", "Baseline date"),
    "value_after": QT_TRANSLATE_NOOP("Labels", "Value after"),
    "measured_on": QT_TRANSLATE_NOOP("Labels", "Measured on"),
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
}

ERRORS: Mapping[str, str] = {
    "required": QT_TRANSLATE_NOOP("Labels", "%1 is required."),
    "too_long": QT_TRANSLATE_NOOP("Labels", "%1 is longer than %2 characters."),
    "not_a_number": QT_TRANSLATE_NOOP("Labels", "%1 is not a number."),
    "not_a_whole_number": QT_TRANSLATE_NOOP("Labels", "%1 must be a whole number."),
    "out_of_range": QT_TRANSLATE_NOOP("Labels", "%1 must be between %2 and %3."),
    "not_a_date": QT_TRANSLATE_NOOP("Labels", "%1 is not a date (YYYY-MM-DD)."),
    "unknown_choice": QT_TRANSLATE_NOOP("Labels", "%1 has a value that is not in the list."),
    "date_order": QT_TRANSLATE_NOOP("Labels", "%1 must not be before %2."),
    "too_many": QT_TRANSLATE_NOOP("Labels", "%1 has more than %2 steps."),
    "transition": QT_TRANSLATE_NOOP("Labels", "%1 cannot go from %2 to %3."),
    "needs_verified_result": QT_TRANSLATE_NOOP(
        "Labels", "A problem can be closed only with at least one verified result."
    ),
    "closed_keeps_verified_result": QT_TRANSLATE_NOOP(
        "Labels",
        "A closed problem keeps at least one verified result. Reopen the problem first.",
    ),
    "not_a_list": QT_TRANSLATE_NOOP("Labels", "%1 must be a list of steps."),
    "required_to_verify": QT_TRANSLATE_NOOP(
        "Labels", "Enter the value after before verifying the result."
    ),
    "duplicate": QT_TRANSLATE_NOOP("Labels", "%1 already exists."),
    "unknown_reference": QT_TRANSLATE_NOOP("Labels", "%1 refers to an entry that does not exist."),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def choice(vocabulary: str, key: str | None) -> str:
    """The label of a stored key, e.g. choice("status", "open") → "Open" / "待处理"."""
    if key is None:
        return ""
    source = VOCABULARY.get(vocabulary, {}).get(key)
    return _tr(source) if source else key


def choices(vocabulary: str) -> list[tuple[str, str]]:
    """(key, label) pairs in the vocabulary's order, for combo boxes."""
    return [(key, _tr(text)) for key, text in VOCABULARY[vocabulary].items()]


def field(name: str) -> str:
    source = FIELDS.get(name)
    return _tr(source) if source else name


def error(err: FieldError) -> str:
    """A FieldError in the user's language, naming the field."""
    template = ERRORS.get(err.code)
    if template is None:
        return f"{field(err.field)}: {err.message}"
    text = _tr(template).replace("%1", field(err.field))
    params = err.params
    extra: list[str] = []
    if err.code == "too_long" or err.code == "too_many":
        extra = [str(params.get("limit", ""))]
    elif err.code == "out_of_range":
        extra = [f"{params.get('low', 0):g}", f"{params.get('high', 0):g}"]
    elif err.code == "date_order":
        extra = [field(str(params.get("other", "")))]
    elif err.code == "transition":
        extra = [choice("status", params.get("current")), choice("status", params.get("wanted"))]
    elif err.code == "duplicate":
        text = _tr(template).replace("%1", str(params.get("value", "")))
    for position, value in enumerate(extra, start=2):
        text = text.replace(f"%{position}", value)
    return text
