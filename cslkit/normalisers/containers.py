"""Container titles: the journal's full title in ``container-title``, its NLM abbreviation
in ``container-title-short`` (the ``container-titles`` step, per item), written the same
way for every item of a list (the ``container-spellings`` step, on the whole list).

The table (about 22,000 journals) comes from the NLM Catalog via JabRef's CC0 lists; see
tools/normalisers/build_journal_abbreviations.py.
"""

from __future__ import annotations

import dataclasses
import gzip
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from cslkit.model import Problem
from cslkit.normalisers.base import Item
from cslkit.normalisers.changes import change
from cslkit.validation.spellings import SPELLING_FIELDS, rarer_spellings, spelling_key

_NON_WORD_RE = re.compile(r"[\W_]+")
_QUALIFIER_RE = re.compile(r"\s*(?:\([^)]*\)|\s/\s.*|\s:\s.*)$")


def fold(title: str) -> str:
    """A comparison key: case, accents, punctuation, "&"/"and" and a leading "The" ignored."""
    text = title.casefold().replace("&", " and ")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(_NON_WORD_RE.sub(" ", text).split())
    return text[4:] if text.startswith("the ") else text


def _looks_title_cased(title: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", title) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


_MINOR_WORDS = frozenset(
    {"A", "An", "And", "At", "For", "In", "Of", "On", "The", "To", "With", "From", "By"}
)


def _tidy_title(title: str) -> str:
    """Small words in lower case inside a title ("Clinics In Laboratory Medicine")."""
    words = title.split(" ")
    return " ".join([words[0], *(w.lower() if w in _MINOR_WORDS else w for w in words[1:])])


class JournalTable(NamedTuple):
    abbreviation_by_full: dict[str, str]  # fold(full title) -> NLM abbreviation
    full_by_abbreviation: dict[
        str, str | None
    ]  # fold(abbreviation) -> full title (None: unknown or ambiguous)
    abbreviation_by_key: dict[str, str]  # fold(abbreviation) -> the abbreviation as NLM writes it


def table_rows(pairs: list[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """(fold(full), fold(full without NLM qualifier), abbreviation, display title or "")
    for each (full title, abbreviation) pair: what the bundled table stores, so that
    loading it needs no string work. The display title is kept only when the source
    writes the title in title case (the Entrez list writes many in sentence case)."""
    rows = []
    for full, abbreviation in pairs:
        bare = _QUALIFIER_RE.sub("", full)
        display = _tidy_title(bare) if _looks_title_cased(bare) else ""
        rows.append((fold(full), fold(bare), abbreviation, display))
    return rows


@lru_cache(maxsize=1)
def journal_table() -> JournalTable:
    """The bundled table, read once (it is immutable)."""
    data = (
        resources.files("cslkit.normalisers")
        .joinpath("data/journal-abbreviations.tsv.gz")
        .read_bytes()
    )
    by_full: dict[str, str] = {}
    fulls: dict[str, set[str]] = {}
    by_key: dict[str, str] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        key_full, key_bare, abbreviation, display = line.split("\t")
        by_full.setdefault(key_full, abbreviation)
        by_full.setdefault(key_bare, abbreviation)
        key = fold(abbreviation)
        by_key.setdefault(key, abbreviation)
        names = fulls.setdefault(key, set())
        if display:
            names.add(display)
    by_abbreviation = {
        key: (next(iter(names)) if len(names) == 1 else None) for key, names in fulls.items()
    }
    # Ukrainian and Russian journals under their Cyrillic and English titles (see
    # tools/normalisers/build_uk_ru_journals.py). An abbreviation NLM does not have gets
    # the journal's first listed title as its full title.
    extra = (
        resources.files("cslkit.normalisers").joinpath("data/journals-uk-ru.tsv").read_text("utf-8")
    )
    for line in extra.splitlines():
        title, abbreviation, _source = line.split("\t")
        by_full.setdefault(fold(title), abbreviation)
        key = fold(abbreviation)
        if key not in by_key:
            by_key[key] = abbreviation
            by_abbreviation[key] = title
    return JournalTable(by_full, by_abbreviation, by_key)


# Lists cite a few journals many times: fold each title once.
_folded = lru_cache(maxsize=4096)(fold)


def normalise_container_titles(item: Item) -> tuple[Item, list[Problem]]:
    """Full title in container-title, NLM abbreviation in container-title-short."""
    title = item.get("container-title")
    short = item.get("container-title-short")
    legacy = item.get("journalAbbreviation")
    result, changes = item, []

    def put(key: str, new: str | None, why: str) -> None:
        nonlocal result
        if result is item:
            result = dict(item)
        old = result.get(key)
        if new is None:
            result.pop(key, None)
        else:
            result[key] = new
        changes.append(change(item, "normalised-container-title", key, old, new, why))

    if (
        isinstance(legacy, str)
        and legacy.strip()
        and not (isinstance(short, str) and short.strip())
    ):
        put(
            "container-title-short",
            legacy.strip(),
            "journalAbbreviation is CSL's older name for it",
        )
        put("journalAbbreviation", None, "moved to container-title-short")
        short = legacy.strip()
    if not isinstance(title, str) or not title.strip():
        if isinstance(short, str) and short.strip():
            full = journal_table().full_by_abbreviation.get(_folded(short))
            if full:
                put("container-title", full, "full title from the NLM journal list")
        return result, changes
    table = journal_table()
    key = _folded(title)
    if key in table.abbreviation_by_key and key not in table.abbreviation_by_full:
        # container-title holds an abbreviation ("N Engl J Med", "N. Engl. J. Med.").
        abbreviation = table.abbreviation_by_key[key]
        if not isinstance(short, str) or _folded(short) == key:
            if short != abbreviation:
                put("container-title-short", abbreviation, "NLM abbreviation")
            full = table.full_by_abbreviation.get(key)
            if full and full != title:
                put("container-title", full, "full title from the NLM journal list")
        return result, changes
    abbreviation = table.abbreviation_by_full.get(key)
    if abbreviation is None or abbreviation == title:
        return result, changes
    if not isinstance(short, str) or not short.strip():
        put("container-title-short", abbreviation, "NLM abbreviation of the journal")
    elif short != abbreviation and _folded(short) == _folded(abbreviation):
        put(
            "container-title-short",
            abbreviation,
            "NLM form of the abbreviation, the same for the whole list",
        )
    return result, changes


def _abbreviation_of(title: str, table: JournalTable) -> tuple[str | None, bool]:
    """(NLM abbreviation, whether ``title`` is itself that abbreviation) per the table."""
    key = _folded(title)
    if key in table.abbreviation_by_key and key not in table.abbreviation_by_full:
        return table.abbreviation_by_key[key], True
    return table.abbreviation_by_full.get(key), False


def unify_container_spellings(items: list[Any]) -> tuple[list[Any], list[Problem]]:
    """One journal written one way in the whole list (the ``container-spellings`` step).

    1. An abbreviation left in ``container-title`` (the table could not name its full
       title on its own) takes the full title another item of the list gives for the same
       journal, and the abbreviation moves to ``container-title-short``: the table says
       they are one journal, so this is a move, not a rewrite. When the list gives two
       different full titles for one abbreviation (NLM reuses a few), nothing is moved.
    2. Titles that differ only in case, spaces, dots or punctuation are one journal
       (:func:`cslkit.validation.spellings.spelling_key`, the key the
       ``inconsistent-container-title`` rule uses): the rarer spellings of
       ``container-title`` and ``container-title-short`` become the commonest one.
    """
    result = list(items)
    changes: list[Problem] = []

    def put(position: int, key: str, new: str, why: str) -> None:
        item = result[position]
        changes.append(
            dataclasses.replace(
                change(item, "normalised-container-title", key, item.get(key), new, why),
                position=position,
            )
        )
        result[position] = {**item, key: new}

    table: JournalTable | None = None
    full_titles: dict[str, dict[str, int]] = {}  # abbreviation -> spelling key -> a position
    abbreviated: list[tuple[int, str]] = []
    for position, item in enumerate(result):
        title = item.get("container-title") if isinstance(item, dict) else None
        if type(title) is not str or not title.strip():
            continue
        if table is None:
            table = journal_table()
        abbreviation, is_abbreviation = _abbreviation_of(title.strip(), table)
        if abbreviation is None:
            continue
        if is_abbreviation:
            abbreviated.append((position, abbreviation))
        else:
            full_titles.setdefault(abbreviation, {}).setdefault(
                spelling_key(title.strip()), position
            )
    for position, abbreviation in abbreviated:
        found = full_titles.get(abbreviation)
        if not found or len(found) > 1:
            continue
        item = result[position]
        short = item.get("container-title-short")
        if isinstance(short, str) and short.strip() and _folded(short) != _folded(abbreviation):
            continue  # a different short form was given; leave the item to the user
        full = result[next(iter(found.values()))]["container-title"].strip()
        if short != abbreviation:
            put(position, "container-title-short", abbreviation, "NLM abbreviation")
        put(position, "container-title", full, "the full title other items of the list give")
    for field in SPELLING_FIELDS:
        for group in rarer_spellings(result, field):
            for positions in group.rarer.values():
                for position in positions:
                    put(
                        position,
                        field,
                        group.winner,
                        f"one spelling per journal: {group.count} other item"
                        f"{'s' if group.count > 1 else ''} of the list write it so",
                    )
    changes.sort(key=lambda c: c.position or 0)
    return result, changes
