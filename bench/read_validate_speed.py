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
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is the figure")
    args = parser.parse_args()
    rng = random.Random(3)
    items = [clean_item(rng, i) for i in range(args.items)]
    runs = []
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "items.json"
        path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        size_kib = path.stat().st_size // 1024
        for _ in range(args.repeat):
            started = time.perf_counter()
            read = cslkit.parse(path)
            parsed = time.perf_counter()
            report = cslkit.validate(read)
            done = time.perf_counter()
            runs.append((parsed - started, done - parsed, done - started))
    print(f"items: {len(read)} ({size_kib:,} KiB file); problems: {len(report)}")
    for number, (read_s, validate_s, total) in enumerate(runs, 1):
        first = " (first run: imports included)" if number == 1 else ""
        print(
            f"run {number}: read {read_s:.2f} s + validate {validate_s:.2f} s = {total:.2f} s{first}"
        )
    best = min(run[2] for run in runs)
    print(f"best: {best:.2f} s ({len(read) / best:,.0f} items/s)  target < 1 s")
    print("(2 shared cores: wall time grows when other processes run; the best run is the figure)")
    sys.exit(0 if best < 1 else 1)


if __name__ == "__main__":
    main()
