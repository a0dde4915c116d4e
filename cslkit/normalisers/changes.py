"""How a step reports a change: an info Problem naming the item, field, old and new value."""

from __future__ import annotations

from typing import Any

from cslkit.model import Problem
from cslkit.validation.codes import CODES
from cslkit.validation.values import show
from cslkit.variables import NAME_VARIABLES


def _names_text(value: Any) -> str | None:
    """A name list as people read it ("Smith, J. A.; Doe, B."), or None if not one."""
    if type(value) is not list:
        return None
    shown = []
    for name in value[:4]:
        if type(name) is not dict:
            return None
        family, given = name.get("family"), name.get("given")
        if type(family) is not str:
            literal = name.get("literal")
            shown.append(literal if type(literal) is str else "?")
            continue
        particle = name.get("non-dropping-particle")
        if type(particle) is str:
            family = f"{particle} {family}"
        shown.append(f"{family}, {given}" if type(given) is str and given else family)
    return "[" + "; ".join(shown) + ("; …]" if len(value) > 4 else "]")


def change(item: dict[str, Any], code: str, field: str, old: Any, new: Any, why: str) -> Problem:
    raw_id = item.get("id")
    if type(raw_id) is str:
        identifier: str | None = raw_id
    elif isinstance(raw_id, str | int) and not isinstance(raw_id, bool):
        identifier = str(raw_id)
    else:
        identifier = None
    where = f'item "{identifier}"' if identifier is not None else "item without id"
    old_text = "(absent)" if old is None else _value_text(field, old)
    new_text = "(removed)" if new is None else _value_text(field, new)
    return Problem(
        code,
        CODES[code].severity,
        identifier,
        field,
        f"{where}, field {field}: {old_text} → {new_text} ({why})",
    )


def _value_text(field: str, value: Any) -> str:
    if type(value) is str:
        return show(value, 80)
    if field in NAME_VARIABLES:
        names = _names_text(value)
        if names is not None:
            return names
    elif type(value) is dict and len(value) == 1:
        # {"date-parts": [[2012, 4, 5]]} written out without the JSON encoder's overhead
        parts = value.get("date-parts")
        if (
            type(parts) is list
            and len(parts) == 1
            and type(parts[0]) is list
            and all(type(p) is int for p in parts[0])
        ):
            return '{"date-parts": [[' + ", ".join(map(str, parts[0])) + "]]}"
    return show(value, 80)
