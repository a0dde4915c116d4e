"""Hand-built token features for the CRF tagger (in the spirit of AnyStyle and GROBID).

Each token becomes a list of ``name=value`` strings: the word itself, its shape,
affixes, character classes, lexical cues (initials, years, page and volume markers in
English, Russian and Ukrainian) and where it stands in the reference (position, after a
``//`` or ``In:``, after a year), plus the same cues of its neighbours.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cslkit.textparser.tokens import Token

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_YEAR_RE = re.compile(r"^(1[5-9]\d\d|20[0-4]\d)[a-z]?$")
_ROMAN_RE = re.compile(r"^[IVXLC]{1,6}$")

# Words that announce a field; the value is the cue class.
_CUES: dict[str, str] = {}
for _cue, _words in {
    "vol": "vol vols volume volumes bd band tome tom т том тт",
    "iss": "no nos nr num number issue iss n № вып випуск вип выпуск н",
    "pag": "p pp page pages s с стр стор ss pg",
    "edn": "ed edn edition изд вид издание видання",
    "eds": "eds editors editor hrsg hg под ред за ред редакцией редакцією",
    "in": "in в у",
    "etal": "et al др ін",
    "and": "and und et и та і й",
    "month": "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december",
    "thesis": "thesis dissertation diss phd дис дисс автореф канд докт",
    "conf": "proceedings proc conference conf symposium workshop congress конф конференции конференції матеріали материалы тези тезисы",
    "pub": "press publishing publishers verlag university univ издательство видавництво изд-во вид-во",
    "ids": "doi pmid pmcid isbn issn url available retrieved accessed cited",
    "jour": "journal j zh zhurnal журнал журн вестник вісник bulletin review annals ann",
    "epub": "epub print",
}.items():
    for _w in _words.split():
        _CUES[_w] = _cue

_PUNCT_CLASS = {
    ".": "dot", ",": "comma", ";": "semi", ":": "colon", "(": "lpar", ")": "rpar",
    "[": "lbr", "]": "rbr", "//": "slash2", "/": "slash", "–": "dash", "—": "dash",
    "-": "hyph", "‐": "hyph", "−": "dash", "\"": "quote", "“": "quote", "”": "quote",
    "«": "quote", "»": "quote", "„": "quote", "'": "quote", "‘": "quote", "’": "quote",
    "&": "amp", "?": "q", "!": "q",
}


def _shape(text: str) -> str:
    out: list[str] = []
    for ch in text[:8]:
        if ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "X" if ch.isupper() else "x"
        else:
            c = ch
        if not out or out[-1] != c or c in "dX":
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=1 << 16)
def _cached_token(text: str) -> tuple[tuple[str, ...], str, str, tuple[tuple[str, ...], ...]]:
    """Token features memoised by text (words repeat across references), plus the
    features this token contributes to its neighbours at offsets -2, -1, +1, +2."""
    feats, word, cls = _token_features(text)
    as_neighbour = tuple((f"w{o}={word}", f"c{o}={cls}") for o in (-2, -1, 1, 2))
    return tuple(feats), word, cls, as_neighbour


def _token_features(text: str) -> tuple[list[str], str, str]:
    """Features of one token alone, its neighbour-visible word and its class."""
    lower = text.lower()
    punct = _PUNCT_CLASS.get(text)
    if punct is not None or not (text[0].isalnum()):
        cls = "p:" + (punct or "other")
        return ["p=" + (punct or text[:2])], cls, cls
    feats: list[str] = []
    shape = _shape(text)
    feats.append("sh=" + shape)
    if text.isdigit():
        n = len(text)
        feats.append("num" + str(min(n, 5)))
        if _YEAR_RE.match(text):
            feats.append("year")
            cls = "year"
        else:
            cls = "num"
        word = "#" + str(min(n, 5))
    else:
        word = lower if len(lower) <= 24 else lower[:24]
        feats.append("w=" + word)
        if len(lower) > 3:
            feats.append("p3=" + lower[:3])
            feats.append("s3=" + lower[-3:])
        if any(ch.isdigit() for ch in text):
            feats.append("alnum")
            cls = "alnum"
        elif text.isupper():
            cls = "init" if len(text) <= 3 else "caps"
        elif text[0].isupper():
            cls = "cap"
            if len(text) <= 3 and re.fullmatch(r"(?:[^\W\d_][a-zа-яёіїєґ]?){1,3}", text):
                feats.append("initlike")
        else:
            cls = "low"
        if _CYRILLIC_RE.search(text):
            feats.append("cyr")
        elif _LATIN_RE.search(text):
            feats.append("lat")
        if _ROMAN_RE.match(text):
            feats.append("roman")
        cue = _CUES.get(lower)
        if cue:
            feats.append("cue=" + cue)
        if text.lower().startswith(("http", "www", "ftp")):
            feats.append("url")
        elif lower.startswith(("10.", "doi:")) and "/" in text:
            feats.append("doi")
    feats.append("c=" + cls)
    return feats, word, cls


_POSITION = tuple(f"pos={k}" for k in range(11))
_DOTS = tuple(f"dots={k}" for k in range(5))
# What a missing neighbour (before the start, after the end) contributes at each offset.
_EDGE = tuple((f"w{o}=<none>",) for o in (-2, -1, 1, 2))


def sequence_features(tokens: list[Token]) -> list[list[str]]:
    """Features for every token of one reference."""
    n = len(tokens)
    singles = [_cached_token(t.text) for t in tokens]
    words = [s[1] for s in singles]
    classes = [s[2] for s in singles]
    # Neighbour strings, padded so that tokens near the edges need no bounds checks.
    neighbours = [_EDGE, _EDGE] + [s[3] for s in singles] + [_EDGE, _EDGE]
    glued_next = [not t.space_before for t in tokens[1:]] + [False]
    out: list[list[str]] = []
    seen_slash2 = seen_in = seen_year = False
    dots_before = 0
    for i, tok in enumerate(tokens):
        feats = [
            *singles[i][0],
            _POSITION[10 * i // n],
            *neighbours[i][0],
            *neighbours[i + 1][1],
            *neighbours[i + 3][2],
            *neighbours[i + 4][3],
            _DOTS[dots_before if dots_before < 4 else 4],
        ]
        if i == 0:
            feats.append("BOS")
        else:
            feats.append("bi=" + words[i - 1] + "|" + words[i])
        if i == n - 1:
            feats.append("EOS")
        if not tok.space_before:
            feats.append("glued")
        if glued_next[i]:
            feats.append("gluednext")
        if seen_slash2:
            feats.append("after//")
        if seen_in:
            feats.append("afterIn")
        if seen_year:
            feats.append("afterYear")
        out.append(feats)
        text = tok.text
        if text == "//":
            seen_slash2 = True
        elif text == "." and glued_next[i] is False and i + 1 < n:
            dots_before += 1
        elif classes[i] == "year":
            seen_year = True
        elif words[i] in ("in", "в", "у") and i + 1 < n and tokens[i + 1].text == ":":
            seen_in = True
    return out
