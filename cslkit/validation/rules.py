"""The validation rules: small functions, each checking one aspect of an item or a list.

An item rule is ``rule(item, ctx) -> Iterable[Problem]``; a list rule is
``rule(items, context_for_position) -> Iterable[Problem]``. Every rule copes with any JSON value in any
field (it reports, never raises), because input comes from users and other tools.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from cslkit.model import Problem
from cslkit.validation import identifiers as ids
from cslkit.validation import pageranges as page_tools
from cslkit.validation.codes import problem
from cslkit.validation.identifiers import has_id_label
from cslkit.validation.places import PLACE_FIELDS, spelled_out_place
from cslkit.validation.spellings import SPELLING_FIELDS, rarer_spellings
from cslkit.validation.values import is_et_al, is_number, json_type, show
from cslkit.variables import (
    ALL_KEYS,
    DATE_KEYS,
    DATE_VARIABLES,
    ITEM_TYPES,
    NAME_FLAG_KEYS,
    NAME_KEYS,
    NAME_STRING_KEYS,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    STRING_VARIABLES,
    TYPE_ALIASES,
)


@dataclass(frozen=True, slots=True)
class Context:
    """What rules need besides the item: where it is, the style aimed at, today's year."""

    item_id: str | None
    position: int | None
    style: str  # "vancouver" or "dstu"
    current_year: int

    def where(self, field: str | None = None) -> str:
        """The start of a message: which item (by id and number) and which field."""
        name = f'"{self.item_id}"' if self.item_id is not None else "without id"
        place = f"item {name}" + (
            f" (no. {self.position + 1})" if self.position is not None else ""
        )
        return f"{place}, field {field}" if field else place

    def problem(
        self, code: str, field: str | None, message: str, hint: str | None = None
    ) -> Problem:
        return problem(
            code, self.item_id, field, f"{self.where(field)}: {message}", hint, self.position
        )


class Rule(NamedTuple):
    name: str
    kind: str  # "item" or "list"
    check: Callable[..., Iterable[Problem]]
    description: str


# -- structure ---------------------------------------------------------------------

# Keys people write for CSL variables, with the variable they mean.
_KEY_ALIASES = {
    "journal": "container-title",
    "journaltitle": "container-title",
    "booktitle": "container-title",
    "journal-title": "container-title",
    "pages": "page",
    "year": "issued",
    "date": "issued",
    "authors": "author",
    "editors": "editor",
    "address": "publisher-place",
    "place": "publisher-place",
    "location": "publisher-place",
    "abstractnote": "abstract",
    "url": "URL",
    "doi": "DOI",
    "isbn": "ISBN",
    "issn": "ISSN",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "lang": "language",
    "series": "collection-title",
    "school": "publisher",
    "institution": "publisher",
    "shorttitle": "title-short",
    "edition-number": "edition",
}


def _suggest_key(key: str) -> str:
    alias = _KEY_ALIASES.get(key.lower().replace("_", "-")) or _KEY_ALIASES.get(key.lower())
    if alias is None:
        close = difflib.get_close_matches(key, ALL_KEYS, n=1, cutoff=0.75)
        alias = close[0] if close else None
    if alias:
        return f'rename it to "{alias}"'
    return 'move it under "custom" (CSL keeps non-standard data there) or remove it'


def check_structure(item: Any, ctx: Context) -> Iterator[Problem]:
    """id and type present and valid; every key a CSL variable."""
    if "id" not in item:
        yield ctx.problem("missing-id", "id", "the item has no id", "give every item a unique id")
    elif not (isinstance(item["id"], str) or is_number(item["id"])):
        yield ctx.problem(
            "invalid-id",
            "id",
            f"the id is {json_type(item['id'])} ({show(item['id'])}), not a string or number",
            "use a short string such as smith2010",
        )
    kind = item.get("type")
    if "type" not in item:
        yield ctx.problem(
            "missing-type", "type", "the item has no type", 'add one, e.g. "article-journal"'
        )
    elif not isinstance(kind, str) or kind not in ITEM_TYPES:
        alias = TYPE_ALIASES.get(kind.lower()) if isinstance(kind, str) else None
        if alias is None and isinstance(kind, str):
            close = difflib.get_close_matches(kind, ITEM_TYPES, n=1, cutoff=0.7)
            alias = close[0] if close else None
        hint = (
            f'use "{alias}"'
            if alias
            else "use one of the CSL types, e.g. article-journal, book, chapter, webpage"
        )
        yield ctx.problem("unknown-type", "type", f"{show(kind)} is not a CSL item type", hint)
    for key in item:
        if key not in ALL_KEYS:
            yield ctx.problem(
                "unknown-variable",
                str(key),
                f"{show(key)} is not a CSL-JSON variable",
                _suggest_key(str(key)),
            )
    if "custom" in item and not isinstance(item["custom"], dict):
        yield ctx.problem(
            "invalid-custom",
            "custom",
            f"custom is {json_type(item['custom'])}, not an object",
            'make it an object, e.g. {"note": "..."}',
        )
    if "categories" in item:
        categories = item["categories"]
        if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
            yield ctx.problem(
                "invalid-value-type",
                "categories",
                f"categories must be an array of strings, not {show(categories)}",
                'write e.g. ["cardiology"]',
            )


