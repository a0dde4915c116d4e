"""The one place that talks HTTP to a Zotero server: pyzotero, on a transport we own.

pyzotero builds the requests, but does not do the reliable part (it reports success
for batches whose objects failed, does not retry 429 or 5xx, and starts its own
back-off timers). So:

* :class:`RetryTransport` sits under pyzotero's httpx client and owns every retry:
  ``Backoff`` (wait before the next request), ``Retry-After`` on 429/503, capped
  exponential back-off on other 5xx and on dropped connections. Retrying a write is
  safe because every write carries ``If-Unmodified-Since-Version`` (and creates a
  ``Zotero-Write-Token``): a write that did reach the server answers 412 when repeated.
  It removes ``Backoff``/``Retry-After`` from what pyzotero sees, so back-off happens once.
* :class:`ZoteroClient` calls pyzotero and reads the ``successful``/``unchanged``/
  ``failed`` maps of every write itself.

The API key goes only into the Authorization header; it is never logged or put in
messages.
"""

from __future__ import annotations

import random
import secrets
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from cslkit.errors import NetworkError, ZoteroAuthError, ZoteroError

DEFAULT_API_URL = "https://api.zotero.org"
MAX_BATCH = 50
KEY_ALPHABET = "23456789ABCDEFGHIJKLMNPQRSTUVWXYZ"  # Zotero object keys: 8 of these


def new_object_key() -> str:
    """A new Zotero object key (clients may choose the keys of objects they create)."""
    return "".join(secrets.choice(KEY_ALPHABET) for _ in range(8))


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try. ``time_scale`` shrinks every wait (server-given ones too);
    tests and benchmarks use a tiny one, users never need it."""

    max_retries: int = 8
    # A server that refuses connections is more often a wrong --api-url than a blip.
    max_connect_retries: int = 3
    base_delay: float = 1.0
    max_delay: float = 60.0
    time_scale: float = 1.0

    def backoff(self, attempt: int, rng: random.Random) -> float:
        delay = min(self.base_delay * 2**attempt, self.max_delay)
        return delay * (0.5 + rng.random() / 2) * self.time_scale

    def server_wait(self, seconds: float) -> float:
        return min(max(seconds, 0.0), self.max_delay) * self.time_scale


@dataclass
class RequestStats:
    """What went over the wire (for summaries and benchmarks)."""

    by_method: Counter[str] = field(default_factory=Counter)
    retries: int = 0
    waited: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.by_method.values())

    @property
    def writes(self) -> int:
        return sum(n for m, n in self.by_method.items() if m != "GET")


def _seconds(value: str | None) -> float | None:
    """Seconds from a ``Backoff``/``Retry-After`` value: a number, or an HTTP date."""
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


class RetryTransport(httpx.BaseTransport):
    """Retries, back-off and request counting under an httpx client."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy,
        stats: RequestStats,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._stats = stats
        self._sleep = sleep
        self._rng = random.Random()
        self._quiet_until = 0.0  # a Backoff header asks for no requests before then

    def _wait(self, seconds: float) -> None:
        if seconds > 0:
            self._stats.waited += seconds
            self._sleep(seconds)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()  # the body must be resendable
        attempt = 0
        while True:
            self._wait(self._quiet_until - time.monotonic())
            self._stats.by_method[request.method] += 1
            try:
                response = self._inner.handle_request(request)
            except httpx.UnsupportedProtocol:
                raise NetworkError(
                    f"not an http(s) URL: {request.url.scheme}://{request.url.host}",
                    hint="give --api-url as https://host",
                ) from None
            except httpx.TransportError as exc:
                limit = self._policy.max_retries
                if isinstance(exc, httpx.ConnectError):
                    limit = min(limit, self._policy.max_connect_retries)
                if attempt >= limit:
                    raise NetworkError(
                        f"cannot reach the Zotero server at {request.url.host} "
                        f"({type(exc).__name__}) after {attempt + 1} attempts",
                        hint="check the network or --api-url, then run the same command again",
                    ) from None
                self._stats.retries += 1
                self._wait(self._policy.backoff(attempt, self._rng))
                attempt += 1
                continue
            backoff = _seconds(response.headers.get("Backoff"))
            if backoff:
                self._quiet_until = time.monotonic() + self._policy.server_wait(backoff)
            status = response.status_code
            if (status == 429 or status >= 500) and attempt < self._policy.max_retries:
                retry_after = _seconds(response.headers.get("Retry-After"))
                response.read()
                response.close()
                self._stats.retries += 1
                if retry_after is not None:
                    self._wait(self._policy.server_wait(retry_after))
                else:
                    self._wait(self._policy.backoff(attempt, self._rng))
                attempt += 1
                continue
            for name in ("Backoff", "Retry-After"):
                response.headers.pop(name, None)
            return response


@dataclass
class WriteResult:
    """One multi-object write: HTTP status and, for 200, the per-object maps."""

    status: int
    library_version: int | None = None
    successful: dict[str, dict[str, Any]] = field(default_factory=dict)
    unchanged: dict[str, str] = field(default_factory=dict)
    failed: dict[str, dict[str, Any]] = field(default_factory=dict)


