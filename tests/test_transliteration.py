"""Transliteration: the official tables' own examples, the tricky rules, and References items."""

from __future__ import annotations

import copy
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cslkit
from cslkit.errors import InputError
from cslkit.transliteration import detect_language, prepare_references, transliterate

# Examples printed in the table of Cabinet of Ministers resolution No. 55 (27 Jan 2010).
# fmt: off
UKRAINIAN_OFFICIAL = {
    "Алушта": "Alushta", "Андрій": "Andrii", "Борщагівка": "Borshchahivka",
    "Вінниця": "Vinnytsia", "Гадяч": "Hadiach", "Згорани": "Zghorany", "Ґалаґан": "Galagan",
    "Горгани": "Horhany", "Дон": "Don", "Рівне": "Rivne", "Єнакієве": "Yenakiieve",
    "Гаєвич": "Haievych", "Короп'є": "Koropie", "Житомир": "Zhytomyr", "Закарпаття": "Zakarpattia",
    "Медвин": "Medvyn", "Михайленко": "Mykhailenko", "Іванків": "Ivankiv", "Їжакевич": "Yizhakevych",
    "Кадиївка": "Kadyivka", "Мар'їне": "Marine", "Йосипівка": "Yosypivka", "Стрий": "Stryi",
    "Олексій": "Oleksii", "Київ": "Kyiv", "Лебедин": "Lebedyn", "Мелітополь": "Melitopol",
    "Миколаїв": "Mykolaiv", "Ніжин": "Nizhyn", "Одеса": "Odesa", "Полтава": "Poltava",
    "Решетилівка": "Reshetylivka", "Суми": "Sumy", "Тетерів": "Teteriv", "Ужгород": "Uzhhorod",
    "Фастів": "Fastiv", "Харків": "Kharkiv",
    "Біла Церква": "Bila Tserkva", "Чернівці": "Chernivtsi", "Шостка": "Shostka",
    "Гоща": "Hoshcha", "Русанівка": "Rusanivka", "Юрій": "Yurii", "Крюківка": "Kriukivka",
    "Яготин": "Yahotyn", "Ічня": "Ichnia", "Розгон": "Rozghon", "Знам'янка": "Znamianka",
    "Гайок": "Haiok", "Ульяна": "Uliana", "Соломія": "Solomiia", "Луцьк": "Lutsk",
}
# fmt: on


@pytest.mark.parametrize(("cyrillic", "latin"), sorted(UKRAINIAN_OFFICIAL.items()))
def test_ukrainian_official_examples(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, "uk") == latin


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("ЄВРОПА", "YEVROPA"),  # a multi-letter capital in an all-caps word
        ("ЩУКА ЗГОРАНИ", "SHCHUKA ZGHORANY"),
        ("Щука", "Shchuka"),
        ("Ковальчук-Єрмак", "Kovalchuk-Yermak"),  # a hyphen starts a new word
        ("(Юрченко), «Яна»", "(Yurchenko), «Yana»"),  # so does punctuation
        ("Знам\u2019янка Знам\u02bcянка", "Znamianka Znamianka"),  # typographic apostrophes
        ("'Яготин'", "'Yahotyn'"),  # quotes round a word are not apostrophes
        ("Ю. Я. Ярошенко", "Yu. Ya. Yaroshenko"),
        ("зг Зг ЗГ", "zgh Zgh ZGH"),
        ("Кардіологія, 2015; 3(4): 12–15", "Kardiolohiia, 2015; 3(4): 12–15"),
    ],
)
def test_ukrainian_tricky_rules(text: str, latin: str) -> None:
    assert transliterate(text, "uk") == latin


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        (
            "Журнал неврологии и психиатрии им. С.С. Корсакова",
            "Zhurnal nevrologii i psikhiatrii im. S.S. Korsakova",
        ),  # as PubMed spells it
        ("Вопросы питания", "Voprosy pitaniia"),
        ("Щёкин Юрьев Подъячев Эрдели", "Shchekin Iurev Podiachev Erdeli"),
        ("Ёлкин Яковлев Йошкар-Ола", "Elkin Iakovlev Ioshkar-Ola"),
        ("ЖУРНАЛ ЩИТ", "ZHURNAL SHCHIT"),
        ("Розгон", "Rozgon"),  # "зг" is special in Ukrainian only
    ],
)
def test_russian_library_of_congress(text: str, latin: str) -> None:
    assert transliterate(text, "ru") == latin


