"""Sync = read what changed remotely, plan (pure), apply in batches, repeat on 412.

Reads are incremental (``format=versions&since=<last library version>``; changed items
fetched by key, deletions from ``/deleted``). Writes go 50 objects at a time, each
with ``If-Unmodified-Since-Version`` (and object versions for updates, a write token for
creates). A 412 means someone changed the library since we read it: we re-read and
re-plan, so their edit is merged, never overwritten. After every batch the state is
committed, so a run that is killed resumes without duplicates.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cslkit.errors import InputError, ZoteroAuthError, ZoteroError
from cslkit.model import Problem
from cslkit.model import item_id as item_id_of
from cslkit.zotero.mapping import zotero_to_csl
from cslkit.zotero.plan import (
    NOT_MERGED,
    PlanCache,
    PlanEntry,
    Prefer,
    SyncedRecord,
    SyncPlan,
    identities,
    make_plan,
    pulled_item,
)

KEYRING_SERVICE = "cslkit-zotero"
KEYRING_USER = "api-key"
MAX_BATCH = 50  # objects per write, the Web API's limit
# Re-plans allowed in a row without a successful batch before giving up.
MAX_FRUITLESS_REPLANS = 8
Progress = Callable[[int, int], None]


@dataclass
class SyncReport:
    """What a sync did (or, with ``dry_run``, would do), by local item id."""

    dry_run: bool = False
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # {"item_id", "key", "field", "local", "remote", "base", "resolved"}
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    # {"item_id", "key", "field", "code", "message"}
    failed: list[dict[str, Any]] = field(default_factory=list)
    pulled: dict[str, list[str]] = field(default_factory=dict)  # item id -> fields
    deleted_remotely: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    new_from_zotero: list[str] = field(default_factory=list)  # keys, with --pull --collection
    keys: dict[str, str] = field(default_factory=dict)  # item id -> Zotero item key
    changed_fields: dict[str, list[str]] = field(default_factory=dict)  # updated item -> fields
    items: list[dict[str, Any]] = field(default_factory=list)  # local items, pulls applied
    requests: int = 0
    writes: int = 0
    retries: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing is left to resolve: no open conflict and no failure."""
        return not self.failed and not any(not c["resolved"] for c in self.conflicts)

    @property
    def problems(self) -> list[Problem]:
        found = [
            Problem("zotero-conflict", "warning" if c["resolved"] else "error", c["item_id"],
                    c["field"], f"changed here ({c['local']!r}) and in Zotero ({c['remote']!r})",
                    "resolved as " + c["resolved"] if c["resolved"]
                    else "choose with --prefer local|remote, or edit one side")
            for c in self.conflicts
        ]  # fmt: skip
        found += [
            Problem("zotero-write-failed", "error", f["item_id"], f["field"],
                    f"Zotero refused the item (HTTP {f['code']}): {f['message']}")
            for f in self.failed
        ]  # fmt: skip
        return found

    def summary(self) -> str:
        open_conflicts = sum(1 for c in self.conflicts if not c["resolved"])
        if not (
            self.created or self.updated or self.conflicts or self.failed or self.pulled
            or self.new_from_zotero
        ):  # fmt: skip
            text = f"nothing to do: {len(self.unchanged)} unchanged"
            if self.deleted_remotely:
                text += f", {len(self.deleted_remotely)} deleted in Zotero (left alone)"
            return text
        words = "would be " if self.dry_run else ""
        text = (
            f"{len(self.created)} {words}created, {len(self.updated)} {words}updated, "
            f"{len(self.unchanged)} unchanged, {open_conflicts} conflicts, "
            f"{len(self.failed)} failed"
        )
        if self.pulled:
            text += f", {len(self.pulled)} pulled"
        if self.deleted_remotely:
            text += f", {len(self.deleted_remotely)} deleted in Zotero (left alone)"
        if self.duplicates:
            text += f", {len(self.duplicates)} duplicates in the input (skipped)"
        if self.new_from_zotero:
            text += f", {len(self.new_from_zotero)} new from Zotero"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "failed": self.failed,
            "pulled": self.pulled,
            "deleted_remotely": self.deleted_remotely,
            "duplicates": self.duplicates,
            "new_from_zotero": self.new_from_zotero,
            "keys": self.keys,
            "changed_fields": self.changed_fields,
            "requests": self.requests,
            "writes": self.writes,
            "retries": self.retries,
        }


def resolve_api_key(explicit: str | None = None) -> str:
    """The API key: given, else ``ZOTERO_API_KEY``, else the keyring."""
    if explicit:
        return explicit
    from_env = os.environ.get("ZOTERO_API_KEY", "").strip()
    if from_env:
        return from_env
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, KEYRING_USER)
    except Exception:  # no keyring backend on this machine: same as no stored key
        stored = None
    if stored:
        return stored
    raise ZoteroAuthError(
        "no Zotero API key",
        hint=f"set ZOTERO_API_KEY, or store one with: keyring set {KEYRING_SERVICE} {KEYRING_USER}",
    )


