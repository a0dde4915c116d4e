"""Exact rules over the areas of a DSTU 8302 / GOST 7.1 reference.

A DSTU/GOST line is built of areas with fixed punctuation: the heading and title area
("Автор А. А. Назва : відомості / відповідальність ; інші // Джерело"), then ". – " before
each further area (edition "2-ге вид.", publication "Київ : Медицина, 2019", extent
"256 с." or "С. 45–50", volume "Т. 1", series "(…)", "URL: … (дата звернення: …)").
The short form of DSTU 8302 drops the dashes and keeps ". ".
The tagger finds the heading and title well but lets the title run on into what follows
" : " or " / "; these rules cut the areas by that punctuation and read what each area
holds: the genre ("навч. посіб.", "дис. … канд. мед. наук"), the act of a law ("наказ МОЗ
України від 24.03.2014 № 205"), a patent's data, editors and compilers after " / ",
edition, publisher and extent. They only fill or replace fields the structure decides.
"""

from __future__ import annotations

import re
from typing import Any

from cslkit.textparser.names import _PARTICLES as PARTICLES
from cslkit.textparser.names import split_names

_DASH = "[-–—]"
_SPACES = {0xA0: " ", 0x2007: " ", 0x2009: " ", 0x202F: " "}
# ". – " between areas (the full form of DSTU 8302 and GOST 7.1).
AREA_SEPARATOR_RE = re.compile(rf"(?<=[.\]])\s+{_DASH}\s+")
_UPPER = "A-ZА-ЯЁІЇЄҐ"
# A sentence break in the short form: ". " before a digit or a capital.
# The end of a short-form statement of responsibility: ". " after a word (not an initial)
# or after "et al." and its kin.
# A role or a language before the names ("ред. В. І. Ладика", "пер. з англ. О. Бойко") is
# no sentence end.
_ROLE_WORDS = ("ред", "уклад", "упоряд", "сост", "укл", "пер", "comp", "transl", "eds", "англ", "нім", "нем",
               "франц", "фр", "пол", "польск", "рос", "рус", "укр", "исп", "італ", "итал", "лат")
_NOT_AFTER_ROLE = "".join(rf"(?<!\b{word}\.)" for word in _ROLE_WORDS)
_STATEMENT_END_RE = re.compile(
    rf"(?:(?<=[^\W\d_]{{3}}\.){_NOT_AFTER_ROLE}|(?<=\])\.|(?<=\bін\.)|(?<=\bдр\.)|(?<=\bal\.))\s+(?=[\d{_UPPER}])"
)
_SHORT_BREAK_RE = re.compile(
    rf"(?<=[.\]])(?<!\bВид\.)(?<!\bИзд\.)(?<!\bТ\.)(?<!\bС\.)(?<!\bC\.)(?<!\bP\.)(?<!\bp\.)(?<!\bpp\.)"
    rf"(?<!\bВип\.)(?<!\bВып\.)(?<!\bNo\.)(?<!\bVol\.)(?<!\bКн\.)(?<!\bЧ\.)(?<!\bСт\.)(?<!\bПат\.)(?<!\bпат\.)"
    rf"\s+(?=[\d{_UPPER}№(\[])"
)
_RESPONSIBILITY_RE = re.compile(r"\s/(?=\s)")
# "//" before the host document; not the "//" of a URL.
_HOST_RE = re.compile(r"\s*(?<![:/])(?<!:\s)//(?!/)\s*")
_INFO_SPLIT_RE = re.compile(r"\s*:\s+")
_DATE_RE = r"\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}\s+[^\W\d_]{3,}\.?\s+\d{4}"

