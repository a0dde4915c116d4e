"""``cslkit styles``: list and search the styles ``--style`` accepts."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from cslkit.cli import app
from cslkit.cli.common import write_output


@app.command("styles")
def styles_command(
    query: Annotated[
        list[str] | None, typer.Argument(help="Words to look for in style names and titles.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List the available citation styles (cslkit's own first), or those matching QUERY.

    Examples:

        cslkit styles vancouver

        cslkit styles dstu

        cslkit styles "american psychological" --json
    """
    from cslkit.rendering import list_styles

    found = list_styles(" ".join(query) if query else None)
    if as_json:
        rows = [
            {"name": s.name, "title": s.title, "source": s.source, "parent": s.parent,
             "citation_format": s.citation_format}
            for s in found
        ]
        write_output(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", None)
    else:
        width = max((len(s.name) for s in found), default=0)
        lines = [f"{s.name:<{width}}  {s.title}" + (f"  (uses {s.parent})" if s.parent else "")
                 for s in found]
        write_output("".join(line + "\n" for line in lines), None)
    if not found:
        raise typer.Exit(1)
