"""The "text" reader: plain reference lists, registered as ``cslkit.textparser.reader:READER``."""

from __future__ import annotations

import re

from cslkit.model import Items

_YEAR_RE = re.compile(r"(?<!\d)(?:1[6-9]\d\d|20[0-4]\d)(?!\d)")
_MARKUP_START_RE = re.compile(r"^\s*(?:[\[{]|@\w+\s*[{(]|TY\s+-|%[A-Z]\s|<\?xml|<)")


class TextReader:
    name = "text"
    extensions = (".txt",)

    def detect(self, text: str) -> float:
        """How much ``text`` looks like a plain reference list (0–1).

        Structured formats start with markup ("[", "{", "@article{", "TY  -"); a
        reference list is prose lines most of which carry a year. Kept below the
        structured readers' confident scores so they win on their own formats.
        """
        sample = text[:20000]
        if not sample.strip() or _MARKUP_START_RE.match(sample):
            return 0.0
        lines = [line for line in sample.splitlines() if line.strip()]
        with_year = sum(1 for line in lines if _YEAR_RE.search(line))
        if not lines or with_year == 0:
            return 0.05
        return 0.2 + 0.6 * min(1.0, with_year / len(lines) * 1.5)

    def read(self, text: str) -> Items:
        from cslkit.textparser.pipeline import parse_references

        return parse_references(text)


READER = TextReader()
