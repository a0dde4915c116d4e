"""CSL-JSON <-> Zotero item JSON, driven by the official Zotero schema tables.

The tables (``tables.json``, built by ``tools/build_zotero_tables.py``) say which Zotero
item type stands for each CSL type, which Zotero field holds each CSL variable (through
base fields: ``bookTitle`` is a ``publicationTitle``), and which creator type is which CSL
name variable. What a Zotero item type cannot hold goes into ``extra`` as ``Key: value``
lines, the form Zotero itself reads back when it cites (``original-date: 1886``,
``editor: Family || Given``, ``type: review``); those lines are read back here too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from cslkit.variables import DATE_VARIABLES, NAME_VARIABLES

# CSL keys that are not bibliographic variables and never go to Zotero.
_LOCAL_ONLY = frozenset({"id", "custom", "citation-key-local"})
_NAME_VARIABLES = NAME_VARIABLES
_DATE_VARIABLES = DATE_VARIABLES
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "jun", "sen"})
# Zotero item types that are not references (no CSL counterpart worth syncing).
NON_REFERENCE_TYPES = frozenset({"annotation", "attachment", "note"})
# The schema's CSL table still lists two pre-1.0 variable names; CSL 1.0.2 spells them so.
_CSL_1_0_NAMES = {"shortTitle": "title-short", "journalAbbreviation": "container-title-short"}
_EXTRA_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 _-]*?)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True)
class Tables:
    """The Zotero schema, reduced to what mapping needs, with lookups precomputed."""

    raw: dict[str, Any]

    @property
    def item_types(self) -> dict[str, Any]:
        return self.raw["itemTypes"]

    def field_for(self, item_type: str, base_or_field: str) -> str | None:
        """The field of ``item_type`` that is ``base_or_field`` itself or has it as base."""
        fields = self.item_types[item_type]["fields"]
        if base_or_field in fields:
            return base_or_field
        for name, base in fields.items():
            if base == base_or_field:
                return name
        return None

    def base_of(self, item_type: str, field: str) -> str:
        return self.item_types[item_type]["fields"].get(field) or field


@lru_cache(maxsize=1)
def tables() -> Tables:
    text = resources.files("cslkit.zotero").joinpath("tables.json").read_text(encoding="utf-8")
    return Tables(json.loads(text))


@lru_cache(maxsize=1)
def _zotero_to_csl_type() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for csl_type, zotero_types in tables().raw["cslTypes"].items():
        for zotero_type in zotero_types:
            mapping.setdefault(zotero_type, csl_type)
    return mapping


@lru_cache(maxsize=1)
def _base_to_csl_variable() -> dict[str, str]:
    """Zotero base field -> CSL variable (the first CSL variable listing it wins)."""
    mapping: dict[str, str] = {}
    for variable, fields in tables().raw["cslTextFields"].items():
        for field in fields:
            mapping.setdefault(field, _CSL_1_0_NAMES.get(variable, variable))
    for variable, field in tables().raw["cslDateFields"].items():
        mapping.setdefault(field, variable)
    return mapping


@lru_cache(maxsize=1)
def _csl_name_to_creator_types() -> dict[str, list[str]]:
    mapping: dict[str, list[str]] = {}
    for creator_type, variable in tables().raw["cslNames"].items():
        mapping.setdefault(variable, []).append(creator_type)
    return mapping


@lru_cache(maxsize=1)
def _all_zotero_fields() -> frozenset[str]:
    return frozenset(f for t in tables().item_types.values() for f in t["fields"])


def zotero_type_for(csl_type: str | None) -> str:
    candidates = tables().raw["cslTypes"].get(csl_type or "", [])
    return candidates[0] if candidates else "document"


def csl_type_for(zotero_type: str) -> str:
    return _zotero_to_csl_type().get(zotero_type, "document")


def _canonical_key(key: str) -> str:
    """``Original Date`` / ``original_date`` / ``original-date`` -> ``original-date``."""
    return re.sub(r"[\s_]+", "-", key.strip()).lower()


def _zotero_field_named(item_type: str, key: str) -> str | None:
    fields = tables().item_types[item_type]["fields"]
    for name in fields:
        if name.lower() == key.replace("-", "").replace(" ", "").lower():
            return name
    return None


# --- dates -----------------------------------------------------------------------


def _date_part_text(parts: list[Any]) -> str | None:
    try:
        numbers = [int(p) for p in parts if p not in (None, "")]
    except (TypeError, ValueError):
        return None
    if not numbers:
        return None
    text = f"{numbers[0]:04d}" if numbers[0] >= 0 else str(numbers[0])
    for number in numbers[1:3]:
        text += f"-{number:02d}"
    return text


def csl_date_to_text(value: Any) -> tuple[str | None, bool]:
    """A CSL date as Zotero date text, and whether Zotero's date field can hold it
    (a range, a season or circa only fits an ``extra`` line)."""
    if isinstance(value, str):
        return value, True
    if not isinstance(value, dict):
        return None, True
    if isinstance(value.get("raw"), str) and value["raw"].strip() and not value.get("date-parts"):
        return value["raw"].strip(), True
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        texts = [_date_part_text(p) for p in parts if isinstance(p, list)]
        texts = [t for t in texts if t]
        if texts:
            simple = len(texts) == 1 and not value.get("season") and not value.get("circa")
            return "/".join(texts), simple
    for key in ("raw", "literal"):
        if isinstance(value.get(key), str) and value[key].strip():
            return value[key].strip(), True
    return None, True


_ISO_DATE = re.compile(r"^(-?\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:[ T]\d{1,2}:\d{2}\S*)?$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})([./])(\d{1,2})\2(\d{4})$")
_MONTH_STEMS = (
    ("jan", "січ", "янв"), ("feb", "лют", "фев"), ("mar", "бер", "мар"),
    ("apr", "квіт", "апр"), ("may", "трав", "ма"), ("jun", "черв", "июн"),
    ("jul", "лип", "июл"), ("aug", "серп", "авг"), ("sep", "верес", "сен"),
    ("oct", "жовт", "окт"), ("nov", "листоп", "ноя"), ("dec", "груд", "дек"),
)  # fmt: skip


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    for number, stems in enumerate(_MONTH_STEMS, 1):
        # "ма" (Russian May: май, мая) is short; it must not swallow "март".
        if any(word.startswith(stem) for stem in stems) and not (
            number == 5 and word.startswith("мар")
        ):
            return number
    return None


def _words_date(text: str) -> list[int] | None:
    """``March 2013``, ``15 March 2013``, ``Mar 15, 2013``, ``2013 Mar 15``, ``15 березня 2013``."""
    tokens = re.findall(r"\d+|[^\W\d_]+", text)
    years = [int(t) for t in tokens if t.isdigit() and len(t) == 4]
    months = [m for m in (_month_number(t) for t in tokens if not t.isdigit()) if m]
    if len(years) != 1 or len(months) > 1:
        return None
    days = [int(t) for t in tokens if t.isdigit() and len(t) <= 2 and 1 <= int(t) <= 31]
    if any(not t.isdigit() and not _month_number(t) for t in tokens):
        return None  # other words ("Spring", "n.d."): keep the text as it is
    if not months:
        return [years[0]] if len(tokens) == 1 else None
    return [years[0], months[0], *days[:1]]


def text_to_csl_date(text: str) -> dict[str, Any]:
    """Zotero date text as a CSL date: ISO (``2013-03-15``, with a time), ranges
    (``2013/2014``), ``15.03.2013``, ``3/15/2013``, month names (English, Ukrainian,
    Russian); anything else is kept as ``raw``."""
    stripped = text.strip()
    pieces = stripped.split("/")
    if 1 <= len(pieces) <= 2 and all(_ISO_DATE.match(p.strip()) for p in pieces):
        return {
            "date-parts": [
                [int(g) for g in _ISO_DATE.match(p.strip()).groups() if g is not None]  # type: ignore[union-attr]
                for p in pieces
            ]
        }
    numeric = _NUMERIC_DATE.match(stripped)
    if numeric:
        first, separator, second, year = numeric.groups()
        # Dotted dates are day first (Europe); slashed ones month first, as Zotero reads
        # them, unless the first number cannot be a month.
        day, month = (int(first), int(second))
        if separator == "/" and int(first) <= 12:
            day, month = int(second), int(first)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return {"date-parts": [[int(year), month, day]]}
    words = _words_date(stripped)
    if words:
        return {"date-parts": [words]}
    return {"raw": stripped}


# --- names -----------------------------------------------------------------------


def _csl_name_to_creator(name: dict[str, Any], creator_type: str) -> dict[str, Any]:
    if name.get("literal") or not (name.get("family") or name.get("given")):
        return {"creatorType": creator_type, "name": str(name.get("literal") or "")}
    family = " ".join(str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(str(p) for p in (name.get("given"), name.get("dropping-particle")) if p)
    if name.get("suffix"):
        given = f"{given}, {name['suffix']}" if given else str(name["suffix"])
    return {"creatorType": creator_type, "firstName": given, "lastName": family}


def _creator_to_csl_name(creator: dict[str, Any]) -> dict[str, Any]:
    if creator.get("name") is not None and not creator.get("lastName"):
        return {"literal": creator["name"]}
    name: dict[str, Any] = {"family": creator.get("lastName", "")}
    given = str(creator.get("firstName") or "")
    # Zotero keeps a suffix after a comma in the first name ("Martin Luther, Jr.").
    head, comma, tail = given.rpartition(",")
    if comma and tail.strip().rstrip(".").lower() in _NAME_SUFFIXES:
        given = head.strip()
        name["suffix"] = tail.strip()
    if given:
        name["given"] = given
    return name


def _name_to_extra(name: dict[str, Any]) -> str:
    if name.get("literal") or not name.get("family"):
        return str(name.get("literal") or name.get("given") or "")
    # "Family ||" (empty given) keeps a family-only name apart from a literal one.
    return f"{name['family']} || {name.get('given') or ''}".rstrip()


def _extra_to_name(text: str) -> dict[str, Any]:
    family, sep, given = text.partition("||")
    if not sep:
        return {"literal": text.strip()}
    name: dict[str, Any] = {"family": family.strip()}
    if given.strip():
        name["given"] = given.strip()
    return name


# --- extra -----------------------------------------------------------------------


def _one_line(text: str) -> str:
    """An Extra line holds one line: line breaks (and runs of spaces) become one space."""
    return " ".join(text.split())


def parse_extra(extra: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Split ``extra`` into ``(key, value)`` lines Zotero would read as fields or CSL
    variables, and the other lines (free text, kept as they are)."""
    known: list[tuple[str, str]] = []
    other: list[str] = []
    for line in extra.splitlines():
        match = _EXTRA_LINE.match(line)
        if match and match.group(2):
            key = _canonical_key(match.group(1))
            if _is_extra_key(key):
                known.append((key, match.group(2)))
                continue
        other.append(line)
    while other and not other[-1].strip():
        other.pop()
    while other and not other[0].strip():
        other.pop(0)
    return known, other


