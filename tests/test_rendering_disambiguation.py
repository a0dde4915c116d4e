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


NAMES_THEN_GIVEN = 'et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" disambiguate-add-givenname="true"'
SHORT_NAMES = ('<group delimiter=" "><names variable="author"><name form="short" initialize-with=". " and="symbol" '
               'delimiter=", " delimiter-precedes-last="never"/></names>'
               '<date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date></group>')


def test_names_then_given_names_are_added_until_each_cite_stands_apart(tmp_path) -> None:
    path = style(tmp_path, NAMES_THEN_GIVEN, SHORT_NAMES, layout_attributes='delimiter="; "')
    items = [
        book("a", [("Smith", "John"), ("Brown", "John"), ("Jones", "John")], 1980),
        book("b", [("Smith", "John"), ("Benson", "John"), ("Jones", "John")], 1980),
        book("c", [("Smith", "John"), ("Brown", "John"), ("Jones", "Arthur")], 1980),
    ]
    # "b" differs at the second name; "a" and "c" only by the third one's initial
    assert cslkit.cite(items, [["a", "b", "c"]], style=path) == [
        "Smith, Brown & J. Jones (1980); Smith, Benson, et al. (1980); Smith, Brown & A. Jones (1980)"
    ]


def test_given_names_expand_name_by_name_with_the_by_cite_rule(tmp_path) -> None:
    path = style(tmp_path, NAMES_THEN_GIVEN, '<names variable="author"><name initialize-with="." delimiter=", "/></names>',
                 layout_attributes='delimiter="; "')
    items = [
        book("a", [("Doe", "John"), ("Roe", "Jane"), ("Jones", "Robert")]),
        book("b", [("Doe", "John"), ("Roe", "Josephine"), ("Jones", "Robert")]),
        book("c", [("Doe", "John"), ("Roe", "Jane"), ("Jones", "Richard")]),
    ]
    assert cslkit.cite(items, [["a", "b", "c"]], style=path) == [
        "J. Doe, Jane Roe, Robert Jones; J. Doe, Josephine Roe, et al.; J. Doe, Jane Roe, Richard Jones"
    ]


def test_givenname_rules_expand_names_the_document_shares(tmp_path) -> None:
    layout = '<names variable="author"><name form="short" initialize-with="." and="text" delimiter=", "/></names>'
    with_initials = style(tmp_path, 'disambiguate-add-givenname="true" '
                          'givenname-disambiguation-rule="all-names-with-initials"', layout,
                          layout_attributes='delimiter="; "')
    items = [book("a", [("Smith", "Cecil")]), book("b", [("Smith", "Charles")]),
             book("c", [("Muggins", "Bob")]), book("d", [("Muggins", "Jardine")])]
    # initials only, and only where they tell people apart
    assert cslkit.cite(items, [["a", "b", "c", "d"]], style=with_initials) == ["Smith; Smith; B. Muggins; J. Muggins"]
    all_names = style(tmp_path, 'disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names"', layout,
                      layout_attributes='delimiter="; "')
    assert cslkit.cite(items, [["a", "b", "c", "d"]], style=all_names) == [
        "Cecil Smith; Charles Smith; B. Muggins; J. Muggins"
    ]
    # "J.J." and "J. J." are one person
    same = [book("e", [("Doe", "J.J.")]), book("f", [("Doe", "J. J.")])]
    assert cslkit.cite(same, [["e", "f"]], style=all_names) == ["Doe; Doe"]


def test_ambiguity_is_judged_on_the_subsequent_form(tmp_path) -> None:
    path = style(tmp_path, 'disambiguate-add-year-suffix="true" et-al-min="3" et-al-use-first="3" '
                 'et-al-subsequent-min="1" et-al-subsequent-use-first="1"',
                 '<names variable="author"><name form="short" and="symbol" delimiter=", " '
                 'delimiter-precedes-last="never"/></names><date prefix=" " variable="issued"><date-part name="year"/></date>'
                 '<text variable="year-suffix"/>')
    items = [book("a", [("Baur", "A"), ("Fröberg", "B"), ("Baur", "C"), ("Lee", "D")]),
             book("b", [("Baur", "A"), ("Schileyko", "B"), ("Baur", "C")])]
    assert cslkit.cite(items, [["a", "b"], ["a"]], style=path) == [
        "(Baur, Fröberg, Baur, et al. 2000a; Baur, Schileyko & Baur 2000b)", "(Baur et al. 2000a)"
    ]


