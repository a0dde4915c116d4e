"""Splitting an author (or editor) span into CSL names.

Handles "Ahmed AR, Gürcan HM", "De Zwaan SE", "Мальцев Д. В., Недопако Ю. Ю.",
"Д. В. Мальцев", "Smith, J., Doe, A. & Roe, B.", "John Smith and Jane Doe",
group authors ("The Pregnancy Loss Study Group") and "et al." / "и др." / "та ін."
(reported, never made an author). Initials come out as "A. R.".
"""

from __future__ import annotations

import re
from functools import lru_cache

ET_AL_RE = re.compile(
    r"(?:,?\s*(?:et\s*al\b\.?|и\s+др\b\.?|та\s+ін\b\.?|і\s+ін\b\.?|и\s+соавт\b\.?|ua\b\.?|u\.\s?a\.|and others|\[и др\.\]|\[та ін\.\]))",
    re.IGNORECASE,
)
# Word connectors need spaces around them: "В.И." holds an "И" that is an initial.
_CONNECTOR_RE = re.compile(r"\s*[;&]\s*|\s+(?:and|und|et(?!\s*al)|и|та|і|й)\s+", re.IGNORECASE)
_EDITOR_WORDS_RE = re.compile(
    r"\(?\b(?:eds?|editors?|edited by|ed\. by|hrsg|hg|orgs?|coords?|под\s+(?:общ\.\s+)?ред(?:акцией)?|за\s+(?:заг\.\s+)?ред(?:акцією)?|ред|пер|transl?|translated by|by)\b\.?\)?:?",
    re.IGNORECASE,
)
_GROUP_WORDS = re.compile(
    r"\b(?:group|study|committee|association|organi[sz]ation|society|council|consortium|"
    r"collaborat\w*|network|institute|agency|department|ministry|board|foundation|"
    r"working|team|trial|investigators|center|centre|world health|міністерство|"
    r"министерство|моз|асоціація|ассоциация|комітет|комитет|група|группа|товариство|общество)\b",
    re.IGNORECASE,
)
_INITIALS_DOTTED_RE = re.compile(r"^(?:[^\W\d_]{1,2}\.[\s-]?){1,4}$")
_INITIALS_COMPACT_RE = re.compile(r"^(?:[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]?){1,3}$")
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "del", "della", "le", "la", "du", "dos", "ten", "ter", "al", "el", "bin", "ibn"}


def split_names(span: str) -> tuple[list[dict[str, str]], bool]:
    """Names in ``span`` and whether it ended with "et al." (or a Cyrillic equivalent)."""
    et_al = bool(ET_AL_RE.search(span))
    text = ET_AL_RE.sub(" ", span)
    text = _EDITOR_WORDS_RE.sub(" ", text)
    # An editor list after "In:" / "Em:" ("In: Otto, H.-U. (Hrsg.)") may carry the word.
    text = re.sub(r"^\s*(?:in|em|в|у)\s*:\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^[\s/,.;:–—-]+|[\s/,;:–—-]+$", "", text).strip()
    if not text:
        return [], et_al
    pieces = [q for p in _pieces(text) for q in _split_run_on(_clean_piece(p)) if q]
    names: list[dict[str, str]] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        words = piece.split()
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        # "Smith, J." / "Bergk, V." / "Nichols, Bill": family, then given in the next piece.
        # A short capitalised family ("KIM, J. H.", "LEE, S.") looks like initials alone.
        upper_short = len(words) == 1 and piece.isupper() and "." not in piece and bool(
            nxt and "." in nxt and _is_initials_group(nxt))
        if (upper_short or len(words) <= 3 and not any(_is_initials(w) for w in words)) and nxt and (
            _is_initials_group(nxt)
            or (_comma_pairs(pieces) and len(nxt.split()) <= 2 and not _two_direct_names(piece, nxt))
            or (i == 0 and _inverted_first(pieces))
            or (_upper_family(piece) and not _upper_family(nxt))
        ):
            names.append(_name(piece, nxt))
            i += 2
            continue
        names.append(_single(piece))
        i += 1
    return [n for n in names if (n.get("family") or n.get("literal") or "").strip(" .,")], et_al


def _pieces(text: str) -> list[str]:
    out: list[str] = []
    for chunk in _CONNECTOR_RE.split(text):
        out.extend(part for part in chunk.split(","))
    # A quote the span took from the title ("Behler, Ernst, “") is no piece of a name.
    return [p.strip() for p in out if any(ch.isalnum() for ch in p)]


def _split_run_on(piece: str) -> list[str]:
    """"Дмитриев С.П. Шимелевич Л.И." (no comma between names) → two pieces."""
    words = piece.split()
    if len(words) < 4:
        return [piece]
    flags = [_is_initials(w) for w in words]
    family_first = not flags[0]
    out: list[list[str]] = [[]]
    for i, word in enumerate(words):
        starts_new = out[-1] and (
            (family_first and not flags[i] and flags[i - 1])
            or (not family_first and flags[i] and not flags[i - 1])
        )
        if starts_new:
            out.append([])
        out[-1].append(word)
    # Only a clean alternation of names splits; anything else stays one piece.
    if len(out) > 1 and all(len(o) >= 2 and any(map(_is_initials, o)) for o in out):
        return [" ".join(o) for o in out]
    return [piece]


