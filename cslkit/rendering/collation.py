"""Sort keys that follow the alphabets of our readers (Latin, Ukrainian, Russian).

Comparing code points puts Ukrainian Ґ Є І Ї after Я (they sit outside the basic
Cyrillic block). Without ICU (PyICU needs a compiler and libicu), we order letters by a
merged Ukrainian/Russian alphabet: а б в г ґ д е ё є ж з и і ї й к л м н о п р с т у ф
х ц ч ш щ ъ ы ь э ю я — each language's own order is kept, since the letters one lacks
fall where the other puts them. Latin letters sort by their base letter (é as e), and
Latin comes before Cyrillic, as in the Unicode collation algorithm; a space comes
before any letter ("Smith, J" before "Smithson") and punctuation is ignored. Case and
accents only break ties.
"""

from __future__ import annotations

import re
import unicodedata

_CYRILLIC = "абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя"
# Primary weights: digits, then Latin a–z, then Cyrillic in the merged alphabet order.
_WEIGHTS: dict[str, int] = {}
for _index, _char in enumerate("0123456789"):
    _WEIGHTS[_char] = 100 + _index
for _index, _char in enumerate("abcdefghijklmnopqrstuvwxyz"):
    _WEIGHTS[_char] = 200 + _index
for _index, _char in enumerate(_CYRILLIC):
    _WEIGHTS[_char] = 300 + _index
# Letters the base alphabets lack but our sources contain: sorted with their base letter.
_FOLDS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "ў": "у"}


def _primary(char: str) -> tuple[int, ...]:
    if char in _WEIGHTS:
        return (_WEIGHTS[char],)
    if char in _FOLDS:
        return tuple(w for c in _FOLDS[char] for w in _primary(c))
    base = unicodedata.normalize("NFD", char)[0]
    if base != char and base in _WEIGHTS:
        return (_WEIGHTS[base],)
    if char <= " ":
        # word boundaries, and the separators cslkit puts between names in sort keys,
        # sort before digits and letters ("Li W" < "Lia"); one weight for both, as
        # citeproc-js compares "Ahmed M A" before "Ahmed M, MacDonald A"
        return (1,)
    if not char.isalnum():
        return ()  # punctuation is ignored, as citeproc-js does (“Title” as Title)
    return (1000 + ord(char),)


def collation_key(text: str) -> tuple[tuple[int, ...], str]:
    """A key for ``sorted``: alphabet order first, then case and accents as a tie-break."""
    primary: list[int] = []
    for char in re.sub(r"[ \t\n\r]+", " ", text.casefold()).strip():
        primary.extend(_primary(char))
    return tuple(primary), text
