"""Sorting and cite grouping as CSL 1.0.2 / citeproc-js do them (fixes in
cslkit/rendering/adapter.py that citeproc-py 0.11.1 lacked)."""

from __future__ import annotations

import cslkit

HEAD = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Sort test</title><id>urn:test:sort</id><updated>2026-01-01T00:00:00+00:00</updated></info>
"""


def write(tmp_path, body: str, attributes: str = "") -> str:
    path = tmp_path / "sort.csl"
    path.write_text(HEAD.replace('version="1.0">', f'version="1.0"{attributes}>', 1) + body + "</style>",
                    encoding="utf-8")
    return str(path)


def person(family: str) -> dict:
    return {"family": family, "given": "A"}


def test_et_al_is_left_out_of_name_sort_keys(tmp_path) -> None:
    style = write(tmp_path, """
  <macro name="first-author"><names variable="author"><name form="short"/></names></macro>
  <macro name="count"><names variable="author"><name form="count"/></names></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <sort>
      <key macro="first-author" names-min="1" names-use-first="1"/>
      <key macro="count" sort="descending"/>
    </sort>
    <layout><text variable="title"/></layout>
  </bibliography>
""")
    items = [{"id": str(n), "type": "book", "title": f"{n} authors", "author": [person(f) for f in families]}
             for n, families in ((1, ["Smith"]), (2, ["Smith", "Jones"]), (3, ["Smith", "Jones", "Roe"]))]
    # "Smith" and "Smith et al." tie on the first key, so the name count decides
    assert cslkit.render(items, style=style) == ["3 authors", "2 authors", "1 authors"]


def test_cite_group_delimiter_joins_neighbouring_cites_by_the_same_names(tmp_path) -> None:
    style = write(tmp_path, """
  <citation cite-group-delimiter=", ">
    <layout delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short"/></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
""")
    items = [{"id": i, "type": "book", "author": [person(f)], "issued": {"date-parts": [[y]]}}
             for i, f, y in (("a1", "Aalto", 2000), ("b", "Banda", 1999), ("a2", "Aalto", 2001))]
    assert cslkit.cite(items, [["a1", "a2", "b"], ["a1", "b", "a2"]], style=style) == [
        "Aalto 2000, Aalto 2001; Banda 1999",
        "Aalto 2000; Banda 1999; Aalto 2001",  # as citeproc-js: cites are not moved into a group
    ]


def test_a_single_date_sorts_before_a_range_starting_on_it(tmp_path) -> None:
    style = write(tmp_path, """
  <citation>
    <sort><key variable="issued"/></sort>
    <layout delimiter="; "><text variable="title"/></layout>
  </citation>
""")
    items = [{"id": "r", "type": "book", "title": "Range", "issued": {"date-parts": [[2000, 5], [2001, 5]]}},
             {"id": "s", "type": "book", "title": "Single", "issued": {"date-parts": [[2000, 5]]}},
             {"id": "e", "type": "book", "title": "Earlier", "issued": {"date-parts": [[1999, 12]]}}]
    assert cslkit.cite(items, [["r", "s", "e"]], style=style) == ["Earlier; Single; Range"]


SORTED_BIBLIOGRAPHY = """
  <macro name="author"><names variable="author"><name initialize-with=". " name-as-sort-order="all"/></names></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <sort><key macro="author"/><key variable="title"/></sort>
    <layout><text macro="author"/><text variable="title" prefix=" "/></layout>
  </bibliography>
