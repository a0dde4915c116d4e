"""Finding and merging duplicate items: same DOI or PMID, or a fuzzy match of title,
year and first author (rapidfuzz), within one list or against a second list."""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from cslkit.model import Report, item_id
from cslkit.normalisers.base import Item, Normalised
from cslkit.validation import identifiers as ids
from cslkit.validation.codes import problem

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


def _merge_into(target: Item, source: Item, source_id: str) -> Item:
    """Fields of ``source`` that ``target`` lacks are copied; differing values are kept
    under custom["merged"][source_id], so nothing is lost."""
    merged = copy.deepcopy(target)
    kept: dict[str, Any] = {}
    for key, value in source.items():
        if key in ("id", "custom"):
            continue
        if key not in merged or merged[key] in ("", None, [], {}):
            merged[key] = copy.deepcopy(value)
        elif merged[key] != value:
            if (
                isinstance(value, list)
                and isinstance(merged[key], list)
                and len(value) > len(merged[key])
            ):
                kept[key] = merged[key]
                merged[key] = copy.deepcopy(value)
            else:
                kept[key] = copy.deepcopy(value)
    source_custom = source.get("custom")
    custom = merged.get("custom") if isinstance(merged.get("custom"), dict) else {}
    if isinstance(source_custom, dict):
        for key, value in source_custom.items():
            if key not in custom:
                custom[key] = copy.deepcopy(value)
            elif custom[key] != value:
                kept.setdefault("custom", {})[key] = copy.deepcopy(value)
    if kept:
        custom.setdefault("merged", {})[source_id] = kept
    if custom:
        merged["custom"] = custom
    return merged


def merge_duplicates(
    items: Sequence[Item],
    pairs: Iterable[DuplicatePair] | None = None,
    *,
    other: Sequence[Item] | None = None,
) -> Normalised:
    """Merge duplicates without losing a field; inputs are not modified.

    Without ``other``: each group of duplicates becomes its first item, with every field
    the others had (differing values kept under ``custom.merged``). With ``other``: no
    item is removed; each item gains the fields its duplicate in ``other`` has.
    ``pairs`` defaults to :func:`find_duplicates`.
    """
    pairs = list(find_duplicates(items, other) if pairs is None else pairs)
    report = Report()
    result = [copy.deepcopy(item) for item in items]
    if other is not None:
        for pair in pairs:
            source = other[pair.second]
            target_id = item_id(result[pair.first], pair.first)
            source_id = item_id(source, pair.second)
            result[pair.first] = _merge_into(result[pair.first], source, source_id)
            report.add(
                problem(
                    "merged-duplicate",
                    target_id,
                    None,
                    f'item "{target_id}" (no. {pair.first + 1}): filled from its duplicate '
                    f'"{source_id}" in the other list ({pair.reason})',
                    position=pair.first,
                )
            )
        return Normalised(result, report)
    # Union-find: each group keeps its earliest member.
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reasons: dict[int, str] = {}
    for pair in pairs:
        a, b = root(pair.first), root(pair.second)
        if a != b:
            keep, drop = min(a, b), max(a, b)
            parent[drop] = keep
            reasons[drop] = pair.reason
    removed: set[int] = set()
    for index in range(len(items)):
        keep = root(index)
        if keep == index:
            continue
        keep_id = item_id(result[keep], keep)
        drop_id = item_id(items[index], index)
        result[keep] = _merge_into(result[keep], items[index], drop_id)
        removed.add(index)
        report.add(
            problem(
                "merged-duplicate",
                keep_id,
                None,
                f'item "{drop_id}" (no. {index + 1}) merged into "{keep_id}" (no. {keep + 1}): '
                f"{reasons.get(index, 'duplicate of a merged item')}",
                position=keep,
            )
        )
    return Normalised([item for i, item in enumerate(result) if i not in removed], report)
