"""RIS reader: records split and checked here, tags gathered by rispy, mapped to CSL.

Real RIS files drift from the specification: one space instead of two before the dash,
a last record without ``ER``, header lines before the first ``TY``. Such files are
read, and what was odd is reported as a Problem with the record's line; a record
that cannot be read is skipped and the others are kept. Tags CSL has no variable for
are kept in ``custom["ris"]`` so the writer can put them back.
"""

from __future__ import annotations

import re
from typing import Any

from cslkit.errors import InputError
from cslkit.model import Items, Problem
from cslkit.readers import _ris_map as rm
from cslkit.readers._bibtex_map import ET_AL_MARKERS
from cslkit.readers._ris_notes import DATE_VARIABLES, NAME_VARIABLES, split_note

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])[ \t]{1,3}-[ \t]?(.*?)[ \t]*$")
_ISBN = re.compile(r"^(?:97[89][- ]?)?(?:\d[- ]?){9}[\dXx]$")
_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]$")
_PARTICLE = re.compile(r"^((?:[a-z'’]+\s+)+)(\S.*)$")


class _Identity(dict):
    """rispy tag mapping that keeps every tag as its own key."""

    def __missing__(self, key: str) -> str:
        return key


def parse_ris_name(text: str) -> dict[str, str]:
    """``Family, Given[, Suffix]`` (RIS) -> a CSL name; ``Smith JA`` and one-word names too."""
    text = " ".join(text.split())
    if "," in text:
        family, _, rest = text.partition(",")
        given, _, suffix = rest.partition(",")
        name: dict[str, str] = {}
        family, given, suffix = family.strip(), given.strip(), suffix.strip()
        particle = _PARTICLE.match(family)
        if particle:
            name["non-dropping-particle"] = particle.group(1).strip()
            family = particle.group(2)
        if family:
            name["family"] = family
        if given:
            name["given"] = given
        if suffix:
            name["suffix"] = suffix
        return name
    words = text.split(" ")
    if len(words) == 1:
        return {"family": text}
    if len(words) == 2 and re.fullmatch(r"[A-ZА-ЯЁЄІЇҐ]{1,3}", words[1]):
        return {"family": words[0], "given": words[1]}  # Medline style "Smith JA"
    return {"literal": text}


def _name_list(value: str) -> list[str]:
    """One AU value; some exporters put several ``Family, Given`` names in it, split by ``;``."""
    parts = [part.strip() for part in value.split(";")]
    if len([p for p in parts if p]) > 1 and all("," in part for part in parts if part):
        return [part for part in parts if part]
    return [value]


def parse_ris_date(text: str) -> dict[str, Any] | None:
    """``2012/04/05/``, ``2012///Spring``, ``2012-04-05`` or ``2012`` -> a CSL date."""
    value = text.strip()
    if not value:
        return None
    match = re.match(r"^(\d{4})(?:[/-](\d{0,2})(?:[/-](\d{0,2})(?:/(.*))?)?)?$", value)
    if not match:
        year = re.match(r"^(\d{4})\b", value)
        if year and len(value) > 4 and not value[4:].strip(" ./"):
            return {"date-parts": [[int(year.group(1))]]}
        return {"literal": value}
    year, month, day, other = match.groups()
    parts = [int(year)]
    if month and 1 <= int(month) <= 12:
        parts.append(int(month))
        if day and 1 <= int(day) <= 31:
            parts.append(int(day))
    date: dict[str, Any] = {"date-parts": [parts]}
    if other and other.strip().isalpha():  # "Spring"; a time of day has no CSL place
        date["season"] = other.strip()
    return date


def _unsaid_tail(text: str) -> bool:
    """True when a RIS date has text after its last slot that CSL cannot hold (a time)."""
    match = re.match(r"^\d{4}[/-]\d{0,2}[/-]\d{0,2}/(.+)$", text.strip())
    return bool(match) and not match.group(1).strip().isalpha()


_MONTH_DAY = re.compile(r"^([A-Za-zА-Яа-яЁёІіЇїЄє]{3,})\.?(?:\s+(\d{1,2}))?$")


def _combine_dates(date: str | None, year: str | None) -> dict[str, Any] | None:
    """DA and PY together: the fuller date wins; ``DA  - JAN 15`` (Web of Science) adds
    month and day to PY's year."""
    from cslkit.readers._bibtex_map import MONTHS

    from_date = parse_ris_date(date) if date else None
    from_year = parse_ris_date(year) if year else None
    year_parts = (from_year or {}).get("date-parts")
    if date and year_parts and from_date and "literal" in from_date:
        match = _MONTH_DAY.match(date.strip())
        month = MONTHS.get(match.group(1).lower()[:3]) if match else None
        if match and month:
            parts = [year_parts[0][0], month]
            if match.group(2) and 1 <= int(match.group(2)) <= 31:
                parts.append(int(match.group(2)))
            return {"date-parts": [parts]}
    candidates = [d for d in (from_date, from_year) if d]
    if not candidates:
        return None
    return max(candidates, key=lambda d: len((d.get("date-parts") or [[]])[0]))


