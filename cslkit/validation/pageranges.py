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


def expand_range(first: str, last: str) -> tuple[str, str] | None:
    """Both ends written in full, or None when the ends are not comparable pages.

    "1073", "9" -> ("1073", "1079"); "E231", "40" -> ("E231", "E240");
    "444.e1", "6" -> ("444.e1", "444.e6"); "S12", "S19" unchanged.
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
        last_digits = digits[: len(digits) - len(last_digits)] + last_digits
    return first, f"{prefix}{last_digits}"


def page_number(page: str) -> int | None:
    """The numeric value of one page ("E231" -> 231), or None for roman or odd pages."""
    m = _PAGE_RE.match(page)
    if not m or m.group(3):
        return None
    return int(m.group(2))


_DIGITS_RANGE_RE = re.compile(r"^(\d+)\s*[-\u2013]\s*(\d+)$")


def is_reversed(page: str) -> bool:
    """True when a range's last page is below its first after expansion."""
    simple = _DIGITS_RANGE_RE.match(page)
    if simple:  # the common case, without the general machinery
        first, last = simple.groups()
        if len(last) < len(first):
            last = first[: len(first) - len(last)] + last
        return int(last) < int(first)
    ends = split_range(page)
    if ends is None:
        return False
    if _ROMAN_RE.match(ends[0]) and _ROMAN_RE.match(ends[1]):
        return False
    expanded = expand_range(*ends)
    if expanded is None:
        return False
    first, last = (page_number(p) for p in expanded)
    return first is not None and last is not None and last < first
