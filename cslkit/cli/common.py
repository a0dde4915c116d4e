"""Helpers shared by the command modules: input, output, messages and exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from cslkit.formats import decode_bytes

# The --from option every command that reads references takes, spelled once.
FromFormatOption = Annotated[
    str | None, typer.Option("--from", "-f", help="Input format; detected when omitted.")
]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def stderr_console() -> Any:
    """A rich console on stderr (colour only on a terminal, plain when piped)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def stdout_console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def error_line(message: str) -> None:
    """One clear line on stderr, prefixed with the program name."""
    print(f"cslkit: error: {message}", file=sys.stderr)


def warn_line(message: str) -> None:
    print(f"cslkit: warning: {message}", file=sys.stderr)


def read_input(file: str) -> tuple[str, Path | None]:
    """The text of FILE (``-`` = stdin) and its path, decoding UTF-8 or Windows-1251."""
    from cslkit.errors import InputError

    if file == "-":
        return decode_bytes(sys.stdin.buffer.read(), "stdin"), None
    path = Path(file)
    if not path.exists():
        raise InputError(f"{file}: no such file", hint="check the path, or use - for stdin")
    if path.is_dir():
        raise InputError(f"{file}: is a directory, not a file")
    try:
        return decode_bytes(path.read_bytes(), file), path
    except OSError as exc:
        raise InputError(f"{file}: cannot read the file ({exc.strerror})") from exc


def load_items(file: str, from_format: str | None) -> Any:
    """Read FILE with the named reader or a detected one; returns :class:`cslkit.Items`."""
    from cslkit.formats import read_items

    text, path = read_input(file)
    return read_items(text, path, from_format)


def report_read_problems(items: Any) -> None:
    """Tell the user (stderr) what the reader skipped or repaired."""
    for problem in getattr(items, "problems", []):
        where = f"item {problem.item_id}" if problem.item_id else "input"
        line = f"{where}: {problem.message}"
        if problem.hint:
            line += f" ({problem.hint})"
        if problem.severity == "error":
            error_line(line)
        else:
            warn_line(line)


# Problems with an item's data that change what a style prints, and what the renderer
# does about them.
_RENDER_AFFECTING = {
    "not-an-item": "left out of the list",
    "missing-type": "rendered as an article",
    "unknown-type": "rendered as an article",
    "invalid-names": "left out of the entry",
    "invalid-name-part": "left out of the entry",
    "invalid-date": "left out of the entry",
    "non-numeric-date-part": "left out of the entry",
    "invalid-value-type": "left out of the entry",
    "duplicate-id": "both are rendered",
    "duplicate-id-case": "both are rendered",
}
_RENDER_RULES = ("structure", "value-types", "names", "dates", "duplicate-ids")
_MAX_SHOWN = 10


def report_unrenderable_fields(items: Any) -> None:
    """Before rendering, tell the user (stderr) which fields a style cannot print as they
    are: each item and field, what to write instead; the full list is `cslkit validate`'s."""
    import cslkit

    # only the rules that can report these codes: not the duplicate search or spellings
    checked = cslkit.validate(list(items), rules=_RENDER_RULES).problems
    found = [p for p in checked if p.code in _RENDER_AFFECTING]
    for problem in found[:_MAX_SHOWN]:
        line = f"{problem.message} ({_RENDER_AFFECTING[problem.code]}"
        line += f"; {problem.hint})" if problem.hint else ")"
        warn_line(line)
    if len(found) > _MAX_SHOWN:
        warn_line(f"… and {len(found) - _MAX_SHOWN} more such problems: run `cslkit validate` on the file")


def write_output(text: str, output: str | None) -> None:
    """Write text to ``output`` (atomically) or to stdout when None or ``-``."""
    from cslkit.formats import write_atomically

    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomically(Path(output), text)


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
