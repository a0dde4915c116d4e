"""The citeproc-py adapter: where citeproc-py 0.11.1 deviates from CSL 1.0.2 / citeproc-js.

citeproc-py builds a style as a tree of lxml elements whose Python classes do the
rendering. We parse styles (and locale files) with our own parser whose element-class
lookup maps each CSL tag to a subclass below, so every fix lives in one of these
subclasses and applies only to trees we parse — the installed package and its global
lookup are never touched. Each fix is named after the deviation it repairs and has a
test in ``tests/test_rendering_adapter.py``:

* ``CitationItemKeepingCase`` / :func:`build_source` — item ids kept as given (citeproc-py
  lower-cases them, so ``ABC`` and ``abc`` collide and one item disappears); text is
  HTML-escaped on the way in (citeproc-py's HTML output let titles inject markup) and
  straight apostrophes become typographic, as citeproc-js prints them.
* ``_Adapted.wrap`` / ``_Adapted.join`` (:func:`_concat`) — punctuation at seams merges
  as citeproc-js merges it ("Safe?." → "Safe?", "Title:" + "!" → "Title!"), also across
  formatting tags; affixes and delimiters are escaped text.
* :func:`_rich_string`, :func:`_flip_formatting`, :func:`_alternate_quotes` — in-field
  markup and quotes "flip-flop" as in citeproc-js: unpaired tags are text, italics in
  italics print upright, ``nodecor`` and ``font-style="normal"`` turn formatting off,
  field quotes take the locale's marks and alternate when nested
  (tests/test_rendering_flipflop.py).
* ``Layout._move_punctuation_into_quote`` — punctuation-in-quote (“Title.”), not into a
  cite prefix's quotes; a term opening a note citation or an entry is capitalized
  ("Ibid."; tests/test_rendering_punctuation.py).
* ``Date.render_single_date`` — a localized date uses the locale's delimiter ("2015 Jun",
  not "2015Jun"); ``Date_Part`` no longer writes the style's overrides into the locale.
* ``Layout.render_bibliography`` — ``second-field-align`` puts a space after the first
  field ("1. Smith J", not "1.Smith J"); each item may render with the terms of its own
  language (per-item locales).
* ``Layout.render_citation`` — ``collapse="citation-number"`` ranges ("1–3,5").
* ``Sort`` — language-aware collation (Ukrainian Ґ Є І Ї in their alphabet places).
* ``_Adapted.get_term`` — term look-ups cached per locale list (citeproc-py runs an
  XPath query per term).
"""

from __future__ import annotations

import html
import re
from functools import cached_property, cmp_to_key, lru_cache
from typing import Any

from citeproc import DATES, NAMES, VARIABLES, model
from citeproc.source import (
    BibliographySource,
    CitationItem,
    DateRange,
    LiteralDate,
    Locator,
    Reference,
    VariableError,
)
from citeproc.source import (
    Date as CslDate,
)
from citeproc.source import (
    Name as CslName,
)
from citeproc.string import MixedString, NoCase, String

from cslkit.rendering import ordinals
from cslkit.rendering.citation_label import citation_label
from cslkit.rendering.collation import collation_key
from cslkit.rendering.disambiguation import CiteContext

# CSL 1.0.2 name variables citeproc-py 0.11.1 does not list (it renders them all the same).
_MORE_NAMES = {
    "contributor", "chair", "compiler", "curator", "director", "executive_producer", "guest",
    "host", "narrator", "organizer", "performer", "producer", "script_writer", "series_creator",
    "editor_translator", "reviewed_author",
}
# CSL 1.0.2 variables citeproc-py 0.11.1 does not list (it renders them all the same).
_MORE_VARIABLES = {
    "archive_collection", "citation_key", "division", "event_title", "license", "part_number",
    "part_title", "printing_number", "reviewed_genre", "reviewed_title", "scale", "supplement_number",
    "volume_title", "volume_title_short", "collection_title_short",
    "available_date",
}
_NAME_VARIABLES = set(NAMES) | _MORE_NAMES
_KNOWN_VARIABLES = set(VARIABLES) | _MORE_NAMES | _MORE_VARIABLES | {"title_short", "container_title_short"}
_UNLISTED = _MORE_NAMES | _MORE_VARIABLES
# Variables that are identifiers or addresses: printed exactly as given.
_VERBATIM = {"URL", "DOI", "PMID", "PMCID", "ISBN", "ISSN", "call_number", "archive_location"}
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_LEADING_TAGS = re.compile(r"^(?:</?[a-zA-Z][^>]*>)+")
_TRAILING_TAGS = re.compile(r"(?:</?[a-zA-Z][^>]*>)+$")
# Inline markup CSL-JSON allows in text fields (the "rich text" of citeproc-js).
_RICH_TAG = re.compile(
    r'(<i>|</i>|<b>|</b>|<sup>|</sup>|<sub>|</sub>|<span class="nocase">|'
    r'<span style="font-variant:\s*small-caps;?">|<span class="nodecor">|</span>|<sc>|</sc>)',
    re.I,
)


# -- source ------------------------------------------------------------------------------


class CitationItemKeepingCase(CitationItem):
    """A cite whose key keeps its case (citeproc-py lower-cases it).

    Its reference is looked up once (citeproc-py walks cite → citation → bibliography →
    source on every variable access).
    """

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key, **args)
        self.key = key
        # also an instance attribute: read without citeproc-py's __getattr__ (an exception each)
        self.__dict__["key"] = key
        locator = args.get("locator")
        if locator is not None and getattr(locator, "label", None) == "sub verbo":
            locator.label = "sub-verbo"  # the CSL 1.0 name of the term

    @cached_property
    def reference(self) -> Any:
        return self.bibliography.source[self.key]


class IndexedKeys(list):
    """The bibliography's key list with O(1) ``index`` (citeproc-py numbers each cite by
    ``keys.index(key)``, quadratic in the number of items)."""

    def __init__(self, keys: Any = ()) -> None:
        super().__init__(keys)
        self._positions = {key: i for i, key in reversed(list(enumerate(self)))}

    def append(self, key: Any) -> None:
        self._positions.setdefault(key, len(self))
        super().append(key)

    def index(self, key: Any, *args: Any) -> int:
        if args:
            return super().index(key, *args)
        try:
            return self._positions[key]
        except KeyError:
            raise ValueError(f"{key!r} is not in list") from None


# a closing quote (with an inner one just before it) then a period or comma
_PERIOD_AFTER_QUOTED_MARK = re.compile(r"([?!]\u201d(?:</[a-z]+>)*)\.")
_QUOTE_THEN_PUNCTUATION = re.compile(r"([.?!,;:]?)(\u2019?\u201d(?:</[a-z]+>)*)([.,!?]+)")
_DOUBLE_QUOTED = re.compile(r'"(\S(?:[^"]*\S)?)"')  # no space inside the quotes at either end
# inner apostrophes ("You're") do not end a single-quoted span
_SINGLE_QUOTED = re.compile(r"(^|[\s(\[])'((?:[^']|(?<=\w)'(?=\w))+)'(?=$|[\s.,;:!?)\]])")


# marks the end of a quote in a cite's prefix or suffix while punctuation moves into quotes
_AFFIX_QUOTE_END = "\ue000"
# ends a cite whose own suffix ends in ; . or , (the citation delimiter then keeps only
# its spaces, as citeproc-js joins "Smith, is one source, Jones"); removed when joined
_SUFFIX_PUNCTUATION_END = "\ue001"
# a field's straight quotes ("x" or 'x') until the locale's quote marks replace them
_OPEN_QUOTE, _CLOSE_QUOTE = "\ue011", "\ue012"
_CLOSING_QUOTE = re.compile("[\u201d\ue012]|\u2019(?!\\w)")
_OUTER, _INNER = 1, 2


def _quote_marks(text: str, marks: dict[str, tuple[int, bool]]) -> list[tuple[int, int, bool]]:
    """(position, kind, is opening) of the quote marks in ``text``; a ’ followed by a
    letter is an apostrophe."""
    found = []
    for position, char in enumerate(text):
        mark = marks.get(char)
        if mark is None:
            continue
        if char == "\u2019" and not mark[1] and text[position + 1 : position + 2].isalnum():
            continue
        found.append((position, *mark))
    return found


def _alternate_quotes(text: Any, quotes: tuple[str, str, str, str]) -> Any:
    """Quote marks as citeproc-js "flip-flops" them: a field's straight quotes and the
    style's are the locale's outer quotes, written typographic quotes keep their kind,
    and a quote inside a quote of the same kind takes the other kind (“My ‘Amazing’
    Title”; en-GB: ‘My “Amazing” Title’). Unpaired marks stay as written."""
    value = str(text)
    open_outer, close_outer, open_inner, close_inner = quotes
    # en-US marks for the kinds the locale does not spell
    marks: dict[str, tuple[int, bool]] = {
        "\u201c": (_OUTER, True), "\u201d": (_OUTER, False), "\u2018": (_INNER, True), "\u2019": (_INNER, False)}
    # a locale's mark may carry a space ("« "): it is known by its quote character
    for term, kind, opening in ((open_inner, _INNER, True), (close_inner, _INNER, False),
                                (open_outer, _OUTER, True), (close_outer, _OUTER, False)):
        key = term.strip()[:1] if opening else term.strip()[-1:]
        if key:
            marks[key] = (kind, opening)
    marks.update({_OPEN_QUOTE: (_OUTER, True), _CLOSE_QUOTE: (_OUTER, False)})
    if not any(mark[1] and char in value for char, mark in marks.items()):
        return text.replace(_CLOSE_QUOTE, close_outer) if _CLOSE_QUOTE in value else text
    opened: list[tuple[int, int, int]] = []  # (position, written kind, printed kind)
    printed: dict[int, int] = {}
    for position, kind, opening in _quote_marks(value, marks):
        if opening:
            enclosing = opened[-1][2] if opened else None
            shown = (_INNER if kind == _OUTER else _OUTER) if kind == enclosing else kind
            opened.append((position, kind, shown))
        elif opened and opened[-1][1] == kind:
            start, _kind, shown = opened.pop()
            printed[start] = printed[position] = shown
    chars = list(value)
    for position, shown in printed.items():
        kind, opening = marks[chars[position]]
        if shown == kind and chars[position] not in (_OPEN_QUOTE, _CLOSE_QUOTE):
            continue  # printed as written (a locale's own mark keeps its spacing)
        if shown == _OUTER:
            chars[position] = open_outer if opening else close_outer
        else:
            chars[position] = open_inner if opening else close_inner
    # straight quotes left unpaired (a quote split between fields) take the outer marks
    output = "".join(chars).replace(_OPEN_QUOTE, open_outer).replace(_CLOSE_QUOTE, close_outer)
    return String(output)


_FORMAT_TAG = re.compile(r'<(/?)(i|b|span)((?: [^>]*)?)>')
# the markup that turns a kind of formatting on, and the span that turns it off inside it
_NORMAL_SPANS = {
    "i": '<span style="font-style:normal;">',
    "b": '<span style="font-weight:normal;">',
    "smallcaps": '<span style="font-variant:normal;">',
}


def _flip_formatting(text: Any) -> Any:
    """Italics inside italics (a field's <i> in an italic title) print upright, and
    likewise bold and small caps, as citeproc-js "flip-flops" them; citeproc-py
    nested them, so the inner words stayed italic."""
    value = str(text)
    if value.count("<i>") < 2 and value.count("<b>") < 2 and value.count("small-caps") < 2:
        return text
    open_tags: list[tuple[str, str | None, bool]] = []  # (tag, formatting kind, flipped)
    output: list[str] = []
    position = 0
    for match in _FORMAT_TAG.finditer(value):
        output.append(value[position:match.start()])
        position = match.end()
        closing, tag, attributes = match.groups()
        if closing:
            for index in range(len(open_tags) - 1, -1, -1):
                if open_tags[index][0] == tag:
                    _tag, _kind, flipped = open_tags.pop(index)
                    output.append("</span>" if flipped else match.group())
                    break
            else:
                output.append(match.group())
            continue
        kind = "smallcaps" if tag == "span" and "small-caps" in attributes else (tag if tag != "span" else None)
        on = kind is not None and sum(1 for _t, k, _f in open_tags if k == kind) % 2 == 1
        open_tags.append((tag, kind, on))
        output.append(_NORMAL_SPANS[kind] if on and kind else match.group())
    output.append(value[position:])
    return String("".join(output))


def _typographic(text: str) -> str:
    """Straight quotes as citeproc-js reads them: "x" and 'x' are quotes (printed with the
    locale's marks, see :func:`_alternate_quotes`), another ' is an apostrophe (’)."""
    if '"' in text:
        text = _DOUBLE_QUOTED.sub(_OPEN_QUOTE + "\\1" + _CLOSE_QUOTE, text)
    if "'" in text:
        text = _SINGLE_QUOTED.sub("\\1" + _OPEN_QUOTE + "\\2" + _CLOSE_QUOTE, text)
        text = text.replace("'", "\u2019")
    return text


def _paired_tags(pieces: list[str]) -> set[int]:
    """Positions of the inline tags in ``pieces`` (every other piece) that open and close
    in pairs; a tag without its partner is text, as citeproc-js prints it."""
    opened: dict[str, list[int]] = {}
    paired: set[int] = set()
    for index in range(1, len(pieces), 2):
        tag = pieces[index].lower()
        name = tag.strip("</>").split()[0]
        if not tag.startswith("</"):
            opened.setdefault(name, []).append(index)
        elif opened.get(name):
            paired.update((opened[name].pop(), index))
    return paired


_RICH_SPECIALS = frozenset("<>&\"'")


def _rich_string(value: Any, *, verbatim: bool) -> Any:
    """Escape text for the internal HTML markup, keeping CSL-JSON's inline tags."""
    text = str(value)
    if verbatim:
        return String(html.escape(text, quote=False))
    if text and _RICH_SPECIALS.isdisjoint(text):  # most fields: nothing to escape or read
        return MixedString([String(text)])
    pieces = _RICH_TAG.split(text)
    paired = _paired_tags(pieces)
    # (is a tag, text) with unpaired tags merged into the text around them
    segments: list[list[Any]] = [[False, ""]]
    for index, piece in enumerate(pieces):
        if index in paired:
            segments += [[True, piece], [False, ""]]
        else:
            segments[-1][1] += piece
    # quotes are paired across inline tags ("(\"<i>Title</i>\")"): made typographic on
    # the text with each tag as a placeholder
    texts = "\x01".join(piece for is_tag, piece in segments if not is_tag)
    if "'" in texts or '"' in texts:
        typographic = iter(_typographic(texts).split("\x01"))
        for segment in segments:
            if not segment[0]:
                segment[1] = next(typographic)
    output = MixedString()
    nocase_depth = 0
    span_stack: list[str] = []
    for is_tag, piece in segments:
        if not piece:
            continue
        if not is_tag:
            escaped = html.escape(piece, quote=False)
            output += NoCase(escaped) if nocase_depth else String(escaped)
            continue
        lowered = piece.lower()
        if lowered.startswith('<span class="nocase"'):
            nocase_depth += 1
            span_stack.append("nocase")
        elif lowered.startswith('<span class="nodecor"'):
            # "no decoration": the formatting around it is turned off, its case kept
            nocase_depth += 1
            span_stack.append("nodecor")
            output += NoCase('<span class="nodecor">')
        elif lowered == "</sc>":
            output += NoCase("</span>")
        elif lowered.startswith("<span") or lowered == "<sc>":
            span_stack.append("smallcaps")
            output += NoCase('<span style="font-variant:small-caps;">')
        elif lowered == "</span>":
            kind = span_stack.pop() if span_stack else "nocase"
            if kind in ("nocase", "nodecor"):
                nocase_depth = max(nocase_depth - 1, 0)
            if kind in ("smallcaps", "nodecor"):
                output += NoCase("</span>")
        else:
            output += NoCase(lowered)
    if not output:
        return String("")
    return output


