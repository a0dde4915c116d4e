"""Copy the CSL 1.0.2 RELAX NG schema (XML syntax) from ../shared into cslkit/rendering/schema/.

The schema is MIT-licensed (citation-style-language/schema); its LICENSE travels with it.
Run after ../shared/data/csl-schema is updated:  .venv/bin/python tools/refresh_csl_schema.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "csl-schema"
TARGET = ROOT / "cslkit" / "rendering" / "schema"


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    rng = SOURCE / "derived" / "csl.rng"
    etree.RelaxNG(etree.parse(str(rng)))  # refuse to copy a schema lxml cannot load
    shutil.copyfile(rng, TARGET / "csl.rng")
    shutil.copyfile(SOURCE / "LICENSE", TARGET / "LICENSE")
    print(f"copied {rng} and its LICENSE to {TARGET}")


if __name__ == "__main__":
    main()
