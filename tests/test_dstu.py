"""DSTU 8302:2015 styles against examples from DSTU 8302 guides (tests/data/dstu/cases.json).

Every case renders through the public ``cslkit.render`` in both punctuation forms; the
cases file names each example's source and every difference from the guide's text.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

import cslkit
from cslkit.dstu import prepare_items

ROOT = Path(__file__).resolve().parent.parent
CASES_FILE = Path(__file__).resolve().parent / "data" / "dstu" / "cases.json"
CASES = json.loads(CASES_FILE.read_text(encoding="utf-8"))
FULL, SHORT = "dstu-8302-2015", "dstu-8302-2015-short"
STYLES = (FULL, SHORT)
LIST_NUMBER = re.compile(r"^\d+\.\s")


def entry_text(entry: str) -> str:
    """An entry without its list number ("1. ")."""
    return LIST_NUMBER.sub("", entry)


def case_params() -> list[object]:
    params = []
    for case in CASES["cases"]:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=False)] if "xfail" in case else []
        for style in STYLES:
            params.append(pytest.param(case, style, id=f"{case['id']}-{style}", marks=marks))
    return params


@pytest.mark.parametrize(("case", "style"), case_params())
def test_guide_example(case: dict, style: str) -> None:
    [entry] = cslkit.render([case["item"]], style=style)
    assert entry_text(entry) == case["expected"][style]


def test_cases_cover_the_brief() -> None:
    cases = CASES["cases"]
    assert len(cases) >= 45
    assert {c["language"] for c in cases} >= {"uk", "ru", "en"}
    assert {c["kind"] for c in cases} >= {
        "article-journal", "book", "chapter", "paper-conference", "thesis", "patent",
        "legislation", "webpage", "standard",
    }
    for case in cases:
        assert case["source"] in CASES["sources"], case["id"]
        assert case["guide"] and set(case["expected"]) == set(STYLES)
        assert "xfail" not in case, f"{case['id']}: every guide example must be exact"


def test_every_house_convention_is_defined_sourced_and_documented() -> None:
    conventions = CASES["conventions"]
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name, convention in conventions.items():
        assert set(convention["follows"]) | set(convention["differs"]) <= set(CASES["sources"]), name
        assert f"`{name}`" in readme, f"README does not explain the DSTU convention {name!r}"
    used = {name for case in CASES["cases"] for name in case.get("conventions", [])}
    assert used == set(conventions)


def test_one_list_mixes_languages_with_each_items_terms() -> None:
    """Rendered together (document locale uk-UA), every entry keeps its own language's terms."""
    cases = [c for c in CASES["cases"] if "xfail" not in c]
    entries = cslkit.render([c["item"] for c in cases], style=SHORT, locale="uk-UA")
    assert [entry_text(e) for e in entries] == [c["expected"][SHORT] for c in cases]
    english = next(e for e in entries if "Bletskan" in e)
    assert "Vol. 19, No. 1. P. 98–108." in english


def test_full_form_prints_english_articles_as_the_seed_journal_does() -> None:
    """Entry 72 of the seed list is the full form as Ukrainian Medical Journal prints it."""
    seed = (ROOT / "examples" / "maltsev-2013-references.txt").read_text(encoding="utf-8")
    printed = next(line for line in seed.splitlines() if line.startswith("72. "))
    item = {"id": "maltsev-2013", "type": "article-journal",
            "author": [{"family": "Maltsev", "given": "D. V."},
                       {"family": "Nedopako", "given": "Y. Y."}],
            "title": "Deficiency of natural killer cells: heterogeneity, symptoms, diagnostics, "
                     "treatment, clinical examples",
            "container-title": "Ukrainian Medical Journal", "issued": {"date-parts": [[2013]]},
            "issue": "2 (94)", "page": "129-142"}
    [entry] = cslkit.render([item], style=FULL)
    # Only the heading differs: the journal writes Vancouver-style names and no full stop.
    assert entry_text(entry) == entry_text(printed).replace(
        "Maltsev DV, Nedopako YY ", "Maltsev D. V., Nedopako Y. Y. "
    )
    assert entry_text(cslkit.render([item], style=SHORT)[0]).endswith(
        "Ukrainian Medical Journal. 2013. No. 2 (94). P. 129–142."
    )


