"""Reversed page ranges against abbreviated ones: which reading of a shortened last page
wins (cslkit.validation.pageranges.reads_backwards), the same in validate and normalise."""

from __future__ import annotations

import pytest

import cslkit
from cslkit.normalisers.pages import clean_page
from cslkit.validation.pageranges import is_reversed


def _page_problems(page: str) -> list[cslkit.Problem]:
    item = {"id": "a", "type": "article-journal", "title": "T", "page": page}
    return [p for p in cslkit.validate([item], rules=["pages"]) if p.field == "page"]


@pytest.mark.parametrize(
    ("page", "full"),
    [
        ("1073-9", "1073-1079"),
        ("11-8", "11-18"),  # a one-digit tail is always the everyday NLM abbreviation
        ("15-7", "15-17"),
        ("321-28", "321-328"),
        ("1536-38", "1536-1538"),
        ("1001-99", "1001-1099"),
        ("1100-250", "1100-1250"),  # 150 pages forward is nearer than 850 back
        ("E231-40", "E231-E240"),
        ("S12-S9", "S12-S19"),
        ("444.e1-6", "444.e1-444.e6"),
    ],
)
def test_abbreviated_ranges_are_read_forwards_and_expanded(page: str, full: str) -> None:
    assert not is_reversed(page)
    assert not _page_problems(page)
    assert clean_page(page) == full


@pytest.mark.parametrize(
    ("page", "other_reading"),
    [
        ("1000-999", "1000-1999"),  # 1 page back, or 999 forward: a slip, not 1000 pages
        ("1015-994", "1015-1994"),
        ("105-96", "105-196"),
        ("120-99", "120-199"),
        ("E1015-994", "E1015-E1994"),
    ],
)
def test_a_shortened_last_page_nearer_as_written_is_a_reversed_range(
    page: str, other_reading: str
) -> None:
    assert is_reversed(page)
    (problem,) = _page_problems(page)
    assert problem.code == "reversed-page-range"
    assert f"unless it stands for {other_reading}" in problem.message
    assert clean_page(page) == page  # never "expanded" into a range nobody wrote


@pytest.mark.parametrize("page", ["245-239", "1073-60", "E240-31", "444.e6-1", "444.e6-444.e1"])
def test_ranges_reversed_in_any_reading_are_flagged_letters_and_e_pages_too(page: str) -> None:
    assert is_reversed(page)
    assert [p.code for p in _page_problems(page)] == ["reversed-page-range"]
    assert clean_page(page) == page


def test_fix_keeps_a_reversed_range_for_the_validator() -> None:
    item = {"id": "a", "type": "article-journal", "title": "T", "page": "1000–999"}
    fixed = cslkit.normalise([item]).items
    assert fixed[0]["page"] == "1000-999"
    assert any(p.code == "reversed-page-range" for p in cslkit.validate(fixed))


def test_short_articles_written_the_nlm_way_never_alarm() -> None:
    """Every range of up to 49 pages starting anywhere up to 3000, shortened as NLM
    shortens it, reads forwards: a shortened range is read backwards only when it would
    span 10 pages or more and over half of what its dropped digits are worth (so at
    least 50 pages once two digits are kept)."""
    for first in range(1, 3001):
        for span in range(0, 50):
            last = str(first + span)
            text = str(first)
            keep = len(last)
            if len(last) == len(text):
                while keep > 1 and last[len(last) - keep] == text[len(text) - keep]:
                    keep -= 1
            page = f"{first}-{last[len(last) - keep :]}"
            assert not is_reversed(page), page
