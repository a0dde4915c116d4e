"""The parsing pipeline: split → tokenise → tag → assemble → post-check.

Each reference is parsed independently, so long lists stream (:func:`iter_references`)
and parallelise across processes (``jobs``) with the same results in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from cslkit.model import Items, Problem
from cslkit.textparser.assemble import MONTHS, apply_rules, build_item, spans_of
from cslkit.textparser.splitter import Segment, split_references
from cslkit.textparser.tagger import tag
from cslkit.textparser.tokens import tokenize

# Below this mean token probability a field is reported, not silently trusted.
LOW_CONFIDENCE = 0.80
# A reference longer than this is not a reference; parsing it would only waste time.
MAX_REFERENCE_CHARS = 5000
_CHECKED_FIELDS = ("author", "title", "container-title", "issued", "volume", "issue", "page",
                   "publisher", "publisher-place", "editor")


_LEADING_NUMBER_RE = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])(?=\s)")


def detect_language(text: str) -> str | None:
    """The language of a reference: the project's detector when present, else a script rule."""
    try:
        from cslkit.normalisers.language import detect_language as detector
    except ImportError:
        detector = None
    if detector is not None:
        return detector(text)
    letters = re.findall(r"[^\W\d_]", text)
    if not letters:
        return None
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    if cyrillic > len(letters) / 2:
        if re.search(r"[іїєґІЇЄҐ]", text):
            return "uk"
        return "ru"
    if re.search(r"\b(?:the|of|and|in|with|for|on)\b", text, re.IGNORECASE):
        return "en"
    return None


# Words a reference prints around its fields (labels, connectives): not content when
# left unplaced.
_FURNITURE_WORDS = frozenset({
    "pp", "vol", "vols", "volume", "no", "nos", "nr", "num", "doi", "pmid", "pmcid", "pmc",
    "and", "the", "with", "from", "for", "url", "isbn", "issn", "eds", "edn", "edit", "edited",
    "editor", "editors", "trans", "transl", "translated", "available", "accessed", "cited",
    "internet", "epub", "ahead", "print", "retrieved", "online", "pages", "page", "issue",
    "suppl", "supplement", "part", "art", "article", "number", "chap", "chapter", "preprint",
    "press", "forthcoming", "submitted", "review", "under", "see", "also", "des", "und", "der",
    "die", "das", "von", "hrsg", "hsg", "aufl", "вип", "вып", "том", "изд", "вид", "ред",
    "під", "под", "редакцією", "редакцией", "режим", "доступу", "доступа", "дата", "звернення",
    "обращения", "последнее", "переклад", "перевод",
})


def unplaced_text(text: str, spans: list[tuple[str, int, int, float]], item: dict[str, Any]) -> list[str]:
    """The unlabelled stretches of ``text`` whose words reached no field of ``item``:
    what the tagger dropped, so that the user hears of it."""
    placed: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key != "custom":
                    collect(inner)
        elif isinstance(value, list):
            for inner in value:
                collect(inner)
        elif value is not None:
            placed.update(word.lower() for word in _WORD_RE.findall(str(value)))

    collect(item)
    found = []
    for label, start, end, _ in spans:
        if label != "other":
            continue
        stretch = text[start:end]
        # Month names went into the date parts as numbers.
        if any(len(word) > 2 and not word.isdigit() and word.lower() not in placed
               and word.lower() not in _FURNITURE_WORDS and word[:3].lower() not in MONTHS
               for word in _WORD_RE.findall(stretch)):
            found.append(stretch.strip(" .,;:()[]"))
    return found


_WORD_RE = re.compile(r"[^\W_]+")


