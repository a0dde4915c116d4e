"""Output formats. Each module has ``name``, ``extension`` and converts the internal markup
(:mod:`.markup`): ``convert(markup) -> str`` for one entry and ``document(entries) -> str``
for a whole file (``docx`` has ``write(entries, path)`` instead)."""

from __future__ import annotations

import importlib
from types import ModuleType

from cslkit.errors import UnknownFormatError

FORMATS = ("text", "html", "markdown", "rtf", "docx")
_ALIASES = {"txt": "text", "plain": "text", "htm": "html", "md": "markdown"}


def canonical(name: str) -> str:
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in FORMATS:
        raise UnknownFormatError(
            f"unknown output format {name!r}", hint="choose one of: " + ", ".join(FORMATS)
        )
    return key


def get(name: str) -> ModuleType:
    return importlib.import_module(f"cslkit.rendering.formats.{canonical(name)}")


def for_path(path: str) -> str | None:
    """The format a file name asks for by its extension, if any."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return {"txt": "text", "html": "html", "htm": "html", "md": "markdown", "rtf": "rtf",
            "docx": "docx"}.get(suffix)
