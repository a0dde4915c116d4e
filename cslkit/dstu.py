"""What the DSTU 8302:2015 styles need from items before rendering.

DSTU 8302:2015 puts one to three authors in the heading ("Коваленко Ю. Я., Петренко П. П.
Назва…"); a work by four or more authors starts with its title and names its first author
with "та ін." in the statement of responsibility ("Назва / Ю. Я. Коваленко та ін."). CSL
1.0.2 cannot count names, so the styles in ``styles/dstu-8302-2015*.csl`` print the
heading from ``author`` and the statement of responsibility from ``contributor``, and
:func:`prepare_items` moves the authors of four-or-more-author items to the front of
``contributor`` in render-time copies. The renderer calls it for every style whose
``<info>`` carries ``<link href="urn:cslkit:dstu-responsibility" rel="documentation"/>``.
"""

from __future__ import annotations

import copy
from typing import Any

# A style that wants :func:`prepare_items` applied declares this link in its <info>.
STYLE_LINK = "urn:cslkit:dstu-responsibility"
# DSTU 8302:2015: up to three authors go in the heading.
MAX_HEADING_AUTHORS = 3


def prepare_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of ``items`` in which works by four or more authors have them as contributors.

    Items with one to three authors (or none) are returned as they are; the inputs are
    never mutated.
    """
    prepared: list[dict[str, Any]] = []
    for item in items:
        authors = item.get("author")
        if isinstance(authors, list) and len(authors) > MAX_HEADING_AUTHORS:
            moved = {key: value for key, value in item.items() if key != "author"}
            moved["contributor"] = copy.deepcopy(authors) + copy.deepcopy(
                item.get("contributor") or []
            )
            prepared.append(moved)
        else:
            prepared.append(item)
    return prepared