def parse_reference(text: str, item_id: str, position: int | None = None
                    ) -> tuple[dict[str, Any], list[Problem]]:
    """One reference string → (CSL item, problems)."""
    original = text
    problems: list[Problem] = []
    if len(text) > MAX_REFERENCE_CHARS:
        problems.append(Problem(
            "reference-too-long", "warning", item_id, None,
            f"the reference is {len(text)} characters long; only the first "
            f"{MAX_REFERENCE_CHARS} were parsed",
            "check that the list was split into references correctly", position))
        text = text[:MAX_REFERENCE_CHARS]
    # A single string may still carry its list number ("3.", "[12]"): not part of any field.
    text = _LEADING_NUMBER_RE.sub(lambda m: " " * len(m.group()), text, count=1)
    tokens = tokenize(text)
    labels, confidences = tag(tokens)
    labels = apply_rules(text, tokens, labels)
    spans = spans_of(text, tokens, labels, confidences)
    item, field_confidence = build_item(text, spans)
    item = {"id": item_id, **item}
    # The title is the surest clue; a title too short to tell falls back to the whole string.
    language = detect_language(item.get("title") or text) or detect_language(text)
    if language:
        item["language"] = language
    known = [c for c in confidences if c is not None]
    overall = sum(known) / len(known) if known else 0.0
    low = sorted(f for f in _CHECKED_FIELDS if field_confidence.get(f, 1.0) < LOW_CONFIDENCE)
    custom = item.setdefault("custom", {})
    custom["original"] = original
    custom["confidence"] = round(overall, 3)
    custom["low-confidence"] = low
    unplaced = unplaced_text(text, spans, item)
    if unplaced:
        custom["unplaced"] = unplaced
        problems.append(Problem(
            "unplaced-text", "warning", item_id, None,
            "text the parser put in no field: " + "; ".join(f'"{u}"' for u in unplaced),
            "check the reference against the original and add what is missing by hand", position))
    for field in low:
        value = item.get(field)
        shown = _show(value)
        problems.append(Problem(
            "low-confidence-field", "warning", item_id, field,
            f"{field} is uncertain (confidence {field_confidence[field]:.2f}): guessed {shown}",
            f"check the {field} against the original reference", position))
    if not item.get("title") and not item.get("container-title"):
        problems.append(Problem(
            "no-title-found", "warning", item_id, "title",
            "no title was recognised in this reference",
            "check that this line is a reference; fix the title by hand", position))
    return item, problems


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(
            n.get("literal") or " ".join(p for p in (n.get("family"), n.get("given")) if p)
            for n in value if isinstance(n, dict)
        )
    if isinstance(value, dict) and "date-parts" in value:
        return "-".join(str(p) for p in value["date-parts"][0])
    return repr(value)


def _parse_segment(args: tuple[int, str]) -> tuple[dict[str, Any], list[Problem]]:
    index, text = args
    return parse_reference(text, f"ref-{index + 1}", index)


def iter_references(text: str, *, jobs: int = 1, segments: list[Segment] | None = None
                    ) -> Iterator[tuple[dict[str, Any], list[Problem]]]:
    """Yield (item, problems) for each reference of a pasted list, in order."""
    if segments is None:
        segments, _ = split_references(text)
    work = [(i, s.text) for i, s in enumerate(segments)]
    if jobs <= 1 or len(work) < 50:
        for job in work:
            yield _parse_segment(job)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_parse_segment, work, chunksize=max(8, len(work) // (jobs * 8)))


def parse_references(text: str, *, jobs: int = 1) -> Items:
    """Parse a pasted reference list into CSL-JSON items (``Items.problems`` says what to check)."""
    segments, skipped = split_references(_sanitise(text))
    items = Items()
    for line in skipped:
        items.problems.append(Problem(
            "not-a-reference", "info", None, None,
            f"line {line.line} was skipped as not a reference: {line.text[:80]!r}",
            "if it is a reference, give it its own line or number"))
    if not segments and text.strip():
        items.problems.append(Problem(
            "no-references-found", "warning", None, None,
            "no reference was found in the text", "paste one reference per line"))
    for item, problems in iter_references(text, jobs=jobs, segments=segments):
        items.append(item)
        items.problems.extend(problems)
    return items


def _sanitise(text: Any) -> str:
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", errors="replace")
    return str(text).replace("\x00", "")


def parse_many(texts: Iterable[str]) -> Items:
    """Parse reference strings that are already one per element (no splitting)."""
    items = Items()
    for i, text in enumerate(texts):
        item, problems = parse_reference(text, f"ref-{i + 1}", i)
        items.append(item)
        items.problems.extend(problems)
    return items
