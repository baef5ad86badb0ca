"""Fixtures for the command tests: run ``workbench`` in-process, a demo database template."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from workbench.cli.main import main


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


Runner = Callable[..., Run]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Runner:
    """``run("demo", "--db", path)`` → exit code and what was printed."""

    def runner(*argv: str | Path) -> Run:
        capsys.readouterr()
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse: --version, --help, usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return runner


def _sql(path: Path, statement: str, *params: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection, connection:
        return connection.execute(statement, params).fetchall()


@pytest.fixture
def sql() -> Callable[..., list[tuple[object, ...]]]:
    """``sql(path, statement, *params)``: SQL on the file directly, behind the program's back."""
    return _sql
