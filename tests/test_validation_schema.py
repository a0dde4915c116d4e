"""Our verdict (errors or not) agrees with the official CSL-JSON schema, checked with
jsonschema on a corpus of good and deliberately broken items, on random items, and on
every INPUT section of the CSL test suite. The schema is registered locally, never fetched."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cslkit.validation import validate

GOOD = json.loads((Path(__file__).parent / "data" / "validation" / "good.json").read_text("utf-8"))
LIST_CODES = {"duplicate-id", "duplicate-id-case"}  # the schema checks items one by one


@pytest.fixture(scope="module")
def item_validator():
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    from tests.conftest import SHARED

    path = SHARED / "csl-schema" / "input" / "csl-data.json"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    schema = json.loads(path.read_text("utf-8"))
    registry = referencing.Registry().with_resource(
        schema["$id"], referencing.Resource.from_contents(schema)
    )
    cls = jsonschema.validators.validator_for(schema)
    return cls({"$ref": schema["$id"] + "#/items"}, registry=registry)


def our_verdicts(items: list) -> list[bool]:
    """Per item: True when validate() finds no item-level error."""
    report = validate(items)
    failing = {p.position for p in report if p.severity == "error" and p.code not in LIST_CODES}
    return [i not in failing for i in range(len(items))]


def mutate(item: dict, key: str, value) -> dict:
    result = copy.deepcopy(item)
    if value is ...:
        result.pop(key, None)
    else:
        result[key] = value
    return result


BASE = GOOD[0]
BROKEN = [
    mutate(BASE, "id", ...),
    mutate(BASE, "id", None),
    mutate(BASE, "id", ["a"]),
    mutate(BASE, "type", ...),
    mutate(BASE, "type", "journal-article"),
    mutate(BASE, "type", 3),
    mutate(BASE, "journal", "Crit Care Med"),
    mutate(BASE, "author", "Dellinger RP"),
    mutate(BASE, "author", [{"family": "Dellinger", "initial": "R"}]),
    mutate(BASE, "author", [{"family": ["Dellinger"]}]),
    mutate(BASE, "author", ["Dellinger RP"]),
    mutate(BASE, "author", [{"family": "Dellinger", "particle": "van"}]),
    mutate(BASE, "issued", "2013"),
    mutate(BASE, "issued", 2013),
    mutate(BASE, "issued", {"date-parts": [[]]}),
    mutate(BASE, "issued", {"date-parts": []}),
    mutate(BASE, "issued", {"date-parts": [[2013, 1, 2, 3]]}),
    mutate(BASE, "issued", {"date-parts": [[2013], [2014], [2015]]}),
    mutate(BASE, "issued", {"date-parts": [2013]}),
    mutate(BASE, "issued", {"date-parts": [[None]]}),
    mutate(BASE, "issued", {"year": 2013}),
    mutate(BASE, "issued", {"raw": 2013}),
    mutate(BASE, "title", 42),
    mutate(BASE, "title", ["a", "b"]),
    mutate(BASE, "volume", True),
    mutate(BASE, "page", None),
    mutate(BASE, "page", {"first": 1}),
    mutate(BASE, "custom", "x"),
    mutate(BASE, "categories", "cardiology"),
    mutate(BASE, "categories", [1]),
    "not an object",
]
# Doubtful but schema-valid: warnings only, so both say "valid".
SCHEMA_VALID_WARNINGS = [
    mutate(BASE, "page", "637-580"),
    mutate(BASE, "ISSN", "0090-3494"),
    mutate(BASE, "DOI", "not a doi"),
    mutate(BASE, "issued", {"date-parts": [[2013, 2, 30]]}),
    mutate(BASE, "issued", {"date-parts": [["2013", "Feb"]]}),
    mutate(BASE, "issued", {"date-parts": [[9999]]}),
    mutate(BASE, "issued", {}),
    mutate(BASE, "title", ...),
    mutate(BASE, "title", "RETRACTED: x"),
    mutate(BASE, "volume", ""),
    mutate(BASE, "author", [{"given": "R. P."}]),
    mutate(BASE, "author", [{"literal": "et al."}]),
    mutate(BASE, "author", []),
    mutate(BASE, "custom", {"low-confidence": ["title"], "confidence": 0.3}),
    mutate(BASE, "id", 3.5),
    mutate(BASE, "issued", {"date-parts": [[2013.5]]}),
]


def test_corpus_verdicts_agree_with_the_schema(item_validator):
    corpus = [*GOOD, *BROKEN, *SCHEMA_VALID_WARNINGS]
    ours = our_verdicts(corpus)
    theirs = [item_validator.is_valid(item) for item in corpus]
    disagreements = [(i, corpus[i]) for i in range(len(corpus)) if ours[i] != theirs[i]]
    assert disagreements == []
    # The corpus really has both kinds.
    assert theirs.count(False) == len(BROKEN)
    assert theirs.count(True) == len(GOOD) + len(SCHEMA_VALID_WARNINGS)


def test_every_error_names_the_item_and_the_field():
    report = validate([*BROKEN[:-1], BASE])
    errors = [p for p in report.errors if p.code not in LIST_CODES]
    assert {p.position for p in errors} == set(range(len(BROKEN) - 1))
    for problem in errors:
        assert f"no. {problem.position + 1}" in problem.message
        if problem.item_id is not None:
            assert problem.item_id in problem.message
        if problem.field is not None:
            assert problem.field in problem.message
        assert problem.hint


scalar = (
    st.none()
    | st.booleans()
    | st.integers(-5, 3000)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
name_object = st.dictionaries(
    st.sampled_from(
        [
            "family",
            "given",
            "literal",
            "suffix",
            "non-dropping-particle",
            "comma-suffix",
            "particle",
            "x",
        ]
    ),
    scalar,
    max_size=3,
)
date_object = st.dictionaries(
    st.sampled_from(["date-parts", "season", "circa", "literal", "raw", "year"]),
    scalar
    | st.lists(
        st.lists(st.integers(0, 3000) | st.text(max_size=4) | st.none(), max_size=4), max_size=3
    ),
    max_size=3,
)
field_value = st.one_of(
    scalar,
    st.lists(name_object | scalar, max_size=3),
    date_object,
    st.dictionaries(st.text(max_size=5), scalar, max_size=2),
    st.lists(st.text(max_size=5), max_size=2),
)
random_item = st.fixed_dictionaries(
    {},
    optional={
        "id": st.text(min_size=1, max_size=5) | st.integers() | st.booleans(),
        "type": st.sampled_from(["article-journal", "book", "chapter", "journalArticle", ""]),
        "title": field_value,
        "author": field_value,
        "issued": field_value,
        "accessed": field_value,
        "page": field_value,
        "volume": field_value,
        "custom": field_value,
        "categories": field_value,
        "DOI": field_value,
        "unknown-thing": field_value,
    },
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_item)
def test_random_items_get_the_schema_verdict(item_validator, item):
    assert our_verdicts([item]) == [item_validator.is_valid(item)]


def test_csl_test_suite_inputs_agree_with_the_schema(shared_data, item_validator):
    checked = 0
    disagreements = []
    for path in sorted((shared_data / "csl-test-suite" / "humans").glob("*.txt")):
        match = re.search(r">>=+ INPUT =+>>(.*?)<<=+ INPUT =+<<", path.read_text("utf-8"), re.S)
        if not match:
            continue
        try:
            items = json.loads(match.group(1))
        except json.JSONDecodeError:
            continue
        items = items if isinstance(items, list) else [items]
        ours = our_verdicts(items)
        for index, item in enumerate(items):
            checked += 1
            if ours[index] != item_validator.is_valid(item):
                disagreements.append((path.name, index))
    assert checked > 1000
    assert disagreements == []
