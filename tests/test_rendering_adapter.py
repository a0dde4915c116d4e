"""One test per citeproc-py deviation the adapter (cslkit/rendering/adapter.py) fixes."""

from __future__ import annotations

import pytest

import cslkit
from cslkit.rendering.collation import collation_key


def article(item_id: str = "a1", **fields) -> dict:
    item = {
        "id": item_id,
        "type": "article-journal",
        "title": "Blood pressure in children",
        "container-title": "J Hypertens",
        "author": [{"family": "Smith", "given": "John"}],
        "issued": {"date-parts": [[2015, 6]]},
        "volume": "12",
        "issue": "3",
        "page": "123-129",
    }
    item.update(fields)
    return item


def test_space_after_citation_number_with_second_field_align() -> None:
    assert cslkit.render([article()])[0].startswith("1. Smith J.")


def test_localized_date_keeps_the_locale_delimiter() -> None:
    assert "2015 Jun;12(3)" in cslkit.render([article()])[0]


def test_no_period_after_a_question_mark() -> None:
    entry = cslkit.render([article(title="Is it safe?")])[0]
    assert "Is it safe? J Hypertens." in entry


def test_no_period_after_a_question_mark_inside_italics() -> None:
    entry = cslkit.render([article(title="Is <i>it</i> safe<i>?</i>")], format="html")[0]
    assert "safe<i>?</i> J Hypertens" in entry


def test_apostrophes_are_typographic_but_urls_untouched() -> None:
    item = article(author=[{"family": "O'Brien", "given": "Sean"}], URL="https://x.org/it's")
    entry = cslkit.render([item])[0]
    assert "O\u2019Brien S" in entry


def test_consecutive_citation_numbers_collapse() -> None:
    items = [article(f"i{n}") for n in range(1, 6)]
    marks = cslkit.cite(items, [["i1", "i3", "i2", "i4", "i5"], ["i1", "i2", "i3", "i5"], ["i4", "i5"]])
    assert marks == ["(1\u20135)", "(1\u20133,5)", "(4,5)"]


def test_html_escapes_text_and_keeps_only_known_markup() -> None:
    item = article(title='Salt & <script>alert("x")</script> in <i>Homo sapiens</i>')
    entry = cslkit.render([item], format="html")[0]
    assert "Salt &amp; &lt;script&gt;alert(\u201cx\u201d)&lt;/script&gt; in <i>Homo sapiens</i>" in entry
    assert "<script>" not in entry


def test_ids_differing_only_in_case_are_two_items() -> None:
    entries = cslkit.render([article("ABC", title="First"), article("abc", title="Second")])
    assert len(entries) == 2
    assert "First" in entries[0] and "Second" in entries[1]
    assert cslkit.cite([article("ABC"), article("abc")], ["abc"]) == ["(1)"]


def test_year_suffixes_disambiguate_same_author_and_year() -> None:
    items = [article("b", title="Beta"), article("a", title="Alpha"), article("c", author=[{"family": "Jones", "given": "K"}])]
    entries = cslkit.render(items, style="apa")
    assert entries[1].startswith("Smith, J. (2015a). Alpha")
    assert entries[2].startswith("Smith, J. (2015b). Beta")
    assert cslkit.cite(items, [["b"], ["a"]], style="apa") == ["(Smith, 2015b)", "(Smith, 2015a)"]
    # only cited items take part: a lone Smith 2015 needs no suffix
    assert cslkit.cite(items, [["b"]], style="apa") == ["(Smith, 2015)"]


def test_ukrainian_alphabetical_order() -> None:
    families = ["Яковенко", "Ґудзь", "Гуць", "Єрмак", "Євтух", "Іванов", "Їжак", "Йосипенко", "Ильїн"]
    items = [article(f"u{n}", author=[{"family": f, "given": "А"}]) for n, f in enumerate(families)]
    entries = cslkit.render(items, style="apa")
    order = [e.split(",")[0] for e in entries]
    assert order == ["Гуць", "Ґудзь", "Євтух", "Єрмак", "Ильїн", "Іванов", "Їжак", "Йосипенко", "Яковенко"]


