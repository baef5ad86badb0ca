"""A private PostgreSQL server for the session, and a fresh database for every test.

The server lives in a temp folder, listens on a Unix socket only (no TCP port, nothing
else on the machine can reach it or clash with it), runs with fsync off and is stopped at
the end of the session whatever happens. As root, the server runs as the ``postgres``
system user (initdb refuses root). Missing PostgreSQL or psycopg FAILS the tests: ``make
test`` installs both (Debian package ``postgresql``, the ``psycopg[binary]`` test extra).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from workbench.store.database import Database, resolve_target
from workbench.store.migrate import upgrade

PORT = 5432  # only names the socket file inside our own folder; no TCP listener
TEMPLATE = "workbench_template"
SERVER_USER = "postgres"
_HOW_TO_INSTALL = (
    "run `make test` (it installs both), or `apt-get install postgresql` and "
    "`.venv/bin/pip install -e '.[test]'`"
)


def _bin_dir() -> Path:
    found = sorted(
        (Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")),
        key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0,
    )
    on_path = shutil.which("initdb")
    if found:
        return found[-1]
    if on_path:
        return Path(on_path).parent
    pytest.fail(f"PostgreSQL server is not installed (no initdb): {_HOW_TO_INSTALL}", pytrace=False)


def _require_psycopg() -> Any:
    try:
        import psycopg
    except ImportError as error:
        pytest.fail(f"psycopg is not installed ({error}): {_HOW_TO_INSTALL}", pytrace=False)
    return psycopg


@dataclass(frozen=True)
class Server:
    socket_dir: Path
    port: int

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://{SERVER_USER}@/{name}?host={self.socket_dir}&port={self.port}"

    def admin(self) -> Any:
        """A plain autocommit psycopg connection to the ``postgres`` database."""
        psycopg = _require_psycopg()
        return psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user=SERVER_USER,
            dbname="postgres",
            autocommit=True,
        )


def _server_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(SERVER_USER)
    except KeyError:
        pytest.fail(
            f"running as root, but there is no {SERVER_USER!r} user to run PostgreSQL as "
            "(the Debian package postgresql creates it)",
            pytrace=False,
        )


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    _server_user()
    return ["runuser", "-u", SERVER_USER, "--", *command]


def _run(command: list[str], log: Path | None = None) -> None:
    done = subprocess.run(
        _as_server_user(command), capture_output=True, text=True, timeout=60, check=False
    )
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
        pytest.fail(
            f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}{tail}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    _require_psycopg()
    bin_dir = _bin_dir()
    # Not under pytest's tmp folder: that one is private to root, and the server user
    # must be able to reach its data and socket. A short path, too: sockets allow ~100.
    # In memory where there is /dev/shm: CREATE DATABASE is 10x faster than on disk.
    shm = Path("/dev/shm")
    memory = shm.is_dir() and os.access(shm, os.W_OK)
    root = Path(tempfile.mkdtemp(prefix="wb-pg-", dir=shm if memory else None))
    data, sockets, log = root / "data", root / "s", root / "server.log"
    sockets.mkdir()
    if os.geteuid() == 0:
        entry = _server_user()
        for path in (root, sockets):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    pg_ctl = str(bin_dir / "pg_ctl")
    stop = [pg_ctl, "-D", str(data), "-m", "immediate", "-w", "-s", "stop"]
    # Stops the server and removes the folder when this process ends in any way, even
    # killed or ended by pytest-timeout's os._exit, which skip the finally blocks below:
    # it waits for the end of its stdin, which only this process holds open.
    watchdog = subprocess.Popen(
        ["sh", "-c", 'read _; "$@" >/dev/null 2>&1; rm -rf "$0"', root, *_as_server_user(stop)],
        stdin=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                SERVER_USER,
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ]
        )
        options = (
            f"-k {sockets} -c listen_addresses='' -p {PORT} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c deadlock_timeout=200ms"
        )
        _run([pg_ctl, "-D", str(data), "-l", str(log), "-w", "-s", "-o", options, "start"], log)
        try:
            yield Server(sockets, PORT)
        finally:
            _run(stop, log)
    finally:
        assert watchdog.stdin is not None
        watchdog.stdin.close()
        watchdog.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_template(pg_server: Server) -> str:
    """A database migrated once; every test's database is a copy of it."""
    with pg_server.admin() as admin:
        admin.execute(f"CREATE DATABASE {TEMPLATE}")
    database = Database(resolve_target(pg_server.url(TEMPLATE)))
    try:
        upgrade(database)
    finally:
        database.dispose()  # CREATE DATABASE … TEMPLATE needs it without connections
    return TEMPLATE


_names = itertools.count(1)


def _fresh(server: Server, template: str) -> Iterator[str]:
    name = f"wb_test_{next(_names)}"
    with server.admin() as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    yield server.url(name)
    with server.admin() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(pg_server: Server, pg_template: str) -> Iterator[str]:
    """The URL of a fresh, migrated, empty database for this test."""
    yield from _fresh(pg_server, pg_template)


@pytest.fixture
def pg_empty_url(pg_server: Server) -> Iterator[str]:
    """The URL of a fresh database without the program's tables."""
    yield from _fresh(pg_server, "template0")
