"""The sync plan: a pure function of local items, remote items and the last-synced state.

No HTTP here. :func:`make_plan` matches each local item to a remote item (remembered
key, then DOI / PMID / ISBN, then a fingerprint of title + year + first author) and
merges three ways, field by field, against the state of the last sync (the *base*):

* changed only locally  -> pushed;
* changed only remotely -> kept (and pulled into the local item with ``pull=True``);
* changed on both sides -> a conflict with both values, resolved by ``prefer`` or left
  alone, never overwritten silently.

Fields are Zotero fields (``extra`` is one field), compared after mapping the local
item with :func:`cslkit.zotero.mapping.csl_to_zotero`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from cslkit.model import item_id as item_id_of
from cslkit.zotero.mapping import NON_REFERENCE_TYPES, csl_to_zotero, tables, zotero_to_csl

Action = Literal["create", "update", "unchanged", "deleted-remotely", "duplicate", "new-remote"]
Prefer = Literal["local", "remote"]

# Remote properties that are not bibliographic data and never take part in the merge.
NOT_MERGED = frozenset(
    {"key", "version", "dateAdded", "dateModified", "relations", "tags", "collections",
     "deleted", "parentItem", "inPublications"}
)  # fmt: skip


@dataclass(frozen=True)
class SyncedRecord:
    """What the last sync left for one remote item: its local counterpart, the
    identities it matched by, and the merged field values both sides agreed on."""

    key: str
    local_id: str
    identities: tuple[str, ...]
    base: dict[str, Any]


@dataclass(frozen=True)
class FieldConflict:
    field: str
    local: Any
    remote: Any
    base: Any


@dataclass
class PlanEntry:
    action: Action
    item_id: str
    position: int
    key: str | None = None
    version: int | None = None
    # What to send: the full object for a create, remote data with our changes for an update.
    data: dict[str, Any] | None = None
    changes: dict[str, Any] = field(default_factory=dict)  # field -> value pushed
    pulled: dict[str, Any] = field(default_factory=dict)  # field -> remote value taken
    conflicts: list[FieldConflict] = field(default_factory=list)
    identities: tuple[str, ...] = ()
    new_base: dict[str, Any] = field(default_factory=dict)  # the base after this succeeds
    matched_by: str | None = None


@dataclass
class SyncPlan:
    entries: list[PlanEntry]

    def _with(self, action: Action) -> list[PlanEntry]:
        return [e for e in self.entries if e.action == action]

    @property
    def create(self) -> list[PlanEntry]:
        return self._with("create")

    @property
    def update(self) -> list[PlanEntry]:
        return self._with("update")

    @property
    def unchanged(self) -> list[PlanEntry]:
        return self._with("unchanged")

    @property
    def conflict(self) -> list[PlanEntry]:
        return [e for e in self.entries if e.conflicts]

    @property
    def pull(self) -> list[PlanEntry]:
        return [e for e in self.entries if e.pulled]

    @property
    def deleted_remotely(self) -> list[PlanEntry]:
        return self._with("deleted-remotely")

    @property
    def duplicates(self) -> list[PlanEntry]:
        return self._with("duplicate")

    @property
    def new_remote(self) -> list[PlanEntry]:
        """Items only in Zotero (in the collection synced), to add to the local list."""
        return self._with("new-remote")


@dataclass
class PlanCache:
    """Memo of the costly, deterministic parts of planning, for the repeated plans of
    one run (after a 412): the mapped local items and the identities of remote items."""

    local: dict[int, tuple[dict[str, Any], tuple[str, ...]]] = field(default_factory=dict)
    remote_identities: dict[tuple[str, int], tuple[str, ...]] = field(default_factory=dict)
    # position -> (what the merge depended on, its result); records are immutable, so
    # the same record object means the same base.
    merges: dict[int, tuple[tuple[Any, ...], PlanEntry]] = field(default_factory=dict)


# --- identity --------------------------------------------------------------------

_DOI = re.compile(r"10\.\d{4,9}(?:\.\d+)*/\S+", re.IGNORECASE)


def _extra_value(data: Mapping[str, Any], name: str) -> str | None:
    for line in str(data.get("extra") or "").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == name.lower() and value.strip():
            return value.strip()
    return None


def normalise_doi(value: str) -> str | None:
    match = _DOI.search(value or "")
    return match.group(0).rstrip(".,;").lower() if match else None


def normalise_isbns(value: str) -> list[str]:
    """ISBN-13 forms of every ISBN in ``value`` (ISBN-10s converted)."""
    found = []
    for token in re.findall(r"[\dXx][\dXx\s-]{8,16}[\dXx]", value or ""):
        digits = re.sub(r"[\s-]", "", token).upper()
        if len(digits) == 10 and digits[:9].isdigit():
            core = "978" + digits[:9]
            check = (
                10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(core)) % 10
            ) % 10
            digits = core + str(check)
        if len(digits) == 13 and digits.isdigit():
            found.append(digits)
    return found


def _fold(text: str) -> str:
    """Case, accents and punctuation folded away, for fingerprints."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", kept))