def test_four_authors_in_russian_and_english_use_their_own_et_al() -> None:
    authors = [{"family": f, "given": "A. B."} for f in ("Ivanov", "Petrov", "Sidorov", "Orlov")]
    russian = {"id": "ru", "type": "book", "language": "ru", "title": "Хирургия", "author": authors,
               "publisher-place": "Москва", "issued": {"date-parts": [[2010]]},
               "number-of-pages": "300"}
    english = dict(russian, id="en", language="en", title="Surgery", **{"publisher-place": "London"})
    ru_entry, en_entry = (entry_text(e) for e in cslkit.render([russian, english], style=SHORT))
    assert ru_entry == "Хирургия / A. B. Ivanov и др. Москва, 2010. 300 с."
    assert en_entry == "Surgery / A. B. Ivanov et al. London, 2010. 300 p."


def test_doi_url_and_access_date() -> None:
    item = {"id": "w", "type": "article-journal", "language": "uk",
            "author": [{"family": "Шевченко", "given": "Олена"}], "title": "Назва",
            "container-title": "Журнал", "issued": {"date-parts": [[2013]]}, "volume": "3",
            "issue": "2", "page": "10-12", "DOI": "10.1000/xyz", "URL": "https://example.org/a",
            "accessed": {"date-parts": [[2013, 1, 5]]}}
    short, full = (entry_text(cslkit.render([item], style=s)[0]) for s in (SHORT, FULL))
    assert short == ("Шевченко О. Назва. Журнал. 2013. Т. 3, № 2. С. 10–12. "
                     "DOI: https://doi.org/10.1000/xyz. "
                     "URL: https://example.org/a (дата звернення: 05.01.2013).")
    assert full == ("Шевченко О. Назва // Журнал. – 2013. – Т. 3, № 2. – С. 10–12. – "
                    "DOI: https://doi.org/10.1000/xyz. – "
                    "URL: https://example.org/a (дата звернення: 05.01.2013).")


def test_dissertation_without_university() -> None:
    item = {"id": "d", "type": "thesis", "language": "uk",
            "author": [{"family": "Петренко", "given": "Ірина Василівна"}],
            "title": "Лікування гострого панкреатиту", "genre": "дис. … канд. мед. наук",
            "number": "14.01.03", "publisher-place": "Київ", "issued": {"date-parts": [[2012]]},
            "number-of-pages": "180"}
    assert entry_text(cslkit.render([item], style=SHORT)[0]) == (
        "Петренко І. В. Лікування гострого панкреатиту : дис. … канд. мед. наук : 14.01.03. "
        "Київ, 2012. 180 с."
    )


def test_law_in_the_official_gazette() -> None:
    item = {"id": "law", "type": "legislation", "language": "uk", "title": "Про вищу освіту",
            "genre": "Закон України", "number": "1556-VII",
            "issued": {"date-parts": [[2014, 7, 1]]},
            "container-title": "Відомості Верховної Ради України", "issue": "37-38",
            "section": "2004"}
    short, full = (entry_text(cslkit.render([item], style=s)[0]) for s in (SHORT, FULL))
    assert short == ("Про вищу освіту : Закон України від 01.07.2014 р. № 1556-VII. "
                     "Відомості Верховної Ради України. 2014. № 37-38. Ст. 2004.")
    assert full == ("Про вищу освіту : Закон України від 01.07.2014 р. № 1556-VII // "
                    "Відомості Верховної Ради України. – 2014. – № 37-38. – Ст. 2004.")
    russian = dict(item, language="ru", genre="Закон Украины")
    assert "Закон Украины от 01.07.2014 г. № 1556-VII." in cslkit.render([russian], style=SHORT)[0]


def test_gazette_issue_date_follows_the_year_when_the_item_has_it() -> None:
    decree = {"id": "decree", "type": "legislation", "language": "uk",
              "title": "Про заходи", "genre": "Указ Президента України", "number": "12",
              "issued": {"date-parts": [[2002, 4, 17]]}, "container-title": "Урядовий кур'єр",
              "page": "5"}
    assert entry_text(cslkit.render([decree], style=FULL)[0]).endswith(
        "від 17.04.2002 р. № 12 // Урядовий кур’єр. – 2002. – С. 5.")
    published = dict(decree, **{"available-date": {"date-parts": [[2002, 4, 24]]}})
    assert entry_text(cslkit.render([published], style=FULL)[0]).endswith(
        "від 17.04.2002 р. № 12 // Урядовий кур’єр. – 2002. – 24 квіт. – С. 5.")
    # Zotero has no field for it; its "Extra" line carries it, as citeproc-js reads it
    extra = dict(decree, note="available-date: 2002-04-24")
    assert "2002. – 24 квіт. – С. 5." in cslkit.render([extra], style=FULL)[0]


