"""A local Zotero Web API v3 server for tests, benchmarks and demos.

It speaks the part of the API that sync uses, on 127.0.0.1, with data in memory
(optionally kept in a JSON file so two processes can share a library):

* ``GET /keys/current`` and ``GET /keys/<key>``: the key's access;
* ``GET /groups/<id>/items`` (``since``, ``format=json|versions``, ``itemKey``,
  ``includeTrashed``, ``start``/``limit`` paging with ``Link`` and ``Total-Results``,
  ``If-Modified-Since-Version`` -> 304), ``GET /groups/<id>/items/<key>``;
* ``POST /groups/<id>/items`` (at most 50 objects, else 413; ``Zotero-Write-Token``
  reuse -> 412; ``If-Unmodified-Since-Version`` on the library -> 412; per-object
  ``version`` -> ``failed`` 412; an existing object with neither -> ``failed`` 428;
  fields checked against the Zotero schema -> ``failed`` 400 naming the field),
  ``PATCH``/``PUT``/``DELETE`` of one item, ``DELETE .../items?itemKey=``;
* ``GET``/``POST /groups/<id>/collections``, ``GET /groups/<id>/deleted?since=``.

Every response carries ``Last-Modified-Version``. Faults are switched on from Python
(:class:`Faults`): 5xx, 429 with ``Retry-After``, a ``Backoff`` header, a dropped
connection (before or after the request is processed), and a concurrent edit of an
item between a client's read and its write.

    with ZoteroTestServer() as server:
        server.faults.fail_next(503, retry_after=1)
        ...  # talk to server.url with API key "test"

    python -m cslkit.testing.zotero_server --port 8085 --state /tmp/zotero.json
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import random
import re
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from cslkit.zotero.client import new_object_key

# In Faults.error_statuses: the connection drops after the server did the work.
DROPPED = 0
MAX_WRITE_OBJECTS = 50
MAX_PAGE = 100
DEFAULT_PAGE = 25
# Fields every item may carry besides its type's own fields.
COMMON_ITEM_PROPERTIES = frozenset(
    {"key", "version", "itemType", "creators", "tags", "collections", "relations",
     "dateAdded", "dateModified", "deleted", "parentItem", "inPublications"}
)  # fmt: skip


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Fault:
    """One injected failure: an HTTP status (with optional headers) or a dropped
    connection, for requests whose method is in ``methods`` (all when empty)."""

    status: int | None = None
    retry_after: float | None = None
    backoff: float | None = None
    drop: bool = False
    drop_after_processing: bool = False
    methods: tuple[str, ...] = ()


@dataclass
class Faults:
    """Switchable fault injection. Queued faults hit the next matching requests;
    rates make a random share of requests fail (seeded, so runs repeat)."""

    queue: list[Fault] = field(default_factory=list)
    error_rate: float = 0.0
    error_statuses: tuple[int, ...] = (500, 503, 429)
    retry_after: float = 1.0
    concurrent_edit_rate: float = 0.0
    concurrent_edits_queued: int = 0
    backoff_next: float | None = None
    # Fields this server refuses, as a server with an older schema would.
    unknown_fields: set[str] = field(default_factory=set)
    rng: random.Random = field(default_factory=random.Random)

    def fail_next(
        self,
        status: int,
        count: int = 1,
        *,
        retry_after: float | None = None,
        backoff: float | None = None,
        methods: tuple[str, ...] = (),
    ) -> None:
        for _ in range(count):
            self.queue.append(Fault(status, retry_after, backoff, methods=methods))

    def drop_next(
        self, count: int = 1, *, after_processing: bool = False, methods: tuple[str, ...] = ()
    ) -> None:
        """Close the connection without answering (optionally after doing the work,
        as when a response is lost on the way back)."""
        for _ in range(count):
            self.queue.append(
                Fault(drop=not after_processing, drop_after_processing=after_processing,
                      methods=methods)
            )  # fmt: skip

    def edit_before_next_write(self, count: int = 1) -> None:
        """Let a colleague edit an item just before the next ``count`` writes."""
        self.concurrent_edits_queued += count

    def random_errors(self, rate: float, statuses: tuple[int, ...] = (500, 503, 429)) -> None:
        """Fail ``rate`` of all requests with one of ``statuses`` (DROPPED: no answer)."""
        self.error_rate = rate
        self.error_statuses = statuses

    def clear(self) -> None:
        self.queue.clear()
        self.error_rate = 0.0
        self.concurrent_edit_rate = 0.0
        self.concurrent_edits_queued = 0
        self.backoff_next = None

    def take(self, method: str) -> Fault | None:
        for index, fault in enumerate(self.queue):
            if not fault.methods or method in fault.methods:
                return self.queue.pop(index)
        if self.error_rate and self.rng.random() < self.error_rate:
            status = self.rng.choice(self.error_statuses)
            if status == DROPPED:
                return Fault(drop_after_processing=True)
            return Fault(status, retry_after=self.retry_after if status in (429, 503) else None)
        return None

    def take_concurrent_edit(self) -> bool:
        if self.concurrent_edits_queued:
            self.concurrent_edits_queued -= 1
            return True
        return bool(self.concurrent_edit_rate) and self.rng.random() < self.concurrent_edit_rate


@dataclass
class Library:
    version: int = 0
    items: dict[str, dict[str, Any]] = field(default_factory=dict)  # key -> data
    collections: dict[str, dict[str, Any]] = field(default_factory=dict)
    deleted_items: dict[str, int] = field(default_factory=dict)  # key -> version deleted at
    write_tokens: set[str] = field(default_factory=set)


@dataclass
class RequestRecord:
    method: str
    path: str
    status: int


class ZoteroData:
    """The server's libraries and keys; every method runs under one lock."""

    def __init__(self, api_keys: dict[str, dict[str, Any]], state_path: Path | None) -> None:
        self.lock = threading.RLock()
        self.api_keys = api_keys
        self.libraries: dict[str, Library] = {}
        self.state_path = state_path
        # Remote edits the fault injector made: (library id, item key, field, value).
        self.concurrent_edits: list[tuple[str, str, str, str]] = []
        if state_path and state_path.exists():
            self._load()

    def library(self, group: str) -> Library:
        return self.libraries.setdefault(group, Library())

    def _load(self) -> None:
        assert self.state_path is not None
        raw = json.loads(self.state_path.read_text(encoding="utf-8"))
        for group, lib in raw.get("libraries", {}).items():
            self.libraries[group] = Library(
                lib["version"], lib["items"], lib["collections"], lib.get("deleted", {}),
                set(lib.get("writeTokens", [])),
            )  # fmt: skip

    def save(self) -> None:
        if not self.state_path:
            return
        raw = {
            "libraries": {
                group: {
                    "version": lib.version,
                    "items": lib.items,
                    "collections": lib.collections,
                    "deleted": lib.deleted_items,
                    "writeTokens": sorted(lib.write_tokens),
                }
                for group, lib in self.libraries.items()
            }
        }
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.state_path)

    def access(self, api_key: str | None, group: str) -> dict[str, bool] | None:
        info = self.api_keys.get(api_key or "")
        if info is None:
            return None
        groups = info.get("groups", {})
        return groups.get(group) or groups.get("all")

    def concurrent_edit(self, group: str, rng: random.Random) -> None:
        """A colleague changes the title of some item (bumping its version)."""
        lib = self.library(group)
        live = [k for k, d in lib.items.items() if not d.get("deleted")]
        if not live:
            return
        key = rng.choice(sorted(live))
        lib.version += 1
        data = lib.items[key]
        value = f"{data.get('title', '')} (edited in Zotero {lib.version})".strip()
        data["title"] = value
        data["version"] = lib.version
        data["dateModified"] = _now()
        self.concurrent_edits.append((group, key, "title", value))


