"""CSL-JSON reader: a JSON array of items, a single item object, or JSON Lines."""

from __future__ import annotations

import json
from typing import Any

from cslkit.errors import InputError
from cslkit.model import Items, Problem


def _is_zotero_object(obj: Any) -> bool:
    """Zotero API objects carry ``itemType`` (in ``data`` or at the top level)."""
    if not isinstance(obj, dict):
        return False
    return "itemType" in obj or (isinstance(obj.get("data"), dict) and "itemType" in obj["data"])


class CslJsonReader:
    name = "csl-json"
    extensions = (".json", ".jsonl", ".csljson")

    def detect(self, text: str) -> float:
        head = text.lstrip()[:1]
        if head not in ("[", "{"):
            return 0.0
        sample = text.lstrip()[:4000]
        if '"itemType"' in sample:
            return 0.3  # Zotero JSON looks alike; its own reader scores higher
        if '"type"' in sample or '"id"' in sample:
            return 0.9
        return 0.5

    def read(self, text: str) -> Items:
        stripped = text.strip()
        if not stripped:
            return Items()
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as whole_error:
            if stripped.startswith("{") and "\n" in stripped:
                return self._read_lines(stripped)
            raise InputError(
                f"invalid JSON at line {whole_error.lineno}, column {whole_error.colno}: "
                f"{whole_error.msg}",
                hint="check the file is a CSL-JSON array, a single item, or JSON Lines",
            ) from whole_error
        if isinstance(data, dict):
            data = [data]
        if not isinstance(data, list):
            raise InputError(
                f"CSL-JSON must be an array of items or one item object, not {type(data).__name__}"
            )
        return self._collect(enumerate(data, 1), unit="item")

    def _read_lines(self, text: str) -> Items:
        entries: list[tuple[int, Any]] = []
        problems: list[Problem] = []
        for line_number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                entries.append((line_number, json.loads(line)))
            except json.JSONDecodeError as exc:
                problems.append(
                    Problem(
                        "unreadable-item",
                        "error",
                        None,
                        None,
                        f"line {line_number}: invalid JSON ({exc.msg}, column {exc.colno}); "
                        "the line was skipped",
                        "fix the JSON on that line",
                        position=line_number - 1,
                    )
                )
        items = self._collect(entries, unit="line")
        items.problems[:0] = problems
        return items

    @staticmethod
    def _collect(entries: Any, unit: str) -> Items:
        items = Items()
        for number, obj in entries:
            if not isinstance(obj, dict):
                items.problems.append(
                    Problem(
                        "unreadable-item",
                        "error",
                        None,
                        None,
                        f"{unit} {number}: expected an object, found {type(obj).__name__}; skipped",
                        "each item must be a JSON object with at least id and type",
                        position=number - 1,
                    )
                )
                continue
            if _is_zotero_object(obj):
                items.problems.append(
                    Problem(
                        "zotero-json-in-csl-json",
                        "warning",
                        str(obj.get("key") or obj.get("id") or number),
                        "itemType",
                        f"{unit} {number} looks like a Zotero API object, not CSL-JSON",
                        "read the file with --from zotero-json",
                        position=number - 1,
                    )
                )
            items.append(obj)
        return items


READER = CslJsonReader()
