"""``cslkit validate``: every problem in a reference list, grouped by item; optionally fixed."""

from __future__ import annotations

import contextlib
import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from cslkit.cli import app
from cslkit.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    FromFormatOption,
    dump_json,
    load_items,
    write_output,
)

JSON_KEYS = ("code", "severity", "item_id", "field", "message", "hint")
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def _summary(item: dict[str, Any]) -> str:
    """A one-line description of an item when it has no original reference string."""
    parts = []
    authors = item.get("author")
    if isinstance(authors, list) and authors and isinstance(authors[0], dict):
        first = authors[0]
        name = first.get("family") or first.get("literal") or ""
        if isinstance(name, str) and name:
            parts.append(name + (" et al." if len(authors) > 1 else ""))
    issued = item.get("issued")
    if isinstance(issued, dict) and isinstance(issued.get("date-parts"), list):
        with contextlib.suppress(IndexError, KeyError, TypeError):
            parts.append(f"({issued['date-parts'][0][0]})")
    for key in ("title", "container-title"):
        if isinstance(item.get(key), str):
            parts.append(item[key])
    return " ".join(parts)


def _original(item: Any) -> str:
    if not isinstance(item, dict):
        return str(item)[:200]
    custom = item.get("custom")
    if isinstance(custom, dict) and isinstance(custom.get("original"), str):
        return custom["original"]
    return _summary(item)


def _detail(message: str) -> str:
    """A message without its "item ..., field ...:" prefix (the group header says it)."""
    if message.startswith("item ") and ": " in message:
        return message.split(": ", 1)[1]
    return message


def print_text_report(problems: list[Any], items: list[Any], total: int) -> None:
    """Problems grouped by item, under the item's original reference string."""
    from rich.markup import escape

    from cslkit.cli.common import stdout_console

    console = stdout_console()
    groups: dict[tuple[int | None, str | None], list[Any]] = {}
    for p in problems:
        groups.setdefault((p.position, p.item_id), []).append(p)
    for (position, identifier), group in sorted(
        groups.items(), key=lambda entry: (entry[0][0] is None, entry[0][0] or 0)
    ):
        label = f'item "{identifier}"' if identifier is not None else "item without id"
        if position is not None:
            label += f" (no. {position + 1})"
        elif identifier is None:
            label = "the input"
        console.print(f"[bold]{escape(label)}[/bold]")
        if position is not None and position < len(items):
            original = _original(items[position])
            if original:
                console.print(f"  [dim]{escape(original)}[/dim]")
        for p in group:
            style = _SEVERITY_STYLE.get(p.severity, "")
            field = f" {p.field}:" if p.field else ""
            console.print(
                f"  [{style}]{p.severity:<7}[/{style}] {escape(p.code)}{escape(field)} "
                f"{escape(_detail(p.message))}"
            )
            if p.hint:
                console.print(f"          [dim]→ {escape(p.hint)}[/dim]")
    counts = {s: sum(p.severity == s for p in problems) for s in ("error", "warning", "info")}
    verdict = (
        "[bold green]OK[/bold green]" if not counts["error"] else "[bold red]NOT OK[/bold red]"
    )
    console.print(
        f"{verdict}: {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} change(s) in {total} item(s)"
    )


def write_items_back(
    items: list[Any], source: str, output: str | None, in_place: bool, from_format: str | None
) -> None:
    """Write fixed items to OUTPUT, or over SOURCE (atomically, keeping SOURCE.bak)."""
    from cslkit.errors import InputError
    from cslkit.formats import dumps, write_atomically
    from cslkit.registry import canonical_format, detect_format, writer_for_path, writer_names

    if in_place:
        if source == "-":
            raise InputError("--in-place needs a file, not standard input", hint="use -o OUT")
        path = Path(source)
        text = path.read_text(encoding="utf-8", errors="replace")
        name = canonical_format(from_format) if from_format else detect_format(text, path)
        if name not in writer_names():
            raise InputError(
                f"{source}: cslkit cannot write {name} files, so it will not overwrite it",
                hint="use -o OUT.json instead of --in-place",
            )
        backup = path.with_name(path.name + ".bak")
        shutil.copy2(path, backup)
        write_atomically(path, dumps(items, name))
        print(
            f"cslkit: wrote {len(items)} item(s) to {source} (the original is in {backup})",
            file=sys.stderr,
        )
        return
    if output is None:
        raise InputError(
            "say where to write the fixed items", hint="-o OUT, or --in-place to replace FILE"
        )
    target = writer_for_path(output) if output != "-" else None
    write_output(dumps(items, target or "csl-json"), output)


