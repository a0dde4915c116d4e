"""``cslkit parse``: any supported input to a CSL-JSON array."""

from __future__ import annotations

from typing import Annotated

import typer

from cslkit.cli import app
from cslkit.cli.common import dump_json, load_items, report_read_problems, write_output


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
) -> None:
    """Read references and print them as a CSL-JSON array.

    Examples:

        cslkit parse refs.bib > refs.json

        cslkit parse refs.txt -o refs.json

        pbpaste | cslkit parse - --from text
    """
    items = load_items(file, from_format)
    report_read_problems(items)
    write_output(dump_json(list(items)), output)
