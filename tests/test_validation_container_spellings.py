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


# -- the container-spellings normalising step fixes what the rule reports ----------------


def test_the_step_rewrites_rarer_spellings_to_the_commonest_and_reports_each() -> None:
    items = _items(["Lik Sprava", "Lik. sprava", "Zh Foo Studies", "Lik Sprava", "ZH FOO STUDIES"])
    result = cslkit.normalise(items, steps=["container-spellings"])
    assert [i["container-title"] for i in result.items] == [
        "Lik Sprava",
        "Lik Sprava",
        "Zh Foo Studies",
        "Lik Sprava",
        "Zh Foo Studies",  # a tie: the first spelling wins, as in the rule
    ]
    changes = list(result.report)
    assert [(c.code, c.item_id, c.position, c.field) for c in changes] == [
        ("normalised-container-title", "i1", 1, "container-title"),
        ("normalised-container-title", "i4", 4, "container-title"),
    ]
    assert '"Lik. sprava" → "Lik Sprava"' in changes[0].message
    assert items[1]["container-title"] == "Lik. sprava"  # the input is not modified
    assert not _spelling_problems(result.items)


def test_the_rule_and_the_step_share_one_key() -> None:
    """Accents on Latin letters, "&", a leading "The" and punctuation do not make another
    journal; Cyrillic letters (й/и, ї/і) and other words do."""
    same = ["The Journal of Foo & Bar", "Journal of Foo and Bar", "Journal of Foo and Bar"]
    assert [p.item_id for p in _spelling_problems(_items(same))] == ["i0"]
    fixed = cslkit.normalise(_items(same), steps=["container-spellings"]).items
    assert {i["container-title"] for i in fixed} == {"Journal of Foo and Bar"}
    accents = _items(["Revue Médicale de Foo", "Revue medicale de foo", "Revue Médicale de Foo"])
    assert [p.item_id for p in _spelling_problems(accents)] == ["i1"]
    apart = ["Проблеми медицини й біології", "Проблеми медицини и біології", "Foo and Bar Review"]
    assert not _spelling_problems(_items(apart))
    assert not cslkit.normalise(_items(apart), steps=["container-spellings"]).report.problems


def test_container_title_short_is_unified_too() -> None:
    items = [
        {"id": f"s{n}", "type": "article-journal", "title": "T", "container-title-short": s}
        for n, s in enumerate(["Zh Foo", "Zh. Foo", "Zh Foo"])
    ]
    assert [p.field for p in _spelling_problems(items)] == ["container-title-short"]
    fixed = cslkit.normalise(items, steps=["container-spellings"]).items
    assert {i["container-title-short"] for i in fixed} == {"Zh Foo"}


def test_an_abbreviation_beside_its_full_title_moves_to_short_instead_of_winning() -> None:
    """NLM abbreviation in container-title, the full title in other items: the table says
    they are one journal, so the abbreviation goes to container-title-short even where the
    abbreviation is the commonest spelling."""
    items = _items(["Acta Paediatr", "Acta Paediatr", "Acta Paediatrica"])
    step = cslkit.normalise(items, steps=["container-spellings"])
    assert [(i["container-title"], i.get("container-title-short")) for i in step.items] == [
        ("Acta Paediatrica", "Acta Paediatr"),
        ("Acta Paediatrica", "Acta Paediatr"),
        ("Acta Paediatrica", None),
    ]
    # Two different full titles for one abbreviation (NLM reuses a few): nothing moves.
    two = _items(["Arch Pediatr", "Archives de Pediatrie", "Archives of Pediatrics"])
    assert not cslkit.normalise(two, steps=["container-spellings"]).report.problems
    # A different short form given by the user: the item is left alone.
    mine = [{**_items(["Acta Paediatr"])[0], "container-title-short": "APaed"}, *items[2:]]
    assert not cslkit.normalise(mine, steps=["container-spellings"]).report.problems


def test_normalise_runs_it_by_default_and_skip_switches_it_off() -> None:
    items = _items(["Lik Sprava", "Lik Sprava", "Lik. sprava"])
    assert "container-spellings" in cslkit.normalisers.STEPS
    assert cslkit.normalisers.STEPS["container-spellings"].kind == "list"
    everything = cslkit.normalise(items).items
    assert len({i["container-title"] for i in everything}) == 1
    skipped = cslkit.normalise(items, skip=["container-spellings", "container-titles"]).items
    assert [i["container-title"] for i in skipped] == ["Lik Sprava", "Lik Sprava", "Lik. sprava"]
    assert not _spelling_problems(everything)