def test_collation_puts_latin_before_cyrillic_and_ignores_accents() -> None:
    words = ["Ярош", "Émile", "Zhang", "Abel", "Ёлкин", "Елагин"]
    assert sorted(words, key=collation_key) == ["Abel", "Émile", "Zhang", "Елагин", "Ёлкин", "Ярош"]


def test_substituted_editors_are_not_printed_twice() -> None:
    book = {"id": "b", "type": "book", "title": "Clinical pharmacology", "publisher": "Elsevier",
            "publisher-place": "London", "issued": {"date-parts": [[2010]]},
            "editor": [{"family": "Lee", "given": "Kim"}]}
    assert cslkit.render([book]) == ["1. Lee K, editor. Clinical pharmacology. London: Elsevier; 2010."]


def test_number_of_pages_keeps_its_label() -> None:
    book = {"id": "b", "type": "book", "title": "Atlas", "publisher": "Elsevier", "publisher-place": "London",
            "issued": {"date-parts": [[2010]]}, "author": [{"family": "Lee", "given": "Kim"}],
            "number-of-pages": "543"}
    assert cslkit.render([book])[0].endswith("2010. 543 p.")


ITEM_TERMS_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="uk-UA">
  <info>
    <title>Item terms test</title>
    <id>urn:test:item-terms</id>
    <link href="urn:cslkit:item-locales" rel="documentation"/>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
  <locale xml:lang="uk"><terms><term name="page" form="short">С.</term></terms></locale>
  <locale xml:lang="ru"><terms><term name="page" form="short">С.</term></terms></locale>
  <locale xml:lang="en"><terms><term name="page" form="short">P.</term></terms></locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout>
      <names variable="author"><name et-al-min="2" et-al-use-first="1"/></names>
      <text variable="title" prefix=" "/>
      <group delimiter=" " prefix=" – "><label variable="page" form="short" plural="never"/><text variable="page"/></group>
    </layout>
  </bibliography>
</style>
"""


@pytest.fixture
def item_terms_style(tmp_path):
    path = tmp_path / "item-terms.csl"
    path.write_text(ITEM_TERMS_STYLE, encoding="utf-8")
    return path


def test_each_item_gets_the_terms_of_its_own_language(item_terms_style) -> None:
    two = [{"family": "Коваленко", "given": "Ю."}, {"family": "Петренко", "given": "П."}]
    items = [
        article("uk", language="uk", title="Назва", author=two, page="5"),
        article("ru", language="ru-RU", title="Название", author=two, page="5"),
        article("en", language="English", title="Title", author=two, page="5"),
        article("none", title="Без мови", author=two, page="5"),
    ]
    entries = cslkit.render(items, style=str(item_terms_style))
    assert entries[0] == "Ю. Коваленко та ін. Назва – С. 5"
    assert entries[1] == "Ю. Коваленко и др. Название – С. 5"
    assert entries[2] == "Ю. Коваленко et al. Title – P. 5"
    assert entries[3] == "Ю. Коваленко та ін. Без мови – С. 5"  # the document locale


def test_item_locales_can_be_switched_off(item_terms_style) -> None:
    items = [article("en", language="en", title="Title", page="5")]
    assert cslkit.render(items, style=str(item_terms_style), item_locales=False) == ["John Smith Title – С. 5"]


def test_page_range_formats_follow_the_style() -> None:
    from cslkit.rendering.adapter import format_page_ranges

    assert format_page_ranges("321-8", "expanded", "\u2013") == "321\u2013328"
    assert format_page_ranges("1536-1538", "minimal", "\u2013") == "1536\u20138"
    assert format_page_ranges("1100-1123", "chicago-16", "\u2013") == "1100\u20131123"
    assert format_page_ranges("N110-N5", "expanded", "\u2013") == "N110\u2013N115"
    assert format_page_ranges("N110-5", "expanded", "\u2013") == "N110-5"  # not one prefix: as written
    assert format_page_ranges("xxv-xxviii", None, "\u2013") == "xxv\u2013xxviii"
    assert format_page_ranges("12-15, 17&19", None, "\u2013") == "12\u201315, 17 & 19"


def test_title_case_keeps_stop_words_capitals_and_nocase() -> None:
    from citeproc.string import MixedString, NoCase, String

    from cslkit.rendering.textcase import apply

    assert str(apply(String("out-of-fashion initiatives: a second story"), "title")) == (
        "Out-of-Fashion Initiatives: A Second Story"
    )
    mixed = MixedString([String("a study of "), NoCase("mRNA"), String(" in the UK")])
    assert str(apply(mixed, "title")) == "A Study of mRNA in the UK"
    assert str(apply(String("A Pen That Is Mine"), "sentence")) == "A pen that is mine"


AUTHOR_DATE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Author-date test</title><id>urn:test:ad</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation et-al-min="3" et-al-use-first="1" disambiguate-add-names="true"
            disambiguate-add-year-suffix="true" collapse="year-suffix" year-suffix-delimiter=", ">
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short" and="symbol" delimiter=", "/></names>
        <group><date variable="issued"><date-part name="year"/></date><text variable="year-suffix"/></group>
      </group>
    </layout>
  </citation>
</style>
"""


