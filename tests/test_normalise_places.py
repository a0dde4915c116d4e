"""The ``places`` normalising step: GOST-abbreviated cities written out by the item's language."""

from __future__ import annotations

import pytest

import cslkit


def book(place: str, language: str | None, **extra: object) -> dict:
    item = {"id": "b", "type": "book", "title": "Назва", "publisher-place": place, "publisher": "Наук. думка",
            **extra}
    if language:
        item["language"] = language
    return item


@pytest.mark.parametrize(
    ("place", "language", "expected"),
    [
        ("К.", "uk", "Київ"),
        ("К.", "ru", "Киев"),
        ("Х.", "uk", "Харків"),
        ("Л.", "uk", "Львів"),
        ("Л.", "ru", "Ленинград"),
        ("М.", "uk", "Москва"),
        ("СПб.", "ru", "Санкт-Петербург"),
        ("С.-Пб.", "ru", "Санкт-Петербург"),
        ("М. ; Л.", "ru", "Москва ; Ленинград"),
        ("М.–Л.", "ru", "Москва ; Ленинград"),
    ],
)
def test_abbreviated_city_is_written_out(place: str, language: str, expected: str) -> None:
    result = cslkit.normalise([book(place, language)], steps=["places"])
    assert result.items[0]["publisher-place"] == expected
    [change] = result.report.problems
    assert change.code == "normalised-place" and change.field == "publisher-place" and place in change.message


@pytest.mark.parametrize(
    ("place", "language"),
    [("К.", None), ("К.", "en"), ("Київ", "uk"), ("Кам'янець-Подільський", "uk"), ("М. : Медицина", "ru"),
     ("Львів", "uk"), ("N.Y.", "en")],
)
def test_other_places_and_languages_are_left_alone(place: str, language: str | None) -> None:
    result = cslkit.normalise([book(place, language)], steps=["places"])
    assert result.items[0]["publisher-place"] == place
    assert result.report.problems == []


def test_the_full_pipeline_detects_the_language_first_and_references_get_kyiv() -> None:
    item = book("К.", None, title="Ендокринна гінекологія (клінічні нариси)", issued={"date-parts": [[2003]]},
                author=[{"family": "Татарчук", "given": "Т. Ф."}])
    [normalised] = cslkit.normalise([item]).items
    assert normalised["publisher-place"] == "Київ"
    [entry] = cslkit.render([normalised], style="vancouver", transliterate=True)
    assert "Kyiv: Nauk. dumka; 2003." in entry
    [entry] = cslkit.render([normalised], style="dstu-8302-2015-short")
    assert "Київ : Наук. думка, 2003." in entry


def test_event_place_too_and_the_input_is_not_changed() -> None:
    item = {"id": "c", "type": "paper-conference", "title": "Тези", "language": "uk", "event-place": "Х."}
    result = cslkit.normalise([item], steps=["places"])
    assert result.items[0]["event-place"] == "Харків"
    assert item["event-place"] == "Х."


def test_validate_reports_what_the_step_rewrites() -> None:
    items = [book("К.", "uk"), book("Київ", "uk"), book("К.", None), book("М. ; Л.", "ru")]
    found = [p for p in cslkit.validate(items).problems if p.code == "abbreviated-place"]
    assert [(p.position, p.field, p.severity) for p in found] == [
        (0, "publisher-place", "warning"), (3, "publisher-place", "warning")]
    assert '"Москва ; Ленинград"' in found[1].hint
    fixed = cslkit.normalise(items).items
    assert not [p for p in cslkit.validate(fixed).problems if p.code == "abbreviated-place"]
