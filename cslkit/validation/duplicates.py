"""Finding duplicate items: same DOI or PMID, or a fuzzy match of title, year and first
author (rapidfuzz), within one list or against a second list.

It lives beside the validator, which reports duplicates, so that validating does not load
the normalising steps; :mod:`cslkit.normalisers` re-exports it with ``merge_duplicates``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
    year: int | None
    family: str


def _key(item: Item) -> _Key:
    doi = _text(item, "DOI")
    return _Key(
        (doi.lower() if ids.DOI_RE.match(doi) else ids.clean_doi(doi)) if doi else "",
        _text(item, "PMID"),
        _year(item),
        _first_family(item),
    )


def _titles(item: Item) -> tuple[str, str]:
    """The folded title and its words in sorted order (compared fuzzily). Made only for
    items that share a year-and-author block with another, most items have none."""
    title = _fold(_text(item, "title"))
    return title, " ".join(sorted(title.split()))


_PART_TYPES = frozenset(
    {"chapter", "entry", "entry-dictionary", "entry-encyclopedia", "paper-conference"}
)
_WHOLE_TYPES = frozenset({"book", "collection", "periodical", "report", "thesis"})


def _details(item: Item) -> tuple[str, str, str]:
    """Volume, first page and type: looked at only for the few pairs whose titles match."""
    volume = item.get("volume")
    kind = item.get("type")
    return (
        str(volume).strip().lower() if isinstance(volume, int | str) else "",
        _first_page(item),
        kind if isinstance(kind, str) else "",
    )


def _conflict(a: Item, b: Item, key_a: _Key, key_b: _Key) -> bool:
    """Different volumes, first pages or DOIs mean different works despite similar titles;
    so does a part beside its whole (a chapter and the book it is in, same title)."""
    if key_a.doi and key_b.doi and key_a.doi != key_b.doi:
        return True
    volume_a, page_a, kind_a = _details(a)
    volume_b, page_b, kind_b = _details(b)
    kinds = {kind_a, kind_b}
    return (
        bool(kinds & _PART_TYPES and kinds & _WHOLE_TYPES)
        or bool(volume_a and volume_b and volume_a != volume_b)
        or bool(page_a and page_b and page_a != page_b)
    )


def _family_block(family: str) -> str:
    """The first three letters of the first author's family name ("O'Connor" -> "oco"):
    duplicates agree on them, and the blocks stay small on long lists."""
    return family.replace(" ", "")[:3]


def find_duplicates(
    items: Sequence[Item], other: Sequence[Item] | None = None
) -> list[DuplicatePair]:
    """Pairs of items that look like the same work, best evidence first per pair.

    Without ``other``: pairs inside ``items``. With ``other`` (a second list or a Zotero
    export): pairs (index in items, index in other).
    """
    from rapidfuzz import fuzz, process

    left = [_key(item) if isinstance(item, dict) else None for item in items]
    right_items = items if other is None else other
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
    for label, values_right, values_left in (
        ("DOI", [k.doi if k else "" for k in right], [k.doi if k else "" for k in left]),
        ("PMID", [k.pmid if k else "" for k in right], [k.pmid if k else "" for k in left]),
    ):
        index: dict[str, list[int]] = defaultdict(list)
        for j, value in enumerate(values_right):
            if value:
                index[value].append(j)
        for i, value in enumerate(values_left):
            for j in index.get(value, ()) if value else ():
                add(i, j, f"same {label} {value}", 1.0, label)

    # Fuzzy titles, compared only within a block of the same year and first three letters
    # of the first author, so the work stays near-linear on long lists; rapidfuzz scores a whole
    # block in one call. Titles are compared with their words sorted.
    blocks: dict[tuple[int | None, str], list[int]] = defaultdict(list)
    for j, key in enumerate(right):
        if key:
            blocks[(key.year, _family_block(key.family))].append(j)
    if same_list:
        blocks = {block: members for block, members in blocks.items() if len(members) > 1}
    # Titles are folded only for items in a block: on most lists, few items are.
    right_titles = {j: _titles(right_items[j]) for members in blocks.values() for j in members}
    for members in blocks.values():
        members[:] = [j for j in members if len(right_titles[j][0]) >= 10]
    for i, key in enumerate(left):
        block = blocks.get((key.year, _family_block(key.family))) if key else None
        if not block:
            continue
        title, sorted_title = right_titles[i] if same_list else _titles(items[i])
        if len(title) < 10:
            continue
        # Block members are in list order: in one list, only later items are compared.
        candidates = block[bisect_right(block, i) :] if same_list else block
        if not candidates:
            continue
        matches = process.extract(
            sorted_title,
            [right_titles[j][1] for j in candidates],
            scorer=fuzz.ratio,
            score_cutoff=TITLE_SIMILARITY,
            limit=None,
        )
        for _, score, offset in matches:
            j = candidates[offset]
            other_key = right[j]
            assert other_key is not None
            if _conflict(items[i], right_items[j], key, other_key):
                continue
            if key.family and other_key.family and fuzz.ratio(key.family, other_key.family) < 80:
                continue
            year = f", year {key.year}" if key.year else ""
            author = f", first author {key.family}" if key.family else ""
            add(i, j, f"title {score:.0f}% similar{year}{author}", score / 100, "title")
    return sorted(found.values(), key=lambda pair: (pair.first, pair.second))
