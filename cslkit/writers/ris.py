"""RIS writer: the inverse of :mod:`cslkit.readers.ris` (rispy formats the lines).

Names are written ``Family, Given, Suffix``; dates as ``PY`` (the year) plus ``DA``
(``YYYY/MM/DD/``) when there is more than a year; ISSN and ISBN both as ``SN``. Tags the
reader kept in ``custom["ris"]`` are written back, so RIS -> CSL-JSON -> RIS keeps them.
"""

from __future__ import annotations

import re
import warnings
from typing import Any, ClassVar

from cslkit.errors import DataLossWarning
from cslkit.readers import _ris_map as rm
from cslkit.readers._ris_notes import (
    DATE_VARIABLES,
    LINE_KEYS,
    NAME_VARIABLES,
    note_lines,
    note_text_lines,
)


def format_ris_name(name: dict[str, Any]) -> str:
    if name.get("literal"):
        return str(name["literal"])
    family = " ".join(
        str(p).strip() for p in (name.get("non-dropping-particle"), name.get("family")) if p
    )
    given = " ".join(
        str(p).strip() for p in (name.get("given"), name.get("dropping-particle")) if p
    )
    parts = [family, given] if given or " " in family else [family]
    if name.get("suffix"):
        parts = [family, given, str(name["suffix"])]
    return ", ".join(parts)


def _date_parts(date: Any) -> list[Any]:
    if isinstance(date, dict):
        parts = date.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list):
            return parts[0]
    return []


def format_ris_date(date: Any) -> str | None:
    """``YYYY/MM/DD/`` (empty slots for missing parts; a season after the last slash)."""
    parts = _date_parts(date)
    if not parts:
        if isinstance(date, dict):
            return date.get("literal") or date.get("raw")
        return str(date) if date else None
    texts = [f"{int(parts[0]):04d}"] + [f"{int(p):02d}" for p in parts[1:3]]
    texts += [""] * (3 - len(texts))
    season = date.get("season", "") if isinstance(date, dict) else ""
    return "/".join(texts) + "/" + (str(season) if season else "")


def _ris_type(item: dict[str, Any]) -> str:
    kept = (item.get("custom") or {}).get("ris-type")
    kind = str(item.get("type", ""))
    if isinstance(kept, str) and rm.TYPE_TO_CSL.get(kept, "document") == kind:
        return kept
    return rm.CSL_TO_TYPE.get(kind, "GEN")


def item_to_tags(item: dict[str, Any]) -> list[tuple[str, str]]:
    """A CSL item -> (tag, value) pairs in a conventional order, TY first.

    What no tag holds (or holds only in part) follows as ``N1  - variable: value`` lines,
    which the reader takes back; see :func:`item_to_tags_checked` for what still cannot be
    written.
    """
    return item_to_tags_checked(item)[0]


def item_to_tags_checked(item: dict[str, Any]) -> tuple[list[tuple[str, str]], list[str]]:
    """The tags of ``item``, and the keys of ``item`` that do not read back as they were.

    The tags are read back with the RIS reader; each variable that does not come back
    equal is added as a note line, and what still differs is returned, so the writer can
    say so instead of losing it quietly.
    """
    tags = _mapped_tags(item)
    differing = _differences(item, tags)
    if not differing:
        return tags, []
    # A variable the item does not have came back: a value read as something else (an
    # ISSN shaped like an ISBN, a DOI inside a genre). Drop the tag that said it; what it
    # held goes on note lines below.
    misread = {_MISREAD_FROM.get(key) for key in differing if key not in item}
    if "custom" in differing:  # e.g. a URL with spaces: UR splits it, the rest is kept
        mine = item.get("custom") if isinstance(item.get("custom"), dict) else {}
        kept = mine.get("ris") if isinstance(mine.get("ris"), dict) else {}
        back = (_read_back(tags).get("custom") or {}).get("ris") or {}
        misread |= {tag for tag, values in back.items() if kept.get(tag) != values}
    if misread - {None}:
        tags = [(tag, value) for tag, value in tags if tag not in misread]
        differing = _differences(item, tags)
    for key in differing:
        value = item.get(key)
        if key == "custom" and isinstance(value, dict):
            back = _read_back(tags).get("custom") or {}
            value = {k: v for k, v in value.items() if back.get(k) != v}  # only what is missing
        if key in LINE_KEYS and value not in (None, "", [], {}):
            tags.extend(("N1", line) for line in note_lines(key, value))
    return tags, _differences(item, tags)


