"""Free-text reference parsing: a pasted reference list → CSL-JSON items.

    from cslkit.textparser import parse_references, iter_references
    items = parse_references(open("refs.txt").read())     # Items (a list of dicts)
    for item, problems in iter_references(text): ...      # streaming, in order

Pipeline: :mod:`splitter` (one string per reference) → :mod:`tokens` → :mod:`features`
→ :mod:`tagger` (CRF, python-crfsuite) → :mod:`assemble` (CSL fields, exact rules) →
post-check (confidence, problems) in :mod:`pipeline`.
"""

from cslkit.textparser.pipeline import (
    iter_references,
    parse_many,
    parse_reference,
    parse_references,
)
from cslkit.textparser.splitter import split_references

__all__ = ["iter_references", "parse_many", "parse_reference", "parse_references",
           "split_references"]
