"""Places of publication abbreviated the Soviet/GOST way ("К.", "М.", "СПб."), and the
city each stands for.

DSTU 8302:2015 references spell the city out ("Київ : Наук. думка"), and the transliterated
References list needs a word it can transliterate ("Kyiv", not "K."). The abbreviations
are those of the Ukrainian and Russian bibliographic standards (ДСТУ 3582, ГОСТ 7.12);
several stand for different cities in the two languages ("Л." is Львів or Ленинград), so
the item's language decides, and without Ukrainian or Russian nothing is decided.

The ``abbreviated-place`` rule reports what the ``places`` normalising step rewrites:
both call :func:`spelled_out_place`.
"""

from __future__ import annotations

import re

# abbreviation (without its full stop) -> city, by the item's language
_CITIES: dict[str, dict[str, str]] = {
    "uk": {"К": "Київ", "Х": "Харків", "Л": "Львів", "М": "Москва", "СПб": "Санкт-Петербург",
           "Мн": "Мінськ"},
    "ru": {"К": "Киев", "Х": "Харьков", "Л": "Ленинград", "М": "Москва", "СПб": "Санкт-Петербург",
           "Мн": "Минск"},
}
_ABBREVIATION = r"(?:СПб|С\.?-Пб|Мн|[КХЛМ])\.?"
# the whole field is abbreviations: "К.", "М. ; Л.", "М.–Л."
_ONLY_ABBREVIATIONS = re.compile(rf"\s*{_ABBREVIATION}(?:\s*[;,–—-]\s*{_ABBREVIATION})*\s*")
_ONE = re.compile(_ABBREVIATION)
PLACE_FIELDS = ("publisher-place", "event-place", "original-publisher-place")


def _key(abbreviation: str) -> str:
    bare = abbreviation.rstrip(".").replace(".", "")
    return "СПб" if bare in ("С-Пб", "СПб") else bare


def spelled_out_place(value: object, language: object) -> str | None:
    """``value`` with its abbreviated cities written out ("М. ; Л." -> "Москва ; Ленинград"
    in Russian), or None when it is not only abbreviations or the language is neither
    Ukrainian nor Russian."""
    cities = _CITIES.get(language.split("-")[0].lower()) if isinstance(language, str) else None
    if cities is None or not isinstance(value, str) or not _ONLY_ABBREVIATIONS.fullmatch(value):
        return None
    # DSTU joins several places with " ; "
    return " ; ".join(cities[_key(part)] for part in _ONE.findall(value))