# What follows " : " after a title and is no part of it.
_THESIS_RE = re.compile(
    r"^(?:автореф(?:ерат)?\.?\s*)?дис(?:с|ертаці\w*|сертаци\w*)?\.?\s*(?:…|\.\.\.|\.)*\s*"
    r"(?:на\s+(?:здобуття|соискание)\s+\S+\s+\S+\s+)?(?:канд|д-ра|доктора|докт|PhD)",
    re.IGNORECASE,
)
_SPECIALTY_RE = re.compile(r"^\d{2}\.\d{2}\.\d{2}(?:\s*[,;]\s*\d{2}\.\d{2}\.\d{2})*\.?$")
# "спец. 14.01.01 «Акушерство та гінекологія»": the code, with the specialty's name after it
_NAMED_SPECIALTY_RE = re.compile(
    r"^(?:спец(?:іальність|иальность|\.)?\s*)?(\d{2}\.\d{2}\.\d{2})\s*(?:[«\"„“].*[»\"“”]|[-–—]\s*\w.*)\.?$",
    re.IGNORECASE,
)
_ACT_RE = re.compile(
    r"^(?:(?:затв|утв)\.\s+)?(?:закон\w*|наказ\w*|постанов\w*|указ\w*|розпорядж\w*|рішення|кодекс\w*|"
    r"приказ\w*|распоряж\w*|решение|конституці\w*|конституци\w*|федеральный закон|декрет\w*|"
    r"інструкці\w*|положення)\b",
    re.IGNORECASE,
)
_ACT_DATE_RE = re.compile(rf"\b(?:від|от)\s+({_DATE_RE})(?:\s*(?:р|г)\.)?", re.IGNORECASE)
_ACT_NUMBER_RE = re.compile(r"(?:№|No\.?|N)\s*([\dA-Za-zА-Яа-яІі/-]*\d[\dA-Za-zА-Яа-яІі/-]*)")
_PATENT_RE = re.compile(r"^(?:пат|pat)\.\s*(\S+)\s+([^\W\d_][^\d:,.;]*?)\s*$", re.IGNORECASE)
_OLD_PATENT_RE = re.compile(
    r"^\s*(?:пат(?:ент)?\.?|patent)\s*(?:№\s*)?(\d[\d\s]*\d|\d)\s+([^\W\d_][^,.:;]*?)\s*[,:]\s*(?:МПК|IPC|Int\.?\s*Cl\.?)?\s*"
    r"((?:[A-H]\d\d[A-Z]\s*\d+/\d+(?:\s*,\s*)?)+)?\.?\s*(.*)$",
    re.IGNORECASE,
)
_IPC_RE = re.compile(r"^(?:МПК|IPC)?\s*((?:[A-H]\d\d[A-Z]\s*\d+/\d+(?:\s*[,;]\s*)?)+)\.?$")
_VOLUMES_RE = re.compile(r"^(?:у|в|in)\s+(\d+)(?:-?[^\W\d_]{0,2})?\s*(?:т|кн|ч|вип|vols?)\.?$", re.IGNORECASE)
_TRANSLATION_RE = re.compile(r"^(?:пер\.|перевод|переклад|transl\.)\s+(?:з|с|from)\s+[^\W\d_]+\.?$", re.IGNORECASE)
_GENRE_RE = re.compile(
    r"^(?:навч(?:альний)?\.?(?:[-\s]*метод(?:ичний)?\.?)?\s*(?:посіб|пос\b)|посіб\w*|підр(?:учник)?\b|"
    r"учеб(?:ник|н)?\.?|учебн\w+|пособие|монограф\w+|конспект\s+лекц\w+|курс\s+лекц\w+|"
    r"довідн\w+|справочн\w+|словник|словарь|енциклопед\w+|энциклопед\w+|метод(?:ичн\w*)?\.?\s*"
    r"(?:рек|вказ|указ|розроб|пос)\w*|практикум|хрестоматі\w+|атлас|нац(?:іональне|иональное)?\.?\s*"
    r"(?:керівн|руковод)\w*|керівництво|руководство|наук\.?-(?:попул|практ)\w*|науково-популярне|"
    r"(?:зб|сб)\.\s*(?:наук|науч|ст)\w*|збірник|сборник|матеріали|материалы|тези|тезисы|"
    r"textbook|handbook|manual|monograph|guidelines?|lecture notes|a (?:text|hand)book)",
    re.IGNORECASE,
)
_STANDARD_RE = re.compile(r"^\s*((?:ДСТУ|ГОСТ|ГСТУ|СОУ|СТБ|ISO|IEC|EN)\b[^.]*?\d[\d:.-]*\d)\.\s+(.*)$")
_STATUS_WORDS_RE = re.compile(r"^(?:станом на|по состоянию на|as of)\b", re.IGNORECASE)
# A line worth reading by areas: " / ", " : ", ". – ", "пат.", "URL" (or "//", by _HOST_RE).
_GOST_CUE_RE = re.compile(r"\s[/:]\s|\.\s+[-–—]\s|\bпат\.|\bURL\b|,\s*\d{4}\.\s+\d+\s*(?:с|p|pp)\.$", re.IGNORECASE)

