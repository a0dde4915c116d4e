"""RIS reader: types, tags, dates, names, tolerant parsing with Problems."""

from __future__ import annotations

import pytest

import cslkit
from cslkit.errors import InputError
from cslkit.readers.ris import READER, parse_ris_date, parse_ris_name


@pytest.fixture(scope="module")
def medical():
    from pathlib import Path

    items = cslkit.parse(Path(__file__).parent / "data" / "formats" / "medical.ris")
    assert items.problems == []
    return items


@pytest.mark.parametrize(
    ("ris_type", "csl_type"),
    [
        ("JOUR", "article-journal"),
        ("BOOK", "book"),
        ("CHAP", "chapter"),
        ("CONF", "paper-conference"),
        ("CPAPER", "paper-conference"),
        ("THES", "thesis"),
        ("RPRT", "report"),
        ("ELEC", "webpage"),
        ("WEB", "webpage"),
        ("PAT", "patent"),
        ("GEN", "document"),
        ("NEWS", "article-newspaper"),
        ("SLIDE", "speech"),
    ],
)
def test_types(ris_type, csl_type):
    (item,) = READER.read(f"TY  - {ris_type}\nTI  - T\nER  - \n")
    assert item["type"] == csl_type


def test_article_tags(medical):
    article = medical[0]
    assert article["author"][0] == {"family": "Коваленко", "given": "Олена Петрівна"}
    assert article["container-title"] == "Український кардіологічний журнал"
    assert article["container-title-short"] == "Укр кардіол журн"
    assert article["issued"] == {"date-parts": [[2019, 4, 5]]}
    assert (article["volume"], article["issue"], article["page"]) == ("26", "2", "45-52")
    assert article["ISSN"] == "1608-635X" and article["DOI"] == "10.5555/ucj.2019.2.45"
    assert article["keyword"] == "серцева недостатність, цукровий діабет"
    assert article["language"] == "uk"


def test_journal_full_and_abbreviated_names_pubmed_ids_and_particles(medical):
    item = medical[1]
    assert item["container-title"] == "The Lancet Neurology"
    assert item["container-title-short"] == "Lancet Neurol"
    assert item["issued"] == {"date-parts": [[2012, 3]]}
    assert item["PMID"] == "22341035" and item["PMCID"] == "PMC3342123"
    assert item["author"][1] == {
        "non-dropping-particle": "van der",
        "family": "Berg",
        "given": "Jan",
    }
    assert item["author"][2] == {"family": "Smith", "given": "John", "suffix": "Jr."}


def test_book_chapter_thesis_and_others(medical):
    by_type = {}
    for item in medical:
        by_type.setdefault(item["type"], item)
    book = by_type["book"]
    assert book["author"] == [{"literal": "World Health Organization"}]
    assert book["collection-title"] == "WHO Guidelines"
    assert book["number-of-pages"] == "62"  # a lone SP of a book is its page count
    assert book["ISBN"] == "978-92-4-003398-6" and "ISSN" not in book
    assert book["custom"]["ris"]["UR"] == ["https://example.org/mirror/9789240033986"]
    chapter = by_type["chapter"]
    assert [e["family"] for e in chapter["editor"]] == ["Мельник", "Ткаченко"]
    assert chapter["container-title"].startswith("Внутрішня медицина")
    assert by_type["thesis"]["genre"] == "Дисертація кандидата медичних наук"
    assert by_type["webpage"]["accessed"] == {"date-parts": [[2022, 2, 14]]}
    assert by_type["report"]["number"] == "CS301813"
    assert by_type["patent"]["issued"] == {"date-parts": [[2016, 1, 25]]}
    # A conference paper's T2 is the conference and C3 the proceedings (RIS, EndNote, Zotero).
    paper = by_type["paper-conference"]
    assert paper["event-title"] == "ESC Congress 2020"
    assert paper["container-title"] == "European Heart Journal" and "custom" not in paper
    assert medical[2]["note"] == "Статья на русском языке\nВторое примечание"


def test_quirky_file_is_read_with_problems(data_dir):
    items = cslkit.parse(data_dir / "formats" / "quirky.ris")
    assert [item["title"][:8] for item in items] == ["A record", "A record", "Запис бе"]
    codes = sorted(p.code for p in items.problems)
    assert codes == ["ris-record", "stray-ris-lines", "unterminated-record"]
    unterminated = next(p for p in items.problems if p.code == "unterminated-record")
    assert unterminated.position == 2 and "line 17" in unterminated.message


def test_missing_er_between_records_closes_the_first():
    items = READER.read("TY  - JOUR\nTI  - One\nTY  - BOOK\nTI  - Two\nER  - \n")
    assert [i["title"] for i in items] == ["One", "Two"]
    assert items.problems[0].code == "unterminated-record"


def test_continuation_lines_join_the_previous_tag():
    (item,) = READER.read("TY  - JOUR\nTI  - A long title\n  that goes on\nER  - \n")
    assert item["title"] == "A long title that goes on"