def test_disambiguate_conditions_are_switched_on_one_at_a_time(tmp_path) -> None:
    layout = ('<group delimiter=", "><names variable="author"><name/></names>'
              '<choose><if disambiguate="true"><text variable="title"/></if></choose>'
              '<choose><if disambiguate="true"><text variable="edition" prefix="ed. "/></if></choose></group>')
    path = style(tmp_path, "", layout, style_class="note", layout_attributes='delimiter="; "')
    items = [book("a", [("Smith", "John")], title="Book One", edition="3"),
             book("b", [("Smith", "John")], title="Works", edition="5"),
             book("c", [("Smith", "John")], title="Works", edition="6"),
             book("d", [("Trisk", "Yost")], title="Works")]
    assert cslkit.cite(items, [["a", "b", "c", "d"]], style=path) == [
        "John Smith, Book One; John Smith, Works, ed. 5; John Smith, Works, ed. 6; Yost Trisk"
    ]


def test_near_note_position_in_a_cite_repeated(tmp_path) -> None:
    path = style(tmp_path, 'near-note-distance="5"',
                 '<choose><if position="near-note"><text value="near"/></if>'
                 '<else><text variable="title"/></else></choose>', style_class="note")
    items = [book("a", [("Smith", "John")])]
    assert cslkit.cite(items, [["a"], ["a"]], style=path) == ["(Title a)", "(near)"]


def test_citation_labels_are_made_up_sorted_and_lettered(tmp_path) -> None:
    path = tmp_path / "labels.csl"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Labels</title><id>urn:test:labels</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-year-suffix="true">
    <sort><key variable="citation-label"/></sort>
    <layout prefix="[" suffix="]" delimiter=", "><text variable="citation-label"/></layout>
  </citation>
  <bibliography>
    <sort><key variable="citation-label"/></sort>
    <layout><text variable="citation-label" prefix="[" suffix="] "/><text variable="title"/>
      <date variable="issued" prefix=", "><date-part name="year"/></date></layout>
  </bibliography>
</style>
""", encoding="utf-8")
    items = [
        book("r1", [("Roe", "Jane"), ("Noakes", "Richard")], 1978),
        book("d", [("Doe", "John")], 1965),
        book("r2", [("Roe", "Jane"), ("Noakes", "Richard")], 1978),
        book("v", [("von Dipheria", "D"), ("Eczema", "E"), ("Flatulence", "F"), ("Goiter", "G"), ("Hiccups", "H")], 1926),
        book("own", [("Asthma", "A")], 1900, **{"citation-label": "Spiff1900"}),
    ]
    assert cslkit.cite(items, [["r1", "d", "r2", "v", "own"]], style=str(path)) == [
        "[DEFG26, Doe65, RoNo78a, RoNo78b, Spiff1900]"
    ]
    # the year suffix rides on the label, not on the printed year
    assert cslkit.render(items, style=str(path))[2] == "[RoNo78a] Title r1, 1978"


def test_cites_sorted_by_year_with_suffix_and_formatted_suffixes_collapse(tmp_path) -> None:
    path = tmp_path / "sorted.csl"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Sorted</title><id>urn:test:sorted</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <macro name="year"><date variable="issued"><date-part name="year"/></date>
    <text variable="year-suffix" font-style="italic"/></macro>
  <macro name="author"><names variable="author"><name form="short"/></names></macro>
  <citation disambiguate-add-year-suffix="true" collapse="year-suffix" year-suffix-delimiter=",">
    <sort><key macro="year"/><key macro="author"/></sort>
    <layout delimiter="; " prefix="(" suffix=")"><group delimiter=" "><text macro="author"/>
      <text macro="year"/></group></layout>
  </citation>
</style>
""", encoding="utf-8")
    items = [book("s1", [("Smith", "John")]), book("s2", [("Smith", "John")]), book("j", [("Jones", "Rick")])]
    # "2000" sorts before "2000a"; the italic suffixes still collapse
    assert cslkit.cite(items, [["s1", "s2", "j"]], style=str(path), format="html") == [
        "(Jones 2000; Smith 2000<i>a</i>,<i>b</i>)"
    ]


def test_after_collapse_delimiter_separates_every_author_with_year_collapsing(tmp_path) -> None:
    path = style(tmp_path, 'collapse="year" after-collapse-delimiter="; "', AUTHOR_YEAR,
                 layout_attributes='delimiter=", " prefix="(" suffix=")"')
    items = [book("w", [("Whittaker", "R")], 1967), book("v", [("Wiens", "J")], 1989),
             book("w2", [("Whittaker", "R")], 1975)]
    assert cslkit.cite(items, [["w", "v"], ["w", "w2", "v"]], style=path) == [
        "(Whittaker 1967; Wiens 1989)", "(Whittaker 1967, 1975; Wiens 1989)"
    ]
