"""CSL-JSON <-> Zotero mapping: every Zotero item type in the schema, both directions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cslkit.zotero import mapping
from cslkit.zotero.mapping import csl_to_zotero, tables, zotero_to_csl

ROOT = Path(__file__).resolve().parent.parent
ITEM_TYPES = sorted(tables().item_types)
CSL_TYPES = sorted(tables().raw["cslTypes"])
DATE_BASES = {"date", "accessDate", "filingDate", "originalDate"}


def _full_zotero_item(item_type: str) -> dict:
    """A Zotero item of ``item_type`` with every field and every creator type filled."""
    info = tables().item_types[item_type]
    data: dict = {"itemType": item_type}
    for position, (field, base) in enumerate(info["fields"].items()):
        if (base or field) in DATE_BASES:
            data[field] = f"2013-05-{position % 28 + 1:02d}"
        elif field == "extra":
            data[field] = "Free text the editor wrote"
        else:
            data[field] = f"{field} value {position}"
    data["creators"] = [
        {"creatorType": c, "firstName": f"Given {c}", "lastName": f"Фамілія {c}"}
        for c in info["creatorTypes"]
    ]
    return data


def _by_creator_type(creators: list[dict]) -> list[dict]:
    return sorted(creators, key=lambda c: (c["creatorType"], c.get("lastName", "")))


def test_every_schema_item_type_is_covered() -> None:
    assert len(ITEM_TYPES) == 40
    assert {"journalArticle", "bookSection", "annotation", "note"} <= set(ITEM_TYPES)


@pytest.mark.parametrize("item_type", ITEM_TYPES)
def test_zotero_to_csl_to_zotero_keeps_every_field(item_type: str) -> None:
    original = _full_zotero_item(item_type)
    back = csl_to_zotero(zotero_to_csl(original))
    assert back["itemType"] == item_type
    assert _by_creator_type(back.pop("creators", [])) == _by_creator_type(
        original.pop("creators", [])
    )
    assert back == original


@pytest.mark.parametrize("item_type", ITEM_TYPES)
def test_zotero_fields_land_in_their_csl_variables(item_type: str) -> None:
    original = _full_zotero_item(item_type)
    csl = zotero_to_csl(original)
    for csl_variable in TEXT_VARIABLES:
        field = mapping.preferred_field(item_type, csl_variable)
        if field and field in original:
            assert csl[csl_variable] == original[field], (csl_variable, field)
    if "date" in original:
        assert csl["issued"] == {"date-parts": [[2013, 5, int(original["date"][-2:])]]}


NAME_VARIABLES = sorted(mapping._NAME_VARIABLES)
# CSL 1.0.2 names (the schema still lists shortTitle and journalAbbreviation).
TEXT_VARIABLES = sorted(
    set(tables().raw["cslTextFields"]) - {"note", "shortTitle", "journalAbbreviation"}
    | {"container-title-short"}
)
DATE_VARIABLES = sorted(mapping._DATE_VARIABLES)


def _full_csl_item(csl_type: str) -> dict:
    item: dict = {"id": "x1", "type": csl_type}
    for position, variable in enumerate(TEXT_VARIABLES + ["keyword", "original-title"]):
        item[variable] = f"{variable} — значення {position}"
    for variable in NAME_VARIABLES:
        item[variable] = [{"family": "Мальцев", "given": "О. В."}, {"literal": f"{variable} group"}]
    for position, variable in enumerate(DATE_VARIABLES):
        item[variable] = {"date-parts": [[2001, 2, position + 1]]}
    item["note"] = "A note\nwith a second line"
    return item


@pytest.mark.parametrize("csl_type", CSL_TYPES + ["review", "periodical", "event"])
def test_csl_to_zotero_to_csl_keeps_every_variable(csl_type: str) -> None:
    item = _full_csl_item(csl_type)
    data = csl_to_zotero(item)
    assert data["itemType"] in tables().item_types
    back = zotero_to_csl(data, "x1")
    back.pop("custom", None)
    assert back == item


def test_every_zotero_item_type_is_reachable_from_csl_with_a_remembered_type() -> None:
    for item_type in ITEM_TYPES:
        csl_type = mapping.csl_type_for(item_type)
        item = {"type": csl_type, "title": "T", "custom": {"zotero": {"itemType": item_type}}}
        assert csl_to_zotero(item)["itemType"] == item_type


def test_what_zotero_cannot_hold_goes_to_extra_as_zotero_reads_it() -> None:
    item = {
        "id": "a",
        "type": "article-journal",
        "title": "T",
        "issued": {"date-parts": [[2013, 1], [2013, 3]]},
        "original-date": {"date-parts": [[1886]]},
        "reviewed-author": [{"family": "Holt", "given": "Richard"}],
        "note": "Checked by the editor.",
    }
    data = csl_to_zotero(item)
    lines = data["extra"].splitlines()
    assert "issued: 2013-01/2013-03" in lines
    assert "original-date: 1886" in lines
    assert "Checked by the editor." in lines
    assert "date" not in data
    assert zotero_to_csl(data, "a") | {"custom": None} == item | {"custom": None}


def test_a_csl_type_zotero_lacks_is_kept_as_a_type_line() -> None:
    data = csl_to_zotero({"type": "review", "title": "A review"})
    assert data["itemType"] == "document"
    assert "type: review" in data["extra"].splitlines()
    assert zotero_to_csl(data)["type"] == "review"


def test_film_author_survives_although_film_has_no_author_role() -> None:
    item = {"type": "motion_picture", "author": [{"family": "Dovzhenko", "given": "O."}]}
    data = csl_to_zotero(item)
    assert "author: Dovzhenko || O." in data["extra"]
    assert zotero_to_csl(data)["author"] == item["author"]


def test_committed_table_matches_the_schema(shared_data: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_zotero_tables.py"), "--check",
         "--schema", str(shared_data / "zotero-schema" / "schema.json")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_table_has_no_locale_strings() -> None:
    text = (ROOT / "cslkit" / "zotero" / "tables.json").read_text(encoding="utf-8")
    assert "locales" not in json.loads(text)
    assert len(text) < 60_000


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("2013", [[2013]]),
        ("2013-03-15", [[2013, 3, 15]]),
        ("2014-06-12T21:28:55Z", [[2014, 6, 12]]),
        ("2014-06-12 21:28:55", [[2014, 6, 12]]),
        ("2013/2014", [[2013], [2014]]),
        ("15.03.2013", [[2013, 3, 15]]),
        ("3/15/2013", [[2013, 3, 15]]),
        ("March 2013", [[2013, 3]]),
        ("Mar 15, 2013", [[2013, 3, 15]]),
        ("2013 Mar 15", [[2013, 3, 15]]),
        ("15 березня 2013", [[2013, 3, 15]]),
        ("5 мая 2012", [[2012, 5, 5]]),
        ("март 2011", [[2011, 3]]),
    ],
)
def test_zotero_date_text_to_csl(text: str, parts: list) -> None:
    assert mapping.text_to_csl_date(text) == {"date-parts": parts}


@pytest.mark.parametrize("text", ["Spring 2013", "n.d.", "2013a"])
def test_unparseable_dates_stay_raw_and_go_back_unchanged(text: str) -> None:
    csl = zotero_to_csl({"itemType": "book", "title": "T", "date": text})
    assert csl["issued"] == {"raw": text}
    assert csl_to_zotero(csl)["date"] == text


def test_name_suffix_is_read_back_from_the_first_name() -> None:
    item = {
        "type": "book",
        "author": [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}],
    }
    data = csl_to_zotero(item)
    assert data["creators"][0]["firstName"] == "Martin Luther, Jr."
    assert zotero_to_csl(data)["author"] == item["author"]
