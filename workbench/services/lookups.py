"""The lists a problem refers to: ERP modules (editable), sites, departments and people."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from workbench.services import fields
from workbench.services.base import Service
from workbench.services.errors import FieldError, ValidationError
from workbench.services.records import ErpModuleEntry, Lookup
from workbench.services.vocabulary import ROLES
from workbench.store.models import Base, Department, ErpModule, Person, Site


class LookupService(Service):
    def _list(self, model: type[Base], label: Any, order: Any, *where: Any) -> list[Lookup]:
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

    def departments(self) -> list[Lookup]:
        return self._list(Department, Department.name, Department.name)

    def people(self) -> list[Lookup]:
        return self._list(Person, Person.name, Person.name)

    def _name(self, name: str, limit: int) -> str:
        clean, errors = fields.check({"name": fields.Spec("text", True, limit)}, {"name": name})
        if errors:
            raise ValidationError(errors)
        return clean["name"]

    def _unique(self, session: Any, column: Any, value: str, field: str) -> None:
        if session.scalar(select(func.count()).where(column == value)):
            raise ValidationError(
                [FieldError(field, "duplicate", f"{value} already exists", {"value": value})]
            )

    def add_module(self, name: str) -> Lookup:
        clean = self._name(name, 50)
        with self._db.write(self.actor) as session:
            self._unique(session, ErpModule.name, clean, "name")
            last = session.scalar(select(func.max(ErpModule.sort_order))) or 0
            module = ErpModule(name=clean, sort_order=last + 1, active=True)
            session.add(module)
            session.flush()
            return Lookup(module.id, module.name)

    def rename_module(self, module_id: int, name: str) -> None:
        clean = self._name(name, 50)
        with self._db.write(self.actor) as session:
            module = self._get(session, ErpModule, module_id)
            if module.name != clean:
                self._unique(session, ErpModule.name, clean, "name")
                module.name = clean

    def set_module_active(self, module_id: int, active: bool) -> None:
        with self._db.write(self.actor) as session:
            self._get(session, ErpModule, module_id).active = active

    def add_site(self, code: str, name: str) -> Lookup:
        clean_code, clean_name = self._name(code, 20), self._name(name, 100)
        with self._db.write(self.actor) as session:
            self._unique(session, Site.code, clean_code, "code")
            site = Site(code=clean_code, name=clean_name)
            session.add(site)
            session.flush()
            return Lookup(site.id, site.name)

    def add_department(self, name: str) -> Lookup:
        clean = self._name(name, 100)
        with self._db.write(self.actor) as session:
            self._unique(session, Department.name, clean, "name")
            department = Department(name=clean)
            session.add(department)
            session.flush()
            return Lookup(department.id, department.name)

    def add_person(
        self, login: str, name: str, department_id: int | None = None, role: str | None = None
    ) -> Lookup:
        clean_login, clean_name = self._name(login, 100), self._name(name, 100)
        if role is not None and role not in ROLES:
            raise ValidationError([FieldError("role", "unknown_choice", f"unknown role {role}")])
        with self._db.write(self.actor) as session:
            self._check_references(session, {"department_id": department_id})
            self._unique(session, Person.login, clean_login, "login")
            person = Person(
                login=clean_login, name=clean_name, department_id=department_id, role=role
            )
            session.add(person)
            session.flush()
            return Lookup(person.id, person.name)
