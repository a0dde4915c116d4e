"""How a step reports a change: an info Problem naming the item, field, old and new value."""

from __future__ import annotations

from typing import Any

from cslkit.model import Problem
from cslkit.validation.codes import problem
from cslkit.validation.values import show


def _names_text(value: Any) -> str | None:
    """A name list as people read it ("Smith, J. A.; Doe, B."), or None if not one."""
    if not isinstance(value, list) or not all(isinstance(n, dict) for n in value):
        return None
    shown = []
    for name in value[:4]:
        family, given, literal = name.get("family"), name.get("given"), name.get("literal")
        if isinstance(literal, str) and not family:
            shown.append(literal)
        else:
            particle = name.get("non-dropping-particle")
            family_text = " ".join(p for p in (particle, family) if isinstance(p, str) and p)
            shown.append(
                f"{family_text}, {given}" if isinstance(given, str) and given else family_text
            )
    return "[" + "; ".join(shown) + ("; …]" if len(value) > 4 else "]")


def change(item: dict[str, Any], code: str, field: str, old: Any, new: Any, why: str) -> Problem:
    raw_id = item.get("id")
    identifier = (
        str(raw_id) if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None
    )
    where = f'item "{identifier}"' if identifier is not None else "item without id"
    old_text = "(absent)" if old is None else _names_text(old) or show(old, 80)
    new_text = "(removed)" if new is None else _names_text(new) or show(new, 80)
    return problem(
        code, identifier, field, f"{where}, field {field}: {old_text} → {new_text} ({why})"
    )
