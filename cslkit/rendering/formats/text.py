"""Plain text: formatting dropped, entities decoded."""

from __future__ import annotations

from cslkit.rendering.formats.markup import tokens

name = "text"
extension = ".txt"


def convert(markup: str) -> str:
    return "".join(text for text, _flags in tokens(markup))


def document(entries: list[str]) -> str:
    return "".join(entry + "\n" for entry in entries)