def test_disambiguation_adds_names_then_year_suffixes_and_collapses(tmp_path) -> None:
    path = tmp_path / "ad.csl"
    path.write_text(AUTHOR_DATE, encoding="utf-8")

    def item(item_id: str, families: list[str], year: int = 2000) -> dict:
        return {"id": item_id, "type": "book", "title": item_id, "issued": {"date-parts": [[year]]},
                "author": [{"family": f, "given": "A"} for f in families]}

    items = [
        item("a", ["Smith", "Brown", "Jones"]),
        item("b", ["Smith", "Benson", "Jones"]),
        item("c", ["Doe"]),
        item("d", ["Doe"]),
    ]
    marks = cslkit.cite(items, [["a", "b"], ["c", "d"]], style=str(path))
    assert marks == ["(Smith, Brown, et al. 2000; Smith, Benson, et al. 2000)", "(Doe 2000a, b)"]


def test_a_title_substituted_for_the_author_is_not_printed_twice() -> None:
    book = {"id": "b", "type": "book", "title": "Lessard v. Schmidt", "issued": {"date-parts": [[2001]]}}
    assert cslkit.render([book], style="apa") == ["Lessard v. Schmidt. (2001)."]
    anonymous = article("x", title="Heart failure")
    del anonymous["author"], anonymous["issue"]
    # the journal, volume and pages the substitute did not print stay in the entry
    assert cslkit.render([anonymous], style="apa") == ["Heart failure. (2015). J Hypertens, 12, 123–129."]


def test_nodecor_spans_in_titles_are_plain_text() -> None:
    item = article(title='Lessard <span class="nodecor">v.</span> Schmidt')
    assert "Lessard v. Schmidt" in cslkit.render([item], format="html")[0]


def test_group_with_only_a_fixed_value_left_is_suppressed() -> None:
    thesis = {"id": "t", "type": "thesis", "title": "Outcomes", "genre": "PhD thesis", "publisher": "Uni",
              "author": [{"family": "Lee", "given": "Kim"}], "issued": {"date-parts": [[2020]]}}
    assert cslkit.render([thesis], style="apa") == ["Lee, K. (2020). Outcomes [PhD thesis]. Uni."]
    assert "(Publication No. 12)" in cslkit.render([thesis | {"number": "12"}], style="apa")[0]


HOST_NAMES_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Host names</title><id>urn:test:host-names</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <text variable="title"/>
    <names variable="editorial-director container-author" delimiter="; " prefix=" / ">
      <name initialize-with="."/><label prefix=", " form="short"/>
    </names>
    <date variable="issued" prefix=". "><date-part name="year"/></date>
  </layout></bibliography>