_FAMILY_PARTICLE = re.compile(r"^((?:['\u2019\u02bb]?[a-z][^\s\u2019'-]*(?:[\u2019'-]|\s+))+)(\S.*)$")
_GIVEN_PARTICLE = re.compile(r"^(.*?\S)\s+((?:[a-z][^\s]*\s*)+)$")


def _parse_particles(raw: dict[str, Any]) -> dict[str, Any]:
    """Particles written into the name ("van Gogh", "al-One", "Alexander von") split off
    as citeproc-js does; a family in quotes ("\"Van Dyke\"") is taken literally."""
    family, given = raw.get("family"), raw.get("given")
    if not isinstance(family, str) or raw.get("static-ordering") or "literal" in raw:
        return raw
    raw = dict(raw)
    if isinstance(given, str) and "," in given and "suffix" not in raw:
        # "John, III" / "John,! Jr." (the ! asks for a comma before the suffix)
        given, _, suffix = given.partition(",")
        if suffix.startswith("!"):
            raw["comma-suffix"] = True
            suffix = suffix[1:]
        raw["given"], raw["suffix"] = given.strip(), suffix.strip()
    if len(family) > 2 and family[0] == family[-1] == '"':
        raw["family"] = family[1:-1]
        return raw
    match = _FAMILY_PARTICLE.match(family)
    if match and "non-dropping-particle" not in raw and match.group(2)[:1].isupper():
        raw["non-dropping-particle"] = match.group(1).strip()
        raw["family"] = match.group(2)
    if isinstance(given, str) and "dropping-particle" not in raw:
        match = _GIVEN_PARTICLE.match(given)
        if match and match.group(1)[:1].isupper():
            raw["given"] = match.group(1)
            raw["dropping-particle"] = match.group(2).strip()
    return raw


# Inline markup kept in name parts ("<b>Doe</b>"); other tags are escaped as text.
_NAME_TAG = re.compile(r"(</?(?:i|b|sup|sub)>)", re.I)


def _name_part_text(value: Any) -> str:
    if type(value) is str and _RICH_SPECIALS.isdisjoint(value):
        return value  # no tag, quote or entity: nothing to read
    pieces = _NAME_TAG.split(_typographic(str(value)))
    return "".join(piece.lower() if n % 2 else html.escape(piece, quote=False) for n, piece in enumerate(pieces))


def _names(value: Any) -> list[CslName]:
    names = []
    for raw in value or []:
        if not isinstance(raw, dict):
            continue
        raw = _parse_particles(raw)
        parts = {
            key: _name_part_text(part)
            for key, part in raw.items()
            if key in ("family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")
            and part not in (None, "")
        }
        if "literal" in parts:
            parts = {"literal": parts["literal"]}
        if parts:
            name = CslName(**parts)
            for flag in ("comma-suffix", "static-ordering"):
                if raw.get(flag):
                    dict.__setitem__(name, flag, True)
            names.append(name)
    return names


def _date(value: Any) -> Any:
    if not isinstance(value, dict):
        return None
    circa = bool(value.get("circa"))
    parts = []
    for raw in value.get("date-parts") or []:
        fields: dict[str, Any] = {}
        for field, part in zip(("year", "month", "day"), raw or [], strict=False):
            try:
                fields[field] = int(part)
            except (TypeError, ValueError):
                break
        month = fields.get("month", 0)
        if 13 <= month <= 24:  # CSL-JSON's seasons as months: 13-16, 17-20 and 21-24 are spring-winter
            fields["season"] = (month - 13) % 4 + 1
            fields.pop("month")
            fields.pop("day", None)
        elif "month" in fields and not 1 <= month <= 12:  # no such month: the year alone
            fields.pop("month")
            fields.pop("day", None)
        if "year" in fields:
            if "season" in value and "month" not in fields:
                fields["season"] = value["season"]
            parts.append(fields)
    raw_parts = value.get("date-parts") or []
    if len(parts) == 1 and len(raw_parts) == 2 and not any(raw_parts[1] or []):
        # an open range ("1987–"): the end is empty or zero
        return DateRange(begin=CslDate(**parts[0]), end=CslDate(year=0), circa=circa)
    if len(parts) == 1:
        return CslDate(circa=circa, **parts[0])
    if len(parts) > 1:
        return DateRange(begin=CslDate(**parts[0]), end=CslDate(**parts[1]), circa=circa)
    if value.get("literal") or value.get("raw"):
        return LiteralDate(html.escape(str(value.get("literal") or value.get("raw"))), circa=circa)
    return None


_DATE_VARIABLES = (
    "accessed", "available-date", "container", "event-date", "issued", "original-date", "submitted",
)
# "variable: value" lines at the start of a note, or "{:variable: value}" anywhere in it
# (names in lower case, or identifiers in capitals: "DOI: …"; "Genre: …" is text)
_NOTE_LINE = re.compile(r"([a-z][-a-z]*|[A-Z]+)\s*:\s*(.+)")
_NOTE_BRACED = re.compile(r"\{:([a-zA-Z][-a-zA-Z]*)\s*:\s*([^}]+)\}")
_ISO_DATE = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _note_date(text: str) -> dict[str, Any] | None:
    parts = []
    for end in text.split("/"):
        match = _ISO_DATE.fullmatch(end.strip())
        if not match:
            return None
        parts.append([int(p) for p in match.groups() if p is not None])
    return {"date-parts": parts}


def with_note_variables(item: dict[str, Any]) -> dict[str, Any]:
    """Variables CSL-JSON has no field for, written into ``note`` as citeproc-js reads
    them (Zotero's "Extra"): ``original-date: 1901-05-02``, ``reviewed-author: Hall ||
    W.C.`` (family || given), one per line at the start of the note, or
    ``{:genre: Peer commentary}`` anywhere. They fill variables the item lacks and leave
    the note; a line for a variable the item has stays in it."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    found: list[tuple[str, str]] = []

    def known(name: str) -> bool:
        return name.replace("-", "_") in _KNOWN_VARIABLES or name in _DATE_VARIABLES

    def braced(match: re.Match[str]) -> str:
        if not known(match.group(1)):
            return match.group()
        found.append((match.group(1), match.group(2).strip()))
        return ""

    lines = _NOTE_BRACED.sub(braced, note).split("\n")
    kept: list[str] = []
    while lines:
        match = _NOTE_LINE.fullmatch(lines[0].strip())
        if not match:
            break
        # as citeproc-js: a line for a variable the item has stays in the note, a line
        # naming no variable is dropped
        if known(match.group(1)) and match.group(1) in item:
            kept.append(lines[0])
        elif known(match.group(1)):
            found.append((match.group(1), match.group(2).strip()))
        lines.pop(0)
    lines = kept + lines
    if not found and lines == note.split("\n"):
        return item
    item = dict(item)
    names: dict[str, list[dict[str, str]]] = {}
    for name, value in found:
        if name in item:
            continue  # set by a braced note entry the item has too
        if name.replace("-", "_") in _NAME_VARIABLES:
            family, bars, given = value.partition("||")
            person = {"family": family.strip(), "given": given.strip()} if bars else {"literal": value}
            names.setdefault(name, []).append(person)
        elif name in _DATE_VARIABLES:
            date = _note_date(value)
            if date is not None:
                item[name] = date
        else:
            item[name] = value
    item.update(names)
    rest = "\n".join(lines).strip()
    if rest:
        item["note"] = rest
    else:
        item.pop("note")
    return item


class _Reference(Reference):
    """citeproc-py's Reference, read faster: a present variable is a plain dict look-up and
    a missing one raises VariableError from ``__missing__`` (citeproc-py catches a KeyError
    in Python on every access); ``key`` and ``type`` are instance attributes too."""

    __getitem__ = dict.__getitem__

    def __init__(self, key: str, type: str, **args: Any) -> None:
        super().__init__(key, type, **args)
        self.__dict__["key"] = key
        self.__dict__["type"] = type

    def __missing__(self, key: str) -> Any:
        raise VariableError


def build_reference(key: str, item: dict[str, Any]) -> Reference:
    """One CSL-JSON item as a citeproc-py Reference (unknown fields are left out)."""
    fields: dict[str, Any] = {}
    for raw_key, value in item.items():
        if value is None or value == "" or raw_key in ("id", "type", "key"):
            continue
        name = raw_key.replace("-", "_")
        if name == "shortTitle":
            name = "title_short"
        elif name == "journalAbbreviation":  # Zotero's name for container-title-short
            if "container-title-short" in item:
                continue
            name = "container_title_short"
        if name not in _KNOWN_VARIABLES:
            continue
        if name in _NAME_VARIABLES:
            names = _names(value)
            if names:
                fields[name] = names
        elif raw_key in _DATE_VARIABLES:
            date = _date(value)
            if date is not None:
                fields[name] = date
        elif not isinstance(value, str | int | float) or isinstance(value, bool):
            continue  # an object, list or flag where text belongs: validate reports it
        elif name == "language":
            fields[name] = str(value)
        else:
            fields[name] = _rich_string(value, verbatim=name in _VERBATIM)
    known = {k: v for k, v in fields.items() if k not in _UNLISTED}
    reference = _Reference(key, str(item.get("type") or "article"), **known)
    # set directly: citeproc-py warns about variables it does not list, yet renders them
    reference.update({k: v for k, v in fields.items() if k in _UNLISTED})
    reference[INCOMPLETE_NAMES] = _names_cut_at_source(item, fields)
    return reference


# The Reference key (no CSL variable has this name) holding the name variables whose
# list the source cut short with "et al.": custom["et-al"] (authors) or
# custom["et-al-<variable>"], as the readers and the normaliser record it.
INCOMPLETE_NAMES = "cslkit_incomplete_names"


def _names_cut_at_source(item: dict[str, Any], fields: dict[str, Any]) -> frozenset[str]:
    custom = item.get("custom")
    if not isinstance(custom, dict):
        return frozenset()
    return frozenset(
        variable for variable in fields
        if variable in _NAME_VARIABLES
        and custom.get("et-al" if variable == "author" else f"et-al-{variable.replace('_', '-')}") is True
    )


def build_source(items: list[dict[str, Any]]) -> tuple[BibliographySource, list[str]]:
    """The citeproc-py source for ``items`` and one unique key per item, in input order.

    Keys are the item ids as given; an id used twice gets a ``#2`` suffix so that no
    item silently disappears.
    """
    source = BibliographySource()
    keys: list[str] = []
    for index, item in enumerate(items):
        key = str(item.get("id", f"item-{index + 1}"))
        if key in source:
            serial = 2
            while f"{key}#{serial}" in source:
                serial += 1
            key = f"{key}#{serial}"
        source.add(build_reference(key, with_note_variables(item)))
        keys.append(key)
    return source, keys


# -- punctuation at seams -------------------------------------------------------------------


def _visible_edge(text: str, *, last: bool) -> str:
    if last and text[-1:] not in (">", ";"):
        return text[-1:]
    if not last and text[:1] not in ("<", "&"):
        return text[:1]
    stripped = _TRAILING_TAGS.sub("", text) if last else _LEADING_TAGS.sub("", text)
    if not stripped:
        return ""
    # an escaped character is what shows ("<URL>" ends in ">", not in the ";" of "&gt;")
    entity = (_TRAILING_ENTITY.search(stripped) if last else _LEADING_ENTITY.match(stripped))
    if entity:
        return html.unescape(entity.group(0))
    return stripped[-1] if last else stripped[0]


_TRAILING_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);$")
_LEADING_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def _drop_first_visible(text: str) -> str:
    match = _LEADING_TAGS.match(text)
    start = match.end() if match else 0
    return text[:start] + text[start + 1 :]


def _strip_visible(text: str) -> str:
    """``text`` without spaces at its visible start and end (inside formatting tags)."""
    leading = _LEADING_TAGS.match(text)
    start = leading.end() if leading else 0
    trailing = _TRAILING_TAGS.search(text)
    end = trailing.start() if trailing else len(text)
    if start >= end:
        return text
    return text[:start] + text[start:end].strip() + text[end:]


def _drop_last_visible(text: str) -> str:
    match = _TRAILING_TAGS.search(text)
    end = match.start() if match else len(text)
    return text[: end - 1] + text[end:]


# Where a mark ending one piece meets a mark starting the next, what citeproc-js prints
# (the punctuation_FullMonty* tables of the CSL test suite): the left mark alone, the
# right mark alone, or both when the pair is not listed ("Title?, " keeps both).
_KEEP_LEFT = {
    (":", ":"), (";", ":"), ("!", ":"), ("?", ":"),
    (":", "."), (";", "."), ("!", "."), ("?", "."), (".", "."),
    (";", ";"), ("!", "!"), ("?", "?"), (",", ","), (" ", " "),
}
_KEEP_RIGHT = {(":", "!"), (";", "!"), (":", "?"), (";", "?")}


def _concat(left: str, right: str) -> str:
    """``left + right`` with the marks at the seam merged (no doubled space or period,
    "Safe?." → "Safe?", "Title:!" → "Title!"), also across formatting tags."""
    if not left or not right:
        return left + right
    pair = (_visible_edge(left, last=True), _visible_edge(right, last=False))
    if pair in _KEEP_LEFT:
        return left + _drop_first_visible(right)
    if pair in _KEEP_RIGHT:
        return _drop_last_visible(left) + right
    return left + right


@lru_cache(maxsize=512)
def _escaped_delimiter(delimiter: str) -> str:
    # A style has few distinct delimiters; escaping them once per render showed in profiles.
    return html.escape(delimiter, quote=False)


def seam_join(pieces: list[Any], delimiter: str) -> Any:
    """``pieces`` joined by a style's ``delimiter`` (text, escaped here)."""
    if len(pieces) == 1:
        return String(str(pieces[0]))
    escaped = _escaped_delimiter(delimiter)
    output = ""
    for index, piece in enumerate(pieces):
        if index and escaped:
            output = _concat(output, escaped)
        output = _concat(output, str(piece))
    return String(output)


# -- element classes --------------------------------------------------------------------


def set_cite_context(root: Any, key: str, area: str, subsequent: bool) -> CiteContext:
    """Start rendering one cite or entry: name lists and ``disambiguate`` conditions are
    counted from here, and et-al-subsequent applies to an item cited before."""
    context = root.cite_context = CiteContext(key, area, subsequent)
    return context


def _cite_context(element: Any) -> CiteContext | None:
    return vars(_style_root(element)).get("cite_context")


def _disambiguation(element: Any) -> Any:
    return vars(_style_root(element)).get("disambiguation")


def _root_cache(element: Any) -> dict[Any, Any]:
    """Memo of a parsed tree (style or locale), kept on its root element.

    The trees are never restructured after parsing, so XPath results and what an element
    calls stay valid; keys hold their elements, which keeps lxml's proxies (and their
    Python attributes) alive and identical.
    """
    own = vars(element)  # not getattr: unknown attributes are child look-ups
    memo = own.get("root_memo")
    if memo is None:
        root = element.getroottree().getroot()
        memo = vars(root).get("memo")
        if memo is None:
            memo = root.memo = {}
        own["root_memo"] = memo
    return memo


