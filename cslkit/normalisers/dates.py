"""Dates: printed forms ("2012 Apr 5", "5 квітня 2012", "весна 2011", "2013 [cited 2013
Jan 5]", "05.04.2012") and strings in ``date-parts`` become numeric CSL dates."""

from __future__ import annotations

import re
from typing import Any

from cslkit.model import Problem
from cslkit.normalisers.base import Item
from cslkit.normalisers.changes import change
from cslkit.variables import DATE_VARIABLES

# Month names and abbreviations (English, Ukrainian and Russian, nominative and genitive,
# German, French, Spanish, Latin), matched on their first letters.
_MONTH_STEMS: dict[int, tuple[str, ...]] = {
    1: ("jan", "січ", "январ", "янв", "jän", "janv", "ene", "gen"),
    2: ("feb", "лют", "феврал", "фев", "févr", "fév"),
    3: ("mar", "берез", "март", "мар", "mär", "mars"),
    4: ("apr", "квіт", "апрел", "апр", "avr", "abr"),
    5: ("may", "трав", "мая", "май", "mai", "mayo", "mag"),
    6: ("jun", "черв", "июн", "juin", "giu"),
    7: ("jul", "лип", "июл", "juil", "lug"),
    8: ("aug", "серп", "август", "авг", "août", "ago"),
    9: ("sep", "верес", "сентябр", "сен", "set"),
    10: ("oct", "жовт", "октябр", "окт", "okt", "ott"),
    11: ("nov", "листопад", "ноябр", "ноя"),
    12: ("dec", "груд", "декабр", "дек", "dez", "déc", "dic"),
}
_SEASONS: dict[str, int] = {
    "spring": 1,
    "summer": 2,
    "autumn": 3,
    "fall": 3,
    "winter": 4,
    "весна": 1,
    "весни": 1,
    "навесні": 1,
    "літо": 2,
    "літа": 2,
    "влітку": 2,
    "осінь": 3,
    "осені": 3,
    "восени": 3,
    "зима": 4,
    "зими": 4,
    "взимку": 4,
    "лето": 2,
    "осень": 3,
    "зима ": 4,
    "весной": 1,
    "летом": 2,
    "осенью": 3,
    "зимой": 4,
}
_ISO_RE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:T[\d:.Z+-]*)?")
_DOTTED_RE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_YEAR_RANGE_RE = re.compile(r"(\d{4})\s*[-–—/]\s*(\d{2}|\d{4})")
_YEAR_RE = re.compile(r"\b(\d{4})\b")
_SMALL_NUMBER_RE = re.compile(r"\b(\d{1,2})\b")
_DAY_RANGE_RE = re.compile(r"\d\s*[-–]\s*\d")
_DIGITS_RE = re.compile(r"\d{1,4}")
_WORD_RE = re.compile(r"[^\W\d_]+\.?")
_CITED_RE = re.compile(
    r"[\[(]\s*(?:cited|accessed|viewed|retrieved|дата звернення|дата обращения|цит\.?)\s*:?\s*([^\])]*)[\])]",
    re.IGNORECASE,
)


