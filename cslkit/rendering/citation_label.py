"""The ``citation-label`` variable ("Doe65", "RoNo78"), made up when an item has none.

CSL 1.0.2 leaves the label's form to the processor; this is citeproc-js's: the first
letters of the first name list's family names, then the last two digits of the year,
after the pattern "Aaaa00:AaAa00:AaAA00:AAAA00" (one name: four letters; two: two each;
three: two, one, one; four or more: one each of the first four). Items without names
take the first letters of their title. A year suffix is added where the labels of two
items are the same ("RoNo78a", "RoNo78b"; see :mod:`.disambiguation`).
"""

from __future__ import annotations

import html
import re
from typing import Any

# letters taken from each name, by the number of names (the last row for more)
_LETTERS_BY_COUNT = ((4,), (2, 2), (2, 1, 1), (1, 1, 1, 1))
_YEAR_DIGITS = 2
_NAME_VARIABLES = ("author", "editor", "translator", "composer", "director", "container_author",
                   "collection_editor", "interviewer", "original_author", "recipient", "contributor")
_LEADING_PARTICLES = re.compile(r"^(?:[a-z\u2019' ]+\s+)+")
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)
# title words that do not start a label
_MINOR_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"}


def _letters(text: str, count: int) -> str:
    text = "".join(ch for ch in _LEADING_ARTICLE.sub("", text) if ch.isalpha())[:count]
    return text[:1].upper() + text[1:].lower()


def _year(reference: Any) -> str:
    issued = reference.get("issued")
    if isinstance(issued, dict):  # a date, or a range of them
        issued = issued.get("begin", issued)
    year = issued.get("year") if isinstance(issued, dict) else None
    return (str(year) if year else "0000")[-_YEAR_DIGITS:]


def citation_label(reference: Any) -> str:
    """The item's own ``citation-label``, or one made from its names (or title) and year."""
    own = reference.get("citation_label")
    if own:
        return str(own)
    label = ""
    for variable in _NAME_VARIABLES:
        names = reference.get(variable)
        if not names:
            continue
        counts = _LETTERS_BY_COUNT[min(len(names), len(_LETTERS_BY_COUNT)) - 1]
        for name, count in zip(names, counts, strict=False):
            family = name.get("family") or name.get("literal")
            if not family:
                break
            letters = _letters(_LEADING_PARTICLES.sub("", html.unescape(str(family))), count)
            if not letters:
                break
            label += letters
        break
    if not label and reference.get("title"):
        words = [w for w in html.unescape(str(reference.get("title"))).split() if w.lower() not in _MINOR_WORDS]
        label = _letters("".join(words), _LETTERS_BY_COUNT[0][0])
    return html.escape(label, quote=False) + _year(reference)
