"""In-field markup and formatting that turns formatting off (citeproc-js "flip-flop"):
cslkit/rendering/adapter.py (``_rich_string``, ``_Adapted.format``) and
cslkit/rendering/formats/ (``markup.runs``, ``html.convert``)."""

from __future__ import annotations

import cslkit

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Flip</title><id>urn:test:flip</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout>{layout}</layout></citation>
</style>
"""


def _cite(tmp_path, layout: str, title: str, fmt: str = "html") -> str:
    path = tmp_path / "flip.csl"
    path.write_text(STYLE.format(layout=layout), encoding="utf-8")
    return cslkit.cite([{"id": "a", "type": "book", "title": title}], ["a"], style=str(path), format=fmt)[0]


def test_a_tag_without_its_partner_is_text(tmp_path) -> None:
    assert _cite(tmp_path, '<text variable="title"/>', "One</i> Two <b>Three") == "One&lt;/i&gt; Two &lt;b&gt;Three"
    assert _cite(tmp_path, '<text variable="title"/>', "<i>One</i> Two</i>") == "<i>One</i> Two&lt;/i&gt;"


def test_italics_three_levels_deep_nest_as_written(tmp_path) -> None:
    html = _cite(tmp_path, '<text variable="title" font-style="italic"/>', "One <i>Two <i>Three</i> Four</i> Five")
    assert html == '<i>One <span style="font-style:normal;">Two <i>Three</i> Four</span> Five</i>'


def test_small_caps_in_small_caps_print_normal_inside_one_span(tmp_path) -> None:
    html = _cite(tmp_path, '<text variable="title" font-variant="small-caps"/>',
                 'His <span style="font-variant:small-caps;">Anonymous</span> Life')
    assert html == ('<span style="font-variant:small-caps;">His <span style="font-variant:normal;">'
                    'Anonymous</span> Life</span>')


def test_nodecor_turns_the_formatting_around_it_off_and_keeps_its_case(tmp_path) -> None:
    layout = '<text variable="title" font-style="italic" text-case="capitalize-all"/>'
    title = 'lessard <span class="nodecor">v.</span> schmidt'
    assert _cite(tmp_path, layout, title) == '<i>Lessard <span style="font-style:normal;">v.</span> Schmidt</i>'
    assert _cite(tmp_path, layout, title, fmt="markdown") == "*Lessard* v. *Schmidt*"
    # with no formatting around it there is nothing to turn off
    assert _cite(tmp_path, '<text variable="title"/>', title) == "lessard v. schmidt"


def test_font_style_normal_turns_italics_off_only_inside_italics(tmp_path) -> None:
    inside = '<group font-style="italic"><text variable="title" font-style="normal"/></group>'
    assert _cite(tmp_path, inside, "Title") == '<i><span style="font-style:normal;">Title</span></i>'
    assert _cite(tmp_path, inside, "Title", fmt="rtf") == "Title"
    assert _cite(tmp_path, '<text variable="title" font-style="normal"/>', "Title") == "Title"
    baseline = '<group vertical-align="sup"><text value="x"/><text variable="title" vertical-align="baseline"/></group>'
    assert _cite(tmp_path, baseline, "Title", fmt="rtf") == r"{\super x}Title"


def test_markup_in_a_style_value_is_formatting(tmp_path) -> None:
    layout = '<text value="&lt;b&gt;friend&lt;/b&gt; &amp; foe" prefix="Speak, " font-weight="bold"/>'
    assert _cite(tmp_path, layout, "T") == 'Speak, <b><span style="font-weight:normal;">friend</span> &amp; foe</b>'


def test_cite_prefix_markup_is_kept_and_its_text_escaped(tmp_path) -> None:
    from citeproc import Citation

    from cslkit.rendering.adapter import CitationItemKeepingCase, build_source
    from cslkit.rendering.engine import Renderer, new_bibliography
    from cslkit.rendering.formats import html

    path = tmp_path / "flip.csl"
    path.write_text(STYLE.format(layout='<text variable="title"/>'), encoding="utf-8")
    source, _keys = build_source([{"id": "a", "type": "book", "title": "Title"}])
    bibliography = new_bibliography(Renderer().style(str(path)), source)
    citation = Citation([CitationItemKeepingCase("a", prefix="<sc>See</sc> <script>x & y ")])
    bibliography.register(citation)
    assert html.convert(str(bibliography.cite(citation, lambda cite: None))) == (
        '<span style="font-variant:small-caps;">See</span> &lt;script&gt;x &amp; y Title')


QUOTES_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="{locale}">
  <info><title>Quotes</title><id>urn:test:quotes</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title" quotes="{quotes}"/></layout></citation>
</style>
"""


def _quoted(tmp_path, locale: str, title: str, quotes: bool = False) -> str:
    path = tmp_path / f"quotes-{locale}.csl"
    path.write_text(QUOTES_STYLE.format(locale=locale, quotes=str(quotes).lower()), encoding="utf-8")
    return cslkit.cite([{"id": "a", "type": "book", "title": title}], ["a"], style=str(path))[0]


def test_field_quotes_take_the_locale_marks_and_flip_inside_quotes(tmp_path) -> None:
    assert _quoted(tmp_path, "en-US", 'A "quoted" word') == "A “quoted” word"
    assert _quoted(tmp_path, "en-GB", 'A "quoted" word') == "A ‘quoted’ word"
    assert _quoted(tmp_path, "en-GB", "A 'quoted' word", quotes=True) == "‘A “quoted” word’"
    assert _quoted(tmp_path, "uk-UA", 'Журнал "Здоров\'я"') == "Журнал «Здоров’я»"
    assert _quoted(tmp_path, "fr-FR", "Life's 'Little' Surprises", quotes=True) == (
        "«\u00a0Life’s “Little” Surprises\u00a0»")


def test_written_typographic_quotes_keep_their_kind_and_orphans_stay(tmp_path) -> None:
    assert _quoted(tmp_path, "en-US", "Meaning ‘God willing’ here") == "Meaning ‘God willing’ here"
    assert _quoted(tmp_path, "en-US", "Meaning “God ‘willing’” here", quotes=True) == (
        "“Meaning ‘God “willing”’ here”")
    # a quote with a space inside it is no closing quote: both marks stay as typed
    assert _quoted(tmp_path, "en-US", 'Nation of "Positive Obligations " of State') == (
        'Nation of "Positive Obligations " of State')


def test_superscript_characters_print_as_sup_in_html(tmp_path) -> None:
    assert _cite(tmp_path, '<text variable="title"/>', "Brand\u2122 1\u02b3\u1d49 \u02c0") == (
        "Brand<sup>TM</sup> 1<sup>r</sup><sup>e</sup> <sup>\u0294</sup>")
