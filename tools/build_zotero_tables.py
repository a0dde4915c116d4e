"""Build cslkit/zotero/tables.json from the official Zotero schema in ../shared.

The schema (zotero/zotero-schema, schema.json) is ~400 KB, mostly UI labels in 48
locales, and ../shared is not there at run time; the mapping needs only item types,
their fields (with base fields), creator types and the CSL mappings. This script keeps
exactly those, so the committed table can be checked against the schema by a test.

    .venv/bin/python tools/build_zotero_tables.py            # writes the table
    .venv/bin/python tools/build_zotero_tables.py --check    # exit 1 when it is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT.parent / "shared" / "data" / "zotero-schema" / "schema.json"
TABLE = ROOT / "cslkit" / "zotero" / "tables.json"


def build_tables(schema: dict[str, Any]) -> dict[str, Any]:
    """The compact mapping table derived from a parsed Zotero ``schema.json``."""
    item_types: dict[str, Any] = {}
    for entry in schema["itemTypes"]:
        creator_types = [c["creatorType"] for c in entry["creatorTypes"]]
        primary = next((c["creatorType"] for c in entry["creatorTypes"] if c.get("primary")), None)
        item_types[entry["itemType"]] = {
            # field -> its base field (null when the field is its own base)
            "fields": {f["field"]: f.get("baseField") for f in entry["fields"]},
            "creatorTypes": creator_types,
            "primaryCreatorType": primary,
        }
    csl = schema["csl"]
    return {
        "schemaVersion": schema["version"],
        "itemTypes": item_types,
        "dateFields": sorted(
            name for name, meta in schema["meta"]["fields"].items() if meta.get("type") == "date"
        ),
        "cslTypes": csl["types"],
        "cslTextFields": csl["fields"]["text"],
        "cslDateFields": csl["fields"]["date"],
        "cslNames": csl["names"],
    }


def render_tables(tables: dict[str, Any]) -> str:
    return json.dumps(tables, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", type=Path, default=SCHEMA)
    parser.add_argument("--output", type=Path, default=TABLE)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    text = render_tables(build_tables(json.loads(args.schema.read_text(encoding="utf-8"))))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale; rebuild it with {Path(__file__).name}")
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
