"""Ordinals as CSL 1.0.2 defines them (§Ordinal Suffixes, §Long Ordinals,
§Gender-specific Ordinals); citeproc-py's ignored ``match``, gender and the rule that a
locale defining any ordinal term replaces the whole ordinal set.

* ``ordinal-10`` … ``ordinal-99`` match the last two digits (or, with
  ``match="whole-number"``, the number itself) and win over ``ordinal-00`` …
  ``ordinal-09``, which match the last digit (``last-two-digits`` / ``whole-number``
  narrow that); the ``ordinal`` term is the default suffix.
* With no ``ordinal`` term but ``ordinal-01`` … ``ordinal-04``, CSL 1.0's scheme applies
  (01–03 for numbers ending in 1–3 except 11–13, 04 for all others).
* The ordinal set comes from the first locale in the fallback order that defines any
  ordinal term; the terms are not merged with those of later locales.
* A gendered noun (``<term name="edition" gender="feminine">``, the month for a day)
  selects the ``gender-form`` variant of each term, falling back to the neuter one.
"""

from __future__ import annotations

import re
from typing import Any

_ORDINAL_NAME = re.compile(r"ordinal(?:-(\d\d))?")
_CSL = "{http://purl.org/net/xbiblio/csl}"
# term name -> gender ("masculine", "feminine", None for neuter) -> (text, match)
OrdinalTable = dict[str, dict[str | None, tuple[str, str | None]]]


def _long_terms(locale: Any) -> dict[str, list[Any]]:
    """A locale element's long-form terms by name (memoised on the element)."""
    own = vars(locale)
    found = own.get("long_terms")
    if found is None:
        found = {}
        terms = locale.find(f"{_CSL}terms")
        for term in [] if terms is None else terms:
            if term.tag == f"{_CSL}term" and term.get("form") in (None, "long"):
                found.setdefault(term.get("name", ""), []).append(term)
        own["long_terms"] = found
    return found


def _term_text(term: Any) -> str:
    single = term.find(f"{_CSL}single")
    return (single.text if single is not None else term.text) or ""


def ordinal_table(locale: Any) -> OrdinalTable:
    """The ordinal terms one locale element defines (memoised on the element)."""
    own = vars(locale)
    table = own.get("ordinal_table")
    if table is None:
        table = {}
        for name, terms in _long_terms(locale).items():
            if _ORDINAL_NAME.fullmatch(name):
                for term in terms:
                    table.setdefault(name, {}).setdefault(term.get("gender-form"), (_term_text(term), term.get("match")))
        own["ordinal_table"] = table
    return table


def _ordinal_set(locales: list[Any]) -> OrdinalTable:
    for locale in locales:
        table = ordinal_table(locale)
        if table:
            return table
    return {}


def ordinal_suffix(number: int, locales: list[Any], gender: str | None = None) -> str:
    """The suffix for ``number`` ("nd" for 2 in English) from the first locale of
    ``locales`` that defines ordinals, in the form for a noun of ``gender``."""
    table = _ordinal_set(locales)

    def find(name: str) -> tuple[str, str | None] | None:
        variants = table.get(name)
        if not variants:
            return None
        return variants.get(gender) if gender in variants else variants.get(None)

    if "ordinal" not in table and "ordinal-04" in table:  # CSL 1.0's scheme
        last = number % 10
        name = "ordinal-04" if number % 100 in (11, 12, 13) or not 1 <= last <= 3 else f"ordinal-0{last}"
        found = find(name)
        return found[0] if found else ""
    last_two = number % 100
    if last_two >= 10:
        found = find(f"ordinal-{last_two:02}")
        if found and (found[1] != "whole-number" or number == last_two):
            return found[0]
    last = number % 10
    found = find(f"ordinal-0{last}")
    if found:
        match = found[1] or "last-digit"
        if (match == "last-digit" or (match == "last-two-digits" and last_two == last)
                or (match == "whole-number" and number == last)):
            return found[0]
    found = find("ordinal")
    return found[0] if found else ""


def long_ordinal(number: int, locales: list[Any], gender: str | None = None) -> str:
    """"first", "second"… for 1–10 (the gendered form when the locale has it), else
    the number with its ordinal suffix."""
    if 1 <= number <= 10:
        name = f"long-ordinal-{number:02}"
        for locale in locales:
            variants: dict[str | None, str] = {}
            for term in _long_terms(locale).get(name, ()):
                variants.setdefault(term.get("gender-form"), _term_text(term))
            text = variants.get(gender) if gender in variants else variants.get(None)
            if text is not None:
                return text
    return f"{number}{ordinal_suffix(number, locales, gender)}"


def term_gender(name: str, locales: list[Any]) -> str | None:
    """The grammatical gender of the long form of term ``name`` (the noun an ordinal
    agrees with), from the first locale that defines that term."""
    for locale in locales:
        for term in _long_terms(locale).get(name, ()):
            gender = term.get("gender")
            return gender if gender in ("masculine", "feminine") else None
    return None
