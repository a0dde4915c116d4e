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


# the formatting a "normal" span turns off inside the same formatting (see
# cslkit.rendering.adapter._flip_formatting); a "nodecor" span turns off all three
_NORMAL_FLAGS = {"normal-italic": "italic", "normal-bold": "bold", "normal-smallcaps": "smallcaps"}
_NORMAL_OF = {kind: normal for normal, kind in _NORMAL_FLAGS.items()}
_SPAN_FLAGS = ("smallcaps", "plain", "nodecor", "baseline", *_NORMAL_FLAGS)


def _span_flag(inner: str) -> str:
    if "small-caps" in inner:
        return "smallcaps"
    if "nodecor" in inner:
        return "nodecor"
    if "baseline" in inner:
        return "baseline"
    for style, flag in (("font-style:normal", "normal-italic"), ("font-weight:normal", "normal-bold"),
                        ("font-variant:normal", "normal-smallcaps")):
        if style in inner:
            return flag
    return "plain"


def _layers(active: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """The open formatting that has an effect, outermost first, each with the position of
    the text run it opened before: a "normal" span (or "nodecor") only where the
    formatting it turns off is on, "baseline" only inside super/subscript."""
    on: set[str] = set()
    layers: list[tuple[str, int]] = []
    for flag, opened in active:
        if flag == "plain":
            continue
        if flag in _NORMAL_FLAGS or flag == "nodecor":
            kinds = [_NORMAL_FLAGS[flag]] if flag in _NORMAL_FLAGS else list(_NORMAL_OF)
            for kind in kinds:
                if kind in on:
                    on.discard(kind)
                    layers.append((_NORMAL_OF[kind], opened))
            continue
        if flag == "baseline":
            if on & {"superscript", "subscript"}:
                on -= {"superscript", "subscript"}
                layers.append((flag, opened))
            continue
        on.add(flag)
        layers.append((flag, opened))
    return tuple(layers)


def _flags(layers: tuple[tuple[str, int], ...]) -> frozenset[str]:
    """The formatting in force: each kind as its innermost layer leaves it (a "normal-…"
    flag stays while it is what turned the formatting off)."""
    flags: set[str] = set()
    for flag, _opened in layers:
        if flag in _NORMAL_FLAGS:
            flags.discard(_NORMAL_FLAGS[flag])
        elif flag == "baseline":
            flags -= {"superscript", "subscript"}
        elif flag in _NORMAL_OF:
            flags.discard(_NORMAL_OF[flag])
        flags.add(flag)
    flags.discard("baseline")
    return frozenset(flags)


def runs(markup: str) -> Iterator[tuple[str, tuple[tuple[str, int], ...]]]:
    """(plain text, formatting layers) runs of a markup string, entities decoded; a
    layer is (flag, index of the run it opened before), outermost first."""
    active: list[tuple[str, int]] = []
    position = 0
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
                for index in range(len(active) - 1, -1, -1):
                    if active[index][0] == flag or (name == "span" and active[index][0] in _SPAN_FLAGS):
                        del active[index]
                        break
            else:
                active.append((flag, position))
            continue
        yield html.unescape(piece), _layers(active)
        position += 1


def tokens(markup: str) -> Iterator[tuple[str, frozenset[str]]]:
    """(plain text, active style flags) runs of a markup string, entities decoded."""
    for text, layers in runs(markup):
        yield text, _flags(layers)
