"""Identifier syntax: DOI, PMID, PMCID, ISSN, ISBN and URL checks and clean-ups.

Shared by the validator (which reports) and the normaliser (which cleans); pure functions
on strings, no network.
"""

from __future__ import annotations

import re
from operator import mul

# Crossref's recommended pattern for modern DOIs, anchored; the suffix may contain
# anything printable but whitespace.
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX_RE = re.compile(
    r"^(?:(?:https?://)?(?:dx\.)?doi\.org/|doi\s*[:.]?\s*|https?://[^/\s]*doi[^/\s]*/)",
    re.IGNORECASE,
)
PMID_RE = re.compile(r"^\d{1,8}$")
PMCID_RE = re.compile(r"^PMC\d{1,9}$")
ISSN_RE = re.compile(r"^\d{4}[-‐‑–—]?\d{3}[\dXx]$")
URL_RE = re.compile(r"^(?:https?|ftp)://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)
_TRAILING_PUNCT = ".,;:)]}>'\""


def strip_trailing_punctuation(text: str) -> str:
    """Drop sentence punctuation glued to an identifier's end ("10.1/x." -> "10.1/x").

    A closing parenthesis is kept when the identifier also opens one, as in
    "10.1016/S0140-6736(10)60834-3".
    """
    while text and text[-1] in _TRAILING_PUNCT:
        if text[-1] == ")" and text.count("(") >= text.count(")"):
            break
        text = text[:-1]
    return text


def has_id_label(text: str) -> bool:
    """Whether text mentions "doi", "PMID" or "PMCID" at all: a cheap test before the
    precise patterns (faster than a case-insensitive search on long titles)."""
    lower = text.lower()
    return "doi" in lower or "pmid" in lower or "pmcid" in lower


def clean_doi(value: str) -> str:
    """A DOI without URL or "doi:" prefix, spaces and trailing punctuation, lower-cased.

    DOIs are case-insensitive by definition, so lower case makes them comparable.
    """
    text = value.strip()
    text = _DOI_PREFIX_RE.sub("", text).strip()
    text = "".join(text.split())
    return strip_trailing_punctuation(text).lower()


def doi_ok(value: str) -> bool:
    return bool(DOI_RE.match(value.strip()))


def pmid_ok(value: str) -> bool:
    return bool(PMID_RE.match(value.strip())) and int(value) > 0


def clean_pmid(value: str) -> str:
    text = re.sub(r"^\s*PMID\s*[:.]?\s*", "", value, flags=re.IGNORECASE)
    return strip_trailing_punctuation(text.strip())


def clean_pmcid(value: str) -> str:
    text = re.sub(r"\s+", "", value).upper()
    text = re.sub(r"^PMCID:?", "", text)
    text = strip_trailing_punctuation(text)
    return text if text.startswith("PMC") else "PMC" + text if text.isdigit() else text


def pmcid_ok(value: str) -> bool:
    return bool(PMCID_RE.match(value.strip()))


_ISSN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2)
_DASHES_RE = re.compile(r"[-‐‑–—]")


def issn_check_digit(first_seven: str) -> str:
    if len(first_seven) != 7:
        raise ValueError(f"an ISSN check digit needs 7 digits, not {first_seven!r}")
    total = sum(map(mul, map(int, first_seven), _ISSN_WEIGHTS))
    digit = (11 - total % 11) % 11
    return "X" if digit == 10 else str(digit)


def issn_ok(value: str) -> bool:
    text = value.strip()
    if not ISSN_RE.match(text):
        return False
    digits = _DASHES_RE.sub("", text).upper()
    return issn_check_digit(digits[:7]) == digits[7]


def clean_issn(value: str) -> str:
    """Upper-case X and the hyphen in the middle ("00284793" -> "0028-4793")."""
    digits = re.sub(r"[\s\-‐‑–—]", "", value.strip()).upper()
    if re.fullmatch(r"\d{7}[\dX]", digits):
        return f"{digits[:4]}-{digits[4:]}"
    return value.strip()


_QUALIFIER_RE = re.compile(
    r"\s*\([^)]*\)|\s+(?:print|online|electronic|pbk|hbk|paperback|hardback)\.?$", re.IGNORECASE
)


def split_multi(value: str) -> list[str]:
    """Several ISSNs or ISBNs in one field ("1234-5679, 2345-6789") as a list, each
    without qualifiers such as "(print)" or "(Наука)"."""
    text = value.strip()
    if "," not in text and ";" not in text and " " not in text:
        return [text]
    text = _QUALIFIER_RE.sub("", text)
    return [part for part in re.split(r"[,;]\s*|\s+(?=[\dX]{4}[-‐‑–—])", text.strip()) if part]


def isbn_digits(value: str) -> str:
    return re.sub(r"[\s\-‐‑–—]", "", value.strip()).upper()


def isbn_ok(value: str) -> bool:
    digits = isbn_digits(re.sub(r"^ISBN(?:-1[03])?:?\s*", "", value.strip(), flags=re.IGNORECASE))
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", digits):
        total = sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def url_ok(value: str) -> bool:
    return bool(URL_RE.match(value.strip()))
