"""How a step reports a change: an info Problem naming the item, field, old and new value."""

from __future__ import annotations

from typing import Any

from cslkit.model import Problem
from cslkit.validation.codes import problem
from cslkit.validation.values import show


def change(item: dict[str, Any], code: str, field: str, old: Any, new: Any, why: str) -> Problem:
    raw_id = item.get("id")
    identifier = (
        str(raw_id) if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None
    )
    where = f'item "{identifier}"' if identifier is not None else "item without id"
    old_text = "(absent)" if old is None else show(old, 80)
    new_text = "(removed)" if new is None else show(new, 80)
    return problem(
        code, identifier, field, f"{where}, field {field}: {old_text} → {new_text} ({why})"
    )
