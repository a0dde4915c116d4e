"""cslkit.normalise: each step on its own, the registry, purity, and the change report."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import cslkit
from cslkit.normalisers import STEPS, normalise
from cslkit.normalisers.containers import normalise_container_titles
from cslkit.normalisers.dates import normalise_dates, parse_date
from cslkit.normalisers.identifiers import normalise_identifiers
from cslkit.normalisers.language import detect_language, normalise_language
from cslkit.normalisers.names import format_initials, normalise_names, parse_name, split_name_list
from cslkit.normalisers.pages import normalise_pages
from cslkit.normalisers.text import clean_text, normalise_type
from cslkit.validation import validate

GOOD = json.loads((Path(__file__).parent / "data" / "validation" / "good.json").read_text("utf-8"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith JA", {"family": "Smith", "given": "J. A."}),
        ("Smith, J.A.", {"family": "Smith", "given": "J. A."}),
        ("J. A. Smith", {"family": "Smith", "given": "J. A."}),
        ("Іваненко І.В.", {"family": "Іваненко", "given": "І. В."}),
        ("Мальцев Д. В.", {"family": "Мальцев", "given": "Д. В."}),
        ("Иванов Иван Петрович", {"family": "Иванов", "given": "Иван Петрович"}),
        ("Шевченко Тарас", {"family": "Шевченко", "given": "Тарас"}),
        ("Олена Коваленко", {"family": "Коваленко", "given": "Олена"}),
        ("van der Berg J", {"family": "Berg", "given": "J.", "non-dropping-particle": "van der"}),
        ("De Zwaan M", {"family": "De Zwaan", "given": "M."}),
        ("Smith JA Jr", {"family": "Smith", "given": "J. A.", "suffix": "Jr"}),
        ("World Health Organization", {"literal": "World Health Organization"}),
        (
            "Міністерство охорони здоров'я України",
            {"literal": "Міністерство охорони здоров'я України"},
        ),
    ],
)
def test_parse_name(text, expected):
    assert parse_name(text) == expected


def test_initials_have_one_form():
    assert format_initials("JA") == "J. A."
    assert format_initials("J.A.") == "J. A."
    assert format_initials("J A") == "J. A."
    assert format_initials("J.-P.") == "J.-P."
    assert format_initials("Є.В.") == "Є. В."
    assert format_initials("John") == "John"
    assert format_initials("John A") == "John A."


def test_split_name_list():
    assert split_name_list("Smith JA, Doe B, Ivanov AV") == ["Smith JA", "Doe B", "Ivanov AV"]
    assert split_name_list("Smith, J., Doe, B.") == ["Smith, J.", "Doe, B."]
    assert split_name_list("Мальцев Д.В., Казмірчук В.Є.") == ["Мальцев Д.В.", "Казмірчук В.Є."]
    assert split_name_list("Ли DV, et al.") == ["Ли DV", "et al."]
    assert split_name_list("O'Connor L, D'Arcy-Smith JP") == ["O'Connor L", "D'Arcy-Smith JP"]
    assert split_name_list("Smith, John") == ["Smith, John"]
    assert split_name_list("Іваненко І. В. та ін.") == ["Іваненко І. В.", "та ін."]


def test_names_step_removes_et_al_and_records_it():
    item = {"id": "x", "author": [{"family": "Smith", "given": "JA"}, {"literal": "та ін."}]}
    new, changes = normalise_names(item)
    assert new["author"] == [{"family": "Smith", "given": "J. A."}]
    assert new["custom"] == {"et-al": True}
    assert {c.code for c in changes} == {"removed-et-al", "normalised-name"}
    assert item["author"][1] == {"literal": "та ін."}  # input untouched


def test_names_step_splits_a_name_string_and_makes_groups_literal():
    new, _ = normalise_names(
        {"id": "x", "author": "Smith JA, Doe B", "editor": [{"family": "WHO Study Group"}]}
    )
    assert new["author"] == [
        {"family": "Smith", "given": "J. A."},
        {"family": "Doe", "given": "B."},
    ]
    assert new["editor"] == [{"literal": "WHO Study Group"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2012", {"date-parts": [[2012]]}),
        ("2012 Apr", {"date-parts": [[2012, 4]]}),
        ("2012 Apr 5", {"date-parts": [[2012, 4, 5]]}),
        ("5 квітня 2012", {"date-parts": [[2012, 4, 5]]}),
        ("5 апреля 2012 г.", {"date-parts": [[2012, 4, 5]]}),
        ("April 5, 2012", {"date-parts": [[2012, 4, 5]]}),
        ("2012-04-05", {"date-parts": [[2012, 4, 5]]}),
        ("05.04.2012", {"date-parts": [[2012, 4, 5]]}),
        ("весна 2011", {"date-parts": [[2011]], "season": 1}),
        ("Winter 2010", {"date-parts": [[2010]], "season": 4}),
        ("2010-2011", {"date-parts": [[2010], [2011]]}),
        ("2012 Apr-May", {"date-parts": [[2012, 4], [2012, 5]]}),
        ("2013 Jul 1-3", {"date-parts": [[2013, 7, 1], [2013, 7, 3]]}),
        ("in press", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_dates_step_takes_the_cited_date_to_accessed():
    new, changes = normalise_dates({"id": "x", "issued": "2013 [cited 2013 Jan 5]"})
    assert new["issued"] == {"date-parts": [[2013]]}
    assert new["accessed"] == {"date-parts": [[2013, 1, 5]]}
    assert {c.field for c in changes} == {"issued", "accessed"}


def test_dates_step_makes_parts_numeric_and_parses_raw():
    new, _ = normalise_dates(
        {"id": "x", "issued": {"date-parts": [["2013", "Feb"]]}, "accessed": {"raw": "2020-03-01"}}
    )
    assert new["issued"] == {"date-parts": [[2013, 2]]}
    assert new["accessed"] == {"date-parts": [[2020, 3, 1]]}


def test_impossible_dates_are_kept_for_the_validator_to_flag():
    new, _ = normalise_dates({"id": "x", "issued": "2013-02-30"})
    assert new["issued"] == {"date-parts": [[2013, 2, 30]]}
    assert any(p.code == "impossible-date" for p in validate([{**GOOD[0], **new}]))


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("1073–9", "1073-1079"),
        ("E231–40", "E231-E240"),
        ("444.e1–6", "444.e1-444.e6"),
        ("pp. 12--19", "12-19"),
        ("С. 45–52.", "45-52"),
        ("CD007885", "CD007885"),
        ("e0123456", "e0123456"),
        ("S12-S19", "S12-S19"),
        ("12-9, 22-4", "12-19, 22-24"),
        ("394–40", "394-40"),  # not a valid abbreviation: kept for the validator
    ],
)
def test_pages(page, expected):
    new, changes = normalise_pages({"id": "x", "type": "article-journal", "page": page})
    assert new["page"] == expected
    assert bool(changes) == (page != expected)
    if changes:
        assert page in changes[0].message and expected in changes[0].message


def test_page_count_of_a_book_moves_to_number_of_pages():
    new, _ = normalise_pages({"id": "b", "type": "book", "page": "250 с."})
    assert "page" not in new and new["number-of-pages"] == "250"
    same, changes = normalise_pages({"id": "a", "type": "article-journal", "page": "250"})
    assert same["page"] == "250" and not changes


def test_identifiers_are_cleaned_and_moved():
    new, changes = normalise_identifiers(
        {
            "id": "x",
            "title": "Aspirin and stroke. doi: 10.1000/XYZ.1",
            "note": "PMID: 12345678. PMCID: PMC99999",
            "ISSN": "00904 493",
        }
    )
    assert new["title"] == "Aspirin and stroke"
    assert new["DOI"] == "10.1000/xyz.1"
    assert new["PMID"] == "12345678" and new["PMCID"] == "PMC99999"
    assert "note" not in new
    assert {c.code for c in changes} == {"moved-identifier"}  # a bad ISSN is left alone
    doi_url, _ = normalise_identifiers(
        {"id": "y", "URL": "https://doi.org/10.1016/S0140-6736(10)60834-3"}
    )
    assert doi_url == {"id": "y", "DOI": "10.1016/s0140-6736(10)60834-3"}
    issn, _ = normalise_identifiers(
        {"id": "z", "ISSN": "00903493", "DOI": "https://dx.doi.org/10.1097/AB"}
    )
    assert issn["ISSN"] == "0090-3493" and issn["DOI"] == "10.1097/ab"


def test_container_titles_full_and_nlm_abbreviation():
    new, _ = normalise_container_titles({"id": "x", "container-title": "N. Engl. J. Med."})
    assert new["container-title-short"] == "N Engl J Med"
    assert new["container-title"] == "New England Journal of Medicine"
    new, _ = normalise_container_titles(
        {"id": "x", "container-title": "The New England Journal of Medicine"}
    )
    assert new["container-title-short"] == "N Engl J Med"
    new, _ = normalise_container_titles({"id": "x", "journalAbbreviation": "Crit Care Med"})
    assert new["container-title-short"] == "Crit Care Med" and "journalAbbreviation" not in new
    unknown = {"id": "x", "container-title": "Журнал неврології ім. Б. М. Маньковського"}
    assert normalise_container_titles(unknown) == (unknown, [])


def test_abbreviations_are_consistent_across_a_list():
    items = [
        {"id": "a", "container-title": "N Engl J Med"},
        {"id": "b", "container-title": "N. Engl. J. Med."},
        {
            "id": "c",
            "container-title": "New England Journal of Medicine",
            "container-title-short": "N. Engl. J. Med.",
        },
    ]
    result = normalise(items, steps=["container-titles"]).items
    assert {i["container-title-short"] for i in result} == {"N Engl J Med"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Особливості лікування хворих на цукровий діабет", "uk"),
        ("Лікування та профілактика", "uk"),
        ("Особенности лечения больных сахарным диабетом", "ru"),
        ("Лечение и профилактика", "ru"),
        ("The effect of aspirin on stroke", "en"),
        ("Die Behandlung der Hypertonie bei älteren Patienten", "de"),
        ("Traitement de la maladie chez les patients", "fr"),
        ("Клиническое значение исследования", "ru"),  # no ы э ъ ё: endings decide
        ("Застосування препарату", "uk"),  # no і ї є ґ: "-ння" decides
        ("Хронический панкреатит", "ru"),  # Ukrainian writes "хронічний"
        ("Логический атомизм", "ru"),
        ("Историко-философский ежегодник", "ru"),  # Ukrainian words rarely start in "и"
        ("Хронічний панкреатит", "uk"),
        ("Диагностика", None),  # one word and no telling letter: unsure
        ("Gesammelte Werke", "de"),
        ("Stroke", None),
        ("", None),
    ],
)
def test_detect_language(text, code):
    assert detect_language(text) == code


def test_language_step_sets_and_normalises_codes():
    new, _ = normalise_language({"id": "x", "title": "Вплив м'язів на стан хворих"})
    assert new["language"] == "uk"
    new, _ = normalise_language({"id": "x", "title": "x", "language": "Russian"})
    assert new["language"] == "ru"
    kept = {"id": "x", "title": "The effect", "language": "en-GB"}
    assert normalise_language(kept) == (kept, [])


def test_text_and_type_steps():
    new, _ = clean_text(
        {"id": "x", "title": "  Aspirin   and stroke. ", "container-title": "J. Biol. Chem."}
    )
    assert new["title"] == "Aspirin and stroke"
    assert new["container-title"] == "J. Biol. Chem."
    new, _ = normalise_type({"id": "x", "type": "journalArticle"})
    assert new["type"] == "article-journal"


def test_registry_order_selection_and_skip():
    assert list(STEPS) == [
        "types",
        "identifiers",
        "text",
        "names",
        "dates",
        "pages",
        "container-titles",
        "language",
        "places",
        "container-spellings",
    ]
    item = {
        "id": "x",
        "type": "article-journal",
        "title": "The effect of aspirin",
        "page": "1073–9",
    }
    only_pages = normalise([item], steps=["pages"])
    assert only_pages.items[0] == {**item, "page": "1073-1079"}
    skipped = normalise([item], skip=["language"])
    assert "language" not in skipped.items[0]
    with pytest.raises(cslkit.CslkitError):
        normalise([item], skip=["nope"])


def test_normalise_is_pure_and_reports_every_change_as_info():
    messy = [
        {
            "id": "m1",
            "type": "journalArticle",
            "author": "Smith JA, Doe B, et al.",
            "title": "Aspirin and stroke. doi: 10.1000/XYZ",
            "container-title": "N Engl J Med",
            "issued": "2012 Apr 5",
            "page": "1073–9",
            "volume": "12",
        },
        "not an item",
    ]
    snapshot = copy.deepcopy(messy)
    result = cslkit.normalise(messy)
    assert messy == snapshot
    assert result.items[1] == "not an item"
    fixed = result.items[0]
    assert fixed["type"] == "article-journal"
    assert fixed["issued"] == {"date-parts": [[2012, 4, 5]]}
    assert fixed["DOI"] == "10.1000/xyz"
    assert validate([fixed]).ok
    assert all(
        p.severity == "info" and p.position == 0 and p.item_id == "m1" for p in result.report
    )
    assert {p.code for p in result.report} >= {
        "normalised-type",
        "moved-identifier",
        "removed-et-al",
        "normalised-name",
        "normalised-date",
        "normalised-page",
        "normalised-container-title",
        "set-language",
    }


def test_clean_items_only_gain_derived_fields_and_canonical_forms():
    result = normalise(GOOD)
    codes = {p.code for p in result.report}
    # "van der Berg" gets its particle split off, a year string becomes a number,
    # abbreviations and languages are added; nothing is rewritten beyond that.
    assert codes <= {
        "normalised-container-title",
        "set-language",
        "normalised-name",
        "normalised-date",
    }
    assert validate(result.items).ok


def test_the_cycle_collector_is_paused_only_while_a_list_is_processed():
    import gc

    from cslkit.gcpause import cycle_collection_paused

    assert gc.isenabled()
    seen = []
    with cycle_collection_paused():
        seen.append(gc.isenabled())
        with cycle_collection_paused():
            pass
        seen.append(gc.isenabled())  # the inner block does not switch it back on
    assert seen == [False, False] and gc.isenabled()
    with pytest.raises(ZeroDivisionError), cycle_collection_paused():
        raise ZeroDivisionError
    assert gc.isenabled()
    cslkit.validate(cslkit.normalise(GOOD).items)
    assert gc.isenabled()
    gc.disable()  # a caller that switched it off keeps it off
    try:
        cslkit.normalise(GOOD)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(
    "given", ["JA", "J. A.", "Olena", "Yu", "A. Yu.", "AYu", "John A", " J A "]
)
def test_the_fast_path_for_plain_names_gives_what_the_general_path_gives(given):
    from cslkit.normalisers.names import _split_particle, format_initials

    new, _ = normalise_names({"id": "x", "author": [{"family": "Kowalenko", "given": given}]})
    general = _split_particle(
        {"family": "Kowalenko", "given": format_initials(" ".join(given.split()))}
    )
    assert new["author"][0] == general