def check_value_types(item: dict[str, Any], ctx: Context) -> Iterator[Problem]:
    """String variables hold strings; number variables strings or numbers; none is empty."""
    for key, value in item.items():
        if type(value) is str and value and not value[0].isspace():
            continue  # text is right for every string or number variable
        if key in STRING_VARIABLES:
            if not isinstance(value, str):
                yield ctx.problem(
                    "invalid-value-type",
                    key,
                    f"expected a string, found {json_type(value)} ({show(value)})",
                    "write the value as text" if value is not None else "remove the field",
                )
            elif not value.strip():
                yield ctx.problem("empty-field", key, "the field is empty", "fill it or remove it")
        elif key in NUMBER_VARIABLES:
            if not (isinstance(value, str) or is_number(value)):
                yield ctx.problem(
                    "invalid-value-type",
                    key,
                    f"expected a number or a string, found {json_type(value)} ({show(value)})",
                    'write it as a number or text, e.g. "12" or "12-19"',
                )
            elif isinstance(value, str) and not value.strip():
                yield ctx.problem("empty-field", key, "the field is empty", "fill it or remove it")


# -- names ---------------------------------------------------------------------------

_INITIALS_RE = re.compile(r"^(?:[A-ZА-ЯІЇЄҐЁ]\.?\s?){1,3}$")


# Digits, a list ("Smith J, Doe A"), or initials inside ("Reed JL Treatment with").
_SUSPICIOUS_FAMILY_RE = re.compile(r"\d|[,;]\s*\S+\s+\S|\s[A-ZА-ЯІЇЄҐЁ]{1,3}\.?(?:\s|$)")
_ET_AL_HINT_RE = re.compile(r"[.]|\b(?:al|ін|др)\b", re.IGNORECASE)


# Anything in a family name that needs the full check below: suspicious content, initials
# only, or the start of "et al." in one of its languages.
_FAMILY_FLAG_RE = re.compile(
    r"\d|[,;]\s*\S+\s+\S|\s[A-ZА-ЯІЇЄҐЁ]{1,3}\.?(?:\s|$)|^(?:[A-ZА-ЯІЇЄҐЁ]\.?\s?){1,3}$"
    r"|^\s*(?i:et\b|та\s|и\s|і\s|u\.|et\s)"
)
_ET_AL_HINT_RE = re.compile(r"al|ін|др|coll|u\.", re.IGNORECASE)


def _maybe_et_al(text: Any) -> bool:
    # Cheap filter first: "et al." and its translations are short and contain a dot or
    # one of a few words.
    return (
        isinstance(text, str)
        and len(text) < 16
        and bool(_ET_AL_HINT_RE.search(text))
        and is_et_al(text)
    )


