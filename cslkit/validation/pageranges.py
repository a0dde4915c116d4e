"""Page ranges: dashes, abbreviated ranges ("1073-9", "E231-40", "444.e1-6"), article numbers.

Pure string functions shared by the validator and the ``pages`` normalising step.
"""

from __future__ import annotations

import re

# Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus, and "--" from BibTeX.
DASHES_RE = re.compile(r"\s*(?:--+|[\u2010\u2011\u2012\u2013\u2014\u2015\u2212-])\s*")
# One page: an optional letter prefix, digits, an optional ".eN"-style or letter suffix.
_PAGE_RE = re.compile(r"^([A-Za-z]{0,3})(\d+)((?:\.?[A-Za-z]\d*)?)$")
_ROMAN_RE = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)
# Article numbers: Cochrane "CD007885", PLOS "e0123456", "e1234", "S12", "ARTN 123".
ARTICLE_NUMBER_RE = re.compile(r"^(?:CD\d{6}|[eE]\d{3,}|\d{6,}|[A-Z]{1,3}\d{5,})$")


def split_range(page: str) -> tuple[str, str] | None:
    """("first", "last") of a two-page range with any dash, else None."""
    parts = DASHES_RE.split(page.strip())
    if len(parts) == 2 and parts[0] and parts[1]:
        return parts[0], parts[1]
    return None


# An abbreviated range is read as written instead when that puts its last page nearer
# the first one and the abbreviation would span at least this many pages (see below).
_LONG_ABBREVIATED_SPAN = 10


def reads_backwards(first: int, written: int, expanded: int) -> bool:
    """Whether a shortened last page is a reversed range rather than an abbreviation.

    "1073-9" is 1073-1079 and "11-8" is 11-18 (NLM drops the leading digits the ends
    share), but "1000-999" read that way is 1000-1999 and "105-96" is 105-196: ranges of
    hundreds of pages that nobody abbreviates, while read as written they are one slip
    away from a real range. So the reading with the nearer last page wins, unless the
    abbreviation spans fewer than 10 pages: a one-digit tail ("15-7" = 15-17) is always
    the everyday abbreviation. ``first``/``written``/``expanded`` are page numbers.
    """
    span = expanded - first
    return written < first and first - written < span and span >= _LONG_ABBREVIATED_SPAN


def expand_range(first: str, last: str) -> tuple[str, str] | None:
    """Both ends written in full, or None when the ends are not comparable pages.

    "1073", "9" -> ("1073", "1079"); "E231", "40" -> ("E231", "E240");
    "444.e1", "6" -> ("444.e1", "444.e6"); "S12", "S19" unchanged; "1000", "999" ->
    ("1000", "999"): a reversed range, not an abbreviation (:func:`reads_backwards`).
    """
    m_first = _PAGE_RE.match(first)
    if not m_first:
        return None
    prefix, digits, suffix = m_first.groups()
    if suffix:
        # "444.e1-6": the range runs over the suffix number, the base page is shared.
        m_suffix = re.match(r"^(\.?[A-Za-z])(\d+)$", suffix)
        if m_suffix and last.isdigit():
            return first, f"{prefix}{digits}{m_suffix.group(1)}{last}"
        if m_suffix:
            m_last = _PAGE_RE.match(last)
            if m_last and m_last.group(3):
                return first, last
        return None
    m_last = _PAGE_RE.match(last)
    if not m_last:
        return None
    last_prefix, last_digits, last_suffix = m_last.groups()
    if last_suffix or (last_prefix and last_prefix.upper() != prefix.upper()):
        return None
    if len(last_digits) < len(digits):
        full = digits[: len(digits) - len(last_digits)] + last_digits
        if not reads_backwards(int(digits), int(last_digits), int(full)):
            last_digits = full
    return first, f"{prefix}{last_digits}"


def page_number(page: str) -> int | None:
    """The numeric value of one page ("E231" -> 231), or None for roman or odd pages."""
    m = _PAGE_RE.match(page)
    if not m or m.group(3):
        return None
    return int(m.group(2))


_SUFFIX_NUMBER_RE = re.compile(r"^\.?[A-Za-z](\d+)$")


def page_order(page: str) -> tuple[int, int] | None:
    """(page, sub-page) to compare pages by: "E231" -> (231, 0), "444.e6" -> (444, 6);
    None for roman numerals and letter suffixes ("12a")."""
    m = _PAGE_RE.match(page)
    if not m:
        return None
    if not m.group(3):
        return int(m.group(2)), 0
    sub = _SUFFIX_NUMBER_RE.match(m.group(3))
    return (int(m.group(2)), int(sub.group(1))) if sub else None


_DIGITS_RANGE_RE = re.compile(r"^(\d+)\s*[-\u2013]\s*(\d+)$")


def is_reversed(page: str) -> bool:
    """True when a range's last page is below its first, abbreviations read as
    :func:`expand_range` reads them ("1073-9" runs forwards, "1000-999" backwards)."""
    simple = _DIGITS_RANGE_RE.match(page)
    if simple:  # the common case, without the general machinery
        first_text, last_text = simple.groups()
        first, last = int(first_text), int(last_text)
        if len(last_text) < len(first_text):
            full = int(first_text[: len(first_text) - len(last_text)] + last_text)
            return full < first or reads_backwards(first, last, full)
        return last < first
    ends = split_range(page)
    if ends is None:
        return False
    if _ROMAN_RE.match(ends[0]) and _ROMAN_RE.match(ends[1]):
        return False
    expanded = expand_range(*ends)
    if expanded is None:
        return False
    first_key, last_key = page_order(expanded[0]), page_order(expanded[1])
    return first_key is not None and last_key is not None and last_key < first_key