</style>
"""


def test_hyphenated_name_variables_render(tmp_path) -> None:
    path = tmp_path / "host.csl"
    path.write_text(HOST_NAMES_STYLE, encoding="utf-8")
    item = {"id": "c", "type": "chapter", "title": "Chapter", "issued": {"date-parts": [[2009]]},
            "editorial-director": [{"family": "Kolomoiets", "given": "Tetiana"}],
            "container-author": [{"family": "Doe", "given": "Jane"}]}
    assert cslkit.render([item], style=str(path)) == ["Chapter / T. Kolomoiets, ed.; J. Doe. 2009"]


def test_date_range_within_one_year_prints_the_year(tmp_path) -> None:
    path = tmp_path / "host.csl"
    path.write_text(HOST_NAMES_STYLE, encoding="utf-8")
    item = {"id": "n", "type": "article-newspaper", "title": "News",
            "issued": {"date-parts": [[2017, 10, 20], [2017, 10, 26]]}}
    assert cslkit.render([item], style=str(path)) == ["News. 2017"]


def test_nested_quotes_alternate_double_and_single() -> None:
    nested = cslkit.render([article(title="The 'Amazing' \"Kid's\" Title", language="en")], style="apa")[0]
    assert "The “Amazing” “Kid’s” Title" in nested
    quoted = {"id": "c", "type": "chapter", "title": 'My "Amazing" Title', "container-title": "Book",
              "author": [{"family": "Lee", "given": "K"}], "issued": {"date-parts": [[2001]]}}
    # the style quotes the chapter title, so the field's quotes become single
    assert "“My ‘Amazing’ Title.”" in cslkit.render([quoted], style="chicago-author-date")[0]
    across_tags = article(title='It is official ("<i>My Title</i>") now')
    assert "(“<i>My Title</i>”)" in cslkit.render([across_tags], format="html")[0]


def test_name_part_formatting_applies_to_each_particle_word(tmp_path) -> None:
    path = tmp_path / "parts.csl"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Parts</title><id>urn:test:parts</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><names variable="author"><name>
    <name-part name="family" font-weight="bold" text-case="uppercase"/><name-part name="given" font-style="italic"/>
  </name></names></layout></citation>
</style>""", encoding="utf-8")
    item = {"id": "m", "type": "book", "author": [{"family": "Meer", "given": "Gerard", "non-dropping-particle": "van"}]}
    assert cslkit.cite([item], ["m"], style=str(path), format="html") == ["<i>Gerard</i> <b>VAN</b> <b>MEER</b>"]


def test_italics_inside_italics_print_upright() -> None:
    book = {"id": "b", "type": "book", "title": "The voyage of the <i>Beagle</i>", "publisher": "Murray",
            "author": [{"family": "Darwin", "given": "Charles"}], "issued": {"date-parts": [[1839]]}}
    entry = cslkit.render([book], style="apa", format="html")[0]
    assert '<i>The voyage of the <span style="font-style:normal;">Beagle</span></i>' in entry
    assert "*The voyage of the* Beagle." in cslkit.render([book], style="apa", format="markdown")[0]
    from cslkit.rendering.formats.markup import tokens

    runs = list(tokens('<i>My <span style="font-style:normal;">Amazing</span> Title</i>'))
    assert [(text, "italic" in flags) for text, flags in runs] == [("My ", True), ("Amazing", False), (" Title", True)]


CITE_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Cites</title><id>urn:test:cites</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="; ">
    <text variable="title"/>
    <group prefix=", " delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>
  </layout></citation>
