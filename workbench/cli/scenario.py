"""The demo scenario: situations from the source articles, planned as problems.

``db/demo/lookups.json`` holds the sites, departments, people and ERP modules;
``db/demo/situations.json`` the problem situations (五大隐性成本, 九大治理路径, the KPIs),
each text in zh_CN and en. ``Planner`` turns them into plain-data problems whose chain
matches their status (open: nothing; analysing: causes; solving: + solution; verifying:
+ result; closed: a verified result). demo.py writes small plans through the services
one by one, and bulk.py large ones through the bulk service (checked the same way).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from workbench.paths import demo_dir
from workbench.services.numbers import TypedNumber, typed_number
from workbench.vocabulary import LANGUAGES


def localized(value: Any, lang: str) -> str:
    """A ``{"zh_CN": …, "en": …}`` text in ``lang``; plain strings are the same in both."""
    return str(value[lang]) if isinstance(value, dict) else str(value)


@dataclass(frozen=True)
class PersonSeed:
    login: str
    name: str
    department: str
    role: str


@dataclass(frozen=True)
class CauseSeed:
    values: Mapping[str, Any]
    whys: tuple[str, ...]
    solution: Mapping[str, Any] | None
    result: Mapping[str, Any] | None


@dataclass(frozen=True)
class Situation:
    module: str
    department: str
    values: Mapping[str, Any]
    causes: tuple[CauseSeed, ...]


@dataclass(frozen=True)
class Catalogue:
    """Everything the demo writes, in one language."""

    modules: tuple[tuple[str, str], ...]  # (key, name)
    sites: tuple[tuple[str, str], ...]  # (code, name)
    departments: tuple[tuple[str, str], ...]  # (key, name)
    people: tuple[PersonSeed, ...]
    situations: tuple[Situation, ...]


def _cause(raw: Mapping[str, Any], lang: str) -> CauseSeed:
    values = {
        "description": localized(raw["text"], lang),
        "category": raw["category"],
        "is_root": bool(raw["root"]),
        "evidence": localized(raw["evidence"], lang),
    }
    solution = result = None
    if "solution" in raw:
        sol = raw["solution"]
        solution = {
            "title": localized(sol["title"], lang),
            "description": localized(sol["description"], lang),
            "kind": sol["kind"],
            "governance_path": sol["path"],
        }
        res = sol["result"]
        result = {
            "metric": localized(res["metric"], lang),
            "unit": localized(res["unit"], lang),
            "direction": res["direction"],
            # As written in the file: 2.0 keeps its decimal, 48 has none.
            "baseline": typed_number(res["baseline"]),
            "after": typed_number(res["after"]),
        }
    return CauseSeed(values, tuple(raw["whys"][lang]), solution, result)


def _situation(raw: Mapping[str, Any], lang: str) -> Situation:
    values = {
        "title": localized(raw["title"], lang),
        "description": localized(raw["description"], lang),
        "hidden_cost": raw["hidden_cost"],
        "severity": int(raw["severity"]),
        "frequency": raw["frequency"],
        "impact": int(raw["impact"]),
        "tags": localized(raw["tags"], lang),
    }
    causes = tuple(_cause(c, lang) for c in raw["causes"])
    return Situation(raw["module"], raw["department"], values, causes)


def load_catalogue(lang: str) -> Catalogue:
    if lang not in LANGUAGES:
        raise ValueError(f"no demo data in language {lang}; use one of {', '.join(LANGUAGES)}")
    folder = demo_dir()
    lookups = json.loads((folder / "lookups.json").read_text(encoding="utf-8"))
    # Decimal keeps a number's decimals as written (2.0, not 2): a result shows them so.
    raw = json.loads((folder / "situations.json").read_text(encoding="utf-8"), parse_float=Decimal)
    return Catalogue(
        modules=tuple((m["key"], m[lang]) for m in lookups["modules"]),
        sites=tuple((s["code"], s[lang]) for s in lookups["sites"]),
        departments=tuple((d["key"], d[lang]) for d in lookups["departments"]),
        people=tuple(
            PersonSeed(p["login"], p[lang], p["department"], p["role"]) for p in lookups["people"]
        ),
        situations=tuple(_situation(s, lang) for s in raw["situations"]),
    )


@dataclass(frozen=True)
class LookupIds:
    """Database ids of the catalogue's lookups once written."""

    modules: Mapping[str, int]
    sites: tuple[int, ...]
    departments: Mapping[str, int]
    people: Mapping[str, int]  # login → id