@app.command("validate")
def validate_command(
    file: Annotated[
        str | None,
        typer.Argument(help="References to check (any format), or - for standard input."),
    ] = None,
    from_format: FromFormatOption = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", help="text (grouped by item) or json (an array of problems)."),
    ] = OutputFormat.text,
    style: Annotated[
        str,
        typer.Option(
            "--style", "-s", help="Whose requirements to check per item type: vancouver or dstu."
        ),
    ] = "vancouver",
    rule: Annotated[
        list[str] | None,
        typer.Option("--rule", "-r", help="Run only this rule (repeatable); see --list-rules."),
    ] = None,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Normalise the items first, report the changes, and write them (-o or --in-place).",
        ),
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="Where --fix/--merge write the items (.json, .bib, .ris)."
        ),
    ] = None,
    in_place: Annotated[
        bool,
        typer.Option(
            "--in-place",
            help="Overwrite FILE with the fixed items (atomically; the original is kept as FILE.bak).",
        ),
    ] = False,
    duplicates_against: Annotated[
        str | None,
        typer.Option(
            "--duplicates-against",
            help="Also report items that duplicate one in this second list (e.g. a Zotero export).",
        ),
    ] = None,
    merge: Annotated[
        bool,
        typer.Option(
            "--merge",
            help="Merge duplicates without losing fields (within the list, or fill from --duplicates-against).",
        ),
    ] = False,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List the rules and exit.")
    ] = False,
) -> None:
    """Check references before print: every problem named, located and explained.

    Exit status: 0 when there is no error (warnings allowed), 1 when there is one,
    2 when the input cannot be read.

    Examples:

        cslkit validate refs.json

        cslkit validate refs.bib --style dstu --format json > problems.json

        cslkit validate refs.json --fix -o refs.fixed.json

        cslkit validate refs.json --fix --in-place        # keeps refs.json.bak

        cslkit validate mine.json --duplicates-against zotero-export.json
    """
    from cslkit.model import Report
    from cslkit.validation import RULES, validate

    if list_rules:
        for name, entry in RULES.items():
            print(f"{name:<16} {entry.description}")
        raise typer.Exit(EXIT_OK)
    if file is None:
        from cslkit.errors import InputError

        raise InputError(
            "give a FILE to validate (or - for standard input)", hint="see cslkit validate --help"
        )
    items = load_items(file, from_format)
    report = Report(list(getattr(items, "problems", [])))
    current: list[Any] = list(items)
    if fix:
        from cslkit.normalisers import normalise

        current, changes = normalise(current)
        report.extend(changes)
    if duplicates_against:
        from cslkit.normalisers import find_duplicates, merge_duplicates
        from cslkit.validation.codes import problem

        other = list(load_items(duplicates_against, None))
        # Entries that are not objects never pair up; validate reports them.
        pairs = find_duplicates(current, other)
        for pair in pairs:
            mine, theirs = current[pair.first], other[pair.second]
            mine_id = str(mine.get("id", f"#{pair.first + 1}"))
            their_id = (
                str(theirs.get("id", f"#{pair.second + 1}")) if isinstance(theirs, dict) else "?"
            )
            report.add(
                problem(
                    "possible-duplicate",
                    mine_id,
                    pair.field,
                    f'item "{mine_id}" (no. {pair.first + 1}): already in {duplicates_against} as '
                    f'"{their_id}" (no. {pair.second + 1}; {pair.reason})',
                    "drop it from this list, or --merge to fill it from the other copy",
                    pair.first,
                )
            )
        if merge:
            current, merged = merge_duplicates(current, pairs, other=other)
            report.extend(merged)
    elif merge:
        from cslkit.normalisers import merge_duplicates

        current, merged = merge_duplicates(current)
        report.extend(merged)
    # The free-text reader already reported its uncertain fields; say it once.
    said_by_reader = {"low-confidence-field", "unplaced-text"}
    already = {(p.code, p.item_id, p.field) for p in report if p.code in said_by_reader}
    report.extend(
        p
        for p in validate(current, rules=rule, style=style)
        if not (p.code in said_by_reader and (p.code, p.item_id, p.field) in already)
    )
    if fix or merge:
        write_items_back(current, file, output, in_place, from_format)
    if output_format is OutputFormat.json:
        data = [{key: getattr(p, key) for key in JSON_KEYS} for p in report]
        sys.stdout.write(dump_json(data))
    else:
        print_text_report(list(report), current, len(current))
    raise typer.Exit(EXIT_OK if report.ok else EXIT_PROBLEMS)