# Every stem and every prefix of a stem (three letters or more) -> its month.
_MONTH_PREFIXES: dict[str, int] = {
    stem[:length]: number
    for number, stems in sorted(_MONTH_STEMS.items(), reverse=True)
    for stem in stems
    for length in range(3, len(stem) + 1)
}
_MONTH_STEM_SET: dict[str, int] = {stem: n for n, stems in _MONTH_STEMS.items() for stem in stems}


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation in one of the known languages, else None."""
    key = word.casefold().rstrip(".")
    if len(key) < 3:
        return None
    if key in _MONTH_PREFIXES:  # "apr", "квіт", "сент"
        return _MONTH_PREFIXES[key]
    for length in range(min(len(key), 8), 2, -1):  # "april", "квітня", "сентября"
        if key[:length] in _MONTH_STEM_SET:
            return _MONTH_STEM_SET[key[:length]]
    return None


def parse_date(text: str) -> dict[str, Any] | None:
    """A CSL date object for a printed date, or None when the text is not a date.

    Handles years, year ranges, ISO and dotted numeric dates, month names in several
    languages (with day before or after), month ranges ("Apr-May"), and seasons.
    """
    text = " ".join(text.split()).strip(".,;")
    if not text:
        return None
    # ISO 8601 / EDTF-like: 2012-04-05, 2012-04, 2012/04/05.
    m = _ISO_RE.fullmatch(text)
    if m:
        return {"date-parts": [[int(g) for g in m.groups() if g]]}
    # Day-first numeric: 05.04.2012 (European), 5/4/2012 is ambiguous and left alone.
    m = _DOTTED_RE.fullmatch(text)
    if m:
        return {"date-parts": [[int(m.group(3)), int(m.group(2)), int(m.group(1))]]}
    # Year range: 2010-2011, 2010–11.
    m = _YEAR_RANGE_RE.fullmatch(text)
    if m:
        start = int(m.group(1))
        end = int(m.group(2)) if len(m.group(2)) == 4 else start // 100 * 100 + int(m.group(2))
        if end > start:
            return {"date-parts": [[start], [end]]}
    years = _YEAR_RE.findall(text)
    if len(years) != 1:
        return None
    year = int(years[0])
    seasons: list[int] = []
    months: list[int] = []
    for word in _WORD_RE.findall(text):
        key = word.casefold().rstrip(".")
        if key in _SEASONS:
            seasons.append(_SEASONS[key])
        elif month := month_number(word):
            months.append(month)
        elif len(key) > 2:
            # Only short words ("р.", "г.", "c") may stand beside a date, as in "2012 р.".
            return None
    numbers = [int(n) for n in _SMALL_NUMBER_RE.findall(text)]
    if seasons and not months:
        return {"date-parts": [[year]], "season": seasons[0]}
    if not months:
        return {"date-parts": [[year]]} if not numbers else None
    if len(months) == 2 and not numbers:
        return {"date-parts": [[year, months[0]], [year, months[1]]]}
    if len(months) == 1 and len(numbers) <= 1:
        return {"date-parts": [[year, months[0], *numbers]]}
    if len(months) == 1 and len(numbers) == 2 and _DAY_RANGE_RE.search(text):
        return {"date-parts": [[year, months[0], numbers[0]], [year, months[0], numbers[1]]]}
    return None


def _numeric_parts(parts: Any) -> list[list[Any]] | None:
    """date-parts with numeric strings and month names turned into numbers, or None."""
    if not isinstance(parts, list) or not all(isinstance(p, list) for p in parts):
        return None
    result = []
    for part in parts:
        new_part = []
        for index, value in enumerate(part):
            if isinstance(value, str):
                stripped = value.strip()
                if _DIGITS_RE.fullmatch(stripped):
                    new_part.append(int(stripped))
                elif index == 1 and month_number(stripped):
                    new_part.append(month_number(stripped))
                else:
                    new_part.append(value)
            else:
                new_part.append(value)
        result.append(new_part)
    return result


def normalise_dates(item: Item) -> tuple[Item, list[Problem]]:
    """Every date variable as numeric ``date-parts``; "[cited ...]" goes to ``accessed``."""
    result, changes = item, []

    def put(key: str, old: Any, new: Any, why: str) -> None:
        nonlocal result
        if result is item:
            result = dict(item)
        result[key] = new
        changes.append(change(item, "normalised-date", key, old, new, why))

    for key in sorted(DATE_VARIABLES.intersection(item)):
        value = item[key]
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10000:
            put(key, value, {"date-parts": [[value]]}, "a bare year")
            continue
        if isinstance(value, str):
            text = value
            cited = _CITED_RE.search(text)
            if cited and key != "accessed" and "accessed" not in item:
                accessed = parse_date(cited.group(1))
                if accessed:
                    put("accessed", None, accessed, "the cited date of a printed reference")
                text = text[: cited.start()] + text[cited.end() :]
            parsed = parse_date(text)
            if parsed:
                put(key, value, parsed, "printed date parsed")
            elif text.strip():
                put(
                    key,
                    value,
                    {"literal": text.strip()},
                    "not a date cslkit can read; kept as literal text",
                )
            continue
        if not isinstance(value, dict):
            continue
        if "date-parts" not in value:
            raw = value.get("raw") if isinstance(value.get("raw"), str) else value.get("literal")
            if isinstance(raw, str):
                parsed = parse_date(_CITED_RE.sub("", raw))
                if parsed:
                    new = {k: v for k, v in value.items() if k not in ("raw", "literal")} | parsed
                    put(key, value, new, "raw date parsed")
            continue
        parts = _numeric_parts(value["date-parts"])
        if parts is not None and parts != value["date-parts"]:
            put(key, value, {**value, "date-parts": parts}, "date parts as numbers")
    return result, changes
