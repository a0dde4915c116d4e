"""Read the labelled reference corpora in ../shared/data into one form.

Every example is ``{"text": str, "spans": [[label, start, end], ...], "source": str}``
with labels from :data:`cslkit.textparser.labels.LABELS` (named after CSL variables).
Text outside any span is unlabelled ("other" after tokenising).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

ANYSTYLE_LABELS = {
    "author": "author", "editor": "editor", "translator": "translator",
    "title": "title", "journal": "container-title", "container-title": "container-title",
    "collection-title": "collection-title", "date": "date", "volume": "volume",
    "pages": "page", "publisher": "publisher", "location": "publisher-place",
    "edition": "edition", "genre": "genre", "doi": "DOI", "url": "URL", "isbn": "ISBN",
    "note": "note", "medium": "note", "source": "note", "citation-number": "citation-number",
    "director": "author", "producer": "author",
}
CORA_LABELS = {
    "author": "author", "title": "title", "journal": "container-title",
    "booktitle": "container-title", "date": "date", "volume": "volume", "pages": "page",
    "publisher": "publisher", "location": "publisher-place", "editor": "editor",
    "institution": "publisher", "tech": "genre", "note": "note",
}
_GROBID_SCOPE = {"volume": "volume", "vol": "volume", "issue": "issue", "number": "issue",
                 "page": "page", "pp": "page", "pages": "page"}
_GROBID_IDNO = {"doi": "DOI", "pmid": "PMID", "pmc": "PMCID", "isbn": "ISBN"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


class _Builder:
    """Accumulates text and spans, collapsing whitespace as it goes."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[list] = []

    def add(self, piece: str | None, label: str | None) -> None:
        if not piece:
            return
        piece = _norm(piece)
        if self.text.endswith(" ") and piece.startswith(" "):
            piece = piece[1:]
        if not self.text:
            piece = piece.lstrip()
        if label and piece.strip():
            if self.text and not self.text.endswith(" ") and not piece.startswith(" "):
                # spans from XML elements are separate words unless glued by design
                pass
            lead = len(piece) - len(piece.lstrip())
            start = len(self.text) + lead
            self.text += piece
            end = len(self.text.rstrip())
            self.spans.append([label, start, end])
        else:
            self.text += piece

    def result(self, source: str) -> dict | None:
        text = self.text.rstrip()
        if len(text) < 10 or not self.spans:
            return None
        return {"text": text, "spans": [s for s in self.spans if s[2] <= len(text)],
                "source": source}


def anystyle(path: Path, source: str) -> Iterator[dict]:
    root = etree.parse(str(path)).getroot()
    for seq in root.iter("sequence"):
        builder = _Builder()
        for child in seq:
            if not isinstance(child.tag, str):
                continue
            label = ANYSTYLE_LABELS.get(child.tag, "other")
            if builder.text:
                builder.add(" ", None)
            _add_volume_aware(builder, child.text or "", label)
        example = builder.result(source)
        if example:
            yield example


_VOL_ISSUE_RE = re.compile(r"^(.*?\d[\w.]*)\s*(\((?:[^()]+)\)|,?\s*(?:no\.?|nr\.?|№|issue)\s*\S+)(.*)$",
                           re.IGNORECASE)


_ISSUE_ONLY_RE = re.compile(r"^\s*(?:n°|no\.?|nr\.?|№|issue)\s*\d", re.IGNORECASE)


def _add_volume_aware(builder: _Builder, text: str, label: str) -> None:
    """AnyStyle folds the issue into ``volume`` ("12(3)"); split it out as ``issue``."""
    if label == "volume" and _ISSUE_ONLY_RE.match(text):
        label = "issue"  # a lone "n°59" / "No. 4" is the issue
    if label == "volume":
        match = _VOL_ISSUE_RE.match(_norm(text).strip())
        if match:
            builder.add(match.group(1), "volume")
            builder.add(match.group(2), "issue")
            builder.add(match.group(3), None)
            return
    builder.add(text, label)


def grobid(path: Path, source: str) -> Iterator[dict]:
    # Some GROBID files carry invalid xml:id values; a recovering parser reads them.
    root = etree.parse(str(path), etree.XMLParser(recover=True)).getroot()
    if root is None:
        return
    for bibl in root.iter("{*}bibl"):
        has_article_title = any(
            t.get("level") == "a" for t in bibl.iter("{*}title", "title")
        )
        builder = _Builder()
        builder.add(bibl.text, None)
        for child in bibl:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname.lower()
            label = _grobid_label(tag, child, has_article_title)
            builder.add("".join(child.itertext()), label)
            builder.add(child.tail, None)
        example = builder.result(source)
        if example:
            yield example


def _grobid_label(tag: str, el: etree._Element, has_article_title: bool) -> str:
    kind = (el.get("unit") or el.get("type") or "").lower()
    if tag == "author":
        return "author"
    if tag == "editor":
        return "editor"
    if tag == "title":
        level = el.get("level", "")
        if level == "a":
            return "title"
        if level == "j":
            return "container-title"
        if level == "s":
            return "collection-title"
        return "container-title" if has_article_title else "title"
    if tag == "date":
        return "date"
    if tag == "biblscope":
        return _GROBID_SCOPE.get(kind, "other")
    if tag == "publisher" or tag == "orgname":
        return "publisher"
    if tag == "pubplace":
        return "publisher-place"
    if tag == "idno":
        return _GROBID_IDNO.get(kind, "note")
    if tag == "ptr":
        return "URL"
    if tag == "note":
        return "genre" if kind == "report" else "note"
    return "other"


def cora(path: Path, source: str = "cora") -> Iterator[dict]:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        builder = _Builder()
        for match in re.finditer(r"<(\w+)>(.*?)</\1>", line):
            if builder.text:
                builder.add(" ", None)
            _add_volume_aware(builder, match.group(2), CORA_LABELS.get(match.group(1), "other"))
        example = builder.result(source)
        if example:
            yield example


def load_all(shared: Path) -> dict[str, list[dict]]:
    """Every labelled corpus, by source name."""
    out: dict[str, list[dict]] = {}
    for name in ("core", "gold", "good", "ugly", "bad"):
        out[f"anystyle-{name}"] = list(anystyle(shared / "anystyle/parser" / f"{name}.xml",
                                                f"anystyle-{name}"))
    out["grobid-corpus"] = [e for p in sorted((shared / "grobid-citation/corpus").glob("*.xml"))
                            for e in grobid(p, "grobid-corpus")]
    out["grobid-evaluation"] = [
        e for p in sorted((shared / "grobid-citation/evaluation").glob("*.xml"))
        for e in grobid(p, "grobid-evaluation")
    ]
    out["cora"] = list(cora(shared / "parscit-cora/tagged_references.txt"))
    return out


def dedupe_key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())
