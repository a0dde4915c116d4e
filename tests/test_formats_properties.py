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
}
records = st.builds(
    lambda kind, tags: (kind, tags),
    st.sampled_from(["JOUR", "BOOK", "CHAP", "CONF", "THES", "RPRT", "ELEC", "PAT", "GEN"]),
    st.dictionaries(st.sampled_from(sorted(_RIS_TAG_VALUES)), st.just(None), max_size=14).flatmap(
        lambda chosen: st.fixed_dictionaries({tag: _RIS_TAG_VALUES[tag] for tag in chosen})
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records)
def test_ris_csl_ris_keeps_every_tag_of_arbitrary_records(record):
    kind, tags = record
    source = f"TY  - {kind}\n" + "".join(f"{t}  - {v}\n" for t, v in tags.items()) + "ER  - \n"
    first = cslkit.parse(source, format="ris")
    again = cslkit.parse(dumps(first, "ris"), format="ris")
    assert list(again) == list(first), source
