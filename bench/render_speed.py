"""Rendering speed: 2,000 journal articles in Vancouver, APA and DSTU 8302 (when present).

    .venv/bin/python bench/render_speed.py [--count 2000] [--no-node] [--profile STYLE]

Prints items/s and peak memory (the process's peak resident set; with --heap also the
peak of Python allocations, measured in a second run) for cslkit, for plain citeproc-py
(Vancouver only: the issue's baseline, without our adapter), and for citeproc-js on the
same items when node and tools/oracle/node_modules are there. The articles come from the oracle corpus generator
(seeded), so runs are comparable.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools" / "oracle"))

NODE_SCRIPT = r"""
const fs = require("fs");
const CSL = require(process.argv[2]);
const [items, style, localesDir, lang] = [JSON.parse(fs.readFileSync(process.argv[3], "utf8")),
  fs.readFileSync(process.argv[4], "utf8"), process.argv[5], process.argv[6]];
const byId = new Map(items.map((i) => [i.id, i]));
const sys = {
  retrieveLocale: (code) => { const f = `${localesDir}/locales-${code}.xml`;
    return fs.existsSync(f) ? fs.readFileSync(f, "utf8") : false; },
  retrieveItem: (id) => byId.get(id),
};
const start = process.hrtime.bigint();
const engine = new CSL.Engine(sys, style, lang, true);
engine.setOutputFormat("text");
engine.updateItems(items.map((i) => i.id));
const [, entries] = engine.makeBibliography();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ seconds, entries: entries.length,
  rss: process.memoryUsage().rss }));
"""


def articles(count: int) -> list[dict]:
    import random

    from make_corpus import _article

    rng = random.Random(2000)
    return [{"id": f"A{n:05d}", **_article(rng, n)} for n in range(1, count + 1)]


def bench_ours(items: list[dict], style: str, measure_heap: bool) -> tuple[float, float | None]:
    """items/s of one bibliography, and (when asked: it slows Python down) the peak of
    Python allocations during a second run."""
    import cslkit

    start = time.perf_counter()
    entries = cslkit.render(items, style=style)
    seconds = time.perf_counter() - start
    assert len(entries) == len(items), (len(entries), len(items))
    if not measure_heap:
        return len(items) / seconds, None
    tracemalloc.start()
    cslkit.render(items, style=style)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return len(items) / seconds, peak / 2**20


def bench_plain_citeproc(items: list[dict], style: str) -> float:
    """items/s of one bibliography by citeproc-py 0.11.1 alone (no adapter, text output)."""
    import warnings

    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    from cslkit.rendering.styles import resolve_style

    style_path = str(resolve_style(style).path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about every variable it does not know
        start = time.perf_counter()
        parsed = CitationStylesStyle(style_path, validate=False)
        bibliography = CitationStylesBibliography(parsed, CiteProcJSON(items), formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        entries = bibliography.bibliography()
        seconds = time.perf_counter() - start
    assert len(entries) == len(items), (len(entries), len(items))
    return len(items) / seconds


def bench_node(items: list[dict], style: str, lang: str) -> str:
    module = ROOT / "tools" / "oracle" / "node_modules" / "citeproc"
    if shutil.which("node") is None or not module.is_dir():
        return "n/a (needs node and `npm install` in tools/oracle)"
    import citeproc

    from cslkit.rendering.styles import resolve_style

    locales = Path(citeproc.__file__).parent / "data" / "locales"
    with tempfile.TemporaryDirectory() as tmp:
        items_path = Path(tmp) / "items.json"
        items_path.write_text(json.dumps(items), encoding="utf-8")
        style_path = Path(tmp) / "style.csl"
        style_path.write_bytes(resolve_style(style).data)
        script = Path(tmp) / "bench.js"
        script.write_text(NODE_SCRIPT, encoding="utf-8")
        result = subprocess.run(
            ["node", str(script), str(module), str(items_path), str(style_path), str(locales), lang],
            capture_output=True, text=True, timeout=600,
        )
    if result.returncode != 0:
        return f"failed: {result.stderr.strip().splitlines()[-1] if result.stderr else '?'}"
    figures = json.loads(result.stdout)
    return f"{len(items) / figures['seconds']:,.0f} items/s, {figures['rss'] / 2**20:.0f} MB RSS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--no-node", action="store_true", help="skip citeproc-js")
    parser.add_argument("--profile", metavar="STYLE", help="print a cProfile of one run instead")
    parser.add_argument("--heap", action="store_true",
                        help="also measure the peak of Python allocations (a slower second run)")
    args = parser.parse_args()
    items = articles(args.count)
    if args.profile:
        import cProfile
        import pstats

        import cslkit

        profiler = cProfile.Profile()
        profiler.runcall(cslkit.render, items, style=args.profile)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        return
    from cslkit.rendering.styles import resolve_style

    styles = [("vancouver", "en-US"), ("apa", "en-US")]
    if (ROOT / "styles" / "dstu-8302-2015.csl").is_file():
        styles.append(("dstu-8302-2015", "uk-UA"))
    print(f"{args.count} journal articles, one bibliography per style")
    for style, lang in styles:
        resolve_style(style)
        rate, peak = bench_ours(items, style, args.heap)
        line = f"  {style:<16} cslkit {rate:>7,.0f} items/s"
        if peak is not None:
            line += f", Python heap peak {peak:.0f} MB"
        if not args.no_node:
            line += f" | citeproc-js {bench_node(items, style, lang)}"
        print(line)
        if style == "vancouver":
            print(f"  {'':<16} plain citeproc-py {bench_plain_citeproc(items, style):>7,.0f} items/s")
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak resident set of this (cslkit) process: {peak_rss:.0f} MB")


if __name__ == "__main__":
    main()
