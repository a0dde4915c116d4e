"""Guess the language of a short bibliographic string (a title, names, a journal).

Titles are short, so statistical detectors guess badly; letters that exist in one
alphabet only, plus a few hundred function words, decide most cases. Ukrainian and
Russian matter most (DSTU rendering depends on them): і ї є ґ are Ukrainian only,
ы э ъ ё Russian only. When the evidence is thin the answer is ``None``.
"""

from __future__ import annotations

import re
from typing import Any

from cslkit.model import Problem

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")

# Letters found in one of the two languages only (lower case).
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_RUSSIAN_LETTERS = frozenset("ыэъё")
_BELARUSIAN_LETTERS = frozenset("ў")
_SERBIAN_MACEDONIAN_LETTERS = frozenset("јљњћџђѓќѕ")


def _vocab(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words frequent in titles; a word counts for every language it is listed under.
_CYRILLIC_WORDS: dict[str, frozenset[str]] = {
    "uk": _vocab(
        "та й і у в на з із зі до для від що як при про після щодо між або чи це його її їх "
        "при серед шляхом також який яка яке які хворих дітей лікування результати "
        "особливості оцінка вплив аналіз досвід застосування клінічні методи проблеми "
        "стан розвиток нові роль сучасні питання випадок пацієнтів"
    ),
    "ru": _vocab(
        "и в на с со к по для от что как при о об после между или ли это его ее её их "
        "также который которая которое которые больных детей лечения лечение результаты "
        "особенности оценка влияние анализ опыт применения применение клинические методы "
        "проблемы состояние развитие новые роль современные вопросы случай пациентов у"
    ),
    # Words Bulgarian has and Russian and Ukrainian lack.
    "bg": _vocab("че като към това са също които върху чрез според"),
}

_LATIN_WORDS: dict[str, frozenset[str]] = {
    "en": _vocab(
        "the of and in for with on a an to from by at is are as its their after between "
        "versus vs or among patients study trial treatment effect effects review "
        "case report analysis clinical outcomes children"
    ),
    "de": _vocab(
        "der die das und mit von für bei zur zum den dem des ein eine einer im ist nach "
        "über auf als aus bei durch oder unter patienten behandlung"
    ),
    "fr": _vocab(
        "le la les des du de et en un une pour dans sur par au aux chez avec est "
        "patients traitement étude"
    ),
    "es": _vocab(
        "el la los las del de y en un una para con por al es como sobre pacientes "
        "tratamiento estudio entre"
    ),
    "it": _vocab(
        "il lo la i gli le del della dei delle di e in un una per con su da al nel nella "
        "pazienti trattamento studio"
    ),
    "pt": _vocab(
        "o a os as do da dos das de e em um uma para com por no na nos nas ao "
        "pacientes tratamento estudo"
    ),
    "pl": _vocab(
        "i w z na do dla od oraz po przy u jako lub się jest leczenie chorych pacjentów badanie"
    ),
    "nl": _vocab("de het een en van in op met voor bij door naar als is zijn patiënten"),
}

# Letters that point at one Latin-script language (weighted like two function words).
_LATIN_LETTERS: dict[str, frozenset[str]] = {
    "de": frozenset("äöüß"),
    "fr": frozenset("èêëçœàâîôûù"),
    "es": frozenset("ñ¿¡"),
    "pt": frozenset("ãõ"),
    "pl": frozenset("ąćęłńśźż"),
    "it": frozenset("ìò"),
}

_MIN_WORD_SCORE = 1
_RUSSIAN_ENDINGS = ("ие", "ия", "ией", "ии", "ение", "ание", "ая", "ое")
_UKRAINIAN_ENDINGS = ("ння", "ття", "нню", "ннях", "ою", "ої")
# German and English word endings (weak evidence, one point a word).
_LATIN_ENDINGS: dict[str, tuple[str, ...]] = {
    "de": ("ung", "ungen", "keit", "heit", "lich", "isch", "schaft", "werke"),
    "en": ("ing", "ness", "ship", "ology", "ed"),
}


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language ("uk", "ru", "en", "de", ...), or None.

    Meant for titles and similar short strings; names and numbers add little evidence.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic == 0 and latin == 0:
        return None
    lower = text.lower()
    words = [w.replace("’", "'").replace("ʼ", "'") for w in _WORD.findall(lower)]
    if cyrillic >= latin:
        return _detect_cyrillic(lower, words)
    return _detect_latin(lower, words)


def _detect_cyrillic(lower: str, words: list[str]) -> str | None:
    letters = set(lower)
    uk = len(letters & _UKRAINIAN_LETTERS)
    ru = len(letters & _RUSSIAN_LETTERS)
    if letters & _SERBIAN_MACEDONIAN_LETTERS:
        return None
    if letters & _BELARUSIAN_LETTERS:
        return "be"
    # An apostrophe inside a Cyrillic word (м'язи, сім'я) is Ukrainian spelling.
    if any("'" in w and _CYRILLIC.search(w) for w in words):
        uk += 1
    if uk and not ru:
        return "uk"
    if ru and not uk:
        return "ru"
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _CYRILLIC_WORDS.items()}
    # Word endings each spelling has alone: Russian "-ие/-ия" and "-ение" (Ukrainian
    # writes "-ія", "-ення"), Ukrainian doubled "-ння/-ття" and "-ськ-".
    for word in words:
        if word.endswith(_RUSSIAN_ENDINGS) or _russian_spelling(word):
            scores["ru"] += 1
        elif word.endswith(_UKRAINIAN_ENDINGS) or "ськ" in word or "цьк" in word:
            scores["uk"] += 1
    if uk and ru:
        # Mixed letters (a quotation, a typo): let the words break the tie.
        return (
            "uk" if scores["uk"] > scores["ru"] else "ru" if scores["ru"] > scores["uk"] else None
        )
    best = max(scores, key=lambda lang: scores[lang])
    runner_up = max(score for lang, score in scores.items() if lang != best)
    if scores[best] >= _MIN_WORD_SCORE and scores[best] > runner_up:
        return best
    return None


