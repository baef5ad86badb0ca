"""The lists a problem refers to: ERP modules, sites, departments and people.

Every list can be added to and edited; nothing is deleted here, since problems refer to
the entries. Names are trimmed, required and length-limited; a name (or code, or login)
that another entry already has is refused with the code ``duplicate``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.paths import demo_dir
from workbench.services import fields
from workbench.services.base import Service
from workbench.services.errors import FieldError, ValidationError
from workbench.services.kinds import ERP_MODULE, PERSON, SITE, RecordKind
from workbench.services.records import ErpModuleEntry, Lookup, PersonEntry, SiteEntry
from workbench.services.vocabulary import ROLES
from workbench.store.models import Department, ErpModule, Person, Site

# The lists kept here.
ListModel = type[ErpModule] | type[Site] | type[Department] | type[Person]


def _limit(kind: RecordKind, name: str) -> int:
    return int(kind.fields[name].max_length or 0)


# Longest text each field takes, as the kinds describe them (for the Settings page).
MODULE_NAME = _limit(ERP_MODULE, "name")
SITE_CODE = _limit(SITE, "code")
NAME = _limit(SITE, "name")
LOGIN = _limit(PERSON, "login")


@cache
def standard_module_names(language: str) -> tuple[str, ...]:
    """The usual ERP modules (采购, 库存 … / Purchasing, Inventory …) in ``language``.

    They are the modules of the demo catalogue, which holds each name in every language.
    """
    catalogue = json.loads((demo_dir() / "lookups.json").read_text(encoding="utf-8"))
    modules = catalogue["modules"]
    if not modules or language not in modules[0]:
        raise ValueError(f"no standard module names in language {language}")
    return tuple(str(m[language]) for m in modules)


class LookupService(Service):
    # ---- reading -----------------------------------------------------------------------
    def _list(self, model: ListModel, label: Any, order: Any, *where: Any) -> list[Lookup]:
        with self._db.read() as session:
            rows = session.execute(select(model.id, label).where(*where).order_by(order))
            return [Lookup(row[0], row[1]) for row in rows]

    def modules(self, include_inactive: bool = False) -> list[Lookup]:
        where = () if include_inactive else (ErpModule.active.is_(True),)
        return self._list(ErpModule, ErpModule.name, ErpModule.sort_order, *where)

    def module_entries(self) -> list[ErpModuleEntry]:
        """Every module, in use or not, in list order."""
        query = select(ErpModule.id, ErpModule.name, ErpModule.active).order_by(
            ErpModule.sort_order, ErpModule.id
        )
        with self._db.read() as session:
            return [ErpModuleEntry(*row) for row in session.execute(query)]

    def sites(self) -> list[Lookup]:
        return self._list(Site, Site.name, Site.code)

    def site_entries(self) -> list[SiteEntry]:
        """Every site with its code, in code order."""
        query = select(Site.id, Site.code, Site.name).order_by(Site.code, Site.id)
        with self._db.read() as session:
            return [SiteEntry(*row) for row in session.execute(query)]

    def departments(self) -> list[Lookup]:
        return self._list(Department, Department.name, Department.name)

    def people(self) -> list[Lookup]:
        return self._list(Person, Person.name, Person.name)

    def person_entries(self) -> list[PersonEntry]:
        """Every person with login and department, in name order."""
        query = (
            select(
                Person.id,
                Person.login,
                Person.name,
                Person.department_id,
                Department.name,
                Person.role,
            )
            .outerjoin(Department, Person.department_id == Department.id)
            .order_by(Person.name, Person.id)
        )
        with self._db.read() as session:
            return [PersonEntry(*row) for row in session.execute(query)]

    # ---- rules -------------------------------------------------------------------------
    @staticmethod
    def _texts(values: Mapping[str, tuple[str, int]]) -> dict[str, str]:
        """Trimmed, required texts: field → (value, longest allowed); every error at once."""
        specs = {name: fields.Spec("text", True, limit) for name, (_, limit) in values.items()}
        clean, errors = fields.check(specs, {name: text for name, (text, _) in values.items()})
        if errors:
            raise ValidationError(errors)
        return clean

    def _name(self, name: str, limit: int) -> str:
        return self._texts({"name": (name, limit)})["name"]

    @staticmethod
    def _refuse_taken(
        session: Session,
        model: ListModel,
        values: Mapping[str, tuple[Any, str]],
        exclude_id: int | None = None,
    ) -> None:
        """Refuse values another entry has: field → (column, value)."""
        errors = []
        for name, (column, value) in values.items():
            query = select(func.count()).select_from(model).where(column == value)
            if exclude_id is not None:
                query = query.where(model.id != exclude_id)
            if session.scalar(query):
                errors.append(
                    FieldError(name, "duplicate", f"{value} already exists", {"value": value})
                )
        if errors:
            raise ValidationError(errors)

    # ---- ERP modules -------------------------------------------------------------------
    def add_module(self, name: str) -> Lookup:
        clean = self._name(name, MODULE_NAME)
        with self._db.write(self.actor) as session:
            self._refuse_taken(session, ErpModule, {"name": (ErpModule.name, clean)})
            return self._append_module(session, clean)

    @staticmethod
    def _append_module(session: Session, name: str) -> Lookup:
        last = session.scalar(select(func.max(ErpModule.sort_order))) or 0
        module = ErpModule(name=name, sort_order=last + 1, active=True)
        session.add(module)
        session.flush()
        return Lookup(module.id, module.name)

    def add_standard_modules(self, language: str) -> list[Lookup]:
        """Add the usual modules in ``language`` that the list does not have yet, in one go."""
        names = standard_module_names(language)
        with self._db.write(self.actor) as session:
            have = set(session.scalars(select(ErpModule.name)))
            return [self._append_module(session, name) for name in names if name not in have]

    def rename_module(self, module_id: int, name: str) -> None:
        clean = self._name(name, MODULE_NAME)
        with self._db.write(self.actor) as session:
            module = self._get(session, ErpModule, module_id)
            if module.name != clean:
                self._refuse_taken(session, ErpModule, {"name": (ErpModule.name, clean)})
                module.name = clean

    def set_module_active(self, module_id: int, active: bool) -> None:
        with self._db.write(self.actor) as session:
            self._get(session, ErpModule, module_id).active = active

    # ---- sites -------------------------------------------------------------------------
    def _site_values(self, code: str, name: str) -> tuple[str, str]:
        clean = self._texts({"code": (code, SITE_CODE), "name": (name, NAME)})
        return clean["code"], clean["name"]

    def add_site(self, code: str, name: str) -> Lookup:
        clean_code, clean_name = self._site_values(code, name)
        with self._db.write(self.actor) as session:
            taken = {"code": (Site.code, clean_code), "name": (Site.name, clean_name)}
            self._refuse_taken(session, Site, taken)
            site = Site(code=clean_code, name=clean_name)
            session.add(site)
            session.flush()
            return Lookup(site.id, site.name)

    def update_site(self, site_id: int, code: str, name: str) -> None:
        """Change a site's code and name; either may stay as it is."""
        clean_code, clean_name = self._site_values(code, name)
        with self._db.write(self.actor) as session:
            site = self._get(session, Site, site_id)
            taken = {"code": (Site.code, clean_code), "name": (Site.name, clean_name)}
            self._refuse_taken(session, Site, taken, exclude_id=site_id)
            if site.code != clean_code:
                site.code = clean_code
            if site.name != clean_name:
                site.name = clean_name

    # ---- departments -------------------------------------------------------------------
    def add_department(self, name: str) -> Lookup:
        clean = self._name(name, NAME)
        with self._db.write(self.actor) as session:
            self._refuse_taken(session, Department, {"name": (Department.name, clean)})
            department = Department(name=clean)
            session.add(department)
            session.flush()
            return Lookup(department.id, department.name)

    def rename_department(self, department_id: int, name: str) -> None:
        clean = self._name(name, NAME)
        with self._db.write(self.actor) as session:
            department = self._get(session, Department, department_id)
            if department.name != clean:
                taken = {"name": (Department.name, clean)}
                self._refuse_taken(session, Department, taken, exclude_id=department_id)
                department.name = clean

    # ---- people ------------------------------------------------------------------------
    def _person_values(self, login: str, name: str) -> tuple[str, str]:
        clean = self._texts({"login": (login, LOGIN), "name": (name, NAME)})
        return clean["login"], clean["name"]

    def add_person(
        self, login: str, name: str, department_id: int | None = None, role: str | None = None
    ) -> Lookup:
        clean_login, clean_name = self._person_values(login, name)
        if role is not None and role not in ROLES:
            raise ValidationError([FieldError("role", "unknown_choice", f"unknown role {role}")])
        with self._db.write(self.actor) as session:
            self._check_references(session, {"department_id": department_id})
            self._refuse_taken(session, Person, {"login": (Person.login, clean_login)})
            person = Person(
                login=clean_login, name=clean_name, department_id=department_id, role=role
            )
            session.add(person)
            session.flush()
            return Lookup(person.id, person.name)

    def update_person(
        self, person_id: int, login: str, name: str, department_id: int | None
    ) -> None:
        """Change a person's login, display name and department (the role stays)."""
        clean_login, clean_name = self._person_values(login, name)
        with self._db.write(self.actor) as session:
            person = self._get(session, Person, person_id)
            self._check_references(session, {"department_id": department_id})
            taken = {"login": (Person.login, clean_login)}
            self._refuse_taken(session, Person, taken, exclude_id=person_id)
            changes = {"login": clean_login, "name": clean_name, "department_id": department_id}
            for attribute, value in changes.items():
                if getattr(person, attribute) != value:
                    setattr(person, attribute, value)

    def set_left(self, person_id: int, left_on: Any) -> None:
        """Record the day a person left the plant (None: still here, e.g. a mistake put
        right). Their history stays; they count in no department's training coverage."""
        clean, errors = PERSON.check({"left_on": left_on}, complete=False)
        if errors:
            raise ValidationError(errors)
        with self._db.write(self.actor) as session:
            person = self._get(session, Person, person_id)
            if person.left_on != clean.get("left_on"):
                person.left_on = clean.get("left_on")