def _date_says(date: dict[str, Any], text: str) -> bool:
    """True when ``text`` (a DA or PY value) adds nothing to ``date``."""
    from cslkit.readers._bibtex_map import MONTHS

    parsed = parse_ris_date(text) or {}
    if "literal" in parsed:
        match = _MONTH_DAY.match(text.strip())
        used_as_month = bool(match) and match.group(1).lower()[:3] in MONTHS
        return parsed == date or (used_as_month and "date-parts" in date)
    parts = (parsed.get("date-parts") or [[]])[0]
    have = (date.get("date-parts") or [[]])[0]
    return (
        have[: len(parts)] == parts
        and parsed.get("season") in (None, date.get("season"))
        and not _unsaid_tail(text)
    )


def split_records(text: str) -> tuple[list[tuple[int, list[tuple[str, str]]]], list[Problem]]:
    """Lines -> records of (tag, value), each with its first line number; oddities reported."""
    records: list[tuple[int, list[tuple[str, str]]]] = []
    problems: list[Problem] = []
    current: list[tuple[str, str]] | None = None
    start = 0
    stray: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _TAG_LINE.match(line.lstrip("\ufeff"))
        if match is None:
            if current:
                tag, value = current[-1]
                current[-1] = (tag, f"{value} {line.strip()}".strip())
            else:
                stray.append(number)
            continue
        tag, value = match.group(1), match.group(2) or ""
        if tag == "TY":
            if current is not None:
                problems.append(
                    _problem(
                        "unterminated-record",
                        "warning",
                        len(records),
                        start,
                        "has no ER line before the next TY; it was closed there",
                        "end each record with ER  -",
                    )
                )
                records.append((start, current))
            current, start = [(tag, value.strip())], number
        elif tag == "ER":
            if current is None:
                stray.append(number)
            else:
                records.append((start, current))
                current = None
        elif current is None:
            stray.append(number)
        else:
            current.append((tag, value.strip()))
    if current is not None:
        problems.append(
            _problem(
                "unterminated-record",
                "warning",
                len(records),
                start,
                "has no ER line at the end of the file; it was read anyway",
                "end each record with ER  -",
            )
        )
        records.append((start, current))
    if stray and records:
        shown = ", ".join(str(n) for n in stray[:5]) + (" ..." if len(stray) > 5 else "")
        problems.append(
            Problem(
                "stray-ris-lines",
                "warning",
                None,
                None,
                f"{len(stray)} line(s) outside any TY ... ER record were ignored (line {shown})",
                "each record starts with TY  - and ends with ER  -",
            )
        )
    return records, problems


def _problem(code: str, severity: str, position: int, line: int, what: str, hint: str) -> Problem:
    return Problem(
        code,
        severity,
        None,
        None,
        f"record {position + 1} (line {line}) {what}",  # type: ignore[arg-type]
        hint,
        position=position,
    )


