"""A date a cs:substitute printed is not printed again (CSL 1.0.2 §Substitute;
cslkit/rendering/adapter.py ``Date.process``)."""

from __future__ import annotations

import cslkit


def test_a_date_printed_by_a_substitute_is_suppressed_later(tmp_path) -> None:
    path = tmp_path / "substitute.csl"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Substitute</title><id>urn:test:substitute</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <macro name="title">
    <text variable="title" suffix=", "/><date variable="issued" form="text" date-parts="year"/>
  </macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix=".">
    <names variable="author"><name/><substitute><text macro="title"/></substitute></names>
    <date variable="issued" form="text" date-parts="year-month-day" prefix=" "/>
  </layout></bibliography>
</style>""", encoding="utf-8")
    law = {"id": "l", "type": "legislation", "title": "Act", "issued": {"date-parts": [[1992, 3, 23]]}}
    book = law | {"id": "b", "type": "book", "title": "Book", "author": [{"family": "Doe", "given": "Jo"}]}
    assert cslkit.render([law, book], style=str(path)) == ["Act, 1992.", "Jo Doe March 23, 1992."]
