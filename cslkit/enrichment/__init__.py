"""``cslkit.enrich()``: fill missing fields from Crossref (by DOI, or by a bibliographic
query) and PubMed (by PMID). Optional and off by default; never replaces a value the
user gave unless ``overwrite=True``.

Polite by design: a contact email in every request (``email=`` or the
``CSLKIT_CONTACT_EMAIL`` environment variable), at most ~10 requests/s to Crossref (fewer
when its rate-limit headers say so) and 3/s to PubMed, Retry-After honoured, and answers
cached on disk (the platformdirs user cache) for 30 days.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from cslkit.enrichment.http import PoliteClient, default_cache_dir
from cslkit.enrichment.sources import from_crossref, from_pubmed
from cslkit.errors import NetworkError
from cslkit.model import Report, item_id
from cslkit.validation import identifiers as ids
from cslkit.validation.codes import problem
from cslkit.validation.values import show

CROSSREF_URL = "https://api.crossref.org"
PUBMED_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
QUERY_MATCH = 90.0  # rapidfuzz title score a Crossref search hit needs to be trusted
PUBMED_BATCH = 200

__all__ = ["CROSSREF_URL", "PUBMED_URL", "Enriched", "FieldChange", "ItemDiff", "enrich"]


class FieldChange(NamedTuple):
    field: str
    old: Any  # None when the item lacked the field
    new: Any
    source: str  # "Crossref" or "PubMed"
    applied: bool  # False: a conflicting value, kept because overwrite was off


class ItemDiff(NamedTuple):
    item_id: str
    position: int
    changes: list[FieldChange]


class Enriched(NamedTuple):
    items: list[dict[str, Any]]
    report: Report
    diffs: list[ItemDiff]


def _text_key(value: Any) -> Any:
    """Values compared loosely: case, spacing, punctuation and dash style do not count."""
    if isinstance(value, str):
        return "".join(ch for ch in value.casefold() if ch.isalnum())
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict) and "date-parts" in value:
        try:
            return value["date-parts"][0][0]
        except (IndexError, KeyError, TypeError):
            return None
    if isinstance(value, list):
        return [
            _text_key(v.get("family") or v.get("literal")) if isinstance(v, dict) else _text_key(v)
            for v in value
        ]
    return value


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _merge(
    item: dict[str, Any], fields: dict[str, Any], source: str, overwrite: bool
) -> tuple[dict[str, Any], list[FieldChange]]:
    result = item
    changes: list[FieldChange] = []
    for key, new in fields.items():
        old = item.get(key)
        if _is_empty(old):
            applied = True
        elif _text_key(old) == _text_key(new):
            continue
        elif key == "type":
            continue  # the user's type choice is theirs; Crossref's types are coarser
        else:
            applied = overwrite
        if applied:
            if result is item:
                result = copy.copy(item)
            result[key] = copy.deepcopy(new)
        changes.append(FieldChange(key, None if _is_empty(old) else old, new, source, applied))
    return result, changes


def _year(item: dict[str, Any]) -> int | None:
    try:
        year = item["issued"]["date-parts"][0][0]
        return int(year)
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def _query_text(item: dict[str, Any]) -> str | None:
    title = item.get("title")
    if not isinstance(title, str) or len(title) < 15:
        return None  # too little to search on without false matches
    parts = [title]
    authors = item.get("author")
    if isinstance(authors, list) and authors and isinstance(authors[0], dict):
        family = authors[0].get("family")
        if isinstance(family, str):
            parts.append(family)
    if isinstance(item.get("container-title"), str):
        parts.append(item["container-title"])
    year = _year(item)
    if year:
        parts.append(str(year))
    return " ".join(parts)


def _trusted_hit(item: dict[str, Any], work: dict[str, Any]) -> bool:
    """A search hit is used only when its title and year match the item's."""
    from rapidfuzz import fuzz

    fields = from_crossref(work)
    title, found = item.get("title"), fields.get("title")
    if not isinstance(title, str) or not isinstance(found, str):
        return False
    if fuzz.token_sort_ratio(title.casefold(), found.casefold()) < QUERY_MATCH:
        return False
    year, found_year = _year(item), _year(fields)
    return year is None or found_year is None or abs(year - found_year) <= 1


