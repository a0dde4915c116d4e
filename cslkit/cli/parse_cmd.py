"""``cslkit parse``: any supported input to CSL-JSON (an array, or JSON Lines with --jsonl)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from cslkit.cli import app
from cslkit.cli.common import (
    dump_json,
    read_input,
    report_read_problems,
    write_output,
)

# Below this many references a progress bar would only flicker.
_PROGRESS_THRESHOLD = 200


@app.command("parse")
def parse_command(
    file: Annotated[str, typer.Argument(help="Input file, or - for standard input.")],
    from_format: Annotated[
        str | None,
        typer.Option(
            "--from",
            "-f",
            help="Input format: csl-json, bibtex, ris, zotero-json, text. Detected when omitted.",
        ),
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    jsonl: Annotated[
        bool,
        typer.Option("--jsonl", help="One item per line (JSON Lines), written as it is parsed."),
    ] = False,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=1, help="Parse free text with N processes."),
    ] = 1,
) -> None:
    """Read references and print them as CSL-JSON.

    Plain-text reference lists (numbered or one per line, Vancouver, GOST/DSTU, APA, ...)
    are parsed into items; each keeps its original string in custom.original and a
    confidence in custom.confidence; uncertain fields are listed on stderr.

    Examples:

        cslkit parse refs.txt > refs.json

        cslkit parse refs.bib -o refs.json

        pbpaste | cslkit parse - --from text

        cslkit parse big-list.txt --jsonl --jobs 2 > refs.jsonl
    """
    from cslkit.model import Items
    from cslkit.registry import canonical_format, detect_format, get_reader

    text, path = read_input(file)
    name = canonical_format(from_format) if from_format else detect_format(text, path)
    if name == "text":
        items = _parse_text(text, jobs=jobs, jsonl=jsonl, output=output)
        report_read_problems(items)
        if jsonl:
            return
    else:
        items = get_reader(name).read(text)
        items = items if isinstance(items, Items) else Items(items)
        report_read_problems(items)
    if jsonl:
        write_output("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), output)
    else:
        write_output(dump_json(list(items)), output)


def _parse_text(text: str, *, jobs: int, jsonl: bool, output: str | None) -> Any:
    """Parse free text, streaming JSON Lines to stdout and showing progress on a terminal."""
    from contextlib import nullcontext

    from cslkit.model import Items, Problem
    from cslkit.textparser import iter_references, split_references

    segments, skipped = split_references(text)
    items = Items()
    items.problems.extend(
        Problem("not-a-reference", "info", None, None,
                f"line {s.line} was skipped as not a reference: {s.text[:80]!r}")
        for s in skipped
    )
    stream = jsonl and (output is None or output == "-")
    show_progress = sys.stderr.isatty() and len(segments) >= _PROGRESS_THRESHOLD
    progress_context: Any = nullcontext()
    if show_progress:
        from rich.progress import Progress

        from cslkit.cli.common import stderr_console

        progress_context = Progress(console=stderr_console(), transient=True)
    with progress_context as progress:
        task = progress.add_task("parsing references", total=len(segments)) if progress else None
        for item, problems in iter_references(text, jobs=jobs, segments=segments):
            items.append(item)
            items.problems.extend(problems)
            if stream:
                sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            if progress is not None:
                progress.advance(task)
    if jsonl and not stream:
        write_output("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), output)
    return items
