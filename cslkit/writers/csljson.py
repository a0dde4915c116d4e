"""CSL-JSON writer: a pretty-printed UTF-8 JSON array (non-ASCII kept as is)."""

from __future__ import annotations

import json
from typing import Any


class CslJsonWriter:
    name = "csl-json"
    extensions = (".json", ".csljson")

    def write(self, items: list[dict[str, Any]]) -> str:
        return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


WRITER = CslJsonWriter()
