"""Field-level accuracy of the free-text parser on held-out data (never trained on).

    .venv/bin/python bench/parse_accuracy.py [--shared ../shared/data] [--limit N]

Data: (1) real labelled strings held out of training — AnyStyle gold + GROBID evaluation
(tools/textparser/build_data.py drops every training string that also occurs here);
(2) synthetic renderings of held-out generated/real items (build/textparser/
test-synthetic.jsonl, rebuilt when absent); (3) the hand-checked real GOST/DSTU lines and
the seed list with expected CSL-JSON in tests/data/textparser/.

Prints precision/recall/F1 per field and micro-F1 per style family (Vancouver,
GOST/DSTU, APA, other) and per language, beside the targets, plus reference-count
accuracy of the splitter (seed list and simulated pasted lists).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "textparser"))

from cslkit.textparser import parse_reference, split_references  # noqa: E402
from cslkit.textparser.assemble import (  # noqa: E402
    _TOTAL_PAGES_RE,
    DOI_RE,
    _field_value,
    parse_date,
)
from cslkit.textparser.names import split_names  # noqa: E402
from cslkit.textparser.pipeline import detect_language  # noqa: E402

_ISSUE_ONLY_RE = re.compile(r"^\s*(?:n°|no\.?|nr\.?|№|issue)\s*\d", re.IGNORECASE)
FIELDS = ("author", "title", "container-title", "year", "volume", "issue", "page", "DOI", "type")
TARGETS = {"Vancouver": 0.95, "GOST/DSTU": 0.93, "overall": 0.93}
FAMILY_OF_STYLE = {
    "nlm-citation-sequence": "Vancouver", "american-medical-association": "Vancouver",
    "gost-r-7-0-5-2008": "GOST/DSTU", "gost-r-7-0-5-2008-numeric": "GOST/DSTU",
    "gost-r-7-0-5-2008-numeric-alphabetical": "GOST/DSTU", "dstu-8302-2015": "GOST/DSTU",
    "dstu-8302-2015-short": "GOST/DSTU", "apa": "APA",
}


def norm(value: object) -> str:
    return re.sub(r"[\W_]+", "", str(value).lower().replace("–", "-"))


def family_names(names: list[dict]) -> list[str]:
    return [norm(n.get("family") or n.get("literal") or "") for n in names or []]


def style_family(text: str) -> str:
    """Guess the style family of a real string whose style nobody recorded."""
    if "//" in text or re.search(r"\s[–—]\s(?:\d{4}|С\.|P\.|Т\.|№)", text) or re.search(
        r"\b(?:С|Т|Вып|№)\.?\s?\d", text
    ):
        return "GOST/DSTU"
    if re.search(r"\b(?:1[89]|20)\d\d(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?;\s?\d+(?:\s?\([^)]*\))?:\s?[A-Z]?\d", text):
        return "Vancouver"
    if re.search(r"\(\d{4}[a-z]?\)\.", text) and re.search(r"[A-Z][\w'-]+, (?:[A-Z]\.\s?)+", text):
        return "APA"
    return "other"


def gold_fields(example: dict) -> dict[str, object]:
    """Expected values from labelled spans, cleaned as the parser cleans its own spans."""
    text = example["text"]
    by_label: dict[str, str] = {}
    for label, start, end in example["spans"]:
        by_label.setdefault(label, text[start:end])
    gold: dict[str, object] = {}
    # GOST/DSTU name the first author before the title and all of them after " / ":
    # the fullest author span is the item's author list.
    author_lists = [split_names(text[s:e])[0] for lab, s, e in example["spans"] if lab == "author"]
    if author_lists:
        gold["author"] = family_names(max(author_lists, key=len))
    # AnyStyle folds a lone issue ("n°59", "No. 4") into volume; score it as the issue.
    if "volume" in by_label and "issue" not in by_label and _ISSUE_ONLY_RE.match(by_label["volume"]):
        by_label["issue"] = by_label.pop("volume")
    for field in ("title", "container-title", "volume", "issue", "page"):
        if field in by_label:
            value = _field_value(field, by_label[field])
            if field == "page" and (total := _TOTAL_PAGES_RE.match(value)):
                value = total.group(1)  # "127 p." is a page count, as the parser reports it
            if field == "title":
                value = re.sub(r"\s*\[[^\]]+\]\.?$", "", value)
            gold[field] = norm(value)
    if "date" in by_label and (date := parse_date(by_label["date"])):
        gold["year"] = str(date["date-parts"][0][0])
    if "DOI" in by_label:
        gold["DOI"] = norm(re.sub(r"^.*?(10\.)", r"\1", by_label["DOI"]))
    elif doi := next((DOI_RE.search(text[s:e]) for lab, s, e in example["spans"]
                      if lab in ("URL", "note") and DOI_RE.search(text[s:e])), None):
        # The corpora label "https://doi.org/10…" as a URL; the DOI is still there.
        gold["DOI"] = norm(doi.group(1))
    if example.get("type"):
        gold["type"] = example["type"]
    return {k: v for k, v in gold.items() if v not in ("", [], None)}


def predicted_fields(item: dict) -> dict[str, object]:
    pred: dict[str, object] = {}
    if item.get("author"):
        pred["author"] = family_names(item["author"])
    for field in ("title", "container-title", "volume", "issue", "page"):
        if item.get(field):
            pred[field] = norm(item[field])
    if item.get("number-of-pages") and "page" not in pred:
        pred["page"] = norm(item["number-of-pages"])
    if item.get("issued", {}).get("date-parts"):
        pred["year"] = str(item["issued"]["date-parts"][0][0])
    if item.get("DOI"):
        pred["DOI"] = norm(item["DOI"])
    pred["type"] = item.get("type")
    return {k: v for k, v in pred.items() if v not in ("", [], None)}


def expected_item_fields(item: dict) -> dict[str, object]:
    """Gold fields from a hand-written expected CSL item."""
    fields = predicted_fields(item)
    if "number-of-pages" in item and "page" not in item:
        fields["page"] = norm(item["number-of-pages"])
    return fields


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn

    def add(self, gold: dict, pred: dict) -> None:
        for field in FIELDS:
            if field == "type" and "type" not in gold:
                continue
            g, p = gold.get(field), pred.get(field)
            c = self.counts[field]
            if g is not None and p is not None and g == p:
                c[0] += 1
            else:
                if p is not None:
                    c[1] += 1
                if g is not None:
                    c[2] += 1

    def prf(self, field: str | None = None) -> tuple[float, float, float]:
        if field is None:
            tp = sum(c[0] for c in self.counts.values())
            fp = sum(c[1] for c in self.counts.values())
            fn = sum(c[2] for c in self.counts.values())
        else:
            tp, fp, fn = self.counts[field]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def load_heldout(shared: Path, limit: int) -> list[dict]:
    build = ROOT / "build" / "textparser"
    real_path, synth_path = build / "test.jsonl", build / "test-synthetic.jsonl"
    if not real_path.exists() or not synth_path.exists():
        print("building held-out data (tools/textparser/build_data.py) ...", file=sys.stderr)
        import subprocess

        subprocess.run([sys.executable, str(ROOT / "tools/textparser/build_data.py"),
                        "--shared", str(shared)], check=True)
    examples = []
    for path, kind in ((real_path, "real"), (synth_path, "synthetic")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        if limit:
            rows = random.Random(1).sample(rows, min(limit, len(rows)))
        for row in rows:
            row["kind"] = kind
            examples.append(row)
    return examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=0, help="sample N strings per held-out set")
    args = parser.parse_args()

    by_family: dict[str, Tally] = defaultdict(Tally)
    by_language: dict[str, Tally] = defaultdict(Tally)
    by_set: dict[str, Tally] = defaultdict(Tally)
    overall = Tally()
    started = time.time()
    count = 0
    if args.shared.is_dir():
        for example in load_heldout(args.shared, args.limit):
            item, _ = parse_reference(example["text"], "x")
            gold, pred = gold_fields(example), predicted_fields(item)
            family = FAMILY_OF_STYLE.get(example.get("style") or "") or (
                "other" if example.get("style") else style_family(example["text"])
            )
            lang = example.get("lang") or detect_language(example["text"]) or "other"
            for tally in (by_family[family], by_language[lang], by_set[example["kind"] + " held-out"], overall):
                tally.add(gold, pred)
            count += 1
    hand_sets = {
        "hand-checked GOST/DSTU": ROOT / "tests/data/textparser/gost_dstu_real.json",
        "seed list (Vancouver)": ROOT / "tests/data/textparser/maltsev_2013_expected.json",
    }
    for name, path in hand_sets.items():
        if not path.exists():
            continue
        for expected in json.loads(path.read_text(encoding="utf-8")):
            item, _ = parse_reference(expected["custom"]["original"], "x")
            gold, pred = expected_item_fields(expected), predicted_fields(item)
            family = "GOST/DSTU" if "GOST" in name else style_family(expected["custom"]["original"])
            lang = expected.get("language") or "other"
            for tally in (by_set[name], by_family[family], by_language[lang], overall):
                tally.add(gold, pred)
            count += 1
    elapsed = time.time() - started

    print(f"parsed {count} held-out references in {elapsed:.1f}s\n")
    print(f"{'field':<18}{'P':>7}{'R':>7}{'F1':>7}")
    for field in FIELDS:
        p, r, f = overall.prf(field)
        print(f"{field:<18}{p:7.3f}{r:7.3f}{f:7.3f}")
    print("\nmicro-F1 by style family (target beside it)")
    for family in ("Vancouver", "GOST/DSTU", "APA", "other"):
        if family in by_family:
            f = by_family[family].prf()[2]
            target = TARGETS.get(family)
            mark = "" if target is None else f"  target ≥ {target:.2f} {'OK' if f >= target else 'BELOW'}"
            print(f"  {family:<12}{f:7.3f}{mark}")
    f = overall.prf()[2]
    print(f"  {'overall':<12}{f:7.3f}  target ≥ {TARGETS['overall']:.2f} {'OK' if f >= TARGETS['overall'] else 'BELOW'}")
    print("\nmicro-F1 by language")
    for lang, tally in sorted(by_language.items(), key=lambda kv: -sum(c[0] + c[2] for c in kv[1].counts.values())):
        print(f"  {lang:<12}{tally.prf()[2]:7.3f}")
    print("\nmicro-F1 by data set")
    for name, tally in by_set.items():
        print(f"  {name:<28}{tally.prf()[2]:7.3f}")
    print("\nreference-count accuracy")
    seed = ROOT / "examples" / "maltsev-2013-references.txt"
    if seed.exists():
        n = len(split_references(seed.read_text(encoding="utf-8"))[0])
        print(f"  seed list: {n} references (expected 71) {'OK' if n == 71 else 'WRONG'}")
    if args.shared.is_dir():
        print(f"  simulated pasted lists: {simulated_split_accuracy(args.shared):.3f} exact")


def simulated_split_accuracy(shared: Path, lists: int = 200) -> float:
    """Join held-out strings into lists (numbered, plain, wrapped at ~90 columns as text
    copied from a PDF) and check the splitter returns exactly as many references."""
    rows = [json.loads(line)["text"] for line in (ROOT / "build/textparser/test.jsonl").open(encoding="utf-8")]
    rng = random.Random(5)
    exact = 0
    for k in range(lists):
        refs = rng.sample(rows, rng.randint(3, 25))
        mode = k % 4
        lines: list[str] = []
        for i, ref in enumerate(refs, 1):
            prefix = ("", f"{i}. ", f"[{i}] ", f"{i}) ")[mode]
            body = prefix + ref
            if mode and rng.random() < 0.5:
                wrapped = [body[j : j + 90] for j in range(0, len(body), 90)]
                lines.extend(wrapped)
            else:
                lines.append(body)
        exact += len(split_references("\n".join(lines))[0]) == len(refs)
    return exact / lists


if __name__ == "__main__":
    main()
