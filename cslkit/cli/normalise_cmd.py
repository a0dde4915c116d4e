"""``cslkit normalise``: clean references with the switchable normalising steps."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Annotated

import typer

from cslkit.cli import app
from cslkit.cli.common import (
    EXIT_OK,
    FromFormatOption,
    load_items,
    report_read_problems,
    write_output,
)


@app.command("normalise")
def normalise_command(
    file: Annotated[
        str | None,
        typer.Argument(help="References to clean (any format), or - for standard input."),
    ] = None,
    from_format: FromFormatOption = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="Write here (.json, .bib, .ris) instead of CSL-JSON on stdout."
        ),
    ] = None,
    skip: Annotated[
        list[str] | None,
        typer.Option(
            "--skip",
            help="Leave this step out (repeatable): types, identifiers, text, names, dates, "
            "pages, container-titles, language, places, container-spellings (see --list-steps).",
        ),
    ] = None,
    step: Annotated[
        list[str] | None, typer.Option("--step", help="Run only this step (repeatable).")
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="List every change on stderr, not just the counts."),
    ] = False,
    list_steps: Annotated[
        bool, typer.Option("--list-steps", help="List the steps in running order and exit.")
    ] = False,
) -> None:
    """Clean names, dates, pages, identifiers, journal titles and languages.

    One spelling per journal in the whole list (the commonest; an abbreviation found in
    container-title goes to container-title-short when the list gives the full title).

    Every change is certain (an abbreviated range expanded, a DOI URL reduced to the
    DOI, "et al." taken out of the authors); doubtful data is left for `cslkit validate`
    to report. The counts of changes per step go to stderr.

    Examples:

        cslkit normalise refs.json -o refs.clean.json

        cslkit normalise refs.bib --skip container-titles --skip language > refs.json

        cslkit normalise --list-steps
    """
    from cslkit.errors import InputError
    from cslkit.formats import dumps
    from cslkit.normalisers import STEPS, normalise
    from cslkit.registry import writer_for_path

    if list_steps:
        for name, entry in STEPS.items():
            print(f"{name:<20} {entry.description}")
        raise typer.Exit(EXIT_OK)
    if file is None:
        raise InputError(
            "give a FILE to normalise (or - for standard input)", hint="see cslkit normalise --help"
        )
    items = load_items(file, from_format)
    report_read_problems(items)
    result, report = normalise(list(items), steps=step or None, skip=skip or ())
    target = writer_for_path(output) if output and output != "-" else None
    write_output(dumps(result, target or "csl-json"), output)
    if verbose:
        for change in report:
            print(change.message, file=sys.stderr)
    by_code = Counter(change.code for change in report)
    changed = len({change.position for change in report})
    detail = ", ".join(f"{code} {count}" for code, count in by_code.most_common())
    print(
        f"cslkit: {len(report)} change(s) in {changed} of {len(result)} item(s)"
        + (f" ({detail})" if detail else ""),
        file=sys.stderr,
    )
