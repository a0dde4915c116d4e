"""Speed of reading 10,000 CSL-JSON items from a file (cslkit.parse) and validating them.

    .venv/bin/python bench/read_validate_speed.py [--items 10000]

Target (issue 2): under 1 s in all; prints items/s.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from validate_problems import clean_item  # noqa: E402

import cslkit  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(3)
    items = [clean_item(rng, i) for i in range(args.items)]
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "items.json"
        path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        size_kib = path.stat().st_size // 1024
        started, cpu_started = time.perf_counter(), time.process_time()
        read = cslkit.parse(path)
        parsed = time.perf_counter()
        report = cslkit.validate(read)
        done = time.perf_counter()
        cpu = time.process_time() - cpu_started
    total = done - started
    print(f"items: {len(read)} ({size_kib:,} KiB file); problems: {len(report)}")
    print(f"read:     {parsed - started:.2f} s ({len(read) / (parsed - started):,.0f} items/s)")
    print(f"validate: {done - parsed:.2f} s ({len(read) / (done - parsed):,.0f} items/s)")
    print(f"total:    {total:.2f} s ({len(read) / total:,.0f} items/s)  target < 1 s")
    print(f"CPU time: {cpu:.2f} s (wall time grows when other processes share the cores)")
    sys.exit(0 if total < 1 else 1)


if __name__ == "__main__":
    main()
