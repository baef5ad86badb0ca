"""``--filter FIELD=VALUE`` of ``workbench export problem``, as the Problems list's filter.

status=open,solving (keys or names in either language), module=库存, site=…,
department=…, owner=… (names), tag=…, text=…, and the flags overdue, mine and
kpi_alert (the tickets exception alerts opened). Values
separated by commas match any of them, as the list's own menus do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workbench.services import Services
from workbench.services.records import ProblemFilter
from workbench.transfer.cells import choice_key, fold
from workbench.vocabulary import STATUS

_LISTS = {"module": "modules", "site": "sites", "department": "departments", "owner": "people"}
_FIELDS = {
    "module": "erp_module_ids",
    "site": "site_ids",
    "department": "department_ids",
    "owner": "owner_ids",
}


def problem_filter(services: Services, given: Sequence[str], language: str = "en") -> ProblemFilter:
    """The filter the ``--filter`` texts say; a ValueError names what is wrong."""
    values: dict[str, Any] = {}
    for text in given:
        name, sep, value = text.partition("=")
        name = name.strip().lower()
        parts = [p.strip() for p in value.split(",") if p.strip()]
        if name in ("overdue", "mine", "kpi_alert") and not sep:
            values[name] = True
        elif name == "status":
            keys = [choice_key(STATUS, p) for p in parts]
            if None in keys:
                raise ValueError(
                    f"--filter status: {value!r} is not a status ({', '.join(STATUS.keys)})"
                )
            values["statuses"] = tuple(k for k in keys if k)
        elif name in _LISTS:
            entries = getattr(services.lookups, _LISTS[name])()
            by_name = {fold(e.name): e.id for e in entries}
            missing = [p for p in parts if fold(p) not in by_name]
            if missing:
                raise ValueError(f"--filter {name}: no {name} named {', '.join(missing)}")
            values[_FIELDS[name]] = tuple(by_name[fold(p)] for p in parts)
        elif name in ("tag", "tags"):
            values["tags"] = tuple(parts)
        elif name == "text":
            values["text"] = value.strip()
        else:
            raise ValueError(
                f"--filter {text!r}: use status=, module=, site=, department=, owner=, "
                "tag=, text=, overdue, mine or kpi_alert"
            )
    return ProblemFilter(**values)