</style>
"""


def _cite_with_affixes(tmp_path, cites: list[tuple[str, dict]]) -> str:
    from citeproc import Citation, Locator

    from cslkit.rendering.adapter import CitationItemKeepingCase, build_source
    from cslkit.rendering.engine import Renderer, new_bibliography

    path = tmp_path / "cites.csl"
    path.write_text(CITE_STYLE, encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "Book A"}, {"id": "b", "type": "book", "title": "Book B"}]
    source, _keys = build_source(items)
    bibliography = new_bibliography(Renderer().style(str(path)), source)
    citation = Citation([
        CitationItemKeepingCase(key, **{k: Locator(*v) if k == "locator" else v for k, v in args.items()})
        for key, args in cites
    ])
    bibliography.register(citation)
    return str(bibliography.cite(citation, lambda cite: None))


def test_cite_prefix_starting_with_a_comma_replaces_the_delimiter(tmp_path) -> None:
    assert _cite_with_affixes(tmp_path, [("a", {}), ("b", {"prefix": ", cited in "})]) == "Book A, cited in Book B"


def test_spaced_hyphen_in_a_non_page_locator_is_a_range(tmp_path) -> None:
    assert _cite_with_affixes(tmp_path, [("a", {"locator": ("chapter", "200 - 201")})]) == "Book A, chaps. 200–201"


def test_period_moves_inside_inner_and_outer_quotes() -> None:
    quoted = {"id": "c", "type": "chapter", "title": "Meet 'The One'", "container-title": "Book",
              "author": [{"family": "Lee", "given": "K"}], "issued": {"date-parts": [[2001]]}}
    assert "“Meet ‘The One.’”" in cslkit.render([quoted], style="chicago-author-date")[0]
    apostrophe = quoted | {"title": "The dogs' dinner"}
    assert "“The Dogs’ Dinner.”" in cslkit.render([apostrophe], style="chicago-author-date")[0]


SUBSTITUTE_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Subsequent</title><id>urn:test:subsequent</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography subsequent-author-substitute="---"><sort><key variable="title"/></sort><layout suffix=".">
    <names variable="author editor"><name/><label prefix=" " form="short"/></names>
    <text variable="title" prefix=". "/>
  </layout></bibliography>
</style>
"""


def test_subsequent_author_substitute_compares_names_without_labels(tmp_path) -> None:
    path = tmp_path / "subsequent.csl"
    path.write_text(SUBSTITUTE_STYLE, encoding="utf-8")
    doe = [{"family": "Doe", "given": "John"}]
    items = [{"id": "a", "type": "book", "title": "A", "author": doe},
             {"id": "b", "type": "book", "title": "B", "editor": doe},
             {"id": "c", "type": "book", "title": "C", "author": doe}]
    assert cslkit.render(items, style=str(path)) == ["John Doe. A.", "--- ed. B.", "---. C."]


MACRO_AS_GROUP_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Macro group</title><id>urn:test:macro-group</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <macro name="container">
    <choose><if type="chapter"><text term="in" text-case="capitalize-first" suffix=" "/></if></choose>
    <text variable="container-title" font-style="italic"/>
  </macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><group delimiter=". "><text variable="title"/><text macro="container"/>
    <text variable="publisher"/></group></layout></bibliography>
</style>
"""


def test_a_macro_whose_variables_are_all_empty_prints_no_terms(tmp_path) -> None:
    path = tmp_path / "macro.csl"
    path.write_text(MACRO_AS_GROUP_STYLE, encoding="utf-8")
    chapter = {"id": "c", "type": "chapter", "title": "Gawain", "publisher": "UCP"}
    assert cslkit.render([chapter], style=str(path)) == ["Gawain. UCP."]
    in_book = chapter | {"container-title": "Tales"}
    assert cslkit.render([in_book], style=str(path)) == ["Gawain. In Tales. UCP."]


ANON_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Anon</title><id>urn:test:anon</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <macro name="anon">
    <choose><if variable="author editor" match="none">
      <text term="anonymous" form="short" text-case="capitalize-first" suffix="."/>
    </if></choose>
  </macro>
  <macro name="contributors">
    <names variable="author"><name/><substitute><names variable="editor"/></substitute></names>
    <text macro="anon"/>
  </macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <sort><key macro="contributors"/><key variable="title"/></sort>
    <layout><group delimiter=" "><text macro="contributors" suffix=":"/><text variable="title"/></group></layout>
  </bibliography>
</style>
"""


