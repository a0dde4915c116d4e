"""From tagged tokens to a CSL-JSON item: spans, rules for exact fields, cleaning, type.

Rules override the tagger where they are exact (DOI, PMID, PMCID, URL, "[cited …]",
"[Epub ahead of print]"); everything else comes from the tagger's spans, cleaned of
field labels ("Vol.", "№", "С.") and separators, with the printed page range kept.
"""

from __future__ import annotations

import re
from typing import Any

from cslkit.textparser.gost import refine as refine_by_areas
from cslkit.textparser.names import ET_AL_RE, split_names
from cslkit.textparser.tokens import Token

DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;:)\]])")
# What the next field glues to a DOI when a space is missing (",arXiv", ".URLhttps").
_GLUED_AFTER_DOI_RE = re.compile(r"[.,;](?:URL|https?:|arXiv|ISSN|ISBN|PMID|PMCID|Available\b).*$", re.IGNORECASE)
PMID_RE = re.compile(r"\bPMID\s*:?\s*(\d{1,9})\b", re.IGNORECASE)
PMCID_RE = re.compile(r"\b(PMC\d{4,9})\b")
URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"]+[^\s<>\".,;:)\]]", re.IGNORECASE)
ACCESSED_RE = re.compile(
    r"[\[(]\s*(?:cited|accessed|viewed|цит(?:ировано)?\.?|процитовано|дата (?:звернення|обращения|доступу))\s*:?\s*([^\])]+)[\])]"
    r"|\b(?:accessed|retrieved|viewed|acesso em|abgerufen am|zugriff am)(?: on)?\s*:?\s*([A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4})",
    re.IGNORECASE,
)
STATUS_NOTE_RE = re.compile(
    r"\[(?:epub ahead of print|article in [^\]]{3,40}|in (?:russ|ukr|engl)[^\]]{0,20}|"
    r"published online[^\]]{0,40}|erratum[^\]]{0,60}|review|letter|editorial|"
    r"на (?:русском|украинском|англ)[^\]]{0,20}|in press|preprint)\]\.?"
    r"|\b(?:epub ahead of print|in press)\b\.?",
    re.IGNORECASE,
)
_LANGUAGE_NOTE = {"ukrainian": "uk", "ukr": "uk", "russian": "ru", "russ": "ru", "english": "en",
                  "украинском": "uk", "русском": "ru"}
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12, "янв": 1, "фев": 2, "мар": 3, "апр": 4,
    "мая": 5, "май": 5, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11,
    "дек": 12, "січ": 1, "лют": 2, "бер": 3, "кві": 4, "тра": 5, "чер": 6, "лип": 7,
    "сер": 8, "вер": 9, "жов": 10, "лис": 11, "гру": 12,
    # German and Portuguese spellings the English keys miss ("März", "Okt.", "fev.", "set.").
    "mär": 3, "mrz": 3, "mai": 5, "okt": 10, "dez": 12, "fev": 2, "abr": 4, "ago": 8,
    "set": 9, "out": 10,
}
_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d\d|20[0-4]\d)(?!\d)")
_UNLABELLED_YEAR_RE = re.compile(
    r"(1[5-9]\d\d|20[0-4]\d)(?:[.,;:)]*\s*[–—-]?\s*(?:[CСTТPРS]|Vol|Vyp|Вып|Вип|Т|№|No|Bd)\.?)?", re.IGNORECASE
)
# Vancouver's source details ("2012 Apr", "2013;1:CD007885", "2009 Sep;20(6):528-35") in
# a span the tagger left unlabelled: their shape alone says what each part is.
_UNLABELLED_SOURCE_RE = re.compile(
    r"(?P<date>(?:1[5-9]\d\d|20[0-4]\d)(?:\s+[^\W\d_]{3,9}\.?(?:\s*[-–]\s*[^\W\d_]{3,9}\.?)?(?:\s+\d{1,2})?)?)"
    r"(?:\s*;\s*(?P<volume>[\dA-Z][\w-]*)?\s*(?:\((?P<issue>[^()]+)\))?\s*:\s*(?P<page>[\w.]+(?:\s*[-–]\s*[\w.]+)?))?"
)
_VOLUME_LABEL_RE = re.compile(r"^(?:vol(?:ume)?s?\.?|v\.|т\.|том|tome|bd\.?|band|jg\.|jahrgang)\s*", re.IGNORECASE)
_ISSUE_LABEL_RE = re.compile(r"^(?:no\.?|nos\.?|nr\.?|num\.?|number|issue|iss\.?|№|вип\.?|вып\.?|випуск|выпуск|heft|h\.|n\.?\s?º|n\.?)\s*", re.IGNORECASE)
# Longest labels first, each ending at a word edge, so "pages 72" loses "pages", not "p".
_PAGE_LABEL_RE = re.compile(
    r"^(?:pages?\b\.?|pp?\b\.?|pg\b\.?|стор\.|стр\.|с\.|ss?\.)\s*", re.IGNORECASE
)
_TOTAL_PAGES_RE = re.compile(r"^(\d+)\s*(?:с|p|pp|pages|стр|стор|s|л)\.?$", re.IGNORECASE)
_EDGE_PUNCT = " \t,;:/–—-.·•"
# An editor label closing a name list: "(Hrsg.)", "(Hg.)", "(eds.)", "(org.)", "(coord.)".
_EDITOR_MARK_RE = re.compile(
    r"\(\s*(?:hrsg|hg|eds?|editors?|orgs?|coords?|org\(s\))\.?\s*\)\s*[:.,]?\s*$", re.IGNORECASE
)

FIELD_LABELS = (
    "title", "container-title", "collection-title", "volume", "issue", "page", "publisher",
    "publisher-place", "edition", "genre",
)


def spans_of(text: str, tokens: list[Token], labels: list[str], confidences: list[float | None]
             ) -> list[tuple[str, int, int, float]]:
    """Runs of equal labels as (label, start, end, mean confidence)."""
    spans: list[tuple[str, int, int, float]] = []
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and labels[j + 1] == labels[i]:
            j += 1
        known = [c for c in confidences[i : j + 1] if c is not None]
        conf = sum(known) / len(known) if known else 1.0
        spans.append((labels[i], tokens[i].start, tokens[j].end, conf))
        i = j + 1
    return spans


# (pattern, label, substrings one of which the text must hold for the pattern to match)
_RULES = (
    (DOI_RE, "DOI", ("10.",)),
    (URL_RE, "URL", ("http", "www.", "ftp:")),
    (PMID_RE, "PMID", ("pmid",)),
    (PMCID_RE, "PMCID", ("pmc",)),
    (ACCESSED_RE, "accessed", ("cited", "access", "viewed", "цит", "дата", "retrieved", "acesso", "abgerufen", "zugriff")),
    (STATUS_NOTE_RE, "note", ("[", "epub", "in press")),
)


