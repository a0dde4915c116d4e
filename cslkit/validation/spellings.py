"""One journal, one spelling: which spellings of a list's container titles are the same
title, and which spelling wins. Shared by the ``container-spellings`` validation rule
(which reports the rarer spellings) and the normalising step of the same name (which
rewrites them), so both always agree on what counts as one journal and who wins."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

_KEY_RE = re.compile(r"[\W_]+")

# The fields whose spellings must agree within a list.
SPELLING_FIELDS = ("container-title", "container-title-short")


def _without_latin_accents(text: str) -> str:
    # Only accents on Latin letters go ("Pédiatrie" = "Pediatrie"): decomposing Cyrillic
    # would make "й" an "и" and "ї" an "і", letters that tell words and languages apart.
    out = []
    for ch in text:
        if not ch.isascii():
            base = unicodedata.normalize("NFD", ch)[0]
            if base.isascii():
                ch = base
        out.append(ch)
    return "".join(out)


@lru_cache(maxsize=4096)
def spelling_key(title: str) -> str:
    """The same key for spellings of one title that differ only in letter case, spaces,
    dots or other punctuation ("Lik Sprava", "Lik. sprava"), accents on Latin letters
    ("Archives de Pédiatrie"), "&" for "and", or a leading "The" ("The Lancet"). Every
    letter and digit else counts, so Ukrainian and Russian titles stay apart."""
    text = title.casefold().replace("&", " and ")
    if not text.isascii():
        text = _without_latin_accents(text)
    text = " ".join(_KEY_RE.sub(" ", text).split())
    return text[4:] if text.startswith("the ") else text


class Spellings(NamedTuple):
    """One title written more than one way in a list."""

    winner: str  # the commonest spelling (on a tie, the one that comes first)
    count: int  # how many items write the winner
    rarer: dict[str, list[int]]  # every other spelling -> positions of the items using it


def rarer_spellings(items: Sequence[Any], field: str) -> list[Spellings]:
    """The titles of ``field`` written in more than one way, in order of first use."""
    groups: dict[str, dict[str, list[int]]] = {}
    for position, item in enumerate(items):
        value = item.get(field) if isinstance(item, dict) else None
        if type(value) is not str:
            continue
        text = value.strip()
        if text:
            groups.setdefault(spelling_key(text), {}).setdefault(text, []).append(position)
    found = []
    for variants in groups.values():
        if len(variants) < 2:
            continue
        winner = max(variants, key=lambda text: (len(variants[text]), -variants[text][0]))
        rarer = {text: positions for text, positions in variants.items() if text != winner}
        found.append(Spellings(winner, len(variants[winner]), rarer))
    return found