_QUOTED_FIELD = re.compile(r"'([A-Za-z]+)'")


def _failed_field(message: str) -> str | None:
    match = _QUOTED_FIELD.search(message or "")
    return match.group(1) if match else None


class _Run:
    def __init__(
        self,
        client: Any,
        state: Any,
        items: list[dict[str, Any]],
        *,
        dry_run: bool,
        collection: str | None,
        tags: Sequence[str],
        pull: bool,
        prefer: Prefer | None,
        progress: Progress | None,
    ) -> None:
        self.client = client
        self.state = state
        self.items = items
        self.dry_run = dry_run
        self.collection = collection
        self.tags = list(tags)
        self.pull = pull
        self.prefer = prefer
        self.progress = progress
        self.done: dict[int, str] = {}  # position -> "create" | "update"
        self.keys: dict[int, str] = {}
        self.failures: dict[int, list[dict[str, Any]]] = {}
        self.library_changed = True
        # Keys chosen for creates: by local id when the id is unique in the input (kept
        # in the state until the create is confirmed), else by position for this run.
        self.pending_keys: dict[str, str] = state.pending_creates()
        self.position_keys: dict[int, str] = {}
        id_counts = Counter(item_id_of(item, n) for n, item in enumerate(items))
        self.unique_ids = {i for i, count in id_counts.items() if count == 1}
        self.position_of = {item_id_of(item, n): n for n, item in enumerate(items)}
        self.changed_fields: dict[int, list[str]] = {}
        self.plan_cache = PlanCache()
        # In-memory mirrors of the state, written through to SQLite as they change.
        self.remote: dict[str, dict[str, Any]] = state.remote_items()
        self.records: dict[str, SyncedRecord] = state.records()

    # -- reading ---------------------------------------------------------------------

    def refresh(self) -> tuple[set[str], list[dict[str, Any]]]:
        """Read what changed remotely since the last read; returns the keys that changed
        (or went) and the items fetched."""
        since = self.state.library_version
        versions, library_version = self.client.item_versions(since)
        if library_version < since:
            # The library is not the one we synced with (reset, or another server).
            self.state.reset()
            self.remote.clear()
            self.records.clear()
            since = 0
            versions, library_version = self.client.item_versions(0)
        self.library_changed = library_version != since
        deleted: list[str] = []
        if since and library_version > since:
            deleted = self.client.deleted_items(since)
            self.state.forget_remote(deleted)
            for key in deleted:
                self.remote.pop(key, None)
        changed = [
            k for k, v in versions.items() if int(self.remote.get(k, {}).get("version", -1)) != v
        ]
        if len(changed) > 100:
            wanted = set(changed)
            fetched = [d for d in self.client.items_since(since) if d["key"] in wanted]
        else:
            fetched = self.client.items_by_key(changed) if changed else []
        self._store_remote(fetched)
        self.state.set_library_version(library_version)
        self._adopt_unanswered_creates()
        self.state.commit()
        return set(changed) | set(deleted), fetched

    def _adopt_unanswered_creates(self) -> None:
        """Items that exist under a key we chose for a create, though no answer said so
        (lost, or the run was killed): they are ours, created; remember them."""
        adopted = []
        for local_id, key in self.pending_keys.items():
            data = self.remote.get(key)
            if data is None or key in self.records:
                continue
            base = {k: v for k, v in data.items() if k not in NOT_MERGED}
            record = SyncedRecord(key, local_id, identities(data), base)
            self.state.put_records([record])
            self.records[key] = record
            adopted.append(local_id)
            if local_id in self.position_of:
                self.done[self.position_of[local_id]] = "create"
                self.keys[self.position_of[local_id]] = key
        self.state.confirm_creates(adopted)
        for local_id in adopted:
            del self.pending_keys[local_id]

    @staticmethod
    def _touches(
        changed: set[str], fetched: list[dict[str, Any]], pending: list[PlanEntry]
    ) -> bool:
        """Whether remote changes bear on the writes still to do: an item we are about to
        update changed, or a new remote item is one we are about to create."""
        if changed & {e.key for e in pending if e.key}:
            return True
        creating = {i for e in pending if e.action == "create" for i in e.identities
                    if not i.startswith("ay:")}  # fmt: skip
        return any(creating.intersection(identities(d)) for d in fetched)

    def collection_key(self) -> str | None:
        if not self.collection:
            return None
        remembered = self.state.collection_key(self.collection)
        if remembered and not self.library_changed:
            return remembered
        for _attempt in range(MAX_FRUITLESS_REPLANS):
            for data in self.client.collections():
                if data.get("name") == self.collection and not data.get("deleted"):
                    self.state.set_collection(self.collection, data["key"])
                    self.state.commit()
                    return str(data["key"])
            if self.dry_run:
                return "NEWCOLL0"  # stands for the collection a real run creates
            result = self.client.create_collection(self.collection, self.state.library_version)
            if result.status == 200 and result.successful:
                key = next(iter(result.successful.values()))["key"]
                self.state.set_collection(self.collection, key)
                self.state.set_library_version(result.library_version)
                self.state.commit()
                return str(key)
            self.refresh()  # 412: the library moved on; look again
        raise ZoteroError(f"could not create the collection {self.collection!r}")

    # -- writing ---------------------------------------------------------------------

    def _store_remote(self, items: list[dict[str, Any]]) -> None:
        self.state.put_remote(items)
        self.remote.update((d["key"], d) for d in items)

    def _remember(self, entry: PlanEntry, key: str) -> None:
        self.keys[entry.position] = key
        record = SyncedRecord(key, entry.item_id, entry.identities, entry.new_base)
        self.state.put_records([record])
        self.records[key] = record

    def _key_for_create(self, entry: PlanEntry, new_key: Callable[[], str]) -> str:
        if entry.item_id not in self.unique_ids:
            return self.position_keys.setdefault(entry.position, new_key())
        if entry.item_id not in self.pending_keys:
            self.pending_keys[entry.item_id] = new_key()
            self.state.put_pending_creates({entry.item_id: self.pending_keys[entry.item_id]})
        return self.pending_keys[entry.item_id]

    def execute(self, plan: SyncPlan, total: int) -> bool:
        """Apply ``plan``; True when a 412 asks for a re-read and a new plan."""
        from cslkit.zotero.client import new_object_key

        for entry in plan.unchanged + plan.new_remote:
            record = self.records.get(entry.key or "")
            if entry.key and (record is None or record.base != entry.new_base):
                self._remember(entry, entry.key)
            elif entry.key:
                self.keys[entry.position] = entry.key
        self.state.commit()
        pending = [e for e in plan.create + plan.update if e.position not in self.failures]
        replan = False
        start = 0
        refused = 0
        size = MAX_BATCH
        while start < len(pending):
            batch = pending[start : start + size]
            objects = []
            for entry in batch:
                obj = dict(entry.data or {})
                if entry.key:
                    obj["key"], obj["version"] = entry.key, entry.version
                else:
                    # Our own key for the new item, kept across retries, re-plans and runs,
                    # with version 0 ("must not exist yet"): a create that went through
                    # unanswered is recognised by its key, even without DOI or title.
                    obj["key"], obj["version"] = self._key_for_create(entry, new_object_key), 0
                objects.append(obj)
            self.state.commit()  # the chosen keys are saved before they are sent
            result = self.client.write_items(objects, self.state.library_version)
            if result.status == 413 and size > 1:
                size = max(1, len(batch) // 2)  # too large for this server: smaller batches
                continue
            if result.status == 413:
                raise ZoteroError(f"the Zotero server refuses item {batch[0].item_id} as too large")
            if result.status == 412:
                # Either the library moved on, or a retried create had already gone
                # through (its answer lost): the re-read tells, and adopts those items.
                refused += 1
                changed, fetched = self.refresh()
                pending[start:] = [e for e in pending[start:] if e.position not in self.done]
                if refused > MAX_FRUITLESS_REPLANS or self._touches(
                    changed, fetched, pending[start:]
                ):
                    return True
                continue  # others' edits elsewhere: the same batch, at the new version
            refused = 0
            for index, entry in enumerate(batch):
                slot = str(index)
                if slot in result.successful:
                    data = result.successful[slot]["data"]
                    self._store_remote([data])
                    self._remember(entry, data["key"])
                    self.done[entry.position] = entry.action
                    self.changed_fields[entry.position] = sorted(entry.changes)
                    if entry.action == "create":
                        self.state.confirm_creates([entry.item_id])
                        self.pending_keys.pop(entry.item_id, None)
                elif slot in result.unchanged:
                    self._remember(entry, str(result.unchanged[slot]))
                elif slot in result.failed:
                    failure = result.failed[slot]
                    if int(failure.get("code") or 0) == 412:
                        replan = True  # this item changed in Zotero meanwhile
                        continue
                    message = str(failure.get("message") or "")
                    self.failures[entry.position] = [
                        {"item_id": entry.item_id, "key": failure.get("key") or entry.key,
                         "field": _failed_field(message), "code": failure.get("code"),
                         "message": message}
                    ]  # fmt: skip
            if result.library_version:
                # Safe: the write carried If-Unmodified-Since-Version, so nothing else
                # happened in the library between our read and this write.
                self.state.set_library_version(result.library_version)
            self.state.commit()
            if self.progress:
                self.progress(len(self.done) + len(self.failures), total)
            start += len(batch)
        if replan:
            self.refresh()
        return replan

    # -- the whole run -----------------------------------------------------------------

    def run(self) -> SyncReport:
        self.refresh()
        collection_key = self.collection_key()
        fruitless = 0
        total: int | None = None
        while True:
            plan = make_plan(
                self.items, self.remote, self.records, tags=self.tags,
                collection_key=collection_key, prefer=self.prefer, pull=self.pull,
                cache=self.plan_cache,
            )  # fmt: skip
            if total is None:
                total = len(plan.create) + len(plan.update)
                if self.progress:
                    self.progress(0, total)
            if self.dry_run:
                return self.report(plan)
            progress_before = len(self.done) + len(self.failures)
            if not self.execute(plan, total):
                return self.report(plan)
            fruitless = (
                0 if len(self.done) + len(self.failures) > progress_before else fruitless + 1
            )
            if fruitless > MAX_FRUITLESS_REPLANS:
                raise ZoteroError(
                    "the library keeps changing while we write to it",
                    hint="run the same command again later; nothing was overwritten",
                )

    def report(self, plan: SyncPlan) -> SyncReport:
        report = SyncReport(dry_run=self.dry_run)
        for entry in plan.entries:
            action = self.done.get(entry.position, entry.action)
            if entry.position in self.failures:
                report.failed.extend(self.failures[entry.position])
                continue
            {
                "create": report.created,
                "update": report.updated,
                "unchanged": report.unchanged,
                "deleted-remotely": report.deleted_remotely,
                "duplicate": report.duplicates,
                "new-remote": report.new_from_zotero,
            }[action].append(entry.item_id)
            key = self.keys.get(entry.position) or entry.key
            if key:
                report.keys[entry.item_id] = key
            if action == "update":
                fields = self.changed_fields.get(entry.position, sorted(entry.changes))
                report.changed_fields[entry.item_id] = fields
            for conflict in entry.conflicts:
                report.conflicts.append(
                    {"item_id": entry.item_id, "key": key, "field": conflict.field,
                     "local": conflict.local, "remote": conflict.remote, "base": conflict.base,
                     "resolved": self.prefer}
                )  # fmt: skip
            if entry.pulled:
                report.pulled[entry.item_id] = sorted(entry.pulled)
        if self.pull:
            by_position = {e.position: e for e in plan.entries}
            report.items = [
                pulled_item(item, by_position[i]) if by_position[i].pulled else item
                for i, item in enumerate(self.items)
            ]
            report.items += [zotero_to_csl(self.remote[e.key], e.key) for e in plan.new_remote]
        stats = self.client.stats
        report.requests, report.writes, report.retries = stats.total, stats.writes, stats.retries
        return report


def sync(
    items: Sequence[dict[str, Any]],
    group: int | str,
    api_key: str | None = None,
    api_url: str | None = None,
    dry_run: bool = False,
    collection: str | None = None,
    tags: Sequence[str] = (),
    pull: bool = False,
    prefer: Prefer | None = None,
    state_path: str | Path | None = None,
    progress: Progress | None = None,
    retry: Any = None,
) -> SyncReport:
    """Put ``items`` (CSL-JSON) into Zotero group ``group``; see the module docstring.

    ``api_key`` defaults to ``ZOTERO_API_KEY`` or the keyring (service
    ``cslkit-zotero``); ``api_url`` to ``ZOTERO_API_URL`` or Zotero's own server.
    ``progress(done, total)`` is called after every batch. ``retry`` is a
    :class:`cslkit.zotero.client.RetryPolicy`.
    """
    from cslkit.zotero.client import DEFAULT_API_URL, ZoteroClient
    from cslkit.zotero.state import SyncState, default_state_path

    if prefer not in (None, "local", "remote"):
        raise InputError(f"prefer must be 'local' or 'remote', not {prefer!r}")
    if not str(group).isdigit():
        raise InputError(f"a Zotero group id is a number, not {group!r}")
    url = api_url or os.environ.get("ZOTERO_API_URL") or DEFAULT_API_URL
    client = ZoteroClient(url, group, resolve_api_key(api_key), retry)
    try:
        client.check_access(write=not dry_run)
        with SyncState(state_path or default_state_path(), url, f"groups/{group}") as state:
            run = _Run(client, state, [dict(i) for i in items], dry_run=dry_run,
                       collection=collection, tags=tags, pull=pull, prefer=prefer,
                       progress=progress)  # fmt: skip
            return run.run()
    finally:
        client.close()