def apply_rules(text: str, tokens: list[Token], labels: list[str]) -> list[str]:
    """Overwrite labels where an exact pattern decides (identifiers, status notes)."""
    labels = list(labels)
    lower = text.lower()
    for regex, label, cues in _RULES:
        # A cheap substring test skips the regex on the many strings without the cue.
        if not any(cue in lower for cue in cues):
            continue
        for match in regex.finditer(text):
            for k, tok in enumerate(tokens):
                if match.start() <= tok.start < match.end():
                    labels[k] = label
    return labels


def clean(value: str) -> str:
    value = re.sub(r"\s+", " ", value).strip(_EDGE_PUNCT)
    # Unbalanced brackets or quotes at the edges come from separators, not from the value.
    for opening, closing in ("()", "[]", "«»", "“”", '""'):
        if value.endswith(closing) and value.count(opening) < value.count(closing) or (
            opening == closing and value.endswith(closing) and value.count(closing) % 2
        ):
            value = value[:-1]
        if value.startswith(opening) and value.count(opening) > value.count(closing) or (
            opening == closing and value.startswith(opening) and value.count(opening) % 2
        ):
            value = value[1:]
        if value.startswith(opening) and value.endswith(closing) and value.count(opening) == 1:
            value = value[1:-1]
    return value.strip(_EDGE_PUNCT)


def clean_container(value: str) -> str:
    value = re.sub(r"^\s*(?://|in\s*:|in\s+|в\s*(?:кн\.|сб\.)?\s*:|у\s*(?:кн\.|зб\.)?\s*:)\s*", "", value,
                   flags=re.IGNORECASE)
    raw = re.sub(r"\s+", " ", value).strip(" ,;:/–—-")
    cleaned = clean(raw)
    # Keep the final period of a dotted abbreviation ("Astrophys. J.").
    if raw.endswith(".") and re.search(r"\w\.\s\w", raw) and re.search(r"\b\w{1,6}\.$", raw):
        cleaned = raw if raw.count("(") == raw.count(")") else cleaned
    return cleaned


