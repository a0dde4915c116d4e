"""Numbers, ordinals, terms and item variables as CSL 1.0.2 defines them (fixes in
cslkit/rendering/ordinals.py and adapter.py that citeproc-py 0.11.1 lacked)."""

from __future__ import annotations

import pytest

import cslkit

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="{locale}">
  <info><title>Numbers test</title><id>urn:test:numbers</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  {locales}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>{layout}</layout></bibliography>
</style>
"""


@pytest.fixture
def render(tmp_path):
    def run(layout: str, items: list[dict], locale: str = "en-US", locales: str = "", **options) -> list[str]:
        path = tmp_path / "numbers.csl"
        path.write_text(STYLE.format(locale=locale, locales=locales, layout=layout), encoding="utf-8")
        return cslkit.render(items, style=str(path), **options)

    return run


def book(item_id: str = "b", **fields) -> dict:
    return {"id": item_id, "type": "book", "title": "T", **fields}


ORDINALS = '<number variable="edition" form="ordinal"/><text value="|"/><number variable="issue" form="ordinal"/>'


def test_ordinals_take_the_gender_of_the_numbered_term(render) -> None:
    locales = """<locale><terms>
      <term name="ordinal">.ª</term>
      <term name="ordinal-01" gender-form="masculine">.º</term>
      <term name="ordinal-01" gender-form="feminine">.ª</term>
      <term name="ordinal-02" gender-form="masculine">.ºº</term>
      <term name="issue" gender="masculine">issue</term>
      <term name="edition" gender="feminine">edition</term>
    </terms></locale>"""
    items = [book("a", edition="1", issue="1"), book("b", edition="2", issue="2"), book("c", edition="3", issue="3")]
    assert render(ORDINALS, items, locales=locales) == ["1.ª|1.º", "2.ª|2.ºº", "3.ª|3.ª"]
    # (the locale file's "st"/"nd"/"rd" are not mixed in: a style defining ordinals replaces them all)


def test_russian_ordinals_agree_with_masculine_and_neuter_terms(render) -> None:
    layout = '<number variable="edition" form="ordinal"/><text value=" "/><number variable="volume" form="long-ordinal"/>'
    # ru-RU: "volume" is masculine, "edition" has no gender (neuter)
    assert render(layout, [book(edition="3", volume="2")], locale="ru-RU") == ["3-е второй"]


def test_ordinal_match_attributes(render) -> None:
    locales = """<locale><terms>
      <term name="ordinal">x</term>
      <term name="ordinal-01" match="whole-number">W</term>
      <term name="ordinal-02" match="last-two-digits">L</term>
      <term name="ordinal-03">D</term>
      <term name="ordinal-13">T</term>
    </terms></locale>"""
    layout = '<number variable="edition" form="ordinal"/>'
    numbers = ["1", "21", "2", "102", "112", "3", "23", "13", "113"]
    got = render(layout, [book(n, edition=n) for n in numbers], locales=locales)
    assert got == ["1W", "21x", "2L", "102L", "112x", "3D", "23D", "13T", "113T"]


def test_csl_1_0_ordinal_scheme_without_an_ordinal_term(render) -> None:
    locales = """<locale><terms>
      <term name="ordinal-01">a</term><term name="ordinal-02">b</term>
      <term name="ordinal-03">c</term><term name="ordinal-04">d</term>
    </terms></locale>"""
    numbers = ["1", "11", "22", "13", "5", "103"]
    got = render('<number variable="edition" form="ordinal"/>', [book(n, edition=n) for n in numbers], locales=locales)
    assert got == ["1a", "11d", "22b", "13d", "5d", "103c"]


DAY = """<date variable="issued" delimiter=" ">
  <date-part name="day" form="ordinal" range-delimiter="-"/>
  <date-part name="month" range-delimiter="-"/>
  <date-part name="year" range-delimiter="-"/>
