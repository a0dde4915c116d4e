"""HTML: every text character escaped; italics, bold, super/subscript and small caps kept."""

from __future__ import annotations

import html as html_lib
import unicodedata

from cslkit.rendering.formats.markup import runs

name = "html"
extension = ".html"

_OPEN = {
    "italic": "<i>", "bold": "<b>", "underline": "<u>", "superscript": "<sup>",
    "subscript": "<sub>", "smallcaps": '<span style="font-variant:small-caps;">',
    "light": '<span style="font-weight:lighter;">',
    # formatting turned off inside the same formatting, as citeproc-js marks it
    "normal-italic": '<span style="font-style:normal;">',
    "normal-bold": '<span style="font-weight:normal;">',
    "normal-smallcaps": '<span style="font-variant:normal;">',
    "baseline": '<span style="baseline">',
}
_CLOSE = {flag: "</" + tag[1:].split()[0].rstrip(">") + ">" for flag, tag in _OPEN.items()}
# formatting opened at one place nests in this order, outermost first: super/subscript
# wrap the other formatting, as citeproc-js nests them
_RANK = {flag: rank for rank, flag in enumerate((
    "superscript", "subscript", "baseline", "bold", "normal-bold", "italic", "normal-italic", "underline",
    "smallcaps", "normal-smallcaps", "light"))}


# raised letters Unicode does not decompose as <super> that citeproc-js prints as <sup>
_RAISED = {"\u02c0": "\u0294", "\u02c1": "\u0295", "\u06e5": "\u0648", "\u06e6": "\u064a"}


def _superscripts(text: str) -> str:
    """Unicode superscript letters ("1ʳᵉ", "ª", "™") as <sup> markup, as citeproc-js prints them."""
    if text.isascii():
        return html_lib.escape(text, quote=False)
    output = []
    for char in text:
        decomposition = unicodedata.decomposition(char)
        if decomposition.startswith("<super>"):
            base = "".join(chr(int(code, 16)) for code in decomposition.split()[1:])
            output.append(f"<sup>{html_lib.escape(base, quote=False)}</sup>")
        elif char in _RAISED:
            output.append(f"<sup>{_RAISED[char]}</sup>")
        else:
            output.append(html_lib.escape(char, quote=False))
    return "".join(output)


def convert(markup: str) -> str:
    """Re-emit from the parsed runs, so nothing but known tags can reach the output; tags
    nest as the markup nested them, each closed only where its formatting ends."""
    output = []
    open_flags: list[str] = []
    for text, layers in runs(markup):
        wanted = [flag for flag, _opened in sorted(layers, key=lambda layer: (layer[1], _RANK[layer[0]]))]
        keep = 0
        while keep < min(len(open_flags), len(wanted)) and open_flags[keep] == wanted[keep]:
            keep += 1
        output.extend(_CLOSE[flag] for flag in reversed(open_flags[keep:]))
        output.extend(_OPEN[flag] for flag in wanted[keep:])
        open_flags = wanted
        output.append(_superscripts(text) if "superscript" not in wanted else html_lib.escape(text, quote=False))
    output.extend(_CLOSE[flag] for flag in reversed(open_flags))
    return "".join(output)


def document(entries: list[str]) -> str:
    body = "".join(f'  <div class="csl-entry">{entry}</div>\n' for entry in entries)
    return (
        '<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8"><title>References</title></head>\n'
        f'<body>\n<div class="csl-bib-body">\n{body}</div>\n</body>\n</html>\n'
    )
