"""``cslkit.validate()``: every problem in a list of CSL-JSON items, named and explained.

Rules live in :mod:`cslkit.validation.rules`; each has a name, so callers can run a
subset (``validate(items, rules=["structure", "dates"])``). Codes and severities are in
:mod:`cslkit.validation.codes`. Bad data never raises: it becomes problems.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from cslkit.gcpause import cycle_collection_paused
from cslkit.model import Report, item_id
from cslkit.validation.codes import CODES, problem
from cslkit.validation.rules import (
    ITEM_RULES,
    LIST_RULES,
    Context,
    Rule,
    is_number,
    style_family,
)

RULES: dict[str, Rule] = {rule.name: rule for rule in (*ITEM_RULES, *LIST_RULES)}

__all__ = ["CODES", "RULES", "Rule", "validate"]


def _select_rules(rules: Iterable[str | Rule] | None) -> list[Rule]:
    from cslkit.errors import CslkitError

    if rules is None:
        return list(RULES.values())
    if isinstance(rules, str):
        rules = [rules]
    chosen = []
    for rule in rules:
        if isinstance(rule, Rule):
            chosen.append(rule)
        elif rule in RULES:
            chosen.append(RULES[rule])
        else:
            raise CslkitError(
                f"unknown validation rule {rule!r}", hint=f"known rules: {', '.join(RULES)}"
            )
    return chosen


def _as_list(items: Any) -> list[Any] | None:
    if isinstance(items, dict):
        return [items]
    if isinstance(items, list):
        return items
    if isinstance(items, str | bytes) or items is None:
        return None
    try:
        return list(items)
    except TypeError:
        return None


def validate(
    items: Iterable[dict[str, Any]] | dict[str, Any],
    *,
    rules: Iterable[str | Rule] | None = None,
    style: str | None = None,
) -> Report:
    """Check CSL-JSON items and return a :class:`~cslkit.model.Report` of problems.

    ``rules`` names the rules to run (default: all, see :data:`RULES`); ``style`` picks
    the per-type requirements ("vancouver", the default, or "dstu"). Problems come in
    item order, list-wide ones (duplicate ids, duplicate works) after them.
    """
    chosen = _select_rules(rules)
    family = style_family(style)
    year = datetime.date.today().year
    report = Report()
    entries = _as_list(items)
    if entries is None:
        report.add(
            problem(
                "not-an-item",
                None,
                None,
                f"the input is not a list of items but {type(items).__name__}",
                "pass a list of CSL-JSON objects",
            )
        )
        return report
    with cycle_collection_paused():
        return _run(entries, chosen, family, year, report)


def _run(entries: list[Any], chosen: list[Rule], family: str, year: int, report: Report) -> Report:
    item_checks = [rule.check for rule in chosen if rule.kind == "item"]
    found = report.problems
    contexts: list[Context] = []
    for position, item in enumerate(entries):
        if not isinstance(item, dict):
            ctx = Context(None, position, family, year)
            contexts.append(ctx)
            report.add(
                ctx.problem(
                    "not-an-item",
                    None,
                    f"the entry is not an object but {type(item).__name__}",
                    "each entry of a CSL-JSON array must be an object with id and type",
                )
            )
            continue
        raw_id = item.get("id")
        identifier = (
            item_id(item, position) if isinstance(raw_id, str) or is_number(raw_id) else None
        )
        ctx = Context(identifier, position, family, year)
        contexts.append(ctx)
        for check in item_checks:
            found.extend(check(item, ctx))
    for rule in chosen:
        if rule.kind == "list":
            report.extend(rule.check(entries, contexts.__getitem__))
    return report
