"""CSL variables RIS has no tag for, carried as ``N1  - variable: value`` note lines.

RIS has a tag for most of what references hold, but not for ``original-date``,
``reviewed-author``, ``event-date`` and the like. Zotero keeps such fields as
``variable: value`` lines (its Extra field, which citeproc-js reads as CSL variables);
the RIS writer puts the same lines in ``N1`` notes and the reader takes them back out.
Values are written plainly when that reads back exactly (``original-date: 1886-05-01``,
``original-author: Tolstoy || Leo``), otherwise as JSON, so the round trip is exact.
"""

from __future__ import annotations

import json
import re
from typing import Any

from cslkit.variables import (
    DATE_VARIABLES,
    ITEM_TYPES,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    STRING_VARIABLES,
)

# CSL-JSON's own lists; "the other variables" are the text and number ones (``note`` and
# the two legacy spellings are handled apart, see below).
TEXT_VARIABLES = (NUMBER_VARIABLES | STRING_VARIABLES | {"categories"}) - {
    "note", "journalAbbreviation", "shortTitle",
}
CSL_TYPES = ITEM_TYPES
# Keys a note line may set: the variables, the schema's two legacy spellings (older
# Zotero exports still write them), id, type and custom. ``note`` is left out: a
# "note: ..." line stays note text.
LINE_KEYS = NAME_VARIABLES | DATE_VARIABLES | TEXT_VARIABLES | {
    "journalAbbreviation", "shortTitle", "id", "type", "custom"
}  # fmt: skip

_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*): (.*)$", re.S)


def _escape_spaces(text: str) -> str:
    """JSON text that survives a RIS line: RIS collapses runs of spaces and turns other
    white space (no-break spaces too) into one space, so those are written as ``\\uXXXX``."""
    text = re.sub(r"  +", lambda m: "\\u0020" * len(m.group()), text)
    return "".join(f"\\u{ord(ch):04x}" if ch.isspace() and ch != " " else ch for ch in text)


def _as_json(value: Any) -> str:
    return _escape_spaces(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def _from_json(text: str) -> Any:
    if text[:1] in '"{[':
        try:
            return json.loads(text)
        except ValueError:
            pass
    return text


def _plain_fits(text: str) -> bool:
    return " ".join(text.split()) == text and text[:1] not in '"{['


def encode_name(name: Any) -> str:
    if isinstance(name, dict):
        keys = set(name)
        if keys == {"literal"} and isinstance(name["literal"], str):
            text = name["literal"]
        elif keys <= {"family", "given"} and isinstance(name.get("family"), str):
            text = f"{name['family']} || {name.get('given', '')}".rstrip()
        else:
            text = ""
        if text and _plain_fits(text) and decode_name(text) == name:
            return text
    return _as_json(name)


def decode_name(text: str) -> Any:
    value = _from_json(text)
    if value is not text:
        return value
    family, separator, given = text.partition("||")
    if not separator:
        return {"literal": text.strip()}
    name = {"family": family.strip()}
    if given.strip():
        name["given"] = given.strip()
    return name


def encode_date(date: Any) -> str:
    from cslkit.zotero.mapping import csl_date_to_text

    if isinstance(date, dict) and set(date) == {"date-parts"}:
        text, _ = csl_date_to_text(date)
        if text and _plain_fits(text) and decode_date(text) == date:
            return text
    return _as_json(date)


def decode_date(text: str) -> Any:
    from cslkit.zotero.mapping import text_to_csl_date

    value = _from_json(text)
    return value if value is not text else text_to_csl_date(text)


def encode_text(value: Any) -> str:
    if isinstance(value, str) and _plain_fits(value):
        return value
    return _as_json(value)


def note_lines(variable: str, value: Any) -> list[str]:
    """``variable: value`` lines for one variable (one line a name)."""
    if variable in NAME_VARIABLES and isinstance(value, list):
        return [f"{variable}: {encode_name(name)}" for name in value]
    if variable in DATE_VARIABLES:
        return [f"{variable}: {encode_date(value)}"]
    return [f"{variable}: {encode_text(value)}"]


def note_text_lines(note: str) -> list[str]:
    """The N1 values for the text of a CSL ``note``, one a line. A line RIS would change
    (blank, runs of spaces, one the reader would take for a variable) is written as
    ``note: "JSON"``, which the reader turns back into that line of the note."""
    values = []
    for line in note.split("\n"):
        if line and " ".join(line.split()) == line and split_note([line]) == ({}, [line]):
            values.append(line)
        else:
            values.append(f"note: {_as_json(line)}")
    return values


def split_note(lines: list[str]) -> tuple[dict[str, Any], list[str]]:
    """N1 values -> the variables their ``variable: value`` lines set, and the other lines."""
    found: dict[str, Any] = {}
    other: list[str] = []
    for line in lines:
        match = _LINE.match(line)
        key = match.group(1) if match else ""
        if key == "note" and match and match.group(2).startswith('"'):
            text = _from_json(match.group(2).strip())
            other.append(text if isinstance(text, str) else line)  # an escaped note line
            continue
        if not match or key not in LINE_KEYS or not match.group(2).strip():
            other.append(line)
            continue
        text = match.group(2).strip()
        if key in NAME_VARIABLES:
            found.setdefault(key, []).append(decode_name(text))
        elif key in DATE_VARIABLES:
            found[key] = decode_date(text)
        elif key == "type" and text not in CSL_TYPES:
            other.append(line)
        elif key == "custom":
            value = _from_json(text)
            if isinstance(value, dict):
                found.setdefault("custom", {}).update(value)
            else:
                other.append(line)
        else:
            found[key] = _from_json(text)
    return found, other
