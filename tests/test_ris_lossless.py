"""CSL-JSON -> RIS -> CSL-JSON keeps every CSL variable: in the tag Zotero's RIS translator
uses for it when there is one, else on an ``N1  - variable: value`` line; what cannot be
written at all is reported with a DataLossWarning."""

from __future__ import annotations

import json
import warnings

import pytest

import cslkit
from cslkit.formats import dumps
from cslkit.readers._ris_notes import CSL_TYPES

_BOOK_AUTHOR = [{"family": "Walker", "given": "Helen"}]


def _round_trip(item: dict) -> tuple[str, dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("error", cslkit.DataLossWarning)
        text = dumps([item], "ris")
    (again,) = cslkit.parse(text, format="ris")
    return text, again


# (type, variable, value, the RIS line it is written as): tags Zotero's RIS.js uses.
TAGGED = [
    ("paper-conference", "event-title", "ESC Congress 2020", "T2  - ESC Congress 2020"),
    ("chapter", "container-author", _BOOK_AUTHOR, "C2  - Walker, Helen"),
    ("chapter", "collection-number", "12", "SV  - 12"),
    ("patent", "submitted", {"date-parts": [[2015, 7, 14]]}, "C1  - 2015/07/14/"),
    ("patent", "jurisdiction", "UA", "C3  - UA"),
    ("patent", "references", "UA 98765 U", "C5  - UA 98765 U"),
    ("patent", "status", "Чинний", "C6  - Чинний"),
    ("map", "scale", "1:25000", "C1  - 1:25000"),
    ("graphic", "dimensions", "41 x 28 cm", "C3  - 41 x 28 cm"),
    ("software", "version", "1.4.61", "ET  - 1.4.61"),
    ("dataset", "version", "2.0", "ET  - 2.0"),
    ("book", "archive", "Wellcome Collection", "DB  - Wellcome Collection"),
    ("book", "archive_location", "MS 42/7", "AN  - MS 42/7"),
    ("article-journal", "source", "PubMed Central", "DP  - PubMed Central"),
]


@pytest.mark.parametrize(("csl_type", "variable", "value", "line"), TAGGED)
def test_variable_survives_in_its_zotero_tag(csl_type, variable, value, line):
    item = {"id": "x", "type": csl_type, "title": "T", variable: value}
    if variable == "event-title":
        item["container-title"] = "European Heart Journal"  # C3, the proceedings
    text, again = _round_trip(item)
    assert line in text.splitlines()
    assert again[variable] == value
    assert "N1  - " not in text  # a tag, not a note line


# Variables RIS has no tag for (no tag at all, or none for these types): note lines.
NOTED = [
    ("book", "original-date", {"date-parts": [[1869]]}, "original-date: 1869"),
    ("book", "original-author", [{"family": "Толстой", "given": "Лев"}], "original-author: Толстой || Лев"),
    ("book", "original-publisher", "Русский вестник", None),
    ("book", "original-publisher-place", "Москва", None),
    ("article-journal", "container-author", _BOOK_AUTHOR, "container-author: Walker || Helen"),
    ("article-journal", "reviewed-author", [{"literal": "WHO"}], "reviewed-author: WHO"),
    ("paper-conference", "event-place", "Amsterdam", None),
    ("paper-conference", "event-date", {"date-parts": [[2020, 8, 29], [2020, 9, 1]]}, "event-date: 2020-08-29/2020-09-01"),
    ("speech", "event", "Annual meeting", None),
    ("report", "available-date", {"date-parts": [[2021, 3]]}, "available-date: 2021-03"),
    ("thesis", "submitted", {"date-parts": [[2019, 5, 2]]}, "submitted: 2019-05-02"),
    ("book", "annote", "Read for chapter 2", None),
    ("book", "archive_collection", "Papers of A. Smith", None),
    ("book", "archive-place", "London", None),
    ("legislation", "authority", "Верховна Рада України", None),
    ("legislation", "chapter-number", "3", None),
    ("chapter", "chapter-number", "7", None),
    ("book", "citation-key", "tolstoy2010", None),
    ("book", "categories", ["history", "fiction"], 'categories: ["history","fiction"]'),
    ("graphic", "medium", "oil on canvas", None),
    ("book", "division", "Reference", None),
    ("book", "part", "2", None),
    ("book", "part-title", "The war", None),
    ("book", "printing", "3", None),
    ("article-journal", "supplement", "1", None),
    ("book", "volume-title", "Part one", None),
    ("book", "volume-title-short", "One", None),
    ("article-journal", "number-of-pages", "8", None),
    ("article-journal", "reviewed-genre", "novel", None),
    ("article-journal", "page-first", "45", None),
    ("webpage", "status", "retracted", None),
    ("webpage", "scale", "1:100", None),
    ("article-journal", "year-suffix", "a", None),
    ("article-journal", "citation-number", "4", None),
    ("article-journal", "citation-label", "Smi20", None),
    ("article-journal", "first-reference-note-number", "2", None),
    ("article-journal", "locator", "12", None),
    ("article-journal", "jurisdiction", "UA", None),
    ("book", "references", "Reviewed in Lancet 2011", None),
    ("book", "version", "2nd revised", None),
    *[
        ("motion_picture", role, [{"family": "Doe", "given": role}], f"{role}: Doe || {role}")
        for role in (
            "chair", "compiler", "composer", "contributor", "curator", "director",
            "editorial-director", "executive-producer", "guest", "host", "illustrator",
            "interviewer", "narrator", "organizer", "performer", "producer", "recipient",
            "script-writer", "series-creator",
        )
    ],
]  # fmt: skip


@pytest.mark.parametrize(("csl_type", "variable", "value", "line"), NOTED)
def test_variable_without_a_tag_survives_on_a_note_line(csl_type, variable, value, line):
    item = {"id": "x", "type": csl_type, "title": "T", "note": "Read twice", variable: value}
    text, again = _round_trip(item)
    expected = line or f"{variable}: {value}"
    assert f"N1  - {expected}" in text.splitlines()
    assert again[variable] == value
    assert again["note"] == "Read twice"  # the note itself is untouched


@pytest.mark.parametrize("csl_type", sorted(CSL_TYPES))
def test_every_type_survives(csl_type):
    _, again = _round_trip({"id": "x", "type": csl_type, "title": "T"})
    assert again["type"] == csl_type


def test_every_variable_of_the_schema_survives_for_every_type(shared_data):
    """All variables of the CSL-JSON schema at once, for each of the 45 types."""
    schema = json.loads(
        (shared_data / "csl-schema" / "input" / "csl-data.json").read_text(encoding="utf-8")
    )["items"]["properties"]
    for csl_type in schema["type"]["enum"]:
        item: dict = {"id": "x", "type": csl_type}
        for variable, spec in schema.items():
            if variable in ("id", "type", "custom"):
                continue
            if spec.get("type") == "array" and "$ref" in str(spec.get("items")):
                item[variable] = [{"family": "Fam", "given": variable}]
            elif "date-variable" in str(spec):
                item[variable] = {"date-parts": [[2001, 2, 3]]}
            elif variable == "categories":
                item[variable] = ["one", "two"]
            else:
                item[variable] = f"value of {variable}"
        _, again = _round_trip(item)
        lost = [v for v in item if again.get(v) != item[v]]
        assert lost == [], (csl_type, lost)


def test_zotero_tags_are_read(data_dir):
    """A file in Zotero's RIS conventions: the type-dependent tags land in CSL variables."""
    items = {item["type"]: item for item in cslkit.parse(data_dir / "formats" / "zotero-tags.ris")}
    assert items.keys() >= {"chapter", "paper-conference", "patent", "software", "map", "graphic"}
    chapter = items["chapter"]
    assert chapter["container-author"] == _BOOK_AUTHOR
    assert chapter["editor"] == [{"family": "Brown", "given": "Edward"}]
    assert (chapter["collection-title"], chapter["collection-number"]) == (
        "Clinical handbooks",
        "12",
    )
    assert (chapter["archive"], chapter["archive_location"]) == ("Wellcome Collection", "MS 42/7")
    assert chapter["source"] == "Library Hub Discover" and "custom" not in chapter
    paper = items["paper-conference"]
    assert (paper["event-title"], paper["container-title"]) == (
        "ESC Congress 2020",
        "European Heart Journal",
    )
    patent = items["patent"]
    assert patent["submitted"] == {"date-parts": [[2015, 7, 14]]}
    assert (patent["jurisdiction"], patent["references"], patent["status"]) == (
        "UA",
        "UA 98765 U",
        "Чинний",
    )
    assert items["software"]["version"] == "1.4.61" and "edition" not in items["software"]
    assert items["map"]["scale"] == "1:25000"
    assert items["graphic"]["dimensions"] == "41 x 28 cm"
    book = items["book"]
    assert book["note"] == "Export Date: 13 July 2022"  # not a CSL variable: stays a note
    assert book["original-date"] == {"date-parts": [[1869]]}
    assert book["original-author"] == [{"family": "Толстой", "given": "Лев Николаевич"}]
    assert book["original-publisher"] == "Русский вестник"
    assert book["reviewed-author"] == [{"family": "Maude", "given": "Aylmer", "suffix": "Jr."}]
    again = cslkit.parse(dumps(list(items.values()), "ris"), format="ris")
    assert list(again) == list(items.values())


def test_conference_t2_alone_is_still_the_proceedings():
    """Many exporters write only T2, for the proceedings: it stays the container."""
    (item,) = cslkit.parse("TY  - CONF\nTI  - P\nT2  - Proc. ICML\nER  - \n", format="ris")
    assert item["container-title"] == "Proc. ICML" and "event-title" not in item


def test_pubmed_pmid_keeps_an_and_an_archive_does_not_become_a_pmid():
    item = {"id": "x", "type": "article-journal", "title": "T", "PMID": "22341035"}
    text, again = _round_trip({**item, "archive": "Wellcome", "archive_location": "MS 1"})
    assert "AN  - 22341035" in text and again["PMID"] == "22341035"
    assert (again["archive"], again["archive_location"]) == ("Wellcome", "MS 1")
    # An archive called PubMed with a numeric location would read back as a PMID.
    text, again = _round_trip({**item, "PMID": "", "archive": "PubMed", "archive_location": "7"})
    assert "PMID" not in again and again["archive_location"] == "7"


def test_odd_values_and_notes_come_back_exactly():
    item = {
        "id": "x",
        "type": "article-journal",
        "title": "Two  spaces and\u00a0a no-break space",
        "note": "first\n\nafter a blank line\noriginal-date: 1900\n  indented",
        "ISSN": "978-92-4-003398-6",  # shaped like an ISBN
        "genre": "see 10.1234/abc",  # EndNote's M3 can hold a DOI
        "issued": {"date-parts": [[2001]], "circa": True},
        "volume": 7,
    }
    _, again = _round_trip(item)
    assert {k: again.get(k) for k in item} == {**item, "volume": "7"}
    assert "original-date" not in again and "ISBN" not in again and "DOI" not in again


def test_what_ris_cannot_hold_is_reported_not_dropped(capsys, tmp_path):
    item = {"id": "x", "type": "book", "title": "T", "my-field": "kept nowhere"}
    with pytest.warns(cslkit.DataLossWarning, match=r"x \(my-field\)"):
        dumps([item], "ris")
    source = tmp_path / "refs.json"
    source.write_text(json.dumps([item]), encoding="utf-8")
    from cslkit.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["convert", str(source), "--to", "ris"])
    err = capsys.readouterr().err
    assert (exit_info.value.code or 0) == 0
    assert "cslkit: warning: RIS cannot hold everything of 1 item(s)" in err and "my-field" in err
