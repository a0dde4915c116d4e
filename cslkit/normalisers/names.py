"""Names: split name strings, one form of initials ("J. A."), particles, group authors,
and "et al." taken out of the list (and recorded in custom["et-al"])."""

from __future__ import annotations

import re
from typing import Any

from cslkit.model import Problem
from cslkit.normalisers.base import Item
from cslkit.normalisers.changes import change
from cslkit.normalisers.given_names import is_given_name
from cslkit.validation.values import is_et_al
from cslkit.variables import NAME_VARIABLES

_UPPER = "A-ZА-ЯІЇЄҐЁЎÀ-ÖØ-ÞĀ-Ž"
_LETTER = r"[^\W\d_]"
# One initial: a capital, optionally a digraph like "Yu"/"Ch" (transliterated Cyrillic),
# with or without a dot.
_INITIAL = rf"[{_UPPER}](?:[a-zа-яё]{{1}}(?=\.))?\.?"
_INITIALS_TOKEN_RE = re.compile(rf"^(?:{_INITIAL}(?:-{_INITIAL})?\s*){{1,4}}$")
# Initials written together without dots: "JA", "ІВ" (at most three capitals).
_RUN_TOGETHER_RE = re.compile(rf"^[{_UPPER}]{{1,3}}$")
_ONE_CAPITAL_RE = re.compile(rf"[{_UPPER}]")
_INITIAL_GROUP_RE = re.compile(rf"{_INITIAL}(?:-{_INITIAL})?")
_AND_RE = re.compile(r"\band\b|\s&\s|\sі\s|\sи\s|\sта\s")
_AND_SPLIT_RE = re.compile(r",?\s+(?:and|&|і|и|та)\s+")
_COMMA_PERSON_RE = re.compile(rf",\s*{_LETTER}[\w'’-]*\s+[{_UPPER}]")
# "O'Connor L" before the first comma: a Vancouver list, not "Family, Given".
_ENDS_WITH_INITIALS_RE = re.compile(rf"\S\s(?:[{_UPPER}]\.?){{1,3}}$")
_VANCOUVER_NAME_RE = re.compile(
    rf"^([{_UPPER}][^\s,.]*(?: [{_UPPER}][^\s,.]*)*) ([{_UPPER}]{{1,3}})$"
)
# A one-word capitalised family name (no particle, no group word, no spaces).
_PLAIN_FAMILY_RE = re.compile(rf"^[{_UPPER}][^\s,.;]*$")
_CANONICAL_INITIALS_RE = re.compile(rf"^[{_UPPER}]\.(?: [{_UPPER}]\.){{0,2}}$")
# One given name written out ("Olena", "Sarah"): format_initials leaves it as it is.
_PLAIN_GIVEN_RE = re.compile(rf"^[{_UPPER}][a-zа-яёіїєґ'’]+$")
_TRAILING_ET_AL_RE = re.compile(
    r"(?:^|[,;]?\s+)(et\.?\s*al\.?|та\s+ін\.?|и\s+др\.?|і\s+ін\.?)\s*$", re.IGNORECASE
)
_SUFFIX_RE = re.compile(r"^(?:Jr\.?|Sr\.?|II|III|IV|2nd|3rd|мл\.?|ст\.?)$", re.IGNORECASE)
# Lower-case particles that precede a family name: van der Berg, de la Cruz, von Braun.
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "ten",
        "ter",
        "zu",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
    ]
)
# Words that mark an organisation rather than a person.
_GROUP_WORD_RE = re.compile(
    r"\b(?:group|committee|consortium|collaboration|collaborators|association|society|"
    r"organi[sz]ation|council|institute|investigators|network|foundation|agency|"
    r"department|ministry|board|commission|federation|working|task force|centre|center|"
    r"університет|міністерство|асоціація|товариство|комітет|інститут|"
    r"университет|министерство|ассоциация|общество|комитет|институт|група|группа)\b",
    re.IGNORECASE,
)
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
# Common endings of Ukrainian and Russian family names.
_SURNAME_END_RE = re.compile(
    r"(?:енко|ко|ук|юк|чук|ець|ич|ов|ова|ев|ева|ін|іна|ський|ська|цький|цька|ской|ская)$",
    re.IGNORECASE,
)
_PATRONYMIC_RE = re.compile(r"(?:ович|евич|йович|івна|ївна|овна|евна|ична|ич)$", re.IGNORECASE)


def format_initials(given: str) -> str:
    """Initials in one form: "JA", "J.A.", "J A" -> "J. A."; "J-P" -> "J.-P."; full names kept."""
    text = given.strip()
    if not text:
        return text
    if _RUN_TOGETHER_RE.match(text):
        return " ".join(f"{ch}." for ch in text)
    if not _INITIALS_TOKEN_RE.match(text):
        # "John A" -> "John A."; anything else is a full given name and stays as written.
        words = text.split()
        if len(words) > 1 and _ONE_CAPITAL_RE.fullmatch(words[-1]):
            words[-1] += "."
            return " ".join(words)
        return text
    parts = _INITIAL_GROUP_RE.findall(text)
    formatted = []
    for part in parts:
        pieces = [p.rstrip(".") + "." for p in part.split("-")]
        formatted.append("-".join(pieces))
    return " ".join(formatted)