def test_language_tags_and_unknown_language() -> None:
    assert transliterate("Юрій", "uk-UA") == transliterate("Юрій", "ukr") == "Yurii"
    assert cslkit.transliterate("Юрий", lang="ru-RU") == "Iurii"
    with pytest.raises(InputError):
        transliterate("Юрій", "de")


CYRILLIC_WORDS = st.text(
    alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯЁЫЭЪ -'.,",
    max_size=60,
)


@given(CYRILLIC_WORDS, st.sampled_from(["uk", "ru"]))
def test_cyrillic_becomes_ascii(text: str, lang: str) -> None:
    assert transliterate(text, lang).isascii()


@given(
    st.text(alphabet=st.characters(exclude_categories=("Cs",), max_codepoint=0x3FF)),
    st.sampled_from(["uk", "ru"]),
)
def test_latin_text_unchanged(text: str, lang: str) -> None:
    assert transliterate(text, lang) == text


UK_ARTICLE = {
    "id": "Koval2015",
    "type": "article-journal",
    "language": "uk",
    "author": [
        {"family": "Коваленко", "given": "Юрій Ярославович"},
        {"family": "Щербак", "given": "ЄЮ"},
    ],
    "title": "Гострий панкреатит у дітей",
    "container-title": "Хірургія дитячого віку",
    "publisher-place": "Київ",
    "volume": "3",
    "page": "12-15",
    "issued": {"date-parts": [[2015]]},
    "custom": {"translated-title": "Acute pancreatitis in children"},
}


def test_prepare_references_ukrainian_item() -> None:
    original = copy.deepcopy(UK_ARTICLE)
    items, suffixes = prepare_references([UK_ARTICLE])
    assert original == UK_ARTICLE  # the input is not mutated
    item = items[0]
    assert item["author"] == [
        {"family": "Kovalenko", "given": "Yurii Yaroslavovych"},
        {"family": "Shcherbak", "given": "Ye Yu"},
    ]
    assert item["title"] == "Hostryi pankreatyt u ditei [Acute pancreatitis in children]"
    assert item["container-title"] == "Khirurhiia dytiachoho viku"
    assert item["publisher-place"] == "Kyiv"
    assert item["page"] == "12-15"
    assert item["language"] == "en"
    assert item["custom"]["original-language"] == "uk"
    assert suffixes == {"Koval2015": "[in Ukrainian]"}


def test_prepare_references_detects_language_and_passes_latin_items() -> None:
    russian = {
        "id": "r",
        "type": "book",
        "title": "Хирургия поджелудочной железы",
        "author": [{"family": "Щёкин", "given": "Юрий"}],
    }
    ukrainian = {"id": "u", "type": "book", "title": "Хірургія підшлункової залози"}
    english = {"id": "e", "type": "book", "title": "Surgery", "language": "uk"}
    items, suffixes = prepare_references([russian, ukrainian, english])
    assert items[0]["title"] == "Khirurgiia podzheludochnoi zhelezy"
    assert items[0]["author"][0] == {"family": "Shchekin", "given": "Iurii"}
    assert items[1]["title"] == "Khirurhiia pidshlunkovoi zalozy"
    assert items[2] == english and items[2] is not english
    assert suffixes == {"r": "[in Russian]", "u": "[in Ukrainian]"}


