"""Places of publication abbreviated the Soviet/GOST way ("К.", "М.", "СПб.") written out.

DSTU 8302:2015 references spell the city out ("Київ : Наук. думка"), and the transliterated
References list needs a word it can transliterate ("Kyiv", not "K."). The abbreviations
are those of the Ukrainian and Russian bibliographic standards (ДСТУ 3582, ГОСТ 7.12), and
several stand for different cities in the two languages, so the item's ``language`` (set
by the ``language`` step, which runs first) decides; without a Ukrainian or Russian
language the place is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

from cslkit.model import Problem

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
_SEPARATOR = re.compile(r"\s*[;,–—-]\s*")
PLACE_FIELDS = ("publisher-place", "event-place", "original-publisher-place")


def _key(abbreviation: str) -> str:
    bare = abbreviation.rstrip(".").replace(".", "")
    return "СПб" if bare in ("С-Пб", "СПб") else bare


def spell_out_places(item: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Write "К." as "Київ" (or "Киев" in a Russian item), "М. ; Л." as "Москва ; Ленинград"."""
    from cslkit.normalisers.changes import change

    language = item.get("language")
    cities = _CITIES.get(language.split("-")[0].lower()) if isinstance(language, str) else None
    if cities is None:
        return item, []
    changed: dict[str, Any] = {}
    changes: list[Problem] = []
    for field in PLACE_FIELDS:
        value = item.get(field)
        if not isinstance(value, str) or not _ONLY_ABBREVIATIONS.fullmatch(value):
            continue
        places = [cities[_key(part)] for part in _ONE.findall(value)]
        # DSTU joins several places with " ; " ("Москва ; Ленинград")
        written = " ; ".join(places)
        changed[field] = written
        changes.append(
            change(item, "normalised-place", field, value, written, f"abbreviated city written out ({language})")
        )
    return ({**item, **changed}, changes) if changed else (item, [])
