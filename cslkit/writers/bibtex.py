"""BibTeX writer (biblatex-friendly): the inverse of :mod:`cslkit.readers.bibtex`.

Keys come from item ids (sanitised, made unique); the characters LaTeX treats specially
are escaped and every other character stays UTF-8 (biber and modern BibTeX read it);
names are written ``Family, Given`` joined by `` and ``, literal names in braces. Fields
the reader kept in ``custom["bibtex-fields"]`` are written back as they were, and CSL
variables BibTeX has no field for are written under their CSL name, which the reader
maps back, so BibTeX -> CSL-JSON -> BibTeX keeps the data.
"""

from __future__ import annotations

import re
from typing import Any

from cslkit.latex import title_to_latex, to_latex
from cslkit.readers import _bibtex_map as bm

# CSL variable -> field, for variables with one field whatever the entry type.
_FIELD_FOR: dict[str, str] = {
    "title-short": "shorttitle",
    "container-title-short": "shortjournal",
    "collection-title": "series",
    "volume": "volume",
    "number-of-volumes": "volumes",
    "page": "pages",
    "number-of-pages": "pagetotal",
    "edition": "edition",
    "chapter-number": "chapter",
    "publisher-place": "address",
    "event-title": "eventtitle",
    "event-place": "venue",
    "version": "version",
    "genre": "type",
    "medium": "howpublished",
    "volume-title": "issuetitle",
    "DOI": "doi",
    "URL": "url",
    "ISBN": "isbn",
    "ISSN": "issn",
    "PMID": "pmid",
    "PMCID": "pmcid",
    "keyword": "keywords",
    "note": "note",
    "abstract": "abstract",
    "annote": "annote",
}
# The order fields are written in (others follow in the order they came).
_FIELD_ORDER = {
    field: index
    for index, field in enumerate(
        (
            "author",
            "editor",
            "translator",
            "bookauthor",
            "title",
            "shorttitle",
            "journal",
            "booktitle",
            "shortjournal",
            "entrysubtype",
            "eventtitle",
            "venue",
            "eventdate",
            "series",
            "edition",
            "volume",
            "volumes",
            "number",
            "issue",
            "eid",
            "pages",
            "pagetotal",
            "chapter",
            "type",
            "school",
            "institution",
            "publisher",
            "address",
            "date",
            "year",
            "month",
            "doi",
            "url",
            "urldate",
            "isbn",
            "issn",
            "pmid",
            "pmcid",
            "langid",
            "language",
            "keywords",
            "abstract",
            "note",
        )
    )
}
_DATE_FIELD_FOR = {"accessed": "urldate", "original-date": "origdate", "event-date": "eventdate"}
_NAME_FIELD_FOR = {variable: field for field, variable in bm.NAME_FIELDS.items()}
_KEY_FORBIDDEN = re.compile(r"[\s,{}()\"#%'=\\~]+")
_VERBATIM = frozenset({"DOI", "URL"})
_PHD = re.compile(r"ph\.?\s*d|doct|dissert|дис|докт|канд", re.I)
_MASTERS = re.compile(r"master|магіст|магист", re.I)


def entry_type_for(item: dict[str, Any], csl_type: str | None = None) -> str:
    """The BibTeX entry type for an item (ignoring any type the reader kept)."""
    kind = csl_type or str(item.get("type", ""))
    if kind == "thesis":
        genre = str(item.get("genre", ""))
        if _PHD.search(genre):
            return "phdthesis"
        if _MASTERS.search(genre):
            return "mastersthesis"
        return "thesis"
    if kind == "chapter":
        return "incollection" if item.get("container-title") else "inbook"
    return bm.CSL_TO_ENTRY_TYPE.get(kind, "misc")


def _entry_type(item: dict[str, Any]) -> str:
    kept = (item.get("custom") or {}).get("bibtex-type")
    kind = item.get("type")
    if isinstance(kept, str) and kept:
        # Only when it still describes the item (the type may have been edited since).
        mapped = bm.ENTRY_TYPE_TO_CSL.get(kept)
        if mapped == kind or (mapped is None and kind in ("document", "webpage")):
            return kept
        if kept == "article" and kind in bm.ARTICLE_SUBTYPES.values():
            return kept
    return entry_type_for(item)


def _type_read_back(entry_type: str, item: dict[str, Any]) -> str:
    """The CSL type the reader gives this entry type (without an entrysubtype)."""
    from cslkit.readers.bibtex import csl_type_of

    return csl_type_of(entry_type, {"url": str(item.get("URL") or "")})


def _text(value: Any) -> str:
    return to_latex(str(value))


