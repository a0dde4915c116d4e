"""A name list the source cut short with "et al." keeps its "et al." in every style."""

from __future__ import annotations

import pytest

import cslkit


def cut_article(**custom: bool) -> dict:
    return {
        "id": "a", "type": "article-journal", "title": "Title",
        "author": [{"family": "Branch", "given": "D. W."}, {"family": "Peaceman", "given": "A. M."}],
        "container-title": "Am J Obstet Gynecol", "issued": {"date-parts": [[2000]]},
        "volume": "182", "page": "122-7", "custom": custom,
    }


@pytest.mark.parametrize(("style", "expected"), [
    ("vancouver", "1. Branch DW, Peaceman AM, et al. Title. Am J Obstet Gynecol. 2000;182:122–7."),
    ("apa", "Branch, D. W., Peaceman, A. M., et al. (2000). Title. Am J Obstet Gynecol, 182, 122–127."),
    ("dstu-8302-2015-short", "1. Branch D. W., Peaceman A. M. et al. Title. Am J Obstet Gynecol. 2000. "
                             "Vol. 182. P. 122–127."),
])
def test_authors_cut_at_source_end_in_et_al(style: str, expected: str) -> None:
    assert cslkit.render([cut_article(**{"et-al": True})], style=style) == [expected]


def test_complete_lists_and_other_roles_are_untouched() -> None:
    assert cslkit.render([cut_article()], style="vancouver") == [
        "1. Branch DW, Peaceman AM. Title. Am J Obstet Gynecol. 2000;182:122–7."]
    # The flag of one role says nothing about another.
    assert "et al" not in cslkit.render([cut_article(**{"et-al-editor": True})], style="vancouver")[0]


def test_a_long_cut_list_is_shortened_once() -> None:
    item = cut_article(**{"et-al": True})
    item["author"] = [{"family": f"Name{n}", "given": "A."} for n in range(8)]
    [entry] = cslkit.render([item], style="vancouver")
    assert entry.count("et al.") == 1
    assert "Name5 A, et al." in entry