# Areas after the title.
_EDITION_RE = re.compile(
    r"^(?:(\d+)(?:-?(?:ге|тє|те|є|е|й|ое|oe|th|nd|rd|st|d))?\.?\s*(?:вид|изд|ed|edn|Aufl)\.?(.*)|"
    r"(?:Вид|Изд)\.\s*(?:\d|офіц|офиц|перероб|доп|испр).*|(?:Rev|Revised)\.?\s+ed\..*)$",
    re.IGNORECASE,
)
_PUBLICATION_RE = re.compile(
    r"^(?P<place>[^\W\d_][^:;,]*?(?:\s*;\s*[^\W\d_][^:;,]*?)*)\s*:\s*(?P<publisher>[^;]+?),\s*"
    r"(?P<year>(?:1[5-9]|20)\d\d)(?:\s*р\.)?\.?$"
)
_PLACE_YEAR_RE = re.compile(r"^(?P<place>[^\W\d_][^:;,\d]*?),\s*(?P<year>(?:1[5-9]|20)\d\d)(?:\s*р\.)?\.?$")
_EXTENT_RE = re.compile(r"^(\d+)(?:\s*,\s*\[?\d+\]?)?\s*(?:с|c|p|pp|стр|S|л|арк)\.?(?:\s*:\s*.*)?$")
_PAGES_RE = re.compile(r"^(?:С|C|P|Pp|pp?|S|Стр)\.\s*(\d+(?:\s*[-–—]\s*\d+)?)\.?$")
_VOLUME_RE = re.compile(r"^(?:Т|Том|Vol|Кн|Ч|Part|Bd)\.?\s*(\d+\w*)(?:\s*,\s*(?:№|No\.?|Вип\.|Вып\.|Iss\.)\s*(\S+?))?\.?$")
_ISSUE_AREA_RE = re.compile(r"^(?:№|No\.?|Вип\.|Вып\.|Iss\.|Issue)\s*(\S+(?:\s*\(\d+\))?)$")
_SECTION_RE = re.compile(r"^Ст\.\s*(\d+\w*)\.?$")
_SERIES_RE = re.compile(r"^\((.+)\)\.?$")
_SERIES_NUMBER_RE = re.compile(r"[;,.]\s*(?:кн|вип|вып|т|vol|no|№)\.?\s*(\d+)\s*$", re.IGNORECASE)
_URL_AREA_RE = re.compile(r"^(?:URL|Режим доступу|Режим доступа|Available(?: from| at)?)\s*:", re.IGNORECASE)
ACCESS_DATE_RE = re.compile(
    r"\(\s*(?:дата звернення|дата обращения|дата доступу|date of access|accessed|viewed)\s*:?\s*([^)]+)\)",
    re.IGNORECASE,
)

# Responsibility after " / ": the role word before the names.
_ROLE_RES = (
    ("editorial-director", re.compile(r"^(?:за\s+заг\.\s*ред\.|під\s+заг\.\s*ред\.|под\s+общ\.\s*ред\.|gen\.\s*ed\.)\s*", re.IGNORECASE), True),
    ("editor", re.compile(
        r"^(?:(?:пер\.|перевод|переклад)\s+(?:з|с)\s+[^\W\d_]+\.?\s*(?:;\s*)?)?"
        r"(?:за\s+ред\.|під\s+ред\.|под\s+ред\.|за\s+редакцією|под\s+редакцией)\s*", re.IGNORECASE), True),
    ("editor", re.compile(r"^(?:ed\.\s*by|edited\s+by|eds?\.|ред\.|редкол\.\s*:?|відп\.\s*ред\.|отв\.\s*ред\.)\s*", re.IGNORECASE), False),
    ("compiler", re.compile(r"^(?:уклад\.|упоряд\.|сост\.|укл\.|comp\.|compiled\s+by)\s*:?\s*", re.IGNORECASE), False),
    ("translator", re.compile(r"^(?:пер\.\s+(?:з|с)\s+[^\W\d_]+\.?|transl\.\s*by|translated\s+by)\s*:?\s*(?=[^\W\d_])", re.IGNORECASE), False),
    ("translator", re.compile(rf"^(?:пер\.|перевод|переклад)\s+(?=[{_UPPER}]\.)"), True),
)
# Parts of a statement: after ";", or a role word after a name's period ("Фихте. ed. by …").
_STATEMENT_PART_RE = re.compile(
    r"\s*;\s*|(?<=[^\W\d_]{3}\.)\s+(?=ed\.|eds\.|edited|под\s|під\s|за\s|пер\.|уклад|упоряд|сост|transl|comp)"
)
_TRANSLATION_ONLY_RE = re.compile(r"^(?:пер\.|перевод|переклад)\s+(?:з|с)\s+[^\W\d_]+\.?$", re.IGNORECASE)
_PERSON_RE = re.compile(rf"^(?:[{_UPPER}][a-zа-яёіїєґ]?\.\s*(?:-\s*)?){{1,3}}[{_UPPER}]|^[{_UPPER}][\w'’-]+\s+(?:[{_UPPER}][a-zа-яёіїєґ]?\.\s*){{1,3}}")
_HEADING_RE = re.compile(
    rf"^\s*(?:[{_UPPER}][\w'’-]+(?:\s+[{_UPPER}][\w'’-]+)?,?\s+(?:[{_UPPER}][a-zа-яёіїєґ]?\.\s*(?:-\s*)?){{1,3}}"
    r"(?:,\s*|\s+(?:и|та|і|and|&)\s+)?)+"
)
_SURNAME_IN_GIVEN_RE = re.compile(rf"^[{_UPPER}][a-zа-яёіїєґ'’-]{{2,}}\s+(?:[{_UPPER}][a-zа-яёіїєґ]?\.\s*){{1,3}}$")
# What the tagger may give the authors of the title: its first word ("Ovarian").
_TITLE_WORD_RE = re.compile(rf"[{_UPPER}][a-zа-яёіїєґ'’-]{{2,}}\s+")
_CYRILLIC_RE = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)


