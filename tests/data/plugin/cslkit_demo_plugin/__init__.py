"""A tiny third-party cslkit plugin used by the tests: the "pipe" format.

One reference a line: ``id|type|title|year``. It registers a reader and a writer through
the ``cslkit.readers`` and ``cslkit.writers`` entry points, and a
style through ``cslkit.styles`` (see the .dist-info beside).
"""

from pathlib import Path

from cslkit.model import Items, Problem


class PipeReader:
    name = "pipe"
    extensions = (".pipe",)

    def detect(self, text):
        lines = [line for line in text.splitlines() if line.strip()]
        if lines and all(line.count("|") == 3 for line in lines):
            return 0.9
        return 0.0

    def read(self, text):
        items = Items()
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split("|")
            if len(parts) != 4:
                items.problems.append(
                    Problem("bad-line", "error", None, None, f"line {number}: need 4 fields")
                )
                continue
            ident, kind, title, year = (p.strip() for p in parts)
            items.append(
                {"id": ident, "type": kind, "title": title,
                 "issued": {"date-parts": [[int(year)]]}}
            )
        return items


class PipeWriter:
    name = "pipe"
    extensions = (".pipe",)

    def write(self, items):
        lines = []
        for item in items:
            year = item.get("issued", {}).get("date-parts", [[""]])[0][0]
            lines.append(f"{item.get('id')}|{item.get('type')}|{item.get('title', '')}|{year}")
        return "\n".join(lines) + "\n"


STYLE_PATH = str(Path(__file__).with_name("pipe-demo.csl"))
READER = PipeReader()
WRITER = PipeWriter()