_RESETTING_ATTRIBUTES = (
    ("font-style", "normal", '<span style="font-style:normal;">'),
    ("font-weight", "normal", '<span style="font-weight:normal;">'),
    ("font-variant", "normal", '<span style="font-variant:normal;">'),
    ("vertical-align", "baseline", '<span style="baseline">'),
)
_FORMATTING_ATTRIBUTES = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


def _has_any(element: Any, attributes: tuple[str, ...]) -> bool:
    own = vars(element)
    key = ("has", attributes)
    if key not in own:
        attrib = element.attrib
        own[key] = any(name in attrib for name in attributes)
    return own[key]


_FORM_FALLBACK = {"verb-short": "verb", "symbol": "short", "verb": None, "short": None}


class _Adapted:
    """Behaviour shared by every adapted element (placed first in the MRO)."""

    # -- speed: citeproc-py re-runs the same XPath queries for every item ------------------
    def __getattr__(self, name: str) -> Any:
        """A child element by tag (``names.label``), as citeproc-py reads it, found once."""
        own = vars(self)
        key = ("child", name)
        if key in own:
            return own[key]
        found = own[key] = self.find("cs:" + name, self.nsmap)
        return found

    # What is derived from the tree is kept on the element itself (one dict look-up when
    # used again) and registered in the root's memo, which keeps the proxies alive.
    def xpath_search(self, expression: str) -> Any:
        own = vars(self)
        found = own.get(expression)
        if found is None:
            found = own[expression] = _root_cache(self)[(self, expression)] = self.xpath(
                expression, namespaces=self.nsmap)
        return found

    def children(self) -> list[Any]:
        """The element's children, listed once (lxml builds proxies on each iteration)."""
        own = vars(self)
        found = own.get("cached children")
        if found is None:
            found = own["cached children"] = _root_cache(self)[(self, "children")] = list(self.iterchildren())
        return found

    def get_root(self) -> Any:
        own = vars(self)
        found = own.get("cached root")
        if found is None:
            found = own["cached root"] = self.getroottree().getroot()
        return found

    def get_layout(self) -> Any:
        own = vars(self)
        found = own.get("cached layout")
        if found is None:
            found = own["cached layout"] = self.xpath_search("./ancestor-or-self::cs:layout[1]")[0]
        return found

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        output = []
        for child in self.children():
            try:
                if isinstance(child, model.Choose):
                    text = child.render(item, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, **kwargs)
            except VariableError:
                continue
            if text is not None:
                output.append(text)
        return seam_join(output, delimiter) if output else None

    def get_macro(self, name: str) -> Any:
        memo = _root_cache(self)
        key = ("macro", name)
        if key not in memo:
            memo[key] = super().get_macro(name)
        return memo[key]

    def calls_variable(self) -> bool:
        own = vars(self)
        found = own.get("cached calls_variable")
        if found is None:
            found = own["cached calls_variable"] = super().calls_variable()
        return found

    def get_formatter(self) -> Any:
        root = self.get_root()
        return root.style.formatter if isinstance(root, model.Locale) else root.formatter

    def format(self, string: Any) -> Any:
        if not _has_any(self, _FORMATTING_ATTRIBUTES):
            return str(string) if isinstance(string, (int, float)) else string
        text = super().format(string)
        # font-style="normal" and the like turn the formatting around them off (citeproc-py
        # ignored them); the output formats drop a span that turns off nothing
        for attribute, value, span in _RESETTING_ATTRIBUTES:
            if self.get(attribute) == value and str(text):
                text = String(f"{span}{text}</span>")
        return text

    def case(self, text: Any, language: str | None = None) -> Any:
        """CSL 1.0.2 text-case (see :mod:`.textcase`); title case only for English."""
        text_case = self.get("text-case")
        if text_case is None or not text:
            return text
        if text_case == "title" and language not in (None, "en"):
            return text
        from cslkit.rendering import textcase

        return textcase.apply(text, text_case, language)

    def quote(self, string: Any) -> Any:
        if self.get("quotes", "false").lower() != "true":
            return string
        return super().quote(string)

    def wrap(self, string: Any) -> Any:
        if string is None:
            return None
        prefix = self.get("prefix", "")
        suffix = self.get("suffix", "")
        if not prefix and not suffix:
            return string
        # affixes are text, escaped like a field's ("<" + URL + ">" is no tag)
        prefix, suffix = html.escape(prefix, quote=False), html.escape(suffix, quote=False)
        return String(_concat(_concat(prefix, str(string)), suffix))

    def join(self, strings: Any, default_delimiter: str = "") -> Any:
        delimiter = self.get("delimiter", default_delimiter)
        pieces = [s for s in strings if s is not None]
        return seam_join(pieces, delimiter)

    def get_term(self, name: str, form: str | None = None, fallback_locale: bool = True,
                 zero_padded: bool = False) -> Any:
        root = self.get_root()
        if isinstance(root, model.Locale):
            return root.get_term(name, form)
        cache = root.term_cache
        key = (id(root.locales), name, form, fallback_locale, zero_padded)
        if key not in cache:
            term = super().get_term(name, form, fallback_locale, zero_padded)
            if term is None and form in _FORM_FALLBACK:
                # CSL 1.0.2 §Terms: verb-short → verb → long, symbol → short → long
                term = self.get_term(name, _FORM_FALLBACK[form], fallback_locale, zero_padded)
            cache[key] = term
        return cache[key]


    def get_locale_option(self, name: str) -> Any:
        """A locale option from the first locale that sets it (citeproc-py stopped at the
        first ``cs:style-options``, so an in-style locale setting one option reset the
        others to their defaults)."""
        root = _style_root(self)
        cache = root.term_cache
        key = ("option", id(root.locales), name)
        if key not in cache:
            cache[key] = model.Locale._default_options.get(name)
            for locale in root.locales:
                options = locale.find("{http://purl.org/net/xbiblio/csl}style-options")
                if options is not None and name in options.attrib:
                    cache[key] = options.get(name)
                    break
        return cache[key]


class Style(_Adapted, model.Style):
    """The style root. Holds the caches and the locale list of the item being rendered."""

    def get_option(self, name: str) -> Any:
        if name == "near-note-distance":
            # a cs:citation option (default 5) that citeproc-py's position test looks
            # up on the style root, where it has no default: it raised KeyError
            citation = self.citation
            return int((citation.get(name) if citation is not None else None) or 5)
        return super().get_option(name)


class Locale(_Adapted, model.Locale):
    def get_term(self, name: str, form: str | None = None, zero_padded: bool = False) -> Any:
        """A locale looks in itself only; memoised (an XPath query per term otherwise).
        Raises IndexError when absent, as citeproc-py expects."""
        memo = _root_cache(self)
        key = ("term", self, name, form, zero_padded)
        if key not in memo:
            try:
                memo[key] = model.Locale.get_term(self, name, form, zero_padded)
            except IndexError:
                memo[key] = None
        if memo[key] is None:
            raise IndexError(name)
        return memo[key]

    def get_option(self, name: str) -> Any:
        memo = _root_cache(self)
        key = ("option", self, name)
        if key not in memo:
            try:
                memo[key] = model.Locale.get_option(self, name)
            except IndexError:
                memo[key] = None
        if memo[key] is None:
            raise IndexError(name)
        return memo[key]


class Citation(_Adapted, model.Citation):
    pass


class Bibliography(_Adapted, model.Bibliography):
    pass


class Term(_Adapted, model.Term):
    """A term holding only the XML file's line breaks and indentation
    (``<term name="and others">\n  </term>``) is empty, as citeproc-js reads it;
    citeproc-py printed the whitespace."""

    def _text(self, form: str) -> Any:
        own = vars(self)
        cached = own.get(("text", form))
        if cached is not None:  # built once: terms are looked up for every item
            return cached
        found = self.find(f"cs:{form}", self.nsmap)
        text = (found if found is not None else self).text or ""
        if "\n" in text and not text.strip():
            text = ""
        own[("text", form)] = String(self.preformat(text))
        return own[("text", form)]

    @property
    def single(self) -> Any:
        return self._text("single")

    @property
    def multiple(self) -> Any:
        return self._text("multiple")


class Key(_Adapted, model.Key):
    """Names in a macro's sort key are separated by a control character that sorts
    first, without "and" ("Beck and Katz" before "Beck, Katz, and Tucker", as citeproc-js
    compares name by name). A ``citation-label`` key sorts by the label as printed, made
    up where the item has none."""

    def sort_keys(self, items: list[Any], context: Any) -> list[Any]:
        if self.get("variable") == "citation-label":
            return [citation_label(item.reference) for item in items]
        if "macro" not in self.attrib:
            return super().sort_keys(items, context)
        layout = context.get_layout()
        options: dict[str, Any] = {"name-as-sort-order": "all", "and": None, "delimiter": "\u0001",
                                   "delimiter-precedes-last": "always"}
        for option in ("names-min", "names-use-first", "names-use-last"):
            if option in self.attrib:
                options[option.replace("names", "et-al")] = self.get(option)
        macro = self.get_macro(self.get("macro"))
        # a name count that finds no names is 0, first, not an empty key sorted last
        # (citeproc-js; Pensoft: "Ahmed K (Ed.)" before "Ahmed K, D’Angelo K, …")
        empty = "0" if macro.xpath_search(".//cs:name[@form='count']") else None
        keys = []
        for item in items:
            layout.repressed = {}
            try:
                key = macro.render(item, context=context, sort_options=options)
            except VariableError:
                key = None
            keys.append(empty if key is None or str(key) == "" else key)
        return keys


class Sort(_Adapted, model.Sort):
    """Sorting with a language-aware collation (citeproc-py compares code points)."""

    def sort(self, items: list[Any], context: Any) -> list[Any]:
        keys = self.findall("cs:key", self.nsmap)
        descending = [k.get("sort", "ascending").lower() == "descending" for k in keys]
        # a later key is rendered only for the items an earlier key leaves tied (rendering
        # every macro key of every item took a third of an author-date bibliography)
        columns: list[list[Any]] = [[_UNSORTED] * len(items) for _key in keys]
        if keys:
            columns[0] = _sort_column(keys[0], items, context)

        def value(index: int, item: int) -> Any:
            column = columns[index]
            found = column[item]
            if found is _UNSORTED:
                found = column[item] = _sort_column(keys[index], [items[item]], context)[0]
            return found

        def compare(left: int, right: int) -> int:
            for index, desc in enumerate(descending):
                result = _compare_sort_values(value(index, left), value(index, right), desc)
                if result:
                    return result
            return 0

        order = sorted(range(len(items)), key=cmp_to_key(compare))
        return [items[i] for i in order]

    def group_by_names(self, entries: list[_RenderedCite], context: Any) -> list[_RenderedCite]:
        """Sorted cites, moved so that one author's cites stand together, as citeproc-js
        orders a collapsing in-text citation (processCitationCluster, as in Zotero).

        Its rule, followed to the letter: the cites are put in order of their names (in
        the first key's direction), then of the style's keys; each cite is then ranked by
        the first key of the first cite of its names with its place in that order after
        it ("2013" and 4 make "20134"), compared in the first key's direction. So groups
        tied on the first key follow the names' order, and a descending key reverses
        the cites within a group ("García 2013; Lee 1989, 2010" for year descending).
        When the first key sorts by names, groups it leaves tied keep the style's order,
        as citeproc-js's makeCitationCluster does, which the CSL test suite was made with
        (disambiguate_ByCiteIncremental2: two "Baines et al." keys).
        """
        keys = self.findall("cs:key", self.nsmap)
        if not keys or len(entries) < 2:
            return entries
        descending = keys[0].get("sort", "ascending").lower() == "descending"
        first = _sort_column(keys[0], [entry.cite for entry in entries], context)

        def names_of(index: int) -> str | None:
            return None if entries[index].nameless else entries[index].names

        def by_names(index: int) -> tuple[Any, ...]:
            names = names_of(index)
            if names is None:
                return (not descending,)  # no names: an empty key, last either way
            return (descending, collation_key(_TAG.sub("", names)))

        # stable: cites by the same names keep the style's order
        by_author = sorted(range(len(entries)), key=by_names, reverse=descending)
        rank: dict[int, tuple[Any, str]] = {}
        previous: Any = object()
        group_key: Any = None
        for place, index in enumerate(by_author):
            names = names_of(index)
            if names != previous:  # cites printing no names are one group, as one author
                group_key = first[index]
            previous = names
            # the place is appended as text, so 10 comes before 9 (as citeproc-js)
            rank[index] = (group_key, str(place))

        names_key = _sorts_by_names(keys[0])

        def compare(left: int, right: int) -> int:
            (key_a, place_a), (key_b, place_b) = rank[left], rank[right]
            result = _compare_sort_values(key_a, key_b, descending)
            if result or names_key:
                return result
            result = (place_a > place_b) - (place_a < place_b)
            return -result if descending else result

        return [entries[index] for index in sorted(range(len(entries)), key=cmp_to_key(compare))]


def _sorts_by_names(key: Any) -> bool:
    """Whether a sort key is a names variable or a macro that prints names."""
    if "macro" not in key.attrib:
        return key.get("variable", "").replace("-", "_") in _NAME_VARIABLES
    seen: set[str] = set()
    pending = [key.get("macro")]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        macro = key.get_macro(name)
        if macro.xpath_search(".//cs:names"):
            return True
        pending.extend(text.get("macro") for text in macro.xpath_search(".//cs:text[@macro]"))
    return False


def _compare_sort_values(a: Any, b: Any, descending: bool) -> int:
    """One sort key's values compared: an empty value goes last either way."""
    if a is None and b is None:
        return 0
    if a is None:
        return 1
    if b is None:
        return -1
    if type(a) is not type(b):
        # a number beside text ("2000" and "2000a"): both compared as text
        a, b = (v if isinstance(v, tuple) else collation_key(str(v)) for v in (a, b))
    result = (a > b) - (a < b)
    return -result if descending else result


_UNSORTED = object()  # a sort key not rendered yet


def _sort_column(key: Any, items: list[Any], context: Any) -> list[Any]:
    values = key.sort_keys(items, context)
    if key.get("variable", "").replace("-", "_") in DATES:
        # date keys ("YYYYYMMDD", a range "start-end") compare as plain strings, so a
        # single date sorts before a range that starts on it
        return [str(v) if v is not None else None for v in values]
    return [_sortable(v) for v in values]


