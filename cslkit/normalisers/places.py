"""The ``places`` step: GOST-abbreviated cities written out ("К." -> "Київ"); the table and
the reading are :mod:`cslkit.validation.places`, shared with the ``abbreviated-place`` rule.
The step runs after ``language``: an abbreviation's city depends on the item's language."""

from __future__ import annotations

from typing import Any

from cslkit.model import Problem
from cslkit.validation.places import PLACE_FIELDS, spelled_out_place


def spell_out_places(item: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Write "К." as "Київ" (or "Киев" in a Russian item), "М. ; Л." as "Москва ; Ленинград"."""
    from cslkit.normalisers.changes import change

    language = item.get("language")
    changed: dict[str, Any] = {}
    changes: list[Problem] = []
    for field in PLACE_FIELDS:
        written = spelled_out_place(item.get(field), language)
        if written is not None:
            changed[field] = written
            changes.append(change(item, "normalised-place", field, item[field], written,
                                  f"abbreviated city written out ({language})"))
    return ({**item, **changed}, changes) if changed else (item, [])
