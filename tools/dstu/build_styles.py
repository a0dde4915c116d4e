"""Write both DSTU 8302:2015 styles from one template, so the two forms cannot drift apart.

DSTU 8302:2015 clause 4.9.1 allows two punctuation forms of one layout: the full form
("//" before the host document, ". – " between areas) and the short form (". " only).
styles/dstu-8302-2015.csl and styles/dstu-8302-2015-short.csl are generated from
tools/dstu/dstu-8302-2015.csl.in: edit the template, then run

    .venv/bin/python tools/dstu/build_styles.py          # rewrite styles/*.csl
    .venv/bin/python tools/dstu/build_styles.py --check  # exit 1 if a style is out of date

tests/test_dstu_styles_built.py fails when a committed style differs from what this writes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = Path(__file__).resolve().parent / "dstu-8302-2015.csl.in"
STYLES_DIR = ROOT / "styles"

# Everything that differs between the two forms; the template holds the rest.
FORMS: dict[str, dict[str, str]] = {
    "dstu-8302-2015": {
        "title": "DSTU 8302:2015 (full punctuation: // and . –)",
        "title_short": "ДСТУ 8302:2015",
        "form_summary": (
            'full punctuation form of clause 4.9.1: "//" before the host document and ". – " '
            "between areas, as Ukrainian journals print it (they keep \"№\" in English entries)."
        ),
        "area": ". – ",
        "host": " // ",
        # Ukrainian journals keep "№" in Latin-script entries of the full form
        # ("… // Ukrainian Medical Journal. – 2013. – № 2 (94). – P. 129–142.").
        "en_issue": "№",
    },
    "dstu-8302-2015-short": {
        "title": "DSTU 8302:2015 (short punctuation: full stops only)",
        "title_short": "ДСТУ 8302:2015 (скорочена форма)",
        "form_summary": (
            'short punctuation form of clause 4.9.1: ". " between areas and before the host '
            "document, as in the standard's examples and most library guides."
        ),
        "area": ". ",
        "host": ". ",
        # Library guides write the Latin abbreviation in English entries ("Vol. 19, No. 1").
        "en_issue": "No.",
    },
}


def build_style(name: str) -> str:
    """The text of style ``name`` (a key of :data:`FORMS`) as the template gives it."""
    template = Template(TEMPLATE.read_text(encoding="utf-8"))
    return template.substitute(FORMS[name], name=name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="report styles that differ from the template; write nothing")
    args = parser.parse_args(argv)
    stale = []
    for name in FORMS:
        path = STYLES_DIR / f"{name}.csl"
        text = build_style(name)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if args.check and stale:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)} (run tools/dstu/build_styles.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
