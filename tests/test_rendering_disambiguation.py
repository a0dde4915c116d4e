"""Disambiguation (CSL 1.0.2 §Disambiguation) and the collapsing of what it adds, as
citeproc-js does them (cslkit/rendering/disambiguation.py and the adapter)."""

from __future__ import annotations

from pathlib import Path

import cslkit


def style(tmp_path: Path, citation_attributes: str, layout: str, *, style_class: str = "in-text",
          layout_attributes: str = 'delimiter="; " prefix="(" suffix=")"') -> str:
    path = tmp_path / "style.csl"
    path.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="{style_class}" version="1.0">
  <info><title>Test</title><id>urn:test</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation {citation_attributes}><layout {layout_attributes}>{layout}</layout></citation>
</style>
""", encoding="utf-8")
    return str(path)


def book(item_id: str, authors: list[tuple[str, str]], year: int = 2000, **fields: object) -> dict:
    item = {"id": item_id, "type": "book", "title": f"Title {item_id}", "issued": {"date-parts": [[year]]},
            "author": [{"family": family, "given": given} for family, given in authors]}
    item.update(fields)
    return item


AUTHOR_YEAR = ('<group delimiter=" "><names variable="author"><name form="short" and="symbol" delimiter=", "/>'
               '</names><date variable="issued"><date-part name="year"/></date></group>')


def test_collapsed_years_in_a_note_style_are_joined_by_the_layout_delimiter(tmp_path) -> None:
    path = style(tmp_path, 'disambiguate-add-year-suffix="true" collapse="year"', AUTHOR_YEAR, style_class="note")
    items = [book(n, [("Smith", "John")]) for n in ("a", "b")]
    assert cslkit.cite(items, [["a", "b"]], style=path) == ["(Smith 2000a; 2000b)"]
    in_text = style(tmp_path, 'disambiguate-add-year-suffix="true" collapse="year"', AUTHOR_YEAR)
    assert cslkit.cite(items, [["a", "b"]], style=in_text) == ["(Smith 2000a, 2000b)"]


def test_year_suffixes_collapse_in_cites_without_names(tmp_path) -> None:
    path = style(tmp_path, 'disambiguate-add-year-suffix="true" collapse="year-suffix" year-suffix-delimiter=","',
                 '<date variable="issued"><date-part name="year"/></date>')
    items = [book(n, [("Doe", "John")]) for n in ("a", "b")]
    assert cslkit.cite(items, [["a", "b"]], style=path) == ["(2000a,b)"]
