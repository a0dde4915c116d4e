"""What CSL-JSON 1.0.2 allows: item types, variables by kind, name and date keys.

Facts from the CSL 1.0.2 specification and its JSON schema (csl-data.json), kept in one
place for every stage: readers, normalisers, validation, the Zotero mapping.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ITEM_TYPES = _words(
    "article article-journal article-magazine article-newspaper bill book broadcast chapter "
    "classic collection dataset document entry entry-dictionary entry-encyclopedia event "
    "figure graphic hearing interview legal_case legislation manuscript map motion_picture "
    "musical_score pamphlet paper-conference patent performance periodical "
    "personal_communication post post-weblog regulation report review review-book software "
    "song speech standard thesis treaty webpage"
)

NAME_VARIABLES = _words(
    "author chair collection-editor compiler composer container-author contributor curator "
    "director editor editorial-director executive-producer guest host interviewer "
    "illustrator narrator organizer original-author performer producer recipient "
    "reviewed-author script-writer series-creator translator"
)

DATE_VARIABLES = _words("accessed available-date event-date issued original-date submitted")

# Variables that may be a string or a number.
NUMBER_VARIABLES = _words(
    "chapter-number citation-number collection-number edition first-reference-note-number "
    "issue locator number number-of-pages number-of-volumes page page-first part printing "
    "supplement volume"
)

STRING_VARIABLES = _words(
    "citation-key language journalAbbreviation shortTitle abstract annote archive "
    "archive_collection archive_location archive-place authority call-number citation-label "
    "collection-title container-title container-title-short dimensions division DOI event "
    "event-title event-place genre ISBN ISSN jurisdiction keyword medium note "
    "original-publisher original-publisher-place original-title part-title PMCID PMID "
    "publisher publisher-place references reviewed-genre reviewed-title scale section source "
    "status title title-short URL version volume-title volume-title-short year-suffix"
)

# Top-level keys that are not variables in the narrow sense.
OTHER_KEYS = frozenset({"id", "type", "categories", "custom"})

ALL_KEYS = NAME_VARIABLES | DATE_VARIABLES | NUMBER_VARIABLES | STRING_VARIABLES | OTHER_KEYS

NAME_STRING_KEYS = frozenset(
    {"family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal"}
)
# Flags CSL lets be a string, a number or a boolean.
NAME_FLAG_KEYS = frozenset({"comma-suffix", "static-ordering", "parse-names"})
NAME_KEYS = NAME_STRING_KEYS | NAME_FLAG_KEYS

DATE_KEYS = frozenset({"date-parts", "season", "circa", "literal", "raw"})

# Type names other tools write, mapped to CSL: Zotero's item types, BibTeX/RIS habits.
TYPE_ALIASES: dict[str, str] = {
    "journalarticle": "article-journal",
    "journal-article": "article-journal",
    "journal_article": "article-journal",
    "article-in-journal": "article-journal",
    "magazinearticle": "article-magazine",
    "newspaperarticle": "article-newspaper",
    "booksection": "chapter",
    "inbook": "chapter",
    "incollection": "chapter",
    "book-chapter": "chapter",
    "book-section": "chapter",
    "conferencepaper": "paper-conference",
    "inproceedings": "paper-conference",
    "proceedings-article": "paper-conference",
    "conference-paper": "paper-conference",
    "proceedings": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "dissertation": "thesis",
    "techreport": "report",
    "web-page": "webpage",
    "website": "webpage",
    "online": "webpage",
    "blogpost": "post-weblog",
    "forumpost": "post",
    "computerprogram": "software",
    "presentation": "speech",
    "misc": "document",
    "generic": "document",
    "statute": "legislation",
    "case": "legal_case",
    "encyclopediaarticle": "entry-encyclopedia",
    "dictionaryentry": "entry-dictionary",
    "letter": "personal_communication",
    "email": "personal_communication",
    "film": "motion_picture",
    "videorecording": "motion_picture",
    "audiorecording": "song",
    "artwork": "graphic",
    "preprint": "article",
}