def _clean_piece(piece: str) -> str:
    piece = piece.strip(" ,")
    words = piece.split()
    # "… de Sá.": after a particle a short word is a name, not an initial.
    if piece.endswith(".") and words and (
        not _is_initials(words[-1]) or len(words) > 1 and words[-2].lower() in _PARTICLES
    ):
        piece = piece.rstrip(".")
    return piece.strip()


def _two_direct_names(piece: str, nxt: str) -> bool:
    """"Wolfgang Jantzen, Jan Steffens": two given-first names, not "Family, Given" (a
    two-word family name starts with a particle or takes a one-word given name)."""
    words, nxt_words = piece.split(), nxt.split()
    return (len(words) == 2 and len(nxt_words) == 2 and words[0].lower() not in _PARTICLES
            and all(w[:1].isupper() and not w.isupper() for w in words + nxt_words))


def _inverted_first(pieces: list[str]) -> bool:
    """Chicago/MLA invert only the first name: "Holden, Paul E., Carlton A. Pederson, and
    Gayton E. Germane"; "Kelleter, Frank, and Daniel Stein"."""
    first = pieces[0].split()
    # "Ann Lowe, Bo Tam, and Cy Ode" are three given-first names: an inverted family is
    # one word or starts with a particle ("de la Cruz, Maria").
    if len(pieces) < 3 or len(first) > 3 or len(pieces[1].split()) > 3 or (
        len(first) > 1 and first[0].lower() not in _PARTICLES
    ):
        return False
    rest = pieces[2:]
    return all(2 <= len(p.split()) <= 4 and not _is_initials(p.split()[-1])
               and p.split()[0][:1].isupper() for p in rest)


def _upper_family(piece: str) -> bool:
    """ABNT and ISO 690 print the family name in capitals: "SANTOS, Boaventura de Sousa"."""
    letters = [ch for ch in piece if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _comma_pairs(pieces: list[str]) -> bool:
    """"Family, Given, Family, Given": an even number of pieces, none with initials inside."""
    return len(pieces) % 2 == 0 and all(len(p.split()) <= 3 for p in pieces)


@lru_cache(maxsize=1 << 14)
def _is_initials(word: str) -> bool:
    return bool(_INITIALS_DOTTED_RE.match(word)) or (
        len(word) <= 4 and bool(_INITIALS_COMPACT_RE.match(word)) and not word.istitle()
    ) or (len(word) == 1 and word.isupper())


def _is_initials_group(piece: str) -> bool:
    return all(_is_initials(w) for w in piece.split())


def format_initials(given: str) -> str:
    """"AR" → "A. R."; "NIa" → "N. Ia."; "Д.В." → "Д. В."; "J.-P." kept; full names kept."""
    given = given.strip()
    if not given:
        return given
    words = given.split()
    if all(_is_initials(w) for w in words):
        units: list[str] = []
        for word in words:
            if "." in word:
                for part in (p for p in re.split(r"(?<=\.)\s*", word) if p):
                    core = part.rstrip(".")
                    if len(core) == 2 and core.isalpha() and core.isupper():  # "EE.": two initials
                        units.extend(ch + "." for ch in core)
                    else:
                        units.append(core + ".")
            else:
                units.extend(u + "." for u in re.findall(r"[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]?", word))
        return " ".join(units).replace(". -", ".-")
    return given


def _name(family: str, given: str) -> dict[str, str]:
    return {"family": family.strip(" ,."), "given": format_initials(given)}


def _single(piece: str) -> dict[str, str]:
    words = piece.split()
    if len(words) == 1:
        return {"literal": words[0]} if not _is_initials(words[0]) else {}
    if _GROUP_WORDS.search(piece) or len(words) > 5:
        return {"literal": piece}
    initials = [w for w in words if _is_initials(w)]
    if not initials and len(words) >= 3 and re.fullmatch(r"[A-Z][a-z]", words[-1]):
        # "Van den Heuvel Mj": a mistyped second initial, not a family name.
        return _name(" ".join(words[:-1]), words[-1].upper())
    if initials:
        # Initials before the family ("Д. В. Мальцев") or after it ("Ahmed AR").
        if _is_initials(words[0]) and not _is_initials(words[-1]):
            k = 0
            while k < len(words) and _is_initials(words[k]):
                k += 1
            return _name(" ".join(words[k:]), " ".join(words[:k]))
        k = len(words)
        while k > 0 and _is_initials(words[k - 1]):
            k -= 1
        if k == 0:
            return {}
        if k < len(words) or len(words) < 3 or not _is_initials(words[1]) or words[0].isupper():
            return _name(" ".join(words[:k]), " ".join(words[k:]))
        # "Carlton A. Pederson": a middle initial between given and family name.
        k = len(words) - 1
        while k > 2 and words[k - 1].lower() in _PARTICLES:
            k -= 1
        return _name(" ".join(words[k:]), " ".join(words[:k]))
    # Full names without initials: Cyrillic "Прізвище Ім'я По-батькові" puts the family
    # first; Western "Given Family" puts it last (particles stay with the family).
    if re.search(r"[\u0400-\u04ff]", piece) and len(words) in (2, 3):
        return _name(words[0], " ".join(words[1:]))
    k = len(words) - 1
    while k > 1 and words[k - 1].lower() in _PARTICLES:
        k -= 1
    return {"family": " ".join(words[k:]), "given": " ".join(words[:k])}
