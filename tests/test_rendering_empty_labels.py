"""A label for an empty variable prints nothing (CSL 1.0.2 §Label; cslkit/rendering/adapter.py
``Label.process``)."""

from __future__ import annotations

import cslkit


def test_a_label_without_its_variable_prints_nothing(tmp_path) -> None:
    path = tmp_path / "label.csl"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Label</title><id>urn:test:label</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="; ">
    <text variable="title"/>
    <group prefix=", "><label variable="page" form="short" suffix=" "/><text variable="page"/></group>
    <label variable="volume" form="short" prefix=" (" suffix=")"/>
  </layout></citation>
</style>""", encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "Paged", "page": "12-14"},
             {"id": "b", "type": "book", "title": "Unpaged"}]
    assert cslkit.cite(items, [["a", "b"]], style=str(path)) == ["Paged, pp. 12–14; Unpaged"]
