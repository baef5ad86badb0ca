"""The short lists problems refer to, read once and shared by the filters and the forms.

Selecting a problem does not read them again: a page reads them when it is built and
again only when a change notice says one of these kinds of record changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.services.records import ErpModuleEntry, Lookup

if TYPE_CHECKING:  # the services are loaded once the database is open
    from workbench.services.lookups import LookupService

# Record kinds (table names) whose change means the lists must be read again.
LOOKUP_KINDS = ("erp_module", "site", "department", "person")


@dataclass(frozen=True)
class LookupLists:
    """ERP modules (in use or not), sites, departments and people, by display name."""

    modules: tuple[ErpModuleEntry, ...]
    sites: tuple[Lookup, ...]
    departments: tuple[Lookup, ...]
    people: tuple[Lookup, ...]

    @classmethod
    def read(cls, lookups: LookupService) -> LookupLists:
        return cls(
            modules=tuple(lookups.module_entries()),
            sites=tuple(lookups.sites()),
            departments=tuple(lookups.departments()),
            people=tuple(lookups.people()),
        )

    def active_modules(self) -> list[tuple[int, str]]:
        return [(m.id, m.name) for m in self.modules if m.active]

    def retired_modules(self) -> dict[int, str]:
        return {m.id: m.name for m in self.modules if not m.active}


def pairs(items: tuple[Lookup, ...] | list[Lookup]) -> list[tuple[int, str]]:
    """(id, name) pairs for a combo box."""
    return [(item.id, item.name) for item in items]
