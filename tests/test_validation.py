"""cslkit.validate: each rule on targeted items, clean items stay clean, messages name
the item and field, and no JSON value makes it raise."""

from __future__ import annotations

import copy
import datetime
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cslkit
from cslkit.validation import RULES, validate
from cslkit.validation.codes import CODES

ROOT = Path(__file__).resolve().parent.parent
GOOD = json.loads((Path(__file__).parent / "data" / "validation" / "good.json").read_text("utf-8"))
NEXT_YEAR = datetime.date.today().year + 1


def codes_of(report, severity=None):
    return {p.code for p in report if severity is None or p.severity == severity}


def test_good_items_have_no_errors_or_warnings():
    report = validate(GOOD)
    assert [p.message for p in report] == []
    assert report.ok


def test_good_items_pass_dstu_requirements_too():
    assert [p.message for p in validate(GOOD, style="dstu") if p.code != "missing-field"] == []


ARTICLE = GOOD[0]


def broken(**changes):
    item = copy.deepcopy(ARTICLE)
    for key, value in changes.items():
        key = (
            key.replace("_", "-")
            if key not in ("container_title_short",)
            else "container-title-short"
        )
        if value is ...:
            item.pop(key, None)
        else:
            item[key] = value
    return item


CASES = [
    # (item, expected code, expected field)
    ("not an item", "not-an-item", None),
    (broken(id=...), "missing-id", "id"),
    (broken(id=True), "invalid-id", "id"),
    (broken(type=...), "missing-type", "type"),
    (broken(type="journal-article"), "unknown-type", "type"),
    ({**ARTICLE, "journal": "Crit Care Med"}, "unknown-variable", "journal"),
    (broken(author="Dellinger RP"), "invalid-names", "author"),
    (broken(author=["Dellinger RP"]), "invalid-names", "author"),
    (broken(author=[{"family": "Dellinger", "initials": "RP"}]), "invalid-name-part", "author"),
    (broken(author=[{"family": 5}]), "invalid-name-part", "author"),
    (broken(author=[{"given": "R. P."}]), "empty-name", "author"),
    (broken(author=[{"family": "Dellinger"}, {"literal": "et al."}]), "et-al-in-names", "author"),
    (broken(author=[{"family": "Dellinger RP, Levy MM"}]), "suspicious-name", "author"),
    (broken(author=[{"family": "Reed JL Treatment with"}]), "suspicious-name", "author"),
    (broken(page="394-40"), "reversed-page-range", "page"),
    (broken(issued="2013"), "invalid-date", "issued"),
    (broken(issued={"date-parts": [[]]}), "invalid-date", "issued"),
    (broken(issued={"date-parts": [[2013]], "month": 2}), "invalid-date", "issued"),
    (broken(issued={"date-parts": [["2013", "Feb"]]}), "non-numeric-date-part", "issued"),
    (broken(issued={"date-parts": [[2013, 2, 30]]}), "impossible-date", "issued"),
    (broken(issued={"date-parts": [[2013, 13]]}), "impossible-date", "issued"),
    (broken(issued={"date-parts": [[NEXT_YEAR]]}), "future-year", "issued"),
    (broken(issued={"date-parts": [[201]]}), "year-before-1500", "issued"),
    (broken(title=42), "invalid-value-type", "title"),
    (broken(volume=True), "invalid-value-type", "volume"),
    (broken(volume=""), "empty-field", "volume"),
    (broken(custom="checked"), "invalid-custom", "custom"),
    (broken(title=...), "missing-title", "title"),
    (
        broken(**{"container-title": ..., "container_title_short": ...}),
        "missing-field",
        "container-title",
    ),
    (broken(page=..., number=...), "missing-field", "page"),
    (broken(page="637-580"), "reversed-page-range", "page"),
    (broken(page="1073-19"), "reversed-page-range", "page"),
    (broken(page="pp. ??"), "invalid-page", "page"),
    (broken(title="RETRACTED: Surviving Sepsis Campaign"), "retracted-title", "title"),
    (broken(title="Surviving sepsis (Retracted)"), "retracted-title", "title"),
    (broken(ISSN="0090-3494"), "invalid-issn", "ISSN"),
    (broken(ISBN="978-0-306-40615-6"), "invalid-isbn", "ISBN"),
    (broken(DOI="doi 1097/ccm"), "invalid-doi", "DOI"),
    (broken(PMID="PMC3159423"), "invalid-pmid", "PMID"),
    (broken(PMCID="3159423x"), "invalid-pmcid", "PMCID"),
    (broken(URL="www.example"), "invalid-url", "URL"),
    (broken(language="Ukrainian"), "invalid-language", "language"),
    (broken(PMID=..., note="PMID: 23353941"), "misplaced-identifier", "note"),
    (
        broken(DOI=..., title="Surviving sepsis. doi:10.1097/ccm.0b013e31827e83af"),
        "misplaced-identifier",
        "title",
    ),
    (
        broken(
            custom={"low-confidence": ["container-title"], "confidence": {"container-title": 0.41}}
        ),
        "low-confidence-field",
        "container-title",
    ),
]


@pytest.mark.parametrize(
    ("item", "code", "field"), CASES, ids=[c[1] + "-" + str(i) for i, c in enumerate(CASES)]
)
def test_each_rule_finds_its_fault_and_names_item_and_field(item, code, field):
    report = validate([GOOD[1], item])
    found = [p for p in report if p.code == code]
    assert found, f"expected {code}, got {[p.message for p in report]}"
    problem = found[0]
    assert problem.severity == CODES[code].severity
    assert problem.position == 1
    assert problem.field == field
    assert "no. 2" in problem.message  # the item's position, for items without id
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        assert problem.item_id == item["id"]
        assert f'"{item["id"]}"' in problem.message
    if field:
        assert field in problem.message
    assert problem.hint