def test_ids_come_from_id_tag_or_author_and_year():
    items = READER.read(
        "TY  - JOUR\nID  - X1\nTI  - A\nER  - \n"
        "TY  - JOUR\nAU  - Smith, J\nPY  - 2001\nTI  - B\nER  - \n"
        "TY  - JOUR\nAU  - Smith, K\nPY  - 2001\nTI  - C\nER  - \n"
    )
    assert [i["id"] for i in items] == ["X1", "smith2001", "smith2001a"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2012/04/05/", {"date-parts": [[2012, 4, 5]]}),
        ("2012///", {"date-parts": [[2012]]}),
        ("2012/04//", {"date-parts": [[2012, 4]]}),
        ("2012///Spring", {"date-parts": [[2012]], "season": "Spring"}),
        ("2012-04-05", {"date-parts": [[2012, 4, 5]]}),
        ("in press", {"literal": "in press"}),
    ],
)
def test_dates(text, date):
    assert parse_ris_date(text) == date


def test_names():
    assert parse_ris_name("Smith JA") == {"family": "Smith", "given": "JA"}
    assert parse_ris_name("Гриценко, Андрій") == {"family": "Гриценко", "given": "Андрій"}
    assert parse_ris_name("World Health Organization") == {"literal": "World Health Organization"}


def test_not_ris_at_all_raises_input_error():
    with pytest.raises(InputError, match="not readable as RIS"):
        READER.read("just some words\nand more\n")


def test_detect():
    assert READER.detect("TY  - JOUR\nER  - ") > 0.9
    assert READER.detect("header\n\nTY  - JOUR\nTI  - x\nER  - \n") > 0.5
    assert READER.detect("@article{x,}") == 0.0


@pytest.mark.parametrize(
    ("da", "py", "issued", "kept"),
    [
        ("JAN 15", "2020", {"date-parts": [[2020, 1, 15]]}, None),  # Web of Science style
        ("2019/04/05/", "2019", {"date-parts": [[2019, 4, 5]]}, None),
        ("Spring", "2001", {"date-parts": [[2001]]}, {"DA": ["Spring"]}),
        ("2019/04//", "2018", {"date-parts": [[2019, 4]]}, {"PY": ["2018"]}),
    ],
)
def test_da_and_py_combine_and_nothing_is_dropped(da, py, issued, kept):
    (item,) = READER.read(f"TY  - JOUR\nTI  - x\nDA  - {da}\nPY  - {py}\nER  - \n")
    assert item["issued"] == issued
    assert (item.get("custom") or {}).get("ris") == kept
    from cslkit.writers.ris import WRITER

    (again,) = READER.read(WRITER.write([item]))
    assert again == item


def test_exporter_habits_zotero_time_of_access_and_endnote_doi_in_m3():
    from cslkit.writers.ris import WRITER

    text = (
        "TY  - JOUR\nTI  - Heart failure\nAU  - Smith, John\nT2  - Eur J Heart Fail\n"
        "DA  - 2020/05//\nPY  - 2020\nM3  - doi: 10.5555/ejhf.1234\n"
        "Y2  - 2021/03/04/17:03:51\nDP  - Wiley Online Library\nER  - \n"
    )
    (item,) = READER.read(text)
    assert item["DOI"] == "10.5555/ejhf.1234" and "genre" not in item
    assert item["accessed"] == {"date-parts": [[2021, 3, 4]]}
    written = WRITER.write([item])
    assert "Y2  - 2021/03/04/17:03:51" in written  # the time of access is not lost
    assert READER.read(written)[0] == item


def test_et_al_author_lines_set_the_flag_and_are_written_back():
    from cslkit.writers.ris import WRITER

    (item,) = READER.read("TY  - JOUR\nAU  - Doe, Jane\nAU  - et al.\nTI  - T\nER  - \n")
    assert item["author"] == [{"family": "Doe", "given": "Jane"}]
    assert item["custom"]["et-al"] is True
    assert "AU  - et al." in WRITER.write([item])


def test_rival_tags_are_kept_not_dropped():
    """Two tags for one variable (T2 and JF, JO and J2, TI and T1, AB and N2, a book's T2
    series and T3): the one not used is kept and written back, with its own tag."""
    from cslkit.formats import dumps

    source = (
        "TY  - JOUR\nTI  - Title\nT1  - Other title\nT2  - Journal\nJF  - Journal full\n"
        "JO  - J abbr\nJ2  - J alt\nAB  - Abstract\nN2  - Other abstract\nER  - \n"
        "TY  - BOOK\nTI  - Book\nT2  - Series\nT3  - Other series\nER  - \n"
    )
    items = READER.read(source)
    assert items[0]["container-title"] == "Journal" and items[0]["abstract"] == "Abstract"
    assert items[0]["container-title-short"] == "J abbr"
    written = dumps(items, "ris").splitlines()
    for line in (
        "T1  - Other title",
        "JF  - Journal full",
        "J2  - J alt",
        "N2  - Other abstract",
        "T3  - Other series",
    ):
        assert line in written
    assert list(READER.read("\n".join(written))) == list(items)
