"""Property: any CSL item survives CSL -> Zotero -> CSL (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cslkit.zotero import mapping
from cslkit.zotero.mapping import csl_to_zotero, tables, zotero_to_csl

TEXT_VARIABLES = sorted(
    set(tables().raw["cslTextFields"]) - {"note", "shortTitle", "journalAbbreviation"}
    | {"container-title-short", "keyword", "original-title"}
)
# Printable text as people type it, Cyrillic and colons included; one line, since an
# Extra line holds one (multi-line values keep their lines only in Zotero fields).
words = (
    st.text(
        alphabet=st.sampled_from(list("abcXYZ АБВгдєїЇ 0123456789:-.,()/'\"ß")),
        min_size=1,
        max_size=20,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
names = st.one_of(
    st.builds(lambda f, g: {"family": f, "given": g}, words, words),
    st.builds(lambda f: {"family": f}, words),
    st.builds(lambda lit: {"literal": lit}, words),
)
dates = st.lists(
    st.tuples(st.integers(1000, 2100), st.integers(1, 12), st.integers(1, 28)), min_size=1,
    max_size=2,
).map(lambda parts: {"date-parts": [list(p) for p in parts]})  # fmt: skip


@st.composite
def csl_items(draw):
    item = {"id": "x", "type": draw(st.sampled_from(sorted(tables().raw["cslTypes"]) + ["review"]))}
    for variable in draw(st.lists(st.sampled_from(TEXT_VARIABLES), max_size=8, unique=True)):
        item[variable] = draw(words)
    for variable in draw(st.lists(st.sampled_from(sorted(mapping._NAME_VARIABLES)), max_size=3,
                                  unique=True)):  # fmt: skip
        item[variable] = draw(st.lists(names, min_size=1, max_size=3))
    for variable in draw(st.lists(st.sampled_from(sorted(mapping._DATE_VARIABLES)), max_size=2,
                                  unique=True)):  # fmt: skip
        item[variable] = draw(dates)
    if draw(st.booleans()):
        item["note"] = draw(words)
    return item


@settings(max_examples=300, deadline=None)
@given(csl_items())
def test_any_csl_item_survives_a_trip_through_zotero(item: dict) -> None:
    back = zotero_to_csl(csl_to_zotero(item), "x")
    back.pop("custom", None)
    assert back == item
