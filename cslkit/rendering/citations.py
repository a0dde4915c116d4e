"""Citation clusters and cite positions (CSL 1.0.2 §Choose, ``position``).

A document cites in *clusters*: each cluster is one citation (one footnote's worth, or
one parenthesis in the text) holding one or more cites. Note styles print a cite
differently the second time ("Smith, Title" → "Smith" → "Ibid."), so the renderer needs
each cluster's footnote number and each cite's locator to tell:

* ``first`` — the item was not cited before;
* ``subsequent`` — it was;
* ``ibid`` / ``ibid-with-locator`` — the cite immediately follows a cite of the same item,
  in the same cluster, or as the first cite after a cluster holding that item alone (in
  the same or the next note: an intervening footnote without a citation breaks it, as in
  citeproc-js). The locators decide which: no locator before → ``ibid``, or
  ``ibid-with-locator`` when this cite has one; a locator before → ``ibid`` when the same,
  ``ibid-with-locator`` when different, only ``subsequent`` when this cite has none;
* ``near-note`` — the item was cited at most ``near-note-distance`` notes back (the same
  note counts; so do clusters in the text, which all have note 0).

:class:`PositionTracker` works this out cite by cite, in document order, and is pure
(tests/test_rendering_positions.py); the adapter asks it while rendering each cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cslkit.errors import InputError

__all__ = ["Cite", "Cluster", "Position", "PositionTracker", "as_clusters"]


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
    first_note: int = 0

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


class PositionTracker:
    """The positions of a document's cites, told cite by cite in document order."""

    def __init__(self, near_note_distance: int = 5) -> None:
        self.near_note_distance = near_note_distance
        self._first_note: dict[str, int] = {}
        self._last_note: dict[str, int] = {}
        self._previous: list[tuple[str, Locator]] = []
        self._previous_note = 0

    def place(self, cites: Sequence[tuple[str, Locator]], note: int = 0) -> list[Position]:
        """Positions of one cluster's cites (``(item key, (label, locator) or None)``, in
        the order they print); the tracker then counts them as cited."""
        positions = []
        for index, (key, locator) in enumerate(cites):
            if key not in self._first_note:
                positions.append(Position(first=True, first_note=note))
                self._first_note[key] = note
                self._last_note[key] = note
                continue
            preceding: tuple[str, Locator] | None = None
            if index:
                if cites[index - 1][0] == key:
                    preceding = cites[index - 1]
            elif (len(self._previous) == 1 and self._previous[0][0] == key
                  and not (note and self._previous_note and note - self._previous_note > 1)):
                preceding = self._previous[0]
            ibid = with_locator = False
            if preceding is not None:
                before = preceding[1]
                if before is None:
                    ibid, with_locator = locator is None, locator is not None
                elif locator == before:
                    ibid = True
                elif locator is not None:
                    with_locator = True
            # counted on note numbers alone, as citeproc-js does: clusters in the text
            # (note 0) are all "near" one another
            near = note - self._last_note[key] <= self.near_note_distance
            positions.append(Position(first=False, ibid=ibid, ibid_with_locator=with_locator,
                                      near_note=near, first_note=self._first_note[key]))
            self._last_note[key] = note
        if cites:
            self._previous = list(cites)
            self._previous_note = note
        return positions