def enrich(
    items: Iterable[dict[str, Any]],
    *,
    crossref_url: str = CROSSREF_URL,
    pubmed_url: str = PUBMED_URL,
    email: str | None = None,
    overwrite: bool = False,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    query: bool = True,
    sources: Iterable[str] = ("pubmed", "crossref"),
    progress: Callable[[int, int], None] | None = None,
) -> Enriched:
    """Fill missing fields of ``items`` from PubMed (by PMID) and Crossref (by DOI, else by
    title/author/year search when ``query``); return new items, a report and per-item diffs.

    A value the item already has is kept; a different one found online is reported as an
    ``enrichment-conflict`` (and replaces it only with ``overwrite=True``). Inputs are not
    modified. Raises :class:`~cslkit.errors.NetworkError` only when no service could be
    reached at all; a single failed lookup is an ``enrichment-failed`` warning.
    ``progress(done, total)`` is called after each item (the CLI draws a bar with it).
    """
    email = email or os.environ.get("CSLKIT_CONTACT_EMAIL") or None
    cache = None if not use_cache else Path(cache_dir) if cache_dir else default_cache_dir()
    wanted = set(sources)
    crossref = PoliteClient(
        min_interval=0.1, email=email, cache_dir=cache / "crossref" if cache else None
    )
    pubmed = PoliteClient(
        min_interval=0.34, email=email, cache_dir=cache / "pubmed" if cache else None
    )
    entries = list(items)
    result: list[Any] = list(entries)
    report = Report()
    diffs: list[ItemDiff] = []
    lookups = failures = 0
    crossref_down = False
    try:
        summaries: dict[str, dict[str, Any]] = {}
        if "pubmed" in wanted:
            pmids = sorted(
                {
                    str(i["PMID"]).strip()
                    for i in entries
                    if isinstance(i, dict) and ids.pmid_ok(str(i.get("PMID", "")))
                }
            )
            for start in range(0, len(pmids), PUBMED_BATCH):
                batch = pmids[start : start + PUBMED_BATCH]
                params = {
                    "db": "pubmed",
                    "id": ",".join(batch),
                    "retmode": "json",
                    "tool": "cslkit",
                }
                if email:
                    params["email"] = email
                lookups += 1
                try:
                    status, body = pubmed.get_json(
                        f"{pubmed_url.rstrip('/')}/esummary.fcgi", params
                    )
                except NetworkError:
                    failures += 1
                    continue
                found = (
                    (body or {}).get("result", {})
                    if status == 200 and isinstance(body, dict)
                    else {}
                )
                for pmid in batch:
                    if isinstance(found.get(pmid), dict) and "error" not in found[pmid]:
                        summaries[pmid] = found[pmid]
        for position, item in enumerate(entries):
            if not isinstance(item, dict):
                continue
            identifier = item_id(item, position)
            current = item
            changes: list[FieldChange] = []
            looked_up = found = False
            pmid = str(item.get("PMID", "")).strip()
            if "pubmed" in wanted and ids.pmid_ok(pmid):
                looked_up = True
            if pmid in summaries:
                looked_up = found = True
                current, found_changes = _merge(
                    current, from_pubmed(summaries[pmid]), "PubMed", overwrite
                )
                changes += found_changes
            if "crossref" in wanted and not crossref_down:
                doi = current.get("DOI")
                work = None
                try:
                    if isinstance(doi, str) and ids.doi_ok(ids.clean_doi(doi)):
                        lookups += 1
                        looked_up = True
                        status, body = crossref.get_json(
                            f"{crossref_url.rstrip('/')}/works/{ids.clean_doi(doi)}",
                            {"mailto": email} if email else {},
                        )
                        if status == 200 and isinstance(body, dict):
                            work = body.get("message")
                    elif query and (text := _query_text(current)):
                        lookups += 1
                        looked_up = True
                        params = {"query.bibliographic": text, "rows": "1"}
                        if email:
                            params["mailto"] = email
                        status, body = crossref.get_json(
                            f"{crossref_url.rstrip('/')}/works", params
                        )
                        hits = (
                            ((body or {}).get("message") or {}).get("items")
                            if isinstance(body, dict)
                            else None
                        )
                        if (
                            status == 200
                            and isinstance(hits, list)
                            and hits
                            and isinstance(hits[0], dict)
                            and _trusted_hit(current, hits[0])
                        ):
                            work = hits[0]
                except NetworkError:
                    # Retries are spent: a service that is down stays down for this run.
                    failures += 1
                    crossref_down = True
                if isinstance(work, dict):
                    found = True
                    current, found_changes = _merge(
                        current, from_crossref(work), "Crossref", overwrite
                    )
                    changes += found_changes
            if looked_up and not changes and current is item and pmid not in summaries:
                report.add(
                    problem(
                        "enrichment-failed",
                        identifier,
                        None,
                        f'item "{identifier}" (no. {position + 1}): nothing found online',
                        "check the DOI or PMID; without them the search needs an exact title",
                        position,
                    )
                )
            for change in changes:
                if change.applied:
                    report.add(
                        problem(
                            "enriched-field",
                            identifier,
                            change.field,
                            f'item "{identifier}" (no. {position + 1}), field {change.field}: '
                            f"{show(change.old, 80) if change.old is not None else '(absent)'} → {show(change.new, 80)} (from {change.source})",
                            None,
                            position,
                        )
                    )
                else:
                    report.add(
                        problem(
                            "enrichment-conflict",
                            identifier,
                            change.field,
                            f'item "{identifier}" (no. {position + 1}), field {change.field}: '
                            f"{show(change.old, 80)} kept; {change.source} has {show(change.new, 80)}",
                            "check which is right; --overwrite takes the online value",
                            position,
                        )
                    )
            if changes:
                diffs.append(ItemDiff(identifier, position, changes))
            result[position] = current
            if progress is not None:
                progress(position + 1, len(entries))
    finally:
        crossref.close()
        pubmed.close()
    if lookups and failures == lookups:
        raise NetworkError(
            "could not reach Crossref or PubMed",
            hint="check the connection, or the --crossref-url/--pubmed-url given",
        )
    return Enriched(result, report, diffs)
