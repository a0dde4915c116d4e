"""Property tests: any CSL item we can express survives CSL -> BibTeX/RIS -> CSL unchanged."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cslkit
from cslkit.formats import dumps

# Letters of the references we meet (Latin with diacritics, Cyrillic), digits, punctuation
# and every character LaTeX or BibTeX treat specially.
_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "éüøłßçñ"
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯёыэъ"
    "0123456789 .,:;!?()[]-–—'\"/&%$#_{}\\~^@=+*<>|`№«»"
)


def _clean(text: str) -> str:
    return " ".join(text.split())


texts = st.text(alphabet=_ALPHABET, min_size=1, max_size=40).map(_clean).filter(bool)
# Names as people spell them: letters, hyphens, apostrophes, dots, spaces.
_NAME_LETTERS = "".join(ch for ch in _ALPHABET if ch.isalpha()) + "-'. "
name_words = st.text(alphabet=_NAME_LETTERS, min_size=1, max_size=12).map(_clean)
names = st.builds(
    lambda family, given: {"family": family, "given": given},
    name_words.filter(lambda w: w[:1].isupper() and " " not in w),
    name_words.filter(lambda w: w[:1].isupper()),
)
dates = st.lists(st.integers(1, 12), max_size=1).flatmap(
    lambda month: st.builds(lambda year: {"date-parts": [[year, *month]]}, st.integers(1800, 2030))
)
items = st.fixed_dictionaries(
    {
        "id": st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True),
        "type": st.sampled_from(["article-journal", "book", "chapter", "report", "webpage"]),
        "title": texts,
        "author": st.lists(names, min_size=1, max_size=4),
        "issued": dates,
    },
    optional={
        "container-title": texts,
        "volume": st.integers(1, 300).map(str),
        "page": st.tuples(st.integers(1, 500), st.integers(1, 99)).map(
            lambda p: f"{p[0]}-{p[0] + p[1]}"
        ),
        "publisher": texts,
        "publisher-place": texts,
        "note": texts,
        "DOI": st.from_regex(r"10\.[0-9]{4}/[A-Za-z0-9._;()/-]{1,20}", fullmatch=True),
    },
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(items, min_size=1, max_size=3, unique_by=lambda item: item["id"]))
def test_bibtex_round_trip_of_arbitrary_items(generated):
    again = cslkit.parse(dumps(generated, "bibtex"), format="bibtex")
    assert again.problems == []
    for before, after in zip(generated, again, strict=True):
        for variable, value in before.items():
            assert after.get(variable) == value, (variable, dumps([before], "bibtex"))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(items, min_size=1, max_size=3, unique_by=lambda item: item["id"]))
def test_ris_round_trip_of_arbitrary_items(generated):
    again = cslkit.parse(dumps(generated, "ris"), format="ris")
    for before, after in zip(generated, again, strict=True):
        for variable, value in before.items():
            assert after.get(variable) == value, (variable, dumps([before], "ris"))


# BibTeX entries mixing every field the reader maps (aliases and rivals included:
# address+location, journal+booktitle, publisher+school, langid+language, date+year).
_FIELD_VALUES = {
    "title": texts,
    "subtitle": texts,
    "journal": texts,
    "journaltitle": texts,
    "booktitle": texts,
    "shortjournal": texts,
    "series": texts,
    "publisher": texts,
    "school": texts,
    "institution": texts,
    "organization": texts,
    "address": texts,
    "location": texts,
    "note": texts,
    "howpublished": texts,
    "type": texts,
    "edition": texts,
    "volume": st.integers(1, 99).map(str),
    "number": st.integers(1, 99).map(str),
    "issue": st.integers(1, 99).map(str),
    "pages": st.just("12--19"),
    "year": st.integers(1900, 2030).map(str),
    "month": st.sampled_from(["jan", "{May}", "7"]),
    "date": st.sampled_from(["2001-02-03", "1999", "2010/2012"]),
    "urldate": st.just("2020-01-02"),
    "doi": st.just("10.5555/x.1"),
    "url": st.just("https://example.org/a_b"),
    "langid": st.sampled_from(["russian", "klingon"]),
    "language": st.sampled_from(["ukrainian", "en"]),
    "keywords": texts,
    "eprint": st.just("12345678"),
    "eprinttype": st.sampled_from(["pubmed", "arxiv"]),
    "isbn": st.just("978-92-4-003398-6"),
    "pagetotal": st.just("62"),
    "unknownfield": texts,
}
entries = st.builds(
    lambda kind, fields: (kind, fields),
    st.sampled_from(
        [
            "article",
            "book",
            "incollection",
            "inbook",
            "inproceedings",
            "phdthesis",
            "mastersthesis",
            "techreport",
            "online",
            "misc",
            "patent",
            "manual",
        ]
    ),
    st.dictionaries(st.sampled_from(sorted(_FIELD_VALUES)), st.just(None), max_size=14).flatmap(
        lambda chosen: st.fixed_dictionaries({name: _FIELD_VALUES[name] for name in chosen})
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries)
def test_bibtex_csl_bibtex_keeps_every_field_of_arbitrary_entries(entry):
    from cslkit.latex import to_latex

    kind, fields = entry
    body = ",\n".join(
        f"  {name} = {value}"
        if name == "month" and not value.startswith("{")
        else f"  {name} = {{{value if name in ('pages', 'url', 'date') else to_latex(value)}}}"
        for name, value in fields.items()
    )
    source = f"@{kind}{{key,\n{body}\n}}\n"
    first = cslkit.parse(source, format="bibtex")
    again = cslkit.parse(dumps(first, "bibtex"), format="bibtex")
    assert list(again) == list(first), source


# RIS records mixing rival tags (T2/JO/JF/BT, J2/JA, AB/N2, PY/Y1/DA, A1/AU) and unknown ones.
_RIS_TAG_VALUES = {
    "AU": st.just("Doe, Jane"),
    "A1": st.just("Roe, R."),
    "A2": st.just("Editor, E."),
    "ED": st.just("Другий, Р."),
    "TI": texts,
    "T1": texts,
    "T2": texts,
    "T3": texts,
    "JO": texts,
    "JF": texts,
    "JA": texts,
    "J2": texts,
    "BT": texts,
    "ST": texts,
    "PY": st.sampled_from(["2001", "2001///", "1999/05/06/"]),
    "Y1": st.just("2002"),
    "DA": st.sampled_from(["2001/02/03/", "JAN 15", "Spring", "2003/04//"]),
    "Y2": st.sampled_from(["2020/01/02/", "2021/03/04/17:03:51"]),
    "VL": st.just("7"),
    "IS": st.just("2"),
    "SP": st.sampled_from(["12", "12-19"]),
    "EP": st.just("19"),
    "SN": st.sampled_from(["1608-635X", "978-92-4-003398-6"]),
    "DO": st.just("10.5555/x.1"),
    "UR": st.just("https://example.org/a"),
    "AB": texts,
    "N2": texts,
    "KW": texts.filter(lambda t: ", " not in t),
    "N1": texts,
    "LA": st.just("uk"),
    "PB": texts,
    "CY": texts,
    "ET": st.just("2nd"),
    "M1": st.just("7"),
    "M3": texts,
    "AN": st.just("12345678"),
    "DB": st.sampled_from(["PubMed", "Scopus"]),
    "C5": texts,
    # Tags whose meaning depends on the type (Zotero), and note lines holding variables.
    "C1": st.sampled_from(["2015/07/14/", "1:25000"]),
    "C2": st.sampled_from(["Walker, Helen", "PMC3342123"]),
    "C3": texts,
    "C6": texts,
    "DP": texts,
    "SV": st.just("12"),
    "N1 ": st.sampled_from(
        ["original-date: 1869", "original-author: Толстой || Лев", "Export Date: 13 July 2022"]
    ),
}
records = st.builds(
    lambda kind, tags: (kind, tags),
    st.sampled_from(
        ["JOUR", "BOOK", "CHAP", "CONF", "CPAPER", "THES", "RPRT", "ELEC", "PAT", "GEN"]
        + ["MAP", "ART", "COMP", "DATA", "CASE"]
    ),
    st.dictionaries(st.sampled_from(sorted(_RIS_TAG_VALUES)), st.just(None), max_size=14).flatmap(
        lambda chosen: st.fixed_dictionaries({tag: _RIS_TAG_VALUES[tag] for tag in chosen})
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records)
def test_ris_csl_ris_keeps_every_tag_of_arbitrary_records(record):
    kind, tags = record
    # "N1 " (a second N1, for note lines) is written as N1.
    lines = "".join(f"{t.strip()}  - {v}\n" for t, v in tags.items())
    source = f"TY  - {kind}\n" + lines + "ER  - \n"
    first = cslkit.parse(source, format="ris")
    written = dumps(first, "ris")
    again = cslkit.parse(written, format="ris")
    assert list(again) == list(first), source
    # And at the RIS level: every text value is written again (under its tag or a
    # synonym: T1 -> TI, JO -> J2, N2 -> AB, BT -> JF), rival tags' values included.
    values = {line.partition("  - ")[2] for line in written.splitlines()}
    for tag, value in tags.items():
        if tag not in ("PY", "Y1", "DA", "Y2", "SP", "EP", "UR", "DO", "AU", "A1", "A2", "ED"):
            assert value in values, (tag, value, source, written)


# Any CSL item, with any variables of the CSL 1.0.2 schema: CSL -> RIS -> CSL gives it back.
from cslkit.readers._ris_notes import (  # noqa: E402
    CSL_TYPES,
    DATE_VARIABLES,
    NAME_VARIABLES,
    TEXT_VARIABLES,
)

# Text as users paste it: runs of spaces, line breaks, no-break spaces, leading quotes.
raw_texts = st.text(alphabet=_ALPHABET + "\n\u00a0  ", min_size=1, max_size=30).filter(
    lambda t: t.strip()
)
any_names = st.one_of(
    names,
    st.builds(lambda text: {"literal": text}, texts),
    st.builds(lambda family: {"family": family}, name_words.filter(bool)),
    st.fixed_dictionaries(
        {"family": name_words.filter(bool), "given": name_words.filter(bool)},
        optional={
            "non-dropping-particle": st.sampled_from(["van der", "de"]),
            "dropping-particle": st.just("d'"),
            "suffix": st.sampled_from(["Jr.", "III"]),
        },
    ),
)
_parts = st.lists(st.integers(1, 12), max_size=2).flatmap(
    lambda rest: st.builds(lambda year: [year, *rest], st.integers(1000, 2030))
)
any_dates = st.one_of(
    st.builds(lambda first: {"date-parts": [first]}, _parts),
    st.builds(lambda a, b: {"date-parts": [a, b]}, _parts, _parts),
    st.builds(lambda p, s: {"date-parts": [p], "season": s}, _parts, st.integers(1, 4)),
    st.builds(lambda p: {"date-parts": [p], "circa": True}, _parts),
    st.builds(lambda text: {"literal": text}, texts),
    st.builds(lambda text: {"raw": text}, texts),
)


def _value_for(variable: str) -> st.SearchStrategy:
    if variable in NAME_VARIABLES:
        return st.lists(any_names, min_size=1, max_size=3)
    if variable in DATE_VARIABLES:
        return any_dates
    if variable == "categories":
        return st.lists(texts, min_size=1, max_size=3)
    return st.one_of(texts, raw_texts)


_ALL_VARIABLES = sorted(NAME_VARIABLES | DATE_VARIABLES | TEXT_VARIABLES | {"note"})
csl_items = st.builds(
    lambda kind, variables, ident: {"id": ident, "type": kind, **variables},
    st.sampled_from(sorted(CSL_TYPES)),
    st.lists(st.sampled_from(_ALL_VARIABLES), max_size=12, unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries({v: _value_for(v) for v in chosen})
    ),
    st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csl_items)
def test_csl_ris_csl_keeps_every_variable_of_arbitrary_items(item):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", cslkit.DataLossWarning)  # nothing may be given up
        text = dumps([item], "ris")
    (again,) = cslkit.parse(text, format="ris")
    assert again == item, text


def test_bibtex_keeps_given_names_that_read_as_and_or_hold_a_comma():
    # hypothesis found these: BibTeX splits names at a word "and" and parts at a comma
    authors = [{"family": "Smith", "given": "AND"}, {"family": "Lee", "given": "Ann and Bob"},
               {"family": "Doe", "given": "J., Jr"}]
    again = cslkit.parse(dumps([{"id": "a", "type": "book", "title": "T", "author": authors}], "bibtex"),
                         format="bibtex")
    assert again[0]["author"] == authors