</date>"""


def test_day_ordinals_limited_to_day_one_take_the_month_gender(render) -> None:
    items = [book("a", issued={"date-parts": [[2004, 10, 1], [2004, 10, 14]]}),
             book("b", issued={"date-parts": [[2004, 10, 14], [2004, 11, 1]]})]
    # fr-FR: months are masculine ("1ᵉʳ", not the feminine "1ʳᵉ"), ordinals only on day 1
    assert render(DAY, items, locale="fr-FR") == ["1ᵉʳ-14 octobre 2004", "14 octobre-1ᵉʳ novembre 2004"]


def test_a_locale_option_set_later_in_the_fallback_order_still_counts(render) -> None:
    # the style's locale sets one option; fr-FR's limit-day-ordinals-to-day-1 still applies
    locales = '<locale xml:lang="fr"><style-options punctuation-in-quote="true"/></locale>'
    items = [book("a", issued={"date-parts": [[2004, 10, 2]]})]
    assert render(DAY, items, locale="fr-FR", locales=locales) == ["2 octobre 2004"]


def test_variables_written_in_the_note_fill_missing_fields(render) -> None:
    layout = ('<group delimiter=", "><text variable="reviewed-title"/><text variable="genre"/>'
              '<names variable="reviewed-author"><label form="verb-short" suffix=" "/>'
              '<name initialize-with="."/></names>'
              '<date variable="original-date"><date-part name="year"/></date><text variable="note"/></group>')
    item = book(note="reviewed-title: Decrease of potential\nreviewed-author: Hall || W.C.\nnot-a-variable: x\n"
                     "original-date: 1901-05-02\ntitle: kept, the item has one\nFree {:genre: Commentary}text\n"
                     "publisher: not read after free text")
    # verb-short falls back to the verb form ("by") when the locale has no verb-short term
    assert render(layout, [item]) == ["Decrease of potential, Commentary, by W.C. Hall, 1901, title: kept, the item "
                                      "has one\nFree text\npublisher: not read after free text"]


def test_an_ampersand_between_pages_is_the_locale_and_symbol(render) -> None:
    locales = '<locale><terms><term name="and" form="symbol">und</term></terms></locale>'
    layout = '<group delimiter=" "><label variable="page"/><text variable="page"/></group>'
    assert render(layout, [book(page="213&235")], locales=locales) == ["pages 213 und 235"]


def test_a_default_locale_no_locale_file_has_still_gets_the_style_terms(render) -> None:
    locales = '<locale xml:lang="gx"><terms><term name="editor">redaktor</term></terms></locale>'
    layout = '<names variable="editor translator" delimiter="; "><label prefix=" (" suffix=")"/></names>'
    items = [book(editor=[{"family": "Doe", "given": "John"}], translator=[{"family": "Roe", "given": "Jane"}])]
    # the other terms come from en-US
    assert render(layout, items, locale="gx", locales=locales) == ["John Doe (redaktor); Jane Roe (translator)"]


def test_a_term_of_only_line_breaks_and_indentation_is_empty(render) -> None:
    locales = '<locale><terms><term name="and others">\n      </term></terms></locale>'
    layout = ('<names variable="author" suffix=". "><name et-al-min="2" et-al-use-first="1"/>'
              '<et-al term="and others"/></names><text variable="title"/>')
    items = [book(author=[{"family": "Doe", "given": "J"}, {"family": "Roe", "given": "K"}])]
    assert render(layout, items, locales=locales) == ["J Doe. T"]


def test_number_parts_with_their_own_label_print_the_term(render) -> None:
    layout = '<number variable="edition" form="ordinal"/>'
    assert render(layout, [book(edition="7, p. 3-8")]) == ["7th, pp. 3\u20138"]


def test_a_locator_written_with_its_own_label_takes_it(tmp_path) -> None:
    from citeproc import Citation, Locator

    from cslkit.rendering.adapter import CitationItemKeepingCase, build_source
    from cslkit.rendering.engine import LoadedStyle, new_bibliography
    from cslkit.rendering.formats import text
    from cslkit.rendering.styles import ResolvedStyle

    layout = ('<group delimiter=" "><label variable="locator" form="short"/>'
              '<text variable="locator"/></group>')
    style = STYLE.format(locale="en-US", locales="", layout="<text variable='title'/>").replace(
        '<citation><layout><text variable="title"/></layout></citation>',
        f'<citation><layout delimiter="; ">{layout}</layout></citation>')
    loaded = LoadedStyle(ResolvedStyle(name="t", path=tmp_path / "t.csl", data=style.encode(), trusted=True,
                                       default_locale=None, item_locales=False), None, None)
    source, keys = build_source([book()])
    bibliography = new_bibliography(loaded, source)
    marks = []
    for locator in ("vol. 1, fol. 186, 8 April 1544", "12-14", "vol. 2-3"):
        citation = Citation([CitationItemKeepingCase(keys[0], locator=Locator("page", locator))])
        bibliography.register(citation)
        marks.append(text.convert(str(bibliography.cite(citation, lambda cite: None))))
    # the label's plural counts the numbers up to the next label ("1", not "1, … 186")
    assert marks == ["vol. 1, fol. 186, 8 April 1544", "pp. 12\u201314", "vols. 2\u20133"]


def test_names_a_substitute_printed_are_not_printed_again_within_it(render) -> None:
    layout = """<group delimiter=". ">
      <names variable="translator">
        <substitute>
          <group delimiter=" ">
            <names variable="editor"/>
            <names variable="editor"><label form="short"/></names>
            <text variable="title" font-style="italic"/>
          </group>
        </substitute>
      </names>
      <text variable="title"/>
    </group>"""
    item = book(title="Atlas", editor=[{"family": "Doe", "given": "Jane"}])
    assert render(layout, [item], format="html") == ["Jane Doe <i>Atlas</i>"]


def test_hyphenated_number_variables_render_and_agree_in_gender(render) -> None:
    # ru-RU: "number-of-pages" is feminine (citeproc-py never found the hyphenated variable)
    layout = '<number variable="number-of-pages" form="ordinal"/>'
    assert render(layout, [book(**{"number-of-pages": "21"})], locale="ru-RU") == ["21-я"]


def test_a_page_range_after_a_written_label_takes_the_page_range_delimiter(render) -> None:
    layout = '<number variable="edition"/>'
    assert render(layout, [book(edition="2, p. 3-8")], locale="uk-UA") == ["2, С. 3\u20148"]


def test_a_shorthand_names_in_a_substitute_choose_inherits_name_and_label(render) -> None:
    layout = """<names variable="author">
      <name name-as-sort-order="first" initialize-with=". "/>
      <label form="short" prefix=", "/>
      <substitute>
        <choose><if type="book"><names variable="editor"/></if></choose>
      </substitute>
    </names>"""
    items = [book(editor=[{"family": "Ahmed", "given": "Karim"}])]
    assert render(layout, items) == ["Ahmed, K., ed."]
