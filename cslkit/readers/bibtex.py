"""BibTeX and biblatex reader (bibtexparser v2 splits the file; we resolve and map).

What it does beyond splitting: ``@string`` macros, month macros and ``#``
concatenation are resolved; LaTeX is decoded to Unicode (``{\\"u}`` -> ``ü``, protective
braces dropped, UTF-8 Cyrillic passes through); names are split into family, given,
particle and suffix (``{World Health Organization}`` -> a literal, ``and others`` ->
``custom["et-al"]``); entry types and fields map to CSL types and variables. Fields CSL
has no variable for are kept, as LaTeX, in ``custom["bibtex-fields"]`` so the writer can
put them back. A broken entry becomes a Problem (key, line) and the others are read.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from cslkit.errors import InputError
from cslkit.latex import strip_url, to_unicode
from cslkit.model import Items, Problem
from cslkit.readers import _bibtex_map as bm

# bibtexparser logs every failed block; we report them as Problems instead, so keep
# its records from reaching Python's last-resort stderr handler.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]", re.M)
_KEY_IN_RAW = re.compile(r"@\s*\w+\s*[{(]\s*([^,\s{}()]+)")
_AND = re.compile(r"\s+and\s+")
_SPACES = re.compile(r"[ \t\r\n]+")
_YEAR_RANGE = re.compile(r"^(\d{3,4})\s*(?:-{1,3}|–|—|/)\s*(\d{2,4})$")
_ISO_DATE = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T[\d:]+Z?)?$")
_CSL_TEXT_BY_LOWER = {variable.lower(): variable for variable in bm.CSL_TEXT_VARIABLES}
_BOOK_LIKE = frozenset(
    {"book", "chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary"}
)


def clean_text(latex: str) -> str:
    """LaTeX field value -> one line of plain Unicode text."""
    return _SPACES.sub(" ", to_unicode(latex)).strip()


# ---------------------------------------------------------------- values and macros


_ESCAPED = re.compile(r"\\[{}\"#\\]")


def _masked(text: str) -> str:
    """``text`` with escaped braces, quotes and hashes blanked (same length), for counting."""
    return _ESCAPED.sub("  ", text)


def _split_concatenation(raw: str) -> list[str]:
    """Split ``a # "b" # {c}`` on the ``#`` outside braces and quotes."""
    if "#" not in raw:
        return [raw.strip()]
    pieces: list[str] = []
    depth, in_quotes, start = 0, False, 0
    for index, char in enumerate(_masked(raw)):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            in_quotes = not in_quotes
        elif char == "#" and depth == 0 and not in_quotes:
            pieces.append(raw[start:index])
            start = index + 1
    pieces.append(raw[start:])
    return [piece.strip() for piece in pieces]


def expand_value(raw: Any, macros: dict[str, str], unknown: list[str]) -> str:
    """A raw field value (still enclosed) with macros resolved, as LaTeX text."""
    if not isinstance(raw, str):
        return str(raw)
    parts: list[str] = []
    for piece in _split_concatenation(raw.strip()):
        if (
            len(piece) >= 2
            and piece[0] == "{"
            and piece[-1] == "}"
            or len(piece) >= 2
            and piece[0] == '"'
            and piece[-1] == '"'
        ):
            parts.append(piece[1:-1])
        elif piece.isdigit() or not piece:
            parts.append(piece)
        elif piece.lower() in macros:
            parts.append(macros[piece.lower()])
        elif piece.lower() in bm.MONTH_MACROS:
            parts.append(bm.MONTH_NAMES[bm.MONTH_MACROS.index(piece.lower())])
        else:
            unknown.append(piece)
            parts.append(piece)
    return "".join(parts)


def _enclosed_end(text: str) -> int | None:
    """Index just past the braced or quoted group ``text`` starts with."""
    text = _masked(text)
    if text.startswith("{"):
        depth = 0
        for index, char in enumerate(text):
            depth += char == "{"
            depth -= char == "}"
            if depth == 0:
                return index + 1
    elif text.startswith('"'):
        depth = 0
        for index, char in enumerate(text[1:], 1):
            depth += char == "{"
            depth -= char == "}"
            if char == '"' and depth == 0:
                return index + 1
    return None


