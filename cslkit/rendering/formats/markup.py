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


# formatting a "normal" span turns off inside the same formatting (see
# cslkit.rendering.adapter._flip_formatting)
_NORMAL_FLAGS = {"normal-italic": "italic", "normal-bold": "bold", "normal-smallcaps": "smallcaps"}
_SPAN_FLAGS = ("smallcaps", "plain", *_NORMAL_FLAGS)


def _span_flag(inner: str) -> str:
    if "small-caps" in inner:
        return "smallcaps"
    for style, flag in (("font-style:normal", "normal-italic"), ("font-weight:normal", "normal-bold"),
                        ("font-variant:normal", "normal-smallcaps")):
        if style in inner:
            return flag
    return "plain"


def _effective(active: list[str]) -> frozenset[str]:
    """The flags in force: of a formatting and its "normal" span, the innermost wins; a
    "normal-…" flag stays only while it is what turned the formatting off."""
    flags = set(active) - {"plain"}
    for normal, formatting in _NORMAL_FLAGS.items():
        if normal not in flags:
            continue
        last_on = max((i for i, f in enumerate(active) if f == formatting), default=-1)
        last_off = max(i for i, f in enumerate(active) if f == normal)
        if last_off > last_on:
            flags.discard(formatting)
        else:
            flags.discard(normal)
    return frozenset(flags)


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
            flag = _span_flag(inner.lower()) if name == "span" else TAG_FLAGS.get(name, "plain")
            if closing:
                # close the innermost flag of that kind
                for position in range(len(active) - 1, -1, -1):
                    if active[position] == flag or (name == "span" and active[position] in _SPAN_FLAGS):
                        del active[position]
                        break
            else:
                active.append(flag)
            continue
        yield html.unescape(piece), _effective(active)
