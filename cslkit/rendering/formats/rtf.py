"""RTF: {\\i } {\\b } {\\super } {\\sub } {\\scaps } groups; non-ASCII as \\uN? escapes."""

from __future__ import annotations

from cslkit.rendering.formats.markup import tokens

name = "rtf"
extension = ".rtf"

_CONTROL = {
    "italic": r"\i", "bold": r"\b", "underline": r"\ul", "superscript": r"\super",
    "subscript": r"\sub", "smallcaps": r"\scaps",
}


def _escape(text: str) -> str:
    output = []
    for char in text:
        if char in "\\{}":
            output.append("\\" + char)
        elif ord(char) < 128:
            output.append(char)
        else:
            code = ord(char)
            for unit in ([code] if code < 0x10000 else _surrogates(code)):
                output.append(f"\\u{unit - 65536 if unit > 32767 else unit}?")
    return "".join(output)


def _surrogates(code: int) -> list[int]:
    code -= 0x10000
    return [0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)]


def convert(markup: str) -> str:
    output = []
    for text, flags in tokens(markup):
        controls = "".join(_CONTROL[f] for f in sorted(flags) if f in _CONTROL)
        body = _escape(text)
        output.append("{" + controls + " " + body + "}" if controls else body)
    return "".join(output)


def document(entries: list[str]) -> str:
    paragraphs = "".join(r"{\pard " + entry + r"\par}" + "\n" for entry in entries)
    return "{\\rtf1\\ansi\\ansicpg1252\\deff0\n{\\fonttbl{\\f0 Times New Roman;}}\n\\f0\\fs24\n" + paragraphs + "}\n"