@lru_cache(maxsize=1)
def _csl_variables() -> frozenset[str]:
    raw = tables().raw
    return frozenset(
        set(raw["cslTextFields"]) | set(raw["cslDateFields"]) | _NAME_VARIABLES | _DATE_VARIABLES
        | {
            "type", "title", "container-title-short", "collection-title-short", "keyword",
            "event", "event-date", "original-title", "reviewed-title", "reviewed-genre",
            "annote", "supplement-number", "printing-number", "locator", "division",
            "jurisdiction", "year-suffix", "volume-title", "original-publisher",
            "archive-place", "archive-collection", "PMCID", "ISSN", "PMID", "DOI", "ISBN",
        }
    )  # fmt: skip


def _is_extra_key(key: str) -> bool:
    if _csl_variable_named(key):
        return True
    compact = key.replace("-", "").lower()
    return any(f.lower() == compact for f in _all_zotero_fields()) or any(
        c.lower() == compact for c in _all_creator_types()
    )


@lru_cache(maxsize=1)
def _all_creator_types() -> frozenset[str]:
    return frozenset(c for t in tables().item_types.values() for c in t["creatorTypes"])


def _csl_variable_named(key: str) -> str | None:
    return _canonical_csl_variables().get(key)


@lru_cache(maxsize=1)
def _canonical_csl_variables() -> dict[str, str]:
    return {_canonical_key(v): v for v in _csl_variables()}


