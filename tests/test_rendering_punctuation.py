"""Punctuation where rendered pieces meet, and punctuation moving into quotes
(cslkit/rendering/adapter.py: ``_concat``, ``Layout._move_punctuation_into_quote``)."""

from __future__ import annotations

import pytest

import cslkit

SEAM_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Seams</title><id>urn:test:seams</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <locale><style-options punctuation-in-quote="{in_quote}"/></locale>
  <citation><layout>
    <text variable="title" quotes="{quotes}" suffix="{suffix}"/>
    <text variable="publisher" prefix="{prefix}"/>
  </layout></citation>
</style>
"""


def _cite(tmp_path, title: str, suffix: str = "", prefix: str = " ", quotes: bool = False,
          in_quote: bool = False) -> str:
    path = tmp_path / "seams.csl"
    path.write_text(SEAM_STYLE.format(suffix=suffix, prefix=prefix, quotes=str(quotes).lower(),
                                      in_quote=str(in_quote).lower()), encoding="utf-8")
    item = {"id": "a", "type": "book", "title": title, "publisher": "Next"}
    return cslkit.cite([item], ["a"], style=str(path))[0]


@pytest.mark.parametrize(("title", "prefix", "expected"), [
    ("Title:", ". ", "Title: Next"),       # a colon swallows a period
    ("Title;", ": ", "Title; Next"),       # a semicolon swallows a colon
    ("Title?", ": ", "Title? Next"),
    ("Title:", "! ", "Title! Next"),       # ! and ? replace a colon or semicolon
    ("Title;", "? ", "Title? Next"),
    ("Title,", ". ", "Title,. Next"),      # a comma keeps what follows
    ("Title.", ": ", "Title.: Next"),
    ("Title?", "! ", "Title?! Next"),
    ("Title!", "; ", "Title!; Next"),
])
def test_marks_meeting_at_a_seam_merge_as_citeproc_js_does(tmp_path, title, prefix, expected) -> None:
    assert _cite(tmp_path, title, prefix=prefix) == expected


@pytest.mark.parametrize(("suffix", "prefix", "in_quote", "expected"), [
    ("!", ": ", True, "“Title!” Next"),
    ("?", "! ", True, "“Title?!” Next"),
    (".", ": ", True, "“Title.”: Next"),   # only the marks that go inside move
    (":", "; ", True, "“Title”:; Next"),
    ("!", ": ", False, "“Title”! Next"),
])
def test_marks_after_a_closing_quote_move_inside_with_punctuation_in_quote(
        tmp_path, suffix, prefix, in_quote, expected) -> None:
    assert _cite(tmp_path, "Title", suffix=suffix, prefix=prefix, quotes=True, in_quote=in_quote) == expected


def test_a_comma_after_a_quote_in_a_cite_prefix_stays_outside(tmp_path) -> None:
    from citeproc import Citation

    from cslkit.rendering.adapter import CitationItemKeepingCase, build_source
    from cslkit.rendering.engine import Renderer, new_bibliography

    path = tmp_path / "prefix.csl"
    path.write_text(SEAM_STYLE.format(suffix="", prefix=" ", quotes="false", in_quote="true"), encoding="utf-8")
    source, _keys = build_source([{"id": "a", "type": "book", "title": "Title"}])
    bibliography = new_bibliography(Renderer().style(str(path)), source)
    citation = Citation([CitationItemKeepingCase("a", prefix="'quote', ", suffix=", \"end\".")])
    bibliography.register(citation)
    assert str(bibliography.cite(citation, lambda cite: None)) == "“quote”, Title, “end”."


TERM_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="{klass}" version="1.0">
  <info><title>Terms</title><id>urn:test:terms</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="; " suffix=".">
    <group delimiter=" "><text term="ibid"/><text variable="title"/></group>
  </layout></citation>
  <bibliography><layout><text term="in" suffix=" "/><text variable="title"/></layout></bibliography>
</style>
"""


