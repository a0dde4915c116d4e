"""cslkit: scholarly references for journal editors.

Messy reference lists, BibTeX, RIS, CSL-JSON and Zotero JSON become clean CSL-JSON items
(plain dicts), which cslkit normalises, validates, renders in journal styles (Vancouver,
DSTU 8302:2015, and any CSL style) and syncs to a Zotero group library.

The public API, all importable from ``cslkit``::

    items = cslkit.parse("refs.bib")            # any supported format, detected
    items, changes = cslkit.normalise(items)    # pure steps, each reporting what it changed
    report = cslkit.validate(items)             # Problems, never raises on bad data
    entries = cslkit.render(items, style="vancouver")
    cslkit.write(items, "refs.ris")
    cslkit.sync(items, group=123456, api_key=...)

Importing ``cslkit`` is cheap: each function loads its stage on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cslkit.errors import (
    CslkitError,
    DataLossWarning,
    InputError,
    NetworkError,
    RenderError,
    StyleError,
    UnknownFormatError,
    UnsafeStyleError,
    ZoteroAuthError,
    ZoteroError,
)
from cslkit.model import Items, Problem, Report

__version__ = "0.1.0"

if TYPE_CHECKING:
    from cslkit.enrichment import enrich  # noqa: F401
    from cslkit.formats import parse, write  # noqa: F401
    from cslkit.normalisers import normalise  # noqa: F401
    from cslkit.rendering import Cite, Cluster, cite, list_styles, render  # noqa: F401
    from cslkit.transliteration import transliterate  # noqa: F401
    from cslkit.validation import validate  # noqa: F401
    from cslkit.zotero import sync  # noqa: F401

# Public function -> the module that defines it. Stage packages are named apart from
# these functions (``rendering`` defines ``render``) because importing a subpackage
# rebinds the parent's attribute of the same name.
_LAZY: dict[str, str] = {
    "parse": "cslkit.formats",
    "write": "cslkit.formats",
    "normalise": "cslkit.normalisers",
    "validate": "cslkit.validation",
    "render": "cslkit.rendering",
    "cite": "cslkit.rendering",
    "Cite": "cslkit.rendering.citations",
    "Cluster": "cslkit.rendering.citations",
    "list_styles": "cslkit.rendering",
    "transliterate": "cslkit.transliteration",
    "sync": "cslkit.zotero",
    "enrich": "cslkit.enrichment",
}

__all__ = [
    "CslkitError",
    "DataLossWarning",
    "InputError",
    "Items",
    "NetworkError",
    "Problem",
    "RenderError",
    "Report",
    "StyleError",
    "UnknownFormatError",
    "UnsafeStyleError",
    "ZoteroAuthError",
    "ZoteroError",
    *sorted(_LAZY),
]


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'cslkit' has no attribute {name!r}")
    return getattr(importlib.import_module(module_name), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
