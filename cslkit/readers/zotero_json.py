"""Zotero item JSON reader: what the Zotero Web API returns (``GET .../items``).

Accepts an array of objects or one object, each either an item ``data`` object
(``{"itemType": ..., "title": ...}``) or the API's wrapped form
(``{"key": ..., "version": ..., "library": ..., "data": {...}}``). Items are mapped to
CSL-JSON with the Zotero schema tables (:mod:`cslkit.zotero.mapping`); the Zotero key,
version, item type, tags and collections are kept under ``custom.zotero``. Notes,
attachments and annotations are not references: they are skipped with an ``info``.
"""

from __future__ import annotations

import json
from typing import Any

from cslkit.errors import InputError
from cslkit.model import Items, Problem


def _data_of(obj: dict[str, Any]) -> dict[str, Any] | None:
    if isinstance(obj.get("data"), dict) and "itemType" in obj["data"]:
        data = dict(obj["data"])
        data.setdefault("key", obj.get("key"))
        data.setdefault("version", obj.get("version"))
        return data
    if "itemType" in obj:
        return obj
    return None


class ZoteroJsonReader:
    name = "zotero-json"
    extensions = (".json",)

    def detect(self, text: str) -> float:
        sample = text.lstrip("\ufeff \t\r\n")[:4000]
        if sample[:1] not in ("[", "{"):
            return 0.0
        # The API's objects always carry itemType; CSL-JSON never does.
        return 0.95 if '"itemType"' in sample else 0.0

    def read(self, text: str) -> Items:
        from cslkit.zotero.mapping import NON_REFERENCE_TYPES, zotero_to_csl

        stripped = text.strip().lstrip("\ufeff")
        if not stripped:
            return Items()
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                hint="a Zotero JSON file is what the Web API returns for .../items",
            ) from exc
        if isinstance(data, dict) and isinstance(data.get("items"), list):
            data = data["items"]
        if isinstance(data, dict):
            data = [data]
        if not isinstance(data, list):
            raise InputError(
                f"Zotero JSON must be an array of items or one item, not {type(data).__name__}"
            )
        items = Items()
        for position, obj in enumerate(data):
            item_data = _data_of(obj) if isinstance(obj, dict) else None
            if item_data is None:
                items.problems.append(
                    Problem(
                        "unreadable-item",
                        "error",
                        None,
                        None,
                        f"item {position + 1}: not a Zotero item (no itemType); skipped",
                        "each entry must be a Zotero item data object or an API object",
                        position=position,
                    )
                )
                continue
            key = str(item_data.get("key") or f"zotero-{position + 1}")
            if item_data.get("itemType") in NON_REFERENCE_TYPES:
                items.problems.append(
                    Problem(
                        "zotero-not-a-reference",
                        "info",
                        key,
                        "itemType",
                        f"a Zotero {item_data['itemType']} is not a reference; skipped",
                        None,
                        position=position,
                    )
                )
                continue
            items.append(zotero_to_csl(item_data, key))
        return items


READER = ZoteroJsonReader()