_NEXT_FIELD = re.compile(r"\s*([A-Za-z][\w:.+-]*)\s*=\s*")


def _recover_missing_commas(key: str, raw: Any) -> list[tuple[str, Any]]:
    """``title = "X" year = 2014`` (a comma forgotten) -> two fields, not one mangled value."""
    if not isinstance(raw, str) or "=" not in raw:
        return [(key, raw)]
    pieces: list[tuple[str, Any]] = []
    while isinstance(raw, str):
        text = raw.strip()
        end = _enclosed_end(text)
        match = _NEXT_FIELD.match(text, end) if end is not None and end < len(text) else None
        if match is None:
            break
        pieces.append((key, text[:end]))
        key, raw = match.group(1).lower(), text[match.end() :]
    pieces.append((key, raw))
    return pieces


# ---------------------------------------------------------------- names


def _is_one_group(latex: str) -> bool:
    """True when the whole name is wrapped in one pair of braces: ``{World Health Organization}``."""
    text = latex.strip()
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for index, char in enumerate(_masked(text)):
        depth += char == "{"
        depth -= char == "}"
        if depth == 0 and index < len(text) - 1:
            return False
    return True


def split_name_list(latex: str) -> list[str]:
    """Split on `` and `` outside braces (bibtexparser's splitter eats ``\\m`` of ``\\mbox``)."""
    names: list[str] = []
    depth, start, index = 0, 0, 0
    lower = _masked(latex).lower()
    while index < len(latex):
        char = lower[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and char.isspace():
            match = _AND.match(lower, index)
            if match:
                names.append(latex[start:index])
                start = index = match.end()
                continue
        index += 1
    names.append(latex[start:])
    return [name.strip() for name in names if name.strip()]


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "junior", "senior"})
_BARE_INITIALS = re.compile(r"^[A-ZА-ЯЁЄІЇҐ]{1,3}$")
_DOTTED_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁЄІЇҐ]\.[ ]?){1,3}$")