def _check_one_name(name: Any, key: str, index: int, ctx: Context) -> list[Problem]:
    if type(name) is dict and name.keys() <= NAME_STRING_KEYS:
        # The common case: known parts only; only their content needs a look.
        family = name.get("family")
        given = name.get("given")
        if (
            type(family) is str
            and family
            and not family.isspace()
            # {"family", "given"} both strings is the commonest shape: no scan of values.
            and (
                (len(name) == 2 and type(given) is str)
                or all(type(v) is str for v in name.values())
            )
            and not _FAMILY_FLAG_RE.search(family)
            and (not given or not _ET_AL_HINT_RE.search(given) or not is_et_al(given))
        ):
            return []
    where = f"{key}[{index}]"
    if not isinstance(name, dict):
        return [
            ctx.problem(
                "invalid-names",
                key,
                f"{where} is {json_type(name)} ({show(name)}), not a name object",
                'write {"family": "Smith", "given": "J."} or {"literal": "WHO"}',
            )
        ]
    problems = []
    for part, value in name.items():
        if type(value) is str and part in NAME_STRING_KEYS:
            continue
        if part in NAME_STRING_KEYS:
            ok = isinstance(value, str)
        elif part in NAME_FLAG_KEYS:
            ok = isinstance(value, str | int | float)  # booleans are ints in Python
        else:
            hint = (
                'use "non-dropping-particle"'
                if part == "particle"
                else f"use only {', '.join(sorted(NAME_KEYS))}"
            )
            problems.append(
                ctx.problem(
                    "invalid-name-part", key, f"{where} has an unknown part {show(part)}", hint
                )
            )
            continue
        if not ok:
            problems.append(
                ctx.problem(
                    "invalid-name-part",
                    key,
                    f"{where}.{part} is {json_type(value)} ({show(value)}), not a string",
                    "write the name part as text",
                )
            )
    family, given, literal = name.get("family"), name.get("given"), name.get("literal")
    if _maybe_et_al(family) or _maybe_et_al(given) or _maybe_et_al(literal):
        problems.append(
            ctx.problem(
                "et-al-in-names",
                key,
                f'{where} is "et al.", not a person',
                "remove it; styles add et al. themselves (normalise does this)",
            )
        )
        return problems
    has_family = isinstance(family, str) and family.strip()
    if not has_family and not (isinstance(literal, str) and literal.strip()):
        problems.append(
            ctx.problem(
                "empty-name",
                key,
                f"{where} has no family name or literal ({show(name)})",
                'add "family", or put an organisation in "literal"',
            )
        )
        return problems
    if not has_family:
        return problems
    if _SUSPICIOUS_FAMILY_RE.search(family):
        problems.append(
            ctx.problem(
                "suspicious-name",
                key,
                f"{where}.family {show(family)} does not look like one family name",
                "split the author list into one name object per person",
            )
        )
    elif (
        len(family) <= 6
        and _INITIALS_RE.match(family.strip())
        and isinstance(given, str)
        and len(given) > 3
        and not _INITIALS_RE.match(given.strip())
    ):
        problems.append(
            ctx.problem(
                "suspicious-name",
                key,
                f"{where} has initials {show(family)} as family name and {show(given)} as given",
                "swap family and given",
            )
        )
    return problems


def check_names(item: dict[str, Any], ctx: Context) -> Iterator[Problem]:
    """Name variables are lists of name objects with known, string-valued parts."""
    for key in NAME_VARIABLES.intersection(item):
        names = item[key]
        if not isinstance(names, list):
            yield ctx.problem(
                "invalid-names",
                key,
                f"expected an array of names, found {json_type(names)} ({show(names)})",
                'write [{"family": "Smith", "given": "J."}]; normalise splits name strings',
            )
            continue
        if not names:
            yield ctx.problem("empty-field", key, "the name list is empty", "remove the field")
        for index, name in enumerate(names):
            found = _check_one_name(name, key, index, ctx)
            if found:
                yield from found


# -- dates ---------------------------------------------------------------------------

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _as_int(value: Any) -> int | None:
    if is_number(value):
        try:
            return int(value) if float(value).is_integer() else None
        except (OverflowError, ValueError):
            return None
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,9}", value.strip()):
        return int(value)
    return None


