"""Text clean-up and type names: whitespace, stray end punctuation, non-CSL type names."""

from __future__ import annotations

import re

from cslkit.model import Problem
from cslkit.normalisers.base import Item
from cslkit.normalisers.changes import change
from cslkit.variables import ITEM_TYPES, STRING_VARIABLES, TYPE_ALIASES

_SPACES_RE = re.compile(r"\s+")
# A title ending in an initial or abbreviation ("... vitamin D."): its dot stays.
_INITIAL_AT_END_RE = re.compile(r"\b\w\.$")
_MULTILINE_FIELDS = frozenset({"note", "abstract", "annote", "references"})
# Fields whose final full stop is reference punctuation, not part of the value; styles add
# their own. A value with other dots ("J. Biol. Chem.", "vs. placebo.") keeps its last one,
# which may end an abbreviation.
_TRAILING_DOT_FIELDS = (
    "title",
    "container-title",
    "publisher",
    "publisher-place",
    "collection-title",
)


def clean_text(item: Item) -> tuple[Item, list[Problem]]:
    """Collapse runs of whitespace, trim, and drop a sentence-ending full stop or comma
    from titles, places and publishers (styles add their own punctuation)."""
    result, changes = item, []
    for key in STRING_VARIABLES.intersection(item):
        value = item[key]
        if not isinstance(value, str):
            continue
        untidy = not value or value[0].isspace() or value[-1].isspace() or "  " in value
        if key in _MULTILINE_FIELDS:
            new = value.strip()  # line breaks in notes and abstracts are the user's
        elif untidy or "\n" in value or "\t" in value:
            new = _SPACES_RE.sub(" ", value).strip()
        else:
            new = value
        if key in _TRAILING_DOT_FIELDS:
            new = new.rstrip(",;:").rstrip()
            if new.endswith(".") and new.count(".") == 1 and not _INITIAL_AT_END_RE.search(new):
                new = new[:-1].rstrip()
        if new != value:
            if result is item:
                result = dict(item)
            result[key] = new
            changes.append(
                change(item, "normalised-text", key, value, new, "whitespace and end punctuation")
            )
    return result, changes


def normalise_type(item: Item) -> tuple[Item, list[Problem]]:
    """Map type names of other tools (Zotero "journalArticle", BibTeX "inproceedings")
    to CSL types."""
    kind = item.get("type")
    if not isinstance(kind, str) or kind in ITEM_TYPES:
        return item, []
    key = kind.strip().lower().replace(" ", "")
    new = key if key in ITEM_TYPES else TYPE_ALIASES.get(key)
    if new is None:
        return item, []
    result = dict(item)
    result["type"] = new
    return result, [change(item, "normalised-type", "type", kind, new, "CSL type name")]
