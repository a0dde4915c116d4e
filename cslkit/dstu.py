"""What the DSTU 8302:2015 styles need from items before rendering.

DSTU 8302:2015 puts one to three authors in the heading ("Коваленко Ю. Я., Петренко П. П.
Назва…"); a work by four or more authors starts with its title and names its first author
with "та ін." in the statement of responsibility ("Назва / Ю. Я. Коваленко та ін."). CSL
1.0.2 cannot count names, so the styles in ``styles/dstu-8302-2015*.csl`` print the
heading from ``author`` and the statement of responsibility from ``contributor``, and
:func:`prepare_items` moves the authors of four-or-more-author items to the front of
``contributor`` in render-time copies. The renderer calls it for every style whose
``<info>`` carries ``<link href="urn:cslkit:dstu-responsibility" rel="documentation"/>``.

The standard also wants each entry's abbreviations in the entry's own language ("та ін." /
"и др." / "et al."), and real lists rarely fill ``language``: the copies of items without
it get the language of their title (:func:`cslkit.normalisers.language.detect_language`),
and a Latin-script title the language cannot be told of counts as English.
"""

from __future__ import annotations

import copy
import re
from typing import Any

_LATIN = re.compile("[A-Za-z]")
# The styles print "DOI: https://doi.org/" before the DOI; a DOI stored with a resolver
# or "doi:" in front would get it twice.
# "1073-9": a page range written the Vancouver way; DSTU prints both pages in full.
_SHORT_RANGE = re.compile(r"\b(\d+)(\s*[-–—]\s*)(\d+)\b")
_DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
_CYRILLIC = re.compile("[\u0400-\u04ff]")

# A style that wants :func:`prepare_items` applied declares this link in its <info>.
STYLE_LINK = "urn:cslkit:dstu-responsibility"
# DSTU 8302:2015: up to three authors go in the heading.
MAX_HEADING_AUTHORS = 3


# Number variables whose hyphens print as written (see prepare_items).
_HYPHENATED_NUMBERS = ("volume", "issue", "number")


def prepare_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of ``items`` in which works by four or more authors have them as contributors.

    Items without ``language`` get the one their title is written in (when it can be
    told), a page range written short ("1073-9") is written in full, a hyphen in the
    volume, issue or number is escaped ("37\\-38") so that it is not printed as a dash, and
    a DOI loses a resolver or "doi:" prefix. Other items are returned as they
    are; the inputs are never mutated.
    """
    prepared: list[dict[str, Any]] = []
    for item in items:
        authors = item.get("author")
        copied = item
        custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
        # "A, B, C, et al." in the source: the work has at least four authors
        cut_at_source = custom.get("et-al") is True
        if isinstance(authors, list) and len(authors) + cut_at_source > MAX_HEADING_AUTHORS:
            copied = {key: value for key, value in item.items() if key != "author"}
            copied["contributor"] = copy.deepcopy(authors) + copy.deepcopy(
                item.get("contributor") or []
            )
            if cut_at_source:
                moved = {key: value for key, value in custom.items() if key != "et-al"}
                copied["custom"] = dict(moved, **{"et-al-contributor": True})
        if not item.get("language"):
            language = guess_language(item)
            if language:
                copied = dict(copied, language=language)
        page = item.get("page")
        if isinstance(page, str) and _SHORT_RANGE.search(page):
            expanded = expand_page_ranges(page)
            if expanded != page:
                copied = dict(copied, page=expanded)
        for variable in _HYPHENATED_NUMBERS:
            value = item.get(variable)
            if isinstance(value, str) and "-" in value and "\\-" not in value:
                # DSTU keeps the hyphen ("№ 37-38", "№ 1556-VII"); CSL processors print a
                # hyphen between numbers as a dash unless it is escaped
                copied = dict(copied, **{variable: value.replace("-", "\\-")})
        doi = item.get("DOI")
        if isinstance(doi, str) and _DOI_PREFIX.match(doi):
            copied = dict(copied, DOI=_DOI_PREFIX.sub("", doi))
        prepared.append(copied)
    return prepared


def expand_page_ranges(page: str) -> str:
    """``"1073-9, 1100-12"`` → ``"1073-1079, 1100-1112"`` (ranges already in full unchanged)."""

    def expand(match: re.Match[str]) -> str:
        first, dash, last = match.groups()
        if len(last) < len(first):
            full = first[: len(first) - len(last)] + last
            if int(full) > int(first):  # otherwise not a shortened range: keep it
                last = full
        return f"{first}{dash}{last}"

    return _SHORT_RANGE.sub(expand, page)


def guess_language(item: dict[str, Any]) -> str | None:
    """The language of the item's title (or container title): "uk", "ru", "en", "de"..."""
    from cslkit.normalisers.language import detect_language

    text = item.get("title") or item.get("container-title")
    if not isinstance(text, str) or not text.strip():
        return None
    language = detect_language(text)
    if language is None and _LATIN.search(text) and not _CYRILLIC.search(text):
        return "en"
    return language
