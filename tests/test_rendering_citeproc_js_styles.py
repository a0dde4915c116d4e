"""Behaviours found by rendering the oracle corpus (tests/data/oracle/corpus.json) in widely
used styles with citeproc-js and cslkit and diffing the two (tools/oracle/README.md). Each
test states the string citeproc-js prints for a small style that isolates the cause."""

from __future__ import annotations

from pathlib import Path

import pytest

import cslkit

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="{locale}"{root}>
  <info><title>Oracle cause</title><id>urn:test:oracle-cause</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation{citation}><layout{citation_layout}>{cite}</layout></citation>
  <bibliography{bibliography}><layout>{layout}</layout></bibliography>
</style>
"""


@pytest.fixture
def style(tmp_path):
    def make(layout: str = '<text variable="title"/>', cite: str = '<text variable="title"/>',
             locale: str = "en-US", root: str = "", citation: str = "", bibliography: str = "",
             citation_layout: str = "") -> str:
        path = tmp_path / "cause.csl"
        path.write_text(STYLE.format(layout=layout, cite=cite, locale=locale, root=root, citation=citation,
                                     bibliography=bibliography, citation_layout=citation_layout),
                        encoding="utf-8")
        return str(path)

    return make


def test_second_field_align_keeps_the_first_fields_trailing_space(style) -> None:
    # citeproc-js's text output: the first field as rendered, then a space
    path = style(layout='<text variable="citation-number" suffix=". "/><text variable="title"/>',
                 bibliography=' second-field-align="flush"')
    assert cslkit.render([{"id": "a", "type": "book", "title": "Title"}], style=path) == ["1.  Title"]
    path = style(layout='<text variable="citation-number" suffix="."/><text variable="title"/>',
                 bibliography=' second-field-align="flush"')
    assert cslkit.render([{"id": "a", "type": "book", "title": "Title"}], style=path) == ["1. Title"]
    # the second field's own leading space stays too (Institute of Physics)
    path = style(layout='<text variable="citation-number" prefix="[" suffix="]"/><text variable="title" prefix=" "/>',
                 bibliography=' second-field-align="flush"')
    assert cslkit.render([{"id": "a", "type": "book", "title": "Title"}], style=path) == ["[1]  Title"]


@pytest.mark.parametrize(("issue", "expected"), [
    ("7 Suppl 3", "no. 7 Suppl 3"),  # one issue with its supplement (MLA, Chicago)
    ("10 Pt 1", "no. 10 Pt 1"),
    ("3-4", "nos. 3–4"),
    ("3, 5", "nos. 3, 5"),
    ("3 & 5", "nos. 3 & 5"),
])
def test_a_number_is_plural_only_when_a_joiner_links_two_numbers(style, issue, expected) -> None:
    path = style(layout='<group delimiter=" "><label variable="issue" form="short"/><text variable="issue"/></group>')
    item = {"id": "a", "type": "article-journal", "title": "T", "issue": issue}
    assert cslkit.render([item], style=path) == [expected]


@pytest.mark.parametrize(("volume", "expected"), [
    ("3-4", "3–4"), ("2013-001", "2013–001"), ("3 -4", "3–4"), ("12a-13", "12a–13"), ("ii-iv", "ii–iv"),
    ("3-4, 7-8", "3–4, 7–8"), ("A-4", "A-4"), ("10-A", "10-A"), ("3-4 Suppl", "3-4 Suppl"),
    ("Suppl 3-4", "Suppl 3-4"),
])
def test_a_hyphen_joining_two_numbers_in_a_number_variable_prints_as_a_dash(style, volume, expected) -> None:
    # citeproc-js reads volume, issue, number, edition ... as numbers even in cs:text
    path = style(layout='<text variable="volume"/><text variable="issue" prefix="|"/>')
    item = {"id": "a", "type": "article-journal", "title": "T", "volume": volume, "issue": volume}
    assert cslkit.render([item], style=path) == [f"{expected}|{expected}"]


def test_a_call_number_keeps_its_hyphen(style) -> None:
    path = style(layout='<text variable="call-number"/>')
    assert cslkit.render([{"id": "a", "type": "book", "call-number": "3-4"}], style=path) == ["3-4"]


def test_an_escaped_hyphen_in_a_number_prints_as_a_hyphen(style) -> None:
    # citeproc-js: "37\-38" is no range; printed "37-38" by cs:text and cs:number alike
    path = style(layout='<text variable="issue"/><number variable="volume" prefix="|"/>')
    item = {"id": "a", "type": "article-journal", "issue": "37\\-38", "volume": "3\\-4"}
    assert cslkit.render([item], style=path) == ["37-38|3-4"]


@pytest.mark.parametrize(("title", "expected"), [
    ("Prise en charge de l’asthme", "Prise En Charge de l’asthme"),  # Chicago, ACS, MLA, ASA
    ("l’asthme en charge", "L’asthme En Charge"),
    ("Don’t stop the children’s game", "Don’t Stop the Children’s Game"),
    ("The l’oréal case: l’asthme", "The l’oréal Case: L’asthme"),
    ("Rock ’n’ roll in the u’s", "Rock ’n’ Roll in the u’s"),
])
def test_title_case_reads_an_elided_article_as_a_single_letter(style, title, expected) -> None:
    path = style(layout='<text variable="title" text-case="title"/>')
    assert cslkit.render([{"id": "a", "type": "book", "title": title, "language": "en"}], style=path) == [expected]


AUTHORS = [{"family": "Smith", "given": "J."}, {"family": "Ivanova", "given": "O."}, {"literal": "Cochrane Group"}]


@pytest.mark.parametrize(("bibliography", "name", "expected"), [
    # Harvard Cite Them Right, Nature: cs:name says "never", the institution's and does not
    ("", 'and="text" delimiter-precedes-last="never"',
     ["J. Smith, O. Ivanova, and Cochrane Group", "J. Smith and Cochrane Group"]),
    ("", 'and="symbol" delimiter-precedes-last="always"',
     ["J. Smith, O. Ivanova, & Cochrane Group", "J. Smith & Cochrane Group"]),
    (' delimiter-precedes-last="always"', 'and="text" delimiter-precedes-last="never"',
     ["J. Smith, O. Ivanova, and Cochrane Group", "J. Smith, and Cochrane Group"]),
    (' delimiter-precedes-last="never"', 'and="text" delimiter="; "',
     ["J. Smith; O. Ivanova and Cochrane Group", "J. Smith and Cochrane Group"]),
])
def test_a_last_institution_takes_the_inherited_delimiter_precedes_last(style, bibliography, name, expected) -> None:
    path = style(layout=f'<names variable="author"><name {name}/></names>', bibliography=bibliography)
    items = [{"id": "a", "type": "book", "author": AUTHORS}, {"id": "b", "type": "book", "author": AUTHORS[::2]}]
    assert cslkit.render(items, style=path) == expected


PARTICLES = {"id": "a", "type": "book", "author": [{"family": "Souza", "given": "Olga", "non-dropping-particle": "de"}],
             "editor": [{"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}]}


@pytest.mark.parametrize(("locale", "expected"), [
    ("ru-RU", "O. de\u00a0Souza|Berg, J. van der"),  # GOST: a no-break space after the particle
    ("fr-FR", "O. de\u00a0Souza|Berg, J. van der"),
    ("en-US", "O. de Souza|Berg, J. van der"),
])
def test_particles_as_citeproc_js_joins_them(style, locale, expected) -> None:
    path = style(locale=locale, layout='<names variable="author"><name initialize-with=". "/></names>'
                 '<names variable="editor" prefix="|"><name name-as-sort-order="all" initialize-with=". "/></names>',
                 cite='<names variable="author"><name form="short" name-as-sort-order="all"/></names>')
    assert cslkit.render([PARTICLES], style=path) == [expected]
    # a short name in sort order is inverted too, its demoted particle after it
    assert cslkit.cite([PARTICLES], [["a"]], style=path) == ["Souza, de"]


@pytest.mark.parametrize(("kind", "expected"), [("thesis", "thesis branch"), ("book", "else")])
def test_the_types_of_one_condition_are_any_of_them_under_match_all(style, kind, expected) -> None:
    # ASA's publisher macro: <if type="thesis manuscript"> (match="all" by default)
    path = style(layout='<choose><if type="thesis manuscript"><text value="thesis branch"/></if>'
                        '<else><text value="else"/></else></choose>')
    assert cslkit.render([{"id": "a", "type": kind, "title": "T"}], style=path) == [expected]


def test_match_all_still_needs_every_attribute(style) -> None:
    path = style(layout='<choose><if type="thesis manuscript" variable="publisher"><text value="both"/></if>'
                        '<else><text value="else"/></else></choose>')
    assert cslkit.render([{"id": "a", "type": "thesis", "title": "T"}], style=path) == ["else"]


def test_a_macro_whose_taken_branch_printed_no_variable_prints_no_fixed_text(style) -> None:
    # Elsevier Harvard: the title macro, substituted for the missing author, prints the
    # title; called again, its title is suppressed and "[WWW Document]" goes with it
    macros = ('<macro name="title"><choose><if type="webpage"><text variable="title"/>'
              '<text value="WWW Document" prefix=" [" suffix="]"/></if></choose></macro>'
              '<macro name="date"><choose><if variable="issued"><date variable="issued" form="text"/></if>'
              '<else><text value="n.d."/></else></choose></macro>')
    layout = ('<names variable="author"><substitute><text macro="title"/></substitute></names>'
              '<text macro="date" prefix=", "/><text macro="title" prefix=". "/><text value="." prefix=" "/>')
    path = Path(style(layout=layout))
    path.write_text(path.read_text(encoding="utf-8").replace("<citation>", macros + "<citation>"), encoding="utf-8")
    item = {"id": "a", "type": "webpage", "title": "Guide"}
    # citeproc-js: "Guide [WWW Document], n.d. ." (a branch printing a value, not a
    # variable, keeps its macro only when that branch called no variable: "n.d.")
    assert cslkit.render([item], style=str(path)) == ["Guide [WWW Document], n.d. ."]


def test_subsequent_author_substitute_compares_the_names_shown_without_et_al(style) -> None:
    # MLA: "Brown, Sarah J., et al." after "Brown, Sarah J." prints "———"
    path = style(layout='<names variable="author"><name/></names><text variable="title" prefix=". "/>',
                 bibliography=' subsequent-author-substitute="---" et-al-min="3" et-al-use-first="1"')
    brown, cohen, lee = ({"family": f, "given": g} for f, g in (("Brown", "Sarah"), ("Cohen", "Oleg"), ("Lee", "Ann")))
    items = [{"id": "a", "type": "book", "title": "A", "author": [brown]},
             {"id": "b", "type": "book", "title": "B", "author": [brown, cohen, lee]},
             {"id": "c", "type": "book", "title": "C", "author": [brown, lee, cohen]},
             {"id": "d", "type": "book", "title": "D", "author": [brown, cohen]},
             {"id": "e", "type": "book", "title": "E", "author": [{"literal": "Brown Sarah"}]}]
    assert cslkit.render(items, style=path) == ["Sarah Brown. A", "---. B", "---. C", "Sarah Brown, Oleg Cohen. D",
                                                "Brown Sarah. E"]


def test_a_localized_year_in_a_macro_takes_its_year_suffix(style) -> None:
    # Frontiers: <date form="numeric" date-parts="year"/> in a macro crashed once a year
    # suffix was due (its layout was looked up from the locale's date format)
    year = '<date variable="issued" form="numeric" date-parts="year"/>'
    path = Path(style(layout='<group delimiter=" "><names variable="author"><name form="short"/></names>'
                             '<text macro="year"/><text variable="title"/></group>',
                      cite='<group delimiter=" "><names variable="author"><name form="short"/></names>'
                           '<text macro="year"/></group>',
                      citation=' disambiguate-add-year-suffix="true"', citation_layout=' delimiter="; "'))
    path.write_text(path.read_text(encoding="utf-8").replace(
        "<citation", f'<macro name="year">{year}</macro><citation', 1), encoding="utf-8")
    lee = [{"family": "Lee", "given": "Ann"}]
    items = [{"id": i, "type": "book", "title": i.upper(), "author": lee, "issued": {"date-parts": [[2001]]}}
             for i in ("a", "b")]
    assert cslkit.render(items, style=str(path)) == ["Lee 2001a A", "Lee 2001b B"]
    assert cslkit.cite(items, [["a", "b"]], style=str(path)) == ["Lee 2001a; Lee 2001b"]


def test_an_entry_has_no_trailing_space_from_an_affix(style) -> None:
    # PLOS ends its entries with a group whose suffix is ". "
    path = style(layout='<group suffix=". "><text variable="title"/></group>')
    assert cslkit.render([{"id": "a", "type": "book", "title": "Title"}], style=path) == ["Title."]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.example.org/health/6", "www.example.org"),  # Annual Reviews
    ("https://example.org/x", "https://example.org"),
    ("http://www.a.com", "www.a.com"),
    ("https://doi.org/10.1000/x.y/z", "https://doi.org/10.1000/x.y"),
])
def test_the_short_form_of_a_url_is_its_host(style, url, expected) -> None:
    path = style(layout='<text variable="URL" form="short"/>')
    assert cslkit.render([{"id": "a", "type": "webpage", "URL": url}], style=path) == [expected]


def test_an_undated_item_takes_its_year_suffix_after_the_year_it_was_accessed(style) -> None:
    # GOST, SAGE Harvard: "(дата обращения: 23.07.2004b)"
    path = style(layout='<group delimiter=". "><names variable="author"><name form="short"/></names>'
                        '<text variable="title"/><date variable="accessed" prefix="accessed ">'
                        '<date-part name="year"/></date></group>',
                 cite='<group delimiter=" "><names variable="author"><name form="short"/></names>'
                      '<date variable="issued"><date-part name="year"/></date></group>',
                 citation=' disambiguate-add-year-suffix="true"', citation_layout=' delimiter="; "')
    lee = [{"family": "Lee", "given": "Ann"}]
    items = [{"id": i, "type": "webpage", "title": i.upper(), "author": lee, "accessed": {"date-parts": [[y, 1, 2]]}}
             for i, y in (("a", 2020), ("b", 2021))]
    assert cslkit.render(items, style=path) == ["Lee. A. accessed 2020a", "Lee. B. accessed 2021b"]
    assert cslkit.cite(items, [["a", "b"]], style=path) == ["Lee; Lee"]


@pytest.mark.parametrize(("layout", "expected"), [
    # ISO 690 numeric: the number in the left margin, then the entry
    ('<text variable="citation-number" display="left-margin" suffix=". "/>'
     '<group display="right-inline"><text variable="title" suffix=". "/><text variable="publisher"/></group>',
     "1.  T. P"),
    ('<text variable="citation-number" display="left-margin" suffix=". "/>'
     '<group><text variable="title" suffix=". "/><text variable="publisher"/></group>', "1.  T. P"),
    ('<group display="block"><text variable="citation-number" suffix=". "/></group>'
     '<group display="indent"><text variable="title" suffix=". "/><text variable="publisher"/></group>', "1. T. P"),
])
def test_a_left_margin_is_set_off_as_citeproc_js_sets_it_off(style, layout, expected) -> None:
    path = style(layout=layout)
    assert cslkit.render([{"id": "a", "type": "book", "title": "T", "publisher": "P"}], style=path) == [expected]


@pytest.mark.parametrize(("substitute", "expected"), [
    ('<text term="anonymous" form="short"/>', ["Anon. P", "Anon. P"]),  # Anglia Ruskin Harvard
    ('<text variable="title"/>', ["T P", "T2 P"]),
    ('<names variable="editor"/>', ["[A Lee, P", "P"]),  # names keep the affixes
])
def test_the_affixes_of_names_go_around_names_only(style, substitute, expected) -> None:
    path = style(layout=f'<names variable="author" prefix="[" suffix=","><name/><substitute>{substitute}'
                        '</substitute></names><text variable="publisher" prefix=" "/>')
    items = [{"id": "a", "type": "book", "title": "T", "publisher": "P", "editor": [{"family": "Lee", "given": "A"}]},
             {"id": "b", "type": "book", "title": "T2", "publisher": "P"}]
    assert cslkit.render(items, style=path) == expected


def test_a_name_count_sort_key_without_names_is_zero(style) -> None:
    # Pensoft sorts by the first author, then by a macro counting the authors: an
    # editor-only book (no authors: count 0) comes first, not last as an empty key would
    path = Path(style(layout='<text variable="title"/>'))
    macro = '<macro name="count"><names variable="author"><name form="count"/></names></macro>'
    text = path.read_text(encoding="utf-8").replace("<citation>", macro + "<citation>")
    text = text.replace("<bibliography><layout>", '<bibliography><sort><key macro="count"/><key variable="title"/>'
                        "</sort><layout>")
    path.write_text(text, encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "A", "author": [{"family": "X"}, {"family": "Y"}]},
             {"id": "b", "type": "book", "title": "B"},
             {"id": "c", "type": "book", "title": "C", "author": [{"family": "X"}]}]
    assert cslkit.render(items, style=str(path)) == ["B", "C", "A"]


def test_punctuation_opening_the_second_field_joins_the_first(style) -> None:
    # Angewandte Chemie, an entry without authors: "[92],  “Title,”"
    path = style(layout='<text variable="citation-number" prefix="[" suffix="]"/><group><names variable="author">'
                        '<name/></names><text variable="title" prefix=", "/></group>',
                 bibliography=' second-field-align="flush"')
    items = [{"id": "a", "type": "book", "title": "T"},
             {"id": "b", "type": "book", "title": "U", "author": [{"family": "Lee", "given": "A"}]}]
    assert cslkit.render(items, style=path) == ["[1],  T", "[2] A Lee, U"]


def test_the_bibliography_sorts_by_given_names_the_disambiguation_expanded(style) -> None:
    # APA 6th: "Dubois, O." is two people, shown and sorted with full given names
    # (citeproc-js); sorted by initials the second author would put Olena first
    path = Path(style(layout='<text macro="author"/>', cite='<text macro="author"/>',
                      citation=' disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name"'))
    macro = ('<macro name="author"><names variable="author"><name name-as-sort-order="all" '
             'initialize-with=". " delimiter="; "/></names></macro>')
    text = path.read_text(encoding="utf-8").replace("<citation ", macro + "<citation ", 1)
    text = text.replace("<bibliography><layout>", '<bibliography><sort><key macro="author"/></sort><layout>')
    path.write_text(text, encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "A",
              "author": [{"family": "Dubois", "given": "Olena"}, {"family": "Abbott", "given": "Kim"}]},
             {"id": "b", "type": "book", "title": "B",
              "author": [{"family": "Dubois", "given": "Oleksandr"}, {"family": "Zorn", "given": "Kim"}]}]
    assert cslkit.render(items, style=str(path)) == ["Dubois, Oleksandr; Zorn, K.", "Dubois, Olena; Abbott, K."]


def test_names_substituted_after_a_names_with_its_own_name_are_not_compared(style) -> None:
    # MLA's author macro substitutes author, guest (with a cs:name of its own), then
    # editor: citeproc-js neither replaces an editor-only entry's names with "---" nor
    # compares the next entry with it, but with the entry before
    path = Path(style(layout='<names variable="composer"><name/><label prefix=" " form="short"/><substitute>'
                             '<names variable="author"/><names variable="guest"><name/></names>'
                             '<names variable="editor"/></substitute></names><text variable="title" prefix=". "/>',
                      bibliography=' subsequent-author-substitute="---"'))
    text = path.read_text(encoding="utf-8").replace(
        '"---"><layout>', '"---"><sort><key variable="title"/></sort><layout>', 1)
    path.write_text(text, encoding="utf-8")
    doe, roe = [{"family": "Doe", "given": "John"}], [{"family": "Roe", "given": "Jane"}]
    items = [{"id": "a", "type": "book", "title": "A", "author": doe},
             {"id": "b", "type": "book", "title": "B", "editor": roe},
             {"id": "c", "type": "book", "title": "C", "author": doe},
             {"id": "d", "type": "book", "title": "D", "editor": doe},
             {"id": "e", "type": "book", "title": "E", "guest": doe}]
    assert cslkit.render(items, style=str(path)) == [
        "John Doe. A", "Jane Roe ed. B", "---. C", "John Doe ed. D", "---. E"]


OLENA, OLEKSANDR = {"family": "Kim", "given": "Olena"}, {"family": "Kim", "given": "Oleksandr"}


@pytest.mark.parametrize(("items", "expected"), [
    # the editor, met only in the bibliography, is the second O. Kim: in full
    ([{"id": "a", "title": "A", "author": [OLENA]}, {"id": "b", "title": "B", "editor": [OLEKSANDR]}],
     ["A: O. Kim", "B: Oleksandr Kim (ed.)"]),
    ([{"id": "b", "title": "B", "editor": [OLEKSANDR]}, {"id": "a", "title": "A", "author": [OLENA]}],
     ["B: Oleksandr Kim (ed.)", "A: Olena Kim"]),
    # people met only in the bibliography count from the entry that shows them on
    ([{"id": "a", "title": "A", "editor": [OLENA]}, {"id": "b", "title": "B", "editor": [OLEKSANDR]},
      {"id": "c", "title": "C", "editor": [OLENA]}],
     ["A: O. Kim (ed.)", "B: Oleksandr Kim (ed.)", "C: Olena Kim (ed.)"]),
    # primary-name: a second name is neither counted nor expanded
    ([{"id": "a", "title": "A", "editor": [OLENA, OLEKSANDR]}], ["A: O. Kim, O. Kim (eds.)"]),
])
def test_the_bibliography_counts_the_people_its_entries_show_as_they_render(style, items, expected) -> None:
    # APA 6th: "In Oleksandr Kim, J.-H. Johnson, & E. van der Berg (Eds.)", a chapter's
    # editor whose initials another Kim cited in the text shares
    path = style(layout='<text variable="title" suffix=": "/><names variable="author"><name initialize-with=". "/>'
                        '</names><names variable="editor"><name initialize-with=". " delimiter=", "/>'
                        '<label prefix=" (" form="short" suffix=")"/></names>',
                 cite='<names variable="author"><name form="short"/></names>',
                 citation=' disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name"')
    items = [{"type": "book", **item} for item in items]
    assert cslkit.render(items, style=path) == expected