@dataclass(frozen=True)
class PlannedResult:
    values: Mapping[str, Any]
    verified_on: dt.date | None


@dataclass(frozen=True)
class PlannedSolution:
    values: Mapping[str, Any]
    result: PlannedResult | None


@dataclass(frozen=True)
class PlannedCause:
    values: Mapping[str, Any]
    whys: tuple[str, ...]
    solution: PlannedSolution | None


@dataclass(frozen=True)
class PlannedProblem:
    values: Mapping[str, Any]  # the fields ProblemService.create takes
    status: str
    reporter: str  # logins: who reports, who works on it, who verifies
    owner: str
    verifier: str
    closed_on: dt.date | None
    causes: tuple[PlannedCause, ...] = field(default=())


# Odds of each status for a problem reported at age 0 (today) and age 1 (oldest).
_STATUS_ODDS = {
    "open": (0.30, 0.02),
    "analysing": (0.25, 0.03),
    "solving": (0.20, 0.10),
    "verifying": (0.12, 0.10),
    "closed": (0.08, 0.68),
    "rejected": (0.05, 0.07),
}
_STAGES = ("open", "analysing", "solving", "verifying", "closed")


def _tidy(value: float, like: TypedNumber) -> TypedNumber:
    """A measured value written as precisely as the situation's own (``like``): 1.2, 64.3, 35."""
    places = like.places()
    return TypedNumber(round(value, places) + 0.0, places)  # + 0.0: never -0.0


