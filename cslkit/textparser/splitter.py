"""Splitting a pasted reference list into one string per reference.

Handles numbered lists (``1.``, ``[1]``, ``1)``, ``1 ``), unnumbered lists with one
reference a line or a hanging indent, blank-line separated blocks, continuation lines
(joined to their reference, a word broken by a hyphen at the line end rejoined) and
page furniture (headers such as "References", page numbers), which is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_RE = re.compile(r"^\s*(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})\s?[.)](?!\d)|(\d{1,4})(?=\s+\D))\s*")
# A reference usually opens with an author: "Ahmed AR,", "Мальцев Д. В.", "Д. В. Мальцев",
# "Smith, J.", "Smith J", or with a title/group name in capitals. A continuation line
# rarely does.
_AUTHOR_START_RE = re.compile(
    r"^(?:[^\W\d_][\w'’-]*,?\s+(?:[^\W\d_]{1,3}\.?\s?){1,3}[,.;]?(?:\s|$)"
    r"|(?:[^\W\d_]\.\s?){1,3}\s?[^\W\d_][\w'’-]+"
    r"|[^\W\d_][\w'’-]+,\s+[^\W\d_])"
)
_HEADING_RE = re.compile(
    r"^\s*(?:references?|bibliography|literature(?: cited)?|works cited|sources|"
    r"список (?:використаних |використано[їі] |цитованої |)(?:джерел|літератури|литературы)|"
    r"література|литература|джерела|references?\s*/\s*список.*|библиография|бібліографія)\s*:?\s*$",
    re.IGNORECASE,
)
_PAGE_FURNITURE_RE = re.compile(
    r"^\s*(?:(?:page|p\.|стор\.|стр\.|с\.)\s*\d+(?:\s*(?:of|из|з)\s*\d+)?|\d{1,4}|[-–—_=*•·\s]+)\s*$",
    re.IGNORECASE,
)
_SAME_AUTHOR_RE = re.compile(r"^(?:[-–—_]\s?){2,}|^[-–—]\s?[.,]")
_ENDS_COMPLETE_RE = re.compile(r"[.)\]\d]\s*$")
_HYPHEN_END_RE = re.compile(r"[^\W\d_][-‐‑]\s*$")


@dataclass(frozen=True, slots=True)
class Segment:
    """One reference as found in the input."""

    text: str
    line: int  # 1-based line where the reference starts
    number: int | None = None  # the printed number, if the list is numbered


@dataclass(frozen=True, slots=True)
class Skipped:
    """A line that is not part of any reference (heading, page number, furniture)."""

    text: str
    line: int


def _normalise_line(line: str) -> str:
    # NBSP and other odd spaces become plain spaces; control characters are dropped.
    line = re.sub(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]", " ", line)
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f\ufeff]", "", line).rstrip()


def _number_of(line: str) -> tuple[int | None, str]:
    match = _NUMBER_RE.match(line)
    if not match:
        return None, line.strip()
    number = next(int(g) for g in match.groups() if g is not None)
    return number, line[match.end() :].strip()


def _join(previous: str, continuation: str) -> str:
    if _HYPHEN_END_RE.search(previous):
        # "anti-" + "Ro/La-related": keep the hyphen, which is usually part of the word
        # in scientific text; only a soft hyphen is dropped.
        return previous.rstrip() + continuation.lstrip()
    if previous.endswith("\u00ad"):
        return previous[:-1] + continuation.lstrip()
    return previous.rstrip() + " " + continuation.lstrip()


def _is_furniture(line: str) -> bool:
    return bool(_HEADING_RE.match(line) or _PAGE_FURNITURE_RE.match(line))


def _looks_like_start(body: str) -> bool:
    return bool(_AUTHOR_START_RE.match(body))


def _continues(previous: str, body: str) -> bool:
    """Whether a numbered line is the rest of the previous reference (a page break
    renumbered it), judged from the text alone."""
    if not previous:
        return False
    starts_lower = body[:1].islower()
    if _HYPHEN_END_RE.search(previous) and not _looks_like_start(body):
        return True
    return starts_lower and not _ENDS_COMPLETE_RE.search(previous)


def split_references(text: str) -> tuple[list[Segment], list[Skipped]]:
    """Split a reference list into references and the lines that were skipped."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    lines = [_normalise_line(line) for line in raw_lines]
    content = [(i + 1, line) for i, line in enumerate(lines) if line.strip()]
    if not content:
        return [], []
    # Numbered lists count by sequence (1, 2, 3 …), so years opening lines ("2013. …")
    # and stray numbers do not make a list look numbered.
    sequenced = 0
    last = None
    for _, line in content:
        number = _number_of(line)[0]
        if number is None:
            continue
        if last is None and number < 1000 or last is not None and 0 < number - last <= 3:
            sequenced += 1
            last = number
    prose = [line for _, line in content if not _is_furniture(line)]
    if sequenced >= max(2, 0.4 * len(prose)) or (len(prose) == 1 and sequenced):
        return _split_numbered(content)
    return _split_unnumbered(lines)


