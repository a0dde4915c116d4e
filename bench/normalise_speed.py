"""Speed of cslkit.normalise() + cslkit.validate() on 10,000 messy items.

Two corpora made from the bench/validate_problems.py clean items:

* "parsed": as the free-text parser and the readers deliver them — name objects with
  run-together initials ("JA"), an "et al." entry now and then, en-dash and abbreviated
  page ranges, NLM journal abbreviations in container-title, DOIs in upper case;
* "strings" (the worst case): hand-typed CSL-JSON with name strings ("Smith JA, Doe B,
  et al."), printed dates ("2012 Apr 5"), DOI URLs and dotted abbreviations as well.

    .venv/bin/python bench/normalise_speed.py [--items 10000] [--repeat 3]

Target: 10,000 items normalised and validated in under 2 s (the one-time load of the
journal abbreviation table is shown separately and included in the first run).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from validate_problems import clean_item  # noqa: E402

import cslkit  # noqa: E402

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def parsed(item: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """An item as a reader or the free-text parser would give it."""
    item = dict(item)
    item["author"] = [
        {"family": a["family"], "given": a["given"].replace(". ", "").replace(".", "")}
        for a in item["author"]
    ] + ([{"literal": "et al."}] if rng.random() < 0.3 else [])
    if "page" in item:
        first, last = item["page"].split("-")
        short = last[-1] if len(last) == len(first) and last[:-1] == first[:-1] else last
        item["page"] = f"{first}–{short}"
    if "DOI" in item:
        item["DOI"] = item["DOI"].upper()
    if item.get("container-title-short"):
        item["container-title"] = item.pop("container-title-short")
    return item


def messy(item: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """An item as a person types CSL-JSON by hand: the worst case."""
    item = dict(item)
    names = [
        f"{a['family']} {a['given'].replace('. ', '').replace('.', '')}" for a in item["author"]
    ]
    item["author"] = ", ".join(names) + (", et al." if rng.random() < 0.3 else "")
    year, month = item["issued"]["date-parts"][0][:2]
    item["issued"] = f"{year} {MONTHS[month - 1]} {rng.randint(1, 28)}"
    if "page" in item:
        first, last = item["page"].split("-")
        item["page"] = (
            f"{first}–{last[-1] if len(last) == len(first) and last[:-1] == first[:-1] else last}"
        )
    if "DOI" in item:
        item["DOI"] = "https://doi.org/" + item["DOI"].upper()
    if item.get("container-title-short"):
        item["container-title"] = item.pop("container-title-short").replace(" ", ". ") + "."
    return item


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is the figure")
    args = parser.parse_args()
    from cslkit.normalisers.containers import journal_table

    bests = []
    for name, make in (("parsed", parsed), ("strings", messy)):
        rng = random.Random(7)
        items = [make(clean_item(rng, i), rng) for i in range(args.items)]
        runs = []
        cpu_times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            cpu_started = time.process_time()
            journal_table()  # read once per process; the first run pays for it
            loaded = time.perf_counter()
            result = cslkit.normalise(items)
            normalised = time.perf_counter()
            report = cslkit.validate(result.items)
            done = time.perf_counter()
            cpu_times.append(time.process_time() - cpu_started)
            runs.append((loaded - started, normalised - loaded, done - normalised, done - started))
        print(
            f"{name}: {len(items)} items; changes: {len(result.report)}; "
            f"problems after: {len(report)} ({len(report.errors)} errors)"
        )
        for number, (table, normalise_s, validate_s, total) in enumerate(runs, 1):
            print(
                f"  run {number}: journal table {table:.2f} s + normalise {normalise_s:.2f} s"
                f" + validate {validate_s:.2f} s = {total:.2f} s (CPU {cpu_times[number - 1]:.2f} s)"
            )
        best = min(run[3] for run in runs)
        bests.append(best)
        print(f"  best: {best:.2f} s ({len(items) / best:,.0f} items/s)  target < 2 s")
    print(
        "(2 shared cores: wall time grows when other processes run; the best run is the"
        " figure, and the CPU time shows how much of it was ours)"
    )
    sys.exit(0 if max(bests) < 2 else 1)


if __name__ == "__main__":
    main()
