"""LaTeX text to Unicode and back, for BibTeX field values.

:func:`to_unicode` decodes what real bibliographies contain (accents, special letters,
escaped characters, text-formatting commands, protective braces, dashes, ``~``) with a
small hand-written scanner, because pylatexenc costs about 1 ms a value and a large
``.bib`` file has tens of thousands of values. Only values with constructs the scanner
does not know (math, unknown macros) go to pylatexenc.

:func:`to_latex` escapes the characters LaTeX treats specially and keeps every other
character as UTF-8, which biber and modern BibTeX read.
"""

from __future__ import annotations

import re
import unicodedata

# Accent commands -> combining characters (composed by NFC afterwards).
_ACCENTS: dict[str, str] = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
# Commands that stand for one character.
_SYMBOLS: dict[str, str] = {
    "ss": "ß",
    "SS": "SS",
    "o": "ø",
    "O": "Ø",
    "aa": "å",
    "AA": "Å",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "dh": "ð",
    "DH": "Ð",
    "th": "þ",
    "TH": "Þ",
    "ng": "ŋ",
    "NG": "Ŋ",
    "textendash": "–",
    "textemdash": "—",
    "textbackslash": "\\",
    "textasciitilde": "~",
    "textasciicircum": "^",
    "textunderscore": "_",
    "textbar": "|",
    "textless": "<",
    "textgreater": ">",
    "textquoteleft": "‘",
    "textquoteright": "’",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "guillemotleft": "«",
    "guillemotright": "»",
    "guillemetleft": "«",
    "guillemetright": "»",
    "flqq": "«",
    "frqq": "»",
    "ldots": "…",
    "dots": "…",
    "textellipsis": "…",
    "textdegree": "°",
    "textregistered": "®",
    "texttrademark": "™",
    "copyright": "©",
    "textcopyright": "©",
    "S": "§",
    "P": "¶",
    "dag": "†",
    "ddag": "‡",
    "textperiodcentered": "·",
    "textbullet": "•",
    "No": "№",
    "textnumero": "№",
    "pounds": "£",
    "euro": "€",
    "texteuro": "€",
    "textmu": "µ",
    "LaTeX": "LaTeX",
    "TeX": "TeX",
    "BibTeX": "BibTeX",
    "space": " ",
    "quad": " ",
    "qquad": " ",
    "slash": "/",
    "nobreakspace": "\u00a0",
}
# Commands whose one argument is text to keep (the formatting itself is dropped).
_TEXT_COMMANDS = frozenset(
    {
        "textit",
        "textbf",
        "textrm",
        "textsf",
        "texttt",
        "textsc",
        "textsl",
        "textup",
        "textmd",
        "textnormal",
        "emph",
        "mbox",
        "hbox",
        "text",
        "NoCaseChange",
        "nocase",
        "enquote",
        "foreignlanguage",  # its first argument (the language) is skipped below
        "textsuperscript",
        "textsubscript",
        "uppercase",
        "lowercase",
        "MakeUppercase",
        "MakeLowercase",
    }
)
# Declarations like {\em word}: the command itself is dropped.
_DECLARATIONS = frozenset(
    {
        "em",
        "it",
        "bf",
        "rm",
        "sf",
        "tt",
        "sc",
        "sl",
        "itshape",
        "bfseries",
        "upshape",
        "scshape",
        "normalfont",
        "relax",
        "selectlanguage",
        "/",
        "-",
        "@",
        "protect",
        "noopsort",
        "unskip",
        "ignorespaces",
    }
)
_ESCAPED = {
    "&": "&",
    "%": "%",
    "$": "$",
    "#": "#",
    "_": "_",
    "{": "{",
    "}": "}",
    " ": " ",
    ",": "\u2009",
    ";": " ",
    ":": " ",
    "!": "",
    "\\": " ",
}

_NEEDS_DECODING = re.compile(r"[\\{}~$`']|--|''")
_LETTERS = re.compile(r"[A-Za-z@]+")


