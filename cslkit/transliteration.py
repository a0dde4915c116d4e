"""Cyrillic to Latin transliteration for the "References" list of Ukrainian journals.

Two systems, both ASCII-only, chosen per language:

* ``uk`` — the official Ukrainian national system (Cabinet of Ministers of Ukraine
  resolution No. 55 of 27 January 2010). Є Ї Й Ю Я are written Ye Yi Y Yu Ya at the
  start of a word and ie i i iu ia inside it; "зг" is "zgh" (to keep it apart from
  "ж" = "zh"); the soft sign and the apostrophe are dropped.
* ``ru`` — the Library of Congress system without diacritics, the one the US National
  Library of Medicine uses for Russian titles in PubMed and the NLM Catalog ("Zhurnal
  nevrologii i psikhiatrii", "Voprosy pitaniia"): Й = i, Ю = iu, Я = ia, Ё = e, Ы = y,
  Э = e, soft and hard signs dropped. A medical References list then spells Russian
  journals as PubMed does, and every letter maps to plain ASCII.

Both tables are our own: on the tricky cases the PyPI libraries follow other systems —
``transliterate`` 1.10.2 gives "Zhorany", "Znam'janka", "Kyyiv"; ``cyrtranslit`` 1.2.0 the
scholarly "Jenakijeve", "Xmel'nyc'kyj"; ``iuliia`` 0.13 has no Ukrainian schema and its
BGN/PCGN leaves "ё" as is and writes "ZhURNAL".

A capital that stands for several Latin letters is written in title case ("Щука" →
"Shchuka") unless its word is in capitals ("ЩУКА" → "SHCHUKA"). Text that is not
Cyrillic passes unchanged, and so do letters of other Cyrillic alphabets (ў, ђ, ә), which
neither system covers.

:func:`prepare_references` turns CSL-JSON items into their Latin-script copies for
``render(..., transliterate=True)``. The English translation of a title is read from
``item["custom"]["translated-title"]``: CSL-JSON has no field for it, ``custom`` is where
cslkit keeps data of its own, and keeping the original ``title`` untouched lets the same
item render in DSTU 8302 (original script) and in the References list.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

# Letters with one spelling everywhere in a word (lower case; capitals derived).
# fmt: off
_UK_PLAIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    # Russian letters met in Ukrainian text (quoted names, typos): a sane ASCII fallback.
    "ё": "io", "ы": "y", "э": "e", "ъ": "",
}
# Letters spelt one way at the start of a word and another inside it.
_UK_INITIAL: dict[str, tuple[str, str]] = {
    "є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia"),
}
# fmt: on

# fmt: off
_RU_PLAIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
    # Ukrainian letters met in Russian text.
    "і": "i", "ї": "i", "є": "e", "ґ": "g",
}
# fmt: on

# Apostrophes Ukrainian writes between letters (ASCII, right quote, modifier letter).
_APOSTROPHES = "'\u2019\u02bc\u02b9`"

# fmt: off
_LANG_ALIASES: dict[str, str] = {
    "uk": "uk", "ua": "uk", "ukr": "uk", "ukrainian": "uk", "українська": "uk",
    "ru": "ru", "rus": "ru", "russian": "ru", "русский": "ru", "російська": "ru",
}
# fmt: on

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_UK_ONLY = re.compile("[іїєґІЇЄҐ]")
_RU_ONLY = re.compile("[ыэъёЫЭЪЁ]")
# A given name made of two or three capitals with no dots: initials, not an acronym.
_INITIALS_RUN = re.compile("[\u0410-\u042f\u0404\u0406\u0407\u0490]{2,3}")

SUFFIXES: Mapping[str, str] = {"uk": "[in Ukrainian]", "ru": "[in Russian]"}

# CSL variables that hold text to transliterate (numbers, dates and URLs are left alone).
# fmt: off
_TEXT_FIELDS = (
    "title", "title-short", "container-title", "container-title-short", "collection-title",
    "collection-title-short", "publisher", "publisher-place", "original-publisher",
    "original-publisher-place", "event", "event-title", "event-place", "genre", "medium",
    "archive", "archive-place", "archive-location", "archive-collection", "authority",
    "section", "original-title", "part-title", "volume-title", "reviewed-title",
    "reviewed-genre", "edition", "status", "jurisdiction", "note", "version", "dimensions",
    "scale", "division", "source", "number", "volume", "issue", "chapter-number",
    "collection-number", "part-number", "supplement-number",
)
# fmt: on
_NAME_PARTS = ("family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle")
# fmt: off
_NAME_FIELDS = (
    "author", "editor", "translator", "container-author", "collection-editor", "compiler",
    "contributor", "chair", "curator", "director", "editorial-director", "illustrator",
    "interviewer", "organizer", "original-author", "recipient", "reviewed-author", "composer",
    "performer", "producer", "narrator", "host", "guest", "script-writer", "series-creator",
    "executive-producer",
)
# fmt: on


def normalise_lang(lang: str | None) -> str | None:
    """``"uk"`` or ``"ru"`` for a language tag or name ("uk-UA", "rus", "Russian"), else None."""
    if not lang:
        return None
    key = lang.strip().lower().replace("_", "-")
    return _LANG_ALIASES.get(key) or _LANG_ALIASES.get(key.split("-")[0])


def transliterate(text: str, lang: str = "uk") -> str:
    """Latin-script ASCII spelling of the Cyrillic letters in ``text``.

    ``lang`` is ``"uk"`` (national system of 2010) or ``"ru"`` (Library of Congress
    without diacritics, as in PubMed); tags such as ``"uk-UA"`` are accepted. Everything
    that is not Cyrillic is kept as it is.

    >>> transliterate("Згорани, Знам'янка, Юрій")
    'Zghorany, Znamianka, Yurii'
    >>> transliterate("Щёкин Юрий", lang="ru")
    'Shchekin Iurii'
    """
    code = normalise_lang(lang)
    if code is None:
        from cslkit.errors import InputError

        raise InputError(f"unknown transliteration language {lang!r}", hint="use uk or ru")
    if not _CYRILLIC.search(text):
        return text
    ukrainian = code == "uk"
    plain = _UK_PLAIN if ukrainian else _RU_PLAIN
    out: list[str] = []
    n = len(text)
    for i, char in enumerate(text):
        lower = char.lower()
        if char in _APOSTROPHES and ukrainian and _between_letters(text, i):
            continue  # the Ukrainian apostrophe (sound separator) is not written
        if ukrainian and lower in _UK_INITIAL:
            initial, inner = _UK_INITIAL[lower]
            latin = initial if _word_start(text, i) else inner
        elif ukrainian and lower == "г" and i > 0 and text[i - 1] in "зЗ":
            latin = "gh"
        elif lower in plain:
            latin = plain[lower]
        else:
            out.append(char)
            continue
        if char != lower and latin:
            latin = latin.upper() if _in_capitals(text, i, n) else latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def _between_letters(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


def _word_start(text: str, i: int) -> bool:
    """True when no letter precedes position i in its word (apostrophes do not break words)."""
    j = i - 1
    while j >= 0 and text[j] in _APOSTROPHES and _between_letters(text, j):
        j -= 1
    return j < 0 or not text[j].isalpha()


def _in_capitals(text: str, i: int, n: int) -> bool:
    """True when the capital at i is part of a word written in capitals ("ЄВРОПА")."""
    after = i + 1 < n and text[i + 1].isalpha() and text[i + 1].isupper()
    before = i > 0 and text[i - 1].isalpha() and text[i - 1].isupper()
    return after or before


def detect_language(item: Mapping[str, Any]) -> str | None:
    """``"uk"``, ``"ru"`` or None (not Cyrillic) for a CSL-JSON item.

    The item's ``language`` field wins when it names Ukrainian or Russian. Otherwise the
    letters decide: і ї є ґ are Ukrainian only, ы э ъ ё Russian only. Cyrillic text with
    neither is taken as Russian, since Ukrainian prose of any length uses "і".
    """
    text = " ".join(_item_strings(item))
    if not _CYRILLIC.search(text):
        return None
    declared = normalise_lang(item.get("language"))
    if declared:
        return declared
    uk_letters = len(_UK_ONLY.findall(text))
    ru_letters = len(_RU_ONLY.findall(text))
    return "uk" if uk_letters > ru_letters else "ru"


def _item_strings(item: Mapping[str, Any]) -> list[str]:
    strings = [item[f] for f in _TEXT_FIELDS if isinstance(item.get(f), str)]
    for field in _NAME_FIELDS:
        for name in item.get(field) or []:
            if isinstance(name, Mapping):
                strings.extend(
                    v for k, v in name.items() if k in _NAME_PARTS and isinstance(v, str)
                )
    return strings


def _transliterate_name_part(value: str, part: str, lang: str) -> str:
    """Like :func:`transliterate`, but initials written together ("ЮЯ") stay initials ("Yu Ya")."""
    if part == "given" and _INITIALS_RUN.fullmatch(value):
        return " ".join(transliterate(letter, lang) for letter in value)
    return transliterate(value, lang)


def prepare_references(
    items: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Latin-script copies of ``items`` for a "References" list, and a suffix per item id.

    Cyrillic names and text fields are transliterated by the item's language (see
    :func:`detect_language`). A work written in Ukrainian or Russian (its ``language``
    says so, or its title is Cyrillic) also gets its English title from
    ``custom["translated-title"]`` in square brackets after the transliterated title, the
    suffix "[in Ukrainian]" or "[in Russian]" for the renderer to append at the end of the
    entry, and ``language`` "en" in the copy (the entry is now in Latin script, so a
    style's per-item terms are English; the original tag is kept in
    ``custom["original-language"]``). An English work whose authors are spelt in Cyrillic
    only has the names transliterated. Items without Cyrillic text are returned unchanged
    (as copies). The inputs are never mutated.
    """
    prepared: list[dict[str, Any]] = []
    suffixes: dict[str, str] = {}
    for item in items:
        copied = copy.deepcopy(item)
        lang = detect_language(item)
        if lang is not None:
            _transliterate_fields(copied, lang)
            if _written_in_cyrillic_language(item):
                _mark_translated(copied, item, lang)
                if "id" in item:
                    suffixes[str(item["id"])] = SUFFIXES[lang]
        prepared.append(copied)
    return prepared, suffixes


