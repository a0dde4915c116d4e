"""CSL 1.0.2 text-case, with nocase spans and markup left alone (citeproc-py's title case
lower-cased words inside quotes, ignored hyphenated parts and broke spacing around
nocase spans).

Text arrives as citeproc-py strings: a ``MixedString`` of ``String`` (may change case)
and ``NoCase`` (protected) segments, or a plain string. Markup tags are protected too.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc.string import MixedString, NoCase, String

# Single-word stop words: those of the CSL specification (schema stop-words.json) as
# citeproc-js lists them (with "about", "above", "al", "next", "v", "vs"; without
# "outside" and "thru").
STOP_WORDS = frozenset(
    ["a", "about", "above", "across", "afore", "after", "against", "al", "along", "alongside", "amid", "amidst", "among", "amongst", "an", "and", "anenst", "apropos", "apud", "around", "as", "aside", "astride", "at", "athwart", "atop", "barring", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "but", "by", "c", "ca", "circa", "d'", "d’", "de", "despite", "down", "during", "et", "except", "for", "forenenst", "from", "given", "in", "inside", "into", "lest", "like", "modulo", "near", "next", "nor", "notwithstanding", "of", "off", "on", "onto", "or", "out", "over", "per", "plus", "pro", "qua", "sans", "since", "so", "than", "the", "through", "throughout", "thruout", "till", "to", "toward", "towards", "under", "underneath", "until", "unto", "up", "upon", "v", "v.", "van", "versus", "via", "vis-à-vis", "von", "vs", "vs.", "with", "within", "without", "yet"]
)
_TAG = re.compile(r"<[^<>]+>|&#?\w+;")
# markup whose content is left as it is, as citeproc-js does
_PROTECTING = re.compile(r"<(sup|sub|span style=\"font-variant:\s*small-caps;?\")>", re.I)
_WORD = re.compile(r"[^\s\-/\u2013\u2014]+")
_OPENERS = "\"'“‘«([„"
_APOSTROPHE = re.compile(r"[’']")


def _segments(text: Any) -> list[tuple[str, bool]]:
    """(text, protected) pieces; markup tags become protected pieces of their own."""
    raw = list(text) if isinstance(text, MixedString) else [text]
    pieces: list[tuple[str, bool]] = []
    depth = 0
    for segment in raw:
        protected = isinstance(segment, NoCase)
        value = str(segment)
        position = 0
        for tag in _TAG.finditer(value):
            if tag.start() > position:
                pieces.append((value[position:tag.start()], protected or depth > 0))
            pieces.append((tag.group(0), True))
            if _PROTECTING.fullmatch(tag.group(0)):
                depth += 1
            elif depth and tag.group(0).lower() in ("</sup>", "</sub>", "</span>"):
                depth -= 1
            position = tag.end()
        if position < len(value):
            pieces.append((value[position:], protected or depth > 0))
    return pieces


def _rebuild(pieces: list[tuple[str, bool]]) -> Any:
    output = MixedString()
    for value, protected in pieces:
        if value:
            output += NoCase(value) if protected else String(value)
    return output if output else String("")


_GREEK = re.compile(r"[\u0370-\u03ff]")
# the letters of a word without the punctuation around it
_BARE = re.compile(r"^\W*(.*?)\W*$")
# letters whose case pairs differ in Turkish and Azeri (dotted and dotless i)
_TURKIC = ("tr", "az")


def _upper(text: str, language: str | None) -> str:
    if language in _TURKIC:
        text = text.replace("i", "\u0130")
    return text.upper()


def _lower(text: str, language: str | None) -> str:
    if language in _TURKIC:
        text = text.replace("I", "\u0131").replace("\u0130", "i")
    return text.lower()


def _capitalize(word: str, language: str | None = None) -> str:
    """Upper-case the first letter, after opening quotes or brackets; a word starting with
    a digit ("24th") and a lone Greek letter ("β-carotene", a symbol) are left alone."""
    if _GREEK.fullmatch(_BARE.match(word).group(1)):
        return word
    for index, char in enumerate(word):
        if char.isalpha():
            return word[:index] + _upper(char, language) + word[index + 1 :]
        if char.isdigit():
            return word
    return word


def apply(text: Any, text_case: str, language: str | None = None) -> Any:
    """``text`` in ``text_case`` (lowercase, uppercase, capitalize-first, capitalize-all,
    sentence, title); ``language`` (two letters) chooses Turkic dotted and dotless i."""
    pieces = _segments(text)
    if not pieces:
        return text
    full = "".join(value for value, _ in pieces)
    mask: list[bool] = []
    for value, protected in pieces:
        mask.extend([protected] * len(value))
    chars = list(full)
    free = [c for c, p in zip(chars, mask, strict=True) if not p]
    all_upper = any(c.isalpha() for c in free) and not any(c.islower() for c in free)

    def replace(start: int, new: str) -> None:
        for offset, char in enumerate(new):
            if not mask[start + offset]:
                chars[start + offset] = char

    if text_case in ("lowercase", "uppercase"):
        for index, char in enumerate(chars):
            if not mask[index]:
                chars[index] = _lower(char, language) if text_case == "lowercase" else _upper(char, language)
    else:
        visible_words = [m for m in _WORD.finditer(full) if _TAG.sub("", m.group(0)).strip()]
        if text_case == "sentence" or (text_case == "title" and all_upper and len(visible_words) > 3):
            # citeproc-js lower-cases sentence-case text, and title-case text in capitals
            for index, char in enumerate(chars):
                if not mask[index]:
                    chars[index] = _lower(char, language)
        for number, match in enumerate(visible_words):
            if all(mask[match.start():match.end()]):
                continue
            word = "".join(chars[match.start():match.end()])
            core = word.lstrip(_OPENERS)
            if text_case == "capitalize-all" or (text_case in ("capitalize-first", "sentence") and number == 0):
                replace(match.start(), _capitalize(word, language))
            elif text_case == "title":
                before = "".join(chars[: match.start()]).rstrip()
                before = before.rstrip(_OPENERS).rstrip()
                starts_phrase = number == 0 or before.endswith((":", "?", "!", "."))
                last = number == len(visible_words) - 1
                lowered = core.lower()
                if core != lowered:
                    continue  # a word with capitals keeps them
                # a stop word opening a compound is capitalized ("Pro-Environmental")
                before_hyphen = full[match.end():match.end() + 1] == "-" and full[match.start() - 1:match.start()] != "-"
                if lowered in STOP_WORDS and not (starts_phrase or last or before_hyphen):
                    continue
                # a single letter ("vitamin c", "07-x") stays as it is within the title;
                # citeproc-js reads an apostrophe as a word break that keeps the case of
                # what follows it, so "l’asthme" is the letter "l" and stays
                head = _APOSTROPHE.split(_BARE.match(core).group(1), maxsplit=1)[0]
                if len(head) == 1 and not (starts_phrase or before_hyphen):
                    continue
                replace(match.start(), _capitalize(word, language))
    output: list[tuple[str, bool]] = []
    position = 0
    for value, protected in pieces:
        output.append(("".join(chars[position:position + len(value)]), protected))
        position += len(value)
    return _rebuild(output)
