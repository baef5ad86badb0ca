"""The user's settings (name, language), kept as JSON in the user's config folder.

Saved by writing a temporary file and renaming it, so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

ENV_VAR = "WORKBENCH_CONFIG_DIR"


def config_dir() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("GovernanceWorkbench", appauthor=False))


def cache_dir() -> Path:
    """Where the program keeps what it can always make again (the Dashboard as last read):
    the user's cache folder, or ``cache`` inside ``WORKBENCH_CONFIG_DIR`` when that is set."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("GovernanceWorkbench", appauthor=False))


@dataclass(frozen=True)
class Settings:
    user: str = ""
    language: str = ""  # "" follows the system locale
    # How many automatic backups are kept: "daily,weekly,monthly"; "" is 7,4,12.
    backup_keep: str = ""

    @classmethod
    def load(cls, folder: Path | None = None) -> Settings:
        path = (folder or config_dir()) / "settings.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {k: str(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def save(self, folder: Path | None = None) -> None:
        folder = folder or config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / "settings.json.part"
        partial.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        partial.replace(folder / "settings.json")

    def with_changes(self, **changes: str) -> Settings:
        return replace(self, **changes)
