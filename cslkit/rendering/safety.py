"""Reading a CSL style we did not write: no entities, no network, no huge trees, valid CSL.

A style given as a path is untrusted input. It is parsed by lxml with entity resolution,
DTD loading and network access off, and with lxml's limits on tree size kept; a style
that declares entities at all is refused (no CSL style needs a DTD: an external entity
is an XXE attempt, a nest of internal ones an expansion bomb). What remains is checked
against the CSL 1.0.2 RELAX NG schema shipped in ``schema/csl.rng`` (MIT, see its
LICENSE; refreshed by ``tools/refresh_csl_schema.py``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from cslkit.errors import UnsafeStyleError

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "csl.rng"
CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"


def safe_parser(lookup: Any = None) -> Any:
    """An lxml parser that never resolves entities, loads DTDs or touches the network."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    if lookup is not None:
        parser.set_element_class_lookup(lookup)
    return parser


@lru_cache(maxsize=1)
def _schema() -> Any:
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(SCHEMA_PATH), safe_parser()))


def check_style_bytes(data: bytes, source: str) -> None:
    """Raise :class:`UnsafeStyleError` unless ``data`` is a safe, schema-valid CSL style.

    ``source`` names the style in messages (usually its path).
    """
    from lxml import etree

    head = data[:4096].decode("utf-8", "replace")
    if "<!DOCTYPE" in head or "<!ENTITY" in data.decode("utf-8", "replace"):
        _refuse_doctype(data, source)
    try:
        tree = etree.fromstring(data, safe_parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else "?"
        raise UnsafeStyleError(
            f"{source}: not well-formed XML at line {line}: {exc.msg}",
            hint="a CSL style must be a well-formed XML file",
        ) from exc
    root = tree.getroot()
    if root.tag != f"{{{CSL_NAMESPACE}}}style":
        raise UnsafeStyleError(
            f"{source}: line {root.sourceline}: the root element is <{etree.QName(root).localname}>, "
            "not a CSL <style>",
            hint=f"CSL styles start with <style xmlns=\"{CSL_NAMESPACE}\" ...>",
        )
    schema = _schema()
    if not schema.validate(tree):
        # the first error is the innermost one (its ancestors fail after it)
        error = schema.error_log[0]
        raise UnsafeStyleError(
            f"{source}: line {error.line}: invalid CSL 1.0.2: {error.message}",
            hint="check the style against the CSL schema (e.g. with the CSL validator)",
        )


def _refuse_doctype(data: bytes, source: str) -> None:
    text = data.decode("utf-8", "replace")
    position = text.find("<!ENTITY")
    if position < 0:
        position = max(text.find("<!DOCTYPE"), 0)
    line = text[:position].count("\n") + 1
    declarations = text.split("<!ENTITY")[1:]
    external = any(
        " SYSTEM " in f" {d.split('>', 1)[0]} " or " PUBLIC " in f" {d.split('>', 1)[0]} "
        for d in declarations
    )
    if external:
        problem = "declares an external entity (XXE: it could read local files or the network)"
    elif declarations:
        problem = "declares XML entities (an entity-expansion bomb can exhaust memory)"
    else:
        problem = "has a DOCTYPE declaration"
    raise UnsafeStyleError(
        f"{source}: line {line}: refused: the style {problem}",
        hint="CSL styles never need a DOCTYPE or entities; remove them",
    )
