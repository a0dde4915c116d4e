"""Print the README's problem-code table (markdown) from cslkit.validation.codes.CODES.

python tools/normalisers/problem_codes_table.py            # print it
python tools/normalisers/problem_codes_table.py --write    # replace it in README.md
"""

from __future__ import annotations

import sys
from pathlib import Path

from cslkit.validation.codes import CODES

README = Path(__file__).resolve().parents[2] / "README.md"
START, END = "<!-- problem-codes:start -->", "<!-- problem-codes:end -->"


def table() -> str:
    lines = ["| code | severity | what it means | example |", "|---|---|---|---|"]
    for code, info in CODES.items():
        cells = (f"`{code}`", info.severity, info.meaning, info.example)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def main() -> None:
    text = table()
    if "--write" not in sys.argv:
        print(text)
        return
    readme = README.read_text("utf-8")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{text}\n{END}{tail}", "utf-8")
    print(f"wrote {len(CODES)} codes to {README}")


if __name__ == "__main__":
    main()
