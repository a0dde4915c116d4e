"""``cslkit convert``: from one file format to another."""

from __future__ import annotations

from typing import Annotated

import typer

from cslkit.cli import app
from cslkit.cli.common import load_items, report_read_problems, write_output


@app.command("convert")
def convert_command(
    file: Annotated[str, typer.Argument(help="Input file, or - for standard input.")],
    to: Annotated[
        str | None,
        typer.Option("--to", "-t", help="Output format: csl-json, bibtex, ris."),
    ] = None,
    from_format: Annotated[
        str | None,
        typer.Option("--from", "-f", help="Input format; detected when omitted."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Output file (its extension can name the format)."),
    ] = None,
) -> None:
    """Convert references between formats.

    Examples:

        cslkit convert refs.bib --to ris > refs.ris

        cslkit convert refs.ris -o refs.json
    """
    from cslkit.errors import InputError
    from cslkit.formats import dumps
    from cslkit.registry import writer_for_path

    target = to or (writer_for_path(output) if output and output != "-" else None)
    if target is None:
        raise InputError("say which format to write", hint="--to bibtex|ris|csl-json")
    items = load_items(file, from_format)
    report_read_problems(items)
    write_output(dumps(list(items), target), output)