def _sortable(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    text = html.unescape(_TAG.sub("", str(value))).strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return collation_key(text)


class Macro(_Adapted, model.Macro):
    """A macro renders as a group, as in citeproc-js: when it calls variables and none
    of them prints, its terms and fixed text go too (no "In ." for a chapter without a
    book title)."""

    def render(self, item: Any, context: Any = None, sort_options: Any = None) -> Any:
        return seam_join(_group_output(self, item, "", context, {"sort_options": sort_options}), "")


class Layout(_Adapted, model.Layout):
    def _item_locales(self, item: Any) -> Any:
        style = self.get_root()
        chooser = style.item_locale_chooser
        if chooser is None:
            return style.locales
        return chooser(item.reference)

    def render_bibliography(self, citation_items: list[Any]) -> list[Any]:
        style = self.get_root()
        document_locales = style.locales
        substitute = self.getparent().get("subsequent-author-substitute")
        output_items = []
        previous_names: str | None = None
        state = _disambiguation(self)
        if state is not None:
            state.names.open_bibliography()
        try:
            for item in citation_items:
                style.locales = self._item_locales(item)
                if substitute is None:
                    output_items.append(self._render_entry(item))
                    continue
                # subsequent-author-substitute (citeproc-py ignored it): the same names
                # as the entry before are replaced ("---. 1974b. ...")
                probe = style.names_probe = {"suppress": False}
                entry = self._render_entry(item)
                if probe.get("uncompared"):
                    output_items.append(entry)  # see Substitute._uncompared
                    continue
                names = "\0".join(probe["names_only"]) if probe.get("names_only") else probe.get("names")
                if names is not None and names == previous_names:
                    style.names_probe = {"suppress": False, "replace": substitute}
                    entry = self._render_entry(item)
                previous_names = names
                output_items.append(entry)
        finally:
            style.locales = document_locales
            style.names_probe = None
            if state is not None:
                state.names.close_bibliography()
        return output_items

    def _render_entry(self, item: Any) -> Any:
        """One bibliography entry (None when it renders empty)."""
        self.repressed = {}
        root = self.get_root()
        set_cite_context(root, item.key, "bibliography", subsequent=False)
        root.mark_terms = True
        try:
            if self.getparent().get("second-field-align") or self._left_margin_first():
                body = self._render_second_field(item)
            else:
                body = self.render_children(item)
        finally:
            root.mark_terms = False
        if body is None:
            return None
        body = String(_capitalize_leading_term(str(body), predecessor=False))
        if self.xpath_search(".//cs:group[@display]"):
            body = String(_strip_visible(str(body)))
        # an entry starts and ends with what it prints, not with an affix's space
        # (PLOS: suffix=". " on its last group), as citeproc-js's entries are trimmed
        return String(_strip_visible(str(self._punctuation_in_quote(self.format(self.wrap(body))))))

    def _punctuation_in_quote(self, text: Any) -> Any:
        quotes = tuple(str(self.get_single_term(name=name) or default) for name, default in (
            ("open-quote", "\u201c"), ("close-quote", "\u201d"),
            ("open-inner-quote", "\u2018"), ("close-inner-quote", "\u2019")))
        text = _alternate_quotes(_flip_formatting(text), quotes)  # type: ignore[arg-type]
        return self._move_punctuation_into_quote(text)

    def _move_punctuation_into_quote(self, text: Any) -> Any:
        """Periods, commas, ! and ? after a closing quote move inside it when the locale
        says so (en-US: “Title.”), which citeproc-py ignored."""
        if "\u201d" not in str(text):
            return text
        if str(self.get_locale_option("punctuation-in-quote")).lower() != "true":
            # punctuation stays outside (en-GB), but a quote ending in ? or ! takes no
            # period after it ("“Safe?”", never "“Safe?”."), as in citeproc-js
            return String(_PERIOD_AFTER_QUOTED_MARK.sub(r"\1", str(text)))
        def move(match: re.Match[str]) -> str:
            # the marks that follow the quote (a run of . , ! ?) merge with the quoted
            # text's own last mark: "Safe?" + "." stays “Safe?”
            mark, quote, punctuation = match.groups()
            if quote.startswith("\u2019") and not inner_quotes:  # an apostrophe ("the dogs’”")
                mark, quote = mark + "\u2019", quote[1:]
            return _concat(mark, punctuation) + quote

        inner_quotes = "\u2018" in str(text)
        return String(_QUOTE_THEN_PUNCTUATION.sub(move, str(text)))

    def _left_margin_first(self) -> bool:
        """Whether the entry opens with a display="left-margin" element (ISO 690), which
        citeproc-js's text output sets off as it does a second-field-align first field."""
        own = vars(self)
        found = own.get("left margin first")
        if found is None:
            children = self.getchildren()
            found = own["left margin first"] = bool(children) and children[0].get("display") == "left-margin"
        return found

    def _render_second_field(self, item: Any) -> Any:
        children = list(self.iterchildren())
        first: Any = None
        rest: list[Any] = []
        for child in children:
            try:
                text = child.render(item)
            except VariableError:
                continue
            if text is None or str(text) == "":
                continue
            if first is None:
                first = text
            else:
                rest.append(text)
        if first is None:
            return None
        body = seam_join(rest, self.get("delimiter", ""))
        # citeproc-js's text output is the first field as rendered, then a space, then the
        # rest as rendered, their affixes' spaces kept: suffix=". " gives "1.  Title", and
        # so does a second field with prefix=" " (Institute of Physics: "[1]  Brown E")
        if not rest:
            return first
        body_text = str(body)
        if body_text[:1] in (",", ";", ":", "."):
            # punctuation opening the rest joins the first field (citeproc-js: an
            # anonymous entry in Angewandte Chemie reads "[92],  “Title,”")
            return String(str(first) + body_text[0] + " " + body_text[1:])
        return String(str(first) + " " + body_text)

    def render_citation(self, citation: Any, callback: Any) -> Any:
        style = self.get_root()
        document_locales = style.locales
        citation_element = self.getparent()
        collapse = citation_element.get("collapse")
        by_author = collapse in ("year", "year-suffix", "year-suffix-ranged")
        # cite-group-delimiter alone groups cites by the same names without collapsing them
        grouped = not by_author and citation_element.get("cite-group-delimiter") is not None
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        # cites stay in the order given unless the style sorts them (citeproc-py put
        # them in bibliography order)
        for cite in good:
            relabel_locator(cite)
        if citation_element.sort is not None:
            good = citation_element.sort.sort(good, self)
        place_cites(citation, good, citation_element)
        rendered: list[_RenderedCite] = []
        try:
            for index, cite in enumerate(good):
                style.locales = self._item_locales(cite)
                probe = style.names_probe = {"suppress": False} if by_author or grouped else None
                if vars(cite).get("suppress_author"):
                    style.names_probe, probe = {"suppress": True}, None
                elif vars(cite).get("author_only"):
                    probe = style.names_probe = {"suppress": False}
                text = self._render_cite(cite, first=index == 0, names_probe=probe)
                if text is None or not str(text):
                    if index:
                        continue
                    # citeproc-js marks a citation whose first cite prints nothing
                    text = String(NO_PRINTED_FORM)
                entry = _RenderedCite(cite, text, probe.get("names") if probe else None)
                if probe and (entry.names is None or probe.get("substituted_term")) \
                        and _substitute_prints_names(probe.get("element")):
                    entry.nameless = True
                if entry.names is None and collapse in ("year-suffix", "year-suffix-ranged"):
                    # citeproc-js: cites printing no names share the (empty) names, so
                    # their year suffixes collapse too ("(1965a, b)")
                    entry.names, entry.without_names = "", text
                elif by_author and entry.names is not None:
                    style.names_probe = {"suppress": True}
                    entry.without_names = self._render_cite(cite, first=index == 0)
                rendered.append(entry)
                citation_element.cites.append(cite)
        finally:
            style.locales = document_locales
            style.names_probe = None
        if by_author and citation_element.sort is not None and style.get("class") == "in-text":
            rendered = citation_element.sort.group_by_names(rendered, self)
        if collapse == "citation-number":
            groups = self._number_groups(rendered)
        elif by_author:
            groups = self._author_groups(rendered, collapse)
        elif grouped:
            groups = self._cite_groups(rendered)
        else:
            groups = [[entry.text] for entry in rendered]
        text = self._join_groups(groups)
        for cite in bad:
            value = callback(cite) if callback is not None else None
            text = seam_join([text, value or f"{cite.key}?"] if str(text) else [value or f"{cite.key}?"],
                             self.get("delimiter", ""))
        if good and vars(good[0]).get("author_only"):
            # names for the running text ("Smith argues"): citeproc-js drops the layout's
            # affixes and formatting
            text = self._punctuation_in_quote(text)
        else:
            text = self._punctuation_in_quote(self.format(self.wrap(text)))
        return String(str(text).replace(_AFFIX_QUOTE_END, ""))

    def _render_cite(self, cite: Any, first: bool, names_probe: Any = None) -> Any:
        """One cite with its affixes; ``first`` when it opens the citation."""
        self.repressed = {}
        root = self.get_root()
        # a term opening a note citation is capitalized ("Ibid."), as citeproc-js does
        root.mark_terms = root.get("class") != "in-text"
        position = vars(cite).get("cite_position")
        if position is not None:
            subsequent = not position.first
        else:
            subsequent = any(earlier.key == cite.key for earlier in self.getparent().cites)
        set_cite_context(root, cite.key, "citation", subsequent=subsequent)
        reference = cite.reference
        # the note the item was first cited in, for this cite only (citeproc-js gives it
        # to cites after the first)
        if position is not None and subsequent and position.first_note:
            reference["first_reference_note_number"] = String(str(position.first_note))
        try:
            output = self.render_children(cite)
        except VariableError:
            return None
        finally:
            root.mark_terms = False
            reference.pop("first_reference_note_number", None)
        if vars(cite).get("author_only") and names_probe is not None:
            output = names_probe.get("names")
        if output is None:
            return None
        prefix = cite.get("prefix", "")
        output = _capitalize_leading_term(str(output), predecessor=_prefix_precedes(prefix, not first))
        # a cite's affixes are text like a field's: typographic quotes, but punctuation
        # after their closing quotes stays outside (as citeproc-js: “quote”, Title)
        prefix, suffix = (_CLOSING_QUOTE.sub("\\g<0>" + _AFFIX_QUOTE_END, str(_rich_string(affix, verbatim=False)))
                          for affix in (prefix, cite.get("suffix", "")))
        end = _SUFFIX_PUNCTUATION_END if str(cite.get("suffix", ""))[-1:] in (";", ".", ",") else ""
        return prefix + output + suffix + end

    def _join_groups(self, groups: list[list[Any]]) -> Any:
        """Groups joined by the layout delimiter, or after-collapse-delimiter after a
        collapsed group; a group's own parts are already joined. A group is [text],
        [text, collapsed] or, by author, [text, collapsed, prints names]."""
        citation_element = self.getparent()
        delimiter = self.get("delimiter", "")
        after_collapse = citation_element.get("after-collapse-delimiter", delimiter)
        # citeproc-js: with collapse="year" (or year-suffix-ranged) every change of
        # author takes after-collapse-delimiter, collapsed or not
        by_author = citation_element.get("collapse") in ("year", "year-suffix-ranged")
        output = ""
        previous_collapsed = False
        for index, group in enumerate(groups):
            new_author = by_author and len(group) > 2 and group[2]
            joint = after_collapse if previous_collapsed or new_author else delimiter
            if index and output.endswith(_SUFFIX_PUNCTUATION_END):
                output = output[:-1] + (joint[joint.index(" "):] if " " in joint else "")
            # a cite whose prefix starts with punctuation (", cited in") replaces the delimiter
            elif index and _visible_edge(str(group[0]), last=False) not in _LEADING_PUNCTUATION:
                output = _concat(output, joint)
            output = _concat(output, str(group[0]))
            previous_collapsed = len(group) > 1 and group[1]
        return String(output.replace(_SUFFIX_PUNCTUATION_END, ""))

    def _number_groups(self, rendered: list[_RenderedCite]) -> list[list[Any]]:
        """Runs of three or more consecutive citation numbers rendered alike become
        "first–last" ("1–3", "[1]–[3]"); citeproc-py never collapsed them."""
        groups: list[list[Any]] = []
        run: list[tuple[int, str]] = []

        def flush() -> None:
            if len(run) >= 3:
                groups.append([String(f"{run[0][1]}\u2013{run[-1][1]}"), True])
            else:
                groups.extend([String(text)] for _number, text in run)
            run.clear()

        for entry in rendered:
            number = entry.cite.number
            text = str(entry.text)
            shape = text.replace(str(number), "\0", 1) if str(number) in _TAG.sub("", text) else None
            if shape is None or entry.cite.get("locator", None) is not None:
                flush()
                groups.append([entry.text])
                continue
            if run and (number != run[-1][0] + 1
                        or shape != run[-1][1].replace(str(run[-1][0]), "\0", 1)):
                flush()
            run.append((number, text))
        flush()
        return groups

    def _cite_groups(self, rendered: list[_RenderedCite]) -> list[list[Any]]:
        """Neighbouring cites printing the same names are joined by cite-group-delimiter
        ("Banda 1999; Aalto 2000, Aalto 2001"); as in citeproc-js, cites are not moved
        to join a group."""
        delimiter = self.getparent().get("cite-group-delimiter")
        runs: list[tuple[str | None, list[str]]] = []
        for entry in rendered:
            if runs and entry.names is not None and runs[-1][0] == entry.names:
                runs[-1][1].append(str(entry.text))
            else:
                runs.append((entry.names, [str(entry.text)]))
        return [[seam_join(texts, delimiter)] for _names, texts in runs]

    def _author_groups(self, rendered: list[_RenderedCite], collapse: str) -> list[list[Any]]:
        """Cites by the same names are grouped and print the names once ("Smith 1900,
        2000"); with year-suffix collapsing the years too ("2000a, b" or "2000a–c")."""
        citation_element = self.getparent()
        # citeproc-js: ", " between the years of one author in in-text styles, the layout
        # delimiter in note styles; year suffixes take the layout delimiter (CSL 1.0.2)
        in_text = self.get_root().get("class") == "in-text"
        default_group = ", " if in_text else self.get("delimiter", ", ")
        group_delimiter = citation_element.get("cite-group-delimiter", default_group)
        after_collapse = citation_element.get("after-collapse-delimiter", self.get("delimiter", ""))
        suffix_delimiter = citation_element.get(
            "year-suffix-delimiter", citation_element.get("cite-group-delimiter", self.get("delimiter", ", ")))
        # cites by one author are brought together only when the style sorts cites; otherwise
        # only neighbours collapse (citeproc-js)
        grouped = citation_element.sort is not None
        order: list[Any] = []
        members: dict[Any, list[_RenderedCite]] = {}
        run = 0
        previous: Any = None
        last_key: Any = None
        for entry in rendered:
            if entry.nameless and last_key is not None:
                # citeproc-js: a cite whose names print nothing (no author, editor, ...
                # and no text to substitute) follows the cite before it as one of its
                # group: "(Kim 2010, 2016)", "(2005, 2016; Kim 2010)"
                entry.without_names = entry.text
                members[last_key].append(entry)
                continue
            names = entry.names if entry.names is not None else f"\0{id(entry)}"
            run += names != previous
            previous = names
            key = names if grouped else (run, names)
            last_key = key
            if key not in members:
                order.append(key)
                members[key] = []
            members[key].append(entry)
        groups: list[list[Any]] = []
        for key in order:
            entries = members[key]
            if len(entries) == 1:
                groups.append([entries[0].text, False, entries[0].names is not None])
                continue
            parts: list[str] = [str(entries[0].text)]
            delimiters: list[str] = []
            previous = entries[0]
            suffix_run: list[str] = []
            for entry in entries[1:]:
                if entry.without_names is None:
                    continue  # nothing but the names, already printed
                suffix = _year_suffix_only(previous, entry) if collapse != "year" else None
                if suffix is not None:
                    suffix_run.append(suffix)
                else:
                    parts[-1] = _with_suffixes(parts[-1], suffix_run, suffix_delimiter, collapse)
                    suffix_run = []
                    # after a cite with a locator, citeproc-js uses after-collapse-delimiter
                    has_locator = previous.cite.get("locator", None) is not None
                    delimiters.append(after_collapse if has_locator else group_delimiter)
                    parts.append(str(entry.without_names))
                previous = entry
            parts[-1] = _with_suffixes(parts[-1], suffix_run, suffix_delimiter, collapse)
            joined = parts[0]
            for delimiter, part in zip(delimiters, parts[1:], strict=True):
                joined = _concat(joined, delimiter)
                joined = _concat(joined, part)
            groups.append([String(joined), True, True])
        return groups


# marks where a term starts while a cite or entry renders (see _capitalize_leading_term)
_TERM_START = "\ue001"
_SENTENCE_END = (":", ".", ";", "!", "?")
_TRAILING_QUOTES_AND_SPACES = re.compile("[\"'\u201d\u2019\u00bb\u202f\u00a0 ]+$")


def _capitalize_leading_term(text: str, predecessor: bool) -> str:
    """A term that is the first thing a cite or entry prints (only affix punctuation
    before it) starts with a capital ("Ibid."), as citeproc-js prints it; the term
    marks are removed."""
    if _TERM_START not in text:
        return text
    head, _, rest = text.partition(_TERM_START)
    if not predecessor and not any(char.isalnum() for char in _TAG.sub("", head)):
        tags = _LEADING_TAGS.match(rest)
        start = tags.end() if tags else 0
        rest = rest[:start] + rest[start : start + 1].upper() + rest[start + 1 :]
    return (head + rest).replace(_TERM_START, "")


def _prefix_precedes(prefix: str, predecessor: bool) -> bool:
    """Whether a term after a cite's ``prefix`` follows other text: a prefix ending a
    sentence of several words ("Caps after. ") starts anew, a one-word one ("Cf. ") or
    any other text does not (citeproc-js)."""
    if not prefix:
        return predecessor
    plain = _TRAILING_QUOTES_AND_SPACES.sub("", _TAG.sub("", prefix))
    return not (plain[-1:] in _SENTENCE_END and " " in prefix.strip())


NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"


class _RenderedCite:
    """One cite's output in a citation, with what author collapsing needs."""

    def __init__(self, cite: Any, text: Any, names: str | None) -> None:
        self.cite = cite
        self.text = text
        self.names = names
        self.without_names: Any = None
        # no names of its own to compare (see Layout._author_groups)
        self.nameless = False


def _substitute_prints_names(names: Any) -> bool:
    """Whether a cs:names element's cs:substitute has no cs:text variable of its own:
    citeproc-js then takes names printing nothing, or a substituted term, for no names
    at all ("Ahmed 2012, 2013", "Ahmed 2012, Anon, 2013": the cite goes with the one
    before), but not with such a text ("Lee 2000; 2016", checked against citeproc-js)."""
    if names is None:
        return False
    for substitute in names.xpath_search("./cs:substitute"):
        if any(isinstance(child, model.Text) and "variable" in child.attrib for child in substitute.children()):
            return False
    return True


def _year_suffix_only(previous: _RenderedCite, entry: _RenderedCite) -> str | None:
    """The year suffix of ``entry`` when it differs from ``previous`` by that alone."""
    before = previous.cite.reference.get("year_suffix")
    after = entry.cite.reference.get("year_suffix")
    if not before or not after or entry.without_names is None or previous.without_names is None:
        return None
    # compared without markup: a formatted suffix ("<span …>a</span>") is text like any
    if _TAG.sub("", str(previous.without_names)).replace(str(before), "", 1) \
            != _TAG.sub("", str(entry.without_names)).replace(str(after), "", 1):
        return None
    # the suffix as printed, with its formatting ("<i>b</i>")
    printed = re.search(rf"(?:<[a-z][^>]*>)*{re.escape(str(after))}(?:</[a-z]+>)*", str(entry.without_names))
    return printed.group(0) if printed else str(after)


def _with_suffixes(text: str, suffixes: list[str], delimiter: str, collapse: str) -> str:
    if not suffixes:
        return text
    if collapse == "year-suffix-ranged" and len(suffixes) >= 2:
        letters = [_TAG.sub("", text).rstrip()[-1:]] + suffixes
        # runs are found on the plain letters; the suffixes print with their formatting
        plain = [_TAG.sub("", letter) for letter in letters]

        def follows(index: int) -> bool:
            before, after = plain[index - 1], plain[index]
            return len(before) == len(after) == 1 and ord(after) == ord(before) + 1

        pieces: list[str] = []
        start = 0
        for index in range(1, len(letters) + 1):
            if index == len(letters) or not follows(index):
                run = letters[start:index]
                if start == 0:
                    if len(run) >= 3:
                        pieces.append("\u2013" + run[-1])
                    else:
                        pieces.extend(delimiter + letter for letter in run[1:])
                elif len(run) >= 3:
                    pieces.append(delimiter + run[0] + "\u2013" + run[-1])
                else:
                    pieces.extend(delimiter + letter for letter in run)
                start = index
        return text + "".join(pieces)
    return text + "".join(delimiter + suffix for suffix in suffixes)



_SPACED_HYPHEN = re.compile(r"(?<=\d)\s+-\s+(?=\d)")
_LEADING_PUNCTUATION = (",", ";", ":", ".")
_PAGE_SEPARATOR = re.compile(r"(\s*(?:,|&|&amp;)\s*)")
_PAGE_RANGE = re.compile(r"\s*(\S+?)\s*(?:-+|\u2013)\s*(\S+?)\s*")
_ROMAN = re.compile(r"[ivxlcdm]+|[IVXLCDM]+")
# two numbers in one value joined as citeproc-js joins them ("1-2", "S213–S235", "213 and
# 235", "3, 5", "3 & 5") or a roman range ("i–ix"); "7 Suppl 3" is one issue ("no.")
_PLURAL_NUMBERS = re.compile(
    r"\d+[^\d.]*?(?:[-\u2013&,;]|\band\b)[^\d.]*\d+|(?<![A-Za-z])(?:[ivxlcdm]+|[IVXLCDM]+)\s*(?:-+|\u2013)\s*(?:[ivxlcdm]+|[IVXLCDM]+)(?![A-Za-z])"
)
_PAGE_NUMBER = re.compile(r"(.*\D)?(\d+)")
# Label abbreviations citeproc-js recognises at the start of a locator or number part
# ("vol. 2", "p. 3-8") and the terms they stand for.
_LABEL_ABBREVIATIONS = {
    "art": "article", "bk": "book", "ch": "chapter", "col": "column", "fig": "figure", "fol": "folio",
    "l": "line", "n": "note", "no": "issue", "op": "opus", "p": "page", "pp": "page", "para": "paragraph",
    "pt": "part", "sec": "section", "sv": "sub-verbo", "vol": "volume", "vols": "volume", "vrs": "verse",
}
_LABELS = "|".join(sorted(_LABEL_ABBREVIATIONS, key=len, reverse=True))
_LEADING_LABEL = re.compile(rf"({_LABELS})\.\s+(\S.*)", re.S)
_LATER_LABEL = re.compile(rf",\s*(?:{_LABELS})\.\s")


def _split_label(value: str) -> tuple[str, str] | None:
    """("page", "3-8") for "p. 3-8": a value opening with a label abbreviation."""
    match = _LEADING_LABEL.fullmatch(value.strip())
    return (_LABEL_ABBREVIATIONS[match.group(1)], match.group(2)) if match else None


def relabel_locator(cite: Any) -> None:
    """A page locator written with its own label ("vol. 1, fol. 186") takes that label
    ("volume", "1, fol. 186"), as citeproc-js reads it; the style's label then prints it."""
    locator = cite.get("locator", None)
    if locator is None or locator.label not in ("page", None):
        return
    found = _split_label(str(locator.identifier))
    if found is not None:
        cite["locator"] = Locator(*found)


def _last_page(first: str, last: str, range_format: str | None) -> str:
    """The second number of a page range in ``range_format`` (CSL 1.0.2 appendix V)."""
    full = first[: len(first) - len(last)] + last if len(last) < len(first) else last
    if range_format is None:
        return last
    if range_format == "expanded" or len(full) != len(first):
        return full
    common = 0
    while common < len(full) and full[common] == first[common]:
        common += 1
    minimal = full[common:] or full[-1:]
    if range_format == "minimal":
        return minimal
    minimal_two = full[min(common, len(full) - 2):] if len(full) >= 2 else full
    if range_format == "minimal-two":
        return minimal_two
    if range_format in ("chicago", "chicago-15", "chicago-16"):
        number = int(first)
        if number < 100 or number % 100 == 0:
            return full
        if range_format != "chicago-16" and len(first) == 4 and len(minimal) >= 3:
            return full
        return minimal if number % 100 < 10 else minimal_two
    return last


def format_page_ranges(value: str, range_format: str | None, delimiter: str, ampersand: str = "&") -> str:
    """Page ranges as the style wants them ("321-8" → "321–328" when expanded). A range
    whose ends are not plain numbers with one shared prefix is kept as written; "&"
    between numbers is the locale's ``and`` symbol."""
    value = value.replace("\\-", "\x02")  # "3\-B": an escaped hyphen is not a range
    output = []
    for piece in _PAGE_SEPARATOR.split(value):
        if not piece:
            continue
        if _PAGE_SEPARATOR.fullmatch(piece):
            output.append(f" {ampersand} " if "&" in piece else ", ")
            continue
        match = _PAGE_RANGE.fullmatch(piece)
        if not match:
            output.append(piece.strip())
            continue
        first, last = match.groups()
        first_match, last_match = _PAGE_NUMBER.fullmatch(first), _PAGE_NUMBER.fullmatch(last)
        if _ROMAN.fullmatch(first) and _ROMAN.fullmatch(last):
            output.append(f"{first}{delimiter}{last}")
            continue
        if not (first_match and last_match and first_match.group(1) == last_match.group(1)):
            output.append(f"{first}-{last}")
            continue
        prefix, first_digits = first_match.groups()
        prefix = prefix or ""
        last_digits = _last_page(first_digits, last_match.group(2), range_format)
        full = _last_page(first_digits, last_match.group(2), "expanded")
        if int(full) < int(first_digits):
            output.append(f"{first}-{last}")
            continue
        # a shortened last page drops the prefix ("n11564–68"), a full one repeats it
        last_prefix = prefix if last_digits == full else ""
        output.append(f"{prefix}{first_digits}{delimiter}{last_prefix}{last_digits}")
    return "".join(output).replace("\x02", "-")


class _PageRanges:
    """Page ranges per CSL 1.0.2: prefixes ("N110–N115"), chicago-16, ranges left alone
    when they are not numeric; citeproc-py mangled escaped ampersands ("& amp;")."""

    def _process(self, value: Any, variable: str) -> Any:
        if not variable.startswith("page") or variable == "page-first":
            return super()._process(value, variable)
        text = html.unescape(str(value))
        delimiter = html.unescape(str(self.get_single_term(name="page-range-delimiter") or "")) or "\u2013"
        range_format = self.get_root().get("page-range-format")
        ampersand = html.unescape(str(self.get_single_term(name="and", form="symbol") or "")) or "&"
        return String(html.escape(format_page_ranges(text, range_format, delimiter, ampersand), quote=False))


# Variables citeproc-js reads as numbers in cs:text: a hyphen joining two numbers there
# prints as an en dash ("3–4", "2013–001"); "A-4", "3-4 Suppl" and call numbers stay.
_NUMBER_VARIABLES = {
    "chapter-number", "collection-number", "division", "edition", "issue", "number", "number-of-pages",
    "number-of-volumes", "part-number", "printing-number", "section", "supplement-number", "version", "volume",
}
_NUMBER_TOKEN = r"(?:\d+[A-Za-z]*|[ivxlcdm]+|[IVXLCDM]+)"
_NUMBER_JOINER = r"(?:,\s+|;\s+|\s*&\s*|\s+and\s+)"
_NUMBER_RANGE = re.compile(rf"(^|{_NUMBER_JOINER})({_NUMBER_TOKEN})\s*-\s*({_NUMBER_TOKEN})(?=$|{_NUMBER_JOINER})")


def _short_url(url: str) -> str:
    """A URL's short form as citeproc-js prints it: no path after the host, no scheme
    before "//www." ("https://www.example.org/a/b" → "www.example.org")."""
    url = re.sub(r"(.*\.[^/]+)/.*", r"\1", url, count=1)
    return re.sub(r"https?://", "", url, count=1) if "//www." in url else url


class Text(_PageRanges, _Adapted, model.Text):
    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """citeproc-py's, without raising an exception per item to learn its language."""
        if context is None:
            context = self
        own = vars(self)
        kind = own.get("text kind")
        if kind is None:  # what the element prints and whether it has a text-case, read once
            attrib = self.attrib
            kind = own["text kind"] = (
                next((name for name in ("variable", "macro", "term", "value") if name in attrib), None),
                "text-case" in attrib,
                self.get_macro(attrib["macro"]) if "variable" not in attrib and "macro" in attrib else None,
            )
        source, text_case, macro = kind
        if text_case:  # the language only matters to text-case
            language = item.reference.get("language")
            if language:
                language = str(language)[:2]
            else:
                language = (self.get_root().get("default-locale") or "en")[:2]
        else:
            language = None
        if source == "variable":
            text = self._variable(item, context)
        elif source == "macro":
            # sort options reach names inside nested macros (citeproc-py dropped them)
            text = macro.render(item, context, sort_options=kwargs.get("sort_options"))
        elif source == "term":
            text = self._term(item)
            if text and not text_case and vars(self.get_root()).get("mark_terms"):
                text = String(_TERM_START + str(text))
        elif source == "value":
            text = own.get("rich value")
            if text is None:  # may hold markup, as a field; parsed once
                text = own["rich value"] = _rich_string(self.get("value"), verbatim=False)
        else:
            text = None
        return text, language

    def markup(self, text: Any, language: Any = None) -> Any:
        if not text:
            return None
        own = vars(self)
        plain = own.get("plain markup")
        if plain is None:  # no attribute that changes the text: it prints as it is
            attrib = self.attrib
            plain = own["plain markup"] = not any(name in attrib for name in _MARKUP_ATTRIBUTES)
        if plain:
            return str(text) if isinstance(text, (int, float)) else text
        return super().markup(text, language)

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        text, language = self.process(item, context, **kwargs)
        return self.markup(text, language)

    def _variable(self, item: Any, context: Any) -> Any:
        variable = self.get("variable")
        if variable == "citation-label":
            # made up when the item has none; its year suffix follows it (not while
            # cites are compared, as citeproc-js)
            label = citation_label(item.reference)
            suffix = item.reference.get("year_suffix")
            if suffix and not vars(_style_root(self)).get("comparing_cites"):
                label += str(suffix)
            _record_printed(self, context, "citation-label")
            return String(label)
        if variable != "locator" or not item.has_locator:
            if _absent(variable, self.get("form"), item):
                return None  # citeproc-py raised VariableError on the way: the same to parents
            text = super()._variable(item, context)
            if text:
                _record_printed(self, context, self.get("variable"))
                if self.get("variable") == "URL" and self.get("form") == "short":
                    text = String(_short_url(str(text)))
                if self.get("variable") in _NUMBER_VARIABLES and "-" in str(text) \
                        and not _TAG.search(str(text)):
                    # an escaped hyphen ("37\\-38") is kept as a hyphen, as citeproc-js keeps it
                    text = String(_NUMBER_RANGE.sub("\\1\\2\u2013\\3", str(text)).replace("\\-", "-"))
            return text
        # a locator is text like a field's: its quotes are quotes (s.v. “gargoyle”)
        value = html.escape(_typographic(str(item.locator.identifier)), quote=False)
        if item.locator.label in ("page", None):  # page locators take the page-range format
            return self._process(value, "page")
        # "200 - 201" is a range like "200-201" (citeproc-js drops the spaces)
        return String(_SPACED_HYPHEN.sub("-", value).replace("\\-", "-").replace("-", "\u2013"))


# attributes of cs:text that change what its markup() returns
_MARKUP_ATTRIBUTES = ("strip-periods", "text-case", "quotes", "prefix", "suffix", *_FORMATTING_ATTRIBUTES)


def _absent(variable: str, form: str | None, item: Any) -> bool:
    """Whether citeproc-py's Text._variable would find no value for ``variable``."""
    if variable == "citation-number":
        return False
    if variable == "locator":
        return not item.has_locator
    reference = item.reference
    if variable.startswith("page"):
        return "page" not in reference
    name = variable.replace("-", "_")
    return name not in reference and not (form == "short" and f"{name}_short" in reference)


def _style_root(element: Any) -> Any:
    root = element.get_root()
    return root.style if isinstance(root, model.Locale) else root


def _enclosing_layout(element: Any, context: Any) -> Any:
    """The cs:layout that ``element`` renders in, or None (a date format of a locale)."""
    for candidate in (context, element):
        if candidate is not None:
            found = candidate.xpath_search("./ancestor-or-self::cs:layout[1]")
            if found:
                return found[0]
    return None


class Date(_Adapted, model.Date):
    """A localized date joins its parts with the locale's delimiter (CSL 1.0.2 §Dates).

    A style that never prints ``year-suffix`` gets it after the first year of ``issued``
    it prints in each cite or entry (CSL 1.0.2 §Disambiguation; citeproc-py dropped it).
    The date a work was accessed does not tell cites apart (citeproc-js leaves it out when
    it compares them).
    """

    def process(self, item: Any, variable: Any = None, show_parts: Any = None, context: Any = None,
                **kwargs: Any) -> Any:
        root = _style_root(self)
        name = variable or self.get("variable")
        if name == "accessed" and vars(root).get("comparing_cites"):
            raise VariableError(name)
        own_layout = _enclosing_layout(self, context)  # none for a locale's date format
        if own_layout is not None and name in (vars(own_layout).get("repressed") or {}).get(self.tag, ()):
            return None  # a substitute printed this date already (CSL 1.0.2 §Substitute)
        # the first year printed takes it, of whichever date (citeproc-js: an
        # undated web page has it after the year it was accessed)
        suffix = item.reference.get("year_suffix")
        layout = None
        # a locale's date format renders for a style's date, which did this already
        # (looking up its layout from a macro crashed: Frontiers' numeric year)
        if suffix and vars(root).get("implicit_year_suffix") and own_layout is not None:
            layout = own_layout
            if layout.repressed.get("year-suffix-done"):
                layout = None
            else:
                root.pending_year_suffix = str(suffix)
        try:
            text = super().process(item, variable, show_parts, context, **kwargs)
            if text and own_layout is not None:
                _record_printed(self, context, name)
            return text
        finally:
            if layout is not None:
                if root.pending_year_suffix is None:
                    layout.repressed["year-suffix-done"] = True
                root.pending_year_suffix = None

    def render_date_range(self, date_range: Any, show_parts: Any = None, context: Any = None) -> Any:
        """A range shows what differs once per end and what they share once ("2–4 January
        1999", "January–March 1999"), with the largest differing part's range-delimiter."""
        begin, end = date_range.begin, date_range.get("end")
        show = list(show_parts or ["year", "month", "day"])
        if end is None:
            return self.render_single_date(begin, show, context)
        if end.is_nil():
            single = self.render_single_date(begin, show, context)
            parts = self._part_elements(context)
            largest = parts[0].get("name") if parts else "year"
            return String(str(single) + self._range_delimiter(largest, parts, context)) if single else None

        def value(date: Any, part: str) -> Any:
            return date.get(part) if part != "month" else (date.get("month") or date.get("season"))

        if value(begin, "year") != value(end, "year"):
            differing = {"year", "month", "day"}
        elif value(begin, "month") != value(end, "month"):
            differing = {"month", "day"}
        else:
            differing = {"day"}
        largest = next(p for p in ("year", "month", "day") if p in differing)
        parts = [p for p in self._part_elements(context) if p.get("name") in show]
        names = [p.get("name") for p in parts]
        block = [name for name in names if name in differing]
        if not block:
            return self.render_single_date(begin, show, context)
        delimiter = self._range_delimiter(largest, parts, context)
        first, last = names.index(block[0]), names.index(block[-1])
        before = self._render_parts(begin, names[:first], context)
        start = self._render_parts(begin, names[first:last + 1], context)
        finish = self._render_parts(end, names[first:last + 1], context)
        after = self._render_parts(begin, names[last + 1:], context)
        middle = str(start).rstrip() + delimiter + str(finish).lstrip() if start and finish else start or finish
        pieces = [p for p in (before, middle, after) if p]
        return self.join(pieces) if pieces else None

    def _part_elements(self, context: Any) -> list[Any]:
        return [child for child in self.iterchildren() if child.tag.endswith("}date-part")]

    def _render_parts(self, date: Any, names: list[str], context: Any) -> Any:
        if not names:
            return None
        if context is not None and context is not self:
            parts = self.parts(date, names, context)
        else:
            parts = self.parts(date, names)
        return self.join(parts) if parts else None

    def _range_delimiter(self, largest: str, parts: list[Any], context: Any) -> str:
        for candidate in ([context] if context is not None and context is not self else []) + [self]:
            for part in candidate.iterchildren():
                if part.tag.endswith("}date-part") and part.get("name") == largest and part.get("range-delimiter"):
                    return part.get("range-delimiter")
        return "\u2013"

    def render_single_date(self, date: Any, show_parts: Any = None, context: Any = None) -> Any:
        if context is not None and context is not self:
            parts = self.parts(date, show_parts, context)
        else:
            parts = self.parts(date, show_parts)
        if not parts:
            return None
        return self.join(parts)


class Date_Part(_Adapted, model.Date_Part):  # noqa: N801 (citeproc-py maps tag names to class names)
    """A style's date-part overrides apply to this rendering only, without affixes."""

    def process(self, date: Any, context: Any = None) -> Any:
        if self.get("name") == "day" and self.get("form") == "ordinal":
            text = self._ordinal_day(date)
        else:
            text = super().process(date, context)
        if self.get("name") == "year" and text:
            root = _style_root(self)
            pending = vars(root).get("pending_year_suffix")
            if pending:
                root.pending_year_suffix = None
                text = str(text) + pending
        return text

    def _ordinal_day(self, date: Any) -> str:
        """The day as an ordinal agreeing with the month term's gender ("1er janvier"), or
        as a plain number after day 1 when the locale limits ordinals to it."""
        day = date.day
        root = _style_root(self)
        if day > 1 and str(self.get_locale_option("limit-day-ordinals-to-day-1")).lower() == "true":
            return str(day)
        month = date.get("month")
        gender = ordinals.term_gender(f"month-{month:02}", root.locales) if month else None
        return f"{day}{ordinals.ordinal_suffix(day, root.locales, gender)}"

    def render(self, date: Any, context: Any = None) -> Any:
        override = {}
        if context is not None and context is not self:
            try:
                found = context.xpath_search(f'./cs:date-part[@name="{self.get("name")}"]')
            except AttributeError:
                found = []
            if found:
                override = {k: v for k, v in found[0].attrib.items() if k not in ("prefix", "suffix")}
        if not override:
            return super().render(date, context)
        saved = dict(self.attrib)
        cached = ("has", _FORMATTING_ATTRIBUTES)  # _has_any's memo: the attributes change here
        try:
            self.attrib.update(override)
            vars(self).pop(cached, None)
            return self.markup(self.process(date, None))
        finally:
            self.attrib.clear()
            self.attrib.update(saved)
            vars(self).pop(cached, None)


class Number(_PageRanges, _Adapted, model.Number):
    """Ordinals per CSL 1.0.2 (see :mod:`.ordinals`): in the gender of the variable's
    term ("1.ª edición", "1.º número"), with ``match`` and whole-set locale overrides."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """citeproc-py's, with hyphenated variables found (it looked ``number-of-pages``
        up as written while the reference keeps ``number_of_pages``, so they never printed)."""
        variable = self.get("variable")
        if variable == "locator":
            if not item.has_locator:
                return None
            variable, value = item.locator.label or "page", item.locator.identifier
        elif variable == "page-first":
            value = item.reference.page
        else:
            value = item.reference[variable.replace("-", "_")]
        vars(self)["numbered_term"] = variable
        if "\\-" in str(value):  # an escaped hyphen: no range, printed as written (citeproc-js)
            return String(str(value).replace("\\-", "-"))
        return self._process(value, variable)

    def _process(self, value: Any, variable: str) -> Any:
        """Parts of a number that carry their own label ("7, p. 3-8") print the label's
        term, plural for a range ("7th, pp. 3–8"), and the numbers as they are."""
        text = str(value)
        parts = text.split(",")
        if variable.startswith("page") or not any(_split_label(part) for part in parts):
            return super()._process(value, variable)
        output = []
        for part in parts:
            found = _split_label(part)
            if found is None:
                output.append(str(super()._process(part.strip(), variable)))
                continue
            label, numbers = found
            term = self.get_term(label, "short")
            plural = _PLURAL_NUMBERS.search(numbers) is not None
            name = "" if term is None else str(term.multiple if plural else term.single)
            # a page range takes the locale's page-range-delimiter, as citeproc-js
            dash = html.unescape(str(self.get_single_term(name="page-range-delimiter") or "")) \
                if label == "page" else ""
            numbers = _SPACED_HYPHEN.sub("-", numbers).replace("-", dash or "\u2013")
            output.append(f"{name} {numbers}".strip())
        return String(", ".join(output))

    def format_number(self, number: Any) -> Any:
        form = self.get("form", "numeric")
        if form not in ("ordinal", "long-ordinal"):
            return super().format_number(number)
        try:
            value = int(number)
        except ValueError:
            return number
        locales = _style_root(self).locales
        gender = ordinals.term_gender(vars(self).get("numbered_term") or "", locales)
        if form == "long-ordinal":
            return ordinals.long_ordinal(value, locales, gender)
        return f"{value}{ordinals.ordinal_suffix(value, locales, gender)}"


# The parts of a name in the order citeproc-js strings them to compare authors.
_NAME_PARTS = ("non-dropping-particle", "family", "given", "dropping-particle", "suffix", "literal")


class Names(_Adapted, model.Names):
    """Names a ``cs:substitute`` already printed are suppressed later in the entry
    (CSL 1.0.2 §Substitute; citeproc-py printed them twice: "Lee K, editor. Title. Lee K,
    editor.")."""

    def wrap(self, string: Any) -> Any:
        own = vars(self)
        if own.get("unwrapped"):
            own["unwrapped"] = False
            return string
        return super().wrap(string)

    def process(self, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        vars(self)["unwrapped"] = False
        # Author collapsing (Layout.render_citation) captures, then suppresses, the
        # first names a cite prints.
        probe = vars(self.get_root()).get("names_probe")
        if probe is not None and "done" not in probe and kwargs.get("sort_options") is None:
            probe["done"] = True
            if probe["suppress"]:
                raise VariableError
            # the names alone (without their label: "Doe, John" and "Doe, John ed." are
            # the same author) are recorded, and replaced by subsequent-author-substitute
            probe["capturing"] = True
            probe["element"] = self
            try:
                result = self._process_unrepressed(item, names_context, context, **kwargs)
            finally:
                probe["capturing"] = False
            if "replace" in probe and result is not None and not probe.get("names_only"):
                return String(html.escape(probe["replace"], quote=False))  # a substituted title
            probe["names"] = str(result) if result is not None else None
            return result
        return self._process_unrepressed(item, names_context, context, **kwargs)

    def _process_unrepressed(self, item: Any, names_context: Any = None, context: Any = None,
                             **kwargs: Any) -> Any:
        layout = (context if context is not None else self).get_layout()
        repressed = getattr(layout, "repressed", {}).get(self.tag, [])
        if not repressed:
            return self._process_recorded(item, names_context, context, **kwargs)
        done = {role for entry in repressed if entry for role in entry.split()}
        roles = self.get("variable", "").split()
        remaining = [role for role in roles if role not in done]
        if remaining == roles:
            return self._process_recorded(item, names_context, context, **kwargs)
        if not remaining:
            raise VariableError
        self.set("variable", " ".join(remaining))
        try:
            return self._process_recorded(item, names_context, context, **kwargs)
        finally:
            self.set("variable", " ".join(roles))

    def _process_recorded(self, item: Any, names_context: Any, context: Any, **kwargs: Any) -> Any:
        result = self._render_roles(item, names_context, context, **kwargs)
        if result:
            for role in self.get("variable", "").split():
                if role.replace("-", "_") in item.reference:
                    _record_printed(self, context, role)
        return result

    def _inherited_context(self) -> Any:
        """The element whose ``cs:name``, ``cs:et-al`` and ``cs:label`` a shorthand
        ``<names variable="editor"/>`` in a ``cs:substitute`` uses: the names element the
        substitute belongs to, also when the shorthand sits in a ``cs:choose`` there
        (citeproc-py used the defaults: "K. Ahmed" for Chicago's "Ahmed, K., ed.")."""
        memo = _root_cache(self)
        key = (self, "inherited_context")
        if key not in memo:
            found = self
            if not any(child.tag.endswith(("}name", "}et-al", "}label")) for child in self.iterchildren()):
                parents = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names[1]")
                found = parents[0] if parents else self
            memo[key] = found
        return memo[key]

    def _render_roles(self, item: Any, names_context: Any, context: Any, **kwargs: Any) -> Any:
        """citeproc-py's ``process`` with hyphenated roles found: it looked
        ``editorial-director`` up as written while the reference keeps
        ``editorial_director``, so those names never printed. The label term keeps the
        CSL name."""
        context = self if context is None else context
        if names_context is None:
            names_context = self._inherited_context()
        reference = item.reference
        roles = self.get("variable").split()
        label_role: dict[str, str] = {}
        if set(roles) == {"editor", "translator"} and reference.get("editor") \
                and reference.get("editor") == reference.get("translator"):
            term = self.get_term("editortranslator")
            if term is not None and term.getchildren():
                roles, label_role = ["editor"], {"editor": "editortranslator"}
        output = []
        cut_to_none = False  # a name list et-al-use-first="0" left empty
        for role in roles:
            names = reference.get(role.replace("-", "_"))
            if not names:
                continue
            name_element = names_context.name
            if name_element is None:
                # a cs:name with the defaults, added once: made outside the CSL namespace,
                # it is not found by tag, so one was added on every render before
                name_element = Name()
                names_context.insert(0, name_element)
                vars(names_context)[("child", "name")] = name_element
            text = name_element.render(item, role, context=context, **kwargs)
            if text is None:
                cut_to_none = True
                continue
            probe = vars(self.get_root()).get("names_probe")
            if probe is not None and probe.get("capturing") and text is not None:
                # citeproc-js compares the parts of the names shown, "et al." left out:
                # "Brown, Sarah J., et al." follows "Brown, Sarah J." as "———"
                shown = vars(name_element).get("shown") or []
                probe.setdefault("names_only", []).append(",".join(
                    "".join(str(name.get(part) or "") for part in _NAME_PARTS) for name in shown))
                if "replace" in probe:
                    text = String(html.escape(probe["replace"], quote=False))
            label_element = names_context.label
            if label_element is not None:
                label = label_element.render(item, label_role.get(role, role), len(names) > 1, **kwargs)
                if label is not None:
                    text = label + text if label_element is names_context.getchildren()[0] else text + label
            output.append(text)
        if not output:
            substitute = self.substitute()
            if substitute is None or cut_to_none:
                raise VariableError
            text = substitute.render(item, context=context, **kwargs)
            # citeproc-js puts the names' affixes around names only: a title or term
            # standing in for them prints bare (Anglia Ruskin: "Anon. 1985", not "Anon.,")
            vars(self)["unwrapped"] = text is not None and vars(substitute).get("printed text", False)
            return text
        if all(isinstance(text, int) for text in output):  # form="count"
            total = sum(output)
            return str(total) if total > 0 else None
        return self.join(output, self.get_parent_delimiter(context))


_ROMANESQUE = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f]")
# A term starting with a letter of a script written with spaces between words (Latin,
# Greek, Cyrillic, Hebrew, Arabic, Thai) or "&" is spaced from the names; others ("等",
# "和") attach, as citeproc-js joins them. The Hebrew conjunction ו is written attached to
# the word, so it does not count as such a letter.
_SPACED_TERM_START = re.compile(
    r"[&A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff"
    r"\u0600-\u06ff\u0e01-\u0e5b\u1f00-\u1fff\u200c-\u200e\u202a-\u202e]"
)


def _spaced_term(term: Any) -> bool:
    text = html.unescape(_TAG.sub("", str(term)))
    return bool(_SPACED_TERM_START.match(text))
_INITIAL_TOKEN = re.compile(r"([^\s.]+)(\.?)")


def _join_particle(left: str, right: str, space: str = " ") -> str:
    """Particles ending in an apostrophe or hyphen attach without a space ("d’Aubignac")."""
    if not left:
        return right
    if not right:
        return left
    return left + right if left[-1] in "\u2019'-" else f"{left}{space}{right}"


def _join_particle_marked(left: str, left_plain: str, right: str, space: str = " ") -> str:
    """``_join_particle`` for formatted words: the plain left word decides the space."""
    return left + right if left_plain[-1] in "\u2019'-" else f"{left}{space}{right}"


def _particle_space(element: Any) -> str:
    """The space between particles and the family name: citeproc-js makes it a no-break
    space when the document's locale is French, Russian or Czech ("O. de\u00a0Souza")."""
    locale = str(getattr(element.get_root(), "document_locale", "") or "")
    return "\u00a0" if locale[:2] in ("fr", "ru", "cs") else " "


_HYPHEN = re.compile(r"\s*-\s*")
_LETTERS = re.compile(r"[^\W\d_]*")


def _hyphenated_parts(given: str) -> list[str]:
    parts: list[str] = []
    for piece in _HYPHEN.split(given):
        if parts and piece[:1].islower():
            parts[-1] += "-" + piece
        else:
            parts.append(piece)
    return parts


def _initial(word: str) -> str:
    """The initial of a given name, with the capitals that follow it when lower-case
    letters follow them ("TSerendorjiin" → "Ts", a digraph; "JOHN" → "J")."""
    letters = _LETTERS.match(word, 1).group()
    capitals = next((i for i, char in enumerate(letters) if not char.isupper()), len(letters))
    return word[0] + (letters[:capitals].lower() if capitals < len(letters) else "")


def _split_markup(word: str) -> tuple[str, str, str]:
    """(leading tags, text, trailing tags) of a word; tags inside the text move to the
    trailing ones, so that none is lost and they stay in order."""
    if "<" not in word:
        return "", word, ""
    lead = _LEADING_TAGS.match(word)
    start = lead.end() if lead else 0
    trail = _TRAILING_TAGS.search(word, start)
    end = trail.start() if trail else len(word)
    core = word[start:end]
    inner = "".join(_TAG.findall(core))
    return word[:start], _TAG.sub("", core), inner + word[end:]


class Name(_Adapted, model.Name):
    """Names per CSL 1.0.2 (citeproc-py's were close but not exact): ``initialize="false"``,
    existing abbreviations kept ("Ph. M."), particles joined without a space after an
    apostrophe, ``comma-suffix``, names in scripts without spaces (我妻栄),
    ``delimiter-precedes-last="after-inverted-name"``, et-al-use-last, and the
    extra names and given names disambiguation asks for."""

    def markup(self, text: Any) -> Any:
        if isinstance(text, int):  # form="count": Names adds the counts up
            return text
        return super().markup(text)

    def _initials(self, given: str, mark: str, initialize: bool, context: Any) -> str:
        hyphen = self.get_option("initialize-with-hyphen", context)
        # a hyphen before a lower-case letter joins one name ("Guo-ping" → "G."), as citeproc-js reads it
        parts = _hyphenated_parts(given) if hyphen else [given.replace("-", " ")]
        result = []
        for part in parts:
            chunks = []
            for chunk in part.split():
                # markup around a word stays around its initial ("<b>J.</b> Q.")
                lead, core, trail = _split_markup(chunk)
                tokens = []
                for word, period in _INITIAL_TOKEN.findall(core):
                    if not word[:1].isupper():
                        tokens.append(" " + word + " ")  # a lower-case particle stays a word
                    elif period or len(word) == 1:
                        tokens.append(word + mark)  # already an initial or abbreviation
                    elif initialize:
                        tokens.append(_initial(word) + mark)
                    else:
                        tokens.append(" " + word + " ")
                text = "".join(tokens)
                body = text.strip()
                chunks.append(text[: len(text) - len(text.lstrip())] + lead + body + trail
                              + text[len(text.rstrip()):])
            result.append(" ".join("".join(chunks).split()))
        joined = ("-" if hyphen else " ").join(r for r in result if r)
        return joined.strip()

    def _one(self, name: Any, index: int, options: dict[str, Any], context: Any) -> str:
        given, family, dp, ndp, suffix = name.parts()
        # the given name's level (disambiguation may raise it): 0 the family name only,
        # 1 initials (the full given name when the style has no initialize-with), 2 in full
        level = options["given-levels"][index] if index < len(options["given-levels"]) else 1
        form = "short" if level == 0 else "long"
        options = {**options, "given-full": level >= 2}
        if "literal" in name:
            return self._part("family", family)
        if not family:  # a given name alone ("Banksy") is printed as it is
            return self._part("family", given or "")
        romanesque = bool(_ROMANESQUE.search(f"{family or ''}{given or ''}"))
        if not romanesque:
            text = (family or "") + ("" if form == "short" else (given or ""))
            return self._part("family", text)
        # in a sort key "sort-only" demotes the particle too: "van der Berg" sorts under B
        demoted = options["demote"] == "display-and-sort" or (
            options.get("sorting") and options["demote"] == "sort-only")
        inverted = options["name-as-sort-order"] == "all" or (
            options["name-as-sort-order"] == "first" and index == 0
        )
        space = _particle_space(self)
        if form == "short":
            # citeproc-js inverts a short name too where names are in sort order, and a
            # demoted particle follows it (GOST: "Berg van der и др., 1994")
            if demoted and (options.get("sorting") or inverted) and ndp:
                separator = " " if options.get("sorting") else options["sort-separator"]
                return self._part("family", f"{family or ''}{separator}{ndp}")
            return self._part("family", _join_particle(ndp or "", family or "", space))
        if given and options["initialize-with"] is not None and not options["given-full"]:
            given = self._initials(given, options["initialize-with"], options["initialize"], context)
        if inverted:
            if demoted:
                family_text = self._part("family", family or "")
                given_text = self._parts("given", [("given", given), ("given", dp), ("family", ndp)])
            else:
                family_text = self._parts("family", [("family", ndp), ("family", family)], space=space)
                given_text = self._parts("given", [("given", given), ("given", dp)])
            pieces = [p for p in (family_text, given_text, suffix) if p]
            return options["sort-separator"].join(pieces)
        # the family name-part's affixes enclose the suffix of a name in display order
        tail = ((", " if name.get("comma-suffix") else " ") + suffix) if suffix else ""
        family_text = self._parts("family", [("given", dp), ("family", ndp), ("family", family)], tail, space)
        return " ".join(p for p in (self._part("given", given or ""), family_text) if p)

    def _name_part(self, which: str) -> Any:
        own = vars(self)
        key = ("name-part", which)
        if key not in own:  # asked for each part of each name: found once
            own[key] = next((part for part in self.findall("cs:name-part", self.nsmap)
                             if part.get("name") == which), None)
        return own[key]

    def _part(self, which: str, text: str) -> str:
        if not text:
            return text
        part = self._name_part(which)
        return str(part.wrap(part.format(part.case(String(text))))) if part is not None else text

    def _parts(self, group: str, words: list[tuple[str, str | None]], tail: str = "", space: str = " ") -> str:
        """Particles and the name they belong to, each word formatted by its own
        name-part (CSL 1.0.2: "given" covers the dropping particle, "family" the
        non-dropping one) as citeproc-js does ("<b>van</b> <b>Meer</b>"), the affixes of
        the ``group`` name-part around them all; particles ending in an apostrophe or
        hyphen attach."""
        output = ""
        previous = ""
        for which, word in words:
            if not word:
                continue
            part = self._name_part(which)
            text = str(part.format(part.case(String(word)))) if part is not None else word
            output = text if not output else _join_particle_marked(output, previous, text, space)
            previous = word
        output += tail if output else ""
        group_part = self._name_part(group)
        return str(group_part.wrap(output)) if output and group_part is not None else output

    def _et_al_subsequent(self, et_al_min: int, use_first: int) -> tuple[int, int]:
        """et-al-subsequent-min/-use-first for an item cited before, where the style sets
        them (citeproc-py ignored them)."""
        root = self.get_root()
        holders = [holder for holder in (self, root.citation, root) if holder is not None]

        def inherited(attribute: str, default: int) -> int:
            for holder in holders:
                if holder.get(attribute) is not None:
                    return int(holder.get(attribute))
            return default

        return inherited("et-al-subsequent-min", et_al_min), inherited("et-al-subsequent-use-first", use_first)

    def _area(self, context: Any) -> Any:
        """The cs:citation or cs:bibliography this name renders in."""
        return (context if context is not None else self).xpath_search(
            "./ancestor::*[self::cs:citation or self::cs:bibliography][1]")[0]

    def get_option(self, name: str, context: Any = None, sort_options: Any = None) -> Any:
        """citeproc-py's, memoised: unless a sort key overrides it, an option comes from
        the style's attributes alone (an XPath query and a caught TypeError otherwise)."""
        if sort_options is not None and name in sort_options:
            return super().get_option(name, context, sort_options)
        own = vars(self)
        key = ("option", name, context)
        if key not in own:
            own[key] = super().get_option(name, context, None)
        return own[key]

    def _option_set(self, name: str, context: Any, sort_options: Any) -> bool:
        """Whether the style sets a name option where this name inherits it from (citation
        or bibliography, not the other): et-al-min without et-al-use-first shortens no
        list (CSL 1.0.2 asks for both; citeproc-js, as citeproc-py did not, then shows all)."""
        if (sort_options and name in sort_options) or name in self.attrib:
            return True
        area = (context if context is not None else self).xpath_search(
            "./ancestor::*[self::cs:citation or self::cs:bibliography][1]")[0]
        return name in area.attrib or name in area.getroottree().getroot().attrib

    def process(self, item: Any, variable: str, context: Any = None, sort_options: Any = None,
                **kwargs: Any) -> Any:
        def option(name: str) -> Any:
            return self.get_option(name, context, sort_options)

        names = list(item.reference.get(variable.replace("-", "_"), []))
        cite_context = _cite_context(self) if sort_options is None else None
        et_al_min = option("et-al-min")
        use_first = option("et-al-use-first")
        use_first_option = "et-al-use-first"
        if cite_context is not None and cite_context.subsequent:
            et_al_min, use_first = self._et_al_subsequent(et_al_min, use_first)
            if not self._option_set(use_first_option, context, sort_options):
                use_first_option = "et-al-subsequent-use-first"
        # A list the source already cut with "et al." has more names than it holds.
        cut_at_source = variable.replace("-", "_") in item.reference.get(INCOMPLETE_NAMES, ())
        shortens = bool(et_al_min) and len(names) + cut_at_source >= et_al_min
        limit = use_first if shortens and self._option_set(use_first_option, context, sort_options) else len(names)
        state = _disambiguation(self) if cite_context is not None else None
        if state is not None:
            limit = state.names_limit(cite_context, names, limit, et_al_min, use_first)
        use_last = option("et-al-use-last") and limit <= et_al_min - 2
        truncated = bool(et_al_min) and limit < len(names)
        shown = names[:limit] if truncated else names
        vars(self)["shown"] = shown
        # A list the source already cut with "et al." ends in "et al." whatever its length:
        # printing it bare would claim these are all the authors.
        if cut_at_source and not truncated:
            truncated, use_last = True, False
        if option("form") == "count":
            return len(shown) + (1 if truncated and use_last else 0)
        if not shown:
            return None  # et-al-use-first="0": no names, so no "et al." either (citeproc-js)
        form, initialize_with = option("form"), option("initialize-with")
        default_level = 0 if form == "short" else (1 if initialize_with is not None else 2)
        sorting_state = _disambiguation(self) if sort_options is not None else None
        if state is not None:
            levels = [state.given_level(cite_context, name, i, form, initialize_with, i < len(shown))
                      for i, name in enumerate(names)]
            if state.rule.endswith("with-initials") and initialize_with is None and 1 in levels:
                initialize_with = ""  # these rules show initials, even without initialize-with
        elif sorting_state is not None and sorting_state.sort_given:
            # citeproc-js sorts by the names as the document shows them, given names
            # expanded to tell people apart ("Dubois, Oleksandr" before "Dubois, Olena")
            levels = [max(default_level, sorting_state.names.level(item.key, name, i, 0, form, initialize_with))
                      for i, name in enumerate(names)]
            if sorting_state.rule.endswith("with-initials") and initialize_with is None and 1 in levels:
                initialize_with = ""
        else:
            levels = [default_level] * len(names)
        if cite_context is not None:
            cite_context.nameset += 1
        options = {
            "form": form,
            "initialize-with": initialize_with,
            "initialize": self.get("initialize", "true") != "false",
            "given-levels": levels,
            "name-as-sort-order": option("name-as-sort-order"),
            "sort-separator": option("sort-separator"),
            "demote": option("demote-non-dropping-particle"),
            "sorting": sort_options is not None,
        }
        rendered = [self._one(name, i, options, context) for i, name in enumerate(shown)]
        inverted_last = options["name-as-sort-order"] == "all" or (
            options["name-as-sort-order"] == "first" and len(rendered) == 1
        )
        delimiter = option("delimiter")
        if truncated:
            # a sort key holds the names kept, not the "et al." term (citeproc-js): "Smith"
            # ties with "Smith et al." so that a later key (a name count) orders them
            et_al = self.et_al() if sort_options is None else None
            if use_last:
                text = self.join(rendered, delimiter)
                ellipsis = "\u2026 "
                last = self._one(names[-1], len(names) - 1, options, context)
                return String(f"{text}{delimiter}{ellipsis}{last}")
            if not et_al:
                return self.join(rendered, delimiter)
            precedes = option("delimiter-precedes-et-al")
            use_delimiter = (
                precedes == "always"
                or (precedes == "contextual" and len(rendered) >= 2)
                or (precedes == "after-inverted-name" and inverted_last)
            )
            text = self.join(rendered, delimiter)
            space = " " if _spaced_term(et_al) else ""
            return String(f"{text}{delimiter if use_delimiter else space}{et_al}")
        and_ = option("and")
        if and_ is None or len(rendered) < 2:
            return self.join(rendered, delimiter)
        and_term = self.get_single_term(name="and") if and_ == "text" else self.preformat("&")
        precedes = option("delimiter-precedes-last")
        inverted_before_last = (
            options["name-as-sort-order"] == "all"
            or (options["name-as-sort-order"] == "first" and len(rendered) == 2)
        ) and "literal" not in shown[-2] and bool(shown[-2].get("family"))
        use_delimiter = (
            precedes == "always"
            or (precedes == "contextual" and len(rendered) >= 3)
            or (precedes == "after-inverted-name" and inverted_before_last)
        )
        if "literal" in shown[-1] and sort_options is None:
            # citeproc-js joins a last institution with the "and" of its cs:institution,
            # which takes delimiter-precedes-last from the citation or bibliography, not
            # from cs:name: "Ivanova, O., and Cochrane Group" where names read "A and B"
            inherited = self._area(context).get_option("delimiter-precedes-last")
            use_delimiter = (
                inherited == "always"
                or (inherited != "never" and len(rendered) >= 3)
                or (precedes == "after-inverted-name" and inverted_before_last)
            )
        head = self.join(rendered[:-1], delimiter)
        if not _spaced_term(and_term):
            # citeproc-js: an attached "and" takes the delimiter only before a second name
            use_delimiter = precedes == "always" and len(rendered) == 2
            return String(f"{head}{delimiter if use_delimiter else ''}{and_term}{rendered[-1]}")
        joint = f"{delimiter}{and_term} " if use_delimiter else f" {and_term} "
        return String(f"{head}{joint}{rendered[-1]}")


class Name_Part(_Adapted, model.Name_Part):  # noqa: N801
    pass


class Et_Al(_Adapted, model.Et_Al):  # noqa: N801
    pass


class Substitute(_Adapted, model.Substitute):
    """What a substitute printed is not printed again later in the entry (CSL 1.0.2
    §Substitute): citeproc-py suppressed only a child with its own variable, so a title
    substituted through a macro ("<text macro='title'/>") came out twice. The variables
    the chosen child actually printed are recorded while it renders."""

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        layout = (context if context is not None else self).get_layout()
        uncompared = self._uncompared()
        for child in self.children():
            layout.printed_variables = []
            if child in uncompared:
                probe = vars(self.get_root()).get("names_probe")
                if probe is not None and probe.get("capturing"):
                    probe["uncompared"] = True
            # names print once even within the substitute (a macro showing the editors
            # twice shows them once, as citeproc-js): suppressed as soon as printed, and
            # released again if this child ends up printing nothing
            before = {tag: list(variables) for tag, variables in layout.repressed.items()}
            try:
                if isinstance(child, model.Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                layout.repressed = before
                continue
            finally:
                printed, layout.printed_variables = layout.printed_variables, None
            if not text:
                layout.repressed = before
            if text:
                if not printed and not isinstance(child, model.Names | model.Number):
                    # only terms or fixed text ("Anon."): citeproc-js neither compares nor
                    # replaces them for subsequent-author-substitute (Serdica)
                    probe = vars(self.get_root()).get("names_probe")
                    if probe is not None and probe.get("capturing"):
                        probe["uncompared"] = True
                for tag, variable in printed + [(child.tag, child.get("variable"))]:
                    layout.repressed.setdefault(tag, []).append(variable)
                vars(self)["printed text"] = not isinstance(child, model.Names)
                probe = vars(self.get_root()).get("names_probe")
                if probe is not None and probe.get("capturing"):
                    # only terms or fixed text: no names to compare (see Layout._author_groups)
                    probe["substituted_term"] = not printed and not isinstance(child, model.Names)
                return text
            if child in uncompared:
                probe = vars(self.get_root()).get("names_probe")
                if probe is not None:
                    probe.pop("uncompared", None)
        return None

    def _uncompared(self) -> list[Any]:
        """The cs:names after one with a cs:name of its own: citeproc-js neither compares
        nor replaces the names they print for subsequent-author-substitute (MLA: an
        editor-only entry, substituted after "guest", keeps its names and is skipped: the
        entry after it is compared with the one before)."""
        found = vars(self).get("uncompared")
        if found is None:
            found, seen_own_name = [], False
            for child in self.children():
                if isinstance(child, model.Names):
                    if seen_own_name:
                        found.append(child)
                    elif child.xpath_search("./cs:name"):
                        seen_own_name = True
            vars(self)["uncompared"] = found
        return found


def _record_printed(element: Any, context: Any, variable: str) -> None:
    """Note a variable printed while a substitute renders (see Substitute.render)."""
    layout = (context if context is not None else element).get_layout()
    printed = vars(layout).get("printed_variables")
    if printed is not None:
        printed.append((element.tag, variable))
        if isinstance(element, model.Names):
            layout.repressed.setdefault(element.tag, []).append(variable)


class Label(_Adapted, model.Label):
    """``number-of-pages``/``number-of-volumes`` labels: citeproc-py read the count from the
    cite instead of the item, failed, and dropped the label ("543" for "543 p.")."""

    def process(self, item: Any, variable: Any = None, plural: Any = None, context: Any = None,
                **kwargs: Any) -> Any:
        if (variable or self.get("variable")) == "locator" and not item.has_locator:
            return None  # no locator, no label (citeproc-py printed the bare term)
        own = self.get("variable")
        if variable is None and own and own != "locator" and own.replace("-", "_") not in item.reference:
            return None  # nor for another empty variable (CSL 1.0.2 §Label: "p." with no page)
        if kwargs.get("sort_options") is not None:
            return None  # labels ("(Ed.)") are left out of sort keys, as citeproc-js does
        return super().process(item, variable, plural, context, **kwargs)

    def _is_plural(self, item: Any) -> bool:
        variable = self.get("variable") or ""
        if variable.startswith("number-of"):
            try:
                value = str(item.reference[variable.replace("-", "_")])
            except VariableError:
                return False
            digits = re.match(r"\s*(\d+)", value)
            return bool(digits and int(digits.group(1)) > 1) or self.RE_MULTIPLE_NUMBERS.search(value) is not None
        if variable == "locator":
            # "1, fol. 186": the numbers up to the next label are this label's
            value = _LATER_LABEL.split(str(item.locator.identifier))[0] if item.has_locator else ""
        else:
            try:
                value = str(item.reference[variable.replace("-", "_")])
            except VariableError:
                return False
        value = html.unescape(value).replace("\\-", "")
        if _PLURAL_NUMBERS.search(value) is not None:
            return True
        # the locale's "and" joins numbers too ("213 et 235"), as in citeproc-js
        and_term = html.unescape(str(self.get_single_term(name="and") or "")).strip()
        return bool(and_term) and re.search(rf"\d\s+{re.escape(and_term)}\s+\d", value) is not None


_GROUP_MARKUP_ATTRIBUTES = ("display", "prefix", "suffix", *_FORMATTING_ATTRIBUTES)


class Group(_Adapted, model.Group):
    def markup(self, text: Any) -> Any:
        """A ``display`` group (block, left-margin, right-inline, indent) is a block of
        its own: set off from what is around it by a space in one-line output
        (citeproc-py ran it into its neighbours: "Doe1999Title")."""
        own = vars(self)
        plain = own.get("plain markup")
        if plain is None:  # no display, affix or formatting: the text prints as it is
            attrib = self.attrib
            plain = own["plain markup"] = not any(name in attrib for name in _GROUP_MARKUP_ATTRIBUTES)
        if plain:
            return text if text else None
        text = super().markup(text)
        if text is None or not self.get("display") or not str(text).strip():
            return text
        layout = _enclosing_layout(self, None)  # none for a group in a macro
        if self.get("display") in ("left-margin", "right-inline") and isinstance(layout, Layout) \
                and layout._left_margin_first():
            return text  # the entry sets off its left margin (Layout._render_second_field)
        return String(_concat(_concat(" ", str(text)), " "))

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """citeproc-py's, over a cached child list: a group with variables of which none
        rendered is suppressed."""
        return self.join(_group_output(self, item, self.get("delimiter", ""), context, kwargs))


def _child_plan(element: Any) -> list[tuple[Any, bool, bool, bool]]:
    """(child, calls a variable, is a cs:choose, calls a macro) for each child, worked
    out once."""
    own = vars(element)
    plan = own.get("child plan")
    if plan is None:
        plan = own["child plan"] = [(child, child.calls_variable(), isinstance(child, model.Choose),
                                     isinstance(child, model.Text) and "macro" in child.attrib)
                                    for child in element.children()]
    return plan


def _children_output(element: Any, item: Any, delimiter: str, context: Any,
                     kwargs: dict[str, Any]) -> tuple[list[Any], bool, bool]:
    """What ``element``'s children print, whether any of them calls a variable and whether
    a variable printed; a nested cs:choose counts the variables of its taken branch only.
    A macro called from it that prints anything counts as a printed variable, even if it
    printed only a term, as a nested group does (citeproc-js: Econometrica's "Anon." after
    empty author names in its contributors macro)."""
    output = []
    called = printed = False
    for child, calls, choose, macro in _child_plan(element):
        try:
            if choose:
                text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                own = vars(child)
                calls, prints = own["variable_called"], own["variable_rendered"]
            else:
                text = child.render(item, context=context, **kwargs)
                prints = calls or (macro and text is not None and str(text) != "")
        except VariableError:
            called = called or calls
            continue
        called = called or calls
        if text is not None:
            output.append(text)
            printed = printed or prints
    return output, called, printed


def _group_output(element: Any, item: Any, delimiter: str, context: Any, kwargs: dict[str, Any]) -> list[Any]:
    """What a group's children print; VariableError when it calls variables and none of
    them printed (CSL 1.0.2 §Group)."""
    output, called, printed = _children_output(element, item, delimiter, context, kwargs)
    if output and (not called or printed):
        return output
    raise VariableError


class Choose(_Adapted, model.Choose):
    """Remembers the branch it took: a group counts the variables of that branch only
    (a branch printing a fixed value while the group's variables are empty no longer
    keeps the group: APA's "(Publication)" without a number)."""

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        own = vars(self)
        own["variable_called"] = own["variable_rendered"] = False
        for child in self.children():
            # tested here: no ConditionFailed per branch
            if isinstance(child, _Conditions) and not child.passes(item, context):
                continue
            return self._branch(child, item, context, delimiter, kwargs)
        return None

    def _branch(self, branch: Any, item: Any, context: Any, delimiter: str, kwargs: dict[str, Any]) -> Any:
        """The taken branch's output, noting whether a variable printed in it: a group or
        macro around the choose is dropped when none did, even if the branch printed a
        fixed text (citeproc-js: Elsevier Harvard's webpage title macro, its title
        printed already by the author's substitute, prints no "[WWW Document]" twice)."""
        output, called, printed = _children_output(branch, item, delimiter, context, kwargs)
        own = vars(self)
        own["variable_called"], own["variable_rendered"] = called, printed
        return seam_join(output, delimiter) if output else None


_NUMERIC_VALUE = re.compile(r"^[a-z]*\d+[a-z]*(?:\s*[-\u2013,&]\s*[a-z]*\d+[a-z]*)*$", re.I)


class _Conditions:
    """``disambiguate="true"`` conditions (a TODO in citeproc-py): the first N such
    tests a cite meets are true, N being what :mod:`.disambiguation` found it needs."""

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        if not self.passes(item, context):
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def passes(self, item: Any, context: Any = None) -> bool:
        """Whether the branch is taken (Choose.render asks this, then renders the children)."""
        own = vars(self)
        plan = own.get("cached conditions")
        if plan is None:  # the tests this element has, in citeproc-py's order
            attrib = self.attrib
            checks = [getattr(self, method) for attribute, method in _CONDITION_TESTS if attribute in attrib]
            plan = own["cached conditions"] = (checks, "position" in attrib, self.get("match", "all"),
                                               attrib.get("disambiguate"))
        checks, position, match, disambiguate = plan
        results = []
        if disambiguate is not None:
            state, cite_context = _disambiguation(self), _cite_context(self)
            passed = state is not None and cite_context is not None and state.condition(cite_context)
            results.append(passed == (disambiguate == "true"))
        for check in checks:
            results += check(item)
        if position:
            results += self._position(item, context)
        return any(results) if match == "any" else (not any(results) if match == "none" else all(results))

    def _type(self, item: Any) -> list[bool]:
        own = vars(self)
        types = own.get("cached types")
        if types is None:
            types = own["cached types"] = [kind.lower() for kind in self.get("type").split()]
        # citeproc-js tests the types of one attribute as "any" whatever the match: under
        # match="all" <if type="thesis manuscript"> is taken by a thesis (ASA)
        return [item.reference.type in types]

    def _variable(self, item: Any) -> list[bool]:
        own = vars(self)
        variables = own.get("cached variables")
        if variables is None:
            variables = own["cached variables"] = [name.replace("-", "_") for name in self.get("variable").split()]
        reference = item.reference
        return [("locator" in item) if name == "locator" else (name in reference) for name in variables]


    def _is_numeric(self, item: Any) -> list[bool]:
        # CSL 1.0.2: numbers with affixes joined by commas, hyphens or ampersands ("2-4",
        # "2, 3", "L2d"); the locator counts too (citeproc-py looked for it in the item)
        results = []
        for name in self.get("is-numeric").split():
            if name == "locator":
                value = item.locator.identifier if item.has_locator else None
            else:
                value = item.reference.get(name.replace("-", "_"))
            results.append(value is not None and bool(_NUMERIC_VALUE.match(str(value).strip())))
        return results

    def _position(self, item: Any, context: Any = None) -> list[bool]:
        # positions worked out for the document (citations.PositionTracker); citeproc-py's
        # own guess (no note numbers, no CSL 1.0.2 locator rules) only where none was
        position = vars(item).get("cite_position")
        if position is None:
            return super()._position(item, context)  # type: ignore[misc]
        cite_context = _cite_context(self)
        if cite_context is None or cite_context.area != "citation":
            return [False]  # CSL 1.0.2: position tests false in the bibliography
        return [position.test(name) for name in self.get("position").split()]


_CONDITION_TESTS = (("type", "_type"), ("variable", "_variable"), ("is-numeric", "_is_numeric"),
                    ("is-uncertain-date", "_is_uncertain_date"), ("locator", "_locator"))


class If(_Conditions, _Adapted, model.If):
    pass


class Else_If(_Conditions, _Adapted, model.Else_If):  # noqa: N801
    pass


class Else(_Adapted, model.Else):
    pass


ELEMENT_CLASSES: dict[str, type] = {
    cls.__name__.replace("_", "-").lower(): cls
    for cls in (
        Style, Locale, Citation, Bibliography, Term, Key, Sort, Macro, Layout, Text, Date,
        Date_Part, Number, Names, Name, Name_Part, Et_Al, Substitute, Label, Group, Choose,
        If, Else_If, Else,
    )
}


def element_lookup() -> Any:
    """An lxml class lookup that builds adapted elements (a fresh one per parser)."""
    from lxml import etree

    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace("http://purl.org/net/xbiblio/csl")
    namespace[None] = model.CitationStylesElement
    namespace.update(ELEMENT_CLASSES)
    return lookup


def place_cites(citation: Any, cites: list[Any], citation_element: Any) -> None:
    """Give each cite of ``citation`` (in printed order) its position in the document.

    The tracker lives on the document (citeproc-py's bibliography object), so positions
    run on across the clusters a document renders; a citation's note number is
    ``note_index`` in its ``vars`` (0: in the text).
    """
    from cslkit.rendering.citations import PositionTracker

    document = citation.get("bibliography")
    if document is None:
        return
    tracker = vars(document).get("position_tracker")
    if tracker is None:
        distance = citation_element.get("near-note-distance")
        tracker = document.position_tracker = PositionTracker(int(distance) if distance else 5)
    note = vars(citation).get("note_index", 0)
    placed = [(cite.key, _locator_identity(cite)) for cite in cites]
    for cite, position in zip(cites, tracker.place(placed, note), strict=True):
        vars(cite)["cite_position"] = position


def _locator_identity(cite: Any) -> tuple[str, str] | None:
    """What makes two locators the same: label and value ("book 12" is not "page 12")."""
    if not cite.has_locator:
        return None
    locator = cite.locator
    return (str(locator.label or "page"), str(locator.identifier))