def _split_numbered(content: list[tuple[int, str]]) -> tuple[list[Segment], list[Skipped]]:
    segments: list[list] = []  # [text, line, number]
    skipped: list[Skipped] = []
    previous_line_no = 0
    for line_no, line in content:
        number, body = _number_of(line)
        after_gap = line_no > previous_line_no + 1
        previous_line_no = line_no
        previous = segments[-1][2] if segments else None
        in_sequence = number is not None and (
            0 < number - previous <= 3 if previous is not None
            # "2013. Smith J…" opening a list is a year, not a number.
            else number < 1000
        ) or number == 1
        if in_sequence and body and not (segments and _continues(segments[-1][0], body)):
            segments.append([body, line_no, number])
        elif not segments and not _is_furniture(line) and number is not None:
            segments.append([line.strip(), line_no, None])
        elif (
            _is_furniture(line)
            or not segments
            # Text after a blank gap that follows a finished reference is page
            # furniture ("How to cite", a footer), not the reference's continuation.
            or (number is None and after_gap and _ENDS_COMPLETE_RE.search(segments[-1][0]))
        ):
            skipped.append(Skipped(line.strip(), line_no))
        else:
            # A renumbered continuation loses its stray number; an out-of-sequence number
            # ("2013 Apr;…" wrapped onto a new line) is part of the text.
            segments[-1][0] = _join(segments[-1][0], body if in_sequence else line)
    return [Segment(t, ln, num) for t, ln, num in segments], skipped


def _split_unnumbered(lines: list[str]) -> tuple[list[Segment], list[Skipped]]:
    skipped: list[Skipped] = []
    blocks: list[list[tuple[int, str]]] = [[]]
    for i, line in enumerate(lines):
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        if _is_furniture(line):
            skipped.append(Skipped(line.strip(), i + 1))
            continue
        blocks[-1].append((i + 1, line))
    blocks = [b for b in blocks if b]
    multi_line_blocks = sum(1 for b in blocks if len(b) > 1)
    # Blank lines between multi-line blocks: each block is one reference.
    if len(blocks) > 1 and multi_line_blocks >= max(1, len(blocks) // 2):
        return [
            Segment(" ".join(line.strip() for _, line in b).strip(), b[0][0])
            for b in blocks
            if _merge_block(b)
        ], skipped
    flat = [entry for b in blocks for entry in b]
    indents = [len(line) - len(line.lstrip()) for _, line in flat]
    base_indent = min(indents) if indents else 0
    hanging = any(ind > base_indent for ind in indents) and any(
        ind == base_indent for ind in indents
    )
    segments: list[list] = []
    for (line_no, line), indent in zip(flat, indents, strict=True):
        body = line.strip()
        if segments and _is_continuation(segments[-1][0], body, indent > base_indent, hanging):
            segments[-1][0] = _join(segments[-1][0], body)
        else:
            segments.append([body, line_no])
    return [Segment(t, ln) for t, ln in segments], skipped


def _merge_block(block: list[tuple[int, str]]) -> str:
    return " ".join(line.strip() for _, line in block).strip()


def _is_continuation(previous: str, body: str, indented: bool, hanging: bool) -> bool:
    if _SAME_AUTHOR_RE.match(body):
        return False  # "———. Another title": a new reference by the same author
    if hanging:
        return indented
    if body[:1].islower() or body[:1] in ",;:)]–—-/":
        return True
    if _HYPHEN_END_RE.search(previous) and not _looks_like_start(body):
        return True
    # A line that stops mid-sentence (no final period, digit or bracket) and a next line
    # that does not open like a reference belong together.
    return not _ENDS_COMPLETE_RE.search(previous) and not _looks_like_start(body)