def nominative_surname(name: str) -> str:
    """A surname after "за ред." / "под ред." stands in the genitive ("Родионова",
    "Савельевой", "Сольського", "Грищенка"): its nominative by the regular endings."""
    if not _CYRILLIC_RE.search(name) or len(name) < 4:
        return name
    for ending, nominative in (("ської", "ська"), ("цької", "цька"), ("ской", "ская"), ("цкой", "цкая"),
                               ("ого", "ий"), ("ього", "ій"), ("ой", "а"), ("ої", "а"),
                               ("енка", "енко"), ("єнка", "єнко")):
        if name.endswith(ending):
            return name[: -len(ending)] + nominative
    if re.search(r"[бвгджзклмнпрстфхцчшщ]а$", name):
        return name[:-1]
    if re.search(r"[бвгджзклмнпрстфхцчшщ][иы]$", name) and not name.endswith(("их", "ых")):
        return name[:-1] + "а"
    return name


def _names(span: str, genitive: bool) -> tuple[list[dict[str, str]], bool]:
    names, et_al = _split_persons(span)
    if genitive:
        names = [{**n, "family": nominative_surname(n["family"])} if "family" in n else n for n in names]
    return names, et_al


_STATEMENT_KEYS = ("editor", "editorial-director", "compiler", "translator", "names")
# A thesis names its university after " / ".
_THESIS_WORD_RE = re.compile(r"\bдис(?:с|ертац\w*)?\.|\bthesis\b", re.IGNORECASE)


def _is_statement(statement: str, before: str) -> bool:
    """Whether what follows " / " names people by role, persons, or a thesis's university."""
    if not statement:
        return False
    roles = read_responsibility(statement)
    return any(roles.get(k) for k in _STATEMENT_KEYS) or bool(roles.get("bodies") and _THESIS_WORD_RE.search(before))


def read_responsibility(statement: str) -> dict[str, Any]:
    """The roles of a statement of responsibility ("М. Федоряк та ін. ; за ред. В. Іванова")."""
    found: dict[str, Any] = {}
    for part in _STATEMENT_PART_RE.split(statement.strip(" .")):
        if not part or _TRANSLATION_ONLY_RE.match(part):
            continue
        for role, regex, genitive in _ROLE_RES:
            match = regex.match(part)
            if match:
                names, _ = _names(part[match.end():], genitive)
                if names:
                    found.setdefault(role, []).extend(names)
                break
        else:
            if _PERSON_RE.match(part):
                names, et_al = _split_persons(part)
                if names:
                    found.setdefault("names", []).extend(names)
                    found["et-al"] = found.get("et-al", False) or et_al
            else:
                found.setdefault("bodies", []).append(part.strip(" ."))
    return found


def _split_persons(span: str) -> tuple[list[dict[str, str]], bool]:
    """The persons named in ``span`` ("[et al.]" leaves its brackets to no name)."""
    names, et_al = split_names(re.sub(r"\[\s*(?:et al|и др|та ін|і ін)\.?\s*\]", " et al.", span))
    return [n for n in names if _is_person(n)], et_al


def _is_person(name: dict[str, str]) -> bool:
    """A surname with initials or given names, not a place or a run of words that
    followed the names ("Федоряк Чернівці", "Київ: Книга-плюс", "Воробьев : дис. …")."""
    words, given = name.get("family", "").split(), name.get("given", "")
    return (bool(given) and not re.search(r"\d", given) and 0 < len(words) <= 3
            and all(re.fullmatch(r"[^\W\d_][\w'’-]*", w) for w in words)
            and all(w.lower() in PARTICLES for w in words[:-1]))