def _tags(record: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Gather the record's values tag by tag (rispy does the bookkeeping)."""
    import rispy

    normalised = "\n".join(f"{tag}  - {value}" for tag, value in record) + "\nER  - \n"
    parsed = rispy.loads(
        normalised,
        mapping=_Identity(),
        list_tags=[],
        delimiter_tags_mapping={},
        enforce_list_tags=False,
    )
    gathered: dict[str, list[str]] = {}
    for tag, value in (parsed[0] if parsed else {}).items():
        values = value if isinstance(value, list) else [value]
        kept = [str(v).strip() for v in values if str(v).strip()]
        if kept:
            gathered[tag] = kept
    return gathered


def record_to_item(tags: dict[str, list[str]], position: int) -> tuple[dict[str, Any], list[str]]:
    """One record's tags -> a CSL item, and the notes worth a warning."""
    rest = {tag: list(values) for tag, values in tags.items()}
    notes: list[str] = []
    ris_type = (rest.pop("TY", [""])[0] or "").upper()
    csl_type = rm.TYPE_TO_CSL.get(ris_type)
    if csl_type is None:
        notes.append(f"unknown type TY {ris_type or '(empty)'}, read as a generic document")
        csl_type = "document"
    item: dict[str, Any] = {"id": "", "type": csl_type}
    custom: dict[str, Any] = {}
    if ris_type and rm.CSL_TO_TYPE.get(csl_type) != ris_type:
        custom["ris-type"] = ris_type

    def first(*tag_names: str) -> str | None:
        """The first value of the first of these tags; the other values are kept (in
        ``custom["ris"]``), a rival tag's too unless it says the same (AB and N2)."""
        found = None
        for tag in tag_names:
            values = rest.pop(tag, None)
            if not values:
                continue
            if found is None:
                found, unused = values[0], values[1:]
            else:
                unused = [value for value in values if value != found]
            if unused:
                rest[tag] = unused
        return found

    ids = rest.pop("ID", None)
    if ids:
        item["id"] = ids[0]

    for tag, variable in rm.NAME_TAGS.items():
        for value in rest.pop(tag, []):
            for part in _name_list(value):
                if part.strip().lower() in ET_AL_MARKERS:  # "AU  - et al."
                    custom["et-al" if variable == "author" else f"et-al-{variable}"] = True
                else:
                    item.setdefault(variable, []).append(parse_ris_name(part))

    title = first("TI", "T1", "CT")
    if not title and ris_type not in ("CHAP", "ECHAP"):
        title = first("BT")  # the book title of a whole book
    if title:
        item["title"] = title
    if ris_type in rm.CONFERENCE_TYPES and rest.get("T2") and rest.get("C3"):
        item["event-title"] = first("T2")
        rest["T2"] = rest.pop("C3")  # the proceedings, read below as the container
    container = first("T2") if ris_type not in rm.T2_IS_SERIES else None
    journal_full = first("JF")
    journal = first("JO")
    container = container or journal_full or journal
    if not container and title:
        container = first("BT")  # the book a chapter is in (or a book's own container)
    if container:
        item["container-title"] = container
        if journal and journal != container:
            item["container-title-short"] = journal
    if journal_full and journal_full != container:
        rest.setdefault("JF", []).insert(0, journal_full)  # T2 won; JF is kept, not lost
    short_tag = "J2" if rest.get("J2") else "JA"
    short = first("J2", "JA")
    if short:
        item.setdefault("container-title-short", short)
        if item["container-title-short"] != short:  # JO gave it: keep J2 beside it
            rest.setdefault(short_tag, []).insert(0, short)
    if ris_type in rm.T2_IS_SERIES:
        series = first("T2")
        if series:
            item["collection-title"] = series

    date = first("DA")
    year = first("PY", "Y1")
    issued = _combine_dates(date, year)
    if issued:
        item["issued"] = issued
        # Keep whichever of the two the combined date does not fully say.
        for tag, value in (("DA", date), ("PY", year)):
            if value and not _date_says(issued, value):
                custom.setdefault("ris", {})[tag] = [value]
    accessed = first("Y2")
    if accessed:
        accessed_date = parse_ris_date(accessed)
        if accessed_date:
            item["accessed"] = accessed_date
            if not _date_says(accessed_date, accessed):  # a time of day: keep the original
                custom.setdefault("ris", {})["Y2"] = [accessed]

    start, end = first("SP"), first("EP")
    if start and not end and ris_type in rm.SP_IS_PAGE_COUNT and start.isdigit():
        item["number-of-pages"] = start
    elif start or end:
        start_page, end_page = (start or "").strip(), (end or "").strip()
        item["page"] = (
            f"{start_page}-{end_page}"
            if start_page and end_page and start_page != end_page
            else (start_page or end_page)
        )

    work_type = rest.get("M3", [""])[0]
    doi_in_m3 = re.search(r"\b10\.\d{4,9}/\S+", work_type)
    if doi_in_m3 and "DO" not in rest:
        rest["DO"] = [doi_in_m3.group()]  # EndNote writes the DOI in M3 ("doi: 10...")
        rest.pop("M3")
    for tag, variable in rm.TYPED_TAGS.get(csl_type, {}).items():
        if variable in NAME_VARIABLES:
            for value in rest.pop(tag, []):
                if tag == "C2" and re.fullmatch(r"PMC\d+", value):
                    rest.setdefault(tag, []).append(value)  # a PMCID, taken below
                    continue
                item.setdefault(variable, []).extend(parse_ris_name(n) for n in _name_list(value))
            continue
        value = first(tag)
        if value and variable in DATE_VARIABLES:
            item[variable] = parse_ris_date(value)
        elif value:
            item[variable] = value
    for tag, variable in rm.TEXT_TAGS.items():
        value = first(tag)
        if value and variable not in item:
            item[variable] = value
        elif value and item[variable] != value:  # a book's T3 beside its T2 series
            rest.setdefault(tag, []).insert(0, value)

    serials = rest.pop("SN", [])
    for serial in serials:
        for part in re.split(r"\s*[;]\s*", serial):
            code = re.sub(r"\s*\(.*?\)\s*$", "", part).strip()
            variable = (
                "ISBN" if _ISBN.match(code.replace(" ", "")) and not _ISSN.match(code) else "ISSN"
            )
            item[variable] = f"{item[variable]}; {part}" if variable in item else part

    urls = [url for value in rest.pop("UR", []) for url in re.split(r"\s*;\s*|\s+", value) if url]
    if urls:
        item["URL"] = urls[0]
        if len(urls) > 1:
            custom.setdefault("ris", {})["UR"] = urls[1:]
    if "DOI" in item:
        item["DOI"] = re.sub(
            r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", item["DOI"], flags=re.I
        )

    abstract = first("AB", "N2")
    if abstract:
        item["abstract"] = abstract
    keywords = rest.pop("KW", [])
    if keywords:
        item["keyword"] = ", ".join(keywords)
    # "variable: value" lines (written for variables RIS has no tag for) set variables;
    # the other lines are the note. They are applied last: they say more than the tags.
    from_notes, notes_values = split_note(rest.pop("N1", []))
    if notes_values:
        item["note"] = "\n".join(notes_values)

    database = rest.get("DB", [""])[0]
    accession = rest.get("AN", [""])[0]
    if (
        accession
        and re.fullmatch(r"\d{1,9}", accession)
        and re.search(r"pubmed|medline", database, re.I)
    ):
        item["PMID"] = accession
        rest.pop("AN")
        if database == "PubMed":
            rest.pop("DB")
    for tag in ("C2", "C7"):
        values = rest.get(tag, [])
        if values and re.fullmatch(r"PMC\d+", values[0]) and "PMCID" not in item:
            item["PMCID"] = values[0]
            rest.pop(tag)

    for tag, variable in rm.ARCHIVE_TAGS.items():
        if variable not in item and not (tag == "SV" and csl_type == "legal_case"):
            value = first(tag)  # SV of a case is its docket number: kept as a tag
            if value:
                item[variable] = value

    if rest:
        custom.setdefault("ris", {}).update(rest)
    custom.update(from_notes.pop("custom", {}))
    item.update(from_notes)
    if custom:
        item["custom"] = custom
    return item, notes


def suggest_id(item: dict[str, Any], taken: set[str], position: int) -> str:
    """An id for an item that has none: first author's family name and year, made unique."""
    names = item.get("author") or item.get("editor") or [{}]
    family = names[0].get("family") or names[0].get("literal") or ""
    word = re.sub(r"\W+", "", family.split()[0]).lower() if family.split() else ""
    year = ""
    parts = (item.get("issued") or {}).get("date-parts")
    if parts and parts[0]:
        year = str(parts[0][0])
    base = f"{word}{year}" if word else f"ref{position + 1}"
    candidate, suffix = base, 0
    while candidate in taken:
        suffix += 1
        candidate = base + (chr(ord("a") + suffix - 1) if suffix <= 26 else f"-{suffix}")
    return candidate


class RisReader:
    name = "ris"
    extensions = (".ris", ".ris.txt")

    def detect(self, text: str) -> float:
        sample = text[:10000].lstrip("\ufeff \t\r\n")
        if re.match(r"TY {1,2}- ?\S", sample):
            return 0.95
        if re.search(r"^TY {1,2}- ?\S", sample, re.M) and re.search(r"^ER {1,2}-", text, re.M):
            return 0.8
        return 0.0

    def read(self, text: str) -> Items:
        if not text.strip():
            return Items()
        records, problems = split_records(text)
        if not records:
            raise InputError(
                "not readable as RIS: no record starting with 'TY  - ' was found",
                hint="check the file is RIS, or name the format with --from",
            )
        items = Items(problems=problems)
        taken: set[str] = set()
        pending: list[dict[str, Any]] = []
        for position, (line, record) in enumerate(records):
            try:
                item, notes = record_to_item(_tags(record), position)
            except Exception as exc:  # one bad record must not stop the rest
                items.problems.append(
                    _problem(
                        "unreadable-record",
                        "error",
                        position,
                        line,
                        f"cannot be read ({type(exc).__name__}: {exc}); skipped",
                        "check its tags",
                    )
                )
                continue
            for note in notes:
                items.problems.append(
                    Problem(
                        "ris-record",
                        "warning",
                        item.get("id") or None,
                        None,
                        f"record {position + 1} (line {line}): {note}",
                        None,
                        position=position,
                    )
                )
            if item["id"]:
                if item["id"] in taken:
                    items.problems.append(
                        Problem(
                            "duplicate-id",
                            "warning",
                            item["id"],
                            "id",
                            f"record {position + 1} (line {line}) repeats the ID {item['id']!r}; renamed",
                            "give each record its own ID",
                            position=position,
                        )
                    )
                    item["id"] = suggest_id(item, taken, position)
                taken.add(str(item["id"]))
            pending.append(item)
        for position, item in enumerate(pending):
            if not item["id"]:
                item["id"] = suggest_id(item, taken, position)
                taken.add(item["id"])
            items.append(item)
        return items


READER = RisReader()