def _check_date_parts(parts: Any, key: str, ctx: Context) -> Iterator[Problem]:
    shape_ok = (
        isinstance(parts, list)
        and 1 <= len(parts) <= 2
        and all(
            isinstance(p, list)
            and 1 <= len(p) <= 3
            and all(isinstance(x, str) or is_number(x) for x in p)
            for p in parts
        )
    )
    if not shape_ok:
        yield ctx.problem(
            "invalid-date",
            key,
            f"date-parts must be 1–2 arrays of [year, month, day], found {show(parts)}",
            'write {"date-parts": [[2013, 4, 5]]}; normalise parses printed dates',
        )
        return
    for part in parts:
        numbers = [_as_int(x) for x in part]
        if None in numbers:
            yield ctx.problem(
                "non-numeric-date-part",
                key,
                f"{show(part)} has a part that is not a whole number",
                "write months and days as numbers (April = 4)",
            )
            continue
        year, month, day = (numbers + [None, None])[:3]
        assert year is not None
        if year > ctx.current_year:
            yield ctx.problem(
                "future-year",
                key,
                f"the year {year} is in the future (it is {ctx.current_year})",
                "check the year; for an article in press, leave the date out and say so in status",
            )
        elif year < 1500 and not (key == "original-date" and year > 0):
            yield ctx.problem(
                "year-before-1500",
                key,
                f"the year {year} is before 1500",
                "check the year; it may be a page or volume number",
            )
        if month is not None and not (1 <= month <= 12 or 21 <= month <= 24):
            yield ctx.problem(
                "impossible-date", key, f"there is no month {month}", "months run from 1 to 12"
            )
        elif day is not None and month is not None and 1 <= month <= 12:
            limit = _DAYS_IN_MONTH[month - 1]
            if month == 2 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
                limit = 28
            if not 1 <= day <= limit:
                yield ctx.problem(
                    "impossible-date",
                    key,
                    f"there is no day {day} in month {month} of {year}",
                    "check the day",
                )


def _plain_date_ok(date: Any, current_year: int) -> bool:
    """Fast yes for the common {"date-parts": [[y, m, d]]} with plausible numbers."""
    if type(date) is not dict or len(date) != 1:
        return False
    parts = date.get("date-parts")
    if type(parts) is not list or len(parts) != 1 or type(parts[0]) is not list:
        return False
    part = parts[0]
    if not 1 <= len(part) <= 3 or any(type(x) is not int for x in part):
        return False
    if not 1500 <= part[0] <= current_year:
        return False
    if len(part) >= 2 and not 1 <= part[1] <= 12:
        return False
    return len(part) < 3 or 1 <= part[2] <= 28


def _date_object_hint(value: Any) -> str:
    """The date object to write, with the year the value holds when it holds one."""
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", str(value))
    example = f'{{"date-parts": [[{year.group(1)}]]}}' if year else '{"date-parts": [[2013]]}'
    return f"write {example}; normalise converts printed dates"


def check_dates(item: dict[str, Any], ctx: Context) -> Iterator[Problem]:
    """Date variables are CSL date objects with plausible years, months and days."""
    for key in DATE_VARIABLES.intersection(item):
        date = item[key]
        if _plain_date_ok(date, ctx.current_year):
            continue
        if not isinstance(date, dict):
            yield ctx.problem(
                "invalid-date",
                key,
                f"expected a date object, found {json_type(date)} ({show(date)})",
                _date_object_hint(date),
            )
            continue
        unknown = [k for k in date if k not in DATE_KEYS]
        if unknown:
            yield ctx.problem(
                "invalid-date",
                key,
                f"unknown date key(s) {', '.join(show(k) for k in unknown)}",
                f"use only {', '.join(sorted(DATE_KEYS))}",
            )
        for text_key in ("literal", "raw"):
            if text_key in date and not isinstance(date[text_key], str):
                yield ctx.problem(
                    "invalid-date",
                    key,
                    f"{text_key} must be a string, found {show(date[text_key])}",
                    "write it as text",
                )
        if "season" in date and not (isinstance(date["season"], str) or is_number(date["season"])):
            yield ctx.problem(
                "invalid-date",
                key,
                f"season must be a number or string, found {show(date['season'])}",
                "use 1–4",
            )
        if "circa" in date and not isinstance(date["circa"], str | int | float):
            yield ctx.problem(
                "invalid-date",
                key,
                f"circa must be true/false, found {show(date['circa'])}",
                "use true or false",
            )
        if "date-parts" in date:
            yield from _check_date_parts(date["date-parts"], key, ctx)
        elif not any(isinstance(date.get(k), str) and date[k].strip() for k in ("literal", "raw")):
            yield ctx.problem(
                "empty-field",
                key,
                f"the date has no date-parts, raw or literal ({show(date)})",
                'write {"date-parts": [[2013]]} or remove the field',
            )


# -- content -------------------------------------------------------------------------

