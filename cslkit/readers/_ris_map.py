"""RIS <-> CSL tables shared by the RIS reader and writer.

Facts from the RIS specification (reference types and tags) and what common exporters
(EndNote, Zotero, PubMed, Scopus) write; the mapping choices are ours.
"""

from __future__ import annotations

# RIS reference type -> CSL type.
TYPE_TO_CSL: dict[str, str] = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "EJOUR": "article-journal",
    "ABST": "article-journal",
    "INPR": "article-journal",
    "MGZN": "article-magazine",
    "NEWS": "article-newspaper",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "WHOLE": "book",
    "SER": "book",
    "CTLG": "book",
    "CLSWK": "classic",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "THES": "thesis",
    "RPRT": "report",
    "GOVDOC": "report",
    "ELEC": "webpage",
    "WEB": "webpage",
    "ICOMM": "webpage",
    "BLOG": "post-weblog",
    "PAT": "patent",
    "GEN": "document",
    "UNPB": "manuscript",
    "UNPD": "manuscript",
    "MANSCPT": "manuscript",
    "DATA": "dataset",
    "COMP": "software",
    "STAND": "standard",
    "STAT": "legislation",
    "BILL": "bill",
    "CASE": "legal_case",
    "HEAR": "hearing",
    "DICT": "entry-dictionary",
    "ENCYC": "entry-encyclopedia",
    "MAP": "map",
    "MPCT": "motion_picture",
    "VIDEO": "motion_picture",
    "SOUND": "song",
    "MUSIC": "song",
    "ART": "graphic",
    "FIGURE": "figure",
    "PCOMM": "personal_communication",
    "PAMP": "pamphlet",
    "BROADCAST": "broadcast",
    "SLIDE": "speech",  # Zotero's presentation, which it cites as a CSL speech
}

CSL_TO_TYPE: dict[str, str] = {
    "article-journal": "JOUR",
    "article": "JOUR",
    "review": "JOUR",
    "review-book": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "classic": "CLSWK",
    "chapter": "CHAP",
    "paper-conference": "CPAPER",
    "thesis": "THES",
    "report": "RPRT",
    "webpage": "ELEC",
    "post": "ELEC",
    "post-weblog": "BLOG",
    "patent": "PAT",
    "document": "GEN",
    "manuscript": "UNPB",
    "dataset": "DATA",
    "software": "COMP",
    "standard": "STAND",
    "legislation": "STAT",
    "bill": "BILL",
    "legal_case": "CASE",
    "hearing": "HEAR",
    "entry-dictionary": "DICT",
    "entry-encyclopedia": "ENCYC",
    "entry": "ENCYC",
    "map": "MAP",
    "motion_picture": "MPCT",
    "song": "SOUND",
    "graphic": "ART",
    "figure": "FIGURE",
    "personal_communication": "PCOMM",
    "pamphlet": "PAMP",
    "broadcast": "BROADCAST",
    "speech": "SLIDE",
}

# Author tags -> CSL name variable. A2 is the secondary author: the editor of the book
# or proceedings a chapter or paper is in.
NAME_TAGS: dict[str, str] = {
    "AU": "author",
    "A1": "author",
    "A2": "editor",
    "ED": "editor",
    "A3": "collection-editor",
    "A4": "translator",
}
WRITE_NAME_TAGS: dict[str, str] = {
    "author": "AU",
    "editor": "A2",
    "collection-editor": "A3",
    "translator": "A4",
}

# Tags with one plain meaning -> CSL variable (first value wins; the writer uses these).
TEXT_TAGS: dict[str, str] = {
    "ST": "title-short",
    "T3": "collection-title",
    "VL": "volume",
    "IS": "issue",
    "NV": "number-of-volumes",
    "ET": "edition",
    "SE": "section",
    "OP": "original-title",
    "CN": "call-number",
    "LA": "language",
    "PB": "publisher",
    "CY": "publisher-place",
    "M1": "number",
    "M3": "genre",
    "DO": "DOI",
    "RI": "reviewed-title",
}
# Types whose T2 is a series title rather than the work they are part of.
T2_IS_SERIES = frozenset({"BOOK", "EBOOK", "EDBOOK", "WHOLE", "THES", "RPRT", "GOVDOC", "CLSWK"})
# Types whose lone SP is the number of pages of the whole work.
SP_IS_PAGE_COUNT = frozenset({"BOOK", "EBOOK", "EDBOOK", "WHOLE", "THES", "CLSWK", "RPRT"})

# Tags whose meaning depends on the type, as Zotero's RIS translator reads and writes
# them (a book section's C2 is its book's author, a patent's C1 its filing date, ...),
# keyed by CSL type. They are read before TEXT_TAGS, so a software's ET is its version.
TYPED_TAGS: dict[str, dict[str, str]] = {
    "chapter": {"C2": "container-author"},
    "patent": {"C1": "submitted", "C3": "jurisdiction", "C5": "references", "C6": "status"},
    "map": {"C1": "scale"},
    "graphic": {"C3": "dimensions"},
    "software": {"ET": "version"},
    "dataset": {"ET": "version"},
}
# Tags for every type: Zotero's archive (DB), archive location (AN), library catalog (DP,
# which Zotero cites as CSL source) and a book section's series number (SV).
ARCHIVE_TAGS: dict[str, str] = {
    "DB": "archive",
    "AN": "archive_location",
    "DP": "source",
    "SV": "collection-number",
}
# A conference paper's T2 is the conference and C3 the proceedings (RIS specification,
# EndNote and Zotero). Many exporters write only T2, for the proceedings, so T2 is read
# as the conference only when C3 is there too.
CONFERENCE_TYPES = frozenset({"CONF", "CPAPER"})
