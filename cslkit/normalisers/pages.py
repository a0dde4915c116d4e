"""The ``pages`` step: dashes, labels, abbreviated ranges, page counts, article numbers."""

from __future__ import annotations

import re

from cslkit.model import Problem
from cslkit.validation.pageranges import (
    ARTICLE_NUMBER_RE,
    DASHES_RE,
    expand_range,
    page_order,
    reads_backwards,
    split_range,
)

_PAGE_PREFIX_RE = re.compile(r"^\s*(?:pp?\.|pages?|с\.|c\.|стр\.|s\.|S\.|P\.)\s*", re.IGNORECASE)
# "250 p.", "250 pp", "250 с." — a count of pages, not a page.
_PAGE_COUNT_RE = re.compile(
    r"^\s*(\d+)\s*(?:pp?\.?|pages|с\.?|стор\.?|стр\.?|S\.)\s*$", re.IGNORECASE
)
_BOOK_TYPES = frozenset({"book", "thesis", "report", "manuscript", "pamphlet", "standard"})


def _backwards(first: str, last: str) -> bool:
    a, b = page_order(first), page_order(last)
    return a is not None and b is not None and b < a


# "1073-9", "12–19", "45--52": two plain numbers and a dash, most pages; done without the
# general machinery below, with the same result.
_DIGITS_RANGE_RE = re.compile(r"^\s*(\d+)\s*(?:--+|[\u2010-\u2015\u2212-])\s*(\d+)\s*$")


def _clean_digits_range(first: str, last: str) -> str:
    if len(last) < len(first):
        full = first[: len(first) - len(last)] + last
        start, end = int(first), int(full)
        # As clean_page: a range that runs backwards either way is kept as written.
        if end >= start and not reads_backwards(start, int(last), end):
            last = full
    return f"{first}-{last}"


def clean_page(page: str) -> str:
    """One page field in one form: no "pp."/"С." label, "-" for every dash, ranges in full."""
    simple = _DIGITS_RANGE_RE.match(page)
    if simple:
        return _clean_digits_range(*simple.groups())
    text = _PAGE_PREFIX_RE.sub("", page.strip()).strip().rstrip(".")
    pieces = []
    for piece in re.split(r"\s*,\s*", text):
        ends = split_range(piece)
        if ends is None:
            pieces.append(DASHES_RE.sub("-", piece))
            continue
        expanded = expand_range(*ends)
        first, last = expanded if expanded else ends
        if expanded and _backwards(first, last):
            # "394-40" is no valid abbreviation, "1000-999" a reversed range rather than
            # 1000-1999 (see reads_backwards); keep it for the validator to report.
            first, last = ends
        pieces.append(f"{first}-{last}")
    return ", ".join(pieces)


def normalise_pages(item: dict[str, object]) -> tuple[dict[str, object], list[Problem]]:
    """Pages: dashes, labels and abbreviated ranges; a page count of a book moves to
    ``number-of-pages``; article numbers (CD007885, e0123456) stay as written."""
    from cslkit.normalisers.changes import change

    page = item.get("page")
    if not isinstance(page, str) or not page.strip():
        return item, []
    count = _PAGE_COUNT_RE.match(page)
    if count and item.get("type") in _BOOK_TYPES and "number-of-pages" not in item:
        result = {k: v for k, v in item.items() if k != "page"}
        result["number-of-pages"] = count.group(1)
        return result, [
            change(
                item,
                "normalised-page",
                "page",
                page,
                None,
                "a page count, moved to number-of-pages",
            ),
            change(item, "normalised-page", "number-of-pages", None, count.group(1), "from page"),
        ]
    new = page.strip() if ARTICLE_NUMBER_RE.match(page.strip()) else clean_page(page)
    if new == page or not new:
        return item, []
    result = dict(item)
    result["page"] = new
    return result, [
        change(item, "normalised-page", "page", page, new, "dashes, labels and abbreviated ranges")
    ]
