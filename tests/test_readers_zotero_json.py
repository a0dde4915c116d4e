"""The Zotero JSON reader: API objects, data objects, detection over CSL-JSON."""

from __future__ import annotations

import json
from pathlib import Path

import cslkit
from cslkit.readers.zotero_json import READER
from cslkit.registry import detect_format


def test_api_objects_become_csl_items(data_dir: Path) -> None:
    items = cslkit.parse(data_dir / "zotero" / "api-items.json")
    assert [i["id"] for i in items] == ["ABCD2345", "BOOK2345"]
    article, chapter = items
    assert article["type"] == "article-journal"
    assert article["container-title"] == "Український медичний часопис"
    assert article["author"][0] == {"family": "Мальцев", "given": "О. В."}
    assert article["editor"] == [{"literal": "Editorial Board"}]
    assert article["issued"] == {"date-parts": [[2013, 3]]}
    assert article["PMID"] == "23456789"  # read back from extra, as Zotero does
    assert article["original-date"] == {"date-parts": [[2012]]}
    assert article["note"] == "Submitted in Kyiv."
    assert article["custom"]["zotero"]["tags"] == [{"tag": "cardiology"}]
    assert chapter["type"] == "chapter"
    assert chapter["container-title"] == "Textbook of Diabetes"
    assert chapter["container-author"] == [{"family": "Holt", "given": "Richard"}]
    notes = [p for p in items.problems if p.code == "zotero-not-a-reference"]
    assert notes and notes[0].item_id == "NOTE2345"


def test_detection_prefers_zotero_json_over_csl_json(data_dir: Path) -> None:
    path = data_dir / "zotero" / "api-items.json"
    assert READER.detect(path.read_text(encoding="utf-8")) > 0.9
    assert detect_format(path.read_text(encoding="utf-8"), path) == "zotero-json"
    csl = json.dumps([{"id": "a", "type": "book", "title": "T"}])
    assert READER.detect(csl) == 0.0
    assert detect_format(csl, "refs.json") == "csl-json"


def test_single_data_object_and_bad_entries() -> None:
    items = READER.read(json.dumps({"itemType": "book", "title": "Кобзар", "date": "1840"}))
    assert items[0]["title"] == "Кобзар" and items[0]["type"] == "book"
    items = READER.read(json.dumps([{"title": "no type"}, {"itemType": "webpage", "title": "W"}]))
    assert len(items) == 1 and items.problems[0].code == "unreadable-item"


def test_zotero_json_writer_round_trip(data_dir: Path) -> None:
    from cslkit.writers.zotero_json import WRITER

    items = cslkit.parse(data_dir / "zotero" / "api-items.json")
    written = json.loads(WRITER.write(list(items)))
    assert written[0]["key"] == "ABCD2345" and written[0]["itemType"] == "journalArticle"
    assert written[0]["tags"] == [{"tag": "cardiology"}]
    assert written[1]["bookTitle"] == "Textbook of Diabetes"
    assert READER.read(json.dumps(written)) == items
