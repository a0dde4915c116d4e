"""Any input gives items or a clear problem, never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cslkit.model import Items, Problem
from cslkit.textparser import parse_references
from cslkit.textparser.reader import READER


def check(text: str) -> None:
    items = parse_references(text)
    assert isinstance(items, Items)
    assert all(isinstance(p, Problem) for p in items.problems)
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids))
    for item in items:
        assert isinstance(item["type"], str)
        assert 0.0 <= item["custom"]["confidence"] <= 1.0
    assert isinstance(READER.detect(text), float)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text(text):
    check(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([
    "1.", "[2]", "3)", "Smith J,", "Мальцев Д. В.", "//", " – ", "2013;", "25(9):", "1073–9.",
    "doi:10.1000/x", "PMID: 1", "[Epub ahead of print]", "\n", "\u00a0", "\x00", "\x1b[0m",
    "et al.", "та ін.", "С. 5–9.", "№ 2 (94).", "https://x.org/", "(", ")", "[", "]", "«",
]), max_size=60).map("".join))
def test_reference_like_fragments(text):
    check(text)


def test_extremes():
    check("")
    check("\x00\x01\x02" * 1000)
    check(bytes(range(256)).decode("latin-1"))
    check("a" * 1_000_000)  # one 1 MB line: parsed in part, with a problem saying so
    items = parse_references("Smith J. " + "word " * 250_000)
    assert any(p.code == "reference-too-long" for p in items.problems)