def format_name(name: dict[str, Any]) -> str:
    """A CSL name as BibTeX: ``von Family, Jr, Given``, literal names in braces."""
    if name.get("literal"):
        return "{" + _text(name["literal"]) + "}"
    family = str(name.get("family", "")).strip()
    given = " ".join(
        str(part).strip() for part in (name.get("given"), name.get("dropping-particle")) if part
    )
    if family and (
        re.search(r"\band\b|,", family, re.I)
        or (family[:1].islower() and not name.get("non-dropping-particle"))
    ):
        family_tex = "{" + _text(family) + "}"  # keep BibTeX from splitting or lowering it
    else:
        family_tex = _text(family)
    particle = str(name.get("non-dropping-particle", "")).strip()
    if particle:
        family_tex = f"{_text(particle)} {family_tex}"
    parts = [family_tex or "{}"]
    if name.get("suffix"):
        parts.append(_name_part(str(name["suffix"])))
    if given:
        parts.append(_name_part(given))
    elif name.get("suffix"):
        parts.append("")
    if len(parts) == 1 and not particle and " " in family:
        return "{" + _text(family) + "}"
    return ", ".join(parts)


def _name_part(text: str) -> str:
    """A given name or suffix; braced when BibTeX would read a word "and" in it as the
    start of another name, or a comma as the end of this part ("Family, {AND}")."""
    if re.search(r"\band\b|,", text, re.I):
        return "{" + _text(text) + "}"
    return _text(text)


def format_names(names: Any, et_al: bool = False) -> str:
    formatted = [format_name(n) for n in names if isinstance(n, dict)]
    if et_al:
        formatted.append("others")
    return " and ".join(formatted)


def _iso(parts: list[Any]) -> str:
    numbers = [int(p) for p in parts if str(p).lstrip("-").isdigit()]
    if not numbers:
        return ""
    text = f"{numbers[0]:04d}" if numbers[0] >= 0 else str(numbers[0])
    return text + "".join(f"-{n:02d}" for n in numbers[1:3])


def format_date(date: Any) -> str | None:
    """A CSL date as a biblatex ``date`` value (ISO 8601, ranges with ``/``)."""
    if not isinstance(date, dict):
        return str(date) if date else None
    parts = date.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        text = "/".join(filter(None, (_iso(p) for p in parts[:2] if isinstance(p, list))))
        if text:
            return text + ("~" if date.get("circa") else "")
    for key in ("literal", "raw"):
        if date.get(key):
            return str(date[key])
    return None


def _issued_fields(date: Any) -> list[tuple[str, str, bool]]:
    """year (+ month macro) for classic BibTeX, and date when they cannot say it all."""
    if not isinstance(date, dict):
        return [("year", _text(date), True)] if date else []
    parts = date.get("date-parts")
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]):
        text = date.get("literal") or date.get("raw")
        if date.get("raw") and not date.get("literal"):
            from cslkit.readers.bibtex import parse_date

            parsed = parse_date(str(date["raw"]))  # citeproc-js "raw" dates, often ISO
            if "date-parts" in parsed:
                return _issued_fields(parsed)
        return [("year", _text(text), True)] if text else []
    first = parts[0]
    fields: list[tuple[str, str, bool]] = []
    if len(parts) > 1 or len(first) > 2 or date.get("circa"):
        iso = format_date(date)
        if iso:
            fields.append(("date", iso, True))
    fields.append(("year", str(first[0]), True))
    if len(first) > 1 and str(first[1]).isdigit() and 1 <= int(first[1]) <= 12:
        fields.append(("month", bm.MONTH_MACROS[int(first[1]) - 1], False))
    return fields


def make_key(item: dict[str, Any], taken: set[str]) -> str:
    """A BibTeX key from the item id (or author+year), unique among ``taken``."""
    raw = str(item.get("id") or "").strip()
    key = _KEY_FORBIDDEN.sub("_", raw).strip("_")
    if not key:
        author = (item.get("author") or [{}])[0]
        family = author.get("family") or author.get("literal") or "ref"
        year = ""
        issued = item.get("issued")
        if isinstance(issued, dict) and issued.get("date-parts"):
            year = str(issued["date-parts"][0][0])
        key = _KEY_FORBIDDEN.sub("", family.split()[0] if family.split() else "ref").lower() + year
        key = key or "ref"
    candidate, counter = key, 2
    while candidate in taken:
        candidate = f"{key}-{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


