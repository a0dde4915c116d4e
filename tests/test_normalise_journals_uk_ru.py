"""Ukrainian and Russian journals printed under Cyrillic or English titles get their
standard abbreviation (table built by tools/normalisers/build_uk_ru_journals.py)."""

from __future__ import annotations

import pytest

import cslkit


@pytest.mark.parametrize(
    ("printed", "abbreviation"),
    [
        ("Лікарська справа", "Lik Sprava"),
        ("Фізіологічний журнал", "Fiziol Zh"),
        (
            "Журнал микробиологии, эпидемиологии и иммунобиологии",
            "Zh Mikrobiol Epidemiol Immunobiol",
        ),
        ("Репродуктивна ендокринологія", "Reprod Endocrinol"),
        ("Reproductive Endocrinology", "Reprod Endocrinol"),
        ("Український медичний часопис", "Ukr Med J"),
    ],
)
def test_cyrillic_and_english_titles_get_the_abbreviation(printed: str, abbreviation: str) -> None:
    item = {"id": "a", "type": "article-journal", "title": "T", "container-title": printed}
    result = cslkit.normalise([item]).items[0]
    assert result["container-title"] == printed
    assert result["container-title-short"] == abbreviation


def test_an_abbreviation_nlm_lacks_gets_its_full_title() -> None:
    item = {
        "id": "a",
        "type": "article-journal",
        "title": "T",
        "container-title": "Reprod. Endocrinol.",
    }
    result = cslkit.normalise([item]).items[0]
    assert result["container-title"] == "Reproductive Endocrinology"
    assert result["container-title-short"] == "Reprod Endocrinol"
