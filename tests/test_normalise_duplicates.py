"""find_duplicates / merge_duplicates: identifiers, fuzzy titles, a second list, no field lost."""

from __future__ import annotations

import copy

from cslkit.normalisers import find_duplicates, merge_duplicates

A = {
    "id": "a",
    "type": "article-journal",
    "author": [{"family": "Dellinger", "given": "R. P."}],
    "title": "Surviving Sepsis Campaign: international guidelines for management of severe sepsis",
    "container-title": "Critical Care Medicine",
    "issued": {"date-parts": [[2013]]},
    "volume": "41",
    "page": "580-637",
}
A_TYPED_AGAIN = {
    "id": "a2",
    "type": "article-journal",
    "author": [{"family": "Dellinger", "given": "R."}, {"family": "Levy", "given": "M. M."}],
    "title": "Surviving sepsis campaign - International guidelines for management of severe sepsis.",
    "issued": {"date-parts": [[2013, 2]]},
    "page": "580-637",
    "DOI": "10.1097/ccm.0b013e31827e83af",
}
B = {
    "id": "b",
    "type": "article-journal",
    "author": [{"family": "Levy", "given": "M. M."}],
    "title": "The Surviving Sepsis Campaign bundle: 2018 update",
    "issued": {"date-parts": [[2018]]},
    "DOI": "10.1097/CCM.0000000000003119",
}
B_BY_DOI = {
    "id": "b-doi",
    "type": "article-journal",
    "title": "Other words",
    "DOI": "https://doi.org/10.1097/ccm.0000000000003119",
}


def test_same_doi_and_fuzzy_title_are_found_with_reasons():
    pairs = find_duplicates([A, B, A_TYPED_AGAIN, B_BY_DOI])
    assert [(p.first, p.second, p.field) for p in pairs] == [(0, 2, "title"), (1, 3, "DOI")]
    assert "similar" in pairs[0].reason and "2013" in pairs[0].reason
    assert pairs[1].score == 1.0


def test_different_works_are_not_duplicates():
    sequel = {**A, "id": "a-vol42", "volume": "42"}
    other_author = {**A, "id": "x", "author": [{"family": "Kowalski", "given": "P."}]}
    other_year = {**A, "id": "y", "issued": {"date-parts": [[2014]]}}
    assert find_duplicates([A, sequel, other_author, other_year]) == []


def test_against_a_second_list():
    pairs = find_duplicates([B, A], [A_TYPED_AGAIN, {"id": "z", "title": "Unrelated"}])
    assert [(p.first, p.second) for p in pairs] == [(1, 0)]


def test_merge_keeps_every_field_and_does_not_touch_inputs():
    items = [A, B, A_TYPED_AGAIN]
    snapshot = copy.deepcopy(items)
    merged, report = merge_duplicates(items)
    assert items == snapshot
    assert [i["id"] for i in merged] == ["a", "b"]
    first = merged[0]
    assert first["DOI"] == "10.1097/ccm.0b013e31827e83af"  # gained
    assert first["container-title"] == "Critical Care Medicine"  # kept
    assert len(first["author"]) == 2  # the longer author list wins...
    kept = first["custom"]["merged"]["a2"]
    assert kept["author"] == A["author"]  # ...and the shorter one is kept aside
    assert kept["title"] == A_TYPED_AGAIN["title"]
    assert kept["issued"] == A_TYPED_AGAIN["issued"]
    assert [p.code for p in report] == ["merged-duplicate"]
    assert "a2" in report.problems[0].message and '"a"' in report.problems[0].message


def test_merge_from_another_list_fills_gaps_and_removes_nothing():
    merged, report = merge_duplicates([A, B], other=[A_TYPED_AGAIN])
    assert [i["id"] for i in merged] == ["a", "b"]
    assert merged[0]["DOI"] == A_TYPED_AGAIN["DOI"]
    assert merged[0]["volume"] == "41"
    assert len(report) == 1
