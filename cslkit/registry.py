"""Registries of readers, writers and styles, keyed by name.

Built-in entries are listed here as import paths (so nothing heavy loads until used);
third-party packages add entries through the entry-point groups ``cslkit.readers``,
``cslkit.writers`` and ``cslkit.styles`` without touching cslkit.

* A reader is an object with ``name``, ``extensions`` (e.g. ``(".bib",)``),
  ``detect(text) -> float`` (0 = surely not this format, 1 = surely it) and
  ``read(text) -> Items``.
* A writer is an object with ``name``, ``extensions`` and ``write(items) -> str``.
* A style entry point loads to a path (``str`` or ``Path``) of a ``.csl`` file, or to a
  callable returning one; its entry-point name is the style's name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from cslkit.errors import UnknownFormatError
from cslkit.model import Items

READER_GROUP = "cslkit.readers"
WRITER_GROUP = "cslkit.writers"
STYLE_GROUP = "cslkit.styles"


@runtime_checkable
class Reader(Protocol):
    name: str
    extensions: tuple[str, ...]

    def detect(self, text: str) -> float: ...

    def read(self, text: str) -> Items: ...


@runtime_checkable
class Writer(Protocol):
    name: str
    extensions: tuple[str, ...]

    def write(self, items: list[dict[str, Any]]) -> str: ...


# name -> "module:attribute"; loaded on first use.
BUILTIN_READERS: dict[str, str] = {
    "csl-json": "cslkit.readers.csljson:READER",
    "bibtex": "cslkit.readers.bibtex:READER",
    "ris": "cslkit.readers.ris:READER",
    "zotero-json": "cslkit.readers.zotero_json:READER",
    "text": "cslkit.textparser.reader:READER",
}
BUILTIN_WRITERS: dict[str, str] = {
    "csl-json": "cslkit.writers.csljson:WRITER",
    "bibtex": "cslkit.writers.bibtex:WRITER",
    "ris": "cslkit.writers.ris:WRITER",
}
# Other spellings users type for the same formats.
FORMAT_ALIASES: dict[str, str] = {
    "json": "csl-json",
    "csljson": "csl-json",
    "csl": "csl-json",
    "jsonl": "csl-json",
    "bib": "bibtex",
    "biblatex": "bibtex",
    "zotero": "zotero-json",
    "txt": "text",
    "plain": "text",
}


def _load(target: str) -> Any:
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


@dataclass(frozen=True)
class _Entry:
    name: str
    load: Callable[[], Any]


def _entries(builtin: dict[str, str], group: str) -> dict[str, _Entry]:
    found = {name: _Entry(name, lambda t=target: _load(t)) for name, target in builtin.items()}
    for ep in entry_points(group=group):
        # A plugin may add new names; it cannot silently replace a built-in.
        if ep.name not in found:
            found[ep.name] = _Entry(ep.name, ep.load)
    return found


def canonical_format(name: str) -> str:
    key = name.strip().lower()
    return FORMAT_ALIASES.get(key, key)


def reader_names() -> list[str]:
    return sorted(_entries(BUILTIN_READERS, READER_GROUP))


def writer_names() -> list[str]:
    return sorted(_entries(BUILTIN_WRITERS, WRITER_GROUP))


def get_reader(name: str) -> Reader:
    entries = _entries(BUILTIN_READERS, READER_GROUP)
    key = canonical_format(name)
    if key not in entries:
        raise UnknownFormatError(
            f"unknown input format {name!r}",
            hint="choose one of: " + ", ".join(sorted(entries)),
        )
    return entries[key].load()


def get_writer(name: str) -> Writer:
    entries = _entries(BUILTIN_WRITERS, WRITER_GROUP)
    key = canonical_format(name)
    if key not in entries:
        raise UnknownFormatError(
            f"unknown output format {name!r}",
            hint="choose one of: " + ", ".join(sorted(entries)),
        )
    return entries[key].load()


def all_readers() -> list[Reader]:
    return [entry.load() for entry in _entries(BUILTIN_READERS, READER_GROUP).values()]


def writer_for_path(path: str | Path) -> str | None:
    """The writer name whose extensions match ``path``, if any."""
    suffix = Path(path).suffix.lower()
    for entry in _entries(BUILTIN_WRITERS, WRITER_GROUP).values():
        if suffix in entry.load().extensions:
            return entry.name
    return None


def detect_format(text: str, path: str | Path | None = None) -> str:
    """Name the reader for ``text``: by the file's extension first, then by content.

    The extension only decides when the content does not contradict it (a ``.json``
    file holding Zotero API objects is read as Zotero JSON).
    """
    readers = all_readers()
    scores = {r.name: r.detect(text) for r in readers}
    if path is not None:
        suffix = Path(path).suffix.lower()
        by_extension = [r.name for r in readers if suffix in r.extensions]
        if by_extension:
            best_ext = max(by_extension, key=lambda n: scores[n])
            best_any = max(scores, key=lambda n: scores[n])
            if scores[best_any] <= scores[best_ext] or scores[best_ext] >= 0.5:
                return best_ext
            return best_any
    best = max(scores, key=lambda n: scores[n])
    if scores[best] <= 0:
        raise UnknownFormatError(
            "cannot tell the format of the input",
            hint="name it with --from (csl-json, bibtex, ris, zotero-json, text)",
        )
    return best


def style_entry_points() -> dict[str, Callable[[], Any]]:
    """Styles third parties registered: name -> loader of a path (or of a callable)."""
    return {ep.name: ep.load for ep in entry_points(group=STYLE_GROUP)}
