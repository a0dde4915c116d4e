"""BibTeX reader: LaTeX, names, macros, types and fields, broken entries, real Cyrillic files."""

from __future__ import annotations

import pytest

import cslkit
from cslkit.errors import InputError
from cslkit.readers.bibtex import READER, parse_names


def read_one(source: str) -> dict:
    items = READER.read(source)
    assert len(items) == 1, items.problems
    return items[0]


@pytest.fixture(scope="module")
def medical(request):
    from pathlib import Path

    path = Path(__file__).parent / "data" / "formats" / "medical.bib"
    items = cslkit.parse(path)
    return {item["id"]: item for item in items}


def test_latex_accents_and_protective_braces_are_decoded():
    item = read_one(
        r"@article{a, title = {Cardiac {MRI} in caf\'{e} {\"u}ber M\"{u}nchen --- Erd\H{o}s},"
        r" author = {Garc{\'\i}a, Mar{\'\i}a}}"
    )
    assert item["title"] == "Cardiac MRI in café über München — Erdős"
    assert item["author"] == [{"family": "García", "given": "María"}]


def test_cyrillic_utf8_passes_through_unchanged():
    item = read_one("@book{b, title = {Серцева недостатність: ґрунтовний огляд}, year = 2020}")
    assert item["title"] == "Серцева недостатність: ґрунтовний огляд"