def parse_date(value: str) -> dict[str, Any] | None:
    """"2012 Apr", "2013 May 2", "05.01.2013", "January 5, 2013" → CSL date."""
    year_match = _YEAR_RE.search(value)
    if not year_match:
        return None
    year = int(year_match.group(1))
    numeric = re.search(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b", value)
    if numeric and int(numeric.group(3)) == year:
        day, month = int(numeric.group(1)), int(numeric.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return {"date-parts": [[year, month, day]]}
    iso = re.search(r"\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b", value)
    if iso and int(iso.group(1)) == year and 1 <= int(iso.group(2)) <= 12:
        parts = [year, int(iso.group(2))] + ([int(iso.group(3))] if iso.group(3) else [])
        return {"date-parts": [parts]}
    month = None
    for word in re.findall(r"[^\W\d_]{3,}", value):
        month = MONTHS.get(word[:3].lower())
        if month:
            break
    parts: list[int] = [year]
    if month:
        parts.append(month)
        day = re.search(r"(?<![\d.])(\d{1,2})(?!\d)(?!\.\d)", value.replace(year_match.group(1), " "))
        if day and 1 <= int(day.group(1)) <= 31:
            parts.append(int(day.group(1)))
    return {"date-parts": [parts]}


def build_item(text: str, spans: list[tuple[str, int, int, float]]) -> tuple[dict[str, Any], dict[str, float]]:
    """The CSL item fields and each field's confidence, from labelled spans."""
    item: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    confidence: dict[str, float] = {}
    spans = _move_journal_head(text, spans)
    spans = _fix_title_container(text, spans)
    spans = _rejoin_title_around_false_container(text, spans)
    spans = _split_title_tail(text, spans)
    spans = _give_authors_their_tail(text, spans)
    spans = _give_title_its_head(text, spans)
    spans = _quoted_title_when_missing(text, spans)
    spans = _vancouver_name_edge(text, spans)
    spans = _book_title_after_editors(text, spans)
    by_label: dict[str, list[tuple[str, float]]] = {}
    for label, start, end, conf in spans:
        by_label.setdefault(label, []).append((text[start:end], conf))

    author_spans = by_label.get("author", [])
    if author_spans:
        best: list[dict[str, str]] = []
        et_al = False
        for span, conf in author_spans:
            names, span_et_al = split_names(span)
            # A quote or bracket the author span took from the title is no name.
            names = [n for n in names if any(ch.isalnum() for ch in "".join(map(str, n.values())))]
            if names and "editor" not in by_label and _EDITOR_MARK_RE.search(span):
                # "Müller, T. (Hrsg.):", "COSTA, R. (org.).": the names of an edited book
                # are its editors, as the labelled corpora mark them.
                by_label["editor"] = [(span, conf)]
                continue
            et_al = et_al or span_et_al
            # GOST repeats the authors after " / " (responsibility area): keep the fuller list.
            if len(names) > len(best):
                best = names
        if best:
            item["author"] = best
            confidence["author"] = min(c for _, c in author_spans)
        if et_al:
            custom["et-al"] = True
    if "editor" in by_label:
        names, _ = split_names(" , ".join(s for s, _ in by_label["editor"]))
        if names:
            item["editor"] = names
            confidence["editor"] = min(c for _, c in by_label["editor"])
    if "translator" in by_label:
        names, _ = split_names(" , ".join(s for s, _ in by_label["translator"]))
        if names:
            item["translator"] = names

    for label in FIELD_LABELS:
        values = by_label.get(label)
        if not values:
            continue
        raw, conf = values[0]
        value = _field_value(label, raw)
        if label == "title":
            value, translated = _split_translated_title(value)
            if translated:
                custom["translated-title"] = translated
            value, group = _split_group_author(value)
            if group:
                item.setdefault("author", []).append({"literal": group})
        if value:
            item[label] = value
            confidence[label] = conf

    _issue_from_volume_spans(item, by_label, confidence)
    _repair_glued_fields(item, by_label, confidence, text)
    # The tagger doubts a journal's edges when the punctuation around it is missing; a
    # container that is exactly a journal of the NLM table has certain edges.
    container = item.get("container-title")
    if container and confidence.get("container-title", 1.0) < _LEXICON_CONFIDENCE and known_journal(container):
        confidence["container-title"] = _LEXICON_CONFIDENCE
    if "date" in by_label:
        for raw, conf in by_label["date"]:
            date = parse_date(raw)
            if date:
                item["issued"] = date
                # With one year-like number in the whole reference the year is certain,
                # whatever the tagger's doubt about the punctuation around it.
                single_year = len(_YEAR_RE.findall(DOI_RE.sub(" ", text))) == 1
                confidence["issued"] = max(conf, 0.95) if single_year else conf
                break
    if "issued" not in item:
        _take_unlabelled_source(item, by_label, confidence)
    if "issued" not in item:
        # A year the tagger left unlabelled (glued "2011;25(9)", or "1982. C." run into
        # the next area's label), or took for a citation number inside the reference
        # ("… Arbeiten. 2014, 4/5, 48-53"), is still the date.
        for label, start, end, conf in spans:
            if (label in ("other", "note", "volume", "container-title")
                    or label == "citation-number" and start > 0) and (
                m := _UNLABELLED_YEAR_RE.fullmatch(text[start:end].strip(" .,;:()"))
            ):
                item["issued"] = {"date-parts": [[int(m.group(1))]]}
                confidence["issued"] = conf * 0.8
                break

    _split_volume_from_pages(item, confidence)
    page = item.get("page")
    total = page and _TOTAL_PAGES_RE.match(by_label["page"][0][0].strip(" ,;"))
    # "167 с." / "345 p.", or a lone number in a book (no container): the page count.
    if page and (total or (page.isdigit() and not item.get("container-title"))):
        del item["page"]
        item["number-of-pages"] = total.group(1) if total else page
        confidence["number-of-pages"] = confidence.pop("page")

    lower = text.lower()
    cues = {key: any(c in lower for c in cue) for _, key, cue in _RULES}
    for label, key, regex in (("DOI", "DOI", DOI_RE), ("PMID", "PMID", PMID_RE),
                              ("PMCID", "PMCID", PMCID_RE), ("URL", "URL", URL_RE)):
        match = regex.search(text) if key != "URL" and cues[key] else None
        if key == "URL":
            urls = [u for u in URL_RE.findall(text) if not DOI_RE.search(u) or "doi.org" not in u
                    ] if cues["URL"] else []
            if urls:
                item["URL"] = urls[0]
        elif match:
            item[key] = _GLUED_AFTER_DOI_RE.sub("", match.group(1)) if key == "DOI" else match.group(1)
        elif label in by_label:
            value = clean(by_label[label][0][0])
            value = re.sub(r"^(?:doi|pmid|pmcid)\s*:?\s*", "", value, flags=re.IGNORECASE)
            # A tagged "DOI" without the "10.…/…" shape is a misread volume or page.
            if value and (key != "DOI" or ("/" in value and "10" in value)):
                item[key] = value
                confidence[key] = by_label[label][0][1]
    if "DOI" not in item and "URL" in item and (m := DOI_RE.search(item["URL"])):
        item["DOI"] = m.group(1)

    accessed = ACCESSED_RE.search(text) if cues["accessed"] else None
    if accessed:
        date = parse_date(accessed.group(1) or accessed.group(2) or "")
        if date:
            item["accessed"] = date

    notes = [m.group(0).strip(" .[]") for m in STATUS_NOTE_RE.finditer(text)] if cues["note"] else []
    notes += [clean(s) for s, _ in by_label.get("note", []) if not STATUS_NOTE_RE.fullmatch(s.strip())]
    notes = [n for n in dict.fromkeys(notes) if n]
    if notes:
        item["note"] = ". ".join(notes)
        for note in notes:
            lang = re.search(r"(?:article )?in (\w+)|на (\w+)", note, re.IGNORECASE)
            if lang:
                code = _LANGUAGE_NOTE.get((lang.group(1) or lang.group(2) or "").lower())
                if code:
                    custom["language-note"] = code
    # DSTU/GOST areas decide the fields their punctuation delimits, and some types.
    item["type"] = refine_by_areas(text, item, confidence, custom) or infer_type(item, text)
    if custom:
        item["custom"] = custom
    return item, confidence


_IN_EDITORS_RE = re.compile(r"^\s*(?:in|em)\s*:", re.IGNORECASE)


def _book_title_after_editors(text: str, spans: list[tuple[str, int, int, float]]
                              ) -> list[tuple[str, int, int, float]]:
    """"Title. In: Otto, H.-U. (Hrsg.): Handbuch Soziale Arbeit." (DIN, ABNT): a second
    title after the editors that "In:" opens is the book the chapter is in."""
    labels = [s[0] for s in spans]
    if "container-title" in labels or labels.count("title") != 2:
        return spans
    first = labels.index("title")
    second = labels.index("title", first + 1)
    if second != first + 2 or labels[first + 1] != "editor":
        return spans
    editor = spans[first + 1]
    opened = text[spans[first][2]:editor[1]] + text[editor[1]:editor[2]]
    if not _IN_EDITORS_RE.match(opened.strip(" .,")):
        return spans
    label, start, end, conf = spans[second]
    return [*spans[:second], ("container-title", start, end, conf), *spans[second + 1:]]


# A volume span that holds the issue with its label: "Jg. 47, H. 4", ", Heft 4", "No. 12".
_VOLUME_WITH_ISSUE_RE = re.compile(
    r"(?:(?:vol(?:ume)?\.?|jg\.|jahrgang|bd\.|band|v\.)?\s*(?P<volume>\d[\w./-]*)\s*,?\s*)?"
    r"(?:heft|h\.|nr\.?|no\.?|n\.|№)\s*(?P<issue>\d[\w/-]*)",
    re.IGNORECASE,
)


def _issue_from_volume_spans(item: dict[str, Any], by_label: dict[str, list[tuple[str, float]]],
                             confidence: dict[str, float]) -> None:
    """The tagger reads "Jg. 47, H. 4" or a second ", Heft 4" as volume; the issue label
    says which number is the issue."""
    if "issue" in item:
        return
    for k, (raw, conf) in enumerate(by_label.get("volume", [])):
        match = _VOLUME_WITH_ISSUE_RE.fullmatch(clean(raw))
        if not match:
            continue
        item["issue"] = match.group("issue")
        confidence["issue"] = conf
        if k == 0:
            if match.group("volume"):
                item["volume"] = match.group("volume")
            else:
                item.pop("volume", None)
                confidence.pop("volume", None)
        return


def _take_unlabelled_source(item: dict[str, Any], by_label: dict[str, list[tuple[str, float]]],
                            confidence: dict[str, float]) -> None:
    """Date (and volume, issue, pages) from an "other" or "note" span shaped exactly like
    Vancouver's source details, filling only fields the tagger left empty."""
    for label in ("other", "note"):
        for raw, conf in by_label.get(label, []):
            match = _UNLABELLED_SOURCE_RE.fullmatch(raw.strip(" .,;"))
            if not match:
                continue
            words = re.findall(r"[^\W\d_]+", match.group("date"))
            # Every word must be a month ("2012 Apr", "2011 Nov-Dec"); "2013 Lancet" is no date.
            if any(word[:3].lower() not in MONTHS for word in words):
                continue
            date = parse_date(match.group("date"))
            if not date:
                continue
            item["issued"] = date
            confidence["issued"] = conf
            for field in ("volume", "issue", "page"):
                if match.group(field) and field not in item:
                    item[field] = match.group(field).strip()
                    confidence[field] = conf
                    by_label[field] = [(match.group(field), conf)]
            if label == "note":
                kept = [(text, c) for text, c in by_label["note"] if text != raw]
                if kept:
                    by_label["note"] = kept
                else:
                    del by_label["note"]
            return


_DATE_TAIL_RE = re.compile(
    r"[.,;]\s*((?:1[5-9]\d\d|20[0-4]\d)(?:\s+[A-Za-z]{3,9}\.?(?:-[A-Za-z]{3})?(?:\s+\d{1,2})?)?)$"
)
_ISSUE_INSIDE_RE = re.compile(
    r"^(?:(.*?)[.,]?\s+)?(?:no\.?|nr\.?|n|№|вып\.?|вип\.?|issue|iss\.)\s*(\S.*)$", re.IGNORECASE
)


_JOURNAL_HEAD_RE = re.compile(r"[.?!]\s+((?:[A-Z][\w&-]{2,}\s?){1,2})\s*$")


def _move_journal_head(text: str, spans: list[tuple[str, int, int, float]]
                       ) -> list[tuple[str, int, int, float]]:
    """"… for plan recognition. Cognitive" + "Science": the tagger let the title take the
    journal's first word. A title span that ends in a new sentence of one or two capitalised
    words, right before the container, gives them back to the container."""
    for k in range(len(spans) - 1):
        label, start, end, conf = spans[k]
        following = spans[k + 1]
        if label != "title" or following[0] != "container-title":
            continue
        if text[end : following[1]].strip(" .,:;"):
            continue
        match = _JOURNAL_HEAD_RE.search(text[start:end])
        if match and match.start() > 10:
            cut = start + match.start(1)
            spans = list(spans)
            spans[k] = (label, start, start + match.start() + 1, conf)
            spans[k + 1] = ("container-title", cut, following[2], min(conf, following[3]))
            break
    return spans


_SENTENCE_BREAK_RE = re.compile(r"[.?!][\"”’]?\s+(?=[^\W\d_])")
# Abbreviations that end in a period inside a container name ("Proc. IEEE", "Trans. Med.").
_ABBREVIATION_WORDS = frozenset({
    "proc", "trans", "conf", "int", "symp", "rev", "soc", "res", "med", "sci", "phys", "chem",
    "biol", "am", "eur", "natl", "nat", "acad", "univ", "ann", "bull", "lett", "math", "comput",
    "eng", "inf", "anal", "mach", "intell", "syst", "appl", "adv", "vol", "ed", "eds", "j",
    "jr", "st", "dr", "assoc", "inst", "dept", "clin", "gen", "exp", "theor", "quart", "bd",
})

_CONTAINER_HEAD_RE = re.compile(
    r"(?:proceedings|journal|annals|transactions|bulletin|advances|reviews?|trudy|труды|праці|вестник|вісник)\b",
    re.IGNORECASE,
)

# Confidence of a container-title recovered by a rule because the journal table knows it.
_LEXICON_CONFIDENCE = 0.9


def known_journal(name: str) -> bool:
    """Whether a name is a journal's full title or NLM abbreviation in the bundled table."""
    from cslkit.normalisers.containers import fold, journal_table

    key = fold(name)
    table = journal_table()
    return bool(key) and (key in table.abbreviation_by_full or key in table.abbreviation_by_key)


def _ends_sentence(head: str) -> bool:
    """A period after this text closes a sentence (not "Proc." or an initial)."""
    words = head.split()
    last = re.sub(r"[\W_]+", "", words[-1]) if words else ""
    return bool(last) and last.lower() not in _ABBREVIATION_WORDS and (len(last) > 1 or last.isdigit())


def _sentence_like(head: str) -> bool:
    """Several words, some of them lower-case: prose (a title), not a run of abbreviations."""
    words = head.split()
    lower = [w for w in words[1:] if w[:1].islower() and len(w.strip(".,:;")) > 2]
    return len(words) >= 3 and bool(lower) and _ends_sentence(head)


def _title_cased(name: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w&'’-]*", name) if len(w) > 3]
    return bool(words) and len(name.split()) <= 8 and all(w[0].isupper() for w in words)


def _fix_title_container(text: str, spans: list[tuple[str, int, int, float]]
                         ) -> list[tuple[str, int, int, float]]:
    """Title/container boundaries the tagger misplaced, where punctuation decides:

    - no title, and the container holds "A sentence. Journal Name": the sentence is the title;
    - a title running straight into the container with no separator ("… using" + "ACTA. ACM
      Transactions …"): the title continues up to the container's last sentence break;
    - no container, a title ending in ". Journal Name" (a known journal, or a title-cased
      name before a volume or issue): that name is the container;
    - no title and a container in a reference without volume, issue or pages: a book title.
    """
    labels = [s[0] for s in spans]
    spans = list(spans)
    has_title, has_container = "title" in labels, "container-title" in labels
    if not has_container and labels.count("title") > 1:
        # GOST: "Chapter / A. Author. Book / под ред. …": a second title after the
        # responsibility area is the book.
        second = [k for k, lab in enumerate(labels) if lab == "title"][1]
        author_start, (_, start, end, _) = spans[second - 1][1], spans[second]
        if (labels[second - 1] == "author" and text[:author_start].rstrip().endswith("/")
                and len(text[start:end].split()) >= 3):
            spans[second] = ("container-title", *spans[second][1:])
            return spans
    has_numbers = any(lab in ("volume", "issue") for lab in labels)
    for k, (label, start, end, conf) in enumerate(spans):
        value = text[start:end]
        if label == "container-title" and not has_title:
            breaks = [m for m in _SENTENCE_BREAK_RE.finditer(value)
                      if _sentence_like(value[: m.start()]) and value[m.end():][:1].isupper()]
            if breaks and not known_journal(value) and not _CONTAINER_HEAD_RE.match(value):
                cut = breaks[-1]
                spans[k] = ("title", start, start + cut.start() + 1, conf)
                spans.insert(k + 1, ("container-title", start + cut.end(), end, conf))
                return spans
            if not breaks and not has_numbers and "page" not in labels:
                spans[k] = ("title", start, end, conf)
                return spans
        if label == "title" and k + 1 < len(spans) and spans[k + 1][0] == "container-title":
            nxt = spans[k + 1]
            gap = text[end : nxt[1]]
            container = text[nxt[1] : nxt[2]]
            breaks = list(_SENTENCE_BREAK_RE.finditer(container))
            # Only a title that stops mid-sentence (no closing punctuation) continues, and
            # only up to a single sentence break before a plain journal name.
            if (gap.strip(" :") == "" and len(breaks) == 1 and value.rstrip()[-1:] not in ".?!\"”’,;"
                    and _ends_sentence(container[: breaks[0].start()])
                    and container[breaks[0].end():][:1].isupper() and not known_journal(container)):
                cut = breaks[0]
                spans[k] = ("title", start, nxt[1] + cut.start() + 1, min(conf, nxt[3]))
                spans[k + 1] = ("container-title", nxt[1] + cut.end(), nxt[2], nxt[3])
                return spans
        if label == "title" and not has_container and ("publisher" not in labels or "editor" in labels):
            breaks = [m for m in _SENTENCE_BREAK_RE.finditer(value) if _sentence_like(value[: m.start()])]
            if breaks:
                cut = breaks[-1]
                tail = value[cut.end():].strip(" .,;:")
                known = bool(tail) and known_journal(tail)
                # Editors, or a page range without volume or issue, show the title is a
                # chapter: the last sentence names the book ("… analysis. Efficacy of … /
                # под ред. …").
                part_of = "editor" in labels or not has_numbers and any(
                    lab == "page" and re.search(r"\d\s*[-–—]\s*\d", text[a:b]) for lab, a, b, _ in spans)
                if known or (tail and (has_numbers and _title_cased(tail) or part_of)):
                    spans[k] = ("title", start, start + cut.start() + 1, conf)
                    spans.insert(k + 1, ("container-title", start + cut.end(), end,
                                         max(conf, _LEXICON_CONFIDENCE) if known else conf))
                    return spans
    return spans


def _rejoin_title_around_false_container(text: str, spans: list[tuple[str, int, int, float]]
                                         ) -> list[tuple[str, int, int, float]]:
    """A title the tagger broke with a container in its middle ("Decline in number of
    elevated" + "blood CD3" + "(+) CD56(+) NKT cells … pregnancy" + "Am J Reprod Immunol."
    + "2007;"): when the last container is followed by the date or volume, the pieces
    before it are one title."""
    labels = [label for label, *_ in spans]
    if labels.count("container-title") < 2 or "title" not in labels:
        return spans
    first_title = labels.index("title")
    last_container = len(labels) - 1 - labels[::-1].index("container-title")
    middle = labels[first_title:last_container]
    if (last_container + 1 >= len(spans) or labels[last_container + 1] not in ("date", "volume")
            or "container-title" not in middle or set(middle) - {"title", "container-title", "other"}
            or middle[-1] != "title"):
        return spans
    pieces = spans[first_title:last_container]
    if any(known_journal(clean(text[a:b])) for label, a, b, _ in pieces if label == "container-title"):
        return spans
    joined = ("title", pieces[0][1], pieces[-1][2], min(conf for *_, conf in pieces))
    return [*spans[:first_title], joined, *spans[last_container:]]


# '“Against Literary Darwinism.” Critical Inquiry': what follows a quoted title.
_QUOTED_TITLE_RE = re.compile(r"^\s*[“\"‘«][^“”\"«»]{8,}[”\"’»][.,;:]?\s+(?=\S)")
# "… Wessex. In The Explanation of Culture Change": a chapter's book after "In".
_IN_BOOK_RE = re.compile(r"[.?!”\"’]\s+In\s*:?\s+(?=[A-ZА-ЯЁІЇЄҐ]|\d+(?:st|nd|rd|th)\b)")
_MINOR_NAME_WORDS = frozenset({"and", "of", "the", "on", "for", "in", "&", "de", "la", "du", "der", "und"})
# "… Video, Computer" + "Communications": a title that stops inside a capitalised name.
_NAME_HEAD_RE = re.compile(r"(?:[.?!,]|[”\"’])\s+([^\W\d_][^,.;:?!”\"]*)$")


def _split_title_tail(text: str, spans: list[tuple[str, int, int, float]]
                      ) -> list[tuple[str, int, int, float]]:
    """Containers the tagger left inside the title span:

    - after a quoted title ('“Title.” Critical Inquiry', '"Title," Barron's');
    - after "In" ('Title. In The Complete Sherlock Holmes'), joined to a container that the
      tagger started later in the same name;
    - the first words of a name when the title runs into the container without punctuation
      ('… Video, Computer' + 'Communications', '… System' + 'Technical Journal').
    """
    labels = [s[0] for s in spans]
    for k, (label, start, end, conf) in enumerate(spans):
        if label != "title":
            continue
        value = text[start:end]
        following = spans[k + 1] if k + 1 < len(spans) else None
        joins_container = (following is not None and following[0] == "container-title"
                           and not text[end : following[1]].strip())
        if "container-title" not in labels:
            quoted = _QUOTED_TITLE_RE.match(value)
            tail = value[quoted.end():] if quoted else ""
            if quoted and tail[:1].isupper() and len(tail.strip(" .,")) > 2:
                return [*spans[:k], ("title", start, start + quoted.end(), conf),
                        ("container-title", start + quoted.end(), end, conf), *spans[k + 1 :]]
        if "container-title" not in labels or joins_container:
            found = list(_IN_BOOK_RE.finditer(value))
            if found and found[-1].start() > 10:
                cut = found[-1]
                container_end = following[2] if joins_container else end
                rest = [*spans[k + 2 :]] if joins_container else [*spans[k + 1 :]]
                return [*spans[:k], ("title", start, start + cut.start() + 1, conf),
                        ("container-title", start + cut.end(), container_end, conf), *rest]
        if joins_container and value[-1:].isalnum():
            head = _NAME_HEAD_RE.search(value)
            words = head.group(1).split() if head else []
            if (head and head.start() > 10 and 0 < len(words) <= 5 and words[0][:1].isupper()
                    and all(w[:1].isupper() or w in _MINOR_NAME_WORDS for w in words)):
                cut = start + head.start(1)
                return [*spans[:k], ("title", start, start + head.start() + 1, conf),
                        ("container-title", cut, following[2], min(conf, following[3])),
                        *spans[k + 2 :]]
    return spans


# "… Claire Tomlin," + "and Patrick Saint-Pierre. Computing viable sets …": the last author
# left at the head of the title.
_AUTHOR_HEAD_RE = re.compile(
    r"^(?:(?:and|&|und|et)\s+)?(?:[A-Z][\w’'-]*\.?\s+){0,3}[A-Z][\w’'-]+\.\s+(?=[^\W\d_])"
)
_AUTHOR_OPEN_END_RE = re.compile(r"(?:,|\band|&|\b[A-Z]\.)$")


def _give_authors_their_tail(text: str, spans: list[tuple[str, int, int, float]]
                             ) -> list[tuple[str, int, int, float]]:
    for k in range(1, len(spans)):
        label, start, end, conf = spans[k]
        previous = spans[k - 1]
        if label != "title" or previous[0] != "author" or text[previous[2] : start].strip():
            continue
        value = text[start:end]
        head = _AUTHOR_HEAD_RE.match(value)
        if not head or len(value[head.end():].split()) < 3:
            return spans
        opens = value[:4].lower().startswith(("and ", "& ", "und ", "et "))
        if opens or _AUTHOR_OPEN_END_RE.search(text[previous[1] : previous[2]].rstrip()):
            return [*spans[: k - 1], ("author", previous[1], start + head.end(), min(conf, previous[3])),
                    ("title", start + head.end(), end, conf), *spans[k + 1 :]]
        return spans
    return spans


# "… Y. G. Mitsopoulos. SQL" + "Extension for Interval Data", "(1982). R1:" + "A rule-based …":
# the title's first words left at the end of the authors or the date, after their period.
_TITLE_HEAD_RE = re.compile(r"[.)]\.?\s+((?:[^\s.]+\s+){0,2}[^\s.,]*[^\W_][:?!]?)\s*$")


def _give_title_its_head(text: str, spans: list[tuple[str, int, int, float]]
                         ) -> list[tuple[str, int, int, float]]:
    for k in range(1, len(spans)):
        label, start, end, conf = spans[k]
        previous = spans[k - 1]
        if label != "title" or previous[0] not in ("author", "date") or text[previous[2] : start].strip():
            continue
        head = _TITLE_HEAD_RE.search(text[previous[1] : previous[2]])
        if not head or not head.group(1)[:1].isalnum() or (
            previous[0] == "author" and not re.search(r"\w\w\.?$", text[previous[1] : previous[1] + head.start() + 1])
        ):
            return spans
        cut = previous[1] + head.start(1)
        return [*spans[: k - 1], (previous[0], previous[1], cut, previous[3]),
                ("title", cut, end, min(conf, previous[3])), *spans[k + 1 :]]
    return spans


_QUOTED_RE = re.compile(r"[“\"«]([^“”\"«»]{2,300}?)[”\"»]")


def _quoted_title_when_missing(text: str, spans: list[tuple[str, int, int, float]]
                               ) -> list[tuple[str, int, int, float]]:
    """'“LiveATC,” http://…': with no title found, the first quoted words are the title
    (the tagger calls a lone quoted name a publisher)."""
    if any(s[0] in ("title", "container-title") for s in spans) or not any(q in text for q in "“\"«"):
        return spans
    quoted = _QUOTED_RE.search(text)
    if not quoted:
        return spans
    inside = [k for k, (label, start, end, _) in enumerate(spans)
              if quoted.start() <= start and end <= quoted.end() + 2 and label in ("publisher", "other", "note")]
    if not inside or not any(spans[k][0] != "other" for k in inside):
        return spans
    merged = ("title", spans[inside[0]][1], spans[inside[-1]][2], min(spans[k][3] for k in inside))
    return [*spans[: inside[0]], merged, *spans[inside[-1] + 1 :]]


_UPPER = "A-ZА-ЯЁІЇЄҐ"
# Vancouver names are "Surname INITIALS" with no period: "Reed JL" + "Treatment with …".
_VANCOUVER_LAST_NAME_RE = re.compile(rf"(?:^|,)\s*[{_UPPER}][\w'’-]+(?:\s[{_UPPER}][\w'’-]+)?\s[{_UPPER}]{{1,3}}(?=\s+([{_UPPER}]\S*(?:\s.*)?)$)")
_VANCOUVER_NAME_RE = re.compile(rf"[{_UPPER}][\w'’-]+\s[{_UPPER}]{{1,3}}\.?,")
_VANCOUVER_HEAD_NAME_RE = re.compile(rf"^[{_UPPER}][\w'’-]+\s[{_UPPER}]{{1,3}}\s+(?=[{_UPPER}][^\W\d_]*[a-zа-яёіїєґ])")


def _vancouver_name_edge(text: str, spans: list[tuple[str, int, int, float]]
                         ) -> list[tuple[str, int, int, float]]:
    """With no period after the authors, the tagger may end them a name late or early:
    'Reed JL Treatment with' + 'tumor …', or 'Alecsandru D,' + 'Castillo-Rama M Intravenous …'."""
    for k in range(1, len(spans)):
        label, start, end, conf = spans[k]
        previous = spans[k - 1]
        if label != "title" or previous[0] != "author" or text[previous[2] : start].strip():
            continue
        authors = text[previous[1] : previous[2]]
        # Only a Vancouver name list ("Moraru M, Carbone J,") has this shape of name.
        if not _VANCOUVER_NAME_RE.search(authors) or "." in authors.rstrip(". ")[-6:]:
            return spans
        late = _VANCOUVER_LAST_NAME_RE.search(authors)
        rest = late.group(1).split() if late else []
        # The late words open a sentence-case title and the span does not end as a name list does.
        # One capitalised word after the last initials opens the title when the title
        # span goes on in lower case ("Poletaev AB Autoimmune" + "disorders in …").
        opens_title = 1 < len(rest) <= 4 and all(w[:1].islower() for w in rest[1:]) or (
            len(rest) == 1 and text[start:end][:1].islower())
        if late and opens_title and not authors.rstrip().endswith((".", ",")):
            cut = previous[1] + late.start(1)
            return [*spans[: k - 1], ("author", previous[1], cut, previous[3]),
                    ("title", cut, end, min(conf, previous[3])), *spans[k + 1 :]]
        early = _VANCOUVER_HEAD_NAME_RE.match(text[start:end])
        if early and authors.rstrip().endswith(","):
            cut = start + early.end()
            return [*spans[: k - 1], ("author", previous[1], cut, min(conf, previous[3])),
                    ("title", cut, end, conf), *spans[k + 1 :]]
        return spans
    return spans


# NLM's state or country after the city: "Philadelphia (PA): Wolters Kluwer".
_PLACE_QUALIFIER_RE = re.compile(r"\s*([A-Za-z]{2,4}\.?|[A-Z][\w.]*(?: [A-Z][\w.]*)?)\)\s*:?\s*(\S.*)")
# Citing Medicine's part of a book: "… 2019. Chapter 29, Endometriosis; p. 1221-48."
_BOOK_PART_RE = re.compile(
    r"\.\s+(?P<kind>Chapter|Chap\.|Section|Part)\s+(?P<number>[\w.-]+),\s*(?P<title>[^;]+?);"
    r"\s*p\.?\s*(?P<page>[\w-]+)\.?\s*$"
)


def _repair_book_parts(item: dict[str, Any], confidence: dict[str, float], text: str) -> None:
    """A city's "(PA)" split between place and publisher is put back; a book part named
    after the imprint ("Chapter 29, Endometriosis; p. 1221-48") is the chapter, and the
    title before it the book."""
    place, publisher = item.get("publisher-place"), item.get("publisher")
    if isinstance(place, str) and place.rstrip().endswith("(") and isinstance(publisher, str):
        qualifier = _PLACE_QUALIFIER_RE.fullmatch(publisher)
        if qualifier:
            item["publisher-place"] = f"{place.rstrip()}{qualifier.group(1)})"
            item["publisher"] = qualifier.group(2).strip(" .;")
    part = _BOOK_PART_RE.search(text)
    if part and item.get("title") and not item.get("container-title"):
        item["container-title"] = item["title"]
        confidence["container-title"] = confidence.get("title", 1.0)
        item["title"] = part.group("title").strip()
        if part.group("kind").startswith("Chap"):
            item["chapter-number"] = part.group("number")
        item.setdefault("page", part.group("page"))


def _repair_glued_fields(item: dict[str, Any], by_label: dict[str, list[tuple[str, float]]],
                         confidence: dict[str, float], text: str) -> None:
    """Exact repairs where the tagger glued two fields into one span."""
    _repair_book_parts(item, confidence, text)
    volume = str(item.get("volume", ""))
    # "2009; 18" or "2005 Sep 29; 353" tagged as volume: what precedes ";" is the date.
    if ";" in volume:
        head, _, tail = volume.rpartition(";")
        item["volume"] = tail.strip()
        if "date" not in by_label and _YEAR_RE.search(head):
            by_label["date"] = [(head, confidence["volume"])]
    # "1998 Mar;(2):115-8": Vancouver's issue without a volume, in its parentheses.
    bracketed = re.fullmatch(r"\(([^()]+)\)", str(item.get("volume", "")).strip())
    if bracketed and "issue" not in item:
        item["issue"] = bracketed.group(1).strip()
        confidence["issue"] = confidence.pop("volume")
        del item["volume"]
    # "Вып. 10", "N 4", "Х. Вып. 4" tagged as volume: the labelled part is the issue.
    match = _ISSUE_INSIDE_RE.match(str(item.get("volume", "")))
    if match and "issue" not in item:
        item["issue"] = match.group(2).strip(" .")
        confidence["issue"] = confidence["volume"]
        if match.group(1):
            item["volume"] = _VOLUME_LABEL_RE.sub("", match.group(1)).strip(" .,")
        else:
            del item["volume"]
            del confidence["volume"]
    # Vancouver lists often drop the period between title and journal ("… pemphigus
    # vulgaris J Eur Acad Dermatol Venereol. 2011;25(9)"): when the tagger found no journal
    # but the item has a volume or issue, a run of capitalised abbreviation-like words
    # ending a sentence-case title is the journal.
    title = item.get("title")
    if title and not item.get("container-title") and (item.get("volume") or item.get("issue")):
        journal = _known_trailing_journal(title) or _trailing_journal(title)
        if journal:
            item["title"] = title.rstrip(" .")[: -len(journal)].rstrip(" .")
            item["container-title"] = journal.strip(" .")
            # A name found in the NLM journal table is a journal, whatever the punctuation.
            confidence["container-title"] = (
                _LEXICON_CONFIDENCE if known_journal(item["container-title"])
                else min(confidence.get("title", 1.0), 0.7)
            )
    _give_back_title_tail(item, text, confidence)
    _trim_container_tail(item, by_label, confidence)
    # "Am J Reprod Immunol. 2012 Apr": a date left at the end of the journal or title.
    for field in ("container-title", "title"):
        value = item.get(field)
        tail = _DATE_TAIL_RE.search(value) if value else None
        if tail and value[: tail.start()].strip():
            item[field] = value[: tail.start()].strip()
            if "date" not in by_label:
                by_label["date"] = [(tail.group(1), confidence[field])]


_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|spring|summer|fall|autumn|winter"
)
# "Drug Information Journal 2007", "Asahi Shinbun 31 December", "Soins, mai": a date glued to
# the journal; "Journal of Psychology, XXVII", "… Republic 2": its volume.
_CONTAINER_DATE_TAIL_RE = re.compile(
    rf"[\s,]+(?:(?:\d{{1,2}}\s+)?(?:{_MONTH_NAMES})\.?(?:\s+\d{{1,2}})?(?:,?\s+(?:1[5-9]\d\d|20[0-4]\d))?"
    r"|(?:1[5-9]\d\d|20[0-4]\d))$",
    re.IGNORECASE,
)
_CONTAINER_VOLUME_TAIL_RE = re.compile(r"[\s,]+(\d{1,4}|[IVXLC]{1,7})$")


def _trim_container_tail(item: dict[str, Any], by_label: dict[str, list[tuple[str, float]]],
                         confidence: dict[str, float]) -> None:
    container = item.get("container-title")
    if not container:
        return
    date = _CONTAINER_DATE_TAIL_RE.search(container)
    year = _YEAR_RE.search(date.group()) if date else None
    printed = [parse_date(raw) for raw, _ in by_label.get("date", [])]
    # A year unlike the item's date belongs to the name ("Историко-философский ежегодник 2008").
    if year and any(d and d["date-parts"][0][0] != int(year.group(1)) for d in printed):
        date = None
    if date and date.start() > 2:
        item["container-title"] = container = container[: date.start()].rstrip(" ,")
        if "date" not in by_label and year:
            by_label["date"] = [(date.group(), confidence["container-title"])]
    volume = _CONTAINER_VOLUME_TAIL_RE.search(container)
    if volume and volume.start() > 2 and not item.get("volume") and not _YEAR_RE.fullmatch(volume.group(1)):
        item["container-title"] = container[: volume.start()].rstrip(" ,")
        item["volume"] = volume.group(1)
        confidence["volume"] = confidence["container-title"]


# "92 99-115", "1 pp. 35-50", "31, 711": a volume glued to the page range.
_VOLUME_THEN_PAGES_RE = re.compile(r"^(\d{1,4})[,:]?\s+(?:pp?\.\s*)?(\d+(?:\s*[-–—]\s*\d+)?)$")
_PAGES_THEN_YEAR_RE = re.compile(r"^(\S+?)[.,;]\s*(?:1[5-9]\d\d|20[0-4]\d)$")


def _split_volume_from_pages(item: dict[str, Any], confidence: dict[str, float]) -> None:
    page = item.get("page")
    if not page:
        return
    if trailing := _PAGES_THEN_YEAR_RE.match(page):
        item["page"] = page = trailing.group(1)
    glued = _VOLUME_THEN_PAGES_RE.match(page)
    if glued and not item.get("volume") and not _YEAR_RE.fullmatch(glued.group(1)):
        item["volume"], item["page"] = glued.group(1), glued.group(2)
        confidence["volume"] = confidence["page"]


def _give_back_title_tail(item: dict[str, Any], text: str, confidence: dict[str, float]) -> None:
    """"… in pregnancy Ginekol Pol. 2005": with no period after the title the tagger may put the
    journal's edge anywhere. When the title runs into the container with no punctuation
    between them and the container is no known journal, the split that makes the journal a
    known one wins: the container's first words go back to the title ("pregnancy" +
    "Ginekol Pol"), or the title's last words start the journal ("Rheumatol" + "Int")."""
    title, container = item.get("title"), item.get("container-title")
    if not title or not container or not title[-1:].isalnum() or known_journal(container):
        return
    at = text.find(title)
    gap_end = text.find(container, at + len(title)) if at >= 0 else -1
    gap = text[at + len(title) : gap_end] if gap_end >= 0 else "."
    # Only unpunctuated lower-case words ("in") may lie between what the tagger called
    # title and container.
    if not re.fullmatch(r"\s+(?:[^\W\d_A-Z]+\s+)*", gap):
        return
    words = container.split()
    for k in range(1, len(words) - 1):
        tail = " ".join(words[k:])
        if words[k][:1].isupper() and known_journal(tail):
            item["title"] = f"{title}{gap}{' '.join(words[:k])}"
            item["container-title"] = tail
            confidence["container-title"] = max(confidence.get("container-title", 0.0), _LEXICON_CONFIDENCE)
            return
    title_words = title.split()
    if gap.strip():
        return
    for k in range(1, min(4, len(title_words) - 2) + 1):
        head = title_words[-k:]
        joined = " ".join([*head, container])
        if head[0][:1].isupper() and known_journal(joined):
            item["title"] = " ".join(title_words[:-k])
            item["container-title"] = joined
            confidence["container-title"] = max(confidence.get("container-title", 0.0), _LEXICON_CONFIDENCE)
            return


def _known_trailing_journal(title: str) -> str | None:
    """The longest run of two or more capitalised last words of a title that is a known journal."""
    words = title.rstrip(" .").split()
    for n in range(min(10, len(words) - 3), 1, -1):
        run = words[-n:]
        if run[0][:1].isupper() and not words[-n - 1].endswith((":", ",")) and known_journal(" ".join(run)):
            return " ".join(run)
    return None


def _trailing_journal(title: str) -> str | None:
    words = title.rstrip(" .").split()
    k = len(words)
    while k > 1 and words[k - 1][:1].isupper() and not words[k - 1].endswith((":", ",", ".")):
        k -= 1
    run, rest = words[k:], words[:k]
    if not run or len(run) > 8 or len(rest) < 3 or any(len(w) > 12 for w in run):
        return None
    # Only a sentence-case title (mostly lowercase words) lets capitals mark the journal.
    if sum(1 for w in rest[1:] if w[:1].islower()) < len(rest[1:]) / 2:
        return None
    if not (rest[-1].endswith(".") or rest[-1][:1].islower()):
        return None
    return " ".join(run)


def _field_value(label: str, raw: str) -> str:
    if label == "container-title":
        return clean_container(raw)
    value = clean(raw)
    if label == "volume":
        value = _VOLUME_LABEL_RE.sub("", value)
    elif label == "issue":
        value = _ISSUE_LABEL_RE.sub("", value)
    elif label == "page":
        value = _PAGE_LABEL_RE.sub("", value)
    elif label == "edition":
        value = re.sub(r"\s*(?:ed|edn|edition|edição|aufl|auflage|ausg|изд|вид)\.?$", "", value, flags=re.IGNORECASE)
    elif label == "title":
        value = re.sub(r"\s*(?:[/]\s*)$", "", value)
    elif label == "publisher-place":
        value = value.rstrip(":").strip()
    return value.strip(_EDGE_PUNCT) if label != "title" else value


_GROUP_SENTENCE_RE = re.compile(
    r"^(?:The\s)?(?:[A-Z][\w-]*\s){0,6}(?:Study|Collaborative|Collaborating|Working|Research|Writing)?\s?"
    r"(?:Group|Consortium|Committee|Investigators|Collaboration|Network)$"
)


def _split_group_author(title: str) -> tuple[str, str | None]:
    """Vancouver prints a group author as a sentence before or after the title."""
    sentences = re.split(r"(?<=[.?!])\s+", title)
    if len(sentences) < 2:
        return title, None
    for index in (0, -1):
        candidate = sentences[index].rstrip(".")
        if _GROUP_SENTENCE_RE.match(candidate):
            rest = sentences[1:] if index == 0 else sentences[:-1]
            return " ".join(rest).rstrip(" ."), candidate
    return title, None


# What kind of document it is, in brackets after the title ("[Internet]", GOST's
# "[Електронний ресурс]", "[Текст]"): no translation of the title; the styles say it
# themselves where they want it (Vancouver's "[Internet]" comes with a URL).
_MATERIAL_DESIGNATION_RE = re.compile(
    r"\[\s*(?:internet|online|electronic (?:resource|book|journal)|e-?book|text|"
    r"електронний ресурс|электронный ресурс|текст|рукопис|рукопись|мультимедіа|мультимедиа|"
    r"відеозапис|видеозапись|звукозапис|аудіозапис|аудиозапись|ноти|ноты|карти|карты|"
    r"мікроформа|микроформа)\s*\]\.?",
    re.IGNORECASE,
)


def _split_translated_title(title: str) -> tuple[str, str | None]:
    """"Original title [Translated title]" → both; a wholly bracketed title is unwrapped;
    a material designation ("[Internet]", "[Електронний ресурс]") is dropped."""
    without = _MATERIAL_DESIGNATION_RE.sub(" ", title)
    if without != title:
        title = re.sub(r"\s+", " ", without).strip().rstrip(" .:")
    match = re.match(r"^(.*\S)\s*\[([^\[\]]{8,})\]\.?$", title)
    if match and not STATUS_NOTE_RE.fullmatch("[" + match.group(2) + "]"):
        return match.group(1).rstrip(" .:"), match.group(2).strip()
    return title, None


_THESIS_RE = re.compile(r"\b(?:thesis|dissertation|diss\.|ph\.?\s?d|автореф|дис\.|дисс\.|dr\. med)", re.IGNORECASE)
_CONF_RE = re.compile(r"\b(?:proceedings|proc\.|conference|conf\.|symposium|congress|workshop|"
                      r"конф|материалы|матеріали|тези|тезисы|съезд|з'їзд|з’їзд)", re.IGNORECASE)
_REPORT_RE = re.compile(r"\b(?:report|tech\.? rep|technical|working paper|звіт|отчет|отчёт)\b", re.IGNORECASE)
_PATENT_RE = re.compile(r"\b(?:patent|патент)\b", re.IGNORECASE)


def infer_type(item: dict[str, Any], text: str) -> str:
    genre = item.get("genre", "")
    container = item.get("container-title", "")
    if _PATENT_RE.search(text[:200]):
        return "patent"
    if _THESIS_RE.search(genre) or (_THESIS_RE.search(text) and not container):
        return "thesis"
    if _REPORT_RE.search(genre):
        return "report"
    if container:
        if _CONF_RE.search(container):
            return "paper-conference"
        in_book = item.get("publisher") or item.get("editor") or re.search(
            r"\b(?:in|в|у)\s*:|//\s*[^/]*\b(?:под ред|за ред|eds?\.)", text, re.IGNORECASE
        )
        # Journals print no publisher or place; books in series do print a volume.
        if (in_book or item.get("publisher-place")) and not item.get("issue"):
            return "chapter"
        return "article-journal"
    if re.search(r"\d\s*[-–—]\s*\w", str(item.get("page", ""))):
        # A page range with no container printed is still part of something: a journal
        # issue when there is a volume or issue, otherwise a book.
        return "article-journal" if item.get("volume") or item.get("issue") else "chapter"
    if item.get("publisher") or item.get("publisher-place") or item.get("ISBN") or item.get("number-of-pages"):
        return "book"
    if item.get("URL"):
        return "webpage"
    if item.get("volume") or item.get("issue"):
        return "article-journal"
    return "book" if item.get("title") else "document"


__all__ = ["ET_AL_RE", "apply_rules", "build_item", "clean", "parse_date", "spans_of"]
