"""The internal markup the adapter renders into: escaped text plus a few HTML tags.

citeproc-py calls a formatter's ``preformat`` on style text and wraps formatted spans in
its ``Italic``, ``Bold``... classes; citeproc-py's HTML formatter does exactly what we
need for an intermediate form, so we reuse its classes. Item text is escaped when the
source is built (see :func:`cslkit.rendering.adapter.build_source`).
:func:`tokens` reads the markup back for the output formats.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from citeproc.formatter.html import (  # noqa: F401 (the formatter interface citeproc-py calls)
    Bold,
    Italic,
    Light,
    Oblique,
    SmallCaps,
    Subscript,
    Superscript,
    Underline,
    preformat,
)

_TOKEN = re.compile(r"(<[^<>]+>)")
# tag -> style flag it turns on
TAG_FLAGS = {
    "i": "italic",
    "b": "bold",
    "u": "underline",
    "sup": "superscript",
    "sub": "subscript",
    "l": "light",
}


def tokens(markup: str) -> Iterator[tuple[str, frozenset[str]]]:
    """(plain text, active style flags) runs of a markup string, entities decoded."""
    active: list[str] = []
    for piece in _TOKEN.split(markup):
        if not piece:
            continue
        if piece.startswith("<") and piece.endswith(">"):
            inner = piece[1:-1].strip()
            closing = inner.startswith("/")
            name = inner.lstrip("/").split()[0].lower() if inner.lstrip("/") else ""
            if name == "span":
                flag = "smallcaps" if "small-caps" in inner.lower() else "plain"
            else:
                flag = TAG_FLAGS.get(name, "plain")
            if closing:
                # close the innermost flag of that kind
                for position in range(len(active) - 1, -1, -1):
                    if active[position] == flag or (name == "span" and active[position] in ("smallcaps", "plain")):
                        del active[position]
                        break
            else:
                active.append(flag)
            continue
        yield html.unescape(piece), frozenset(active) - {"plain"}
