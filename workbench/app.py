"""Composition root: resolve the database and the user, migrate, build the services.

The command line and the window both start here; nothing is global.
"""

from __future__ import annotations

import contextlib
import getpass
import os
from collections.abc import Mapping
from pathlib import Path

from workbench.services import Services
from workbench.settings import Settings, config_dir
from workbench.store.anchor import FILE_NAME, ChainAnchor, follow
from workbench.store.database import (
    BUSY_TIMEOUT_S,
    Database,
    TargetError,
    location,
    resolve_target,
)
from workbench.store.migrate import SchemaError, upgrade

# SchemaError and TargetError are here for the window, which says why a database cannot be
# opened.
__all__ = ["SchemaError", "TargetError", "current_user", "open_services"]


def current_user(settings: Settings, environ: Mapping[str, str] | None = None) -> str:
    """The user named in Settings, else the OS login name."""
    if settings.user:
        return settings.user
    environ = os.environ if environ is None else environ
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return environ.get("USERNAME") or environ.get("USER") or "user"


def anchor_of(target: str | None, folder: Path | None = None) -> ChainAnchor:
    """The audit chain's anchor of a database, kept in anchors.json in the config folder."""
    return ChainAnchor((folder or config_dir()) / FILE_NAME, location(resolve_target(target)))


def open_services(
    target: str | None,
    settings: Settings | None = None,
    create: bool = True,
    busy_timeout: float = BUSY_TIMEOUT_S,
) -> Services:
    """Open (and migrate) the database named by ``--db``/``WORKBENCH_DB``/the default.

    ``create`` False refuses a database that does not have the program's tables yet.
    ``busy_timeout`` is how long a write waits for another writer before it is refused.
    A database created here starts with the articles' KPIs.
    Every committed write moves the chain's anchor (workbench.store.anchor) forward.
    """
    settings = settings or Settings.load()
    user = current_user(settings)
    database = Database(resolve_target(target), busy_timeout)
    anchor = ChainAnchor(config_dir() / FILE_NAME, location(database.url))
    new: list[bool] = []
    try:
        if upgrade(database, create, actor=user, created=lambda: new.append(True)) is not None:
            _anchor_migration(database, anchor)
    except Exception:
        database.dispose()
        raise
    follow(database, anchor)
    services = Services.build(database, user, anchor)
    if new:
        # A new database starts with the articles' KPIs (workbench.services.user_data).
        from workbench.services.user_data import seed_new_database

        seed_new_database(services)
    return services


def _anchor_migration(database: Database, anchor: ChainAnchor) -> None:
    """The upgrade just appended its audit entries: the anchor follows, as after any
    write of this program (so the next check does not call them written elsewhere)."""
    from workbench.store.anchor import Mark
    from workbench.store.audit import chain_head

    with database.engine.connect() as connection:
        head = Mark(*chain_head(connection))
    with contextlib.suppress(OSError):  # the anchor only lags; the next write moves it
        anchor.record_head(head)
