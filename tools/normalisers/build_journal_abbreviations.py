"""Build cslkit/normalisers/data/journal-abbreviations.tsv.gz: journal title -> NLM abbreviation.

Source: the NLM Catalog's MEDLINE/Entrez title abbreviations (US public domain) as
collected in JabRef's abbreviation lists, https://github.com/JabRef/abbrv.jabref.org
(CC0 1.0; the committed table was built from commit a6879a8):
journals/journal_abbreviations_entrez.csv and
journals/journal_abbreviations_medicus.csv ("full title","abbreviation",... per line).
Download those two files and run:

    python tools/normalisers/build_journal_abbreviations.py entrez.csv medicus.csv

Output: one line per (full title, abbreviation) pair, deduplicated and sorted, with the
comparison keys precomputed (see cslkit.normalisers.containers.table_rows), gzip'd with
mtime 0 so rebuilding gives identical bytes. cslkit reads it in
cslkit/normalisers/containers.py.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
from pathlib import Path

OUTPUT = (
    Path(__file__).resolve().parents[2]
    / "cslkit"
    / "normalisers"
    / "data"
    / "journal-abbreviations.tsv.gz"
)


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) < 2:
                continue
            full, abbreviation = (" ".join(cell.split()) for cell in row[:2])
            if full and abbreviation and "\t" not in full + abbreviation:
                pairs.append((full, abbreviation))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "csv", nargs="+", type=Path, help="JabRef-format CSV files (full,abbreviation)"
    )
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    pairs: set[tuple[str, str]] = set()
    for path in args.csv:
        pairs.update(read_pairs(path))
    from cslkit.normalisers.containers import table_rows

    text = "".join("\t".join(row) + "\n" for row in table_rows(sorted(pairs)))
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(buffer.getvalue())
    print(f"{len(pairs)} pairs -> {args.output} ({len(buffer.getvalue()) // 1024} KiB)")


if __name__ == "__main__":
    main()