def _written_in_cyrillic_language(item: Mapping[str, Any]) -> bool:
    if normalise_lang(item.get("language")):
        return True
    title = item.get("title") or item.get("container-title")
    return isinstance(title, str) and bool(_CYRILLIC.search(title))


def _transliterate_fields(item: dict[str, Any], lang: str) -> None:
    for field in _TEXT_FIELDS:
        if isinstance(item.get(field), str):
            item[field] = transliterate(item[field], lang)
    for field in _NAME_FIELDS:
        for name in item.get(field) or []:
            if isinstance(name, dict):
                for part in _NAME_PARTS:
                    if isinstance(name.get(part), str):
                        name[part] = _transliterate_name_part(name[part], part, lang)


def _mark_translated(copied: dict[str, Any], original: Mapping[str, Any], lang: str) -> None:
    """The English title in brackets, the language "en", the original tag in custom."""
    custom = copied.get("custom")
    if not isinstance(custom, dict):
        custom = copied["custom"] = {}
    translated = custom.get("translated-title")
    if isinstance(translated, str) and translated.strip() and copied.get("title"):
        # meant to be English; Cyrillic here would print in the middle of a Latin list
        copied["title"] = f"{copied['title']} [{transliterate(translated.strip(), lang)}]"
    custom["original-language"] = original.get("language") or lang
    copied["language"] = "en"
