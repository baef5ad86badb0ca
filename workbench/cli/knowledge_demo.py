"""The demo's knowledge base (知识库), from ``db/demo/knowledge.json``: tips and FAQs the
usage champions (使用冠军) wrote, in the demo's language.

Each entry is written through the services by a champion (in turn), so it is validated
and audited; it is linked to the newest demo problem with its situation's title, and to
that problem's first cause when it has one. Most are published, a few still drafts and
a few outdated (a process changed since). The change agents vote on the published ones
("was this helpful?") and open them a few times, so the Knowledge page's sorts differ.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from typing import Any

from workbench.paths import demo_dir
from workbench.services import Services


def _entries() -> list[Mapping[str, Any]]:
    raw = json.loads((demo_dir() / "knowledge.json").read_text(encoding="utf-8"))
    return list(raw["entries"])


def _problem(services: Services, title: str) -> int | None:
    """The newest problem whose title is ``title``."""
    hits = services.search.search(title, kinds=("problem",), limit=400).hits
    same = [h.ref for h in hits if "".join(t for t, _ in h.title) == title]
    return max(same) if same else None


def write_knowledge(services: Services, lang: str) -> int:
    """Write the demo's tips and FAQs; returns how many."""
    people = services.lookups.person_entries()
    champions = [p.login for p in people if p.role == "usage_champion"] or [services.actor]
    voters = [p.login for p in people if p.role != "usage_champion"]
    modules = {entry.name: entry.id for entry in services.lookups.module_entries()}
    module_names = _module_names(lang)
    chance = random.Random(20261202)
    made = 0
    for number, entry in enumerate(_entries()):
        author = Services.build(services.database, champions[number % len(champions)])
        status = entry["status"]
        record = author.knowledge.create(
            {
                "kind": entry["kind"],
                "title": entry["title"][lang],
                "body": entry["body"][lang],
                "tags": entry["tags"][lang],
                "erp_module_id": modules.get(module_names.get(entry["module"], "")),
                "status": "draft",
            }
        )
        if status != "draft":
            author.knowledge.update(record.id, {"status": "published"})
        if status == "outdated":
            author.knowledge.update(record.id, {"status": "outdated"})
        problem = _problem(services, entry["problem"][lang])
        if problem is not None:
            author.knowledge.link(record.id, "problem", problem)
            causes = services.problems.get(problem).causes
            if causes and number % 3 == 0:
                author.knowledge.link(record.id, "cause", causes[0].id)
        if status == "published":
            for voter in chance.sample(voters, k=chance.randint(0, len(voters))):
                helpful = chance.random() < 0.8
                Services.build(services.database, voter).knowledge.vote(record.id, helpful)
            for _ in range(chance.randint(0, 12)):
                services.knowledge.viewed(record.id)
        made += 1
    return made


def _module_names(lang: str) -> dict[str, str]:
    raw = json.loads((demo_dir() / "lookups.json").read_text(encoding="utf-8"))
    return {module["key"]: module[lang] for module in raw["modules"]}
