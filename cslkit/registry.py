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
    "csl-jsonl": "cslkit.writers.csljson:LINES_WRITER",
    "bibtex": "cslkit.writers.bibtex:WRITER",
    "ris": "cslkit.writers.ris:WRITER",
    "zotero-json": "cslkit.writers.zotero_json:WRITER",
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
    "csl-jsonl": "csl-json",
    "ndjson": "csl-json",
}
# Writer names that differ from the reader they alias (JSON Lines has its own writer).
WRITER_ALIASES: dict[str, str] = {"jsonl": "csl-jsonl", "ndjson": "csl-jsonl"}


def _load(target: str) -> Any:
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def _is_missing_module(exc: ModuleNotFoundError, target: str) -> bool:
    """True when the module named by ``target`` (or a parent package) does not exist yet,
    as opposed to a module that exists but fails on one of its own imports."""
    module_name = target.partition(":")[0]
    return exc.name is not None and (
        module_name == exc.name or module_name.startswith(exc.name + ".")
    )


@dataclass(frozen=True)
class _Entry:
    name: str
    target: str
    load: Callable[[], Any]


def _entries(builtin: dict[str, str], group: str) -> dict[str, _Entry]:
    found = {
        name: _Entry(name, target, lambda t=target: _load(t)) for name, target in builtin.items()
    }
    for ep in entry_points(group=group):
        # A plugin may add new names; it cannot silently replace a built-in.
        if ep.name not in found:
            found[ep.name] = _Entry(ep.name, ep.value, ep.load)
    return found


def _available(builtin: dict[str, str], group: str) -> list[Any]:
    """Every reader or writer that loads; built-ins not written yet and broken plugins
    are skipped so one missing module never breaks detection or the others."""
    loaded = []
    for entry in _entries(builtin, group).values():
        try:
            loaded.append(entry.load())
        except ModuleNotFoundError as exc:
            if entry.name in builtin and not _is_missing_module(exc, entry.target):
                raise
        except Exception:
            if entry.name in builtin:
                raise
            # a third-party plugin that fails to import must not break cslkit
    return loaded


def canonical_format(name: str) -> str:
    key = name.strip().lower()
    return FORMAT_ALIASES.get(key, key)


def reader_names() -> list[str]:
    return sorted(_entries(BUILTIN_READERS, READER_GROUP))


def writer_names() -> list[str]:
    return sorted(_entries(BUILTIN_WRITERS, WRITER_GROUP))


def _get(builtin: dict[str, str], group: str, name: str, role: str) -> Any:
    entries = _entries(builtin, group)
    key = name.strip().lower()
    if role == "output":
        key = WRITER_ALIASES.get(key, key)
    if key not in entries:
        key = canonical_format(key)
    if key not in entries:
        raise UnknownFormatError(
            f"unknown {role} format {name!r}",
            hint="choose one of: " + ", ".join(sorted(entries)),
        )
    entry = entries[key]
    try:
        return entry.load()
    except ModuleNotFoundError as exc:
        if not _is_missing_module(exc, entry.target):
            raise
        raise UnknownFormatError(
            f"the {key} {role} format is not supported yet ({entry.target} is not installed)",
            hint="choose another format with --from/--to",
        ) from exc
    except Exception as exc:
        if key in builtin:
            raise
        raise UnknownFormatError(
            f"the plugin for the {key} {role} format failed to load ({type(exc).__name__}: {exc})"
        ) from exc


def get_reader(name: str) -> Reader:
    return _get(BUILTIN_READERS, READER_GROUP, name, "input")


def get_writer(name: str) -> Writer:
    return _get(BUILTIN_WRITERS, WRITER_GROUP, name, "output")


def all_readers() -> list[Reader]:
    return _available(BUILTIN_READERS, READER_GROUP)


def all_writers() -> list[Writer]:
    return _available(BUILTIN_WRITERS, WRITER_GROUP)


def writer_for_path(path: str | Path) -> str | None:
    """The writer name whose extensions match ``path``, if any."""
    name = Path(path).name.lower()
    for writer in all_writers():
        if any(name.endswith(ext) for ext in writer.extensions):
            return writer.name
    return None


# How much a matching file extension adds to a reader's content score: enough to settle
# close calls, not enough to overrule content that is clearly another format (a .txt
# file holding RIS, a .json file holding Zotero API objects).
EXTENSION_WEIGHT = 0.25


def detect_format(text: str, path: str | Path | None = None) -> str:
    """Name the reader for ``text``, from its content and the file's extension.

    Each reader scores the content (0-1); a reader whose extensions match the file name
    gets :data:`EXTENSION_WEIGHT` more. The best total wins; with no content evidence
    at all, the extension alone decides.
    """
    readers = all_readers()
    file_name = Path(path).name.lower() if path is not None else ""
    scores: dict[str, float] = {}
    order: list[str] = []
    for reader in readers:
        try:
            score = float(reader.detect(text))
        except Exception:  # a reader's detect() must not break detection for the others
            score = 0.0
        if file_name and any(file_name.endswith(ext) for ext in reader.extensions):
            score += EXTENSION_WEIGHT
        scores[reader.name] = score
        order.append(reader.name)
    if not scores or max(scores.values()) <= 0:
        raise UnknownFormatError(
            "cannot tell the format of the input",
            hint="name it with --from (" + ", ".join(sorted(scores) or reader_names()) + ")",
        )
    return max(order, key=lambda name: scores[name])


def style_entry_points() -> dict[str, Callable[[], Any]]:
    """Styles third parties registered: name -> loader of a path (or of a callable)."""
    return {ep.name: ep.load for ep in entry_points(group=STYLE_GROUP)}
