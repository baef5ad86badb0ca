"""The demo's pilots (试点迭代), from ``db/demo/pilots.json``: one that meets its success
criterion, is adopted and rolled out to other lines, and one stopped before it met it.

They are written through the services by their owners, round by round, at the demo's
sites and with its people, so every row is validated and audited as if typed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from workbench.cli.scenario import Catalogue, LookupIds, localized
from workbench.paths import demo_dir
from workbench.services import Services


def _round(raw: Mapping[str, Any], lang: str) -> dict[str, Any]:
    mean, respondents, spread = raw["satisfaction"]
    return {
        "changes": localized(raw["changes"], lang),
        "satisfaction_mean": mean,  # as text: "4.0" keeps its decimal
        "satisfaction_respondents": respondents,
        "satisfaction_spread": spread,
        "duration_before_median": raw["before"][0],
        "duration_before_p90": raw["before"][1],
        "duration_after_median": raw["after"][0],
        "duration_after_p90": raw["after"][1],
        "findings": localized(raw["findings"], lang),
        "decision": raw["decision"],
    }


def write_pilots(
    services: Services, catalogue: Catalogue, ids: LookupIds, lang: str, today: dt.date
) -> int:
    """Write the demo pilots with their rounds and roll-outs; returns how many."""
    raw = json.loads((demo_dir() / "pilots.json").read_text(encoding="utf-8"))
    sites = {code: site for (code, _), site in zip(catalogue.sites, ids.sites, strict=True)}
    for plan in raw["pilots"]:
        owner = Services.build(services.database, plan["owner"])
        started = today - dt.timedelta(days=plan["started_days_ago"])
        pilot = owner.pilots.create(
            {
                "name": localized(plan["name"], lang),
                "scope": localized(plan["scope"], lang),
                "site_id": sites[plan["site"]],
                "erp_module_id": ids.modules[plan["module"]],
                "hypothesis": localized(plan["hypothesis"], lang),
                "criterion_metric": localized(plan["criterion_metric"], lang),
                "criterion_measure": plan["criterion_measure"],
                "criterion_direction": plan["criterion_direction"],
                "criterion_threshold": plan["criterion_threshold"],
                "baseline_median": plan["baseline_median"],
                "baseline_p90": plan["baseline_p90"],
                "owner_id": ids.people[plan["owner"]],
                "started_on": started,
            }
        )
        for values in plan["rounds"]:
            owner.pilots.add_round(pilot.id, _round(values, lang))
        for rollout in plan["rollouts"]:
            done = rollout.get("done_days_ago")
            owner.pilots.add_rollout(
                pilot.id,
                {
                    "target": localized(rollout["target"], lang),
                    "site_id": sites[rollout["site"]],
                    "planned_on": today - dt.timedelta(days=rollout["planned_days_ago"]),
                    "status": rollout["status"],
                    "done_on": None if done is None else today - dt.timedelta(days=done),
                    "note": localized(rollout.get("note", ""), lang),
                },
            )
    return len(raw["pilots"])
