"""``cslkit render``: a bibliography in any CSL style, as text, HTML, Markdown, RTF or DOCX."""

from __future__ import annotations

from typing import Annotated

import typer

from cslkit.cli import app
from cslkit.cli.common import (
    FromFormatOption,
    load_items,
    report_read_problems,
    report_unrenderable_fields,
    write_output,
)


@app.command("render")
def render_command(
    file: Annotated[str, typer.Argument(help="References (CSL-JSON, BibTeX, RIS, ...), or - for stdin.")],
    style: Annotated[
        str,
        typer.Option("--style", "-s", help="Style name (see `cslkit styles`) or path to a .csl file."),
    ] = "vancouver",
    locale: Annotated[
        str | None,
        typer.Option("--locale", "-l", help="Document locale, e.g. en-US, uk-UA (default: the style's)."),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-t",
            help="text, html, markdown, rtf or docx (default: from -o's extension, else text).",
        ),
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    transliterate: Annotated[
        bool,
        typer.Option(
            "--transliterate",
            # "\\[" keeps rich from reading "[in Ukrainian]" as a markup tag.
            help='The Latin-script "References" list: names and titles transliterated, '
            '"\\[in Ukrainian]" at the end.',
        ),
    ] = False,
    from_format: FromFormatOption = None,
) -> None:
    """Print the bibliography of FILE in a citation style, one entry per line.

    Examples:

        cslkit render refs.json --style vancouver

        cslkit render refs.json --style dstu-8302-2015 --locale uk-UA

        cslkit render refs.json --style vancouver --transliterate

        cslkit render refs.bib --style apa -o refs.docx

        cslkit render refs.json --style ./my-journal.csl --format html > refs.html
    """
    from cslkit.errors import InputError
    from cslkit.rendering import formats, write_bibliography

    name = formats.canonical(output_format or (formats.for_path(output) if output else None) or "text")
    if name == "docx" and (output is None or output == "-"):
        raise InputError("DOCX output needs a file", hint="add -o refs.docx")
    items = load_items(file, from_format)
    report_read_problems(items)
    report_unrenderable_fields(items)
    if output is not None and output != "-":
        write_bibliography(list(items), output, style=style, format=name, locale=locale,
                           transliterate=transliterate)
        return
    from cslkit.rendering import render

    entries = render(list(items), style=style, locale=locale, format=name, transliterate=transliterate)
    write_output(formats.get(name).document(entries), None)
