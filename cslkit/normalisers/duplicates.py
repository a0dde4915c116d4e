"""Merging duplicate items without losing a field; finding them is in
:mod:`cslkit.validation.duplicates` (re-exported here)."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from typing import Any

from cslkit.model import Report, item_id
from cslkit.normalisers.base import Item, Normalised
from cslkit.validation.codes import problem
from cslkit.validation.duplicates import DuplicatePair, find_duplicates

__all__ = ["DuplicatePair", "find_duplicates", "merge_duplicates"]


def _merge_into(target: Item, source: Item, source_id: str) -> Item:
    """Fields of ``source`` that ``target`` lacks are copied; differing values are kept
    under custom["merged"][source_id], so nothing is lost."""
    merged = copy.deepcopy(target)
    kept: dict[str, Any] = {}
    for key, value in source.items():
        if key in ("id", "custom"):
            continue
        if key not in merged or merged[key] in ("", None, [], {}):
            merged[key] = copy.deepcopy(value)
        elif merged[key] != value:
            if (
                isinstance(value, list)
                and isinstance(merged[key], list)
                and len(value) > len(merged[key])
            ):
                kept[key] = merged[key]
                merged[key] = copy.deepcopy(value)
            else:
                kept[key] = copy.deepcopy(value)
    source_custom = source.get("custom")
    custom = merged.get("custom") if isinstance(merged.get("custom"), dict) else {}
    if isinstance(source_custom, dict):
        for key, value in source_custom.items():
            if key not in custom:
                custom[key] = copy.deepcopy(value)
            elif custom[key] != value:
                kept.setdefault("custom", {})[key] = copy.deepcopy(value)
    if kept:
        custom.setdefault("merged", {})[source_id] = kept
    if custom:
        merged["custom"] = custom
    return merged


def merge_duplicates(
    items: Sequence[Item],
    pairs: Iterable[DuplicatePair] | None = None,
    *,
    other: Sequence[Item] | None = None,
) -> Normalised:
    """Merge duplicates without losing a field; inputs are not modified.

    Without ``other``: each group of duplicates becomes its first item, with every field
    the others had (differing values kept under ``custom.merged``). With ``other``: no
    item is removed; each item gains the fields its duplicate in ``other`` has.
    ``pairs`` defaults to :func:`find_duplicates`.
    """
    pairs = list(find_duplicates(items, other) if pairs is None else pairs)
    report = Report()
    result = [copy.deepcopy(item) for item in items]
    if other is not None:
        for pair in pairs:
            source = other[pair.second]
            target_id = item_id(result[pair.first], pair.first)
            source_id = item_id(source, pair.second)
            result[pair.first] = _merge_into(result[pair.first], source, source_id)
            report.add(
                problem(
                    "merged-duplicate",
                    target_id,
                    None,
                    f'item "{target_id}" (no. {pair.first + 1}): filled from its duplicate '
                    f'"{source_id}" in the other list ({pair.reason})',
                    position=pair.first,
                )
            )
        return Normalised(result, report)
    # Union-find: each group keeps its earliest member.
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reasons: dict[int, str] = {}
    for pair in pairs:
        a, b = root(pair.first), root(pair.second)
        if a != b:
            keep, drop = min(a, b), max(a, b)
            parent[drop] = keep
            reasons[drop] = pair.reason
    removed: set[int] = set()
    for index in range(len(items)):
        keep = root(index)
        if keep == index:
            continue
        keep_id = item_id(result[keep], keep)
        drop_id = item_id(items[index], index)
        result[keep] = _merge_into(result[keep], items[index], drop_id)
        removed.add(index)
        report.add(
            problem(
                "merged-duplicate",
                keep_id,
                None,
                f'item "{drop_id}" (no. {index + 1}) merged into "{keep_id}" (no. {keep + 1}): '
                f"{reasons.get(index, 'duplicate of a merged item')}",
                position=keep,
            )
        )
    return Normalised([item for i, item in enumerate(result) if i not in removed], report)