def _parse_date_text(value: str) -> dict[str, Any] | None:
    from cslkit.textparser.assemble import parse_date

    return parse_date(value)


def _areas(text: str, start: int) -> tuple[str, list[str]]:
    """The head (heading, title, responsibility, host) and the further areas, from ``start``."""
    rest = text[start:].strip()
    full = AREA_SEPARATOR_RE.split(rest)
    if len(full) > 1:
        return full[0], [a.strip() for a in full[1:]]
    # Short form: the head runs up to the first piece that reads as an area of its own.
    pieces = _SHORT_BREAK_RE.split(rest)
    for k in range(1, len(pieces)):
        if _area_kind(pieces[k]) or _URL_AREA_RE.match(pieces[k]):
            return " ".join(pieces[:k]), pieces[k:]
    return rest, []


def _area_kind(area: str) -> str | None:
    area = area.strip().rstrip(".") + "."
    for kind, regex in (("edition", _EDITION_RE), ("publication", _PUBLICATION_RE), ("place", _PLACE_YEAR_RE),
                        ("extent", _EXTENT_RE), ("pages", _PAGES_RE), ("volume", _VOLUME_RE)):
        if regex.match(area.strip()) or regex.match(area.strip()[:-1]):
            return kind
    return None


def _info_kind(segment: str) -> str | None:
    segment = segment.strip()
    if _THESIS_RE.match(segment):
        return "thesis"
    if _ACT_RE.match(segment) and (_ACT_DATE_RE.search(segment) or _ACT_NUMBER_RE.search(segment)):
        return "act"
    if _PATENT_RE.match(segment):
        return "patent"
    if _VOLUMES_RE.match(segment):
        return "volumes"
    if _TRANSLATION_RE.match(segment):
        return "translation"
    if _GENRE_RE.match(segment):
        return "genre"
    return None


def _title_start(text: str, item: dict[str, Any]) -> tuple[int, list[dict[str, str]]]:
    """Where the title begins, and the heading's authors when the tagger ended them early
    or late ("Jones A. B. Ovarian" + "reserve testing")."""
    ends = [m.start() for m in (AREA_SEPARATOR_RE.search(text), _HOST_RE.search(text), _RESPONSIBILITY_RE.search(text)) if m]
    limit = min(ends) if ends else len(text)
    heading = _HEADING_RE.match(text)
    for field in ("title", "container-title"):
        value = item.get(field)
        at = text.find(value[: min(len(value), 25)]) if value else -1
        if 0 <= at < limit and (field == "title" or not heading or at <= heading.end()):
            # The tagger ran the authors on into the title ("Іванова О. В. Патогенез") or
            # stopped them short of it: the heading's names are the authors.
            between = text[heading.end() : at] if heading else ""
            if heading and item.get("author") and (not between or _TITLE_WORD_RE.fullmatch(between)):
                names, _ = split_names(heading.group())
                if names:
                    return heading.end(), names
            return at, []
    if heading and item.get("author"):
        names, _ = split_names(heading.group())
        # "Іванова О. В. Патогенез" read as one name (given "Іванова О. В."): the tagger
        # took the title for a surname; the heading holds the real names
        misread = any(_SURNAME_IN_GIVEN_RE.match(str(a.get("given", ""))) for a in item["author"])
        return heading.end(), names if misread and names else []
    return len(text) - len(text.lstrip(" \t0123456789.[]()")), []


def _cut_genre(segment: str) -> tuple[str, list[str]]:
    """A genre run on into the next short-form area ("навч. посіб. 2-ге вид.")."""
    pieces = _SHORT_BREAK_RE.split(segment)
    return pieces[0], pieces[1:]