def _fields(item: dict[str, Any], entry_type: str) -> list[tuple[str, str, bool]]:
    """(field, value as LaTeX, braced?) in a conventional order."""
    custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
    kind = str(item.get("type", ""))
    out: list[tuple[str, str, bool]] = []
    done: set[str] = {"id", "type", "custom"}

    for variable, field in _NAME_FIELD_FOR.items():
        names = item.get(variable)
        et_al = bool(custom.get("et-al" if variable == "author" else f"et-al-{variable}"))
        if isinstance(names, list) and (names or et_al):
            out.append((field, format_names(names, et_al), True))
        done.add(variable)
    for variable in sorted(bm.CSL_NAME_VARIABLES - set(_NAME_FIELD_FOR)):
        if isinstance(item.get(variable), list):
            out.append((variable, format_names(item[variable]), True))
        done.add(variable)

    if item.get("title"):
        out.append(("title", title_to_latex(str(item["title"])), True))
    done.add("title")
    if item.get("container-title"):
        field = "journal" if kind.startswith("article") or entry_type == "article" else "booktitle"
        out.append((field, _text(item["container-title"]), True))
    done.add("container-title")
    if kind in bm.ARTICLE_SUBTYPES.values():
        subtype = next(k for k, v in bm.ARTICLE_SUBTYPES.items() if v == kind)
        out.append(("entrysubtype", subtype, True))
    elif kind in bm.CSL_TYPES and _type_read_back(entry_type, item) != kind:
        out.append(("entrysubtype", kind, True))  # the reader restores the CSL type from it

    out.extend(_issued_fields(item.get("issued")))
    done.add("issued")

    # Numbers: an article's issue is BibTeX's number and its article number biblatex's eid;
    # a book's number is its number in the series.
    if kind.startswith("article") or entry_type == "article":
        if item.get("issue") not in (None, ""):
            out.append(("number", _text(item["issue"]), True))
        if item.get("number") not in (None, ""):
            out.append(("eid", _text(item["number"]), True))
        done.update({"issue", "number"})
    else:
        series_number = item.get("collection-number")
        if series_number not in (None, "") and item.get("number") in (None, ""):
            out.append(("number", _text(series_number), True))
            done.add("collection-number")
        if item.get("number") not in (None, ""):
            out.append(("number", _text(item["number"]), True))
        if item.get("issue") not in (None, ""):
            out.append(("issue", _text(item["issue"]), True))
        done.update({"issue", "number"})

    publisher = item.get("publisher")
    if publisher:
        field = {"thesis": "school", "report": "institution"}.get(kind, "publisher")
        if entry_type in ("phdthesis", "mastersthesis", "thesis"):
            field = "school"
        out.append((field, _text(publisher), True))
    done.add("publisher")

    genre = item.get("genre")
    if genre and not (entry_type in bm.THESIS_GENRES and genre == bm.THESIS_GENRES[entry_type]):
        out.append(("type", _text(genre), True))
    done.add("genre")

    language = item.get("language")
    if language:
        name = bm.LANGUAGE_NAMES.get(str(language))
        kept_fields = custom.get("bibtex-fields") or {}
        if name or "language" in kept_fields:  # langid is read first, so it may hold any code
            out.append(("langid", name or _text(language), True))
        else:
            out.append(("language", _text(language), True))
    done.add("language")

    for variable, field in _FIELD_FOR.items():
        if variable in done:
            continue
        value = item.get(variable)
        if value in (None, ""):
            continue
        if variable == "page":
            text = to_latex(re.sub(r"\s*[-–—]+\s*", "-", str(value))).replace("-", "--")
        elif variable in _VERBATIM:
            text = re.sub(r"([%#{}\\])", r"\\\1", str(value))
        else:
            text = _text(value)
        out.append((field, text, True))
        done.add(variable)

    for variable, field in _DATE_FIELD_FOR.items():
        text = format_date(item.get(variable))
        if text:
            out.append((field, _text(text), True))
        done.add(variable)

    # Anything else CSL can hold goes under its own name, which the reader maps back.
    for variable, value in item.items():
        if variable in done or value in (None, "", [], {}):
            continue
        if variable in bm.CSL_DATE_VARIABLES:
            text = format_date(value)
            if text:
                out.append((variable.lower(), _text(text), True))
        elif isinstance(value, str | int | float):
            out.append((variable.lower(), _text(value), True))

    out.sort(key=lambda entry: _FIELD_ORDER.get(entry[0], len(_FIELD_ORDER)))
    written = {field for field, _, _ in out}
    kept = custom.get("bibtex-fields")
    if isinstance(kept, dict):
        for field, value in kept.items():
            if field not in written and isinstance(value, str | int):
                out.append((str(field), str(value), True))
    return out


class BibtexWriter:
    name = "bibtex"
    extensions = (".bib", ".bibtex", ".biblatex")

    def write(self, items: list[dict[str, Any]]) -> str:
        taken: set[str] = set()
        chunks: list[str] = []
        for item in items:
            entry_type = _entry_type(item)
            key = make_key(item, taken)
            lines = [f"@{entry_type}{{{key},"]
            for field, value, braced in _fields(item, entry_type):
                lines.append(f"  {field} = {{{value}}}," if braced else f"  {field} = {value},")
            lines.append("}")
            chunks.append("\n".join(lines))
        return "\n\n".join(chunks) + ("\n" if chunks else "")


WRITER = BibtexWriter()
