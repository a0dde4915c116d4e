"""Names as CSL 1.0.2 and citeproc-js print them, where citeproc-py did not (adapter fixes)."""

from __future__ import annotations

import cslkit

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Names</title><id>urn:test:names</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  {locale}
  <citation {citation}><layout {layout}>{body}</layout></citation>
</style>
"""


def _cite(tmp_path, items: list[dict], body: str, clusters: list | None = None, locale: str = "",
          citation: str = "", layout: str = "", format: str = "text") -> list[str]:
    path = tmp_path / "names.csl"
    path.write_text(STYLE.format(locale=locale, citation=citation, layout=layout, body=body), encoding="utf-8")
    clusters = clusters if clusters is not None else [[item["id"] for item in items]]
    return cslkit.cite(items, clusters, style=str(path), format=format)


def _book(item_id: str, *names: dict, year: int | None = None) -> dict:
    item = {"id": item_id, "type": "book", "author": list(names)}
    if year:
        item["issued"] = {"date-parts": [[year]]}
    return item


def test_terms_of_unspaced_scripts_attach_to_the_names(tmp_path) -> None:
    # citeproc-js spaces "and" and "et al." only when the term starts with a letter of a
    # script written with spaces (the Hebrew conjunction ו is written attached)
    hebrew = '<locale><terms><term name="and">ו</term></terms></locale>'
    item = _book("h", {"family": "תפוח"}, {"family": "תפוז"})
    assert _cite(tmp_path, [item], '<names variable="author"><name and="text"/></names>', locale=hebrew) == ["תפוחותפוז"]
    chinese = '<locale><terms><term name="et-al">等</term></terms></locale>'
    three = _book("z", {"family": "Zither", "given": "Ziggy"}, {"family": "Yoda", "given": "Y"}, {"family": "Xu", "given": "X"})
    body = '<names variable="author"><name et-al-min="2" et-al-use-first="1"/></names>'
    assert _cite(tmp_path, [three], body, locale=chinese) == ["Ziggy Zither等"]
    assert _cite(tmp_path, [three], body) == ["Ziggy Zither et al."]


def test_initials_keep_markup_digraphs_and_lower_case_hyphenated_parts(tmp_path) -> None:
    body = '<names variable="author"><name name-as-sort-order="all" initialize-with=". "/></names>'
    items = [_book("a", {"family": "<b>Doe</b>", "given": "<b>John</b> Quiggly"}),
             _book("b", {"family": "Doe", "given": "<b>J</b>-Q"}),
             _book("c", {"family": "Tserendorj", "given": "TSerendorjiin"}),
             _book("d", {"family": "Chen", "given": "Guo-ping"}),
             _book("e", {"family": "Smith", "given": "JOHN Paul"})]
    marks = _cite(tmp_path, items, body, clusters=[[item["id"]] for item in items], format="html")
    assert marks == ["<b>Doe</b>, <b>J.</b> Q.", "Doe, <b>J.</b>-Q.", "Tserendorj, Ts.", "Chen, G.", "Smith, J. P."]


def test_markup_in_names_other_than_formatting_is_escaped(tmp_path) -> None:
    item = _book("x", {"family": "<script>Evil</script>", "given": "Jo"})
    assert _cite(tmp_path, [item], '<names variable="author"><name/></names>', format="html") == [
        "Jo &lt;script&gt;Evil&lt;/script&gt;"]


def test_family_particles_may_start_with_an_apostrophe(tmp_path) -> None:
    body = '<names variable="author"><name><name-part name="family" font-weight="bold"/></name></names>'
    items = [_book("a", {"family": "'t Hooft", "given": "Gerard"}), _book("b", {"family": "in 't Veld", "given": "Jan"})]
    marks = _cite(tmp_path, items, body, clusters=[["a"], ["b"]], format="html")
    assert marks == ["Gerard <b>’t</b> <b>Hooft</b>", "Jan <b>in ’t</b> <b>Veld</b>"]


def test_family_name_part_affixes_enclose_particles_and_suffix(tmp_path) -> None:
    body = ('<names variable="author"><name><name-part name="family" prefix="(" suffix=")"/>'
            '<name-part name="given" prefix="[" suffix="]"/></name></names>')
    item = _book("f", {"family": "Fontaine", "given": "Jean", "dropping-particle": "de",
                       "non-dropping-particle": "La", "suffix": "III"})
    assert _cite(tmp_path, [item], body) == ["[Jean] (de La Fontaine III)"]


def test_unsorted_cites_collapse_only_with_their_neighbours(tmp_path) -> None:
    aalto = {"family": "Aalto", "given": "A"}
    items = [_book("a1", aalto, year=2015), _book("a2", aalto, year=2015), _book("b", {"family": "Bo", "given": "B"}, year=2010),
             _book("a3", aalto, year=2015), _book("a4", aalto, year=2015), _book("a5", aalto, year=2015)]
    body = ('<group delimiter=" "><names variable="author"><name form="short"/></names>'
            '<date variable="issued"><date-part name="year"/></date></group>')
    citation = 'disambiguate-add-year-suffix="true" collapse="year-suffix-ranged" cite-group-delimiter=","'
    marks = _cite(tmp_path, items, body, citation=citation, layout='prefix="(" suffix=")" delimiter="; "')
    assert marks == ["(Aalto 2015a,b; Bo 2010; Aalto 2015c–e)"]


def test_et_al_min_without_use_first_shortens_no_list(tmp_path) -> None:
    # et-al-use-first set on cs:citation applies to citations only: the bibliography, with
    # et-al-min alone, lists every name (citeproc-js)
    path = tmp_path / "etal.csl"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Et al</title><id>urn:test:etal</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation et-al-use-first="2"><layout><names variable="author"><name et-al-min="3"/></names></layout></citation>
  <bibliography><layout><names variable="author"><name et-al-min="3"/></names></layout></bibliography>
</style>""", encoding="utf-8")
    item = _book("a", {"family": "Doe", "given": "John"}, {"family": "Roe", "given": "Jane"}, {"family": "Snoakes", "given": "R"})
    assert cslkit.render([item], style=str(path)) == ["John Doe, Jane Roe, R Snoakes"]
    assert cslkit.cite([item], [["a"]], style=str(path)) == ["John Doe, Jane Roe, et al."]


def test_et_al_use_first_zero_prints_no_names_and_no_et_al(tmp_path) -> None:
    body = ('<group delimiter=" // "><names variable="author"><name et-al-min="2" et-al-use-first="0"/></names>'
            '<names variable="author"><name et-al-min="2" et-al-use-first="1"/></names></group>')
    item = _book("a", {"family": "Doe", "given": "John"}, {"family": "Roe", "given": "Jane"})
    assert _cite(tmp_path, [item], body) == ["John Doe et al."]
