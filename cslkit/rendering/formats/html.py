"""HTML: every text character escaped; italics, bold, super/subscript and small caps kept."""

from __future__ import annotations

import html as html_lib

from cslkit.rendering.formats.markup import tokens

name = "html"
extension = ".html"

_OPEN = {
    "italic": "<i>", "bold": "<b>", "underline": "<u>", "superscript": "<sup>",
    "subscript": "<sub>", "smallcaps": '<span style="font-variant:small-caps;">',
    "light": '<span style="font-weight:lighter;">',
}
_CLOSE = {flag: "</" + tag[1:].split()[0].rstrip(">") + ">" for flag, tag in _OPEN.items()}
_ORDER = ("bold", "italic", "underline", "smallcaps", "light", "superscript", "subscript")


def convert(markup: str) -> str:
    """Re-emit from the parsed runs, so nothing but known tags can reach the output."""
    output = []
    for text, flags in tokens(markup):
        ordered = [flag for flag in _ORDER if flag in flags]
        output.append("".join(_OPEN[f] for f in ordered))
        output.append(html_lib.escape(text, quote=False))
        output.append("".join(_CLOSE[f] for f in reversed(ordered)))
    return "".join(output).replace("</i><i>", "").replace("</b><b>", "")


def document(entries: list[str]) -> str:
    body = "".join(f'  <div class="csl-entry">{entry}</div>\n' for entry in entries)
    return (
        '<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8"><title>References</title></head>\n'
        f'<body>\n<div class="csl-bib-body">\n{body}</div>\n</body>\n</html>\n'
    )
