"""BibTeX and RIS writers: escaping, keys, names, dates, pages, identifiers."""

from __future__ import annotations

import cslkit
from cslkit.readers.bibtex import READER as BIB_READER
from cslkit.writers.bibtex import WRITER as BIB_WRITER
from cslkit.writers.bibtex import format_name
from cslkit.writers.ris import WRITER as RIS_WRITER


def test_latex_specials_are_escaped_and_utf8_kept():
    text = BIB_WRITER.write(
        [{"id": "a", "type": "book", "title": "50% of R&D_costs in $ for #1 {x} — Київ ü"}]
    )
    assert r"50\% of R\&D\_costs in \$ for \#1 \{x\} — Київ ü" in text
    assert BIB_READER.read(text)[0]["title"] == "50% of R&D_costs in $ for #1 {x} — Київ ü"


def test_title_words_with_inner_capitals_are_protected():
    text = BIB_WRITER.write([{"id": "a", "type": "book", "title": "MRI and mRNA in Ukraine"}])
    assert "title = {{MRI} and {mRNA} in Ukraine}" in text


def test_keys_are_sanitised_unique_and_made_when_missing():
    items = [
        {"id": "Smith 2001, a", "type": "book", "title": "A"},
        {"id": "Smith 2001, a", "type": "book", "title": "B"},
        {
            "type": "book",
            "title": "C",
            "author": [{"family": "Коваль"}],
            "issued": {"date-parts": [[1999]]},
        },
    ]
    text = BIB_WRITER.write(items)
    assert "@book{Smith_2001_a," in text
    assert "@book{Smith_2001_a-2," in text
    assert "@book{коваль1999," in text


def test_names():
    assert format_name({"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}) == (
        "van der Berg, Jan"
    )
    assert format_name({"family": "Smith", "given": "John", "suffix": "Jr."}) == "Smith, Jr., John"
    assert format_name({"literal": "World Health Organization"}) == "{World Health Organization}"
    assert format_name({"family": "Barnes and Noble", "given": "A"}) == "{Barnes and Noble}, A"
    text = BIB_WRITER.write(
        [
            {
                "id": "a",
                "type": "book",
                "author": [{"family": "Doe", "given": "Jane"}, {"family": "Roe", "given": "R."}],
                "custom": {"et-al": True},
            }
        ]
    )
    assert "author = {Doe, Jane and Roe, R. and others}" in text


def test_dates_pages_and_identifiers():
    item = {
        "id": "x",
        "type": "article-journal",
        "title": "T",
        "container-title": "J",
        "issued": {"date-parts": [[2012, 4, 5]]},
        "accessed": {"date-parts": [[2020, 1, 2]]},
        "page": "12-19",
        "issue": "3",
        "number": "e1001",
        "DOI": "10.5555/a_b%c",
        "URL": "https://x.org/a_b",
    }
    text = BIB_WRITER.write([item])
    for line in (
        "date = {2012-04-05}",
        "year = {2012}",
        "month = apr,",
        "pages = {12--19}",
        "number = {3}",
        "eid = {e1001}",
        "urldate = {2020-01-02}",
        r"doi = {10.5555/a_b\%c}",
        "url = {https://x.org/a_b}",
    ):
        assert line in text
    (again,) = BIB_READER.read(text)
    assert {k: again[k] for k in item} == item


def test_thesis_and_report_use_school_and_institution():
    text = BIB_WRITER.write(
        [
            {"id": "t", "type": "thesis", "genre": "PhD thesis", "publisher": "KNU", "title": "T"},
            {"id": "r", "type": "report", "publisher": "CDC", "number": "7", "title": "R"},
        ]
    )
    assert "@phdthesis{t," in text and "school = {KNU}" in text and "type =" not in text
    assert "@techreport{r," in text and "institution = {CDC}" in text


def test_ris_writer_lines():
    item = {
        "id": "k1",
        "type": "article-journal",
        "title": "Серце",
        "author": [
            {"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"},
            {"literal": "World Health Organization"},
        ],
        "container-title": "Журнал",
        "issued": {"date-parts": [[2019, 4]]},
        "page": "45-52",
        "ISSN": "1608-635X",
        "ISBN": "978-92-4-003398-6",
        "DOI": "10.5555/x",
        "PMID": "123",
        "keyword": "a, b",
        "note": "one\ntwo",
    }
    text = RIS_WRITER.write([item])
    lines = text.splitlines()
    assert lines[0] == "TY  - JOUR"
    assert "ER  - " in lines[-2:]
    for line in (
        "ID  - k1",
        "AU  - van der Berg, Jan",
        "AU  - World Health Organization",
        "PY  - 2019",
        "DA  - 2019/04//",
        "SP  - 45",
        "EP  - 52",
        "SN  - 1608-635X",
        "SN  - 978-92-4-003398-6",
        "AN  - 123",
        "KW  - a",
        "KW  - b",
        "N1  - one",
        "N1  - two",
    ):
        assert line in lines
    (again,) = cslkit.parse(text, format="ris")
    assert {k: again.get(k) for k in item} == item


def test_empty_lists_write_empty_text():
    assert BIB_WRITER.write([]) == "" and RIS_WRITER.write([]) == ""


def test_every_csl_type_survives_bibtex():
    """Types no entry type says (post-weblog, speech, ...) travel in entrysubtype."""
    from cslkit.readers._bibtex_map import CSL_TYPES

    for csl_type in sorted(CSL_TYPES):
        for extra in ({}, {"URL": "https://example.org/x"}):
            item = {"id": "x", "type": csl_type, "title": "T", **extra}
            assert BIB_READER.read(BIB_WRITER.write([item]))[0] == item, (csl_type, extra)


def test_every_csl_variable_survives_bibtex(shared_data):
    """Each variable of the CSL-JSON schema comes back from BibTeX (mapped to a BibTeX
    field or written under its own name), for the common types."""
    import json

    schema = json.loads(
        (shared_data / "csl-schema" / "input" / "csl-data.json").read_text(encoding="utf-8")
    )["items"]["properties"]
    for csl_type in (
        "article-journal",
        "book",
        "chapter",
        "paper-conference",
        "thesis",
        "report",
        "webpage",
        "patent",
    ):
        item = {"id": "x", "type": csl_type}
        for variable, spec in schema.items():
            if variable in ("id", "type", "custom", "shortTitle"):  # shortTitle = title-short
                continue
            if spec.get("type") == "array" and "$ref" in str(spec.get("items")):
                item[variable] = [{"family": "Fam", "given": variable}]
            elif "date-variable" in str(spec):
                item[variable] = {"date-parts": [[2001, 2, 3]]}
            elif "string" in str(spec.get("type")):
                item[variable] = f"value of {variable}"
        (again,) = BIB_READER.read(BIB_WRITER.write([item]))
        lost = [v for v in item if again.get(v) != item[v]]
        assert lost == [], (csl_type, lost)


def test_two_fields_for_one_variable_both_survive():
    """address + location, journal + booktitle, publisher + school: one maps to the CSL
    variable, the other is kept and written back beside it."""
    for source in (
        "@article{a, title={T}, journal={J One}, booktitle={B Two}, address={X}, location={Y}}",
        "@phdthesis{b, title={T}, publisher={P}, school={S}}",
        "@techreport{c, title={T}, publisher={P}, institution={I}, organization={O}}",
    ):
        items = BIB_READER.read(source)
        text = BIB_WRITER.write(items)
        for value in ("J One", "B Two", "X", "Y", "P", "S", "I", "O"):
            if "{" + value + "}" in source:
                assert "{" + value + "}" in text, (source, value)
        assert BIB_READER.read(text) == items