@pytest.mark.parametrize(
    ("language", "role"), [("uk", "/ ред. В. Г. Кремень."), ("ru", "/ ред. В. Г. Кремень."),
                           ("en", "/ ed. by V. G. Kremen.")])
def test_editor_role_reads_with_a_name_in_the_nominative(language: str, role: str) -> None:
    name = ({"family": "Kremen", "given": "V. G."} if language == "en"
            else {"family": "Кремень", "given": "В. Г."})
    book = {"id": "b", "type": "book", "language": language, "title": "Енциклопедія освіти",
            "editor": [name], "publisher-place": "Київ", "publisher": "Юрінком Інтер",
            "issued": {"date-parts": [[2008]]}}
    assert role in cslkit.render([book], style=SHORT)[0]


PATENT = {"id": "pat", "type": "patent", "title": "Method of treating acute pancreatitis",
          "number": "123456", "jurisdiction": "Україна", "genre": "A61K 31/00",
          "call-number": "u 2017 11766", "submitted": {"date-parts": [[2017, 12, 1]]},
          "issued": {"date-parts": [[2018, 2, 12]]}, "issue": "3", "number-of-pages": "5"}


@pytest.mark.parametrize(
    ("language", "style", "tail"),
    [("uk", SHORT, "№ u 2017 11766 ; заявл. 01.12.2017 ; опубл. 12.02.2018, Бюл. № 3. 5 с."),
     ("ru", SHORT, "№ u 2017 11766 ; заявл. 01.12.2017 ; опубл. 12.02.2018, Бюл. № 3. 5 с."),
     ("en", SHORT, "No. u 2017 11766 ; appl. 01.12.2017 ; publ. 12.02.2018, Bull. No. 3. 5 p."),
     ("en", FULL, "№ u 2017 11766 ; appl. 01.12.2017 ; publ. 12.02.2018, Bull. № 3. – 5 p.")],
)
def test_patent_terms_follow_the_items_language(language: str, style: str, tail: str) -> None:
    [entry] = cslkit.render([dict(PATENT, language=language)], style=style)
    patent = "pat." if language == "en" else "пат."
    assert entry_text(entry).startswith(
        f"Method of treating acute pancreatitis : {patent} 123456 Україна : A61K 31/00."
    )
    assert entry_text(entry).endswith(tail)


def test_patent_in_another_language_gets_latin_labels_not_locale_leftovers() -> None:
    """German has no in-style locale: the repurposed terms must not fall back to "orig. pub."."""
    [entry] = cslkit.render([dict(PATENT, language="de")], style=SHORT)
    assert "; appl. 01.12.2017 ; publ. 12.02.2018, Bull. Nr. 3." in entry
    assert "orig." not in entry


def test_patent_without_application_data_prints_no_empty_labels() -> None:
    bare = {key: PATENT[key] for key in ("id", "type", "title", "number", "jurisdiction", "issued")}
    assert entry_text(cslkit.render([dict(bare, language="en")], style=SHORT)[0]) == (
        "Method of treating acute pancreatitis : pat. 123456 Україна. Publ. 12.02.2018."
    )
    assert entry_text(cslkit.render([dict(bare, language="uk")], style=FULL)[0]) == (
        "Method of treating acute pancreatitis : пат. 123456 Україна. – Опубл. 12.02.2018."
    )


def test_prepare_items_moves_four_or_more_authors_only() -> None:
    three = {"id": "3", "author": [{"family": "A"}, {"family": "B"}, {"family": "C"}]}
    four = {"id": "4", "author": [{"family": n} for n in "ABCD"],
            "contributor": [{"family": "Z"}]}
    originals = copy.deepcopy([three, four])
    prepared = prepare_items([three, four])
    assert [three, four] == originals  # inputs untouched
    assert prepared[0] == three
    assert "author" not in prepared[1]
    assert [n["family"] for n in prepared[1]["contributor"]] == ["A", "B", "C", "D", "Z"]


@pytest.mark.parametrize("style", STYLES)
def test_styles_are_valid_csl_1_0_2(style: str, shared_data: Path) -> None:
    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(shared_data / "csl-schema" / "derived" / "csl.rng")))
    document = etree.parse(str(ROOT / "styles" / f"{style}.csl"))
    assert schema.validate(document), schema.error_log


