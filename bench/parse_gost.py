"""Micro-F1 of the free-text parser on hand-checked DSTU 8302 / GOST lines.

    PYTHONPATH=$PWD .venv/bin/python bench/parse_gost.py [--show-failures]

Sets (tests/data/textparser/): gost_dstu_dev.json (tuned on), gost_dstu_heldout.json
(written before the rules, never tuned on), gost_dstu_real.json (the older real set).

"core" is tests/test_textparser_parse.py's _micro_f1 (title, container-title, volume,
issue, page, type, author families, year); "areas" scores what the DSTU areas add:
editor and compiler families, edition, genre, number, publisher, publisher-place,
number-of-pages, URL, accessed and the full issued date.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from cslkit.textparser import parse_reference

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "textparser"
SETS = ("gost_dstu_dev.json", "gost_dstu_heldout.json", "gost_dstu_real.json")
CORE_FIELDS = ("title", "container-title", "volume", "issue", "page", "type")
AREA_FIELDS = ("edition", "genre", "number", "publisher", "publisher-place", "number-of-pages", "URL")


def norm(value: object) -> str:
    return re.sub(r"[\W_]+", "", str(value).lower())


def _families(names: list[dict] | None) -> list[str]:
    return [norm(n.get("family") or n.get("literal")) for n in names or []]


def _count(pairs: list[tuple[object, object]]) -> tuple[int, int, int, list[str]]:
    tp = fp = fn = 0
    wrong = []
    for e, g in pairs:
        if e not in (None, [], "") and g not in (None, [], "") and e == g:
            tp += 1
        else:
            fp += g not in (None, [], "")
            fn += e not in (None, [], "")
            if e != g:
                wrong.append(f"{e!r} ≠ {g!r}")
    return tp, fp, fn, wrong


def score(path: Path, show: bool) -> tuple[float, float]:
    totals = {"core": [0, 0, 0], "areas": [0, 0, 0]}
    for expected in json.loads(path.read_text(encoding="utf-8")):
        got = parse_reference(expected["custom"]["original"], "ref-1")[0]
        e_year = expected.get("issued", {}).get("date-parts", [[None]])[0][0]
        g_year = got.get("issued", {}).get("date-parts", [[None]])[0][0]
        core = [(norm(expected[f]) if f in expected else None, norm(got[f]) if f in got else None)
                for f in CORE_FIELDS]
        core.append((_families(expected.get("author")), _families(got.get("author"))))
        core.append((e_year, g_year))
        areas = [(norm(expected[f]) if f in expected else None, norm(got[f]) if f in got else None)
                 for f in AREA_FIELDS]
        for role in ("editor", "compiler"):
            areas.append((_families(expected.get(role)), _families(got.get(role))))
        for date in ("accessed", "issued"):
            areas.append((expected.get(date, {}).get("date-parts"), got.get(date, {}).get("date-parts")))
        wrong_all = []
        for key, pairs in (("core", core), ("areas", areas)):
            tp, fp, fn, wrong = _count(pairs)
            totals[key][0] += tp
            totals[key][1] += fp
            totals[key][2] += fn
            wrong_all += wrong
        if show and wrong_all:
            print(f"  {expected['id']}: {expected['custom']['original'][:90]}")
            for w in wrong_all:
                print(f"      {w}")
    return tuple(2 * tp / (2 * tp + fp + fn) for tp, fp, fn in totals.values())  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--set", choices=SETS, action="append")
    args = parser.parse_args()
    for name in args.set or SETS:
        core, areas = score(DATA / name, args.show_failures)
        print(f"{name:28s} core micro-F1 {core:.3f}   areas micro-F1 {areas:.3f}")


if __name__ == "__main__":
    main()
