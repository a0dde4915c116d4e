"""Small helpers on JSON values shared by the validator and the normalisers."""

from __future__ import annotations

import json
import re
from typing import Any

# One encoder for every message (json.dumps builds a new one per call when given options).
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=repr)


def show(value: Any, limit: int = 60) -> str:
    """A short JSON rendering of a value for messages."""
    if type(value) is str and '"' not in value and "\\" not in value and value.isprintable():
        text = f'"{value}"'
        return text if len(text) <= limit else text[: limit - 1] + "…"
    if type(value) is list and all(
        type(v) is str and '"' not in v and "\\" not in v and v.isprintable() for v in value
    ):
        text = "[" + ", ".join(f'"{v}"' for v in value) + "]"
        return text if len(text) <= limit else text[: limit - 1] + "…"
    if type(value) is list and len(value) > 3:
        # Only the start fits in a message; encoding the rest would be thrown away.
        head = show(value[:3], limit + 10)
        return head[:-1] + ", …]" if len(head) < limit else head[: limit - 1] + "…"
    try:
        text = _ENCODER.encode(value)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_ET_AL_RE = re.compile(
    r"^\s*(?:et\.?\s*al\.?|та\s+ін\.?|и\s+др\.?|і\s+ін\.?|u\.\s*a\.|et\s+coll\.?)\s*$",
    re.IGNORECASE,
)


# Every form above ends in one of these letters (or a dot): most names are rejected on
# their last character, without the pattern.
_ET_AL_ENDS = frozenset(".lLнНрР")


def is_et_al(text: str) -> bool:
    return text.rstrip()[-1:] in _ET_AL_ENDS and bool(_ET_AL_RE.match(text))