def _validate(data: dict[str, Any], unknown_fields: set[str]) -> tuple[int, str] | None:
    """A Zotero-like 400 for an unknown type, field or creator type (names the field)."""
    from cslkit.zotero.mapping import tables

    item_type = data.get("itemType")
    type_info = tables().item_types.get(str(item_type))
    if type_info is None:
        return 400, f"'itemType' value '{item_type}' is not a valid item type"
    for name in data:
        if name in unknown_fields or (
            name not in COMMON_ITEM_PROPERTIES and name not in type_info["fields"]
        ):
            return 400, f"'{name}' is not a valid field for type '{item_type}'"
    for creator in data.get("creators") or []:
        if creator.get("creatorType") not in type_info["creatorTypes"]:
            return (
                400,
                f"'creators': '{creator.get('creatorType')}' is not a valid creator type "
                f"for item type '{item_type}'",
            )
    return None


def _item_types(query: dict[str, str]) -> list[dict[str, str]]:
    from cslkit.zotero.mapping import tables

    return [{"itemType": t, "localized": t} for t in tables().item_types]


def _item_fields(query: dict[str, str]) -> list[dict[str, str]]:
    from cslkit.zotero.mapping import tables

    names = {f for t in tables().item_types.values() for f in t["fields"]}
    return [{"field": f, "localized": f} for f in sorted(names)]


