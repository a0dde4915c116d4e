"""Citation clusters and cite positions (CSL 1.0.2 §Choose, ``position``).

A document cites in *clusters*: each cluster is one citation (one footnote's worth, or
one parenthesis in the text) holding one or more cites. Note styles print a cite
differently the second time ("Smith, Title" → "Smith" → "Ibid."), so the renderer needs
each cluster's footnote number and each cite's locator to tell:

* ``first`` — the item was not cited before;
* ``subsequent`` — it was;
* ``ibid`` / ``ibid-with-locator`` — the cite immediately follows a cite of the same item:
  the cite before it in the cluster, the last cite of the cluster before in the same note,
  or the only cite of the note just before (an intervening footnote without a citation,
  or a note with two cites, breaks it — as citeproc-js reads CSL 1.0.2). The locators
  decide which: no locator before → ``ibid``, or ``ibid-with-locator`` when this cite has
  one; a locator before → ``ibid`` when the same, ``ibid-with-locator`` when different,
  only ``subsequent`` when this cite has none;
* ``near-note`` — the item was cited at most ``near-note-distance`` notes back (the same
  note counts; clusters in the text are all near one another);
* ``first-reference-note-number`` — the note the item was first cited in.

:class:`PositionTracker` works this out cite by cite, in document order, and is pure
(tests/test_rendering_positions.py); the adapter asks it while rendering each cluster.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cslkit.errors import InputError

__all__ = ["Cite", "Cluster", "Position", "PositionTracker", "as_clusters", "parse_cite"]


@dataclass(frozen=True)
class Cite:
    """One cite of an item in a cluster.

    ``locator`` with its ``label`` (a CSL locator type: page, chapter, section, …; page
    when omitted) points into the work; ``prefix``/``suffix`` are printed around the cite;
    ``suppress_author`` prints the cite without its first names ("(2019)" after "Smith
    showed"), ``author_only`` prints only those names.
    """

    id: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False


# CSL 1.0.2 locator types, and the abbreviations people write before a locator (English,
# Ukrainian, Russian), lower-cased and without their full stop.
LOCATOR_LABELS: frozenset[str] = frozenset({
    "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation",
    "equation", "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph", "part",
    "rule", "scene", "section", "sub-verbo", "supplement", "table", "timestamp", "title-locator",
    "verse", "version", "volume",
})
_LABEL_ABBREVIATIONS: dict[str, str] = {
    **{word: "page" for word in ("p", "pp", "pages", "pg", "с", "стор", "стр")},
    **{word: "chapter" for word in ("ch", "chap", "chaps", "chapters", "розд", "гл")},
    **{word: "section" for word in ("sec", "sect", "secs", "sections", "§", "§§")},
    **{word: "volume" for word in ("vol", "vols", "volumes", "т")},
    **{word: "figure" for word in ("fig", "figs", "figures", "рис")},
    **{word: "table" for word in ("tab", "tbl", "tables", "табл")},
    **{word: "paragraph" for word in ("para", "paras", "paragraphs", "¶", "¶¶")},
    **{word: "line" for word in ("l", "ll", "lines")},
    **{word: "note" for word in ("n", "nn", "notes")},
    **{word: "column" for word in ("col", "cols", "columns")},
    **{word: "issue" for word in ("no", "nos", "№")},
    **{word: "part" for word in ("pt", "pts", "parts", "ч")},
    **{word: "book" for word in ("bk", "bks", "books", "кн")},
    **{word: "verse" for word in ("v", "vv", "verses")},
    **{word: "folio" for word in ("fol", "fols", "folios")},
    **{word: "appendix" for word in ("app", "appx", "appendices", "дод")},
    **{word: "supplement" for word in ("supp", "suppl", "supplements")},
    **{word: "sub-verbo" for word in ("s.v", "sv", "s.vv")},
    "op": "opus",
    "art": "article-locator",
}
# A label is a symbol, a word ending in a full stop ("pp.", "s.v.") or a word before a space
# ("line 5"); "e1234" and "xii" have none.
_LABELLED_LOCATOR = re.compile(
    r"(?P<label>§§?|¶¶?|№|[^\W\d_][^\s\d]*\.|[^\W\d_][^\s\d.]*(?=\s))\s*(?P<locator>\S.*)"
)


def parse_cite(text: str, known_ids: Collection[str] = ()) -> Cite:
    """A cite from its command-line shorthand: ``ID``, or ``ID@LOCATOR`` with an optional
    label before the locator (``smith2020@12``, ``smith2020@p. 12-15``, ``smith2020@chap. 3``,
    ``koval2019@с. 45``); a locator without a label is a page.

    ``known_ids`` decides where the id ends when an id itself contains "@". An unknown
    label raises :class:`InputError` naming the labels that are understood.
    """
    text = text.strip()
    if text in known_ids or "@" not in text:
        return Cite(text)
    at = next((i for i, char in enumerate(text) if char == "@" and text[:i] in known_ids), text.find("@"))
    item_id, locator = text[:at].strip(), text[at + 1 :].strip()
    if not item_id or not locator:
        raise InputError(f"cite {text!r}: write ID@LOCATOR, e.g. smith2020@p. 12")
    match = _LABELLED_LOCATOR.fullmatch(locator)
    if match is None:  # no label: a page ("12", "12-15", "xii", "e1234")
        return Cite(item_id, locator=locator)
    word = match["label"].lower().rstrip(".")
    label = word if word in LOCATOR_LABELS else _LABEL_ABBREVIATIONS.get(word)
    if label is None:
        raise InputError(
            f"cite {text!r}: unknown locator label {match['label']!r}",
            hint="use p., chap., sec., vol., fig., para., l., n., no., col., pt., bk., v., "
            "s.v., a CSL locator type (page, chapter, …) or no label (a page)",
        )
    return Cite(item_id, locator=match["locator"].strip(), label=label)


@dataclass(frozen=True)
class Cluster:
    """One citation: its cites and the footnote it stands in (``note=0``: in the text)."""

    cites: Sequence[Cite] = field(default_factory=tuple)
    note: int = 0


ClusterLike = Cluster | Sequence[str | Cite | Mapping[str, Any]] | Mapping[str, Any]


def _cite(value: Any) -> Cite:
    if isinstance(value, Cite):
        return value
    if isinstance(value, str):
        return Cite(value)
    if isinstance(value, Mapping) and "id" in value:
        # a CSL citation item (csl-citation.json), as citeproc-js takes it
        locator = value.get("locator")
        return Cite(
            id=str(value["id"]),
            locator=None if locator in (None, "") else str(locator),
            label=value.get("label") or None,
            prefix=value.get("prefix") or None,
            suffix=value.get("suffix") or None,
            suppress_author=bool(value.get("suppress-author", False)),
            author_only=bool(value.get("author-only", False)),
        )
    raise InputError(f"not a cite: {value!r} (give an item id, a Cite, or a CSL citation item)")


def _cluster(value: Any) -> Cluster:
    if isinstance(value, Cluster):
        return Cluster(tuple(_cite(c) for c in value.cites), int(value.note or 0))
    if isinstance(value, Mapping):
        if "citationItems" not in value:
            raise InputError("a CSL citation needs 'citationItems'")
        note = (value.get("properties") or {}).get("noteIndex") or 0
        return Cluster(tuple(_cite(c) for c in value["citationItems"]), int(note))
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        return Cluster(tuple(_cite(c) for c in value))
    raise InputError(f"not a cluster: {value!r}")


def as_clusters(clusters: Any) -> list[Cluster]:
    """Clusters from what :func:`cslkit.cite` accepts: a flat list of ids (one cluster),
    lists of ids or :class:`Cite`, :class:`Cluster` objects, or CSL citation objects
    (``{"citationItems": [...], "properties": {"noteIndex": 1}}``)."""
    values = list(clusters)
    if values and all(isinstance(v, (str, Cite)) for v in values):
        return [_cluster(values)]
    return [_cluster(v) for v in values]


@dataclass(frozen=True)
class Position:
    """Which ``position`` tests a cite passes, and the note its item was first cited in."""

    first: bool
    ibid: bool = False
    ibid_with_locator: bool = False
    near_note: bool = False
    first_note: int = 0  # first-reference-note-number (0: none, or this very note)

    def test(self, name: str) -> bool:
        if name == "first":
            return self.first
        if name == "subsequent":
            return not self.first
        if name == "ibid":
            return self.ibid or self.ibid_with_locator
        if name == "ibid-with-locator":
            return self.ibid_with_locator
        if name == "near-note":
            return self.near_note
        return False

    @property
    def name(self) -> str:
        """The most specific position ("ibid-with-locator", "ibid", "subsequent", "first")."""
        if self.first:
            return "first"
        if self.ibid_with_locator:
            return "ibid-with-locator"
        return "ibid" if self.ibid else "subsequent"


Locator = tuple[str, str] | None


class _Stream:
    """What positions depend on, for the clusters in the text or for those in notes."""

    def __init__(self) -> None:
        self.first_note: dict[str, int] = {}
        self.last_note: dict[str, int] = {}
        self.cites_in_note: dict[int, int] = {}
        self.previous: list[tuple[str, Locator]] = []
        self.previous_note = 0


class PositionTracker:
    """The positions of a document's cites, told cluster by cluster in document order.

    As in citeproc-js, clusters in the text (note 0) and clusters in notes are two
    separate runs: an item cited in the text is cited "first" again in its first note, and
    text clusters are ibid of the text cluster before them. Notes numbered lower than the
    note before start the count again (a new chapter's notes).
    """

    def __init__(self, near_note_distance: int = 5) -> None:
        self.near_note_distance = near_note_distance
        self._text = _Stream()
        self._notes = _Stream()

    def place(self, cites: Sequence[tuple[str, Locator]], note: int = 0) -> list[Position]:
        """Positions of one cluster's cites (``(item key, (label, locator) or None)``, in
        the order they print); the tracker then counts them as cited."""
        if note and note < self._notes.previous_note:
            self._notes = _Stream()
        stream = self._notes if note else self._text
        stream.cites_in_note[note] = stream.cites_in_note.get(note, 0) + len(cites)
        positions = []
        for index, (key, locator) in enumerate(cites):
            if key not in stream.first_note:
                positions.append(Position(first=True))
                stream.first_note[key] = stream.last_note[key] = note
                continue
            preceding = self._preceding(stream, cites, index, note)
            ibid = with_locator = False
            if preceding is not None:
                before = preceding[1]
                if before is None:
                    ibid, with_locator = locator is None, locator is not None
                elif locator == before:
                    ibid = True
                elif locator is not None:
                    with_locator = True
            # citeproc-js: clusters in the text are all "near" one another
            near = note - stream.last_note[key] <= self.near_note_distance if note else True
            first_note = stream.first_note[key]
            positions.append(Position(first=False, ibid=ibid, ibid_with_locator=with_locator, near_note=near,
                                      first_note=first_note if first_note != note else 0))
            if note:
                stream.last_note[key] = note
        if cites:
            stream.previous = list(cites)
            stream.previous_note = note
        return positions

    @staticmethod
    def _preceding(stream: _Stream, cites: Sequence[tuple[str, Locator]], index: int,
                   note: int) -> tuple[str, Locator] | None:
        """The cite this one may be "ibid" of: the cite before it in the cluster, or the
        last cite of the cluster before in the same note, or the cite that was alone in the
        previous note."""
        key = cites[index][0]
        if index:
            return cites[index - 1] if cites[index - 1][0] == key else None
        previous = stream.previous
        if not previous:
            return None
        if stream.previous_note == note:
            # citeproc-js: the item must be the cluster's last cite, but the locators are
            # compared with its first cite (one and the same in a cluster of one)
            return (key, previous[0][1]) if previous[-1][0] == key else None
        if (previous[0][0] == key and stream.previous_note >= note - 1
                and stream.cites_in_note.get(stream.previous_note) == 1):
            return previous[0]
        return None
