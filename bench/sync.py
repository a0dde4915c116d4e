"""Sync benchmark against the local Zotero server (no internet).

    .venv/bin/python bench/sync.py [--items 5000] [--error-rate 0.05] [--edit-share 0.01]

1. first sync of N items into an empty group: HTTP requests (target: ceil(N/50)
   writes + a handful of reads) and time;
2. re-sync with nothing changed: requests (target <= 3) and writes (target 0);
3. a fresh group with a share of requests failing (5xx, 429 with Retry-After, answers
   lost after the server did the work) and colleagues editing ~1 % of the items between
   our reads and writes, first sync and then a sync of local changes: duplicates, lost
   remote edits, items not synced (targets: 0, 0, 0).
Retry waits are scaled down (``RetryPolicy(time_scale=...)``) so the run stays short.
"""

from __future__ import annotations

import argparse
import math
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import cslkit
from cslkit.testing.zotero_server import DROPPED, ZoteroTestServer
from cslkit.zotero.client import RetryPolicy

FAMILIES = ["Мальцев", "Коваленко", "Petrenko", "Smith", "Nakamura", "Шевченко", "Müller", "Іванов"]
JOURNALS = ["Український медичний часопис", "Lancet", "Кардиология", "BMJ", "Журнал НАМН України"]
WORDS = ["серце", "тиск", "діабет", "гіпертензія", "heart", "failure", "trial", "outcome",
         "лечение", "дети"]  # fmt: skip


def make_items(count: int, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    items = []
    for n in range(count):
        kind = rng.random()
        item: dict[str, Any] = {
            "id": f"ref-{n}",
            "type": "article-journal" if kind < 0.8 else ("book" if kind < 0.9 else "chapter"),
            "title": " ".join(rng.choice(WORDS) for _ in range(6)) + f" ({n})",
            "author": [
                {"family": rng.choice(FAMILIES), "given": f"{chr(65 + rng.randrange(26))}."}
                for _ in range(rng.randrange(1, 5))
            ],
            "issued": {"date-parts": [[1990 + n % 35]]},
        }
        if item["type"] == "article-journal":
            item |= {"container-title": rng.choice(JOURNALS), "volume": str(n % 40 + 1),
                     "page": f"{n % 300 + 1}-{n % 300 + 9}"}  # fmt: skip
            if rng.random() < 0.6:
                item["DOI"] = f"10.5555/bench.{seed}.{n}"
        else:
            item |= {"publisher": "Здоров'я", "publisher-place": "Київ"}
        items.append(item)
    return items


def run_sync(server: ZoteroTestServer, state: Path, items: list[dict[str, Any]], group: int,
             policy: RetryPolicy) -> tuple[Any, float]:  # fmt: skip
    server.reset_log()
    started = time.perf_counter()
    report = cslkit.sync(items, group=group, api_key="test", api_url=server.url,
                         state_path=state, retry=policy)  # fmt: skip
    return report, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--error-rate", type=float, default=0.05)
    parser.add_argument("--edit-share", type=float, default=0.01)
    parser.add_argument("--time-scale", type=float, default=0.001)
    args = parser.parse_args()
    policy = RetryPolicy(max_retries=10, base_delay=1.0, time_scale=args.time_scale)
    items = make_items(args.items)
    with ZoteroTestServer(seed=42) as server, tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp) / "state.sqlite"
        report, seconds = run_sync(server, state, items, 1, policy)
        writes_target = math.ceil(args.items / 50)
        print(f"first sync of {args.items} items: {report.requests} requests "
              f"({report.writes} writes, target <= {writes_target}; "
              f"{report.requests - report.writes} reads), {seconds:.2f} s, "
              f"{len(report.created)} created")  # fmt: skip
        report, seconds = run_sync(server, state, items, 1, policy)
        print(f"re-sync, nothing changed: {report.requests} requests (target <= 3), "
              f"{report.writes} writes (target 0), {seconds:.2f} s; {report.summary()}")  # fmt: skip

        # A faulty network and busy colleagues, in a fresh group.
        faults = server.faults
        faults.random_errors(args.error_rate, (500, 502, 503, 429, DROPPED))
        writes_expected = writes_target * 1.5
        faults.concurrent_edit_rate = min(1.0, args.items * args.edit_share / writes_expected)
        state = Path(tmp) / "faulty.sqlite"
        report, seconds = run_sync(server, state, items, 2, policy)
        first_edits = len(server.concurrent_edits)
        changed = [dict(i, volume="999") if n % 10 == 0 else i for n, i in enumerate(items)]
        second, seconds2 = run_sync(server, state, changed, 2, policy)
        faults.clear()
        remote = {k: d for k, d in server.items(2).items() if not d.get("deleted")}
        by_title: dict[str, int] = {}
        for data in remote.values():
            base_title = data["title"].split(" (edited in Zotero")[0]
            by_title[base_title] = by_title.get(base_title, 0) + 1
        duplicates = sum(n - 1 for n in by_title.values() if n > 1)
        missing = sum(1 for i in items if i["title"] not in by_title)
        edits = [e for e in server.concurrent_edits if e[0] == "2"]
        # A later edit of the same item extends the earlier one, so "starts with" is kept.
        lost = sum(1 for _, key, field, value in edits
                   if not str(remote.get(key, {}).get(field, "")).startswith(value))  # fmt: skip
        pushed = sum(1 for d in remote.values() if d.get("volume") == "999")
        wanted = sum(1 for i in changed if i.get("volume") == "999")
        conflicts = len(second.conflicts)
        print(f"with {args.error_rate:.0%} of requests failing (5xx, 429, or the connection "
              f"dropped after the server did the work) and {len(edits)} concurrent edits "
              f"({first_edits} during the first sync): first sync {report.requests} requests, "
              f"{report.retries} retries, {seconds:.2f} s; change sync {second.requests} "
              f"requests, {second.retries} retries, {seconds2:.2f} s")  # fmt: skip
        print(f"  remote items {len(remote)} for {len(items)} local, duplicates {duplicates} "
              f"(target 0), not synced {missing} (target 0), lost remote edits {lost} "
              f"(target 0), local changes pushed {pushed}/{wanted} "
              f"(conflicts reported {conflicts}), failed {len(report.failed) + len(second.failed)}")  # fmt: skip


if __name__ == "__main__":
    main()