def test_name_parts_particles_suffix_and_literal():
    names, et_al = parse_names(
        r"van der Berg, Jan and Ludwig van Beethoven and Smith, Jr., John and "
        r"{World Health Organization} and \mbox{Stanford University} and others"
    )
    assert names == [
        {"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"},
        {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
        {"family": "Smith", "given": "John", "suffix": "Jr."},
        {"literal": "World Health Organization"},
        {"literal": "Stanford University"},
    ]
    assert et_al is True


def test_and_others_is_recorded_as_et_al(medical):
    item = medical["petrov2015stroke"]
    assert len(item["author"]) == 2
    assert item["custom"]["et-al"] is True


def test_string_macros_concatenation_and_month_macros(medical):
    item = medical["mueller2012mri"]
    assert item["container-title"] == "The Lancet Neurology"
    assert item["issued"] == {"date-parts": [[2012, 3]]}
    assert medical["hrytsenko2018chapter"]["publisher-place"] == "Kyiv"


def test_undefined_macro_is_kept_as_text_and_reported():
    items = READER.read("@article{a, title = {T}, journal = nosuchmacro, year = 2001}")
    assert items[0]["container-title"] == "nosuchmacro"
    assert [p.code for p in items.problems] == ["undefined-macro"]


@pytest.mark.parametrize(
    ("entry_type", "csl_type"),
    [
        ("article", "article-journal"),
        ("book", "book"),
        ("inbook", "chapter"),
        ("incollection", "chapter"),
        ("inproceedings", "paper-conference"),
        ("conference", "paper-conference"),
        ("phdthesis", "thesis"),
        ("mastersthesis", "thesis"),
        ("thesis", "thesis"),
        ("techreport", "report"),
        ("report", "report"),
        ("online", "webpage"),
        ("patent", "patent"),
        ("unpublished", "manuscript"),
        ("misc", "document"),
        ("somethingodd", "document"),
    ],
)
def test_entry_types_map_to_csl_types(entry_type, csl_type):
    item = read_one(f"@{entry_type}{{k, title = {{T}}, booktitle = {{B}}, year = 2000}}")
    assert item["type"] == csl_type


def test_misc_with_url_is_a_webpage():
    item = read_one(r"@misc{w, title = {Site}, howpublished = {\url{https://x.org/a_b}}}")
    assert item["type"] == "webpage"
    assert item["URL"] == "https://x.org/a_b"


def test_fields_map_to_csl_variables(medical):
    article = medical["kovalenko2019heart"]
    assert article["page"] == "45-52"
    assert article["issue"] == "2" and article["volume"] == "26"
    assert article["DOI"] == "10.5555/ucj.2019.2.45"
    assert article["ISSN"] == "1608-635X"
    assert article["language"] == "uk"
    assert article["container-title-short"] == "Укр кардіол журн"
    assert article["keyword"].startswith("серцева недостатність")
    assert article["author"][2] == {"family": "Бондар", "given": "ТМ"}  # no dots: kept as given

    book = medical["who2021guidelines"]
    assert book["author"] == [{"literal": "World Health Organization"}]
    assert book["collection-title"] == "WHO Guidelines"
    assert book["collection-number"] == "7"
    assert book["number-of-pages"] == "62"
    assert book["ISBN"] == "978-92-4-003398-6"
    assert book["publisher-place"] == "Geneva"

    thesis = medical["savchenko2017thesis"]
    assert thesis["publisher"].startswith("Національний медичний університет")
    assert thesis["genre"] == "PhD thesis"

    report = medical["cdc2019report"]
    assert report["publisher"] == "U.S. Department of Health and Human Services"
    assert report["number"] == "CS301813"
    assert report["issued"] == {"date-parts": [[2019, 11]]}

    web = medical["moz2022covid"]
    assert web["accessed"] == {"date-parts": [[2022, 2, 14]]}
    assert web["author"] == [{"literal": "Міністерство охорони здоров'я України"}]

    paper = medical["lee2020covid"]
    assert paper["event-title"] == "ESC Congress 2020" and paper["event-place"] == "Amsterdam"
    assert paper["author"][2] == {"family": "Cruz", "given": "Juana", "non-dropping-particle": "de la"}

    mueller = medical["mueller2012mri"]
    assert mueller["DOI"] == "10.5555/S1474-4422(12)70012-3"  # the resolver prefix is dropped
    assert "50% of patients & their carers" in mueller["abstract"]

    assert medical["petrov2015stroke"]["issued"] == {"date-parts": [[2015, 11, 20]]}
    assert medical["petrov2015stroke"]["PMID"] == "26356404"
    assert medical["ivanenko2016patent"]["issued"] == {"date-parts": [[2016, 1, 25]]}
    assert medical["gaidaenko2008"]["edition"] == "3-е изд., перераб. и доп."


def test_unmapped_fields_are_kept_in_custom(medical):
    assert medical["gaidaenko2008"]["custom"]["bibtex-fields"] == {"origlanguage": "english"}
    assert "holder" in medical["ivanenko2016patent"]["custom"]["bibtex-fields"]


def test_biblatex_eprint_and_date_ranges():
    item = read_one(
        "@article{e, title={T}, eprint={10.5555/xyz}, eprinttype={doi}, date={2019-05/2019-07}}"
    )
    assert item["DOI"] == "10.5555/xyz"
    assert item["issued"] == {"date-parts": [[2019, 5], [2019, 7]]}
    literal = read_one("@book{l, title={T}, year={б. р.}}")
    assert literal["issued"] == {"literal": "б. р."}


def test_broken_entry_is_a_problem_and_the_others_are_read(data_dir):
    items = cslkit.parse(data_dir / "formats" / "with-broken-entry.bib")
    assert [item["id"] for item in items] == ["good1", "good3"]
    (problem,) = items.problems
    assert problem.code == "unreadable-entry" and problem.severity == "error"
    assert problem.item_id == "broken2"
    assert "line 9" in problem.message
    assert problem.position == 1


def test_duplicate_keys_are_renamed_and_reported():
    items = READER.read("@book{a, title={One}}\n@book{a, title={Two}}")
    assert [item["id"] for item in items] == ["a", "a-2"]
    assert items.problems[0].code == "duplicate-key"


def test_missing_comma_between_fields_is_recovered():
    items = READER.read('@misc{m, title = "Site"\n  year = 2014, url = {http://x.org}}')
    assert items[0]["title"] == "Site"
    assert items[0]["issued"] == {"date-parts": [[2014]]}
    assert items.problems[0].code == "missing-comma"


def test_wholly_unreadable_file_raises_one_input_error():
    with pytest.raises(InputError, match="not readable as BibTeX"):
        READER.read("@article{x, title = {never closed\n")


def test_detect():
    assert READER.detect("% comment\n@Article{x, title={T}}") > 0.9
    assert READER.detect("Smith J. A paper. 2001.") == 0.0


def test_real_cyrillic_files_read_without_loss(shared_data):
    """Every entry of the real Cyrillic .bib files reads; quirks keep their data."""
    from cslkit.writers.bibtex import WRITER

    folder = shared_data / "cyrillic-bib"
    total = 0
    for path in sorted(folder.glob("*/*.bib")):
        items = cslkit.parse(path)
        assert not [p for p in items.problems if p.severity == "error"], path
        total += len(items)
        assert all(item.get("title") or item.get("custom") for item in items)
        again = READER.read(WRITER.write(items))
        assert list(again) == list(items), path
    assert total >= 860

    dstu = {i["id"]: i for i in cslkit.parse(folder / "definability__latex-dstu" / "bibliography.bib")}
    latin_i = next(i for i in dstu.values() if "санiтарнi" in i.get("title", ""))
    assert "Державнi" in latin_i["title"]  # the Latin "i" is kept as written

    student = {
        i["id"]: i
        for i in cslkit.parse(folder / "artemvang__markdown-dstu-3008-95" / "bibliography.bib")
    }
    assert student["андріяш2014мутантні"]["author"][0] == {"family": "Андріяш", "given": "ГС"}
    assert student["андріяш2014мутантні"]["issue"] == "7,№ 3"
    assert student["пирог2010загальна"]["publisher"] == "Київ, РВЦ НУХТ"


def test_crossref_and_xdata_are_inherited_as_biblatex_does():
    items = READER.read(
        "@xdata{pub, publisher = {Наука}, location = {М.}}\n"
        "@book{parent, title = {Собрание сочинений}, author = {Толстой, Лев}, year = 1990,"
        " xdata = {pub}, shorttitle = {Соч.}}\n"
        "@inbook{child, title = {Война и мир}, crossref = {parent}, pages = {1--100}}\n"
        "@inbook{dated, title = {Другое}, crossref = {parent}, year = 1991}\n"
        "@inbook{orphan, title = {Сирота}, crossref = {nowhere}}\n"
    )
    by_id = {item["id"]: item for item in items}
    assert "pub" not in by_id  # xdata holds fields, it is not a reference
    assert by_id["parent"]["publisher"] == "Наука"
    child = by_id["child"]
    assert child["title"] == "Война и мир"
    assert child["container-title"] == "Собрание сочинений"  # parent title -> booktitle
    assert child["container-author"] == [{"family": "Толстой", "given": "Лев"}]
    assert child["publisher"] == "Наука" and child["publisher-place"] == "М."
    assert child["issued"] == {"date-parts": [[1990]]}
    assert "title-short" not in child  # short titles are not inherited
    assert by_id["dated"]["issued"] == {"date-parts": [[1991]]}  # its own year wins
    (problem,) = items.problems
    assert problem.code == "missing-crossref" and problem.item_id == "orphan"


@pytest.mark.parametrize(
    "authors",
    ["Doe, J. and Roe, R.", "Doe, J., Roe, R.", "Doe J, Roe R", "J. Doe, R. Roe"],
)
def test_names_joined_by_commas_are_split_and_reported(authors):
    items = READER.read(f"@article{{a, author = {{{authors}}}, title = {{T}}}}")
    families = [name["family"] for name in items[0]["author"]]
    assert families == ["Doe", "Roe"]
    codes = [p.code for p in items.problems]
    assert codes == ([] if " and " in authors else ["repaired-names"])


def test_real_names_with_commas_are_not_split():
    names, _ = parse_names("Smith, Jr., John and Андріяш, ГС and van der Berg, Jan")
    assert [n["family"] for n in names] == ["Smith", "Андріяш", "Berg"]


@pytest.mark.parametrize("marker", ["others", "et al.", "{и др.}", "та ін."])
def test_et_al_markers_in_any_language(marker):
    names, et_al = parse_names(f"Петров, С. А. and {marker}")
    assert names == [{"family": "Петров", "given": "С. А."}] and et_al
