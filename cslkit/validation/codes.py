"""Every problem code cslkit's checkers emit: severity, meaning and an example.

The README's problem-code table is written from this table (and a test keeps the two
in step), so a code is added here first. Severity "error" means the item is not valid
CSL-JSON (the official schema rejects it) or a CSL processor will mishandle it;
"warning" means the data is readable but probably wrong or incomplete; "info" records a
change the normaliser or the enricher made.
"""

from __future__ import annotations

from typing import NamedTuple

from cslkit.model import Problem, Severity


class CodeInfo(NamedTuple):
    severity: Severity
    meaning: str
    example: str


CODES: dict[str, CodeInfo] = {
    # -- structure: the CSL-JSON schema rejects these ----------------------------------
    "not-an-item": CodeInfo(
        "error", "an entry of the list is not a JSON object", '`"Smith 2010"` in the array'
    ),
    "missing-id": CodeInfo("error", "the item has no `id`", '`{"type": "book", "title": "X"}`'),
    "invalid-id": CodeInfo("error", "`id` is neither a string nor a number", '`"id": true`'),
    "duplicate-id": CodeInfo(
        "error",
        "two items share an id; citations would point at the wrong one",
        'two items with `"id": "smith2010"`',
    ),
    "duplicate-id-case": CodeInfo(
        "error",
        "ids differ only in letter case, which citeproc-py treats as the same id",
        '`"Smith2010"` and `"smith2010"`',
    ),
    "missing-type": CodeInfo("error", "the item has no `type`", '`{"id": "a", "title": "X"}`'),
    "unknown-type": CodeInfo(
        "error",
        "`type` is not one of the CSL 1.0.2 item types",
        '`"type": "journal-article"` (CSL says `article-journal`)',
    ),
    "unknown-variable": CodeInfo(
        "error",
        "a top-level key that CSL-JSON does not define",
        '`"journal": "Lancet"` (use `container-title`, or put it under `custom`)',
    ),
    "invalid-names": CodeInfo(
        "error", "a name variable is not a list of name objects", '`"author": "Smith J"`'
    ),
    "invalid-name-part": CodeInfo(
        "error",
        "a name object has an unknown key or a value of the wrong type",
        '`{"family": "Smith", "initials": "J"}`',
    ),
    "invalid-date": CodeInfo(
        "error",
        "a date variable is not a CSL date object with 1–2 `date-parts` of 1–3 parts",
        '`"issued": "2012"` or `"issued": {"date-parts": [[]]}`',
    ),
    "invalid-value-type": CodeInfo(
        "error",
        "a variable holds a JSON type CSL does not allow there",
        '`"title": 42`, `"volume": true`',
    ),
    "invalid-custom": CodeInfo("error", "`custom` is not a JSON object", '`"custom": "checked"`'),
    # -- content: readable but doubtful ---------------------------------------------
    "missing-title": CodeInfo(
        "warning", "the item has no title", "an article with authors and pages but no `title`"
    ),
    "missing-field": CodeInfo(
        "warning",
        "a field the chosen style (Vancouver, DSTU 8302) needs for this item type is absent",
        "an `article-journal` without `container-title`",
    ),
    "empty-field": CodeInfo(
        "warning", "a variable is present but empty", '`"volume": ""`, `"author": []`'
    ),
    "empty-name": CodeInfo(
        "warning", "a name has neither `family` nor `literal`", '`{"given": "J."}`'
    ),
    "et-al-in-names": CodeInfo(
        "warning",
        '"et al." (or "та ін.", "и др.") was entered as a name',
        '`{"literal": "et al."}`',
    ),
    "suspicious-name": CodeInfo(
        "warning",
        "a name part looks like something else: digits, a whole author list, or initials in `family`",
        '`{"family": "Smith J, Doe A"}`',
    ),
    "non-numeric-date-part": CodeInfo(
        "warning", "a date part is not a number", '`"date-parts": [["2012", "Apr"]]`'
    ),
    "impossible-date": CodeInfo(
        "warning", "a month or day that no calendar has", "`[[2013, 2, 30]]`, `[[2013, 13]]`"
    ),
    "future-year": CodeInfo(
        "warning", "the year is after the current year", "`issued` 2031 in a list checked in 2026"
    ),
    "year-before-1500": CodeInfo(
        "warning", "the year is before 1500 (usually a typo or a page number)", "`issued` 201"
    ),
    "reversed-page-range": CodeInfo(
        "warning",
        "the last page is lower than the first (after expanding abbreviated ranges)",
        '`"page": "245-239"`',
    ),
    "invalid-page": CodeInfo(
        "warning",
        "`page` does not look like a page, a range or an article number",
        '`"page": "pp. ??"`',
    ),
    "retracted-title": CodeInfo(
        "warning",
        "the title says the work was retracted or withdrawn",
        '`"title": "RETRACTED: Vitamin D and ..."`',
    ),
    "abbreviated-place": CodeInfo(
        "warning",
        "a city abbreviated the GOST way (`К.`, `М.`, `СПб.`) in a Ukrainian or Russian item; DSTU 8302:2015 and the References list want it written out",
        '`"publisher-place": "К."` (write `"Київ"`)',
    ),
    "translated-title-not-english": CodeInfo(
        "warning",
        "`custom.translated-title` (printed in brackets in the References list) is Cyrillic, not the English title",
        '`"translated-title": "Клінічна фармакологія"`',
    ),
    "invalid-issn": CodeInfo(
        "warning",
        "an ISSN with the wrong shape or check digit",
        '`"ISSN": "0028-4794"` (should end in 3)',
    ),
    "invalid-isbn": CodeInfo(
        "warning", "an ISBN with the wrong length or check digit", '`"ISBN": "978-0-306-40615-6"`'
    ),
    "invalid-doi": CodeInfo(
        "warning",
        "a DOI that does not match `10.NNNN/suffix`",
        '`"DOI": "10.1056/NEJ"` is fine, `"DOI": "doi 1056/NEJM"` is not',
    ),
    "invalid-pmid": CodeInfo("warning", "a PMID that is not 1–8 digits", '`"PMID": "PMC3159423"`'),
    "invalid-pmcid": CodeInfo(
        "warning", "a PMCID that is not `PMC` followed by digits", '`"PMCID": "3159423x"`'
    ),
    "invalid-url": CodeInfo(
        "warning",
        "a URL without an http(s)/ftp scheme and host, or with spaces",
        '`"URL": "www.example"`',
    ),
    "misplaced-identifier": CodeInfo(
        "warning",
        "a DOI, PMID or PMCID is written inside the title, note or another field instead of its own",
        '`"note": "PMID: 23353941"` and no `PMID`',
    ),
    "invalid-language": CodeInfo(
        "warning",
        "`language` is not a language code (DSTU rendering and transliteration depend on it)",
        '`"language": "Ukrainian"`',
    ),
    "low-confidence-field": CodeInfo(
        "warning",
        "the free-text parser was unsure about this field; check it against the original",
        '`custom["low-confidence"] = ["container-title"]`',
    ),
    "possible-duplicate": CodeInfo(
        "warning",
        "two items look like the same work (same DOI/PMID, or similar title, same year and first author)",
        "the same article pasted twice with different punctuation",
    ),
    "inconsistent-container-title": CodeInfo(
        "warning",
        "one journal is written in two ways in the list; the commonest spelling should win (`cslkit normalise` makes it win)",
        '`"Lik Sprava"` in five items, `"Lik. sprava"` in one',
    ),
    # -- changes made by normalise / enrich ---------------------------------------------
    "normalised-name": CodeInfo(
        "info",
        "a name was split or cleaned (initials, particles, group authors)",
        '`"Smith JA"` → `{"family": "Smith", "given": "J. A."}`',
    ),
    "removed-et-al": CodeInfo(
        "info",
        '"et al." was removed from a name list (recorded as `custom["et-al"] = true`, `et-al-editor` for editors)',
        '`[..., {"literal": "et al."}]` → `[...]`',
    ),
    "normalised-date": CodeInfo(
        "info",
        "a printed or raw date became `date-parts`",
        '`{"raw": "2012 Apr 5"}` → `[[2012, 4, 5]]`',
    ),
    "normalised-page": CodeInfo(
        "info",
        "page dashes normalised, an abbreviated range expanded, or an article number moved",
        '`"1073–9"` → `"1073-1079"`',
    ),
    "normalised-place": CodeInfo(
        "info",
        "a city abbreviated the GOST way in a Ukrainian or Russian item was written out",
        '`"publisher-place": "К."` → `"Київ"`',
    ),
    "normalised-identifier": CodeInfo(
        "info",
        "a DOI, PMID, PMCID, ISSN, ISBN or URL was cleaned",
        '`"https://doi.org/10.1000/ABC"` → `"10.1000/abc"`',
    ),
    "moved-identifier": CodeInfo(
        "info",
        "an identifier found in the title, note, URL or another field was moved to its own field",
        '`note: "PMID: 123456"` → `"PMID": "123456"`',
    ),
    "normalised-container-title": CodeInfo(
        "info",
        "a journal title and its abbreviation were put in `container-title` / `container-title-short`, or a journal was written as the rest of the list writes it",
        '`"N Engl J Med"` → short form, full title filled in; `"Lik. sprava"` → `"Lik Sprava"`',
    ),
    "normalised-type": CodeInfo(
        "info",
        "a common non-CSL type name was mapped to its CSL type",
        '`"journalArticle"` → `"article-journal"`',
    ),
    "set-language": CodeInfo(
        "info", "`language` was set from the title and names", '`"language": "uk"`'
    ),
    "normalised-text": CodeInfo(
        "info",
        "stray whitespace or trailing punctuation was removed from a text field",
        '`"title": " Aspirin. "` → `"Aspirin"`',
    ),
    "merged-duplicate": CodeInfo(
        "info",
        "two duplicate items were merged into one, keeping every field",
        "`b` merged into `a`",
    ),
    "enriched-field": CodeInfo(
        "info",
        "a missing field was filled from Crossref or PubMed",
        '`"volume": "12"` from Crossref',
    ),
    "enrichment-conflict": CodeInfo(
        "warning",
        "Crossref or PubMed has a different value than the item (kept unless `--overwrite`)",
        'item `"page": "12-19"`, Crossref `"12-18"`',
    ),
    "enrichment-failed": CodeInfo(
        "warning",
        "the online lookup for this item failed or found nothing",
        "DOI unknown to Crossref",
    ),
    # -- reported while reading (readers, the free-text parser) and syncing ----------------
    "unreadable-item": CodeInfo(
        "error",
        "a CSL-JSON (Lines) entry could not be parsed and was skipped",
        "a line of a .jsonl file with a missing brace",
    ),
    "unreadable-entry": CodeInfo(
        "error",
        "a BibTeX entry could not be read and was skipped",
        "`@article{key, title = {unclosed`",
    ),
    "duplicate-key": CodeInfo(
        "warning",
        "a BibTeX entry key is used twice; the second entry was given a new id",
        "two `@article{smith2010,` entries",
    ),
    "duplicate-field": CodeInfo(
        "warning",
        "a BibTeX entry repeats a field; the first value was kept",
        "`title = {A}, title = {B}`",
    ),
    "repaired-names": CodeInfo(
        "warning",
        'a BibTeX name list was not separated by "and"; cslkit split it and says how',
        "`author = {Smith, J., Doe, A.}`",
    ),
    "missing-comma": CodeInfo(
        "warning",
        "a BibTeX entry lacks a comma between fields; it was read as if it were there",
        "`year = 2010 pages = {1-2}`",
    ),
    "undefined-macro": CodeInfo(
        "warning",
        "a BibTeX entry uses an @string macro that is not defined",
        "`journal = jcard` without `@string{jcard = ...}`",
    ),
    "missing-crossref": CodeInfo(
        "warning",
        "a BibTeX entry's crossref points at an entry that is not in the file",
        "`crossref = {proc2010}` with no `@proceedings{proc2010,`",
    ),
    "ris-record": CodeInfo(
        "warning",
        "a RIS record needed a repair (missing TY or ER, unknown tag)",
        "a record that ends without `ER  -`",
    ),
    "unterminated-record": CodeInfo(
        "warning",
        "a RIS record has no ER line; it was closed at the next TY or the end of the file",
        "a record that runs into the next `TY  -`",
    ),
    "unreadable-record": CodeInfo(
        "error", "a RIS record could not be read and was skipped", "a record with broken tags"
    ),
    "stray-ris-lines": CodeInfo(
        "warning", "lines outside any RIS record were ignored", "notes typed between two records"
    ),
    "zotero-json-in-csl-json": CodeInfo(
        "warning",
        "a Zotero API object was found in CSL-JSON input and converted",
        '`{"itemType": "journalArticle", ...}` in a .json file',
    ),
    "zotero-not-a-reference": CodeInfo(
        "info", "a Zotero note or attachment was skipped", 'an item with `"itemType": "note"`'
    ),
    "no-references-found": CodeInfo(
        "warning",
        "the free-text parser found no reference in the text",
        "an empty or non-bibliographic text",
    ),
    "not-a-reference": CodeInfo(
        "info",
        "a line of pasted text was skipped as not a reference",
        'a heading such as "References"',
    ),
    "reference-too-long": CodeInfo(
        "warning",
        "a pasted reference is too long and was cut before parsing (the list was probably not split)",
        "two references run together on one line",
    ),
    "unplaced-text": CodeInfo(
        "warning",
        "words of a pasted reference that the free-text parser put in no field (kept in `custom.unplaced`)",
        '"Publication rates of abstracts presented" left out of the title',
    ),
    "no-title-found": CodeInfo(
        "warning",
        "the free-text parser recognised no title in a reference",
        "a line holding only authors and a year",
    ),
    "zotero-conflict": CodeInfo(
        "error",
        "a field changed both locally and in the Zotero group (a warning once resolved by --prefer)",
        "`title` edited on both sides",
    ),
    "zotero-write-failed": CodeInfo(
        "error", "the Zotero server refused an item", "HTTP 413 for an oversized item"
    ),
}


def problem(
    code: str,
    item_id: str | None,
    field: str | None,
    message: str,
    hint: str | None = None,
    position: int | None = None,
) -> Problem:
    """A :class:`Problem` whose severity comes from :data:`CODES` (so codes stay documented)."""
    return Problem(code, CODES[code].severity, item_id, field, message, hint, position)
