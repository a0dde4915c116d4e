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


def test_a_cut_list_counts_as_longer_than_it_is_for_et_al_min() -> None:
    # "A, B, C, et al." names at least four people: a style that shortens lists of four or
    # more to the first name does so here too.
    item = cut_article(**{"et-al": True})
    item["author"].append({"family": "Lockwood", "given": "C. J."})
    style = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography et-al-min="4" et-al-use-first="1">
    <layout><names variable="author"><name initialize-with="." delimiter=", "/></names></layout>
  </bibliography>
</style>"""
    assert cslkit.render([item], style=style) == ["D.W. Branch et al."]
    complete = cut_article()
    complete["author"].append({"family": "Lockwood", "given": "C. J."})
    assert cslkit.render([complete], style=style) == ["D.W. Branch, A.M. Peaceman, C.J. Lockwood"]


def test_dstu_puts_a_cut_list_of_three_after_the_title() -> None:
    # four or more authors go after the title in DSTU 8302:2015; "et al." after three says so
    item = cut_article(**{"et-al": True})
    item["author"].append({"family": "Lockwood", "given": "C. J."})
    assert cslkit.render([item], style="dstu-8302-2015-short") == [
        "1. Title / D. W. Branch et al. Am J Obstet Gynecol. 2000. Vol. 182. P. 122–127."]
