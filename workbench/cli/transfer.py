"""The data-in-and-out commands: import, export, backup and restore.

Exit codes scripts can trust: 0 done; 2 the input was rejected (every rejected cell on
stderr, by row, column and reason; nothing written); 1 an error (one line on stderr).
Progress shows on stderr when it is a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REJECTED = 2


class Failed(Exception):
    """A failure to print as one line (exit 1)."""


def _services(args: argparse.Namespace, must_exist: bool) -> Any:
    from workbench.cli.main import _open

    return _open(args, must_exist=must_exist)


def _progress(command: str) -> Any:
    from workbench.cli.main import _terminal_progress

    return _terminal_progress(command)


def _end(progress: Any) -> None:
    from workbench.cli.main import _end_progress

    _end_progress(progress)


def _language(args: argparse.Namespace) -> str:
    from workbench.vocabulary import resolve_language

    return resolve_language(args.lang)


def _refused(error: Any, language: str) -> Failed:
    return Failed(error.text(language))


def _import(args: argparse.Namespace) -> int:
    from workbench.services.bulk import BatchError
    from workbench.settings import config_dir
    from workbench.transfer.files import FileRefused
    from workbench.transfer.headers import Remembered, mapping_file
    from workbench.transfer.kinds import import_kinds
    from workbench.transfer.plan import Import

    language = _language(args)
    if args.kind == "all":
        return _import_all(args, language)
    known = import_kinds()
    kind = known.get(args.kind)
    if kind is None:
        raise Failed(f"no import for {args.kind!r}; kinds: {', '.join(sorted(known))}")
    services = _services(args, must_exist=False)
    progress = _progress("import")
    try:
        try:
            job = Import(
                services,
                kind,
                Path(args.file),
                args.sheet,
                args.header_row,
                args.encoding,
                language,
            )
            remembered = Remembered(config_dir())
            if args.mapping:
                job.mapping = mapping_file(kind, Path(args.mapping), job.headers)
                remembered.keep(kind, job.headers, job.mapping)
            else:
                job.mapping = remembered.recall(kind, job.headers) or job.mapping
            preview = job.preview(progress)
        except FileRefused as error:
            raise _refused(error, language) from error
        _print_plan(args.file, preview, language)
        if job.fixed:  # a sign-in sheet's session block, above its table
            from workbench.transfer.training import above_the_table

            fixed = above_the_table(kind, job.fixed, language)
            print(f"import: above the table: {fixed}")
        if preview.rejected:
            for rejected in preview.rejected:
                print(f"{args.file}: {rejected}", file=sys.stderr)
            print(
                f"import: {len(preview.rejected):,} rejected cells; nothing was written",
                file=sys.stderr,
            )
            return REJECTED
        if args.dry_run:
            print("import: dry run, nothing was written")
            return 0
        try:
            written = job.write(preview, progress)
        except BatchError as error:
            for row in error.rows:
                print(f"{args.file}: {job.rejected_of(row)}", file=sys.stderr)
            return REJECTED
        except FileRefused as error:
            raise _refused(error, language) from error
    finally:
        _end(progress)
        services.database.dispose()
    print(
        f"import: {written.created:,} created, {written.updated:,} updated, "
        f"{written.entries:,} list entries added"
    )
    return 0


def _import_all(args: argparse.Namespace, language: str) -> int:
    from workbench.services.bulk import BatchError
    from workbench.transfer.files import FileRefused
    from workbench.transfer.whole import import_record
    from workbench.vocabulary.transfer import SHEET_NAMES

    if args.dry_run:
        raise Failed("import all has no --dry-run: it writes into a database without problems")
    services = _services(args, must_exist=False)
    progress = _progress("import")

    def sheet(kind: str) -> str:
        table = "problem" if kind in ("cause", "solution", "result") else kind
        return SHEET_NAMES.get(table, {}).get(language) or SHEET_NAMES["problem"][language]

    try:
        written = import_record(services, Path(args.file), progress)
    except FileRefused as error:
        raise _refused(error, language) from error
    except BatchError as error:
        for row in error.rows:
            print(f"{args.file}: {sheet(row.kind)} {row}", file=sys.stderr)
        print("import: nothing was written", file=sys.stderr)
        return REJECTED
    finally:
        _end(progress)
        services.database.dispose()
    print(
        f"import: {written.created:,} problems created with their chains, "
        f"{written.entries:,} list entries added"
    )
    for table, rows in written.kinds.items():
        print(f"import: {SHEET_NAMES[table].get(language, table)}: {rows:,} rows")
    return 0


def _print_plan(file: str, preview: Any, language: str) -> None:
    columns = ", ".join(
        f"{preview.headers[i]}→{k}" for i, k in sorted(preview.mapping.items()) if k
    )
    print(f"import: {file}, sheet {preview.sheet}, header row {preview.header_row}")
    print(f"import: columns {columns}")
    print(
        f"import: {preview.created:,} to create, {preview.updated:,} to update, "
        f"{preview.unchanged:,} unchanged, {preview.skipped:,} skipped (blank or totals rows)"
        + (f", {preview.absent:,} not there (absent or not signed in)" if preview.absent else "")
    )
    if preview.new_entries:
        listed = ", ".join(f"{e.table} {e.values.get('name')}" for e in preview.new_entries[:20])
        more = len(preview.new_entries) - 20
        print(f"import: new list entries: {listed}" + (f" and {more} more" if more > 0 else ""))


def _export(args: argparse.Namespace) -> int:
    from workbench.transfer.record import export_problems, export_record

    language = _language(args)
    out = Path(args.out)
    services = _services(args, must_exist=True)
    progress = _progress("export")
    try:
        if args.kind == "all":
            if out.suffix.lower() != ".xlsx":
                raise Failed("export all writes one workbook: give --out FILE.xlsx")
            counts = export_record(services, out, language, progress)
        elif args.kind == "problem":
            counts = export_problems(services, out, language, args.filter or [], progress)
        else:
            raise Failed(f"no export for {args.kind!r}; kinds: problem, all")
    except ValueError as error:
        raise Failed(str(error)) from error
    finally:
        _end(progress)
        services.database.dispose()
    rows = ", ".join(f"{n:,} {kind}" for kind, n in counts.items())
    print(f"export: {rows} written to {out}")
    return 0


def _database_file(args: argparse.Namespace) -> Path:
    from workbench.store.database import resolve_target, sqlite_file

    path = sqlite_file(resolve_target(args.db))
    if path is None:
        raise Failed("backup and restore work on a SQLite file; back a server up with its tools")
    return path


def _backup(args: argparse.Namespace) -> int:
    from workbench.transfer.backup import make_backup
    from workbench.transfer.files import FileRefused

    path = _database_file(args)
    services = _services(args, must_exist=True)  # migrates it, and refuses a foreign file
    services.database.dispose()
    try:
        info = make_backup(path, Path(args.out))
    except FileRefused as error:
        raise _refused(error, _language(args)) from error
    print(
        f"backup: {path} saved to {info.path} ({info.size:,} bytes, schema {info.revision}, "
        f"audit chain up to entry {info.head_id:,})"
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    from workbench.settings import config_dir
    from workbench.transfer.backup import restore_file
    from workbench.transfer.files import FileRefused

    path = _database_file(args)
    try:
        # The chain is the backup's now: this machine's anchor starts afresh at its head.
        _info, aside = restore_file(Path(args.file), path, config_dir())
    except FileRefused as error:
        raise _refused(error, _language(args)) from error
    print(f"restore: {path} replaced by {args.file}; the database it replaced is kept as {aside}")
    return 0


def add_commands(commands: Any, common: Callable[[argparse.ArgumentParser, object], None]) -> None:
    """The four commands on ``commands`` (the main parser's subparsers)."""
    imp = commands.add_parser(
        "import",
        help="import records from an .xlsx or CSV file",
        description="Import a kind of record (problem, kpi, training) from a spreadsheet: the "
        "header row is found under title rows, headers are mapped to fields (remembered "
        "per layout), totals rows are skipped. Everything is checked first; then all rows "
        "are written in one transaction, or none. Exit 0 done, 2 rejected (the rows on "
        "stderr), 1 error.",
    )
    imp.add_argument(
        "kind",
        metavar="KIND",
        help="problem, kpi (KPI measurements), training (a sign-in sheet), or all (a workbook "
        "written by export all)",
    )
    imp.add_argument("file", metavar="FILE", help="an .xlsx or .csv file")
    imp.add_argument("--sheet", metavar="S", help="the sheet to read (default: the first)")
    imp.add_argument(
        "--header-row", type=int, metavar="N", help="the header's row number (default: found)"
    )
    imp.add_argument(
        "--encoding", metavar="E", help="a CSV's encoding: utf-8, utf-8-sig, gb18030, gbk …"
    )
    imp.add_argument(
        "--mapping", metavar="M", help='JSON file {"header": "field"} ("" skips a column)'
    )
    imp.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    common(imp, argparse.SUPPRESS)
    imp.set_defaults(handler=_guarded(_import))

    exp = commands.add_parser(
        "export",
        help="export records to .xlsx or CSV",
        description="Export the problems (optionally filtered) to .xlsx or CSV, or the whole "
        "record (all) to one workbook with a sheet per record kind.",
    )
    exp.add_argument("kind", metavar="KIND", choices=("problem", "all"), help="problem or all")
    exp.add_argument("--out", required=True, metavar="FILE", help="FILE.xlsx or FILE.csv")
    exp.add_argument(
        "--filter",
        action="append",
        metavar="FIELD=VALUE",
        help="status=open,solving · module=库存 · site=… · department=… · owner=… · "
        "tag=… · text=… · overdue · mine · kpi_alert (repeatable)",
    )
    common(exp, argparse.SUPPRESS)
    exp.set_defaults(handler=_guarded(_export))

    back = commands.add_parser(
        "backup",
        help="back the database up to a file",
        description="Copy the database with SQLite's online backup API, with a note of its "
        "audit chain's head beside it (FILE.json).",
    )
    back.add_argument("--out", required=True, metavar="FILE", help="the backup file")
    common(back, argparse.SUPPRESS)
    back.set_defaults(handler=_guarded(_backup))

    rest = commands.add_parser(
        "restore",
        help="replace the database with a backup",
        description="Check the backup (refusing a foreign or damaged one), keep the current "
        "database aside, then replace it with the backup.",
    )
    rest.add_argument("file", metavar="FILE", help="the backup file")
    common(rest, argparse.SUPPRESS)
    rest.set_defaults(handler=_guarded(_restore))


def _guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from workbench.cli.main import CommandError

        try:
            return handler(args)
        except Failed as error:
            raise CommandError(str(error)) from error

    return run