def _terms_cited(tmp_path, klass: str, cites: list[tuple[str, str]]) -> str:
    from citeproc import Citation

    from cslkit.rendering.adapter import CitationItemKeepingCase, build_source
    from cslkit.rendering.engine import Renderer, new_bibliography

    path = tmp_path / f"terms-{klass}.csl"
    path.write_text(TERM_STYLE.format(klass=klass), encoding="utf-8")
    source, _keys = build_source([{"id": "a", "type": "book", "title": "Title"}])
    bibliography = new_bibliography(Renderer().style(str(path)), source)
    citation = Citation([CitationItemKeepingCase(key, prefix=prefix) for key, prefix in cites])
    bibliography.register(citation)
    return str(bibliography.cite(citation, lambda cite: None))


def test_a_term_opening_a_note_citation_is_capitalized(tmp_path) -> None:
    assert _terms_cited(tmp_path, "note", [("a", "")]) == "Ibid. Title."
    # not after other text, nor in a later cite, nor after a one-word prefix ("cf.")
    assert _terms_cited(tmp_path, "note", [("a", "See ")]) == "See ibid. Title."
    assert _terms_cited(tmp_path, "note", [("a", ""), ("a", "")]) == "Ibid. Title; ibid. Title."
    assert _terms_cited(tmp_path, "note", [("a", "Cf. ")]) == "Cf. ibid. Title."
    # a prefix that ends a sentence starts anew
    assert _terms_cited(tmp_path, "note", [("a", ""), ("a", "As shown before. ")]) == (
        "Ibid. Title; As shown before. Ibid. Title.")
    # in-text citations keep the term as the locale writes it
    assert _terms_cited(tmp_path, "in-text", [("a", "")]) == "ibid. Title."


def test_a_term_opening_a_bibliography_entry_is_capitalized(tmp_path) -> None:
    path = tmp_path / "terms.csl"
    path.write_text(TERM_STYLE.format(klass="in-text"), encoding="utf-8")
    assert cslkit.render([{"id": "a", "type": "book", "title": "Title"}], style=str(path)) == ["In Title"]


def test_display_groups_are_set_off_by_a_space(tmp_path) -> None:
    path = tmp_path / "display.csl"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Display</title><id>urn:test:display</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix=".">
    <group display="block"><names variable="author"><name/></names></group>
    <group display="left-margin"><date variable="issued"><date-part name="year"/></date></group>
    <group display="right-inline"><text variable="title" font-style="italic"/></group>
  </layout></bibliography>
</style>""", encoding="utf-8")
    item = {"id": "a", "type": "book", "title": "Title", "author": [{"family": "Doe", "given": "John"}],
            "issued": {"date-parts": [[1999]]}}
    assert cslkit.render([item], style=str(path), format="html") == ["John Doe 1999 <i>Title</i>."]


def test_style_affixes_and_delimiters_are_text_not_markup(tmp_path) -> None:
    path = tmp_path / "affix.csl"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Affix</title><id>urn:test:affix</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><group delimiter=" &lt;b&gt; ">
    <text variable="title"/><text variable="URL" prefix="&lt;" suffix="&gt;"/>
  </group></layout></citation>
</style>""", encoding="utf-8")
    item = {"id": "a", "type": "webpage", "title": "Page", "URL": "http://x.org/a?b=1&c=2"}
    assert cslkit.cite([item], ["a"], style=str(path)) == ["Page <b> <http://x.org/a?b=1&c=2>"]
    assert cslkit.cite([item], ["a"], style=str(path), format="html") == [
        "Page &lt;b&gt; &lt;http://x.org/a?b=1&amp;c=2&gt;"]


def test_quotes_in_a_locator_take_the_period_in_and_sub_verbo_is_labelled(tmp_path) -> None:
    from citeproc import Citation, Locator

    from cslkit.rendering.adapter import CitationItemKeepingCase, build_source
    from cslkit.rendering.engine import Renderer, new_bibliography

    path = tmp_path / "locator.csl"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Locator</title><id>urn:test:locator</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout suffix="." delimiter="; ">
    <text variable="title"/>
    <group prefix=", " delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>
  </layout></citation>
</style>""", encoding="utf-8")
    source, _keys = build_source([{"id": "a", "type": "entry-dictionary", "title": "Dictionary"}])
    bibliography = new_bibliography(Renderer().style(str(path)), source)
    citation = Citation([CitationItemKeepingCase("a", locator=Locator("sub verbo", '"gargoyle"'))])
    bibliography.register(citation)
    assert str(bibliography.cite(citation, lambda cite: None)) == "Dictionary, s.v. “gargoyle.”"
