"""Zotero item JSON writer: an array of item ``data`` objects, as the Zotero Web API
accepts them (``POST /items``) and the zotero-json reader reads them back.

The Zotero key, version, tags and collections kept under ``custom.zotero`` by the
reader are written back, so Zotero JSON -> CSL-JSON -> Zotero JSON keeps them.
"""

from __future__ import annotations

import json
from typing import Any


class ZoteroJsonWriter:
    name = "zotero-json"
    extensions = (".zotero.json",)

    def write(self, items: list[dict[str, Any]]) -> str:
        from cslkit.zotero.mapping import csl_to_zotero

        objects = []
        for item in items:
            data = csl_to_zotero(item)
            remembered = (item.get("custom") or {}).get("zotero") or {}
            if isinstance(remembered, dict):
                for name in ("key", "version", "tags", "collections"):
                    if remembered.get(name):
                        data[name] = remembered[name]
            objects.append(data)
        return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"


WRITER = ZoteroJsonWriter()