def _is_initials(token: str) -> bool:
    return bool(_RUN_TOGETHER_RE.match(token) or _INITIALS_TOKEN_RE.match(token))


def parse_name(text: str) -> dict[str, str]:
    """One name string to a CSL name: "Smith JA", "Smith, J. A.", "J. A. Smith",
    "Іваненко І.В.", "Іваненко Іван Петрович", "World Health Organization"."""
    text = " ".join(text.split()).strip(",;")
    if not text:
        return {"literal": ""}
    quick = _VANCOUVER_NAME_RE.match(text)
    if quick and (" " not in quick.group(1) or not _GROUP_WORD_RE.search(text)):
        # The commonest printed form, "Smith JA": no particle, suffix or group word.
        return {"family": quick.group(1), "given": " ".join(f"{ch}." for ch in quick.group(2))}
    if len(text) >= 10 and _GROUP_WORD_RE.search(text):  # no organisation name is shorter
        return {"literal": text}
    suffix = ""
    if "," in text:
        family, _, given = (part.strip() for part in text.partition(","))
        if "," in given:
            given, _, suffix = (part.strip() for part in given.partition(","))
        if _SUFFIX_RE.match(given):
            given, suffix = "", given
        name = {"family": family, "given": format_initials(given)} if given else {"family": family}
        if suffix and _SUFFIX_RE.match(suffix):
            name["suffix"] = suffix
        return _split_particle(name)
    tokens = text.split(" ")
    if len(tokens) > 1 and _SUFFIX_RE.match(tokens[-1]):
        suffix = tokens.pop()
    if len(tokens) == 1:
        name = {"family": tokens[0]}
    else:
        # Initials after the family name (Vancouver, DSTU) or before it ("J. A. Smith").
        tail = len(tokens)
        while tail > 1 and _is_initials(tokens[tail - 1]):
            tail -= 1
        head = 0
        while (
            head < len(tokens) - 1
            and _INITIALS_TOKEN_RE.match(tokens[head])
            and "." in tokens[head]
        ):
            head += 1
        if tail < len(tokens):
            name = {
                "family": " ".join(tokens[:tail]),
                "given": format_initials(" ".join(tokens[tail:])),
            }
        elif head > 0:
            name = {
                "family": " ".join(tokens[head:]),
                "given": format_initials(" ".join(tokens[:head])),
            }
        elif len(tokens) == 3 and _PATRONYMIC_RE.search(tokens[2]):
            # Ukrainian/Russian full form: family, given name, patronymic.
            name = {"family": tokens[0], "given": f"{tokens[1]} {tokens[2]}"}
        elif len(tokens) == 2 and _CYRILLIC_RE.search(text):
            # A known given name decides when exactly one word is one ("Юрій Гагарін",
            # "Гагарін Юрій"). Otherwise Cyrillic references write the family name first
            # ("Шевченко Тарас") unless only the second word looks like one.
            first_given, second_given = is_given_name(tokens[0]), is_given_name(tokens[1])
            if first_given != second_given:
                first_is_family = second_given
            else:
                first_is_family = bool(
                    _SURNAME_END_RE.search(tokens[0]) or not _SURNAME_END_RE.search(tokens[1])
                )
            family, given = (tokens[0], tokens[1]) if first_is_family else (tokens[1], tokens[0])
            name = {"family": family, "given": given}
        else:
            index = len(tokens) - 1
            while index > 1 and tokens[index - 1].lower() in _PARTICLES:
                index -= 1
            name = {"family": " ".join(tokens[index:]), "given": " ".join(tokens[:index])}
    if suffix:
        name["suffix"] = suffix
    return _split_particle(name)


def _split_particle(name: dict[str, str]) -> dict[str, str]:
    """ "van der Berg" -> non-dropping-particle "van der", family "Berg". A capitalised
    particle ("De Zwaan") belongs to the family name and stays."""
    family = name.get("family", "")
    words = family.split(" ")
    count = 0
    while count < len(words) - 1 and words[count] in _PARTICLES:
        count += 1
    if count == 0:
        return name
    result = dict(name)
    result["non-dropping-particle"] = " ".join(words[:count])
    result["family"] = " ".join(words[count:])
    return result


def split_name_list(text: str) -> list[str]:
    """A printed author list ("Smith JA, Doe B, et al.") as one string per name;
    a closing "et al." comes back as its own entry."""
    text = text.strip()
    tail = text[-8:].casefold()
    # The pattern is tried only when the end of the text can hold "et al." at all.
    et_al = (
        _TRAILING_ET_AL_RE.search(text) if ("al" in tail or "ін" in tail or "др" in tail) else None
    )
    if et_al:
        rest = split_name_list(text[: et_al.start()]) if et_al.start() else []
        return [*rest, et_al.group(1)]
    if ";" in text:
        parts = text.split(";")
    elif text.count(",") <= 1 and _AND_RE.search(text):
        parts = _AND_SPLIT_RE.split(text)
    elif (
        _COMMA_PERSON_RE.search(text)
        or text.count(",") > 1
        or _ENDS_WITH_INITIALS_RE.search(text.split(",", 1)[0])
    ):
        # "Smith JA, Doe B" or "Smith, J., Doe, B.": Vancouver style separates people by
        # commas; "Family, Initials" pairs are rejoined below.
        raw = [p.strip() for p in text.split(",")]
        parts = []
        for piece in raw:
            if parts and " " not in parts[-1] and _is_initials(piece):
                parts[-1] = f"{parts[-1]}, {piece}"
            else:
                parts.append(piece)
    else:
        parts = [text]
    return [p.strip() for p in parts if p.strip()]


