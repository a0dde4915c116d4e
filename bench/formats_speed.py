"""Speed of the file formats: read and write BibTeX, RIS and CSL-JSON.

    .venv/bin/python bench/formats_speed.py [--items 10000]

Builds a BibTeX file of N entries by repeating tests/data/formats/medical.bib under new
keys (LaTeX accents, macros, Cyrillic, every entry type we map), converts it to RIS and
CSL-JSON once, then times reading and writing each format and prints items/s. Also
reads the real 774-entry biblatex-gost file from ../shared when it is there.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cslkit  # noqa: E402
from cslkit.formats import dumps  # noqa: E402

REAL_BIB = ROOT.parent / "shared" / "data" / "cyrillic-bib" / "odomanov__biblatex-gost"


def timed(action):
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - start_wall, time.process_time() - start_cpu


def report(label: str, count: int, wall: float, cpu: float) -> None:
    print(f"{label:<28} {count:>7} items  {wall:6.3f} s wall  {cpu:6.3f} s CPU  "
          f"{count / wall:>9,.0f} items/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10000)
    args = parser.parse_args()

    template = (ROOT / "tests" / "data" / "formats" / "medical.bib").read_text(encoding="utf-8")
    macros = "\n".join(line for line in template.splitlines() if line.startswith("@string"))
    body = "\n".join(line for line in template.splitlines() if not line.startswith("@string"))
    per_copy = len(re.findall(r"^@(?!string)", body, re.M))
    copies = max(1, args.items // per_copy)
    bib = macros + "\n" + "\n".join(
        re.sub(r"^(@\w+\{)([^,]+),", rf"\g<1>\g<2>-{n},", body, flags=re.M)
        for n in range(copies)
    )

    items, wall, cpu = timed(lambda: cslkit.parse(bib, format="bibtex"))
    report("read BibTeX", len(items), wall, cpu)
    for name in ("bibtex", "ris", "csl-json"):
        text, wall, cpu = timed(lambda name=name: dumps(items, name))
        report(f"write {name}", len(items), wall, cpu)
        if name != "bibtex":
            again, wall, cpu = timed(lambda text=text, name=name: cslkit.parse(text, format=name))
            report(f"read {name}", len(again), wall, cpu)
    if REAL_BIB.is_dir():
        path = REAL_BIB / "biblatex-gost-examples.bib"
        real, wall, cpu = timed(lambda: cslkit.parse(path))
        report("read biblatex-gost (real)", len(real), wall, cpu)


if __name__ == "__main__":
    main()
