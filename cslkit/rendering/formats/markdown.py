"""Markdown: *italic*, **bold**, HTML <sup>/<sub>; Markdown's special characters escaped."""

from __future__ import annotations

import html as html_lib
import re

from cslkit.rendering.formats.markup import tokens

name = "markdown"
extension = ".md"

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _escape(text: str) -> str:
    return html_lib.unescape(_SPECIAL.sub(r"\\\1", text))


def convert(markup: str) -> str:
    output = []
    for text, flags in tokens(markup):
        core = text.strip()
        if not core:
            output.append(text)
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        body = _escape(core)
        if "superscript" in flags:
            body = f"<sup>{body}</sup>"
        if "subscript" in flags:
            body = f"<sub>{body}</sub>"
        if "italic" in flags and "bold" in flags:
            body = f"***{body}***"
        elif "italic" in flags:
            body = f"*{body}*"
        elif "bold" in flags:
            body = f"**{body}**"
        output.append(lead + body + trail)
    return "".join(output)


def document(entries: list[str]) -> str:
    return "".join(entry + "\n\n" for entry in entries)
