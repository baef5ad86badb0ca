"""Composition root: resolve the database and the user, migrate, build the services.

The command line and the window both start here; nothing is global.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping

from workbench.services import Services
from workbench.settings import Settings
from workbench.store.database import Database, resolve_target
from workbench.store.migrate import SchemaError, upgrade

# SchemaError is here for the window, which says why a database cannot be opened.
__all__ = ["SchemaError", "current_user", "open_services"]


def current_user(settings: Settings, environ: Mapping[str, str] | None = None) -> str:
    """The user named in Settings, else the OS login name."""
    if settings.user:
        return settings.user
    environ = os.environ if environ is None else environ
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return environ.get("USERNAME") or environ.get("USER") or "user"


def open_services(
    target: str | None, settings: Settings | None = None, create: bool = True
) -> Services:
    """Open (and migrate) the database named by ``--db``/``WORKBENCH_DB``/the default.

    ``create`` False refuses a database that does not have the program's tables yet.
    """
    settings = settings or Settings.load()
    database = Database(resolve_target(target))
    try:
        upgrade(database, create)
    except Exception:
        database.dispose()
        raise
    return Services.build(database, current_user(settings))