_PAGE_SHAPE_RE = re.compile(
    r"^(?:[A-Za-z]{0,3}\d+(?:\.?[A-Za-z]\d*)?|[ivxlcdm]+)"
    r"(?:\s*(?:[-\u2010-\u2015\u2212]+|,|&)\s*(?:[A-Za-z]{0,3}\d+(?:\.?[A-Za-z]\d*)?|[ivxlcdm]+))*\+?$",
    re.IGNORECASE,
)


def check_pages(item: dict[str, Any], ctx: Context) -> Iterator[Problem]:
    """Page ranges run forwards and look like pages."""
    page = item.get("page")
    if is_number(page):
        page = str(page)
    if not isinstance(page, str) or not page.strip():
        return
    text = page.strip()
    if text.isdigit():
        return
    if page_tools.is_reversed(text):
        first, last = page_tools.split_range(text) or ("", "")
        expanded = page_tools.expand_range(first, last)
        head = first.rstrip("0123456789")
        digits = first[len(head) :]
        tail = last[len(head) :] if last[: len(head)].upper() == head.upper() else last
        full = digits[: len(digits) - len(tail)] + tail if tail.isdigit() else ""
        if digits and len(tail) < len(digits) and full and int(full) >= int(digits):
            # A shortened last page read as written (1000-999, see reads_backwards):
            # name the other reading, which the writer may have meant.
            shown = f" (unless it stands for {first}-{head}{full}; then write that in full)"
        elif expanded and expanded[1] != last:
            shown = f" (read as {expanded[0]}-{expanded[1]})"
        else:
            shown = ""
        yield ctx.problem(
            "reversed-page-range",
            "page",
            f"the range {show(text)} ends before it starts{shown}",
            "check the last page; write ranges in full, e.g. 1073-1079",
        )
    elif not _PAGE_SHAPE_RE.match(text):
        yield ctx.problem(
            "invalid-page",
            "page",
            f"{show(text)} does not look like a page, a page range or an article number",
            "write e.g. 12-19, e0123456 or CD007885",
        )


_RETRACTED_RE = re.compile(
    r"^\W*(?:retracted|retraction|withdrawn)\b|\b(?:retracted article|retraction notice|"
    r"notice of retraction|retraction of|this article has been retracted)\b|\((?:retracted|withdrawn)\)"
    r"|^\W*(?:відкликан|отозван)",
    re.IGNORECASE,
)


def _mentions_retraction(title: str) -> bool:
    lower = title.lower()
    return "retract" in lower or "withdrawn" in lower or "відкликан" in lower or "отозван" in lower


_CYRILLIC_LETTER_RE = re.compile("[\u0400-\u04ff]")


def check_title(item: dict[str, Any], ctx: Context) -> Iterator[Problem]:
    """A title is present, and does not say the work was retracted."""
    title = item.get("title")
    if "title" not in item:
        yield ctx.problem(
            "missing-title",
            "title",
            "the item has no title",
            "add the title as printed in the source",
        )
    elif isinstance(title, str) and _mentions_retraction(title) and _RETRACTED_RE.search(title):
        yield ctx.problem(
            "retracted-title",
            "title",
            f"the title {show(title)} says the work was retracted or withdrawn",
            "check Retraction Watch or the journal; cite the retraction notice or remove the reference",
        )
    custom = item.get("custom")
    translated = custom.get("translated-title") if isinstance(custom, dict) else None
    if isinstance(translated, str) and _CYRILLIC_LETTER_RE.search(translated):
        yield ctx.problem(
            "translated-title-not-english",
            "custom.translated-title",
            f"the translated title {show(translated)} is in Cyrillic",
            "write the English translation of the title there: the References list prints it "
            "in square brackets after the transliterated title",
        )