# --- CSL -> Zotero ---------------------------------------------------------------


def csl_to_zotero(item: dict[str, Any]) -> dict[str, Any]:
    """A Zotero item ``data`` object (no key/version) holding everything in ``item``."""
    t = tables()
    csl_type = str(item.get("type") or "document")
    custom_zotero = (item.get("custom") or {}).get("zotero") or {}
    item_type = zotero_type_for(csl_type)
    # A Zotero type remembered from a Zotero source wins when it stands for the same CSL type.
    remembered = custom_zotero.get("itemType") if isinstance(custom_zotero, dict) else None
    if remembered in t.item_types and csl_type_for(remembered) == csl_type:
        item_type = remembered
    data: dict[str, Any] = {"itemType": item_type}
    extra_lines: list[str] = []
    if csl_type not in t.raw["cslTypes"]:
        extra_lines.append(f"type: {csl_type}")
    creators: list[dict[str, Any]] = []
    note = ""
    for variable, value in item.items():
        if variable in _LOCAL_ONLY or variable == "type" or value in (None, "", [], {}):
            continue
        if variable == "note":
            note = str(value)
            continue
        if variable in _NAME_VARIABLES or (
            isinstance(value, list) and value and isinstance(value[0], dict)
        ):
            creator_type = _creator_type_for(variable, item_type)
            for name in value if isinstance(value, list) else []:
                if not isinstance(name, dict):
                    continue
                if creator_type:
                    creators.append(_csl_name_to_creator(name, creator_type))
                else:
                    extra_lines.append(f"{variable}: {_name_to_extra(name)}")
            continue
        if (
            variable in t.raw["cslDateFields"]
            or variable in _DATE_VARIABLES
            or isinstance(value, dict)
        ):
            text, fits = csl_date_to_text(value)
            if text is None:
                continue
            field = t.raw["cslDateFields"].get(variable)
            target = t.field_for(item_type, field) if field else None
            if target and fits and target not in data:
                data[target] = text
            else:
                extra_lines.append(f"{variable}: {text}")
            continue
        target = preferred_field(item_type, variable)
        text = str(value) if not isinstance(value, list) else ", ".join(map(str, value))
        if target and target not in data:
            data[target] = text
        else:
            extra_lines.append(f"{variable}: {_one_line(text)}")
    # Lines of the note that name a field this type has fill that field (as Zotero does).
    known, other = parse_extra(note)
    valid_creators = {c.lower(): c for c in t.item_types[item_type]["creatorTypes"]}
    for key, value in known:
        field = _zotero_field_named(item_type, key)
        creator_type = valid_creators.get(key.replace("-", ""))
        if creator_type and _csl_variable_named(key) is None:
            creators.append(_csl_name_to_creator(_extra_to_name(value), creator_type))
        elif field and field not in data and field != "extra":
            data[field] = value
        else:
            extra_lines.append(
                f"{key if _csl_variable_named(key) is None else _csl_variable_named(key)}: {value}"
            )
    if creators:
        data["creators"] = creators
    extra = "\n".join(extra_lines + other).strip()
    if extra:
        data["extra"] = extra
    return data


