"""The retrying transport under pyzotero: the one place that owns retries and back-off."""

from __future__ import annotations

import httpx
import pytest

from cslkit.errors import NetworkError
from cslkit.zotero.client import RequestStats, RetryPolicy, RetryTransport


def _client(responses: list, policy: RetryPolicy, sleeps: list[float]):
    calls: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        outcome = responses.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    stats = RequestStats()
    transport = RetryTransport(httpx.MockTransport(answer), policy, stats, sleep=sleeps.append)
    return httpx.Client(transport=transport, base_url="http://zotero.test"), calls, stats


def test_retry_after_is_honoured_and_capped() -> None:
    sleeps: list[float] = []
    policy = RetryPolicy(max_delay=30)
    client, calls, stats = _client(
        [httpx.Response(429, headers={"Retry-After": "7"}),
         httpx.Response(503, headers={"Retry-After": "3600"}),
         httpx.Response(200, json={})],
        policy, sleeps,
    )  # fmt: skip
    assert client.post("/groups/1/items", json=[{"a": 1}]).status_code == 200
    assert sleeps == [7.0, 30.0]
    assert len(calls) == 3 and all(c.content == b'[{"a":1}]' for c in calls)
    assert stats.retries == 2 and stats.by_method["POST"] == 3


def test_5xx_and_dropped_connections_back_off_exponentially() -> None:
    sleeps: list[float] = []
    policy = RetryPolicy(base_delay=1, max_delay=4)
    client, _, _ = _client(
        [httpx.Response(500), httpx.RemoteProtocolError("dropped"), httpx.Response(502),
         httpx.Response(500), httpx.Response(200)],
        policy, sleeps,
    )  # fmt: skip
    assert client.get("/x").status_code == 200
    # 1, 2, 4, then capped at 4 (each with up to 50 % jitter below)
    for wait, ceiling in zip(sleeps, [1, 2, 4, 4], strict=True):
        assert ceiling / 2 <= wait <= ceiling


def test_backoff_header_delays_the_next_request_and_is_hidden_from_pyzotero() -> None:
    sleeps: list[float] = []
    client, _, _ = _client(
        [httpx.Response(200, headers={"Backoff": "5"}), httpx.Response(200)],
        RetryPolicy(), sleeps,
    )  # fmt: skip
    first = client.get("/x")
    assert "Backoff" not in first.headers  # pyzotero would start its own timer
    client.get("/y")
    assert len(sleeps) == 1 and 4 < sleeps[0] <= 5


def test_gives_up_after_max_retries() -> None:
    sleeps: list[float] = []
    policy = RetryPolicy(max_retries=2, time_scale=0)
    client, calls, _ = _client([httpx.ConnectError("down")] * 3, policy, sleeps)
    with pytest.raises(NetworkError, match="after 3 attempts"):
        client.get("/x")
    refused = RetryPolicy(max_retries=8, max_connect_retries=1, time_scale=0)
    client, calls, _ = _client([httpx.ConnectError("refused")] * 2, refused, sleeps)
    with pytest.raises(NetworkError, match="after 2 attempts"):
        client.get("/x")
    client, calls, _ = _client([httpx.Response(503)] * 3, policy, sleeps)
    assert client.get("/x").status_code == 503 and len(calls) == 3


def test_client_errors_are_not_retried() -> None:
    sleeps: list[float] = []
    client, calls, _ = _client([httpx.Response(412)], RetryPolicy(), sleeps)
    assert client.post("/x", json=[]).status_code == 412 and len(calls) == 1 and not sleeps


def test_retry_after_as_an_http_date() -> None:
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    sleeps: list[float] = []
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    client, _, _ = _client(
        [httpx.Response(503, headers={"Retry-After": when}), httpx.Response(200)],
        RetryPolicy(), sleeps,
    )  # fmt: skip
    assert client.get("/x").status_code == 200
    assert 15 < sleeps[0] <= 20
