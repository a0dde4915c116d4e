"""CSL 1.0.2 text-case as citeproc-js applies it (cslkit/rendering/textcase.py)."""

from __future__ import annotations

from citeproc.string import String

import cslkit
from cslkit.rendering import textcase


def _title(text: str) -> str:
    return str(textcase.apply(String(text), "title"))


def test_title_case_leaves_single_letters_and_lone_greek_letters() -> None:
    assert _title("07-x") == "07-x"
    assert _title("07-x test") == "07-x Test"
    assert _title("saline solution of β-carotine") == "Saline Solution of β-Carotine"
    assert _title("vitamin c in the diet") == "Vitamin c in the Diet"
    assert _title("a study") == "A Study"


def test_title_case_stop_words_as_citeproc_js_lists_them() -> None:
    assert _title("John von Doe: an about up life") == "John von Doe: An about up Life"
    assert _title("life outside the lab") == "Life Outside the Lab"


def test_turkish_items_change_case_with_dotted_and_dotless_i(tmp_path) -> None:
    path = tmp_path / "upper.csl"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Upper</title><id>urn:test:upper</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title" text-case="uppercase"/></layout></citation>
</style>""", encoding="utf-8")
    items = [{"id": "en", "type": "book", "title": "ia ıb"},
             {"id": "tr", "type": "book", "title": "ia ıb", "language": "tr"}]
    assert cslkit.cite(items, [["en"], ["tr"]], style=str(path)) == ["IA IB", "İA IB"]
    assert str(textcase.apply(String("IŞIK İzmir"), "lowercase", "tr")) == "ışık izmir"
