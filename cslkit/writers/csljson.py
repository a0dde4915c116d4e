"""CSL-JSON writers: a pretty-printed JSON array, or JSON Lines (one item a line).

Both keep non-ASCII characters as they are (UTF-8) and the items' order and keys.
"""

from __future__ import annotations

import json
from typing import Any


class CslJsonWriter:
    name = "csl-json"
    extensions = (".json", ".csljson")

    def write(self, items: list[dict[str, Any]]) -> str:
        return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


class CslJsonLinesWriter:
    name = "csl-jsonl"
    extensions = (".jsonl", ".ndjson")

    def write(self, items: list[dict[str, Any]]) -> str:
        return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


WRITER = CslJsonWriter()
LINES_WRITER = CslJsonLinesWriter()
