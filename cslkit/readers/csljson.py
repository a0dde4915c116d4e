"""CSL-JSON reader: a JSON array of items, a single item, an object of items keyed by
id (citeproc-js fixtures), or JSON Lines (one item a line; :func:`iter_json_lines`
streams them without holding the file in memory). Item order is kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from cslkit.errors import InputError
from cslkit.model import Items, Problem


def _is_zotero_object(obj: Any) -> bool:
    """Zotero API objects carry ``itemType`` (in ``data`` or at the top level)."""
    if not isinstance(obj, dict):
        return False
    return "itemType" in obj or (isinstance(obj.get("data"), dict) and "itemType" in obj["data"])


def _is_item_map(obj: dict[str, Any]) -> bool:
    """``{"ITEM-1": {...}, "ITEM-2": {...}}``: items keyed by id rather than listed."""
    return (
        bool(obj)
        and "type" not in obj
        and all(isinstance(v, dict) and "type" in v for v in obj.values())
    )


def _unreadable_line(line_number: int, message: str) -> Problem:
    return Problem(
        "unreadable-item",
        "error",
        None,
        None,
        f"line {line_number}: {message}; the line was skipped",
        "each line of a JSON Lines file must be one JSON object (a CSL item)",
        position=line_number - 1,
    )


def iter_json_lines(
    lines: Iterable[str],
) -> Iterator[tuple[int, dict[str, Any] | None, Problem | None]]:
    """Stream a JSON Lines source: (line number, item or None, problem or None) per line.

    Blank lines are skipped; a line that is not a JSON object yields a Problem and
    reading goes on.
    """
    for line_number, line in enumerate(lines, 1):
        text = line.strip().lstrip("\ufeff")
        if not text:
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield (
                line_number,
                None,
                _unreadable_line(line_number, f"invalid JSON ({exc.msg}, column {exc.colno})"),
            )
            continue
        if not isinstance(obj, dict):
            yield (
                line_number,
                None,
                _unreadable_line(line_number, f"expected an object, found {type(obj).__name__}"),
            )
            continue
        yield line_number, obj, None


class CslJsonReader:
    name = "csl-json"
    extensions = (".json", ".jsonl", ".ndjson", ".csljson")

    def detect(self, text: str) -> float:
        sample = text.lstrip("\ufeff \t\r\n")[:4000]
        if sample[:1] not in ("[", "{"):
            return 0.0
        if '"itemType"' in sample:
            return 0.3  # Zotero JSON looks alike; its own reader scores higher
        if '"type"' in sample or '"id"' in sample:
            return 0.9
        return 0.5

    def read(self, text: str) -> Items:
        stripped = text.strip().lstrip("\ufeff")
        if not stripped:
            return Items()
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as whole_error:
            first_line = stripped.split("\n", 1)[0].strip()
            if stripped.startswith("{") and "\n" in stripped and _parses(first_line):
                return self._read_lines(stripped)
            raise InputError(
                f"invalid JSON at line {whole_error.lineno}, column {whole_error.colno}: "
                f"{whole_error.msg}",
                hint="check the file is a CSL-JSON array, a single item, or JSON Lines",
            ) from whole_error
        if isinstance(data, dict):
            if isinstance(data.get("items"), list) and "type" not in data:
                data = data["items"]
            elif _is_item_map(data):
                data = [
                    {"id": key, **value} if "id" not in value else value
                    for key, value in data.items()
                ]
            else:
                data = [data]
        if not isinstance(data, list):
            raise InputError(
                f"CSL-JSON must be an array of items or one item object, not {type(data).__name__}"
            )
        return self._collect(enumerate(data, 1), unit="item")

    def _read_lines(self, text: str) -> Items:
        entries: list[tuple[int, Any]] = []
        problems: list[Problem] = []
        for line_number, obj, problem in iter_json_lines(text.splitlines()):
            if problem is not None:
                problems.append(problem)
            else:
                entries.append((line_number, obj))
        items = self._collect(entries, unit="line")
        items.problems[:0] = problems
        return items

    @staticmethod
    def _collect(entries: Iterable[tuple[int, Any]], unit: str) -> Items:
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


def _parses(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


READER = CslJsonReader()