# Identifiers written with their label into another field ("... doi: 10.1000/x").
_LABELLED_IDS = (
    ("DOI", re.compile(r"(?:\bdoi\s*[:.]?\s*|doi\.org/)10\.\d{4,9}/\S+", re.IGNORECASE)),
    ("PMID", re.compile(r"\bPMID\s*[:.]?\s*\d{1,8}\b", re.IGNORECASE)),
    ("PMCID", re.compile(r"\bPMCID\s*[:.]?\s*PMC\d+", re.IGNORECASE)),
)
# BCP 47 as CSL uses it: "uk", "en-GB", "zh-Hant-TW".
_LANGUAGE_TAG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def check_identifiers(item: dict[str, Any], ctx: Context) -> Iterator[Problem]:
    """DOI, PMID, PMCID, ISSN, ISBN and URL have valid syntax and check digits."""
    doi = item.get("DOI")
    if isinstance(doi, str) and doi.strip() and not ids.doi_ok(doi):
        cleaned = ids.clean_doi(doi)
        hint = (
            f'write it as "{cleaned}" (normalise does this)'
            if ids.doi_ok(cleaned)
            else "copy the DOI from the article page; it starts with 10. and has a slash"
        )
        yield ctx.problem("invalid-doi", "DOI", f"{show(doi)} is not a DOI", hint)
    pmid = item.get("PMID")
    if isinstance(pmid, str) and pmid.strip() and not ids.pmid_ok(pmid):
        yield ctx.problem(
            "invalid-pmid",
            "PMID",
            f"{show(pmid)} is not a PMID (1–8 digits)",
            "PMC… numbers go in PMCID"
            if pmid.strip().upper().startswith("PMC")
            else "check it on PubMed",
        )
    pmcid = item.get("PMCID")
    if isinstance(pmcid, str) and pmcid.strip() and not ids.pmcid_ok(pmcid):
        yield ctx.problem(
            "invalid-pmcid",
            "PMCID",
            f"{show(pmcid)} is not a PMCID",
            'write "PMC" and the digits, e.g. PMC3159423',
        )
    issn = item.get("ISSN")
    if isinstance(issn, str) and issn.strip():
        for part in ids.split_multi(issn):
            if not ids.issn_ok(part):
                yield ctx.problem(
                    "invalid-issn",
                    "ISSN",
                    f"{show(part)} is not a valid ISSN (shape or check digit)",
                    "copy the ISSN from the journal or the ISSN portal",
                )
    isbn = item.get("ISBN")
    if isinstance(isbn, str) and isbn.strip():
        for part in ids.split_multi(isbn):
            if not ids.isbn_ok(part):
                yield ctx.problem(
                    "invalid-isbn",
                    "ISBN",
                    f"{show(part)} is not a valid ISBN (length or check digit)",
                    "copy the ISBN from the book's imprint page",
                )
    for key in ("title", "note", "container-title", "page"):
        text = item.get(key)
        if not isinstance(text, str) or not has_id_label(text):
            continue
        for target, pattern in _LABELLED_IDS:
            found = pattern.search(text) if target not in item else None
            if found:
                yield ctx.problem(
                    "misplaced-identifier",
                    key,
                    f"the {key} holds a {target} ({show(found.group(0).strip(), 40)})",
                    f"move it to the {target} field (cslkit normalise does this)",
                )
    language = item.get("language")
    if (
        isinstance(language, str)
        and language.strip()
        and not _LANGUAGE_TAG_RE.match(language.strip())
    ):
        yield ctx.problem(
            "invalid-language",
            "language",
            f"{show(language)} is not a language code",
            'write an ISO 639-1 code such as "uk", "ru" or "en" (normalise converts language names)',
        )
    url = item.get("URL")
    if isinstance(url, str) and url.strip() and not ids.url_ok(url):
        yield ctx.problem(
            "invalid-url",
            "URL",
            f"{show(url)} is not a full web address",
            "start it with https:// and remove spaces",
        )


# What each item type needs for a complete Vancouver (NLM Citing Medicine) or DSTU 8302
# entry. "a|b" means either will do; the title is checked by check_title.
_COMMON_NEEDS: dict[str, tuple[str, ...]] = {
    "article-journal": (
        "author|editor",
        "container-title|container-title-short",
        "issued",
        "volume|issue",
        "page|number",
    ),
    "article-magazine": ("container-title", "issued"),
    "article-newspaper": ("container-title", "issued"),
    # A book may be described under its title (collections, handbooks), so no author.
    "book": ("publisher", "publisher-place", "issued"),
    "chapter": (
        "author|editor",
        "container-title",
        "publisher",
        "publisher-place",
        "issued",
        "page",
    ),
    "paper-conference": ("author", "container-title|event-title", "issued"),
    "thesis": ("author", "publisher", "publisher-place", "issued"),
    "report": ("author|editor|publisher", "publisher", "issued"),
    "webpage": ("URL", "accessed"),
    "post-weblog": ("URL", "accessed"),
    "dataset": ("URL|DOI", "issued"),
    "patent": ("author", "number", "issued"),
    "legislation": ("issued",),
}
STYLE_NEEDS: dict[str, dict[str, tuple[str, ...]]] = {
    "vancouver": _COMMON_NEEDS,
    "dstu": {
        **_COMMON_NEEDS,
        # DSTU 8302 describes a book by its extent (pages) as well, and conference papers
        # by their place of publication; a publisher may be absent ("б. в.", as in the
        # standard's own examples), and a patent is described under its title.
        "book": ("publisher-place", "issued", "number-of-pages"),
        "chapter": ("author|editor", "container-title", "publisher-place", "issued", "page"),
        "thesis": ("author", "publisher-place", "issued"),
        "patent": ("number", "issued"),
        "paper-conference": (*_COMMON_NEEDS["paper-conference"], "publisher-place", "page"),
    },
}
_SPLIT_NEEDS = {
    style: {kind: tuple(tuple(need.split("|")) for need in needs) for kind, needs in table.items()}
    for style, table in STYLE_NEEDS.items()
}
STYLE_LABELS = {"vancouver": "Vancouver", "dstu": "DSTU 8302:2015"}


