"""Two-word Cyrillic names: the order is decided by the list of common given names."""

from __future__ import annotations

import pytest

import cslkit
from cslkit.normalisers.given_names import GIVEN_NAMES, is_given_name
from cslkit.normalisers.names import parse_name


@pytest.mark.parametrize(
    ("text", "family", "given"),
    [
        ("Юрий Гагарин", "Гагарин", "Юрий"),
        ("Гагарин Юрий", "Гагарин", "Юрий"),
        ("Юрій Гагарін", "Гагарін", "Юрій"),
        ("Олена Пчілка", "Пчілка", "Олена"),
        ("Пчілка Олена", "Пчілка", "Олена"),
        ("Наталья Бехтерева", "Бехтерева", "Наталья"),
        ("Мар’яна Коваль", "Коваль", "Мар’яна"),
    ],
)
def test_a_known_given_name_decides_the_order(text: str, family: str, given: str) -> None:
    assert parse_name(text) == {"family": family, "given": given}


def test_without_a_known_given_name_the_surname_ending_rule_decides() -> None:
    # Neither word is in the list: the family name is the one with a surname ending.
    assert parse_name("Гнат Шевченко") == {"family": "Шевченко", "given": "Гнат"}
    # Both words are given names: family name first, as Cyrillic references write it.
    assert parse_name("Роман Олег") == {"family": "Роман", "given": "Олег"}


def test_the_list_is_lower_case_cyrillic_and_matches_any_case() -> None:
    assert 250 <= len(GIVEN_NAMES) <= 400
    assert all(name == name.casefold() for name in GIVEN_NAMES)
    assert is_given_name("ОЛЕКСАНДР") and is_given_name("Мар'яна")
    assert not is_given_name("Гагарін")


def test_normalise_reorders_a_given_name_first_author() -> None:
    items = [{"id": "a", "type": "book", "title": "Дорога в космос", "author": "Юрий Гагарин"}]
    result = cslkit.normalise(items)
    assert result.items[0]["author"] == [{"family": "Гагарин", "given": "Юрий"}]
