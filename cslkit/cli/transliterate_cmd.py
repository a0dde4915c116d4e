"""``cslkit transliterate``: Ukrainian or Russian text in Latin script."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from cslkit.cli import app


@app.command("transliterate")
def transliterate_command(
    text: Annotated[
        str, typer.Argument(help="Text to transliterate, or - to read standard input.")
    ],
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            "-l",
            help="uk: Ukrainian national system (2010); ru: Library of Congress without "
            "diacritics (as in PubMed).",
        ),
    ] = "uk",
) -> None:
    """Write TEXT in Latin script (ASCII); anything not Cyrillic is kept as it is.

    Examples:

        cslkit transliterate "Знам'янка, Згорани"       # Znamianka, Zghorany

        cslkit transliterate "Журнал неврологии" --lang ru

        cat titles.txt | cslkit transliterate - > titles-latin.txt
    """
    from cslkit.errors import InputError
    from cslkit.transliteration import normalise_lang, transliterate

    if normalise_lang(lang) is None:
        raise InputError(f"unknown language {lang!r}", hint="use --lang uk or --lang ru")
    if text == "-":
        from cslkit.formats import decode_bytes

        source = decode_bytes(sys.stdin.buffer.read(), "stdin")
        sys.stdout.write(transliterate(source, lang))
    else:
        sys.stdout.write(transliterate(text, lang) + "\n")
    sys.stdout.flush()