def test_items_without_language_get_the_terms_of_their_title_language() -> None:
    base = {"type": "article-journal", "issued": {"date-parts": [[2001]]}, "volume": "2",
            "issue": "3", "page": "4-9", "author": [{"family": "Ivanov", "given": "I."}]}
    items = [
        dict(base, id="en", title="Acute pancreatitis in adults", **{"container-title": "Lancet"}),
        dict(base, id="uk", title="Гострий панкреатит у дорослих", **{"container-title": "Хірургія"}),
        dict(base, id="ru", title="Острый панкреатит у взрослых", **{"container-title": "Хирургия"}),
    ]
    entries = [entry_text(e) for e in cslkit.render(items, style=SHORT)]
    assert entries[0].endswith("Lancet. 2001. Vol. 2, No. 3. P. 4–9.")
    assert entries[1].endswith("Хірургія. 2001. Т. 2, № 3. С. 4–9.")
    assert entries[2].endswith("Хирургия. 2001. Т. 2, № 3. С. 4–9.")
    assert "language" not in items[0]  # the caller's items are untouched


def test_corporate_author_heading_ends_with_a_full_stop() -> None:
    item = {"id": "who", "type": "report", "language": "en",
            "author": [{"literal": "World Health Organization"}],
            "title": "Global report on diabetes", "publisher-place": "Geneva",
            "publisher": "WHO", "issued": {"date-parts": [[2016]]}, "number-of-pages": "86"}
    assert entry_text(cslkit.render([item], style=FULL)[0]) == (
        "World Health Organization. Global report on diabetes. – Geneva : WHO, 2016. – 86 p."
    )


def test_cli_renders_both_forms(tmp_path: Path) -> None:
    import subprocess
    import sys

    case = next(c for c in CASES["cases"] if c["id"] == "dzhuriak-2020")
    source = tmp_path / "refs.json"
    source.write_text(json.dumps([case["item"]], ensure_ascii=False), encoding="utf-8")
    for style in STYLES:
        done = subprocess.run(
            [sys.executable, "-m", "cslkit", "render", str(source), "--style", style],
            capture_output=True, text=True, encoding="utf-8", timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert entry_text(done.stdout.strip()) == case["expected"][style]


@pytest.mark.parametrize(
    "stored", ["10.1000/xyz", "https://doi.org/10.1000/xyz", "http://dx.doi.org/10.1000/xyz",
               "doi: 10.1000/xyz", "DOI:10.1000/xyz"],
)
def test_doi_is_printed_once_however_it_is_stored(stored: str) -> None:
    item = {"id": "d", "type": "article-journal", "language": "en", "title": "T",
            "container-title": "J", "issued": {"date-parts": [[2020]]}, "DOI": stored}
    assert entry_text(cslkit.render([item], style=SHORT)[0]) == (
        "T. J. 2020. DOI: https://doi.org/10.1000/xyz."
    )


@pytest.mark.parametrize(
    ("stored", "printed"),
    [("1073-9", "1073–1079"), ("96-7", "96–97"), ("98-108", "98–108"), ("12-15", "12–15"),
     # Not a range (the second page comes first): printed as given, for validation to flag.
     ("120-15", "120-15"), ("e1234", "e1234")],
)
def test_short_page_ranges_are_printed_in_full(stored: str, printed: str) -> None:
    item = {"id": "p", "type": "article-journal", "language": "uk", "title": "Назва",
            "container-title": "Журнал", "issued": {"date-parts": [[2020]]}, "page": stored}
    assert entry_text(cslkit.render([item], style=SHORT)[0]) == (
        f"Назва. Журнал. 2020. С. {printed}."
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("uk", "Історія України : у 3 т. : підручник / ред. В. А. Смолій. Київ : Наук. думка, 2012. Т. 2. 560 с."),
     ("ru", "Історія України : в 3 т. : підручник / ред. В. А. Смолій. Київ : Наук. думка, 2012. Т. 2. 560 с."),
     ("en", "Історія України : in 3 vols. : підручник / ed. by V. A. Smolii. Київ : Наук. думка, 2012. Vol. 2. "
            "560 p.")],
)
def test_a_volume_of_a_set_names_how_many_volumes_the_set_has(language: str, expected: str) -> None:
    editor = {"family": "Smolii", "given": "V. A."} if language == "en" else {"family": "Смолій", "given": "В. А."}
    item = {"id": "v", "type": "book", "language": language, "title": "Історія України", "genre": "підручник",
            "volume": "2", "number-of-volumes": "3", "editor": [editor], "publisher-place": "Київ",
            "publisher": "Наук. думка", "issued": {"date-parts": [[2012]]}, "number-of-pages": "560"}
    assert entry_text(cslkit.render([item], style=SHORT)[0]) == expected
