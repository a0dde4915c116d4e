"""The ID@LOCATOR shorthand of ``cslkit cite --cite`` (cslkit.rendering.citations.parse_cite)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cslkit.errors import InputError
from cslkit.rendering.citations import Cite, parse_cite


@pytest.mark.parametrize(
    ("text", "locator", "label"),
    [
        ("smith@12", "12", None),
        ("smith@xii", "xii", None),
        ("smith@e1234", "e1234", None),
        ("smith@p. 12-15", "12-15", "page"),
        ("smith@pp.12–15", "12–15", "page"),
        ("smith@chap. 3", "3", "chapter"),
        ("smith@§4", "4", "section"),
        ("smith@s.v. aspirin", "aspirin", "sub-verbo"),
        ("smith@fig. 2b", "2b", "figure"),
        ("smith@line 5", "5", "line"),
        ("smith@Table 3", "3", "table"),
        ("smith@с. 45", "45", "page"),
        ("smith@т. 2", "2", "volume"),
    ],
)
def test_locator_and_its_label(text: str, locator: str, label: str | None) -> None:
    assert parse_cite(text, {"smith"}) == Cite("smith", locator=locator, label=label)


def test_an_id_with_an_at_sign_is_read_whole_when_known() -> None:
    assert parse_cite("a@b", {"a@b"}) == Cite("a@b")
    assert parse_cite("a@b@p. 3", {"a@b"}) == Cite("a@b", locator="3", label="page")


@pytest.mark.parametrize("text", ["smith@", "@12", "smith@pgs 12"])
def test_malformed_shorthand_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError):
        parse_cite(text, {"smith"})


@given(st.text(st.characters(blacklist_characters="@,", blacklist_categories=("Cs", "Zs", "Cc")), min_size=1))
def test_an_id_without_an_at_sign_is_a_plain_cite(item_id: str) -> None:
    assert parse_cite(item_id) == Cite(item_id.strip())


@given(st.integers(min_value=1, max_value=99999), st.integers(min_value=0, max_value=500))
def test_page_numbers_and_ranges_need_no_label(first: int, span: int) -> None:
    locator = f"{first}-{first + span}" if span else str(first)
    assert parse_cite(f"x@{locator}", {"x"}) == Cite("x", locator=locator)
