"""Which database a workbench works on, and which schema revisions it knows, without
importing SQLAlchemy (the window's first rows are read before it is loaded).

``--db PATH_OR_URL``, else ``WORKBENCH_DB``, else ``workbench.sqlite3`` in the user's data
folder; workbench.store.database makes the SQLAlchemy URL of it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from workbench.paths import migrations_dir

ENV_VAR = "WORKBENCH_DB"
DEFAULT_FILE = "workbench.sqlite3"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


class TargetError(ValueError):
    """The database named cannot be used as named: empty, or an unknown kind of URL."""


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("GovernanceWorkbench", appauthor=False))


def target_name(explicit: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The file or URL named by ``--db``, else ``WORKBENCH_DB``, else the default file.

    An empty ``--db`` is refused rather than taken to mean the default file."""
    environ = os.environ if environ is None else environ
    if explicit is not None and not explicit.strip():
        raise TargetError("--db is empty: name a database file or an SQLAlchemy URL")
    return explicit or environ.get(ENV_VAR) or str(default_data_dir() / DEFAULT_FILE)


def file_of(name: str) -> Path | None:
    """The absolute file a name means; None for a URL."""
    return None if "://" in name else Path(name).expanduser().resolve()


def known_revisions(folder: Path | None = None) -> list[str]:
    """Revision ids in the migrations ``folder`` (default: those shipped with this
    program), oldest first (file names start with them)."""
    names = (p.name for p in ((folder or migrations_dir()) / "versions").iterdir())
    return sorted(m.group(1) for name in names if (m := _REVISION_FILE.match(name)))
