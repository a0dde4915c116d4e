"""BibTeX/biblatex <-> CSL tables shared by the BibTeX reader and writer.

Facts from the biblatex manual (entry types, fields, aliases) and the CSL 1.0.2
specification (types, variables); the mapping choices are ours.
"""

from __future__ import annotations

from cslkit.variables import DATE_VARIABLES, ITEM_TYPES, NAME_VARIABLES

# BibTeX/biblatex entry type -> CSL type. "misc" is decided by the reader (webpage when
# it has a URL, else document).
ENTRY_TYPE_TO_CSL: dict[str, str] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "bookinbook": "chapter",
    "booklet": "pamphlet",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "mvproceedings": "book",
    "reference": "book",
    "mvreference": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "suppbook": "chapter",
    "suppcollection": "chapter",
    "inreference": "entry-encyclopedia",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "manual": "report",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "patent": "patent",
    "unpublished": "manuscript",
    "periodical": "periodical",
    "suppperiodical": "article-journal",
    "dataset": "dataset",
    "software": "software",
    "standard": "standard",
    "legislation": "legislation",
    "jurisdiction": "legal_case",
    "letter": "personal_communication",
    "movie": "motion_picture",
    "video": "motion_picture",
    "audio": "song",
    "music": "song",
    "artwork": "graphic",
    "image": "graphic",
    "map": "map",
    "review": "review",
    "interview": "interview",
    "performance": "performance",
}

# CSL type -> the entry type the writer uses.
CSL_TO_ENTRY_TYPE: dict[str, str] = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "article": "article",
    "review": "review",
    "review-book": "review",
    "book": "book",
    "classic": "book",
    "chapter": "incollection",
    "entry": "inreference",
    "entry-dictionary": "inreference",
    "entry-encyclopedia": "inreference",
    "paper-conference": "inproceedings",
    "thesis": "thesis",
    "report": "techreport",
    "webpage": "online",
    "post": "online",
    "post-weblog": "online",
    "patent": "patent",
    "manuscript": "unpublished",
    "periodical": "periodical",
    "pamphlet": "booklet",
    "dataset": "dataset",
    "software": "software",
    "standard": "standard",
    "legislation": "legislation",
    "bill": "legislation",
    "legal_case": "jurisdiction",
    "personal_communication": "letter",
    "motion_picture": "movie",
    "song": "audio",
    "graphic": "artwork",
    "map": "map",
    "interview": "interview",
    "performance": "performance",
}

# biblatex entrysubtype of @article -> CSL type, and back.
ARTICLE_SUBTYPES: dict[str, str] = {
    "magazine": "article-magazine",
    "newspaper": "article-newspaper",
}

THESIS_GENRES: dict[str, str] = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}

# Name fields -> CSL name variables.
NAME_FIELDS: dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
}

# Simple text fields -> CSL variable (same meaning in every entry type).
TEXT_FIELDS: dict[str, str] = {
    "shorttitle": "title-short",
    "shortjournal": "container-title-short",
    "journalabbrev": "container-title-short",
    "series": "collection-title",
    "volume": "volume",
    "volumes": "number-of-volumes",
    "pagetotal": "number-of-pages",
    "numpages": "number-of-pages",
    "edition": "edition",
    "chapter": "chapter-number",
    "eid": "number",
    "note": "note",
    "abstract": "abstract",
    "annote": "annote",
    "annotation": "annote",
    "eventtitle": "event-title",
    "venue": "event-place",
    "version": "version",
    "isbn": "ISBN",
    "issn": "ISSN",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "type": "genre",
    "howpublished": "medium",
    "issuetitle": "volume-title",
}

# biblatex eprinttype -> CSL variable the eprint value belongs in.
EPRINT_TYPES: dict[str, str] = {
    "doi": "DOI",
    "pubmed": "PMID",
    "pmid": "PMID",
    "pmc": "PMCID",
    "pmcid": "PMCID",
    "url": "URL",
}