# Variables the reader can find in a tag meant for another: the tag to drop then.
_MISREAD_FROM = {
    "ISBN": "SN",
    "ISSN": "SN",
    "DOI": "M3",
    "PMID": "AN",
    "PMCID": "C2",
    "container-author": "C2",
    "archive_location": "AN",
    "archive": "DB",
    "event-title": "T2",
    "number-of-pages": "SP",
    "page": "SP",
}


def _read_back(tags: list[tuple[str, str]]) -> dict[str, Any]:
    from cslkit.readers.ris import _tags, record_to_item

    return record_to_item(_tags(tags), 0)[0]


def _same(value: Any, back: Any) -> bool:
    # RIS is text: a number comes back as its digits, which CSL takes as the same value.
    return back == value or (
        isinstance(value, int | float) and not isinstance(value, bool) and back == str(value)
    )


def _differences(item: dict[str, Any], tags: list[tuple[str, str]]) -> list[str]:
    """Keys whose value the tags do not give back, and keys the tags add."""
    back = _read_back(tags)
    keys = [k for k in item if item[k] not in (None, "") and not _same(item[k], back.get(k))]
    if "id" in keys and item.get("id") in (None, ""):
        keys.remove("id")
    keys += [k for k in back if k not in item and k not in ("id", "custom")]
    if "custom" not in item and back.get("custom") and "custom" not in keys:
        keys.append("custom")
    return keys


def _mapped_tags(item: dict[str, Any]) -> list[tuple[str, str]]:
    """The tags RIS (as Zotero and EndNote write it) has for the item's variables."""
    custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
    ris_type = _ris_type(item)
    tags: list[tuple[str, str]] = [("TY", ris_type)]

    def add(tag: str, value: Any) -> None:
        if value not in (None, ""):
            tags.append((tag, " ".join(str(value).split())))

    add("ID", item.get("id"))
    for variable, tag in rm.WRITE_NAME_TAGS.items():
        for name in item.get(variable) or []:
            if isinstance(name, dict):
                add(tag, format_ris_name(name))
        if custom.get("et-al" if variable == "author" else f"et-al-{variable}"):
            add(tag, "et al.")  # RIS has no flag for a shortened list; exporters write this
    add("TI", item.get("title"))
    csl_type = str(item.get("type", ""))
    if ris_type in rm.CONFERENCE_TYPES and item.get("event-title") and item.get("container-title"):
        add("T2", item["event-title"])  # the conference; C3 is the proceedings
        add("C3", item["container-title"])
        add("T3", item.get("collection-title"))
    elif ris_type in rm.T2_IS_SERIES:
        add("T2", item.get("collection-title"))
        add("JF", item.get("container-title"))  # BT would read back as a book's own title
    elif ris_type in rm.CONFERENCE_TYPES and "C3" in (custom.get("ris") or {}):
        add("JF", item.get("container-title"))  # beside a kept C3, T2 would be the conference
        add("T3", item.get("collection-title"))
    else:
        add("T2", item.get("container-title"))
        add("T3", item.get("collection-title"))
    add("J2", item.get("container-title-short"))
    issued = item.get("issued")
    parts = _date_parts(issued)
    if parts:
        add("PY", f"{int(parts[0]):04d}")
        if len(parts) > 1 or (isinstance(issued, dict) and issued.get("season")):
            add("DA", format_ris_date(issued))
    else:
        add("PY", format_ris_date(issued))
    add("Y2", format_ris_date(item.get("accessed")))

    page = str(item.get("page", "") or "")
    match = re.fullmatch(r"\s*([^\s,;–—-]+)\s*[-–—]+\s*([^\s,;–—-]+)\s*", page)
    if match:
        add("SP", match.group(1))
        add("EP", match.group(2))
    elif page:
        add("SP", page)
        if ris_type in rm.SP_IS_PAGE_COUNT:
            add("EP", page)  # a lone SP of a book would read back as its page count
    elif ris_type in rm.SP_IS_PAGE_COUNT:
        add("SP", item.get("number-of-pages"))

    typed = rm.TYPED_TAGS.get(csl_type, {})
    for tag, variable in typed.items():
        value = item.get(variable)
        if variable in NAME_VARIABLES:
            for name in value if isinstance(value, list) else []:
                if isinstance(name, dict):
                    add(tag, format_ris_name(name))
        elif variable in DATE_VARIABLES:
            add(tag, format_ris_date(value))
        else:
            add(tag, value)
    for tag, variable in rm.TEXT_TAGS.items():
        if variable in ("title-short", "collection-title") or tag in typed:
            continue
        add(tag, item.get(variable))
    add("ST", item.get("title-short"))
    for variable in ("ISSN", "ISBN"):
        add("SN", item.get(variable))
    add("UR", item.get("URL"))
    add("AB", item.get("abstract"))
    keyword = item.get("keyword")
    if keyword:
        for word in str(keyword).split(", "):
            add("KW", word)
    note = item.get("note")
    if note:
        for line in note_text_lines(str(note)):
            add("N1", line)

    kept = custom.get("ris") if isinstance(custom.get("ris"), dict) else {}
    archive = str(item.get("archive") or "")
    location = str(item.get("archive_location") or "")
    pubmed_archive = bool(re.search(r"pubmed|medline", archive, re.I))
    if re.fullmatch(r"\d{1,9}", str(item.get("PMID") or "")) and "AN" not in kept:
        add("AN", item["PMID"])  # AN is the archive location, PubMed's being its PMID
        if "DB" not in kept:
            add("DB", archive if pubmed_archive else "PubMed")
    elif not (pubmed_archive and location.isdigit()):  # that pair would read as a PMID
        add("DB", archive)
        add("AN", location)
    add("DP", item.get("source"))
    if csl_type != "legal_case":
        add("SV", item.get("collection-number"))
    if re.fullmatch(r"PMC\d+", str(item.get("PMCID") or "")) and "C2" not in kept:
        add("C2", item["PMCID"])
    # A kept original date (one with a time of day) replaces the line made from the
    # CSL date when both still say the same date.
    from cslkit.readers.ris import parse_ris_date

    for position, (tag, value) in enumerate(tags):
        original = kept.get(tag) if tag in ("DA", "Y2") else None
        if original and (parse_ris_date(str(original[0])) or {}).get("date-parts") == (
            parse_ris_date(value) or {}
        ).get("date-parts"):
            tags[position] = (tag, str(original[0]))
    for tag, values in kept.items():
        if not re.fullmatch(r"[A-Z][A-Z0-9]", str(tag)) or tag in ("TY", "ER"):
            continue
        # Values the CSL item could not hold (a second title, URL or date, a J2 beside
        # JO) go after the mapped line of their tag; the reader keeps them again.
        for value in values if isinstance(values, list) else [values]:
            if (tag, " ".join(str(value).split())) not in tags:
                add(tag, value)
    return tags


