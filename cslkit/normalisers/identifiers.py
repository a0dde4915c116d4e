"""Identifiers: DOI (no URL prefix, lower case), PMID, PMCID, ISSN, ISBN, URL cleaned;
identifiers hidden in the title, note or URL moved to their own fields."""

from __future__ import annotations

import re
from typing import Any

from cslkit.model import Problem
from cslkit.normalisers.base import Item
from cslkit.normalisers.changes import change
from cslkit.validation import identifiers as ids

_LABELLED_DOI_RE = re.compile(
    r"\s*[\[(]?\s*(?:doi\s*[:.]?\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/[^\s\"<>]+)[\])]?\.?",
    re.IGNORECASE,
)
_LABELLED_PMID_RE = re.compile(r"\s*[\[(]?\s*PMID\s*[:.]?\s*(\d{1,8})\b[\])]?\.?", re.IGNORECASE)
_LABELLED_PMCID_RE = re.compile(
    r"\s*[\[(]?\s*PMCID\s*[:.]?\s*(PMC\d{1,9})\b[\])]?\.?", re.IGNORECASE
)
_DOI_URL_RE = re.compile(r"^\s*https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)\s*$", re.IGNORECASE)
_SEARCHED_FIELDS = ("title", "note", "container-title", "page", "annote")


def normalise_identifiers(item: Item) -> tuple[Item, list[Problem]]:
    """Clean identifier fields and move identifiers found in other fields."""
    if _already_clean(item):
        return item, []
    result: dict[str, Any] = dict(item)
    changes: list[Problem] = []

    def set_field(key: str, new: Any, why: str, code: str = "normalised-identifier") -> None:
        old = result.get(key)
        if new is None:
            result.pop(key, None)
        else:
            result[key] = new
        changes.append(change(item, code, key, old, new, why))

    # Identifiers written into other fields ("... doi: 10.1/x", note "PMID: 123").
    for key in _SEARCHED_FIELDS:
        text = result.get(key)
        if not isinstance(text, str):
            continue
        if not ids.has_id_label(text):
            continue
        new_text = text
        for target, pattern, clean in (
            ("DOI", _LABELLED_DOI_RE, ids.clean_doi),
            ("PMID", _LABELLED_PMID_RE, ids.clean_pmid),
            ("PMCID", _LABELLED_PMCID_RE, ids.clean_pmcid),
        ):
            match = pattern.search(new_text)
            if not match:
                continue
            value = clean(match.group(1))
            existing = result.get(target)
            if existing is None or (isinstance(existing, str) and clean(existing) == value):
                if existing is None:
                    set_field(target, value, f"found in {key}", "moved-identifier")
                new_text = (new_text[: match.start()] + new_text[match.end() :]).strip(" .,;")
        if new_text != text:
            set_field(
                key, new_text or None, "identifier moved to its own field", "moved-identifier"
            )

    url = result.get("URL")
    if isinstance(url, str):
        match = _DOI_URL_RE.match(url)
        if match and "DOI" not in result:
            set_field("DOI", ids.clean_doi(match.group(1)), "found in URL", "moved-identifier")
            set_field("URL", None, "a doi.org link duplicates the DOI", "moved-identifier")
        elif url.strip().strip("<>").strip() != url:
            set_field("URL", url.strip().strip("<>").strip(), "spaces and brackets removed")

    cleaners = {
        "DOI": (ids.clean_doi, ids.doi_ok, "URL prefix removed, lower case"),
        "PMID": (ids.clean_pmid, ids.pmid_ok, "label removed"),
        "PMCID": (ids.clean_pmcid, ids.pmcid_ok, "PMC prefix"),
    }
    for key, (clean, valid, why) in cleaners.items():
        value = result.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and key == "PMID":
            set_field(key, str(value), "PMID as text")
            continue
        if isinstance(value, str):
            new = clean(value)
            # Only a change that yields a valid identifier is certain enough to make.
            if new != value and valid(new):
                set_field(key, new, why)

    for key, clean, valid in (
        ("ISSN", ids.clean_issn, ids.issn_ok),
        ("ISBN", _clean_isbn, ids.isbn_ok),
    ):
        value = result.get(key)
        # "(print)", "(Наука)": a qualifier says something; such values are left as written.
        if isinstance(value, str) and value.strip() and "(" not in value:
            parts = [clean(p) for p in ids.split_multi(value)]
            new = ", ".join(parts)
            if new != value and all(valid(p) for p in parts):
                set_field(key, new, "one form, check digits verified")
    if not changes:
        return item, []
    return result, changes


_CANONICAL_ISSN_RE = re.compile(r"^\d{4}-\d{3}[\dX]$")
_CANONICAL_ISBN_RE = re.compile(r"^[\dX-]+$")


def _already_clean(item: Item) -> bool:
    """True when no identifier needs work: the common case, decided cheaply."""
    for key in _SEARCHED_FIELDS:
        text = item.get(key)
        if isinstance(text, str) and ids.has_id_label(text):
            return False
    doi = item.get("DOI")
    if doi is not None and not (
        isinstance(doi, str) and doi == doi.lower() and ids.DOI_RE.match(doi)
    ):
        return False
    pmid = item.get("PMID")
    if pmid is not None and not (isinstance(pmid, str) and pmid.isdigit()):
        return False
    pmcid = item.get("PMCID")
    if pmcid is not None and not (isinstance(pmcid, str) and ids.PMCID_RE.match(pmcid)):
        return False
    issn = item.get("ISSN")
    if isinstance(issn, str) and not _CANONICAL_ISSN_RE.match(issn) and "(" not in issn:
        return False
    isbn = item.get("ISBN")
    if isinstance(isbn, str) and not _CANONICAL_ISBN_RE.match(isbn) and "(" not in isbn:
        return False
    url = item.get("URL")
    return not (
        isinstance(url, str) and ("doi.org/" in url or url != url.strip() or url.startswith("<"))
    )


def _clean_isbn(value: str) -> str:
    text = re.sub(r"^ISBN(?:-1[03])?\s*:?\s*", "", value.strip(), flags=re.IGNORECASE)
    return re.sub(r"[‐‑–—]", "-", text).replace("x", "X")