class Planner:
    """Plans ``count`` problems reported over the ``span_days`` before ``today``."""

    def __init__(
        self,
        catalogue: Catalogue,
        ids: LookupIds,
        today: dt.date,
        span_days: int,
        seed: int = 2026,
    ) -> None:
        self._cat = catalogue
        self._ids = ids
        self._today = today
        self._span = span_days
        self._rng = random.Random(seed)
        people = catalogue.people
        self._by_role: dict[tuple[str, str], list[str]] = {}
        for p in people:
            self._by_role.setdefault((p.department, p.role), []).append(p.login)
        self._agents = [p.login for p in people if p.role == "change_agent"]
        self._managers = [p.login for p in people if p.role == "project_manager"]

    def _pick(self, department: str, role: str, fallback: list[str]) -> str:
        return self._rng.choice(self._by_role.get((department, role)) or fallback)

    def _status(self, age: float) -> str:
        weights = [young + (old - young) * age for young, old in _STATUS_ODDS.values()]
        return self._rng.choices(list(_STATUS_ODDS), weights)[0]

    def _later(self, day: dt.date, low: int, high: int) -> dt.date:
        return min(day + dt.timedelta(days=self._rng.randint(low, high)), self._today)

    def problems(self, count: int) -> Iterator[PlannedProblem]:
        situations = self._cat.situations
        sites = self._ids.sites
        start = self._today - dt.timedelta(days=self._span)
        for i in range(count):
            situation = situations[i % len(situations)]
            # The first round keeps the articles' own figures; later rounds vary them.
            exact = i < len(situations)
            reported = start + dt.timedelta(days=i * self._span // max(count, 1))
            age = 1 - i / max(count, 1)
            site = sites[(i + i // len(situations)) % len(sites)]
            # The first is the articles' showcase: 库存差异率高 … 差异率下降40%, closed.
            status = "closed" if i == 0 else self._status(age)
            yield self._problem(situation, site, reported, status, exact)

    def _problem(
        self, situation: Situation, site: int, reported: dt.date, status: str, exact: bool
    ) -> PlannedProblem:
        rng, ids = self._rng, self._ids
        dept = situation.department
        owner = self._pick(dept, "change_agent", self._agents)
        reporter = self._pick(dept, rng.choice(("change_agent", "usage_champion")), [owner])
        verifier = rng.choice(self._managers)
        values = {
            **situation.values,
            "erp_module_id": ids.modules[situation.module],
            "department_id": ids.departments[dept],
            "site_id": site,
            "reporter_id": ids.people[reporter],
            "owner_id": ids.people[owner],
            "reported_on": reported,
            "due_on": reported + dt.timedelta(days=rng.randint(30, 75)),
        }
        if not exact:
            values["severity"] = min(5, max(1, situation.values["severity"] + rng.randint(-1, 1)))
        stage = _STAGES.index("analysing" if status == "rejected" else status)
        causes: list[PlannedCause] = []
        closed_on = None
        if stage >= 1:
            for n, seed in enumerate(situation.causes):
                if n > 0 and (status == "rejected" or rng.random() < 0.5):
                    continue
                solution = None
                if stage >= 2 and seed.solution is not None and status != "rejected":
                    solution = self._solution(seed, dept, owner, reported, status, exact)
                    result = solution.result
                    if result is not None and result.verified_on is not None:
                        closed_on = self._later(result.verified_on, 0, 5)
                causes.append(
                    PlannedCause({**seed.values, "verified": stage >= 2}, seed.whys, solution)
                )
        return PlannedProblem(
            values=values,
            status=status,
            reporter=reporter,
            owner=owner,
            verifier=verifier,
            closed_on=closed_on if status == "closed" else None,
            causes=tuple(causes),
        )

    def _solution(
        self, seed: CauseSeed, dept: str, owner: str, reported: dt.date, status: str, exact: bool
    ) -> PlannedSolution:
        rng = self._rng
        assert seed.solution is not None and seed.result is not None
        done = status in ("verifying", "closed")
        done_on = self._later(reported, 10, 40) if done else None
        solution_owner = owner
        if rng.random() < 0.4:
            solution_owner = self._pick(dept, "usage_champion", [owner])
        values = {
            **seed.solution,
            "owner_id": self._ids.people[solution_owner],
            "due_on": reported + dt.timedelta(days=rng.randint(20, 60)),
            "status": "done" if done else rng.choice(("planned", "in_progress")),
            "done_on": done_on,
        }
        result = None
        if done_on is not None:
            result = self._result(seed.result, reported, done_on, status, exact)
        return PlannedSolution(values, result)

    def _result(
        self,
        seed: Mapping[str, Any],
        reported: dt.date,
        done_on: dt.date,
        status: str,
        exact: bool,
    ) -> PlannedResult:
        rng = self._rng
        baseline: TypedNumber = seed["baseline"]
        after: TypedNumber = seed["after"]
        if not exact:
            # Scale the situation; a higher-is-better metric starts no higher (≤ 100%).
            scale = (
                rng.uniform(0.97, 1.0) if seed["direction"] == "higher" else rng.uniform(0.92, 1.08)
            )
            start, end = baseline.value, after.value
            after = _tidy(scale * (start + (end - start) * rng.uniform(0.8, 1.1)), after)
            baseline = _tidy(scale * start, baseline)
        measured = status == "closed" or rng.random() < 0.7
        measured_on = self._later(done_on, 7, 30) if measured else None
        verified = measured_on is not None and (status == "closed" or rng.random() < 0.3)
        values = {
            "metric": seed["metric"],
            "unit": seed["unit"],
            "direction": seed["direction"],
            "baseline_value": baseline,
            "baseline_on": reported,
            "value_after": after if measured else None,
            "measured_on": measured_on,
        }
        verified_on = self._later(measured_on, 1, 7) if verified and measured_on else None
        return PlannedResult(values, verified_on)