def _year(data: Mapping[str, Any]) -> str:
    match = re.search(r"\b(\d{4})\b", str(data.get("date") or ""))
    return match.group(1) if match else ""


def _first_author(data: Mapping[str, Any]) -> str:
    for creator in data.get("creators") or []:
        name = creator.get("lastName") or creator.get("name") or ""
        if name:
            return _fold(name)
    return ""


def identities(data: Mapping[str, Any]) -> tuple[str, ...]:
    """Identity keys of a Zotero item: strong ones (``doi:``, ``pmid:``, ``isbn:``) and
    ``fp:`` (title + year + first author) and the weaker ``ay:`` (first author + year)."""
    found: list[str] = []
    doi = normalise_doi(str(data.get("DOI") or _extra_value(data, "DOI") or ""))
    if doi:
        found.append(f"doi:{doi}")
    pmid = str(data.get("PMID") or _extra_value(data, "PMID") or "").strip()
    if pmid.isdigit():
        found.append(f"pmid:{int(pmid)}")
    found += [f"isbn:{isbn}" for isbn in normalise_isbns(str(data.get("ISBN") or ""))]
    title = _fold(str(data.get("title") or ""))
    author, year = _first_author(data), _year(data)
    if title:
        found.append(f"fp:{title}|{year}|{author}")
    if author and year:
        found.append(f"ay:{author}|{year}")
    return tuple(found)


def _strong(ids: Iterable[str]) -> list[str]:
    return [i for i in ids if i.split(":", 1)[0] in ("doi", "pmid", "isbn")]


def _conflicting_strong(a: Iterable[str], b: Iterable[str]) -> bool:
    """Both carry the same kind of strong identifier with different values."""
    kinds_a: dict[str, set[str]] = {}
    for ident in _strong(a):
        kinds_a.setdefault(ident.split(":", 1)[0], set()).add(ident)
    for ident in _strong(b):
        kind = ident.split(":", 1)[0]
        if kind in kinds_a and ident not in kinds_a[kind]:
            return True
    return False


# --- merge -----------------------------------------------------------------------


def _norm(value: Any) -> Any:
    """Empty values are all the same; strings compare without outer spaces."""
    if value in (None, "", [], {}):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _merge_fields(
    local: Mapping[str, Any],
    base: Mapping[str, Any] | None,
    remote: Mapping[str, Any],
    prefer: Prefer | None,
    pull: bool,
    entry: PlanEntry,
) -> None:
    names = [n for n in dict.fromkeys([*local, *(base or {}), *remote]) if n not in NOT_MERGED]
    for name in names:
        ours, theirs = _norm(local.get(name)), _norm(remote.get(name))
        old = _norm(base.get(name)) if base is not None else None
        if ours == theirs:
            if ours is not None:
                entry.new_base[name] = local.get(name)
            continue
        if base is not None and ours == old:
            side = "remote"
        elif base is not None and theirs == old:
            side = "local"
        elif base is None and theirs is None:
            side = "local"  # first match: fill what Zotero lacks
        elif base is None and ours is None:
            side = "remote"
        elif (
            name == "extra"
            and base is not None
            and (merged := _merge_lines(local.get(name), base.get(name), remote.get(name)))
        ):
            # Both sides edited Extra, on different lines (a colleague's "Citation Key:"
            # and our "original-date:"): send the merge; ours stays the base, so what
            # Zotero added reads as a remote change next time, never pushed away.
            entry.changes[name] = merged
            if pull:
                entry.pulled[name] = merged
            if ours is not None:
                entry.new_base[name] = local.get(name)
            continue
        else:
            entry.conflicts.append(FieldConflict(name, local.get(name), remote.get(name),
                                                 base.get(name) if base else None))  # fmt: skip
            side = prefer or ""
        if side == "local":
            entry.changes[name] = local.get(name) if ours is not None else ""
            entry.new_base[name] = local.get(name)
        elif side == "remote" and pull:
            # The base moves only once the local file holds the value (a later run sees
            # local == remote); until then the value is pulled again, never pushed back.
            entry.pulled[name] = remote.get(name)
            if old is not None and base is not None:
                entry.new_base[name] = base.get(name)
        elif side == "remote":
            # Zotero's value is kept; recording ours as the base makes it a remote-only
            # change from now on, so it is neither pushed back nor reported again.
            if ours is not None:
                entry.new_base[name] = local.get(name)
        elif old is not None and base is not None:
            entry.new_base[name] = base.get(name)  # unresolved: the conflict shows again