class ZoteroClient:
    """A group library on a Zotero server, through pyzotero and :class:`RetryTransport`."""

    def __init__(
        self,
        api_url: str,
        group: int | str,
        api_key: str,
        policy: RetryPolicy | None = None,
    ) -> None:
        from pyzotero import zotero

        self.group = str(group)
        self.api_url = api_url.rstrip("/")
        self.stats = RequestStats()
        self._zot = zotero.Zotero(self.group, "group", api_key)
        self._zot.endpoint = self.api_url
        self._zot.client.close()
        self._zot.client = httpx.Client(
            headers=self._zot.default_headers(),
            transport=RetryTransport(httpx.HTTPTransport(), policy or RetryPolicy(), self.stats),
            follow_redirects=True,
            timeout=httpx.Timeout(60.0, connect=15.0),
        )

    def close(self) -> None:
        self._zot.client.close()

    # -- errors ----------------------------------------------------------------------

    def _status(self) -> int:
        request = getattr(self._zot, "request", None)
        return int(getattr(request, "status_code", 0) or 0)

    def _fail(self, what: str, exc: Exception) -> ZoteroError:
        from pyzotero import zotero_errors

        if isinstance(exc, zotero_errors.UserNotAuthorisedError):
            return ZoteroAuthError(
                f"the API key may not {what} in group {self.group} on {self.api_url}",
                hint="give the key access to the group at zotero.org/settings/keys",
            )
        status = self._status()
        if status == 429 or status >= 500:
            return ZoteroError(
                f"the Zotero server could not {what} (HTTP {status}, still after retries)",
                hint="run the same command again later; it resumes where it stopped",
            )
        return ZoteroError(
            f"the Zotero server refused to {what} (HTTP {status or type(exc).__name__})"
        )

    def _call(self, what: str, function: Callable[[], Any]) -> Any:
        from pyzotero import zotero_errors

        try:
            return function()
        except zotero_errors.PyZoteroError as exc:
            raise self._fail(what, exc) from None

    @property
    def _last_version(self) -> int:
        return int(self._zot.request.headers.get("Last-Modified-Version") or 0)

    # -- reads -----------------------------------------------------------------------

    def check_access(self, *, write: bool) -> None:
        """Fail early and clearly when the key cannot read (or write) the group."""
        response = self._zot.client.get(f"{self.api_url}/keys/current")
        if response.status_code in (401, 403, 404):
            raise ZoteroAuthError(
                f"the Zotero server at {self.api_url} does not accept the API key",
                hint="set ZOTERO_API_KEY (or the keyring entry cslkit-zotero) to a valid key",
            )
        if response.status_code != 200:
            raise ZoteroError(f"checking the API key failed (HTTP {response.status_code})")
        groups = (response.json().get("access") or {}).get("groups") or {}
        access = groups.get(self.group) or groups.get("all") or {}
        if not access.get("library"):
            raise ZoteroAuthError(
                f"the API key has no access to group {self.group} on {self.api_url}",
                hint="give the key access to the group at zotero.org/settings/keys",
            )
        if write and not access.get("write"):
            raise ZoteroAuthError(
                f"the API key may read but not write group {self.group}",
                hint="give the key write access, or use --dry-run",
            )

    def item_versions(self, since: int) -> tuple[dict[str, int], int]:
        """Keys and versions of items changed after ``since`` (trash included), and
        the library version."""
        versions = self._call(
            "list item versions",
            lambda: self._zot.item_versions(since=since, includeTrashed=1),
        )
        return {str(k): int(v) for k, v in versions.items()}, self._last_version

    def deleted_items(self, since: int) -> list[str]:
        deleted = self._call("list deleted items", lambda: self._zot.deleted(since=since))
        return list(deleted.get("items") or [])

    def items_by_key(self, keys: list[str]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for start in range(0, len(keys), MAX_BATCH):
            chunk = keys[start : start + MAX_BATCH]
            objects = self._call(
                "read items",
                lambda chunk=chunk: self._zot.items(
                    itemKey=",".join(chunk), includeTrashed=1, limit=MAX_BATCH
                ),
            )
            found.extend(o["data"] for o in objects)
        return found

    def items_since(self, since: int) -> list[dict[str, Any]]:
        """Every item changed after ``since``, 100 a page (the API's maximum)."""
        objects = self._call(
            "read items",
            lambda: self._zot.everything(self._zot.items(since=since, includeTrashed=1, limit=100)),
        )
        return [o["data"] for o in objects]

    def collections(self) -> list[dict[str, Any]]:
        objects = self._call(
            "read collections", lambda: self._zot.everything(self._zot.collections())
        )
        return [o["data"] for o in objects]

    # -- writes ----------------------------------------------------------------------

    def create_collection(self, name: str, library_version: int) -> WriteResult:
        return self._write(
            "create a collection",
            lambda: self._zot.create_collections([{"name": name}], last_modified=library_version),
        )

    def write_items(self, objects: list[dict[str, Any]], library_version: int) -> WriteResult:
        """Create or update up to 50 items; 412 means the library changed since
        ``library_version`` (re-read and re-plan)."""
        if len(objects) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} objects per write")
        return self._write(
            "write items",
            lambda: self._zot.create_items(objects, last_modified=library_version),
        )

    def _write(self, what: str, function: Callable[[], Any]) -> WriteResult:
        from pyzotero import zotero_errors

        try:
            answer = function()
        except zotero_errors.PreConditionFailedError:
            return WriteResult(412)
        except zotero_errors.RequestEntityTooLargeError:
            return WriteResult(413)
        except zotero_errors.PyZoteroError as exc:
            raise self._fail(what, exc) from None
        return WriteResult(
            200,
            self._last_version,
            dict(answer.get("successful") or {}),
            dict(answer.get("unchanged") or {}),
            dict(answer.get("failed") or {}),
        )