# babel/polyglossia language names (langid, language) -> BCP 47 codes, and back.
LANGUAGE_CODES: dict[str, str] = {
    "english": "en",
    "american": "en-US",
    "british": "en-GB",
    "russian": "ru",
    "ukrainian": "uk",
    "belarusian": "be",
    "polish": "pl",
    "german": "de",
    "ngerman": "de",
    "french": "fr",
    "italian": "it",
    "spanish": "es",
    "portuguese": "pt",
    "czech": "cs",
    "slovak": "sk",
    "bulgarian": "bg",
    "serbian": "sr",
    "croatian": "hr",
    "latin": "la",
    "greek": "el",
    "dutch": "nl",
    "swedish": "sv",
    "finnish": "fi",
    "danish": "da",
    "norwegian": "no",
    "hungarian": "hu",
    "romanian": "ro",
    "turkish": "tr",
    "japanese": "ja",
    "chinese": "zh",
    "korean": "ko",
    "hebrew": "he",
    "arabic": "ar",
    "lithuanian": "lt",
    "latvian": "lv",
    "estonian": "et",
    "georgian": "ka",
    "armenian": "hy",
    "kazakh": "kk",
}
LANGUAGE_NAMES: dict[str, str] = {
    code: name for name, code in LANGUAGE_CODES.items() if name not in ("ngerman",)
}

# What people write for "and others" at the end of a name list (English, Latin,
# Russian, Ukrainian), compared in lower case without braces or spaces at the ends.
ET_AL_MARKERS = frozenset(
    {
        "others",
        "et al.",
        "et al",
        "et alii",
        "и др.",
        "и др",
        "и другие",
        "та ін.",
        "та ін",
        "та інші",
        "і ін.",
        "і ін",
    }
)

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january", "янв", "січ"),
            ("feb", "february", "фев", "лют"),
            ("mar", "march", "мар", "бер"),
            ("apr", "april", "апр", "кві"),
            ("may", "май", "мая", "тра"),
            ("jun", "june", "июн", "чер"),
            ("jul", "july", "июл", "лип"),
            ("aug", "august", "авг", "сер"),
            ("sep", "sept", "september", "сен", "вер"),
            ("oct", "october", "окт", "жов"),
            ("nov", "november", "ноя", "лис"),
            ("dec", "december", "дек", "гру"),
        ],
        start=1,
    )
    for name in names
}
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# CSL 1.0.2 item types: an ``entrysubtype`` naming one restores a type no entry type says.
CSL_TYPES = ITEM_TYPES

# CSL 1.0.2 variables, so a field named after one (as the writer emits for variables
# BibTeX has no field for) reads back into it.
CSL_NAME_VARIABLES = NAME_VARIABLES
CSL_DATE_VARIABLES = DATE_VARIABLES
# the text and number variables, with the CSL 1.0.2 spec's names that csl-data.json lacks
CSL_TEXT_VARIABLES = frozenset(
    {
        "abstract",
        "annote",
        "archive",
        "archive_collection",
        "archive_location",
        "archive-place",
        "authority",
        "call-number",
        "chapter-number",
        "citation-key",
        "citation-label",
        "citation-number",
        "collection-number",
        "collection-title",
        "container-title",
        "container-title-short",
        "dimensions",
        "division",
        "DOI",
        "edition",
        "event",
        "event-title",
        "event-place",
        "first-reference-note-number",
        "genre",
        "ISBN",
        "ISSN",
        "issue",
        "jurisdiction",
        "keyword",
        "language",
        "license",
        "locator",
        "medium",
        "note",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "original-publisher",
        "original-publisher-place",
        "original-title",
        "page",
        "page-first",
        "part-number",
        "part-title",
        "PMCID",
        "PMID",
        "printing-number",
        "publisher",
        "publisher-place",
        "references",
        "reviewed-genre",
        "reviewed-title",
        "scale",
        "section",
        "source",
        "status",
        "supplement-number",
        "title",
        "title-short",
        "URL",
        "version",
        "volume",
        "volume-title",
        "volume-title-short",
        "year-suffix",
        "part",
        "printing",
        "supplement",
        "journalAbbreviation",  # legacy CSL-JSON (Zotero) spellings, still in the schema
        "shortTitle",
    }
)
