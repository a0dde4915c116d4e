"""``cslkit cite``: in-text citations (numbers, author-year...) for clusters of item ids."""

from __future__ import annotations

from typing import Annotated

import typer

from cslkit.cli import app
from cslkit.cli.common import FromFormatOption, load_items, report_read_problems, write_output


@app.command("cite")
def cite_command(
    file: Annotated[str, typer.Argument(help="References (CSL-JSON, BibTeX, RIS, ...), or - for stdin.")],
    cite: Annotated[
        list[str],
        typer.Option(
            "--cite",
            "-c",
            help="Comma-separated item ids cited together; repeat for each citation, in text order.",
        ),
    ],
    style: Annotated[
        str, typer.Option("--style", "-s", help="Style name or path to a .csl file.")
    ] = "vancouver",
    locale: Annotated[str | None, typer.Option("--locale", "-l", help="Document locale, e.g. uk-UA.")] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-t", help="text, html, markdown or rtf.")
    ] = "text",
    from_format: FromFormatOption = None,
) -> None:
    """Print one in-text citation per --cite, numbered and collapsed as the style says.

    Examples:

        cslkit cite refs.json --style vancouver --cite smith2020,lee2019 --cite doe2018

        cslkit cite refs.json --style apa --cite smith2020
    """
    from cslkit.errors import InputError
    from cslkit.rendering import cite as cite_items

    clusters = [[part.strip() for part in value.split(",") if part.strip()] for value in cite]
    if not any(clusters):
        raise InputError("no item ids given", hint="use --cite id1,id2")
    items = load_items(file, from_format)
    report_read_problems(items)
    marks = cite_items(list(items), [c for c in clusters if c], style=style, locale=locale,
                       format=output_format)
    write_output("".join(mark + "\n" for mark in marks), None)
