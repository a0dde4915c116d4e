"""One journal written one way within a list: the commonest spelling wins."""

from __future__ import annotations

import cslkit


def _items(titles: list[str]) -> list[dict[str, str]]:
    return [
        {"id": f"i{n}", "type": "article-journal", "title": "A study", "container-title": t}
        for n, t in enumerate(titles)
    ]


def _spelling_problems(items: list[dict[str, str]]) -> list[cslkit.Problem]:
    return [p for p in cslkit.validate(items) if p.code == "inconsistent-container-title"]


def test_a_rare_spelling_of_a_journal_in_no_table_is_reported_with_both_spellings() -> None:
    found = _spelling_problems(
        _items(["Lik Sprava", "Lik Sprava", "Lik. sprava", "Lik Sprava", "Fiziol Zh"])
    )
    assert [(p.item_id, p.field, p.severity) for p in found] == [
        ("i2", "container-title", "warning")
    ]
    assert '"Lik. sprava"' in found[0].message and '"Lik Sprava"' in found[0].message
    assert found[0].position == 2


def test_cyrillic_titles_and_a_tie_first_spelling_wins() -> None:
    found = _spelling_problems(
        _items(["Український медичний часопис", "Український Медичний Часопис"])
    )
    assert [p.item_id for p in found] == ["i1"]


def test_one_spelling_or_different_journals_raise_nothing() -> None:
    assert not _spelling_problems(_items(["Lik Sprava", "Lik Sprava", "Fiziol Zh"]))