def _fields_for_variable(variable: str) -> list[str]:
    text_fields = tables().raw["cslTextFields"]
    fields = list(text_fields.get(variable, []))
    for old_name, name in _CSL_1_0_NAMES.items():
        if name == variable:
            fields += [f for f in text_fields.get(old_name, []) if f not in fields]
    return fields


def preferred_field(item_type: str, variable: str) -> str | None:
    """The field of ``item_type`` that holds CSL ``variable`` (the first listed that fits)."""
    for candidate in _fields_for_variable(variable):
        field = tables().field_for(item_type, candidate)
        if field:
            return field
    return None


def _creator_type_for(variable: str, item_type: str) -> str | None:
    type_info = tables().item_types[item_type]
    valid = type_info["creatorTypes"]
    for creator_type in _csl_name_to_creator_types().get(variable, []):
        if creator_type in valid:
            return creator_type
    primary = type_info["primaryCreatorType"]
    # CSL "author" becomes the type's primary creator only when that reads back as author.
    if variable == "author" and primary and creator_to_csl_variable(primary, item_type) == "author":
        return primary
    return None


def creator_to_csl_variable(creator_type: str, item_type: str) -> str | None:
    variable = tables().raw["cslNames"].get(creator_type)
    if variable:
        return variable
    if creator_type == tables().item_types.get(item_type, {}).get("primaryCreatorType"):
        return "author"
    return None


