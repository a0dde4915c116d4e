"""``cslkit sync``: put a reference list into a Zotero group library, safely."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from cslkit.cli import app
from cslkit.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    FromFormatOption,
    dump_json,
    read_input,
    report_read_problems,
)


def _short(value: Any, width: int = 60) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _report_lines(report: Any) -> list[str]:
    verb = "would create" if report.dry_run else "created"
    lines = [f"{verb}: {item_id}" for item_id in report.created]
    verb = "would update" if report.dry_run else "updated"
    lines += [
        f"{verb}: {item_id} ({report.keys.get(item_id, '')}): "
        + ", ".join(report.changed_fields.get(item_id, []))
        for item_id in report.updated
    ]
    for conflict in report.conflicts:
        how = f"resolved: {conflict['resolved']}" if conflict["resolved"] else "left alone"
        lines.append(
            f"conflict: {conflict['item_id']} ({conflict['key']}) {conflict['field']}: "
            f"here {_short(conflict['local'])!s} / in Zotero {_short(conflict['remote'])!s} "
            f"[{how}]"
        )
    for failure in report.failed:
        where = f" {failure['field']}" if failure["field"] else ""
        lines.append(
            f"failed: {failure['item_id']}{where}: HTTP {failure['code']} {failure['message']}"
        )
    for item_id, fields in report.pulled.items():
        lines.append(f"pulled: {item_id}: {', '.join(fields)}")
    lines += [f"deleted in Zotero, left alone: {i}" for i in report.deleted_remotely]
    lines += [f"duplicate in the input, skipped: {i}" for i in report.duplicates]
    verb = "would add" if report.dry_run else "added"
    lines += [f"{verb} from Zotero: {key}" for key in report.new_from_zotero]
    return lines


class _ProgressBar:
    """A rich progress bar on a terminal; nothing when stderr is piped."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty() or total == 0:
            return
        if self._bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(TextColumn("syncing"), BarColumn(), MofNCompleteColumn(),
                                 transient=True, console=_console())  # fmt: skip
            self._bar.start()
            self._task = self._bar.add_task("sync", total=total)
        self._bar.update(self._task, completed=done, total=total)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _console() -> Any:
    from cslkit.cli.common import stderr_console

    return stderr_console()


@app.command("sync")
def sync_command(
    file: Annotated[str, typer.Argument(help="References in any format, or - for stdin.")],
    group: Annotated[int, typer.Option("--group", "-g", help="Zotero group id (a number).")],
    api_url: Annotated[
        str | None,
        typer.Option(
            "--api-url",
            help="Another server with the Zotero Web API v3 "
            "(default: $ZOTERO_API_URL, else https://api.zotero.org).",
        ),
    ] = None,  # fmt: skip
    collection: Annotated[
        str | None,
        typer.Option(
            "--collection", "-c", help="File the items into this collection (created if missing)."
        ),
    ] = None,  # fmt: skip
    tag: Annotated[
        list[str] | None, typer.Option("--tag", "-t", help="Add this tag (repeatable).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Show the plan; change nothing in Zotero.")
    ] = False,
    pull: Annotated[
        bool,
        typer.Option(
            "--pull",
            help="Bring fields changed in Zotero back into FILE (rewritten in its format).",
        ),
    ] = False,  # fmt: skip
    prefer: Annotated[
        str | None,
        typer.Option(
            "--prefer",
            help="Resolve conflicts: local (push ours) or remote "
            "(keep Zotero's). Default: report them and change neither.",
        ),
    ] = None,  # fmt: skip
    state: Annotated[
        str | None,
        typer.Option("--state", help="Sync state file (SQLite; default in the user state dir)."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="Report as text or json (on stdout).")
    ] = "text",
    from_format: FromFormatOption = None,
) -> None:
    """Sync FILE into a Zotero group library; a second run changes nothing.

    Creates what is new, pushes what changed here,
    keeps what colleagues changed in Zotero, and reports conflicts.

    The API key comes from $ZOTERO_API_KEY or the keyring
    (`keyring set cslkit-zotero api-key`), never from the command line.

    Examples:

        cslkit sync refs.json --group 123456 --dry-run

        cslkit sync refs.json --group 123456 --collection "Issue 2013/13" --tag issue-13

        cslkit sync refs.json --group 123456 --pull --prefer remote

        ZOTERO_API_KEY=test cslkit sync refs.json --group 1 --api-url http://127.0.0.1:8085

    Exit status: 0 all synced, 1 conflicts or failed items remain, 2 usage or key errors.
    """
    from cslkit.errors import InputError
    from cslkit.formats import read_items, write
    from cslkit.registry import all_writers, canonical_format, detect_format
    from cslkit.zotero import sync

    if prefer not in (None, "local", "remote"):
        raise InputError(f"--prefer must be local or remote, not {prefer!r}")
    if output_format not in ("text", "json"):
        raise InputError(f"--format must be text or json, not {output_format!r}")
    if pull and not dry_run and file == "-":
        raise InputError("--pull rewrites FILE, so FILE cannot be stdin")
    text, path = read_input(file)
    # The format --pull writes back is the one FILE was read in.
    read_format = canonical_format(from_format) if from_format else detect_format(text, path)
    pull_format = read_format if pull and not dry_run else None
    if pull_format and pull_format not in {w.name for w in all_writers()}:
        raise InputError(
            f"--pull cannot rewrite a {pull_format} file",
            hint=f"convert it first: cslkit convert {file} --to csl-json -o refs.json",
        )
    items = read_items(text, path, read_format)
    report_read_problems(items)
    bar = _ProgressBar()
    try:
        report = sync(list(items), group=group, api_url=api_url, dry_run=dry_run,
                      collection=collection, tags=tuple(tag or ()), pull=pull,
                      prefer=prefer, state_path=state, progress=bar)  # fmt: skip
    finally:
        bar.stop()
    if pull_format and (report.pulled or report.new_from_zotero):
        write(report.items, file, pull_format)
    if output_format == "json":
        sys.stdout.write(dump_json(report.as_dict()))
    else:
        for line in _report_lines(report):
            sys.stdout.write(line + "\n")
    print(("dry run: " if dry_run else "") + report.summary(), file=sys.stderr)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_PROBLEMS)