"""


def test_name_sort_keys_compare_initials_and_names_alike(tmp_path) -> None:
    style = write(tmp_path, SORTED_BIBLIOGRAPHY)
    items = [{"id": "1", "type": "book", "title": "T1", "author": [person("Ahmed") | {"given": "Maria"},
                                                                   person("MacDonald")]},
             {"id": "2", "type": "book", "title": "T2", "author": [person("Ahmed") | {"given": "Mary Ann"}]},
             {"id": "3", "type": "book", "title": "T3", "author": [person("Li") | {"given": "Wei"}]},
             {"id": "4", "type": "book", "title": "T4", "author": [person("Lia") | {"given": "Bo"}]}]
    # as citeproc-js: "Ahmed M A" < "Ahmed M, MacDonald A"; a word ends before letters ("Li" < "Lia")
    assert cslkit.render(items, style=style) == ["Ahmed, M. A. T2", "Ahmed, M., MacDonald, A. T1",
                                                 "Li, W. T3", "Lia, B. T4"]


def test_sort_only_particles_are_demoted_in_sort_keys(tmp_path) -> None:
    style = write(tmp_path, SORTED_BIBLIOGRAPHY, ' demote-non-dropping-particle="sort-only"')
    items = [{"id": "1", "type": "book", "title": "T1", "author": [{"family": "Berg", "given": "Hans",
                                                                    "non-dropping-particle": "van der"}]},
             {"id": "2", "type": "book", "title": "T2", "author": [person("Cole")]},
             {"id": "3", "type": "book", "title": "T3", "author": [person("Adams")]}]
    # "van der Berg" sorts under B but prints with its particle first
    assert cslkit.render(items, style=style) == ["Adams, A. T3", "van der Berg, H. T1", "Cole, A. T2"]


def test_collapsing_citation_orders_author_groups_as_citeproc_js(tmp_path) -> None:
    # citeproc-js (processCitationCluster, as Zotero): an author's group stands where its
    # first cite's year puts it; groups tied on the year follow the names' order, not the
    # cited order; a descending key also reverses the cites inside a group
    body = """
  <citation collapse="year">
    <sort><key variable="issued"%s/></sort>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short"/></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
"""
    items = [{"id": i, "type": "book", "author": [person(f)], "issued": {"date-parts": [[y]]}}
             for i, f, y in (("r", "Rossi", 2013), ("g", "García", 2013), ("l1", "Lee", 1989),
                             ("l2", "Lee", 2010), ("k", "Kim", 2000))]
    clusters = [["r", "l2", "g", "k", "l1"], ["r", "g"]]
    assert cslkit.cite(items, clusters, style=write(tmp_path, body % "")) == [
        "(Lee 1989, 2010; Kim 2000; García 2013; Rossi 2013)",
        "(García 2013; Rossi 2013)",
    ]
    assert cslkit.cite(items, clusters, style=write(tmp_path, body % ' sort="descending"')) == [
        "(García 2013; Rossi 2013; Lee 1989, 2010; Kim 2000)",
        "(García 2013; Rossi 2013)",
    ]


def test_cites_printing_no_names_join_the_cite_before_them(tmp_path) -> None:
    # citeproc-js (processCitationCluster): in a collapsing citation a cite whose names
    # print nothing (no substitute text either) goes with the cite before it, and such
    # cites sort as one group (Springer: "Ahmed and D'Angelo 2012, 2013")
    style = write(tmp_path, """
  <citation collapse="year">
    <sort><key variable="issued"/></sort>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short"/><substitute><names variable="editor"/></substitute></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
""")
    items = [{"id": "lee", "type": "book", "author": [person("Lee")], "issued": {"date-parts": [[2000]]}},
             {"id": "zed", "type": "book", "title": "Zed", "issued": {"date-parts": [[2005]]}},
             {"id": "kim", "type": "book", "author": [person("Kim")], "issued": {"date-parts": [[2010]]}},
             {"id": "anon", "type": "book", "issued": {"date-parts": [[2016]]}}]
    clusters = [["kim", "anon"], ["lee", "anon", "kim"], ["kim", "anon", "zed"], ["kim", "zed"]]
    assert cslkit.cite(items, clusters, style=style) == [
        "(Kim 2010, 2016)",
        "(Lee 2000; Kim 2010, 2016)",
        "(2005, 2016; Kim 2010)",
        "(2005; Kim 2010)",
    ]


def test_a_substituted_term_is_no_names_for_collapsing(tmp_path) -> None:
    # citeproc-js: names replaced by a term ("Anon.") are compared as no names at all, so
    # the cite goes with the cite before it (The Journal of Neuroscience: "Ahmed and
    # D'Angelo, 2012, Anon, 2013")
    style = write(tmp_path, """
  <macro name="anon"><text term="anonymous" form="short" text-case="capitalize-first"/></macro>
  <citation collapse="year">
    <sort><key variable="issued"/></sort>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short"/>
          <substitute><names variable="editor"/><text macro="anon"/></substitute></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
""")
    items = [{"id": "lee", "type": "book", "author": [person("Lee")], "issued": {"date-parts": [[2000]]}},
             {"id": "kim", "type": "book", "author": [person("Kim")], "issued": {"date-parts": [[2010]]}},
             {"id": "anon", "type": "book", "issued": {"date-parts": [[2016]]}}]
    assert cslkit.cite(items, [["kim", "anon"], ["lee", "anon", "kim"]], style=style) == [
        "(Kim 2010, Anon. 2016)",
        "(Lee 2000; Kim 2010, Anon. 2016)",
    ]
