"""``cslkit convert``: from one file format to another."""

from __future__ import annotations

import sys
import warnings
from typing import Annotated

import typer

from cslkit.cli import app
from cslkit.cli.common import (
    EXIT_PROBLEMS,
    load_items,
    report_read_problems,
    stderr_console,
    warn_line,
    write_output,
)
from cslkit.errors import DataLossWarning


@app.command("convert")
def convert_command(
    file: Annotated[str, typer.Argument(help="Input file, or - for standard input.")],
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            "-t",
            help="Output format: csl-json, csl-jsonl, bibtex, ris (or one a plugin adds). "
            "Taken from the --output extension when omitted.",
        ),
    ] = None,
    from_format: Annotated[
        str | None,
        typer.Option(
            "--from",
            "-f",
            help="Input format: csl-json, bibtex, ris, zotero-json, text. "
            "Detected from the extension and content when omitted.",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Output file (default: stdout). Written atomically."),
    ] = None,
) -> None:
    """Convert references between formats (BibTeX, RIS, CSL-JSON, ...).

    Fields a format has no place for are kept (BibTeX fields in custom.bibtex-fields,
    RIS tags in custom.ris), so BibTeX -> CSL-JSON -> BibTeX and RIS -> CSL-JSON -> RIS
    keep the data; CSL variables RIS has no tag for are written as "N1  - variable: value"
    lines, which are read back, and anything RIS still cannot hold is named in a
    warning. An entry that cannot be read is reported on stderr with its key and
    line; the others are converted and the exit code is 1.

    Examples:

        cslkit convert refs.bib --to ris > refs.ris

        cslkit convert refs.ris -o refs.json

        cslkit convert export.txt --from ris --to bibtex -o refs.bib

        cat refs.json | cslkit convert - --to bibtex
    """
    from cslkit.errors import InputError
    from cslkit.formats import dumps
    from cslkit.registry import get_writer, writer_for_path

    target = to or (writer_for_path(output) if output and output != "-" else None)
    if target is None:
        raise InputError(
            "say which format to write",
            hint="--to csl-json|csl-jsonl|bibtex|ris, or an --output file ending in .json, .bib or .ris",
        )
    get_writer(target)  # an unknown --to fails before any input is read
    items = load_items(file, from_format)
    report_read_problems(items)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataLossWarning)
        text = dumps(list(items), target)
    for warning in caught:  # what the target format could not hold: said, not dropped
        if issubclass(warning.category, DataLossWarning):
            warn_line(str(warning.message))
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    write_output(text, output)
    if sys.stderr.isatty():  # a person at a terminal: say what happened (pipes stay quiet)
        where = f" to {output}" if output and output != "-" else ""
        stderr_console().print(f"cslkit: converted {len(items)} reference(s) to {target}{where}")
    if any(problem.severity == "error" for problem in items.problems):
        raise typer.Exit(EXIT_PROBLEMS)