def style_family(style: str | None) -> str:
    """Which requirement table a style name uses (DSTU or the Vancouver default)."""
    return "dstu" if style and "dstu" in str(style).lower() else "vancouver"


def _has(item: dict[str, Any], key: str) -> bool:
    value = item.get(key)
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    return value is not None and not isinstance(value, bool)


def check_places(item: dict[str, Any], ctx: Context) -> Iterator[Problem]:
    """Cities abbreviated the GOST way ("К.") in Ukrainian and Russian items."""
    for field in PLACE_FIELDS:
        written = spelled_out_place(item.get(field), item.get("language"))
        if written is not None:
            yield ctx.problem(
                "abbreviated-place",
                field,
                f"{show(item[field])} is an abbreviated city",
                f"write {show(written)} (cslkit normalise and validate --fix do this)",
            )


def check_required(item: dict[str, Any], ctx: Context) -> Iterator[Problem]:
    """The fields the style needs for this item type are present."""
    kind = item.get("type")
    if not isinstance(kind, str):
        return
    needs = _SPLIT_NEEDS[ctx.style].get(kind, ())
    label = STYLE_LABELS[ctx.style]
    for options in needs:
        for key in options:
            if _has(item, key):
                break
        else:
            wanted = " or ".join(options)
            yield ctx.problem(
                "missing-field",
                options[0],
                f"this {kind} needs {wanted} for a complete {label} reference",
                f"add {wanted} from the source",
            )


def check_low_confidence(item: dict[str, Any], ctx: Context) -> Iterator[Problem]:
    """Fields the free-text parser marked as uncertain (custom["low-confidence"])."""
    custom = item.get("custom")
    if not isinstance(custom, dict):
        return
    fields = custom.get("low-confidence")
    if isinstance(fields, str):
        fields = [fields]
    if not isinstance(fields, list):
        return
    confidence = custom.get("confidence")
    original = custom.get("original")
    for field in fields:
        if not isinstance(field, str):
            continue
        if isinstance(confidence, dict):
            score = confidence.get(field)
            score_text = f" (confidence {score:.2f})" if is_number(score) else ""
        else:
            score_text = f" (item confidence {confidence:.2f})" if is_number(confidence) else ""
        value = item.get(field)
        shown = f" {show(value)}" if value is not None else ""
        hint = "compare it with the original reference" + (
            f": {show(original, 120)}" if isinstance(original, str) else ""
        )
        yield ctx.problem(
            "low-confidence-field",
            field,
            f"the parser was unsure about this value{shown}{score_text}",
            hint,
        )


def check_unplaced_text(item: dict[str, Any], ctx: Context) -> Iterator[Problem]:
    """Words of the pasted reference the parser put in no field (custom["unplaced"])."""
    custom = item.get("custom")
    unplaced = custom.get("unplaced") if isinstance(custom, dict) else None
    if isinstance(unplaced, str):
        unplaced = [unplaced]
    if not isinstance(unplaced, list) or not unplaced:
        return
    original = custom.get("original")
    yield ctx.problem(
        "unplaced-text",
        None,
        "text the parser put in no field: " + "; ".join(show(text, 80) for text in unplaced),
        "add what is missing by hand"
        + (f"; the original reads: {show(original, 120)}" if isinstance(original, str) else ""),
    )


