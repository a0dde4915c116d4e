"""Crossref and PubMed answers mapped to CSL-JSON fields.

Crossref's REST API (``/works/{doi}``, ``/works?query.bibliographic=``) already speaks
nearly CSL; PubMed's E-utilities ``esummary`` (JSON) is mapped field by field.
"""

from __future__ import annotations

import re
from typing import Any

from cslkit.normalisers.dates import parse_date
from cslkit.normalisers.names import parse_name
from cslkit.validation import identifiers as ids

# Crossref work types -> CSL types (Crossref's own list of types).
CROSSREF_TYPES = {
    "journal-article": "article-journal",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "book-chapter": "chapter",
    "book-section": "chapter",
    "book-part": "chapter",
    "proceedings-article": "paper-conference",
    "dissertation": "thesis",
    "report": "report",
    "dataset": "dataset",
    "posted-content": "article",
    "reference-entry": "entry",
    "standard": "standard",
}


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _strip_markup(text: str) -> str:
    """Crossref titles may carry JATS tags (<i>, <sub>)."""
    return " ".join(re.sub(r"<[^>]+>", "", text).split())


def from_crossref(work: dict[str, Any]) -> dict[str, Any]:
    """The CSL fields a Crossref work record gives."""
    fields: dict[str, Any] = {}
    title = _first(work.get("title"))
    if title:
        fields["title"] = _strip_markup(title)
    container = _first(work.get("container-title"))
    if container:
        fields["container-title"] = _strip_markup(container)
    short = _first(work.get("short-container-title"))
    if short:
        fields["container-title-short"] = short
    authors = []
    for person in work.get("author") or []:
        if not isinstance(person, dict):
            continue
        if person.get("family"):
            name = {"family": person["family"]}
            if person.get("given"):
                name["given"] = person["given"]
            authors.append(name)
        elif person.get("name"):
            authors.append({"literal": person["name"]})
    if authors:
        fields["author"] = authors
    for key in ("published-print", "issued", "published-online", "published"):
        parts = (work.get(key) or {}).get("date-parts") if isinstance(work.get(key), dict) else None
        if (
            isinstance(parts, list)
            and parts
            and isinstance(parts[0], list)
            and parts[0]
            and parts[0][0]
        ):
            fields["issued"] = {"date-parts": [[int(p) for p in parts[0] if p is not None]]}
            break
    for key in ("volume", "issue", "page", "publisher", "language"):
        value = _first(work.get(key))
        if value:
            fields[key] = value
    if "page" not in fields and _first(work.get("article-number")):
        fields["page"] = _first(work.get("article-number"))
    doi = _first(work.get("DOI"))
    if doi:
        fields["DOI"] = ids.clean_doi(doi)
    issn = _first(work.get("ISSN"))
    if issn:
        fields["ISSN"] = issn
    isbn = _first(work.get("ISBN"))
    if isbn:
        fields["ISBN"] = isbn
    kind = CROSSREF_TYPES.get(str(work.get("type")))
    if kind:
        fields["type"] = kind
    return fields


# PubMed language codes (ISO 639-2) -> ISO 639-1.
_PUBMED_LANGUAGES = {
    "eng": "en",
    "ukr": "uk",
    "rus": "ru",
    "ger": "de",
    "fre": "fr",
    "spa": "es",
    "ita": "it",
    "pol": "pl",
    "por": "pt",
    "dut": "nl",
    "chi": "zh",
    "jpn": "ja",
}


def from_pubmed(summary: dict[str, Any]) -> dict[str, Any]:
    """The CSL fields a PubMed esummary record gives."""
    fields: dict[str, Any] = {"type": "article-journal"}
    title = _first(summary.get("title"))
    if title:
        fields["title"] = title.rstrip(".")
    journal = _first(summary.get("fulljournalname"))
    if journal:
        fields["container-title"] = journal
    source = _first(summary.get("source"))
    if source:
        fields["container-title-short"] = source
    authors = [
        parse_name(a["name"])
        for a in summary.get("authors") or []
        if isinstance(a, dict)
        and isinstance(a.get("name"), str)
        and a.get("authtype", "Author") == "Author"
    ]
    if authors:
        fields["author"] = authors
    date = parse_date(_first(summary.get("pubdate")) or "")
    if date:
        fields["issued"] = date
    for source_key, key in (("volume", "volume"), ("issue", "issue"), ("pages", "page")):
        value = _first(summary.get(source_key))
        if value:
            fields[key] = value
    for article_id in summary.get("articleids") or []:
        if not isinstance(article_id, dict) or not isinstance(article_id.get("value"), str):
            continue
        kind, value = article_id.get("idtype"), article_id["value"]
        if kind == "doi" and ids.doi_ok(ids.clean_doi(value)):
            fields["DOI"] = ids.clean_doi(value)
        elif kind in ("pmc", "pmcid") and ids.pmcid_ok(ids.clean_pmcid(value)):
            fields["PMCID"] = ids.clean_pmcid(value)
        elif kind == "pubmed" and ids.pmid_ok(value):
            fields["PMID"] = value
    issn = _first(summary.get("issn")) or _first(summary.get("essn"))
    if issn:
        fields["ISSN"] = issn
    languages = summary.get("lang")
    language = _first(languages)
    if language and language in _PUBMED_LANGUAGES:
        fields["language"] = _PUBMED_LANGUAGES[language]
    return fields
