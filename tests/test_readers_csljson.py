"""CSL-JSON reader and writers: arrays, single objects, id-keyed objects, JSON Lines."""

from __future__ import annotations

import io
import json

import pytest

import cslkit
from cslkit.errors import InputError
from cslkit.readers.csljson import READER, iter_json_lines
from cslkit.writers.csljson import LINES_WRITER, WRITER

ITEMS = [
    {"id": "b", "type": "book", "title": "Друга книга"},
    {"id": "a", "type": "article-journal", "title": "First"},
]


def test_array_keeps_order_and_unicode():
    text = WRITER.write(ITEMS)
    assert "Друга книга" in text  # not \u-escaped
    assert list(READER.read(text)) == ITEMS


def test_single_object_and_id_keyed_object():
    assert list(READER.read(json.dumps(ITEMS[0]))) == [ITEMS[0]]
    keyed = {"ITEM-1": {"type": "book", "title": "X"}}
    assert list(READER.read(json.dumps(keyed))) == [{"id": "ITEM-1", "type": "book", "title": "X"}]


def test_json_lines_with_a_bad_line():
    text = LINES_WRITER.write(ITEMS) + "{broken\n" + json.dumps({"id": "c", "type": "book"}) + "\n"
    items = READER.read(text)
    assert [i["id"] for i in items] == ["b", "a", "c"]
    (problem,) = items.problems
    assert problem.code == "unreadable-item" and "line 3" in problem.message
    assert problem.position == 2


def test_json_lines_streaming():
    stream = io.StringIO(LINES_WRITER.write(ITEMS) + "[1]\n")
    results = list(iter_json_lines(stream))
    assert [item["id"] for _, item, _ in results if item] == ["b", "a"]
    assert results[-1][2].code == "unreadable-item"


def test_invalid_json_is_one_input_error():
    with pytest.raises(InputError, match=r"invalid JSON at line 1, column \d+"):
        READER.read('[{"id": 1,')


def test_non_object_items_are_problems():
    items = READER.read('[{"id": 1, "type": "book"}, 42]')
    assert len(items) == 1 and items.problems[0].position == 1


def test_zotero_objects_are_flagged():
    items = READER.read('[{"key": "ABCD", "itemType": "book"}]')
    assert items.problems[0].code == "zotero-json-in-csl-json"


def test_write_and_parse_files(tmp_path):
    for name in ("refs.json", "refs.jsonl"):
        path = tmp_path / name
        cslkit.write(ITEMS, path)
        assert list(cslkit.parse(path)) == ITEMS
    assert (tmp_path / "refs.jsonl").read_text(encoding="utf-8").count("\n") == 2
