"""Round trips keep data: BibTeX -> CSL-JSON -> BibTeX and RIS -> CSL-JSON -> RIS.

Each round trip goes through the CSL-JSON *text* (what a user would save) and compares
the items field by field, so a lost or changed variable names itself in the failure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cslkit
from cslkit.formats import dumps

FORMATS = Path(__file__).parent / "data" / "formats"
EXAMPLES = Path(__file__).parent.parent / "examples"


def _by_id(items):
    return {str(item["id"]): item for item in items}


def _assert_same_fields(before: dict, after: dict) -> None:
    for variable in sorted(set(before) | set(after)):
        assert after.get(variable) == before.get(variable), (before["id"], variable)


def _through_csl_json(items, format_name):
    csl_json = dumps(items, "csl-json")
    from_json = cslkit.parse(csl_json, format="csl-json")
    assert json.loads(csl_json) == list(items)
    return cslkit.parse(dumps(from_json, format_name), format=format_name)


@pytest.mark.parametrize("name", ["medical.bib", "with-broken-entry.bib"])
def test_bibtex_csljson_bibtex_keeps_every_field(name):
    original = cslkit.parse(FORMATS / name)
    again = _through_csl_json(original, "bibtex")
    assert again.problems == []
    assert [i["id"] for i in again] == [i["id"] for i in original]  # order and keys kept
    for item_id, item in _by_id(original).items():
        _assert_same_fields(item, _by_id(again)[item_id])


@pytest.mark.parametrize("name", ["medical.ris", "quirky.ris"])
def test_ris_csljson_ris_keeps_every_field(name):
    original = cslkit.parse(FORMATS / name)
    again = _through_csl_json(original, "ris")
    # An unknown TY is written back as it was, so its warning comes back too.
    assert {p.code for p in again.problems} <= {"ris-record"}
    assert [i["id"] for i in again] == [i["id"] for i in original]
    for item_id, item in _by_id(original).items():
        _assert_same_fields(item, _by_id(again)[item_id])


def test_ris_tags_survive_at_the_ris_level():
    """The written RIS holds the original tags' values (renamed tags aside)."""
    text = dumps(cslkit.parse(FORMATS / "medical.ris"), "ris")
    for line in (
        "AU  - van der Berg, Jan",
        "AU  - Smith, John, Jr.",
        "DA  - 2019/04/05/",
        "SN  - 978-92-4-003398-6",
        "UR  - https://example.org/mirror/9789240033986",
        "T2  - ESC Congress 2020",
        "C3  - European Heart Journal",
        "AN  - 22341035",
        "C2  - PMC3342123",
        "M3  - Дисертація кандидата медичних наук",
        "Y2  - 2022/02/14/",
        "N1  - Второе примечание",
    ):
        assert line in text


def test_bibtex_fields_survive_at_the_bibtex_level():
    text = dumps(cslkit.parse(FORMATS / "medical.bib"), "bibtex")
    for line in (
        "van der Berg, Jan and García, María and Smith, Jr., John}",
        "{World Health Organization}",
        "and others}",
        "month = apr,",
        "pages = {45--52}",
        "origlanguage = {english}",
        "holder = {Івано-Франківський національний медичний університет}",
        "@phdthesis{savchenko2017thesis,",
        "@mastersthesis{novak2020,",
        "langid = {ukrainian}",
        "abstract = {Background: cardiomyopathy is the leading cause of death in Duchenne "
        "muscular dystrophy. 50\\% of patients \\& their carers were surveyed.}",
    ):
        assert line in text


@pytest.mark.parametrize("format_name", ["bibtex", "ris"])
def test_csljson_examples_survive_a_trip_through_each_format(format_name):
    """CSL-JSON -> BibTeX/RIS -> CSL-JSON keeps the core variables of the README examples."""
    original = cslkit.parse(EXAMPLES / "references.json")
    again = _by_id(cslkit.parse(dumps(original, format_name), format=format_name))
    core = (
        "type",
        "title",
        "author",
        "editor",
        "container-title",
        "issued",
        "volume",
        "issue",
        "page",
        "DOI",
        "URL",
        "publisher",
        "publisher-place",
        "language",
    )
    for item in original:
        for variable in core:
            assert again[str(item["id"])].get(variable) == item.get(variable), (
                item["id"],
                variable,
            )


def test_examples_agree_with_each_other():
    """examples/references.{bib,ris} hold the same references as references.json."""
    reference = _by_id(cslkit.parse(EXAMPLES / "references.json"))
    for name in ("references.bib", "references.ris"):
        other = _by_id(cslkit.parse(EXAMPLES / name))
        assert other.keys() == reference.keys(), name
        for item_id, item in reference.items():
            for variable in ("type", "title", "author", "issued", "container-title"):
                assert other[item_id].get(variable) == item.get(variable), (name, item_id, variable)