def _item_type_fields(query: dict[str, str]) -> list[dict[str, str]]:
    from cslkit.zotero.mapping import tables

    info = tables().item_types.get(query.get("itemType", ""), {"fields": {}})
    return [{"field": f, "localized": f} for f in info["fields"]]


def _item_type_creator_types(query: dict[str, str]) -> list[dict[str, str]]:
    from cslkit.zotero.mapping import tables

    info = tables().item_types.get(query.get("itemType", ""), {"creatorTypes": []})
    return [{"creatorType": c, "localized": c} for c in info["creatorTypes"]]


# The schema endpoints pyzotero reads to check item fields before it writes.
SCHEMA_ROUTES: dict[str, Callable[[dict[str, str]], Any]] = {
    "/itemTypes": _item_types,
    "/itemFields": _item_fields,
    "/itemTypeFields": _item_type_fields,
    "/itemTypeCreatorTypes": _item_type_creator_types,
    "/creatorFields": lambda query: [
        {"field": "firstName", "localized": "First"},
        {"field": "lastName", "localized": "Last"},
        {"field": "name", "localized": "Name"},
    ],
}


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    # A write is saved before its answer goes out, as a real server commits before it
    # replies: saved after, a client could stop the server before the state file had it.
    _unsaved = False

    # -- plumbing ------------------------------------------------------------------

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without this, delayed ACKs add
        # ~40 ms to every response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read the log
        return

    def _send(
        self,
        status: int,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self._save_writes()
        payload = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Zotero-API-Version", "3")
        backoff = self.server.faults.backoff_next
        if backoff is not None:
            self.server.faults.backoff_next = None
            self.send_header("Backoff", f"{backoff:g}")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if payload and self.command != "HEAD":
            self.wfile.write(payload)
        self.server.log.append(RequestRecord(self.command, self.path, status))

    def _save_writes(self) -> None:
        if self._unsaved:
            self._unsaved = False
            self.server.data.save()

    def _error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._save_writes()
        payload = message.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)
        self.server.log.append(RequestRecord(self.command, self.path, status))

    def _drop(self) -> None:
        self._save_writes()
        self.server.log.append(RequestRecord(self.command, self.path, 0))
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        return json.loads(raw.decode("utf-8")) if raw else None

    def _api_key(self, query: dict[str, str]) -> str | None:
        if self.headers.get("Zotero-API-Key"):
            return self.headers["Zotero-API-Key"]
        auth = self.headers.get("Authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        return query.get("key")

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        path = parts.path.rstrip("/")
        body: Any = None
        if self.command in ("POST", "PUT", "PATCH"):
            try:
                body = self._body()
            except (ValueError, UnicodeDecodeError):
                self._error(400, "Unparseable JSON")
                return
        fault = self.server.faults.take(self.command)
        if fault and fault.drop:
            self._drop()
            return
        if fault and fault.status:
            headers = {}
            if fault.retry_after is not None:
                headers["Retry-After"] = f"{fault.retry_after:g}"
            if fault.backoff is not None:
                headers["Backoff"] = f"{fault.backoff:g}"
            self._error(fault.status, "Injected failure", headers)
            return
        with self.server.data.lock:
            self._route(
                path, query, body, drop_response=bool(fault and fault.drop_after_processing)
            )

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _dispatch

    # -- routes --------------------------------------------------------------------

    def _route(self, path: str, query: dict[str, str], body: Any, drop_response: bool) -> None:
        data = self.server.data
        api_key = self._api_key(query)
        match = re.fullmatch(r"/keys/([^/]+)", path)
        if match:
            key = api_key if match.group(1) == "current" else match.group(1)
            info = data.api_keys.get(key or "")
            if info is None:
                self._error(403, "Invalid key")
                return
            self._send(200, {"key": key, "userID": 1, "username": "test",
                             "access": {"user": {"library": True}, "groups": info["groups"]}})  # fmt: skip
            return
        if path in SCHEMA_ROUTES:
            self._send(200, SCHEMA_ROUTES[path](query))
            return
        match = re.fullmatch(r"/groups/(\d+)(/.*)?", path)
        if not match:
            self._error(404, "Not found")
            return
        group, rest = match.group(1), match.group(2) or ""
        access = data.access(api_key, group)
        if not access or not access.get("library"):
            self._error(403, "Forbidden")
            return
        writing = self.command != "GET"
        if writing and not access.get("write"):
            self._error(403, "Write access denied")
            return
        lib = data.library(group)
        self._unsaved = writing
        if writing and self.server.faults.take_concurrent_edit():
            data.concurrent_edit(group, self.server.faults.rng)
        if not writing:
            since_header = self.headers.get("If-Modified-Since-Version")
            if since_header and since_header.isdigit() and lib.version <= int(since_header):
                self._send(304, None, {"Last-Modified-Version": str(lib.version)})
                return
        if rest in ("/items", "/items/top") and self.command == "GET":
            self._list(group, lib, lib.items, query, kind="item")
        elif rest == "/collections" and self.command == "GET":
            self._list(group, lib, lib.collections, query, kind="collection")
        elif rest == "/deleted" and self.command == "GET":
            since = int(query.get("since", "0") or 0)
            items = [k for k, v in lib.deleted_items.items() if v > since]
            self._send(200, {"items": items, "collections": [], "searches": [], "tags": [],
                             "settings": []}, {"Last-Modified-Version": str(lib.version)})  # fmt: skip
        elif rest in ("/items", "/collections") and self.command == "POST":
            self._write_many(group, lib, rest[1:], body, drop_response)
        elif rest == "/items" and self.command == "DELETE":
            self._delete_many(lib, query)
        elif re.fullmatch(r"/items/[A-Z0-9]{8}", rest):
            self._single_item(group, lib, rest.rsplit("/", 1)[1], body, drop_response)
        else:
            self._error(404, "Not found")
            return
        self._save_writes()

    def _api_object(self, group: str, kind: str, obj: dict[str, Any]) -> dict[str, Any]:
        base = self.server.url
        return {
            "key": obj["key"],
            "version": obj["version"],
            "library": {"type": "group", "id": int(group), "name": f"Group {group}"},
            "links": {
                "self": {
                    "href": f"{base}/groups/{group}/{kind}s/{obj['key']}",
                    "type": "application/json",
                }
            },  # fmt: skip
            "meta": {},
            "data": copy.deepcopy(obj),
        }

    def _list(
        self, group: str, lib: Library, objects: dict[str, Any], query: dict[str, str], kind: str
    ) -> None:
        since = int(query.get("since", "0") or 0)
        selected = [o for o in objects.values() if o["version"] > since]
        if query.get("itemKey") or query.get("collectionKey"):
            wanted = set((query.get("itemKey") or query.get("collectionKey") or "").split(","))
            selected = [o for o in selected if o["key"] in wanted]
        if kind == "item" and query.get("includeTrashed") not in ("1", "true"):
            selected = [o for o in selected if not o.get("deleted")]
        headers = {"Last-Modified-Version": str(lib.version)}
        if query.get("format") in ("versions", "keys"):
            if query["format"] == "keys":
                payload = "\n".join(o["key"] for o in selected).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("Last-Modified-Version", str(lib.version))
                self.end_headers()
                self.wfile.write(payload)
                self.server.log.append(RequestRecord(self.command, self.path, 200))
                return
            self._send(200, {o["key"]: o["version"] for o in selected}, headers)
            return
        selected.sort(key=lambda o: (o.get("dateModified", ""), o["key"]))
        total = len(selected)
        start = max(int(query.get("start", "0") or 0), 0)
        limit = min(max(int(query.get("limit", str(DEFAULT_PAGE)) or DEFAULT_PAGE), 1), MAX_PAGE)
        page = selected[start : start + limit]
        headers["Total-Results"] = str(total)
        links = []
        base = f"{self.server.url}{urlsplit(self.path).path}"

        def link(start_at: int, rel: str) -> str:
            params = {k: v for k, v in query.items() if k not in ("start", "limit")}
            params.update(start=str(start_at), limit=str(limit))
            return f'<{base}?{urlencode(params)}>; rel="{rel}"'

        if start + limit < total:
            links.append(link(start + limit, "next"))
            links.append(link(((total - 1) // limit) * limit, "last"))
        if start > 0:
            links.append(link(max(start - limit, 0), "prev"))
        if links:
            headers["Link"] = ", ".join(links)
        self._send(200, [self._api_object(group, kind, o) for o in page], headers)

    def _write_many(
        self, group: str, lib: Library, kind: str, body: Any, drop_response: bool
    ) -> None:
        if not isinstance(body, list):
            self._error(400, "Uploaded data must be a JSON array")
            return
        if len(body) > MAX_WRITE_OBJECTS:
            self._error(413, f"Only {MAX_WRITE_OBJECTS} objects can be written at a time")
            return
        token = self.headers.get("Zotero-Write-Token")
        if token and token in lib.write_tokens:
            self._error(412, "Write token already used")
            return
        precondition = self.headers.get("If-Unmodified-Since-Version")
        if precondition is not None and precondition.isdigit() and int(precondition) != lib.version:
            self._error(412, f"Library has been modified since specified version "
                             f"(expected {precondition}, found {lib.version})")  # fmt: skip
            return
        store = lib.items if kind == "items" else lib.collections
        new_version = lib.version + 1
        result: dict[str, dict[str, Any]] = {
            "successful": {}, "success": {}, "unchanged": {}, "failed": {}
        }  # fmt: skip
        for index, obj in enumerate(body):
            outcome = self._write_one(group, store, kind, obj, new_version, precondition)
            status, value = outcome
            if status == "failed":
                result["failed"][str(index)] = value
            elif status == "unchanged":
                result["unchanged"][str(index)] = value
            else:
                result["success"][str(index)] = value["key"]
                result["successful"][str(index)] = self._api_object(group, kind[:-1], value)
        if result["success"]:
            lib.version = new_version
        if token:
            lib.write_tokens.add(token)
        if drop_response:
            self._drop()
            return
        self._send(200, result, {"Last-Modified-Version": str(lib.version)})

    def _write_one(
        self,
        group: str,
        store: dict[str, Any],
        kind: str,
        obj: Any,
        new_version: int,
        precondition: str | None,
    ) -> tuple[str, Any]:
        if not isinstance(obj, dict):
            return "failed", {"key": None, "code": 400, "message": "Object must be a JSON object"}
        key = obj.get("key")
        existing = store.get(key) if key else None
        if existing is not None:
            version = obj.get("version")
            if version is None and precondition is None:
                return "failed", {"key": key, "code": 428,
                                  "message": "Either If-Unmodified-Since-Version or object "
                                             "version property must be provided"}  # fmt: skip
            if version is not None and int(version) != existing["version"]:
                return "failed", {"key": key, "code": 412,
                                  "message": f"{kind[:-1].title()} has been modified since "
                                             f"specified version (expected {version}, found "
                                             f"{existing['version']})"}  # fmt: skip
            merged = {**existing, **{k: v for k, v in obj.items() if k != "version"}}
            comparable = {k: v for k, v in merged.items() if k not in ("dateModified",)}
            if comparable == {k: v for k, v in existing.items() if k != "dateModified"}:
                return "unchanged", key
            candidate = merged
        else:
            if key and not re.fullmatch(r"[23456789A-Z]{8}", str(key)):
                return "failed", {"key": key, "code": 400, "message": f"Invalid key '{key}'"}
            candidate = {k: v for k, v in obj.items() if k != "version"}
            candidate["key"] = key or new_object_key()
            if kind == "items":
                candidate.setdefault("tags", [])
                candidate.setdefault("collections", [])
                candidate.setdefault("relations", {})
                candidate["dateAdded"] = candidate.get("dateAdded") or _now()
            else:
                candidate.setdefault("parentCollection", False)
                if not candidate.get("name"):
                    return "failed", {"key": candidate["key"], "code": 400,
                                      "message": "Collection name cannot be empty"}  # fmt: skip
        if kind == "items":
            problem = _validate(candidate, self.server.faults.unknown_fields)
            if problem:
                return "failed", {"key": candidate["key"], "code": problem[0],
                                  "message": problem[1]}  # fmt: skip
            candidate["dateModified"] = _now()
        candidate["version"] = new_version
        store[candidate["key"]] = candidate
        return "success", candidate

    def _delete_many(self, lib: Library, query: dict[str, str]) -> None:
        precondition = self.headers.get("If-Unmodified-Since-Version")
        if precondition is None:
            self._error(428, "If-Unmodified-Since-Version not provided")
            return
        if int(precondition) != lib.version:
            self._error(412, "Library has been modified since specified version")
            return
        keys = [k for k in query.get("itemKey", "").split(",") if k in lib.items]
        if keys:
            lib.version += 1
            for key in keys:
                del lib.items[key]
                lib.deleted_items[key] = lib.version
        self._send(204, None, {"Last-Modified-Version": str(lib.version)})

    def _single_item(
        self, group: str, lib: Library, key: str, body: Any, drop_response: bool
    ) -> None:
        existing = lib.items.get(key)
        if self.command == "GET":
            if existing is None:
                self._error(404, "Item not found")
            else:
                self._send(200, self._api_object(group, "item", existing),
                           {"Last-Modified-Version": str(existing["version"])})  # fmt: skip
            return
        precondition = self.headers.get("If-Unmodified-Since-Version")
        if self.command == "DELETE":
            if existing is None:
                self._error(404, "Item not found")
                return
            if precondition is None:
                self._error(428, "If-Unmodified-Since-Version not provided")
                return
            if int(precondition) != existing["version"]:
                self._error(412, "Item has been modified since specified version")
                return
            lib.version += 1
            del lib.items[key]
            lib.deleted_items[key] = lib.version
            self._send(204, None, {"Last-Modified-Version": str(lib.version)})
            return
        if not isinstance(body, dict):
            self._error(400, "Uploaded data must be a JSON object")
            return
        if existing is not None:
            version = precondition if precondition is not None else body.get("version")
            if version is None:
                self._error(428, "If-Unmodified-Since-Version not provided")
                return
            if int(version) != existing["version"]:
                self._error(412, "Item has been modified since specified version")
                return
            body = {**existing, **body} if self.command == "PATCH" else {**body, "key": key}
        body = {**body, "key": key, "version": existing["version"] if existing else 0}
        status, value = self._write_one(group, lib.items, "items", body, lib.version + 1, "0")
        if status == "failed":
            self._error(value["code"], value["message"])
            return
        if status == "success":
            lib.version += 1
        if drop_response:
            self._drop()
            return
        self._send(204, None, {"Last-Modified-Version": str(lib.version)})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, data: ZoteroData, faults: Faults) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.data = data
        self.faults = faults
        self.log: list[RequestRecord] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"


class ZoteroTestServer:
    """A running local Zotero API server (a context manager; stops on exit).

    ``api_keys`` maps a key to its access, as the API reports it:
    ``{"groups": {"all": {"library": True, "write": True}}}``; the default is one key,
    ``"test"``, that may read and write every group.
    """

    def __init__(
        self,
        port: int = 0,
        *,
        api_keys: dict[str, dict[str, Any]] | None = None,
        state_path: str | Path | None = None,
        seed: int = 0,
    ) -> None:
        keys = api_keys or {"test": {"groups": {"all": {"library": True, "write": True}}}}
        self.data = ZoteroData(keys, Path(state_path) if state_path else None)
        self.faults = Faults(rng=random.Random(seed))
        self._server = _Server(port, self.data, self.faults)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return self._server.url

    @property
    def requests(self) -> list[RequestRecord]:
        return self._server.log

    def start(self) -> ZoteroTestServer:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> ZoteroTestServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset_log(self) -> None:
        self._server.log.clear()

    # -- direct access for tests (what a colleague does in the Zotero app) ------------

    def items(self, group: int | str) -> dict[str, dict[str, Any]]:
        with self.data.lock:
            return copy.deepcopy(self.data.library(str(group)).items)

    def library_version(self, group: int | str) -> int:
        with self.data.lock:
            return self.data.library(str(group)).version

    def edit_item(self, group: int | str, key: str, changes: dict[str, Any]) -> int:
        """Change an item as a Zotero user would; returns its new version."""
        with self.data.lock:
            lib = self.data.library(str(group))
            lib.version += 1
            lib.items[key].update(changes)
            lib.items[key]["version"] = lib.version
            lib.items[key]["dateModified"] = _now()
            self.data.save()
            return lib.version

    def delete_item(self, group: int | str, key: str) -> None:
        with self.data.lock:
            lib = self.data.library(str(group))
            lib.version += 1
            del lib.items[key]
            lib.deleted_items[key] = lib.version
            self.data.save()

    def reset_library(self, group: int | str) -> None:
        """Empty a library and restart its versions (a new or reset group)."""
        with self.data.lock:
            self.data.libraries[str(group)] = Library()
            self.data.save()

    @property
    def concurrent_edits(self) -> list[tuple[str, str, str, str]]:
        return list(self.data.concurrent_edits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cslkit.testing.zotero_server",
        description="A local Zotero Web API v3 server (API key: test) for tests and demos.",
    )
    parser.add_argument("--port", type=int, default=8085, help="0 picks a free port")
    parser.add_argument("--state", help="keep the libraries in this JSON file")
    parser.add_argument("--api-key", default="test", help="the key clients must send")
    args = parser.parse_args(argv)
    keys = {args.api_key: {"groups": {"all": {"library": True, "write": True}}}}
    server = ZoteroTestServer(args.port, api_keys=keys, state_path=args.state)
    sys.stdout.write(server.url + "\n")  # scripts read the URL (with --port 0) from here
    sys.stdout.flush()
    try:
        server._server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server._server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
