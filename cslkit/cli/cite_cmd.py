"""``cslkit cite``: citations (numbers, author-year, footnotes...) for clusters of item ids."""

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


@app.command("cite")
def cite_command(
    file: Annotated[str, typer.Argument(help="References (CSL-JSON, BibTeX, RIS, ...), or - for stdin.")],
    cite: Annotated[
        list[str] | None,
        typer.Option(
            "--cite",
            "-c",
            help="Comma-separated item ids cited together; repeat for each citation, in text order. "
            "ID@LOCATOR points into the work: smith2020@12 (a page), smith2020@p. 12-15, "
            "smith2020@chap. 3, koval2019@с. 45.",
        ),
    ] = None,
    clusters_file: Annotated[
        str | None,
        typer.Option(
            "--clusters",
            help="A JSON list of CSL citations in document order, as citeproc-js takes them: "
            '{"citationItems": [{"id": ..., "locator": "12", "label": "page"}], '
            '"properties": {"noteIndex": 1}} (instead of --cite).',
        ),
    ] = None,
    notes: Annotated[
        bool, typer.Option("--notes", help="Each --cite is a footnote of its own, numbered from 1 (note styles: Ibid.).")
    ] = False,
    style: Annotated[
        str, typer.Option("--style", "-s", help="Style name or path to a .csl file.")
    ] = "vancouver",
    locale: Annotated[str | None, typer.Option("--locale", "-l", help="Document locale, e.g. uk-UA.")] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-t", help="text, html, markdown or rtf.")
    ] = "text",
    from_format: FromFormatOption = None,
) -> None:
    """Print in-text citations or footnotes: one per --cite, or per cluster of --clusters.

    Numbered, collapsed and positioned (first, subsequent, ibid) as the style says.

    Examples:

        cslkit cite refs.json --style vancouver --cite smith2020,lee2019 --cite doe2018

        cslkit cite refs.json --style apa --cite "smith2020@p. 12-15,lee2019@chap. 3"

        cslkit cite refs.json --style chicago-notes-bibliography-subsequent-ibid --notes --cite smith2020@12 --cite smith2020@12

        cslkit cite refs.json --style apa --clusters clusters.json
    """
    import json

    from cslkit.errors import InputError
    from cslkit.rendering import Cluster
    from cslkit.rendering import cite as cite_items
    from cslkit.rendering.citations import parse_cite

    if clusters_file is not None:
        if cite:
            raise InputError("give --cite or --clusters, not both")
        text = typer.get_text_stream("stdin").read() if clusters_file == "-" else _read(clusters_file)
        try:
            clusters = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{clusters_file}: not JSON: {exc.msg} (line {exc.lineno})") from exc
        if not isinstance(clusters, list):
            raise InputError(f"{clusters_file}: expected a JSON list of citations")
    elif not any(part.strip() for value in cite or [] for part in value.split(",")):
        raise InputError("no item ids given", hint="use --cite id1,id2 or --clusters FILE")
    items = load_items(file, from_format)
    report_read_problems(items)
    report_unrenderable_fields(items)
    if clusters_file is None:
        known_ids = {str(item.get("id")) for item in items if isinstance(item, dict)}
        cites = [
            [parse_cite(part, known_ids) for part in value.split(",") if part.strip()] for value in cite or []
        ]
        cites = [c for c in cites if c]
        clusters = [Cluster(c, index + 1) for index, c in enumerate(cites)] if notes else cites
    marks = cite_items(list(items), clusters, style=style, locale=locale, format=output_format)
    write_output("".join(mark + "\n" for mark in marks), None)


def _read(path: str) -> str:
    from cslkit.errors import InputError

    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