def _clean_name(name: dict[str, Any]) -> dict[str, Any]:
    """Whitespace, initials and particles of a name object; a person-less one to literal."""
    family, given = name.get("family"), name.get("given")
    if (
        len(name) == 2
        and type(family) is str
        and type(given) is str
        and _PLAIN_FAMILY_RE.match(family)
    ):
        # The common case, {"family": "Smith", "given": "JA" or "J. A."}: only initials.
        if _RUN_TOGETHER_RE.match(given):
            return {"family": family, "given": " ".join([f"{ch}." for ch in given])}
        if _CANONICAL_INITIALS_RE.match(given) or _PLAIN_GIVEN_RE.match(given):
            return name  # already in the one form; the caller copies lists, not names
    result = {k: (" ".join(v.split()) if isinstance(v, str) else v) for k, v in name.items()}
    family, given = result.get("family"), result.get("given")
    literal = result.get("literal")
    if isinstance(literal, str) and not family and not given:
        if not _GROUP_WORD_RE.search(literal) and re.search(
            rf"\s[{_UPPER}]\.?[{_UPPER}]?\.?$", literal
        ):
            # A person typed as one string, "Smith JA".
            parsed = parse_name(literal)
            if "family" in parsed:
                return parsed
        return result
    if isinstance(family, str) and not given and _GROUP_WORD_RE.search(family):
        del result["family"]
        result["literal"] = family
        return result
    if isinstance(family, str) and not given and " " in family:
        # "Smith JA" typed into family; anything longer is left for the validator.
        parsed = parse_name(family)
        if (
            parsed.get("given")
            and _INITIALS_TOKEN_RE.match(parsed["given"])
            and " " not in parsed.get("family", "")
        ):
            return {**{k: v for k, v in result.items() if k != "family"}, **parsed}
    if isinstance(given, str):
        result["given"] = format_initials(given)
    if isinstance(family, str) and "non-dropping-particle" not in result:
        result = _split_particle(result)
    return result


def _is_et_al_entry(entry: Any) -> bool:
    if isinstance(entry, str):
        return is_et_al(entry)
    if isinstance(entry, dict):
        # "et al." and its translations are short: longer parts need no pattern match.
        for key in ("family", "given", "literal"):
            text = entry.get(key)
            if type(text) is str and len(text) < 16 and is_et_al(text):
                return True
    return False


def normalise_names(item: Item) -> tuple[Item, list[Problem]]:
    """Split, clean and complete every name list of the item."""
    result, changes = item, []
    et_al_in: list[str] = []
    for key in sorted(NAME_VARIABLES.intersection(item)):
        names = item[key]
        if isinstance(names, str):
            entries: list[Any] = split_name_list(names)
        elif isinstance(names, list):
            entries = names
        else:
            continue
        kept = [entry for entry in entries if not _is_et_al_entry(entry)]
        had_et_al = len(kept) < len(entries)
        new_names = [
            parse_name(entry)
            if isinstance(entry, str)
            else _clean_name(entry)
            if isinstance(entry, dict)
            else entry
            for entry in kept
        ]
        if new_names == names:
            continue
        if result is item:
            result = dict(item)
        result[key] = new_names
        if had_et_al:
            et_al_in.append(key)
            changes.append(
                change(
                    item,
                    "removed-et-al",
                    key,
                    names,
                    kept,
                    "et al. is not a name; recorded in custom",
                )
            )
        if new_names != kept:
            if len(new_names) == len(kept) and not isinstance(names, str):
                # Show only the names that changed, so the message stays readable.
                pairs = [(o, n) for o, n in zip(kept, new_names, strict=True) if o != n]
                shown_old, shown_new = [o for o, _ in pairs], [n for _, n in pairs]
            else:
                shown_old, shown_new = kept, new_names
            changes.append(
                change(
                    item,
                    "normalised-name",
                    key,
                    shown_old,
                    shown_new,
                    "names split, initials and particles in one form",
                )
            )
    if et_al_in:
        # The readers' convention: custom["et-al"] for authors, custom["et-al-<variable>"]
        # for other name lists.
        custom = item.get("custom")
        if isinstance(custom, dict) or "custom" not in item:
            custom = dict(custom) if isinstance(custom, dict) else {}
            for key in et_al_in:
                custom["et-al" if key == "author" else f"et-al-{key}"] = True
            if result is item:
                result = dict(item)
            result["custom"] = custom
    return result, changes