def refine(text: str, item: dict[str, Any], confidence: dict[str, float], custom: dict[str, Any]) -> str | None:
    """Fill and correct ``item`` by the areas of a DSTU/GOST line; the CSL type when the
    areas decide it (thesis, legislation, patent, standard, webpage), else None."""
    # No-break and thin spaces stand where the standard prints a space.
    text = text.translate(_SPACES)
    if not (_GOST_CUE_RE.search(text) or _HOST_RE.search(text)):
        return None
    fields: dict[str, Any] = {}
    kind: str | None = None
    start, heading_authors = _title_start(text, item)
    if heading_authors:
        fields["author"] = heading_authors
    elif item.get("author") and not _HEADING_RE.match(text) and not text[:start].strip(" \t0123456789.[]()"):
        # The line opens with its title: a work without heading authors. Names the tagger
        # took for authors are the statement's ("Назва / ред. В. Я. Родионов"); the
        # statement gives them back when it names authors without a role.
        fields["author"] = None
    if standard := _STANDARD_RE.match(text):
        kind, start = "standard", standard.start(2)
        fields["number"] = standard.group(1)
    elif old_patent := _OLD_PATENT_RE.match(text):
        kind, start = "patent", old_patent.start(4)
        fields["number"] = re.sub(r"\s+", "", old_patent.group(1))
        fields["jurisdiction"] = old_patent.group(2).strip()
        if old_patent.group(3):
            fields["genre"] = old_patent.group(3).strip(" ,")
    full_form = bool(AREA_SEPARATOR_RE.search(text))
    head, areas = _areas(text, start)
    own, host = _split_host(head)
    container = item.get("container-title") or ""
    if host and not full_form and container:
        # Short form: where the host's name ends is the tagger's call ("Сер. Навигация").
        host = container
    elif not host and not full_form and container and item.get("title") and _starts_host(own, own.find(container[:25])):
        # Short form "Розділ. Книга : підручник / за ред. …": what follows the container's
        # start describes the container.
        at = own.find(container[:25])
        own, host = own[:at].strip(), own[at:]
        if not _is_statement(host.partition(" / ")[2], host):
            host = container
    if re.match(r"[\d(]", host):
        host = ""  # "// 2009. PMID …": no host document named
    title_info, _, statement = own.partition(" / ")
    if statement and not _is_statement(statement, title_info):
        # "(July / August 1992)", "[PMID … / PMCID …]": a slash that heads no statement;
        # names followed by more than names still end the title.
        title_info, statement = (title_info, "") if _PERSON_RE.match(statement) else (own, "")
    if statement and not full_form:
        # Short form: the names end at the first sentence that is not an initial.
        statement = _STATEMENT_END_RE.split(statement, maxsplit=1)[0]
    title, info = title_info, []
    for colon in _INFO_SPLIT_RE.finditer(title_info):
        if _info_kind(_INFO_SPLIT_RE.split(title_info[colon.end():], maxsplit=1)[0]):
            title, info = title_info[: colon.start()], _INFO_SPLIT_RE.split(title_info[colon.end():])
            break
    title = title.strip(" .,;:")
    if kind == "standard" and (status := re.search(r"\.?\s*\[([^\]]+)\]\s*$", title)):
        fields["status"] = status.group(1)
        title = title[: status.start()].strip(" .")
    kind = _read_title_info(info, fields, kind, areas)
    tagged = item.get("title") or ""
    # A bracketed translation after the title went to custom already.
    if tagged and title.startswith(tagged) and re.fullmatch(r"\s*\[[^\]]*\]\.?", title[len(tagged):]):
        title = tagged
    if title and (info or statement or host or kind or full_form and areas or not tagged and heading_authors):
        fields["title"] = title
    if statement:
        _read_statement(statement, item, fields, kind, own_part=True)
    if host:
        host_title, _, host_statement = host.partition(" / ")
        if host_statement and not full_form:
            host_statement = _STATEMENT_END_RE.split(host_statement, maxsplit=1)[0]
        # "Hum Reprod - 2001": an area separator without its period.
        host_title = re.split(r"(?:\s+[-–—]|\.)\s+(?=(?:1[5-9]|20)\d\d(?:\.|$|\s*[-–—]))", host_title)[0]
        fields["container-title"] = host_title.strip(" .,;")
        if host_statement:
            _read_statement(host_statement, item, fields, kind, own_part=False)
    elif item.get("container-title") and fields.get("title") and item["container-title"] in title_info:
        # No "//": what the tagger called the container is part of the title area.
        fields["container-title"] = None
    for area in areas:
        _read_area(area.strip(), fields, text, item)
    if kind == "patent":
        _read_patent_details(text, fields)
    if areas and full_form:
        # The full form prints an edition only in its own area, a genre only after the
        # title's " : " and editors only after " / ": the tagger's others are misreadings.
        for field in ("edition", "genre", "editor"):
            fields.setdefault(field, None)
    if kind == "legislation":
        # An act's "від 24.03.2014 № 205" reads to the tagger as volume and issue.
        for field in ("volume", "issue", "page") if host else ("volume", "issue", "page", "container-title"):
            fields.setdefault(field, None)
    _drop_place_echoes(item, fields)
    if kind is None and not host and any(_URL_AREA_RE.match(a) for a in areas) and not any(
            fields.get(f, item.get(f)) for f in ("publisher-place", "number-of-pages", "page", "container-title")):
        kind = "webpage"
    if kind == "standard":
        fields.setdefault("genre", None)
    accessed = ACCESS_DATE_RE.search(text)
    if accessed and (date := _parse_date_text(accessed.group(1))):
        fields["accessed"] = date
    if fields.pop("et-al", False):
        custom["et-al"] = True
    _apply(item, fields, confidence)
    return kind