_LINE_KEY = re.compile(r"^\s*([A-Za-z][\w -]*?)\s*:\s")


def _merge_lines(local: Any, base: Any, remote: Any) -> str | None:
    """Three-way merge of a multi-line field, line by line: Zotero's edits kept, ours
    applied. None when both sides changed the same ``Key:`` line differently."""
    ours, old, theirs = (str(v or "").splitlines() for v in (local, base, remote))
    removed = [line for line in old if line not in ours]
    added = [line for line in ours if line not in old]
    their_changes = [line for line in old if line not in theirs] + [
        line for line in theirs if line not in old
    ]

    def keys(lines: list[str]) -> dict[str, str]:
        found = {}
        for line in lines:
            match = _LINE_KEY.match(line)
            if match:
                found[match.group(1).lower()] = line
        return found

    our_keys, their_keys = keys(removed + added), keys(their_changes)
    for key in our_keys.keys() & their_keys.keys():
        if keys(ours).get(key) != keys(theirs).get(key):
            return None
    merged = [line for line in theirs if line not in removed]
    merged += [line for line in added if line not in merged]
    return "\n".join(merged) or None


def _with_set_members(
    current: list[Any], wanted: Sequence[Any], key: Any = lambda v: v
) -> list[Any] | None:
    """``current`` plus the ``wanted`` members it lacks, or None when none is missing."""
    have = {key(v) for v in current}
    missing = [w for w in wanted if key(w) not in have]
    return [*current, *missing] if missing else None


# --- the plan --------------------------------------------------------------------


class _IdentityIndex:
    """Item keys by identity (strong identifiers and fingerprints; ``ay:`` is too weak
    to match on its own)."""

    def __init__(self, identities_by_key: Mapping[str, tuple[str, ...]]) -> None:
        self.identities = dict(identities_by_key)
        self.by_identity: dict[str, list[str]] = {}
        for key, ids in self.identities.items():
            for ident in ids:
                if not ident.startswith("ay:"):
                    self.by_identity.setdefault(ident, []).append(key)

    @classmethod
    def of_remote(cls, remote: Mapping[str, Mapping[str, Any]], cache: PlanCache) -> _IdentityIndex:
        found = {}
        for key, data in remote.items():
            if data.get("deleted") or data.get("itemType") in NON_REFERENCE_TYPES:
                continue
            memo = (key, int(data.get("version") or 0))
            if memo not in cache.remote_identities:
                cache.remote_identities[memo] = identities(data)
            found[key] = cache.remote_identities[memo]
        return cls(found)

    def find(self, ids: Sequence[str]) -> list[tuple[str, str]]:
        """Keys matching ``ids`` (with the kind of identity), best first."""
        found: list[tuple[str, str]] = []
        for ident in [*_strong(ids), *[i for i in ids if i.startswith("fp:")]]:
            for key in self.by_identity.get(ident, []):
                if not _conflicting_strong(ids, self.identities[key]):
                    found.append((key, ident.split(":", 1)[0]))
        return found


