"""A polite HTTP getter for the enrichment sources: contact details in every request,
a minimum interval between requests (tightened by the server's rate-limit headers),
Retry-After on 429/503, and an on-disk JSON cache.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from cslkit.errors import NetworkError

CACHE_DAYS = 30
_CONTACT_PARAMS = frozenset({"mailto", "email", "tool"})
MAX_ATTEMPTS = 3


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("cslkit")) / "enrichment"


@dataclass
class PoliteClient:
    """GETs JSON from one service at no more than one request per ``min_interval`` s."""

    min_interval: float
    email: str | None = None
    cache_dir: Path | None = None
    timeout: float = 20.0
    client: Any = None  # an httpx.Client; made on first use
    requests_made: int = 0
    _last_request: float = field(default=0.0, repr=False)

    def _user_agent(self) -> str:
        from cslkit import __version__

        contact = f" (mailto:{self.email})" if self.email else ""
        return f"cslkit/{__version__}{contact}"

    def _cache_path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def get_json(self, base: str, params: dict[str, str]) -> tuple[int, Any]:
        """(HTTP status, parsed JSON or None). Cached answers are returned without a request.

        The cache key leaves out the contact email, so changing it does not refetch.
        """
        public = sorted((k, v) for k, v in params.items() if k not in _CONTACT_PARAMS)
        public_url = f"{base}?{urlencode(public)}" if public else base
        cache_path = self._cache_path(public_url)
        if cache_path is not None and cache_path.is_file():
            age_days = (time.time() - cache_path.stat().st_mtime) / 86400
            if age_days <= CACHE_DAYS:
                try:
                    cached = json.loads(cache_path.read_text("utf-8"))
                    return cached["status"], cached["body"]
                except (OSError, ValueError, KeyError):
                    pass  # a damaged cache entry is simply fetched again
        status, body = self._fetch(base, params)
        if cache_path is not None and status in (200, 404):
            cache_path.parent.mkdir(parents=True, exist_ok=True)
            temporary = cache_path.with_suffix(".tmp")
            temporary.write_text(json.dumps({"status": status, "body": body}), "utf-8")
            temporary.replace(cache_path)
        return status, body

    def _fetch(self, base: str, params: dict[str, str]) -> tuple[int, Any]:
        import httpx

        if self.client is None:
            self.client = httpx.Client(
                timeout=self.timeout,
                headers={"User-Agent": self._user_agent()},
                follow_redirects=True,
            )
        for attempt in range(MAX_ATTEMPTS):
            wait = self._last_request + self.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last_request = time.monotonic()
            self.requests_made += 1
            try:
                response = self.client.get(base, params=params)
            except httpx.HTTPError as exc:
                if attempt == MAX_ATTEMPTS - 1:
                    raise NetworkError(f"{base}: {type(exc).__name__}: {exc}") from exc
                time.sleep(min(2**attempt, 4) * 0.5)
                continue
            self._adapt_interval(response.headers)
            if response.status_code in (429, 503) and attempt < MAX_ATTEMPTS - 1:
                time.sleep(_retry_after(response.headers.get("Retry-After")))
                continue
            if response.status_code != 200:
                return response.status_code, None
            try:
                return 200, response.json()
            except ValueError:
                return 502, None
        return 429, None

    def _adapt_interval(self, headers: Any) -> None:
        """Crossref says how many requests per interval it allows; never go faster."""
        limit, interval = headers.get("X-Rate-Limit-Limit"), headers.get("X-Rate-Limit-Interval")
        try:
            if limit and interval:
                allowed = float(interval.rstrip("s")) / float(limit)
                self.min_interval = max(self.min_interval, allowed)
        except ValueError:
            pass

    def close(self) -> None:
        if self.client is not None:
            self.client.close()


def _retry_after(value: str | None) -> float:
    try:
        return min(max(float(value or 1), 0.0), 30.0)
    except ValueError:
        return 1.0