# -- list rules ----------------------------------------------------------------------


def check_duplicate_ids(items: list[Any], ctx_for: Callable[[int], Context]) -> Iterator[Problem]:
    """No two items share an id, even in different letter case (citeproc-py lower-cases ids)."""
    seen: dict[str, tuple[str, int]] = {}
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        value = item.get("id")
        if not (isinstance(value, str) or is_number(value)):
            continue
        text = str(value)
        key = text.lower()
        if key in seen:
            first_id, first_pos = seen[key]
            ctx = ctx_for(position)
            if first_id == text:
                yield ctx.problem(
                    "duplicate-id",
                    "id",
                    f"the id is also used by item no. {first_pos + 1}",
                    "give each item its own id (e.g. add a, b)",
                )
            else:
                yield ctx.problem(
                    "duplicate-id-case",
                    "id",
                    f'the id differs only in letter case from "{first_id}" (item no. {first_pos + 1}), which citeproc-py treats as the same',
                    "make the ids differ by more than case",
                )
        else:
            seen[key] = (text, position)


def check_possible_duplicates(
    items: list[Any], ctx_for: Callable[[int], Context]
) -> Iterator[Problem]:
    """Two items that look like the same work (same DOI or PMID, or fuzzy title match)."""
    from cslkit.validation.duplicates import find_duplicates

    dict_positions = [i for i, item in enumerate(items) if isinstance(item, dict)]
    dict_items = [items[i] for i in dict_positions]
    for pair in find_duplicates(dict_items):
        first, second = dict_positions[pair.first], dict_positions[pair.second]
        ctx = ctx_for(second)
        other = ctx_for(first)
        yield ctx.problem(
            "possible-duplicate",
            pair.field,
            f"looks like the same work as {other.where()} ({pair.reason})",
            "keep one of them (cslkit validate --merge combines them)",
        )


ITEM_RULES: tuple[Rule, ...] = (
    Rule(
        "structure",
        "item",
        check_structure,
        "id and type present and valid, every key a CSL variable",
    ),
    Rule(
        "value-types",
        "item",
        check_value_types,
        "strings and numbers where CSL wants them, nothing empty",
    ),
    Rule("names", "item", check_names, "name lists and name parts well formed"),
    Rule("dates", "item", check_dates, "dates well formed and plausible"),
    Rule("title", "item", check_title, "a title, not a retracted one"),
    Rule("pages", "item", check_pages, "page ranges forwards and well formed"),
    Rule(
        "identifiers",
        "item",
        check_identifiers,
        "DOI, PMID, PMCID, ISSN, ISBN, URL syntax and check digits; language codes",
    ),
    Rule("places", "item", check_places, "cities written out, not GOST-abbreviated (К., М., СПб.)"),
    Rule("required", "item", check_required, "fields the style needs for the item type"),
    Rule(
        "low-confidence",
        "item",
        check_low_confidence,
        "fields the free-text parser was unsure about",
    ),
    Rule("unplaced", "item", check_unplaced_text, "words the free-text parser put in no field"),
)


def check_container_spellings(
    items: list[Any], ctx_for: Callable[[int], Context]
) -> Iterator[Problem]:
    """One journal written one way: titles that differ only in case, dots, spaces or
    punctuation ("Lik Sprava" / "Lik. sprava") are one journal; items with a rarer
    spelling than the list's commonest are reported. Works for journals in no table.
    The ``container-spellings`` normalising step rewrites exactly what this reports."""
    for field in SPELLING_FIELDS:
        for group in rarer_spellings(items, field):
            winner, count = group.winner, group.count
            for text, positions in group.rarer.items():
                for position in positions:
                    yield ctx_for(position).problem(
                        "inconsistent-container-title",
                        field,
                        f"{show(text)} is written {show(winner)} in {count} other "
                        f"item{'s' if count > 1 else ''} of the list",
                        f"write {show(winner)} everywhere (the commonest spelling)",
                    )


LIST_RULES: tuple[Rule, ...] = (
    Rule("duplicate-ids", "list", check_duplicate_ids, "ids unique, also ignoring case"),
    Rule("duplicates", "list", check_possible_duplicates, "the same work entered twice"),
    Rule(
        "container-spellings",
        "list",
        check_container_spellings,
        "each journal written one way in the list",
    ),
)
