"""Tokenising one reference string: words, numbers, punctuation, with character offsets.

Tokens are finer than whitespace words so that joined fields ("2011;25(9):1073–9")
still give the tagger one token per field part. URLs and DOIs stay single tokens,
because splitting them would only give the tagger noise to repair.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Order matters: identifiers first, then words/numbers, then punctuation.
_TOKEN_RE = re.compile(
    r"""
    (?P<url>(?:https?://|ftp://|www\.)[^\s<>"]+[^\s<>".,;:)\]])
  | (?P<doi>(?:doi:\s?)?10\.\d{4,9}/[^\s"<>]+[^\s"<>.,;:)\]])
  | (?P<word>[^\W_]+(?:['’ʼ][^\W\d_]+)*)
  | (?P<punct>//|\.{2,}|…|[^\w\s])
    """,
    re.VERBOSE | re.IGNORECASE,
)


class Token(NamedTuple):
    text: str
    start: int
    end: int
    space_before: bool  # whitespace (or the string start) precedes the token


# Most references hold no URL or DOI; for them a simpler pattern is much faster.
_PLAIN_TOKEN_RE = re.compile(r"[^\W_]+(?:['’ʼ][^\W\d_]+)*|//|\.{2,}|…|[^\w\s]")


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; offsets index ``text`` itself."""
    tokens: list[Token] = []
    previous_end = 0
    lower = text.lower()
    pattern = _TOKEN_RE if ("10." in text or "www." in lower or "://" in text) else _PLAIN_TOKEN_RE
    make = tuple.__new__  # NamedTuple's generated __new__ is slow; the fields are the same
    for match in pattern.finditer(text):
        start, end = match.span()
        tokens.append(make(Token, (match.group(), start, end, start == 0 or start > previous_end)))
        previous_end = end
    return tokens