# --- Zotero -> CSL ---------------------------------------------------------------


def zotero_to_csl(data: dict[str, Any], item_id: str | None = None) -> dict[str, Any]:
    """A CSL-JSON item from a Zotero item ``data`` object.

    Fields with no CSL variable (and creators with no CSL role) go to ``note`` as
    ``Key: value`` lines, so converting back restores them.
    """
    t = tables()
    item_type = str(data.get("itemType") or "document")
    if item_type not in t.item_types:
        item_type = "document"
    item: dict[str, Any] = {
        "id": item_id or str(data.get("key") or ""),
        "type": csl_type_for(item_type),
    }
    if not item["id"]:
        del item["id"]
    note_lines: list[str] = []
    for field, value in data.items():
        if field in ("itemType", "creators", "extra", "key", "version", "tags", "collections",
                     "relations", "dateAdded", "dateModified", "deleted", "parentItem",
                     "inPublications") or value in (None, "", [], {}):  # fmt: skip
            continue
        if field == "note":  # a standalone note's HTML
            note_lines.append(str(value))
            continue
        base = t.base_of(item_type, field)
        variable = _base_to_csl_variable().get(base)
        preferred = preferred_field(item_type, variable) if variable else None
        if preferred and preferred != field and data.get(preferred) not in (None, ""):
            variable = None  # the field CSL reads this variable from is another one
        if variable is None or variable in item:
            note_lines.append(f"{field}: {value}")
            continue
        if base in t.raw["cslDateFields"].values():
            item[variable] = text_to_csl_date(str(value))
        else:
            item[variable] = value
    for creator in data.get("creators") or []:
        variable = creator_to_csl_variable(str(creator.get("creatorType")), item_type)
        name = _creator_to_csl_name(creator)
        if variable is None:
            note_lines.append(f"{creator.get('creatorType')}: {_name_to_extra(name)}")
        else:
            item.setdefault(variable, []).append(name)
    known, other = parse_extra(str(data.get("extra") or ""))
    for key, value in known:
        variable = _csl_variable_named(key)
        if variable == "type":
            item["type"] = value.strip()
        elif variable in _NAME_VARIABLES:
            item.setdefault(variable, []).append(_extra_to_name(value))
        elif variable in _DATE_VARIABLES and variable not in item:
            item[variable] = text_to_csl_date(value)
        elif variable and variable not in item:
            item[variable] = value
        else:
            note_lines.append(f"{key}: {value}")
    note_lines.extend(other)
    if note_lines:
        item["note"] = "\n".join(note_lines)
    zotero_meta = {
        k: data[k] for k in ("key", "version", "itemType", "tags", "collections") if data.get(k)
    }
    if zotero_meta:
        item["custom"] = {"zotero": zotero_meta}
    return item