def test_a_macro_printing_only_a_term_keeps_the_macro_around_it(tmp_path) -> None:
    # citeproc-js counts what a called macro prints as printed, as for a nested group:
    # "Anon." prints after empty author names, and sorts as "Anon." (Econometrica)
    path = tmp_path / "anon.csl"
    path.write_text(ANON_STYLE, encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "Zeta", "author": [{"family": "Zorn", "given": "A"}]},
             {"id": "b", "type": "book", "title": "Beta"},
             {"id": "c", "type": "book", "title": "Alpha", "author": [{"family": "Adams", "given": "A"}]},
             {"id": "d", "type": "book", "title": "Gamma", "author": [{"family": "Baker", "given": "A"}]}]
    assert cslkit.render(items, style=str(path)) == [
        "A Adams: Alpha", "Anon.: Beta", "A Baker: Gamma", "A Zorn: Zeta"]


def test_subsequent_author_substitute_skips_a_substituted_term(tmp_path) -> None:
    # citeproc-js replaces a substituted variable ("Journal") but not a term ("Anon."),
    # and compares the entry after such an entry with the one before it (Serdica)
    style = SUBSTITUTE_STYLE.replace(
        '<names variable="author editor"><name/><label prefix=" " form="short"/></names>',
        '<names variable="author"><name/><substitute><names variable="editor"/><choose><if type="book">'
        '<text term="anonymous" form="short" text-case="capitalize-first"/></if>'
        '<else><text variable="container-title"/></else></choose></substitute></names>')
    path = tmp_path / "anon-substitute.csl"
    path.write_text(style, encoding="utf-8")
    ed = [{"family": "Ed", "given": "A"}]
    items = [{"id": "a", "type": "book", "title": "Alpha", "editor": ed},
             {"id": "b", "type": "book", "title": "Beta"},
             {"id": "c", "type": "book", "title": "Delta"},
             {"id": "d", "type": "book", "title": "Gamma", "editor": ed},
             {"id": "e", "type": "article-journal", "title": "Kappa", "container-title": "Journal"},
             {"id": "f", "type": "article-journal", "title": "Lambda", "container-title": "Journal"}]
    assert cslkit.render(items, style=str(path)) == [
        "A Ed. Alpha.", "Anon. Beta.", "Anon. Delta.", "---. Gamma.", "Journal. Kappa.", "---. Lambda."]


def test_character_references_escaped_twice_in_a_style_print_as_characters(tmp_path) -> None:
    # "&amp;#8211;" in a style file is the text "&#8211;": citeproc-js prints "–" (Behaviour)
    path = tmp_path / "entities.csl"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Entities</title><id>urn:test:entities</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <locale><terms><term name="in">in&amp;#160;the</term></terms></locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><group delimiter=" &amp;#x2013; ">
    <text variable="title"/>
    <text term="in" prefix="&amp;#8211; "/>
    <text variable="container-title"/>
  </group></layout></bibliography>
</style>
""", encoding="utf-8")
    item = {"id": "a", "type": "chapter", "title": "Gawain & Co", "container-title": "Tales"}
    assert cslkit.render([item], style=str(path)) == ["Gawain & Co – – in\u00a0the – Tales."]
    assert cslkit.render([item], style=str(path), format="html") == ["Gawain &amp; Co – – in\u00a0the – Tales."]
    chapter = {"id": "c", "type": "chapter", "title": "Gawain", "container-title": "Tales of old",
               "author": [{"family": "Lee", "given": "Ann"}], "issued": {"date-parts": [[2001]]}}
    assert "Gawain– In: Tales of old" in cslkit.render([chapter], style="behaviour")[0]