def test_declared_language_wins_over_letters() -> None:
    assert detect_language({"title": "Щёкин", "language": "uk-UA"}) == "uk"
    assert detect_language({"title": "Соломія"}) == "uk"
    assert detect_language({"title": "Эхо"}) == "ru"
    assert detect_language({"title": "Echo", "language": "ru"}) is None


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cslkit", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_transliterate_argument_stdin_and_bad_language() -> None:
    done = run_cli("transliterate", "Знам'янка, Згорани")
    assert (done.returncode, done.stdout) == (0, "Znamianka, Zghorany\n")
    done = run_cli("transliterate", "-", "--lang", "ru", stdin="Юрий\nЩёкин\n")
    assert (done.returncode, done.stdout) == (0, "Iurii\nShchekin\n")
    done = run_cli("transliterate", "x", "--lang", "de")
    assert done.returncode == 2
    assert done.stderr.startswith("cslkit: error: unknown language 'de'")
    assert done.stdout == ""


def test_english_work_with_cyrillic_author_names_gets_no_language_note() -> None:
    item = {
        "id": "x",
        "type": "article-journal",
        "title": "Pancreatitis in children",
        "author": [{"family": "Коваленко", "given": "Юрій"}],
        "custom": {"translated-title": "ignored: the title is already English"},
    }
    [prepared], suffixes = prepare_references([item])
    assert prepared["author"] == [{"family": "Kovalenko", "given": "Yurii"}]
    assert prepared["title"] == "Pancreatitis in children"
    assert "language" not in prepared
    assert suffixes == {}


def test_references_list_through_the_renderer() -> None:
    [entry] = cslkit.render([UK_ARTICLE], style="vancouver", transliterate=True)
    assert entry.startswith("1. Kovalenko YY, Shcherbak YY. Hostryi pankreatyt u ditei ")
    assert "[Acute pancreatitis in children]" in entry
    assert entry.endswith("[in Ukrainian]")
    assert not any("\u0400" <= char <= "\u04ff" for char in entry)  # no Cyrillic left


CYRILLIC_ITEMS = [
    {"id": "book", "type": "book", "language": "uk", "title": "Клінічна фармакологія",
     "author": [{"family": "Бабак", "given": "О. Я."}], "edition": "2-ге вид., переробл.",
     "publisher-place": "Київ", "publisher": "Медицина", "issued": {"date-parts": [[2010]]},
     "collection-title": "Бібліотека лікаря", "collection-number": "Вип. 3", "number-of-pages": "552",
     "note": "Гриф МОЗ", "custom": {"translated-title": "Клінічна фармакологія"}},
    {"id": "patent", "type": "patent", "language": "uk", "title": "Спосіб діагностики",
     "author": [{"family": "Іваненко", "given": "І. І."}], "number": "112233", "jurisdiction": "Україна",
     "genre": "МПК A61B 5/00", "issued": {"date-parts": [[2017, 5, 10]]}},
    {"id": "law", "type": "legislation", "language": "ru", "title": "О здравоохранении", "genre": "Закон",
     "number": "№ 15-ФЗ", "status": "в ред. от 01.01.2020", "issued": {"date-parts": [[2011, 11, 21]]},
     "container-title": "Собрание законодательства", "issue": "Вып. 48", "volume": "Т. 2"},
    {"id": "thesis", "type": "thesis", "language": "uk", "title": "Ендометріоз",
     "author": [{"family": "Коваль", "given": "С. М."}], "genre": "дис. … канд. мед. наук",
     "publisher": "Нац. мед. ун-т", "publisher-place": "Київ", "issued": {"date-parts": [[2015]]}},
]


@pytest.mark.parametrize("style", ["vancouver", "apa", "harvard-cite-them-right", "ieee"])
def test_a_transliterated_list_has_no_cyrillic_left(style: str) -> None:
    entries = cslkit.render(CYRILLIC_ITEMS, style=style, transliterate=True)
    assert len(entries) == len(CYRILLIC_ITEMS)
    for entry in entries:
        assert not any("\u0400" <= ch <= "\u04ff" for ch in entry), entry