def make_plan(
    local_items: Sequence[Mapping[str, Any]],
    remote: Mapping[str, Mapping[str, Any]],
    records: Mapping[str, SyncedRecord],
    *,
    tags: Sequence[str] = (),
    collection_key: str | None = None,
    prefer: Prefer | None = None,
    pull: bool = False,
    cache: PlanCache | None = None,
) -> SyncPlan:
    """Decide, for every local item, what sync does with it.

    ``remote`` maps item keys to current Zotero ``data`` (including trashed items with
    ``deleted``); ``records`` maps item keys to what the last sync recorded. ``cache``
    may be shared by the plans of one list of local items (it changes no result).
    """
    cache = cache if cache is not None else PlanCache()
    by_local_id = {r.local_id: r for r in records.values()}
    record_index = _IdentityIndex({r.key: r.identities for r in records.values()})
    remote_index = _IdentityIndex.of_remote(remote, cache)
    taken: set[str] = set()
    planned: set[str] = set()  # identities of the items this plan creates
    entries: list[PlanEntry] = []
    for position, item in enumerate(local_items):
        local_id = item_id_of(dict(item), position)
        if position not in cache.local:
            mapped = csl_to_zotero(dict(item))
            cache.local[position] = (mapped, identities(mapped))
        local, ids = cache.local[position]
        key, matched_by = None, None
        remembered = by_local_id.get(local_id)
        if (
            remembered is not None
            and remembered.key not in taken
            # The same id in another list is another reference, unless they share an
            # identity (or neither has any: an item with no title, author or year).
            and (set(ids) & set(remembered.identities) or not (ids or remembered.identities))
            and not _conflicting_strong(ids, remembered.identities)
        ):
            key, matched_by = remembered.key, "remembered"
        # An item read from Zotero JSON names its Zotero item (keys are random, 33^8).
        custom = item.get("custom")
        remembered_zotero = custom.get("zotero") if isinstance(custom, dict) else None
        zotero_key = remembered_zotero.get("key") if isinstance(remembered_zotero, dict) else None
        if (
            key is None
            and isinstance(zotero_key, str)
            and zotero_key in remote
            and (zotero_key not in taken)
        ):
            key, matched_by = str(zotero_key), "zotero-key"
        duplicate = False
        if key is None:
            found = record_index.find(ids) + remote_index.find(ids)
            free = [(k, kind) for k, kind in found if k not in taken]
            if free:
                key, matched_by = free[0]
            # The same reference twice in the input: the second copy is not sent.
            duplicate = (bool(found) and not free) or any(
                i in planned for i in ids if not i.startswith("ay:")
            )
        entry = PlanEntry("unchanged", local_id, position, key=key, identities=ids,
                          matched_by=matched_by)  # fmt: skip
        entries.append(entry)
        if duplicate and key is None:
            entry.action = "duplicate"
            continue
        if key is None:
            planned.update(i for i in ids if not i.startswith("ay:"))
            entry.action = "create"
            entry.data = dict(local)
            if tags:
                entry.data["tags"] = [{"tag": t} for t in tags]
            if collection_key:
                entry.data["collections"] = [collection_key]
            entry.new_base = {k: v for k, v in local.items() if k not in NOT_MERGED}
            continue
        taken.add(key)
        current = remote.get(key)
        if current is None or current.get("deleted"):
            entry.action = "deleted-remotely"
            continue
        record = records.get(key)
        entry.version = int(current.get("version") or 0)
        depends_on = (key, entry.version, record, tuple(tags), collection_key, prefer, pull)
        memo = cache.merges.get(position)
        if memo is not None and memo[0] == depends_on and memo[1].item_id == local_id:
            entries[-1] = replace(memo[1], matched_by=matched_by)
            continue
        _merge_fields(local, record.base if record else None, current, prefer, pull, entry)
        cache.merges[position] = (depends_on, entry)
        tag_list = _with_set_members(list(current.get("tags") or []), [{"tag": t} for t in tags],
                                     key=lambda t: t.get("tag"))  # fmt: skip
        if tag_list is not None:
            entry.changes["tags"] = tag_list
        if collection_key:
            in_collections = _with_set_members(list(current.get("collections") or []),
                                               [collection_key])  # fmt: skip
            if in_collections is not None:
                entry.changes["collections"] = in_collections
        if entry.changes:
            entry.action = "update"
            entry.data = _valid_for_type({**current, **entry.changes})
    if pull and collection_key:
        # What colleagues added to the collection in Zotero comes into the local list.
        for key, data in remote.items():
            if (
                key not in taken
                and collection_key in (data.get("collections") or [])
                and not data.get("deleted")
                and data.get("itemType") not in NON_REFERENCE_TYPES
            ):
                new_base = {k: v for k, v in data.items() if k not in NOT_MERGED}
                entries.append(
                    PlanEntry("new-remote", key, len(entries), key=key,
                              version=int(data.get("version") or 0), identities=identities(data),
                              new_base=new_base)
                )  # fmt: skip
    return SyncPlan(entries)


def _valid_for_type(data: dict[str, Any]) -> dict[str, Any]:
    """Drop the fields the item's (possibly new) type does not have, which Zotero would
    refuse: after a type change, the old type's leftovers."""
    fields = tables().item_types.get(str(data.get("itemType")), {}).get("fields")
    if fields is None:
        return data
    return {k: v for k, v in data.items() if k in fields or k in NOT_MERGED or k in _ITEM_PROPS}


_ITEM_PROPS = frozenset({"itemType", "creators"})


def pulled_item(item: Mapping[str, Any], entry: PlanEntry) -> dict[str, Any]:
    """The local item with the remote values ``entry`` pulled (id and custom kept)."""
    merged = {**csl_to_zotero(dict(item)), **entry.pulled}
    updated = zotero_to_csl(merged, str(item.get("id") or entry.item_id))
    updated.pop("custom", None)
    if "custom" in item:
        updated["custom"] = item["custom"]
    if "id" not in item:
        updated.pop("id", None)
    return updated