def _top_level_commas(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(_masked(text)):
        depth += char == "{"
        depth -= char == "}"
        if char == "," and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return parts


def _comma_separated_names(raw_name: str) -> list[str] | None:
    """Names joined by commas instead of `` and `` (a common slip), else None.

    ``Doe, J., Roe, R.`` -> ``Doe, J.`` + ``Roe, R.``; ``Doe JA, Roe R`` (Medline style)
    -> ``Doe, JA`` + ``Roe, R``; ``J. Doe, R. Roe`` -> ``J. Doe`` + ``R. Roe``. A real
    ``von Last, Jr, First`` or ``Last, First`` is left alone.
    """
    parts = _top_level_commas(raw_name)
    if len(parts) < 2 or not all(parts):
        return None
    if len(parts) == 3 and parts[1].lower() in _SUFFIXES:
        return None
    if (
        len(parts) >= 4
        and len(parts) % 2 == 0
        and all(
            _DOTTED_INITIALS.match(given) or _BARE_INITIALS.match(given) for given in parts[1::2]
        )
    ):
        return [f"{family}, {given}" for family, given in zip(parts[::2], parts[1::2], strict=True)]
    words = [part.split() for part in parts]
    if all(len(w) >= 2 for w in words):
        if all(_BARE_INITIALS.match(w[-1]) or _DOTTED_INITIALS.match(w[-1]) for w in words):
            return [f"{' '.join(w[:-1])}, {w[-1]}" for w in words]
        if all(_DOTTED_INITIALS.match(w[0]) for w in words):
            return parts
    return None


def parse_names(latex: str, notes: list[str] | None = None) -> tuple[list[dict[str, str]], bool]:
    """A BibTeX name list -> CSL names, and whether it ended with ``and others``.

    ``notes`` (when given) collects what was repaired, such as names joined by commas.
    """
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    names: list[dict[str, str]] = []
    raw_names = split_name_list(latex)
    et_al = bool(raw_names) and raw_names[-1].strip(" {}").lower() in bm.ET_AL_MARKERS
    if et_al:
        raw_names = raw_names[:-1]
    repaired: list[str] = []
    for raw_name in raw_names:
        split = _comma_separated_names(raw_name)
        if split and notes is not None:
            notes.append(f"names joined by commas ({raw_name!r}) were read as {len(split)} names")
        repaired.extend(split or [raw_name])
    for raw_name in repaired:
        if _is_one_group(raw_name):
            names.append({"literal": clean_text(raw_name)})
            continue
        try:
            parts = parse_single_name_into_parts(raw_name, strict=False)
        except Exception:  # bibtexparser raises assorted errors on odd names; keep the text
            names.append({"literal": clean_text(raw_name)})
            continue
        family = clean_text(" ".join(parts.last))
        given = clean_text(" ".join(parts.first))
        particle = clean_text(" ".join(parts.von))
        suffix = clean_text(" ".join(parts.jr))
        if not (given or particle or suffix) and " " in family:
            names.append({"literal": family})  # \mbox{Stanford University} and the like
            continue
        name: dict[str, str] = {}
        if family:
            name["family"] = family
        if given:
            name["given"] = given
        if particle:
            name["non-dropping-particle"] = particle
        if suffix:
            name["suffix"] = suffix
        if name:
            names.append(name)
    return names, et_al


# ---------------------------------------------------------------- dates


def date_text(latex: str) -> str:
    """A date field's text: braces dropped, but ``~`` kept (EDTF's "circa")."""
    text = latex.replace("{", "").replace("}", "")
    return (
        clean_text(text.replace("~", "\\textasciitilde{}"))
        if "\\" in text
        else _SPACES.sub(" ", text).strip()
    )


def _iso_parts(text: str) -> list[int] | None:
    match = _ISO_DATE.match(text.strip())
    if not match:
        return None
    return [int(g) for g in match.groups() if g is not None]


def parse_date(value: str) -> dict[str, Any]:
    """A biblatex ``date`` (ISO 8601 / EDTF, ranges with ``/``) -> a CSL date."""
    text = value.strip()
    circa = text.endswith(("~", "?", "%"))
    if circa:
        text = text.rstrip("~?%")
    date: dict[str, Any] | None = None
    if "/" in text:
        start, _, end = text.partition("/")
        start_parts, end_parts = _iso_parts(start), _iso_parts(end) if end.strip() else None
        if start_parts and (end_parts or not end.strip()):
            date = {"date-parts": [start_parts] + ([end_parts] if end_parts else [])}
    else:
        parts = _iso_parts(text)
        if parts:
            date = {"date-parts": [parts]}
    if date is None:
        return {"literal": value.strip()}
    if circa:
        date["circa"] = True
    return date


def _month_number(text: str) -> int | None:
    key = text.strip().strip(".").lower()
    if key.isdigit():
        number = int(key)
        return number if 1 <= number <= 12 else None
    return bm.MONTHS.get(key) or bm.MONTHS.get(key[:3])


def parse_year_month(year: str, month: str | None, day: str | None) -> dict[str, Any]:
    """Classic ``year``/``month``/``day`` fields -> a CSL date (literal when not numeric)."""
    text = year.strip()
    range_match = _YEAR_RANGE.match(text)
    if range_match:
        first, second = range_match.groups()
        if len(second) < len(first):  # 1995-96
            second = first[: len(first) - len(second)] + second
        return {"date-parts": [[int(first)], [int(second)]]}
    if not re.fullmatch(r"-?\d{1,4}", text):
        return {"literal": text}
    parts = [int(text)]
    number = _month_number(month) if month else None
    if number:
        parts.append(number)
        if day and day.strip().isdigit() and 1 <= int(day) <= 31:
            parts.append(int(day))
    return {"date-parts": [parts]}


# ---------------------------------------------------------------- entries


def csl_type_of(entry_type: str, fields: dict[str, str]) -> str:
    """The CSL type of an entry type (given its fields: misc with a URL is a webpage)."""
    subtype = fields.get("entrysubtype", "").strip()
    if subtype in bm.CSL_TYPES and subtype not in bm.ARTICLE_SUBTYPES:
        return subtype  # written by cslkit for a CSL type no entry type says
    if entry_type == "misc":
        howpublished = fields.get("howpublished", "")
        return "webpage" if fields.get("url") or "\\url" in howpublished else "document"
    if entry_type == "article":
        subtype = fields.get("entrysubtype", "").strip().lower()
        return bm.ARTICLE_SUBTYPES.get(subtype, "article-journal")
    return bm.ENTRY_TYPE_TO_CSL.get(entry_type, "document")


def _default_entry_type(csl_type: str, item: dict[str, Any]) -> str:
    """The entry type the writer would choose, to know when the original must be kept."""
    from cslkit.writers.bibtex import entry_type_for

    return entry_type_for(item, csl_type)


def entry_to_item(
    key: str, entry_type: str, fields: dict[str, str], notes: list[str] | None = None
) -> dict[str, Any]:
    """One entry (fields already macro-resolved LaTeX, lower-case names) -> a CSL item.

    ``notes`` (when given) collects repairs worth a warning, as "field: what".
    """
    entry_type = entry_type.strip().lower()
    rest = dict(fields)
    csl_type = csl_type_of(entry_type, rest)
    item: dict[str, Any] = {"id": key, "type": csl_type}
    custom: dict[str, Any] = {}

    def take(*names: str) -> str | None:
        """The first non-empty field among ``names``; the others (say, both ``address`` and
        ``location``) stay in ``rest`` and so are kept, not dropped."""
        for name in names:
            value = rest.get(name)
            if value is None:
                continue
            del rest[name]
            if value.strip():
                return value
        return None

    # Names.
    for field in [*bm.NAME_FIELDS, *sorted(bm.CSL_NAME_VARIABLES - set(bm.NAME_FIELDS))]:
        if field not in rest:
            continue
        variable = bm.NAME_FIELDS.get(field, field)
        name_notes: list[str] = []
        names, et_al = parse_names(rest.pop(field), name_notes)
        if notes is not None:
            notes.extend(f"{field}: {note}" for note in name_notes)
        if names:
            item[variable] = names
        if et_al:
            custom["et-al" if variable == "author" else f"et-al-{variable}"] = True

    # Titles.
    title = take("title")
    subtitle = take("subtitle")
    if title is not None:
        item["title"] = clean_text(title) + (f": {clean_text(subtitle)}" if subtitle else "")
    elif subtitle:
        item["title"] = clean_text(subtitle)
    # When a file has two fields for one variable, take the one the writer writes, so
    # the other, kept in custom, is written back beside it rather than over it.
    if csl_type.startswith("article") or entry_type == "article":
        container = take("journal", "journaltitle", "booktitle")
    else:
        container = take("booktitle", "journaltitle", "journal")
    if container is not None:
        container_text = clean_text(container)
        booksubtitle = rest.pop("booksubtitle", None)
        if booksubtitle:
            container_text += f": {clean_text(booksubtitle)}"
        item["container-title"] = container_text
    if entry_type == "inbook" and "container-title" not in item and "chapter" in rest:
        # classic BibTeX @inbook: title is the book, chapter names the part
        item["container-title"] = item.pop("title", "")
        item["title"] = clean_text(rest.pop("chapter"))

    # Dates.
    date = take("date")
    year = take("year")
    if date is not None:
        item["issued"] = parse_date(date_text(date))
        rest.pop("month", None)
        rest.pop("day", None)
    elif year is not None:
        month, day = take("month"), take("day")
        item["issued"] = parse_year_month(
            clean_text(year), clean_text(month) if month else None, day
        )
        if month and len(item["issued"].get("date-parts", [[]])[0]) < 2:
            custom.setdefault("bibtex-fields", {})["month"] = month  # a season, a range: keep it
    for field, variable in (
        ("urldate", "accessed"),
        ("origdate", "original-date"),
        ("eventdate", "event-date"),
    ):
        value = take(field)
        if value is not None:
            item[variable] = parse_date(date_text(value))

    # Pages, numbers.
    pages = take("pages")
    if pages is not None:
        item["page"] = re.sub(r"\s*(?:-{1,3}|–|—)\s*", "-", clean_text(pages.replace("--", "-")))
    number = take("number")
    issue = take("issue")
    if csl_type.startswith("article"):
        if number is not None:
            item["issue"] = clean_text(number)
            if issue is not None:
                custom.setdefault("bibtex-fields", {})["issue"] = issue
        elif issue is not None:
            item["issue"] = clean_text(issue)
    else:
        if issue is not None:
            item["issue"] = clean_text(issue)
        if number is not None:
            series_number = (
                csl_type in _BOOK_LIKE and "series" in rest and "collection-number" not in rest
            )
            item["collection-number" if series_number else "number"] = clean_text(number)

    # Publisher and place: the thesis school, the report institution are its publisher.
    publisher_fields = {"thesis": "school", "report": "institution"}.get(csl_type, "publisher")
    if entry_type in ("phdthesis", "mastersthesis", "thesis"):
        publisher_fields = "school"
    first_choice = take(publisher_fields)
    publisher = first_choice if publisher_fields == "publisher" else take("publisher")
    school = first_choice if publisher_fields == "school" else take("school")
    institution = first_choice if publisher_fields == "institution" else take("institution")
    organization = take("organization")
    # An organization (a conference's sponsor, a manual's author body) stands in for a
    # missing publisher, as reference managers read it.
    candidates = [first_choice, publisher, school, institution, organization]
    chosen = next((c for c in candidates if c is not None), None)
    if chosen is not None:
        item["publisher"] = clean_text(chosen)
    leftovers = {
        "publisher": publisher,
        "school": school,
        "institution": institution,
        "organization": organization,
    }
    for field, value in leftovers.items():
        if value is not None and value is not chosen:
            custom.setdefault("bibtex-fields", {})[field] = value
    place = take("address", "location")
    if place is not None:
        item["publisher-place"] = clean_text(place)

    # Identifiers and links.
    doi = take("doi")
    if doi is not None:
        item["DOI"] = re.sub(
            r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", strip_url(doi), flags=re.I
        )
    url = take("url")
    if url is not None:
        item["URL"] = strip_url(url)
    eprint = rest.get("eprint")
    eprint_type = (rest.get("eprinttype") or rest.get("archiveprefix") or "").strip().lower()
    if eprint is not None and eprint_type in bm.EPRINT_TYPES:
        variable = bm.EPRINT_TYPES[eprint_type]
        if variable not in item:
            item[variable] = strip_url(eprint)
            rest.pop("eprint")
            rest.pop("eprinttype", None)
    howpublished = rest.get("howpublished")
    if howpublished is not None and re.match(r"\s*\\url", howpublished):
        rest.pop("howpublished")
        item.setdefault("URL", strip_url(howpublished))

    # Language and keywords.
    language = take("langid", "language")
    if language is not None:
        text = clean_text(language)
        item["language"] = bm.LANGUAGE_CODES.get(text.lower(), text)
    keywords = take("keywords")
    if keywords is not None:
        item["keyword"] = clean_text(keywords)

    # Genre of theses: the entry type says PhD or Master's when no type field does.
    if csl_type == "thesis" and "type" not in rest and entry_type in bm.THESIS_GENRES:
        item["genre"] = bm.THESIS_GENRES[entry_type]

    # Plain text fields, then fields named after a CSL variable.
    for field in list(rest):
        if field in bm.CSL_DATE_VARIABLES and field not in item:
            item[field] = parse_date(date_text(rest.pop(field)))
            continue
        variable = bm.TEXT_FIELDS.get(field) or _CSL_TEXT_BY_LOWER.get(field)
        if variable is None or variable in item:
            continue
        value = clean_text(rest.pop(field))
        if value:
            item[variable] = value
    if csl_type in bm.ARTICLE_SUBTYPES.values() or rest.get("entrysubtype") == csl_type:
        rest.pop("entrysubtype", None)

    if rest:
        custom.setdefault("bibtex-fields", {}).update(rest)
    if _default_entry_type(csl_type, item) != entry_type:
        custom["bibtex-type"] = entry_type
    if custom:
        item["custom"] = custom
    return item


class BibtexReader:
    name = "bibtex"
    extensions = (".bib", ".bibtex", ".biblatex")

    def detect(self, text: str) -> float:
        sample = text[:20000]
        match = _ENTRY_START.search(sample)
        if match is None:
            return 0.0
        if (
            match.group(1).lower() in ("string", "preamble", "comment")
            or match.group(1).lower() in bm.ENTRY_TYPE_TO_CSL
            or match.group(1).lower() == "misc"
        ):
            return 0.95
        return 0.7

    def read(self, text: str) -> Items:
        if not text.strip():
            return Items()
        entries, problems, has_strings = _split_entries(text)
        items = Items(problems=problems)
        _resolve_xdata_and_crossrefs(entries, items.problems)
        seen_ids: set[str] = set()
        for position, raw in enumerate(entries):
            if raw.entry_type in ("xdata", "@failed"):
                continue  # xdata holds fields for other entries; a failed entry holds its place
            notes: list[str] = []
            try:
                item = entry_to_item(raw.key, raw.entry_type, raw.fields, notes)
            except Exception as exc:  # a bug or an odd value must cost one entry, not the file
                items.problems.append(
                    Problem(
                        "unreadable-entry",
                        "error",
                        raw.key,
                        None,
                        f"entry {raw.key!r} at line {raw.line} cannot be mapped to CSL "
                        f"({type(exc).__name__}: {exc}); skipped",
                        "please report it with the entry",
                        position=position,
                    )
                )
                continue
            for note in notes:
                field, _, what = note.partition(": ")
                items.problems.append(
                    Problem(
                        "repaired-names",
                        "warning",
                        raw.key,
                        field,
                        f"entry {raw.key!r} at line {raw.line}, {field}: {what}",
                        "separate names with ' and '",
                        position=position,
                    )
                )
            item_key = str(item["id"])
            if item_key in seen_ids:
                new_id = _unique(item_key, seen_ids)
                items.problems.append(
                    Problem(
                        "duplicate-key",
                        "warning",
                        item_key,
                        "id",
                        f"entry key {item_key!r} at line {raw.line} is used twice; "
                        f"this one was renamed {new_id!r}",
                        "give each entry its own key",
                        position=position,
                    )
                )
                item["id"] = item_key = new_id
            seen_ids.add(item_key)
            items.append(item)
        if not items and (items.problems or not has_strings):
            first = items.problems[0].message if items.problems else "no @entry found"
            raise InputError(
                f"not readable as BibTeX: {first}",
                hint="check the file is BibTeX/biblatex, or name the format with --from",
            )
        items.problems.sort(key=lambda p: -1 if p.position is None else p.position)
        return items


@dataclass
class _RawEntry:
    key: str
    entry_type: str
    fields: dict[str, str]
    line: int


def _split_entries(text: str) -> tuple[list[_RawEntry], list[Problem], bool]:
    """bibtexparser's blocks -> entries with macro-resolved LaTeX fields, and the problems."""
    import bibtexparser
    from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry, String

    library = bibtexparser.parse_string(text, parse_stack=[])
    entries: list[_RawEntry] = []
    problems: list[Problem] = []
    macros: dict[str, str] = {}
    has_strings = False
    for block in library.blocks:
        if isinstance(block, String):
            has_strings = True
            macros[block.key.lower()] = expand_value(block.value, macros, [])
            continue
        position = len(entries)
        line = (block.start_line or 0) + 1
        entry = None
        if isinstance(block, Entry):
            entry = block
        elif isinstance(block, DuplicateFieldKeyBlock):
            entry = block.ignore_error_block
            repeated = ", ".join(sorted(block.duplicate_keys))
            problems.append(
                Problem(
                    "duplicate-field",
                    "warning",
                    entry.key,
                    repeated,
                    f"entry {entry.key!r} at line {line} repeats the field(s) {repeated}; "
                    "the first value was kept",
                    "remove the repeated field",
                    position=position,
                )
            )
        elif isinstance(block, DuplicateBlockKeyBlock) and isinstance(
            block.ignore_error_block, Entry
        ):
            entry = block.ignore_error_block
        elif hasattr(block, "error"):
            key_match = _KEY_IN_RAW.search(block.raw or "")
            key = key_match.group(1) if key_match else None
            problems.append(
                Problem(
                    "unreadable-entry",
                    "error",
                    key,
                    None,
                    f"entry {key or '(no key)'} at line {line} cannot be read "
                    f"({_failure_reason(block.error)}); skipped",
                    "check its braces, quotes and commas",
                    position=position,
                )
            )
            entries.append(_RawEntry(key or "", "@failed", {}, line))  # keeps positions true
            continue
        if entry is None:
            continue
        unknown: list[str] = []
        fields: dict[str, str] = {}
        for field in entry.fields:
            pieces = _recover_missing_commas(field.key.strip().lower(), field.value)
            if len(pieces) > 1:
                problems.append(
                    Problem(
                        "missing-comma",
                        "warning",
                        entry.key,
                        pieces[1][0],
                        f"entry {entry.key!r} at line {line}: no comma before the field "
                        f"{pieces[1][0]!r}; read it as a separate field",
                        "add the comma",
                        position=position,
                    )
                )
            for key_name, raw_value in pieces:
                if key_name not in fields:
                    fields[key_name] = expand_value(raw_value, macros, unknown)
        for macro in unknown:
            problems.append(
                Problem(
                    "undefined-macro",
                    "warning",
                    entry.key,
                    None,
                    f"entry {entry.key!r} at line {line} uses the undefined @string macro "
                    f"{macro!r}; its name was kept as text",
                    "define it with @string or brace the value",
                    position=position,
                )
            )
        entries.append(_RawEntry(entry.key, entry.entry_type.strip().lower(), fields, line))
    return entries, problems, has_strings


# biblatex's default data inheritance (crossref/xdata): fields never inherited, and the
# fields renamed on the way from a parent type to a child type.
_NOT_INHERITED = frozenset(
    {
        "ids",
        "crossref",
        "xref",
        "entryset",
        "entrysubtype",
        "execute",
        "label",
        "options",
        "presort",
        "related",
        "relatedoptions",
        "relatedstring",
        "relatedtype",
        "shorthand",
        "shorthandintro",
        "sortkey",
        "xdata",
    }
)
_MULTIVOLUME = frozenset({"mvbook", "mvcollection", "mvproceedings", "mvreference"})
_WHOLE_WORKS = frozenset({"book", "collection", "proceedings", "reference"})
_PARTS = frozenset(
    {
        "inbook",
        "bookinbook",
        "suppbook",
        "incollection",
        "suppcollection",
        "inproceedings",
        "inreference",
    }
)
_TITLE_FIELDS = ("title", "subtitle", "titleaddon")
_SHORT_TITLES = frozenset({"shorttitle", "sorttitle", "indextitle", "indexsorttitle"})


# A date is one unit: a child with its own year does not take its parent's date or month.
_DATE_GROUPS = (
    frozenset({"date", "year", "month", "day"}),
    frozenset({"origdate", "origyear"}),
    frozenset({"eventdate", "eventyear"}),
)


# biblatex field aliases: a child with one of them has the other.
_ALIAS_GROUPS = (
    frozenset({"journal", "journaltitle"}),
    frozenset({"address", "location"}),
    frozenset({"school", "institution"}),
    frozenset({"annote", "annotation"}),
    frozenset({"archiveprefix", "eprinttype"}),
    frozenset({"primaryclass", "eprintclass"}),
)


def _already_given(fields: dict[str, str], field: str) -> bool:
    """True when ``fields`` already say what ``field`` would (a date part, an alias)."""
    return any(
        field in group and not group.isdisjoint(fields) for group in _DATE_GROUPS + _ALIAS_GROUPS
    )


def _inherited_name(parent_type: str, child_type: str, field: str) -> str | None:
    """The child field a parent's field fills (None: not inherited)."""
    if field in _NOT_INHERITED:
        return None
    if parent_type in _MULTIVOLUME and (child_type in _WHOLE_WORKS or child_type in _PARTS):
        prefix = "main"
    elif parent_type in _WHOLE_WORKS and child_type in _PARTS:
        prefix = "book"
    elif parent_type == "periodical" and child_type in ("article", "suppperiodical"):
        prefix = "journal"
    else:
        return field
    if field in _SHORT_TITLES:
        return None
    if field in _TITLE_FIELDS:
        return "journaltitle" if prefix == "journal" and field == "title" else prefix + field
    return field


def _resolve_xdata_and_crossrefs(entries: list[_RawEntry], problems: list[Problem]) -> None:
    """Fill fields from ``xdata`` and ``crossref`` parents, as biblatex does (child wins)."""
    by_key = {raw.key.lower(): raw for raw in entries if raw.entry_type != "@failed"}
    resolved: set[str] = set()

    def resolve(raw: _RawEntry, chain: tuple[str, ...]) -> None:
        key = raw.key.lower()
        if key in resolved or key in chain:
            return
        for name in [n.strip() for n in raw.fields.get("xdata", "").split(",") if n.strip()]:
            source = by_key.get(name.lower())
            if source is None:
                _missing_parent(raw, "xdata", name)
                continue
            resolve(source, (*chain, key))
            for field, value in source.fields.items():
                if field not in _NOT_INHERITED and not _already_given(raw.fields, field):
                    raw.fields.setdefault(field, value)
        parent_key = raw.fields.get("crossref", "").strip()
        if parent_key:
            parent = by_key.get(parent_key.lower())
            if parent is None:
                _missing_parent(raw, "crossref", parent_key)
            else:
                resolve(parent, (*chain, key))
                for field, value in parent.fields.items():
                    target = _inherited_name(parent.entry_type, raw.entry_type, field)
                    if target and not _already_given(raw.fields, target):
                        raw.fields.setdefault(target, value)
                    if (
                        field == "author"
                        and parent.entry_type in ("book", "mvbook")
                        and (raw.entry_type in ("inbook", "bookinbook", "suppbook"))
                    ):
                        raw.fields.setdefault("bookauthor", value)
        raw.fields.pop("xdata", None)  # merged in; the xdata entries are not references
        resolved.add(key)

    def _missing_parent(raw: _RawEntry, field: str, name: str) -> None:
        problems.append(
            Problem(
                "missing-crossref",
                "warning",
                raw.key,
                field,
                f"entry {raw.key!r} at line {raw.line} refers to {name!r} ({field}), "
                "which is not in the file; its fields were not inherited",
                "add the parent entry to the file",
                position=entries.index(raw),
            )
        )

    for raw in entries:
        if raw.entry_type != "@failed":
            resolve(raw, ())


def _failure_reason(error: Exception) -> str:
    text = getattr(error, "abort_reason", None) or getattr(error, "message", None) or str(error)
    text = " ".join(str(text).split())
    return text.rstrip(".") or type(error).__name__


def _unique(key: str, taken: set[str]) -> str:
    counter = 2
    while f"{key}-{counter}" in taken:
        counter += 1
    return f"{key}-{counter}"


READER = BibtexReader()