class RisWriter:
    name = "ris"
    extensions = (".ris",)

    def write(self, items: list[dict[str, Any]]) -> str:
        import rispy

        class _Lines(rispy.BaseWriter):
            START_TAG = "TY"
            PATTERN = "{tag}  - {value}"
            REFERENCE_TYPE_KEY = "ty"
            DEFAULT_MAPPING: ClassVar[dict[str, str]] = {}
            DEFAULT_LIST_TAGS: ClassVar[list[str]] = []
            DEFAULT_DELIMITER_MAPPING: ClassVar[dict[str, str]] = {}

            def set_header(self, count: int) -> str:
                return ""

        references: list[dict[str, Any]] = []
        used_tags: set[str] = set()
        lost: list[str] = []
        for position, item in enumerate(items):
            tags, differing = item_to_tags_checked(item)
            if differing:
                lost.append(f"{item.get('id') or f'item {position + 1}'} ({', '.join(differing)})")
            reference: dict[str, Any] = {}
            for tag, value in tags:
                used_tags.add(tag)
                reference.setdefault(tag.lower(), []).append(value)
            references.append(reference)
        if not references:
            return ""
        writer = _Lines(
            mapping={tag: tag.lower() for tag in used_tags}, list_tags=sorted(used_tags)
        )
        for reference in references:
            reference["ty"] = reference["ty"][0]
        if lost:
            warnings.warn(
                f"RIS cannot hold everything of {len(lost)} item(s); these keys will not "
                f"read back as they were: {'; '.join(lost[:10])}"
                + (" ..." if len(lost) > 10 else ""),
                DataLossWarning,
                stacklevel=2,
            )
        return writer.formats(references)


WRITER = RisWriter()
