"""Finding duplicate items: same DOI or PMID, or a fuzzy match of title, year and first
author (rapidfuzz), within one list or against a second list.

It lives beside the validator, which reports duplicates, so that validating does not load
the normalising steps; :mod:`cslkit.normalisers` re-exports it with ``merge_duplicates``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, NamedTuple

from cslkit.validation import identifiers as ids

Item = dict[str, Any]

TITLE_SIMILARITY = 90.0  # rapidfuzz score (0-100) above which two titles count as the same


class DuplicatePair(NamedTuple):
    """Two items that look like one work. ``first`` indexes the first list; ``second``
    the same list (then ``first < second``) or the ``other`` list."""

    first: int
    second: int
    reason: str
    score: float  # 1.0 for an identical identifier, else title similarity / 100
    field: str  # the field that matched: DOI, PMID or title


_NON_WORD_RE = re.compile(r"[\W_]+")


def _fold(text: str) -> str:
    """Case and punctuation ignored ("Aspirin, stroke." = "aspirin stroke"); accents are
    left to the fuzzy score, which costs less than decomposing every string."""
    return _NON_WORD_RE.sub(" ", text.casefold()).strip()


def _year(item: Item) -> int | None:
    issued = item.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = parts[0][0]
            if isinstance(year, int) and not isinstance(year, bool):
                return year
            if isinstance(year, str) and year.strip().isdigit():
                return int(year)
    return None


def _first_family(item: Item) -> str:
    for key in ("author", "editor"):
        names = item.get(key)
        if isinstance(names, list) and names and isinstance(names[0], dict):
            name = names[0]
            text = name.get("family") or name.get("literal") or ""
            if isinstance(text, str):
                return _fold(text)
    return ""


def _first_page(item: Item) -> str:
    page = item.get("page")
    if isinstance(page, int | str) and not isinstance(page, bool):
        match = re.match(r"\s*([A-Za-z]*\d+)", str(page))
        return match.group(1).lower() if match else ""
    return ""


def _text(item: Item, key: str) -> str:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


class _Key(NamedTuple):
    doi: str
    pmid: str
    title: str
    sorted_title: str  # words in sorted order, compared fuzzily
    year: int | None
    family: str
    volume: str
    page: str
    kind: str


def _key(item: Item) -> _Key:
    doi = _text(item, "DOI")
    volume = item.get("volume")
    title = _fold(_text(item, "title"))
    return _Key(
        (doi.lower() if ids.DOI_RE.match(doi) else ids.clean_doi(doi)) if doi else "",
        _text(item, "PMID"),
        title,
        " ".join(sorted(title.split())),
        _year(item),
        _first_family(item),
        str(volume).strip().lower() if isinstance(volume, int | str) else "",
        _first_page(item),
        item.get("type") if isinstance(item.get("type"), str) else "",
    )


_PART_TYPES = frozenset(
    {"chapter", "entry", "entry-dictionary", "entry-encyclopedia", "paper-conference"}
)
_WHOLE_TYPES = frozenset({"book", "collection", "periodical", "report", "thesis"})


def _conflict(a: _Key, b: _Key) -> bool:
    """Different volumes, first pages or DOIs mean different works despite similar titles;
    so does a part beside its whole (a chapter and the book it is in, same title)."""
    part_and_whole = {a.kind, b.kind} & _PART_TYPES and {a.kind, b.kind} & _WHOLE_TYPES
    return (
        bool(part_and_whole)
        or bool(a.volume and b.volume and a.volume != b.volume)
        or bool(a.page and b.page and a.page != b.page)
        or bool(a.doi and b.doi and a.doi != b.doi)
    )


def find_duplicates(
    items: Sequence[Item], other: Sequence[Item] | None = None
) -> list[DuplicatePair]:
    """Pairs of items that look like the same work, best evidence first per pair.

    Without ``other``: pairs inside ``items``. With ``other`` (a second list or a Zotero
    export): pairs (index in items, index in other).
    """
    from rapidfuzz import fuzz, process

    left = [_key(item) if isinstance(item, dict) else None for item in items]
    right = left if other is None else [_key(i) if isinstance(i, dict) else None for i in other]
    same_list = other is None
    found: dict[tuple[int, int], DuplicatePair] = {}

    def add(i: int, j: int, reason: str, score: float, field: str) -> None:
        if same_list:
            if i == j:
                return
            i, j = min(i, j), max(i, j)
        if (i, j) not in found:
            found[(i, j)] = DuplicatePair(i, j, reason, score, field)

    # Exact identifiers first: they are the strongest evidence.
    for field in ("doi", "pmid"):
        index: dict[str, list[int]] = defaultdict(list)
        for j, key in enumerate(right):
            if key and getattr(key, field):
                index[getattr(key, field)].append(j)
        for i, key in enumerate(left):
            if not key or not getattr(key, field):
                continue
            for j in index.get(getattr(key, field), ()):
                label = "DOI" if field == "doi" else "PMID"
                add(i, j, f"same {label} {getattr(key, field)}", 1.0, label)

    # Fuzzy titles, compared only within a block of the same year and first-author
    # initial, so the work stays near-linear on long lists; rapidfuzz scores a whole
    # block in one call. Titles are compared with their words sorted.
    blocks: dict[tuple[int | None, str], list[int]] = defaultdict(list)
    for j, key in enumerate(right):
        if key and len(key.title) >= 10:
            blocks[(key.year, key.family[:1])].append(j)
    for i, key in enumerate(left):
        if not key or len(key.title) < 10:
            continue
        block = blocks.get((key.year, key.family[:1]), ())
        candidates = [j for j in block if j > i] if same_list else list(block)
        if not candidates:
            continue
        matches = process.extract(
            key.sorted_title,
            [right[j].sorted_title for j in candidates],  # type: ignore[union-attr]
            scorer=fuzz.ratio,
            score_cutoff=TITLE_SIMILARITY,
            limit=None,
        )
        for _, score, offset in matches:
            j = candidates[offset]
            other_key = right[j]
            assert other_key is not None
            if _conflict(key, other_key):
                continue
            if key.family and other_key.family and fuzz.ratio(key.family, other_key.family) < 80:
                continue
            year = f", year {key.year}" if key.year else ""
            author = f", first author {key.family}" if key.family else ""
            add(i, j, f"title {score:.0f}% similar{year}{author}", score / 100, "title")
    return sorted(found.values(), key=lambda pair: (pair.first, pair.second))
