"""``cslkit enrich``: fill missing fields from Crossref and PubMed, showing a diff per item."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from cslkit.cli import app
from cslkit.cli.common import (
    EXIT_OK,
    FromFormatOption,
    dump_json,
    load_items,
    report_read_problems,
    stderr_console,
    write_output,
)

if TYPE_CHECKING:
    from cslkit.enrichment import Enriched


@app.command("enrich")
def enrich_command(
    file: Annotated[
        str, typer.Argument(help="References to complete (any format), or - for standard input.")
    ],
    from_format: FromFormatOption = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the items here (.json, .bib, .ris); default: CSL-JSON on stdout.",
        ),
    ] = None,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="Replace values that differ from Crossref/PubMed (default: keep yours, report the difference).",
        ),
    ] = False,
    email: Annotated[
        str | None,
        typer.Option(
            "--email",
            envvar="CSLKIT_CONTACT_EMAIL",
            help="Your contact email, sent to Crossref and NCBI as their etiquette asks.",
        ),
    ] = None,
    query: Annotated[
        bool,
        typer.Option(
            "--query/--no-query",
            help="Search Crossref by title, author and year when an item has no DOI.",
        ),
    ] = True,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", help="Only this source (repeatable): crossref, pubmed."),
    ] = None,
    cache: Annotated[
        bool, typer.Option("--cache/--no-cache", help="Reuse answers cached on disk (30 days).")
    ] = True,
    crossref_url: Annotated[
        str, typer.Option("--crossref-url", help="Crossref REST API base URL.")
    ] = "https://api.crossref.org",
    pubmed_url: Annotated[
        str, typer.Option("--pubmed-url", help="NCBI E-utilities base URL.")
    ] = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils",
    diff_format: Annotated[
        str, typer.Option("--diff", help="How to show the changes on stderr: text or json.")
    ] = "text",
) -> None:
    """Fill missing fields online: Crossref by DOI (or by a title search), PubMed by PMID.

    Off by default elsewhere in cslkit; this command is the only one that goes online.
    A value you gave is never replaced without --overwrite: differences are shown and
    kept. The diff per item goes to stderr, the items to stdout or -o.

    Examples:

        cslkit enrich refs.json --email editor@journal.ua -o refs.enriched.json

        CSLKIT_CONTACT_EMAIL=editor@journal.ua cslkit enrich refs.bib --no-query > refs.json

        cslkit enrich refs.json --overwrite --source pubmed -o refs.json.new
    """
    from cslkit.enrichment import enrich
    from cslkit.errors import InputError
    from cslkit.formats import dumps
    from cslkit.registry import writer_for_path

    sources = tuple(source or ("pubmed", "crossref"))
    unknown = set(sources) - {"pubmed", "crossref"}
    if unknown:
        raise InputError(
            f"unknown source {', '.join(sorted(unknown))}", hint="use crossref or pubmed"
        )
    if diff_format not in ("text", "json"):
        raise InputError(f"unknown --diff {diff_format!r}", hint="use text or json")
    if not email:
        print(
            "cslkit: warning: no contact email (--email or CSLKIT_CONTACT_EMAIL); Crossref and NCBI ask for one",
            file=sys.stderr,
        )
    items = load_items(file, from_format)
    report_read_problems(items)
    with _progress_bar() as progress:
        result = enrich(
            list(items),
            crossref_url=crossref_url,
            pubmed_url=pubmed_url,
            email=email,
            overwrite=overwrite,
            use_cache=cache,
            query=query,
            sources=sources,
            progress=progress,
        )
    target = writer_for_path(output) if output and output != "-" else None
    write_output(dumps(result.items, target or "csl-json"), output)
    if diff_format == "json":
        sys.stderr.write(dump_json([p.as_dict() for p in result.report]))
    else:
        _print_diffs(result)
    raise typer.Exit(EXIT_OK)


@contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on a terminal (lookups take a while); nothing when piped."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=stderr_console()) as bar:
        task = bar.add_task("looking up", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _print_diffs(result: Enriched) -> None:
    from rich.markup import escape

    from cslkit.validation.values import show

    console = stderr_console()
    for diff in result.diffs:
        console.print(f'[bold]item "{escape(diff.item_id)}" (no. {diff.position + 1})[/bold]')
        for change in diff.changes:
            new = escape(show(change.new, 90))
            if change.applied and change.old is None:
                console.print(
                    f"  [green]+ {escape(change.field)}: {new}[/green]  [dim]({change.source})[/dim]"
                )
            elif change.applied:
                console.print(
                    f"  [yellow]~ {escape(change.field)}: {escape(show(change.old, 90))} → {new}[/yellow]  [dim]({change.source})[/dim]"
                )
            else:
                console.print(
                    f"  [cyan]= {escape(change.field)}: {escape(show(change.old, 90))} kept; "
                    f"{change.source} has {new}[/cyan]  [dim](--overwrite to take it)[/dim]"
                )
    failed = [p for p in result.report if p.code == "enrichment-failed"]
    for p in failed:
        console.print(f"[dim]{escape(p.message)}[/dim]")
    filled = sum(c.applied for d in result.diffs for c in d.changes)
    kept = sum(not c.applied for d in result.diffs for c in d.changes)
    console.print(
        f"{filled} field(s) filled or replaced, {kept} difference(s) kept, "
        f"{len(failed)} item(s) not found, in {len(result.items)} item(s)"
    )
