"""Dates and year suffixes as CSL 1.0.2 and citeproc-js print them (adapter fixes)."""

from __future__ import annotations

import cslkit

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Dates</title><id>urn:test:dates</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation {citation}><layout {layout}>{body}</layout></citation>
</style>
"""


def _cite(tmp_path, items: list[dict], body: str, clusters: list, citation: str = "", layout: str = "") -> list[str]:
    path = tmp_path / "dates.csl"
    path.write_text(STYLE.format(citation=citation, layout=layout, body=body), encoding="utf-8")
    return cslkit.cite(items, clusters, style=str(path))


def test_months_13_to_24_are_seasons_and_other_numbers_no_month(tmp_path) -> None:
    months = [13, 17, 21, 24, 60, -1, 0]
    items = [{"id": f"m{m}", "type": "book", "issued": {"date-parts": [[1965, m, 1]]}} for m in months]
    body = '<date variable="issued" delimiter=" "><date-part name="month"/><date-part name="year"/></date>'
    marks = _cite(tmp_path, items, body, [[item["id"]] for item in items])
    assert marks == ["Spring 1965", "Spring 1965", "Spring 1965", "Winter 1965", "1965", "1965", "1965"]


def test_a_citation_whose_first_cite_prints_nothing_says_so(tmp_path) -> None:
    items = [{"id": "a", "type": "book", "title": "No date"},
             {"id": "b", "type": "book", "issued": {"date-parts": [[2001]]}}]
    body = '<date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date>'
    marks = _cite(tmp_path, items, body, [["a"], ["b", "a"]], layout='delimiter="; "')
    assert marks == ["[CSL STYLE ERROR: reference with no printed form.]", "(2001)"]


def test_accessed_dates_do_not_tell_cites_apart(tmp_path) -> None:
    # two undated works by one author differ only in when they were read: "n.d.-a", "n.d.-b"
    doe = [{"family": "Doe", "given": "John"}]
    items = [{"id": f"i{year}", "type": "webpage", "author": doe, "accessed": {"date-parts": [[year, 6, 1]]}}
             for year in (1965, 2065)]
    body = ('<group delimiter=" "><names variable="author"><name/></names><group><choose><if variable="issued">'
            '<date variable="issued" form="text" date-parts="year"/><text variable="year-suffix"/></if>'
            '<else><text term="no date" form="short"/><text variable="year-suffix" prefix="-"/></else></choose></group>'
            '</group><date variable="accessed" prefix=" [" suffix="]"><date-part name="year"/></date>')
    marks = _cite(tmp_path, items, body, [["i1965", "i2065"]], citation='disambiguate-add-year-suffix="true"',
                  layout='delimiter="; "')
    assert marks == ["John Doe n.d.-a [1965]; John Doe n.d.-b [2065]"]
