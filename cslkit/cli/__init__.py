"""The ``cslkit`` command line: thin; every command is one API call plus printing.

Conventions: ``-`` means stdin/stdout; machine output (JSON) goes to stdout, human
messages to stderr; exit 0 ok, 1 problems found, 2 usage or input error.
Each command lives in its own module and registers itself on :data:`app`.
"""

from __future__ import annotations

import os
import sys

import typer

from cslkit.errors import CslkitError

app = typer.Typer(
    name="cslkit",
    help=(
        "Scholarly references for journal editors: read messy reference lists, BibTeX, RIS, "
        "CSL-JSON or Zotero JSON; validate them; render Vancouver, DSTU 8302:2015 or any CSL "
        "style; sync them to a Zotero group.\n\n"
        "Every FILE argument accepts - for standard input."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Command modules register themselves on `app` when imported.
_COMMAND_MODULES = (
    "parse",
    "convert",
    "normalise",
    "validate",
    "render",
    "cite",
    "styles",
    "transliterate",
    "sync",
    "enrich",
)


def _register_commands() -> None:
    import importlib

    for name in _COMMAND_MODULES:
        try:
            importlib.import_module(f"cslkit.cli.{name}_cmd")
        except ModuleNotFoundError as exc:
            # A command whose module is not written yet is simply absent.
            if exc.name != f"cslkit.cli.{name}_cmd":
                raise


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``cslkit`` console script."""
    from cslkit.cli.common import error_line

    _register_commands()
    try:
        app(args=argv, prog_name="cslkit", standalone_mode=True)
    except CslkitError as exc:
        error_line(str(exc))
        sys.exit(2)
    except KeyboardInterrupt:
        error_line("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a message.
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:  # a bug of ours: one line, the traceback on request
        if os.environ.get("CSLKIT_DEBUG"):
            raise
        error_line(
            f"internal error: {type(exc).__name__}: {exc} "
            "(set CSLKIT_DEBUG=1 to see the traceback, and please report it)"
        )
        sys.exit(3)