def _read_title_info(info: list[str], fields: dict[str, Any], kind: str | None, areas: list[str]) -> str | None:
    """The " : " segments after the title: genre, thesis, act, patent, volumes; a short-form
    segment runs on into the areas after it, which join ``areas``."""
    rest: list[str] = []
    for segment in (s.strip() for s in info):
        what = _info_kind(segment)
        piece, rest = _cut_genre(segment)
        if what == "genre":
            fields["genre"] = _drop_final_period(piece)
        elif what == "thesis":
            kind, fields["genre"] = "thesis", piece.strip(" ,")
        elif what == "act":
            kind, rest = "legislation", []
            _read_act(segment, fields)
        elif what == "patent" and (patent := _PATENT_RE.match(segment)):
            kind = "patent"
            fields["number"], fields["jurisdiction"] = patent.group(1), patent.group(2).strip()
        elif what == "volumes" and (volumes := _VOLUMES_RE.match(segment)):
            fields["number-of-volumes"] = volumes.group(1)
        elif kind == "thesis" and _SPECIALTY_RE.match(piece):
            fields["number"] = piece.strip(" .")
        elif kind == "thesis" and (specialty := _NAMED_SPECIALTY_RE.match(segment)):
            fields["number"], rest = specialty.group(1), []
        elif kind == "patent" and (ipc := _IPC_RE.match(piece)):
            fields["genre"] = ipc.group(1).strip(" ,;")
        elif kind == "legislation" and _STATUS_WORDS_RE.match(segment):
            fields["status"], rest = segment, []
        if what != "translation":
            areas[:0] = rest
    return kind


def _drop_final_period(value: str) -> str:
    """"монографія." → "монографія"; an abbreviation keeps its period ("навч. посіб.")."""
    value = value.strip(" ,")
    last = re.findall(r"[^\W\d_]+", value)[-1:] or [""]
    return value if len(last[0]) <= 5 and value.endswith(".") else value.rstrip(".")


def _starts_host(own: str, at: int) -> bool:
    """Whether a container found at ``at`` opens a sentence after the title ("Розділ.
    Книга"), not the tail of an act's number ("Закон України … р. № 1556-VII : …")."""
    return at > 0 and own[:at].rstrip().endswith(".") and own[at:at + 1].isupper()


def _split_host(head: str) -> tuple[str, str]:
    """The own part of the head and the host document after "//"."""
    parts = _HOST_RE.split(head, maxsplit=1)
    return parts[0].strip(), parts[1].strip() if len(parts) == 2 else ""


def _read_act(segment: str, fields: dict[str, Any]) -> None:
    """"наказ МОЗ України від 24.03.2014 № 205", "Постанова Каб. Міністрів України № 55 від 27.01.2010 р."."""
    segment = re.split(r"\.\s+(?=URL|Режим)", segment)[0].strip(" .")
    date = _ACT_DATE_RE.search(segment)
    number = _ACT_NUMBER_RE.search(segment)
    cuts = [m.start() for m in (date, number) if m]
    fields["genre"] = segment[: min(cuts)].strip(" ,.") if cuts else segment
    if date and (parsed := _parse_date_text(date.group(1))):
        fields["issued"] = parsed
    if number:
        fields["number"] = number.group(1)


def _read_statement(statement: str, item: dict[str, Any], fields: dict[str, Any], kind: str | None,
                    own_part: bool) -> None:
    """Roles after " / "; names without a role repeat the authors (own part, where GOST
    prints them in full: the longer list wins) or are the host's authors."""
    roles = read_responsibility(statement)
    for role in ("editor", "editorial-director", "compiler", "translator"):
        if role in roles:
            fields[role] = fields.get(role, []) + roles[role]
    names = roles.get("names", [])
    authors = fields.get("author") or item.get("author") or []
    first = authors[0].get("family") or authors[0].get("literal") or "" if authors else ""
    same_people = not authors or names and names[0].get("family", "-") in first
    misread = any(not _is_person(a) for a in authors)
    if names and own_part and same_people and (len(names) > len(authors) or misread):
        fields["author"] = names
        if roles.get("et-al"):
            fields["et-al"] = True
    elif names and not own_part:
        fields["container-author"] = names
    # A thesis names its university here, and repeats its author's full name.
    families = {a.get("family") for a in authors}
    bodies = [b for b in roles.get("bodies", []) if b.split()[0] not in families]
    if bodies and kind == "thesis":
        fields["publisher"] = "; ".join(bodies)