def _russian_spelling(word: str) -> bool:
    """Russian spellings Ukrainian does not use, in words without ы э ъ ё: "-ическ-"
    (Ukrainian "-ічн-": хронический / хронічний), "-ций" (Ukrainian "-цій"), and a word
    that starts with "и" (исследование, изменения, из: Ukrainian writes "і", and its few
    words in "и-" are rare in titles)."""
    return (
        "ическ" in word
        or (len(word) > 3 and word.endswith("ций"))
        or (len(word) > 1 and word[0] == "и")
    )


def _detect_latin(lower: str, words: list[str]) -> str | None:
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _LATIN_WORDS.items()}
    letters = set(lower)
    for lang, marks in _LATIN_LETTERS.items():
        scores[lang] = scores.get(lang, 0) + 2 * len(letters & marks)
    for lang, endings in _LATIN_ENDINGS.items():
        scores[lang] += sum(len(w) > 4 and w.endswith(endings) for w in words)
    ranked = sorted(scores.items(), key=lambda pair: pair[1], reverse=True)
    (best, best_score), (_, runner_up) = ranked[0], ranked[1]
    if best_score >= _MIN_WORD_SCORE and best_score > runner_up:
        return best
    return None


# Language names people write in the language field, mapped to ISO 639-1.
_LANGUAGE_NAMES: dict[str, str] = {
    "english": "en",
    "eng": "en",
    "англійська": "en",
    "английский": "en",
    "англ": "en",
    "ukrainian": "uk",
    "ukr": "uk",
    "українська": "uk",
    "укр": "uk",
    "украинский": "uk",
    "russian": "ru",
    "rus": "ru",
    "російська": "ru",
    "русский": "ru",
    "рус": "ru",
    "рос": "ru",
    "german": "de",
    "deutsch": "de",
    "ger": "de",
    "deu": "de",
    "french": "fr",
    "français": "fr",
    "fre": "fr",
    "fra": "fr",
    "spanish": "es",
    "spa": "es",
    "italian": "it",
    "ita": "it",
    "polish": "pl",
    "pol": "pl",
    "portuguese": "pt",
    "por": "pt",
    "dutch": "nl",
    "nld": "nl",
    "bulgarian": "bg",
    "bul": "bg",
    "belarusian": "be",
    "bel": "be",
}


def normalise_language(item: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Set ``language`` from the title (then the container title and names) when absent;
    write a language name ("Ukrainian", "укр.") as its ISO 639-1 code."""
    from cslkit.normalisers.changes import change

    current = item.get("language")
    if isinstance(current, str) and current.strip():
        code = _LANGUAGE_NAMES.get(current.strip().casefold().rstrip("."))
        if code is None or code == current:
            return item, []
        return {**item, "language": code}, [
            change(item, "set-language", "language", current, code, "ISO 639-1 code")
        ]
    if "language" in item and current is not None and not isinstance(current, str):
        return item, []
    code = detect_item_language(item)
    if code is None:
        return item, []
    return {**item, "language": code}, [
        change(item, "set-language", "language", current, code, "detected from the title and names")
    ]


def detect_item_language(item: dict[str, Any]) -> str | None:
    """The language of an item's own text: its title, else title, container and names."""
    title = item.get("title") if isinstance(item.get("title"), str) else ""
    found = detect_language(title) if title else None
    if found:
        return found
    pieces = [title]
    for key in ("container-title", "publisher"):
        if isinstance(item.get(key), str):
            pieces.append(item[key])
    for name in item.get("author") or [] if isinstance(item.get("author"), list) else []:
        if isinstance(name, dict):
            pieces.extend(
                v
                for k, v in name.items()
                if k in ("family", "given", "literal") and isinstance(v, str)
            )
    return detect_language(" ".join(p for p in pieces if p))