def test_duplicate_ids_and_case_collisions():
    a = {**ARTICLE, "id": "smith2010"}
    b = {**GOOD[1], "id": "smith2010"}
    c = {**GOOD[2], "id": "Smith2010"}
    report = validate([a, b, c])
    by_code = {p.code: p for p in report}
    assert by_code["duplicate-id"].position == 1
    assert by_code["duplicate-id-case"].position == 2
    assert "Smith2010" in by_code["duplicate-id-case"].message


def test_possible_duplicate_by_doi_and_by_fuzzy_title():
    copy_with_doi = {**ARTICLE, "id": "again", "title": "Something else entirely"}
    fuzzy = {
        **GOOD[2],
        "id": "ru-2010-bis",
        "title": "Особенности лечения больных с артериальной гипертензией.",
    }
    report = validate([ARTICLE, GOOD[2], copy_with_doi, fuzzy], rules=["duplicates"])
    reasons = [(p.item_id, p.message) for p in report if p.code == "possible-duplicate"]
    assert any(i == "again" and "DOI" in m for i, m in reasons)
    assert any(i == "ru-2010-bis" and "similar" in m for i, m in reasons)
    assert len(reasons) == 2


def test_similar_titles_with_different_volumes_are_not_duplicates():
    part2 = {**GOOD[2], "id": "part2", "volume": "51"}
    assert not [p for p in validate([GOOD[2], part2], rules=["duplicates"])]


def test_rules_can_be_chosen_and_unknown_rules_are_refused():
    item = broken(title=..., page="9-1")
    assert codes_of(validate([item], rules=["pages"])) == {"reversed-page-range"}
    with pytest.raises(cslkit.CslkitError):
        validate([item], rules=["no-such-rule"])
    assert set(RULES) >= {"structure", "names", "dates", "identifiers", "duplicate-ids"}


def test_dstu_asks_for_more_than_vancouver():
    book = {k: v for k, v in GOOD[5].items() if k != "number-of-pages"}
    assert not validate([book]).problems
    assert codes_of(validate([book], style="dstu-8302-2015")) == {"missing-field"}


def test_validate_accepts_a_single_item_and_odd_containers():
    assert validate(GOOD[0]).ok
    assert codes_of(validate(42)) == {"not-an-item"}
    assert codes_of(validate([None, [], "x"])) == {"not-an-item"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
csl_keys = st.sampled_from(
    [
        "id",
        "type",
        "author",
        "editor",
        "issued",
        "accessed",
        "title",
        "page",
        "volume",
        "DOI",
        "ISSN",
        "ISBN",
        "PMID",
        "URL",
        "custom",
        "categories",
        "language",
        "container-title",
        "x-unknown",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dictionaries(csl_keys, json_values, max_size=8) | json_values, max_size=4))
def test_no_json_value_makes_validate_or_normalise_raise(items):
    snapshot = copy.deepcopy(items)
    report = validate(items)
    for problem in report:
        assert problem.code in CODES
        assert problem.severity == CODES[problem.code].severity
    result = cslkit.normalise(items)
    assert items == snapshot  # inputs are never mutated
    validate(result.items)


def _readme_codes() -> set[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    start, end = "<!-- problem-codes:start -->", "<!-- problem-codes:end -->"
    table = text[text.index(start) : text.index(end)]
    return set(re.findall(r"^\|\s*`([a-z0-9-]+)`\s*\|", table, flags=re.MULTILINE))


def test_every_code_is_documented_in_the_readme_table():
    assert set(CODES) - _readme_codes() == set()


def test_every_code_the_source_emits_is_in_the_table():
    """Every code any cslkit module can put in a Problem is documented (readers, parser,
    sync included): calls of problem()/change() and Problem(...) constructions."""
    emitted = set()
    for path in ROOT.joinpath("cslkit").rglob("*.py"):
        text = path.read_text("utf-8")
        emitted |= set(
            re.findall(r"(?:problem|change)\(\s*(?:item,\s*)?\"([a-z][a-z0-9-]+)\"", text)
        )
        emitted |= set(re.findall(r"\bProblem\(\s*\"([a-z][a-z0-9-]+)\"", text))
    assert {"missing-title", "normalised-page", "enriched-field", "unreadable-item"} <= emitted
    assert emitted - set(CODES) == set()
    assert emitted - _readme_codes() == set()


def test_the_readme_problem_code_table_is_what_the_generator_writes():
    """Edit cslkit/validation/codes.py, then run
    `python tools/normalisers/problem_codes_table.py --write`."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "problem_codes_table", ROOT / "tools" / "normalisers" / "problem_codes_table.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = (ROOT / "README.md").read_text("utf-8")
    start, end = "<!-- problem-codes:start -->", "<!-- problem-codes:end -->"
    written = text[text.index(start) + len(start) : text.index(end)].strip()
    assert written == module.table()


def test_a_cyrillic_translated_title_is_flagged_an_english_one_is_not() -> None:
    import cslkit

    items = [
        {"id": "a", "type": "article-journal", "title": "Лікування", "custom": {"translated-title": "Лікування"}},
        {"id": "b", "type": "article-journal", "title": "Лікування", "custom": {"translated-title": "Treatment"}},
    ]
    found = [p for p in cslkit.validate(items).problems if p.code == "translated-title-not-english"]
    assert [(p.item_id, p.field, p.severity) for p in found] == [("a", "custom.translated-title", "warning")]
    assert "English translation" in found[0].hint
