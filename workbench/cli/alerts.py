"""``workbench alerts``: evaluate the KPIs, then print the open alerts as lines or JSON."""

from __future__ import annotations

import json

from workbench import vocabulary
from workbench.services import Services


def print_alerts(services: Services, language: str, as_json: bool) -> int:
    evaluation = services.alerts.evaluate(language)
    alerts = services.alerts.alerts(language=language)
    if as_json:
        rows = [
            {
                "id": a.id,
                "kpi": a.kpi,
                "place": a.place(language),
                "status": a.status,
                "since": a.opened_period,
                "last_breach": a.last_breach_period,
                "breaches": a.breaches,
                "latest_value": None if a.latest_value is None else str(a.latest_value),
                "unit": a.unit,
                "ticket": a.problem_code,
                "owner": a.owner,
                "owner_department": a.owner_department,
            }
            for a in alerts
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(
        f"alerts: {len(alerts)} open ({evaluation.opened} opened, {evaluation.extended} "
        f"breaches added, {evaluation.proposed} proposed for closing now)"
    )
    for a in alerts:
        status = vocabulary.label("alert_status", a.status, language)
        value = "" if a.latest_value is None else f" {a.latest_value}{a.unit}"
        owner = a.owner or a.owner_department or "-"
        print(
            f"{a.problem_code or '-'}\t{a.kpi}\t{a.place(language)}\t{status}\t"
            f"{a.opened_period}\t{a.breaches}\t{value.strip()}\t{owner}"
        )
    return 0