class _Unsupported(Exception):
    """A construct the fast scanner leaves to pylatexenc."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def run(self, stop_at_brace: bool = False) -> str:
        out: list[str] = []
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char == "\\":
                out.append(self._command())
            elif char == "{":
                self.pos += 1
                out.append(self.run(stop_at_brace=True))
            elif char == "}":
                self.pos += 1
                if stop_at_brace:
                    return "".join(out)
                # a stray closing brace carries no text
            elif char == "~":
                out.append("\u00a0")
                self.pos += 1
            elif char == "$":
                raise _Unsupported
            elif text.startswith("---", self.pos):
                out.append("—")
                self.pos += 3
            elif text.startswith("--", self.pos):
                out.append("–")
                self.pos += 2
            elif text.startswith("``", self.pos):
                out.append("“")
                self.pos += 2
            elif text.startswith("''", self.pos):
                out.append("”")
                self.pos += 2
            else:
                out.append(char)
                self.pos += 1
        return "".join(out)

    def _argument(self) -> str:
        """One argument: a braced group, or else the next single character."""
        text = self.text
        while self.pos < len(text) and text[self.pos] == " ":
            self.pos += 1
        if self.pos >= len(text):
            return ""
        if text[self.pos] == "{":
            self.pos += 1
            return self.run(stop_at_brace=True)
        if text[self.pos] == "\\":
            return self._command()
        char = text[self.pos]
        self.pos += 1
        return char

    def _raw_argument(self) -> str:
        """A braced argument taken verbatim (URLs)."""
        text = self.text
        if self.pos < len(text) and text[self.pos] == "{":
            depth, start = 0, self.pos
            while self.pos < len(text):
                if text[self.pos] == "{":
                    depth += 1
                elif text[self.pos] == "}":
                    depth -= 1
                    if depth == 0:
                        self.pos += 1
                        return text[start + 1 : self.pos - 1]
                self.pos += 1
            raise _Unsupported
        return self._argument()

    def _command(self) -> str:
        text = self.text
        self.pos += 1  # the backslash
        if self.pos >= len(text):
            return "\\"
        match = _LETTERS.match(text, self.pos)
        if match is None:
            char = text[self.pos]
            self.pos += 1
            if char in _ACCENTS:
                return _accent(self._argument(), _ACCENTS[char])
            if char in _ESCAPED:
                return _ESCAPED[char]
            if char in ("/", "-", "@"):
                return ""
            raise _Unsupported
        name = match.group()
        self.pos = match.end()
        # A control word swallows the spaces after it.
        while self.pos < len(text) and text[self.pos] == " ":
            self.pos += 1
        if name in _ACCENTS:
            return _accent(self._argument(), _ACCENTS[name])
        if name in _SYMBOLS:
            if text.startswith("{}", self.pos):
                self.pos += 2
            return _SYMBOLS[name]
        if name in ("url", "path", "nolinkurl"):
            return self._raw_argument()
        if name == "href":
            self._raw_argument()
            return self._argument()
        if name in ("foreignlanguage", "foreignquote", "hyphenrules"):
            self._argument()  # the language name
            return self._argument()
        if name in _TEXT_COMMANDS:
            return self._argument()
        if name in _DECLARATIONS:
            return ""
        if name == "selectlanguage":
            self._argument()
            return ""
        raise _Unsupported


def _accent(base: str, mark: str) -> str:
    if not base:
        return mark
    if base[0] in "ıȷ":  # an accent on a dotless i/j means the plain letter accented
        base = {"ı": "i", "ȷ": "j"}[base[0]] + base[1:]
    return unicodedata.normalize("NFC", base[0] + mark + base[1:])


def to_unicode(value: str) -> str:
    """Decode a BibTeX field value written in LaTeX into plain Unicode text.

    Protective braces are removed, ``{\\"u}``/``\\'{e}`` become ``ü``/``é``, ``--`` an
    en dash, ``~`` a no-break space; text already in UTF-8 (Cyrillic) passes through.
    """
    if not _NEEDS_DECODING.search(value):
        return value
    try:
        decoded = _Scanner(value).run()
    except _Unsupported:
        decoded = _pylatexenc(value)
    return unicodedata.normalize("NFC", decoded)


def _pylatexenc(value: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text", strict_latex_spaces=True).latex_to_text(value)


def strip_url(value: str) -> str:
    """A URL or DOI field: unwrap ``\\url{...}`` and undo escaped ``_ % & # ~``."""
    value = value.strip()
    match = re.fullmatch(r"\\(?:url|href)\s*\{(.*?)\}(?:\{.*\})?", value, re.S)
    if match:
        value = match.group(1)
    value = re.sub(r"\\([_%&#$~])", r"\1", value)
    return value.replace("{", "").replace("}", "").strip()


_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\u00a0": "~",
}
_LATEX_SPECIAL_PATTERN = re.compile("[" + re.escape("".join(_LATEX_SPECIALS)) + "]")


def to_latex(value: str) -> str:
    """Escape the characters LaTeX treats specially; every other character stays UTF-8.

    Hyphen and quote pairs are split with ``{}`` so they read back as typed, not as a
    dash or curly quotes.
    """
    escaped = _LATEX_SPECIAL_PATTERN.sub(lambda m: _LATEX_SPECIALS[m.group()], value)
    return _LIGATURE.sub(r"\1{}", escaped)


_WORD = re.compile(r"[^\W_]+")
# Character pairs LaTeX turns into one glyph ("--" en dash, "``" and "''" quotes).
_LIGATURE = re.compile(r"([-`'])(?=\1)")


def title_to_latex(value: str) -> str:
    """A title as LaTeX: escaped, with words whose capitals must survive braced.

    A BibTeX style may lowercase titles; a word with a capital after its first letter
    (``MRI``, ``mRNA``, ``COVID``) keeps its case in braces. Ordinary capitalised words
    are left to the style.
    """
    out: list[str] = []
    position = 0
    for match in _WORD.finditer(value):
        out.append(to_latex(value[position : match.start()]))
        word = match.group()
        out.append("{" + word + "}" if any(ch.isupper() for ch in word[1:]) else word)
        position = match.end()
    out.append(to_latex(value[position:]))
    return "".join(out)
