"""HTML: every text character escaped; italics, bold, super/subscript and small caps kept."""

from __future__ import annotations

import html as html_lib
import re
import unicodedata

from cslkit.rendering.formats.markup import tokens

name = "html"
extension = ".html"

_OPEN = {
    "italic": "<i>", "bold": "<b>", "underline": "<u>", "superscript": "<sup>",
    "subscript": "<sub>", "smallcaps": '<span style="font-variant:small-caps;">',
    "light": '<span style="font-weight:lighter;">',
    # upright words inside italics, as citeproc-js marks them
    "normal-italic": '<i><span style="font-style:normal;">',
    "normal-bold": '<b><span style="font-weight:normal;">',
    "normal-smallcaps": '<span style="font-variant:small-caps;"><span style="font-variant:normal;">',
}
_CLOSE = {flag: "".join(f"</{name}>" for name in reversed(re.findall(r"<(\w+)", tag))) for flag, tag in _OPEN.items()}
# outermost first: super/subscript wrap the other formatting, as citeproc-js nests them
_ORDER = ("superscript", "subscript", "bold", "normal-bold", "italic", "normal-italic", "underline", "smallcaps",
          "normal-smallcaps", "light")


def _superscripts(text: str) -> str:
    """Unicode superscript letters ("1ʳᵉ", "ª") as <sup> markup, as citeproc-js prints them."""
    if text.isascii():
        return html_lib.escape(text, quote=False)
    output = []
    for char in text:
        decomposition = unicodedata.decomposition(char)
        if decomposition.startswith("<super>"):
            base = chr(int(decomposition.split()[1], 16))
            output.append(f"<sup>{html_lib.escape(base, quote=False)}</sup>")
        else:
            output.append(html_lib.escape(char, quote=False))
    return "".join(output)


def convert(markup: str) -> str:
    """Re-emit from the parsed runs, so nothing but known tags can reach the output."""
    output = []
    for text, flags in tokens(markup):
        ordered = [flag for flag in _ORDER if flag in flags]
        output.append("".join(_OPEN[f] for f in ordered))
        output.append(_superscripts(text) if "superscript" not in flags else html_lib.escape(text, quote=False))
        output.append("".join(_CLOSE[f] for f in reversed(ordered)))
    return "".join(output).replace("</i><i>", "").replace("</b><b>", "")


def document(entries: list[str]) -> str:
    body = "".join(f'  <div class="csl-entry">{entry}</div>\n' for entry in entries)
    return (
        '<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8"><title>References</title></head>\n'
        f'<body>\n<div class="csl-bib-body">\n{body}</div>\n</body>\n</html>\n'
    )