def _read_area(area: str, fields: dict[str, Any], text: str, item: dict[str, Any]) -> None:
    plain = area.strip().rstrip(".").strip()
    if not plain:
        return
    if edition := _EDITION_RE.match(plain + ".") or _EDITION_RE.match(plain):
        number, rest = edition.group(1), (edition.group(2) or "").strip(" .")
        fields["edition"] = number if number and not rest else area.strip()
        return
    if publication := _PUBLICATION_RE.match(plain):
        fields["publisher-place"] = publication.group("place").strip()
        fields["publisher"] = publication.group("publisher").strip()
        fields.setdefault("issued", {"date-parts": [[int(publication.group("year"))]]})
        return
    if place := _PLACE_YEAR_RE.match(plain):
        no_extent = not re.search(r"\.\s*(?:[-–—]\s*)?\d+\s*(?:с|p|pp|стр)\.", text) and not re.search(r"\b(?:С|P|pp?)\.\s*\d", text)
        if no_extent and re.search(r"\bURL\b|https?://", text):
            fields["publisher"] = place.group("place").strip()
        else:
            fields["publisher-place"] = place.group("place").strip()
            fields.setdefault("publisher", None)
        fields.setdefault("issued", {"date-parts": [[int(place.group("year"))]]})
        return
    if extent := _EXTENT_RE.match(plain):
        fields["number-of-pages"] = extent.group(1)
        fields.setdefault("page", None)
        return
    if pages := _PAGES_RE.match(plain):
        # The printed range is kept, as for every other line.
        fields["page"] = pages.group(1)
        return
    if volume := _VOLUME_RE.match(plain):
        fields["volume"] = volume.group(1)
        if volume.group(2):
            fields["issue"] = volume.group(2)
        return
    if issue := _ISSUE_AREA_RE.match(plain):
        # A book's "Вип. 4" numbers it in its series; a journal's is the issue.
        in_host = fields.get("container-title", item.get("container-title"))
        fields["issue" if in_host else "collection-number"] = issue.group(1)
        return
    if section := _SECTION_RE.match(plain):
        fields["section"] = section.group(1)
        return
    if (series := _SERIES_RE.match(plain)) and "collection-title" not in item:
        body = series.group(1)
        number = _SERIES_NUMBER_RE.search(body)
        if number:
            fields["collection-number"] = number.group(1)
            body = body[: number.start()]
        fields["collection-title"] = re.split(r"\s*/\s*|(?<=\S)/", body, maxsplit=1)[0].strip(" .;,")


def _read_patent_details(text: str, fields: dict[str, Any]) -> None:
    """"№ u 2017 11766 ; заявл. 01.12.2017 ; опубл. 12.02.2018, Бюл. № 3"."""
    application = re.search(r"(?<![Бб]юл\.\s)№\s*([a-zа-яі]?\s*\d{4}\s*\d+)\s*;", text, re.IGNORECASE)
    if application:
        fields["call-number"] = re.sub(r"\s+", " ", application.group(1)).strip()
    for field, word in (("submitted", r"заявл"), ("issued", r"опубл")):
        match = re.search(rf"\b{word}\.\s*({_DATE_RE})", text, re.IGNORECASE)
        if match and (date := _parse_date_text(match.group(1))):
            fields[field] = date
    bulletin = re.search(r"\bБюл\.\s*№\s*(\d+)", text)
    if bulletin:
        fields["issue"] = bulletin.group(1)
    fields.setdefault("page", None)
    fields.setdefault("volume", None)
    fields.setdefault("container-title", None)


def _drop_place_echoes(item: dict[str, Any], fields: dict[str, Any]) -> None:
    """The tagger's container or page that is only the publication or extent area read
    again ("Чернівці : Букрек" as a container, "113" of "113 с." as a page)."""
    printed = {_fold(fields.get("publisher-place")), _fold(fields.get("publisher")),
               _fold(f"{fields.get('publisher-place')}{fields.get('publisher')}")} - {""}
    if "container-title" not in fields and _fold(item.get("container-title")) in printed:
        fields["container-title"] = None
    if fields.get("number-of-pages") and "page" not in fields and _fold(item.get("page")) == fields["number-of-pages"]:
        fields["page"] = None


def _fold(value: object) -> str:
    return re.sub(r"[\W_]+", "", str(value or "").lower()) if value else ""


def _apply(item: dict[str, Any], fields: dict[str, Any], confidence: dict[str, float]) -> None:
    for field, value in fields.items():
        if value is None:
            item.pop(field, None)
            confidence.pop(field, None)
        elif value != "" and value != []:
            item[field] = value
            confidence[field] = max(confidence.get(field, 0.0), 0.95)
