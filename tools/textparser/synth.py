"""Synthetic labelled references: CSL-JSON items rendered by citeproc-py through many styles.

Items come from the real Cyrillic bibliographies in ../shared/data/cyrillic-bib (read with
cslkit's BibTeX reader), the CSL test-suite inputs, and generated Ukrainian, Russian and
English medical articles, books, chapters and theses. Each item is rendered through the
styles in ../shared/data/csl-styles and cslkit's own styles/ (DSTU 8302) in en/ru/uk
locales. Every field value is wrapped in private-use marker characters before rendering,
so after rendering the markers say which variable produced which span; they are then
stripped. Noise real manuscripts have (dropped periods, glued fields, other dashes, NBSP,
stray numbering, "[Epub ahead of print]", PMIDs) is added on top. Fixed seeds throughout.
:func:`de_pt_examples` adds German and Portuguese items (DIN 1505-2 and ABNT NBR 6023
templates of our own, and the styles in de-DE / pt-BR locales) for build_data.py --de-pt.
"""

from __future__ import annotations

import copy
import json
import random
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

FIELD_MARKS = {
    "title": 0, "container-title": 1, "collection-title": 2, "publisher": 3,
    "publisher-place": 4, "volume": 5, "issue": 6, "page": 7, "edition": 8, "genre": 9,
    "DOI": 10, "URL": 11, "number-of-pages": 12,
}
MARK_LABEL = {"number-of-pages": "page"}
NAME_MARKS = {"author": 0, "editor": 1, "translator": 2}
_FIELD_BASE = 0xE100
_NAME_BASE = 0xE000
_ANY_MARK_RE = re.compile("[\ue000-\ue1ff]")

# ---------------------------------------------------------------- generated vocabulary
UK_SURNAMES = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Шевчук", "Поліщук", "Бойко", "Мельник", "Ковальчук", "Лисенко", "Марченко", "Руденко", "Савченко", "Петренко", "Мороз", "Павленко", "Гончаренко", "Клименко", "Левченко", "Романенко", "Карпенко", "Кузьменко", "Савчук", "Вакуленко", "Гриценко", "Дяченко", "Зінченко", "Іваненко", "Литвиненко", "Мартинюк", "Остапенко", "Приходько", "Сидоренко", "Тимошенко", "Федоренко", "Харченко", "Юрченко", "Яковенко", "Костюк", "Гаврилюк", "Кушнір", "Білик", "Ярошенко", "Гуменюк", "Білоус", "Щербак", "Чорновол", "Дзюба", "Пономаренко", "Ничипорук", "Вдовиченко", "Захарчук", "Стасюк", "Кирилюк", "Гнатюк", "Собчук", "Мазур", "Лозинська", "Гордієнко", "Демченко", "Корнійчук", "Процюк", "Семенюк", "Тарасенко", "Березовська", "Загородня", "Волошин"]
RU_SURNAMES = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Федоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семенов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьев", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьев", "Сергеев", "Кузьмина", "Иванова", "Петрова", "Сидорова", "Белова", "Тарасова", "Ковалева", "Щербаков", "Жуков", "Фролов", "Гусев", "Киселев", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Богданов", "Медведев"]
EN_SURNAMES = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Wang", "Li", "Zhang", "Chen", "Kim", "Lee", "Müller", "Schmidt", "Schneider", "Fischer", "Rossi", "Russo", "Ferrari", "Dubois", "Martin", "Bernard", "Kowalski", "Nowak", "Nakamura", "Tanaka", "Suzuki", "Singh", "Kumar", "Patel", "Gupta", "Ahmed", "Ali", "Hassan", "O'Brien", "Murphy", "Kelly", "Walsh", "Taylor", "Wilson", "Anderson", "Thomas", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Rogers", "Reed", "Cook", "Morgan", "Bell", "Cooper", "Richardson", "Cox", "Howard", "Ward", "Peterson", "Gray", "James", "Watson", "Brooks", "Kelly", "Sanders", "Price", "Bennett", "Wood", "Barnes", "Ross", "Henderson", "Coleman", "Jenkins", "Perry", "Powell", "Long", "Gómez-Puerta", "Schlößer", "Würfel", "Gotić", "Kopeć", "Lobovská", "Inocêncio", "Yazdani-Brojeni", "Al-Rawi"] + ["De Zwaan", "Van den Heuvel", "La Torre", "De Carolis", "Ruiz-Villaverde"]
UK_INITIALS = "АБВГДЄЗІКЛМНОПРСТФЮЯ"
RU_INITIALS = "АБВГДЕИКЛМНОПРСТФЭЮЯ"
EN_INITIALS = "ABCDEFGHIJKLMNOPRSTVW"

JOURNALS = {
    "uk": [
        "Український медичний часопис", "Лікарська справа", "Клінічна імунологія. Алергологія. Інфектологія",
        "Репродуктивна ендокринологія", "Здоров'я жінки", "Педіатрія, акушерство та гінекологія",
        "Акушерство. Гінекологія. Генетика", "Імунологія та алергологія: наука і практика",
        "Журнал НАМН України", "Вісник Вінницького національного медичного університету",
        "Сучасна педіатрія", "Перинатологія та педіатрія", "Інфекційні хвороби", "Медичні перспективи",
        "Буковинський медичний вісник", "Патологія", "Український журнал дерматології, венерології, косметології",
        "Жіночий лікар", "Клінічна та експериментальна патологія", "Лабораторна діагностика",
    ],
    "ru": [
        "Акушерство и гинекология", "Иммунология", "Российский иммунологический журнал",
        "Медицинская иммунология", "Вопросы гинекологии, акушерства и перинатологии",
        "Терапевтический архив", "Педиатрия", "Журнал микробиологии, эпидемиологии и иммунобиологии",
        "Антибиотики и химиотерапия", "Вестник Российской академии медицинских наук",
        "Клиническая медицина", "Проблемы репродукции", "Российский вестник акушера-гинеколога",
        "Инфекционные болезни", "Здоровье женщины", "Запорожский медицинский журнал",
        "Семейная медицина", "Международный неврологический журнал", "Аллергология и иммунология",
    ],
    "en": [
        "Am J Obstet Gynecol", "N Engl J Med", "Lancet", "BMJ", "JAMA", "J Clin Immunol",
        "Clin Exp Immunol", "Front Immunol", "PLoS One", "Sci Rep", "Hum Reprod", "Fertil Steril",
        "Obstet Gynecol", "J Reprod Immunol", "Am J Reprod Immunol", "Blood",
        "J Allergy Clin Immunol", "Pediatrics", "Ann Intern Med", "Clin Infect Dis",
        "Journal of Clinical Immunology", "American Journal of Reproductive Immunology",
        "The Lancet Infectious Diseases", "Cochrane Database Syst Rev", "Eur J Obstet Gynecol Reprod Biol",
        "J Matern Fetal Neonatal Med", "Autoimmun Rev", "Int J Mol Sci", "Immunol Res",
        "Proc Natl Acad Sci U S A", "Ukrainian Medical Journal", "Reproductive Endocrinology",
    ],
}
TITLE_PARTS = {
    "uk": (
        ["Ефективність", "Безпека", "Роль", "Особливості", "Досвід застосування", "Порівняльна оцінка",
         "Клінічне значення", "Вплив", "Діагностика та лікування", "Стан імунної системи при застосуванні"],
        ["внутрішньовенного імуноглобуліну", "інтерферону альфа", "гранулоцитарного колонієстимулюючого фактора",
         "прогестерону", "низькомолекулярних гепаринів", "природних кілерів", "Т-регуляторних клітин",
         "антифосфоліпідних антитіл", "вітаміну D", "цитокінового профілю"],
        ["у вагітних зі", "при", "у жінок з", "у дітей з", "в лікуванні", "у пацієнтів із"],
        ["звичним невиношуванням вагітності", "антифосфоліпідним синдромом", "цитомегаловірусною інфекцією",
         "герпесвірусними інфекціями", "первинними імунодефіцитами", "безпліддям", "прееклампсією",
         "хронічним ендометритом", "розсіяним склерозом", "аутоімунним тиреоїдитом"],
        ["огляд літератури", "клінічний випадок", "результати рандомізованого дослідження",
         "власні спостереження", "ретроспективний аналіз", "систематичний огляд"],
    ),
    "ru": (
        ["Эффективность", "Безопасность", "Роль", "Особенности", "Опыт применения", "Сравнительная оценка",
         "Клиническое значение", "Влияние", "Диагностика и лечение", "Состояние иммунитета при применении"],
        ["внутривенного иммуноглобулина", "интерферона альфа", "гранулоцитарного колониестимулирующего фактора",
         "прогестерона", "низкомолекулярных гепаринов", "естественных киллеров", "Т-регуляторных клеток",
         "антифосфолипидных антител", "витамина D", "цитокинового профиля"],
        ["у беременных с", "при", "у женщин с", "у детей с", "в лечении", "у пациентов с"],
        ["привычным невынашиванием беременности", "антифосфолипидным синдромом", "цитомегаловирусной инфекцией",
         "герпесвирусными инфекциями", "первичными иммунодефицитами", "бесплодием", "преэклампсией",
         "хроническим эндометритом", "рассеянным склерозом", "аутоиммунным тиреоидитом"],
        ["обзор литературы", "клинический случай", "результаты рандомизированного исследования",
         "собственные наблюдения", "ретроспективный анализ", "систематический обзор"],
    ),
    "en": (
        ["Efficacy of", "Safety of", "The role of", "Use of", "Experience with", "Comparative assessment of",
         "Clinical significance of", "Effect of", "Long-term outcomes of", "Cost-effectiveness of"],
        ["intravenous immunoglobulin", "interferon alpha", "granulocyte colony-stimulating factor",
         "progesterone", "low-molecular-weight heparin", "natural killer cells", "regulatory T cells",
         "antiphospholipid antibodies", "vitamin D supplementation", "anti-D immunoglobulin"],
        ["in pregnant women with", "in", "in women with", "in children with", "for the treatment of",
         "in patients with"],
        ["recurrent pregnancy loss", "antiphospholipid syndrome", "cytomegalovirus infection",
         "herpes virus infections", "primary immunodeficiency", "infertility", "preeclampsia",
         "chronic endometritis", "multiple sclerosis", "autoimmune thyroiditis"],
        ["a review", "a case report", "a randomized controlled trial", "a retrospective analysis",
         "a systematic review and meta-analysis", "a multicenter study"],
    ),
}
PLACES = {
    "uk": [("Київ", ["Здоров'я", "Медицина", "Наукова думка", "Книга-плюс", "ВСВ «Медицина»"]),
           ("К.", ["Здоров'я", "Медицина", "Наук. думка"]), ("Львів", ["Світ", "ЛНМУ"]),
           ("Харків", ["Прапор", "ХНМУ"]), ("Вінниця", ["Нова книга"]), ("Одеса", ["ОНМедУ"])],
    "ru": [("М.", ["Медицина", "ГЭОТАР-Медиа", "МИА", "Наука", "Триада-Х"]),
           ("Москва", ["ГЭОТАР-Медиа", "Медицина"]), ("СПб.", ["Питер", "СпецЛит", "Наука"]),
           ("Новосибирск", ["Наука"])],
    "en": [("New York", ["Springer", "McGraw-Hill", "Oxford University Press"]),
           ("London", ["Elsevier", "Wiley-Blackwell"]), ("Philadelphia", ["Lippincott Williams & Wilkins", "Saunders"]),
           ("Berlin", ["Springer"]), ("Boca Raton", ["CRC Press"])],
}
THESIS_GENRES = {
    "uk": ["автореф. дис. ... канд. мед. наук : 14.01.01", "дис. ... д-ра мед. наук : 14.01.01",
           "автореф. дис. на здобуття наук. ступеня канд. мед. наук"],
    "ru": ["автореф. дис. ... канд. мед. наук", "дис. ... д-ра мед. наук : 14.03.09"],
    "en": ["PhD thesis", "Doctoral dissertation"],
}
UNIVERSITIES = {"uk": ["НМУ імені О. О. Богомольця", "Київ"], "ru": ["Первый МГМУ им. И. М. Сеченова", "М."],
                "en": ["University of Oxford", "Oxford"]}


def _initials(rng: random.Random, alphabet: str) -> str:
    count = rng.choice((1, 2, 2, 2))
    return " ".join(rng.choice(alphabet) + "." for _ in range(count))


def _person(rng: random.Random, lang: str) -> dict[str, str]:
    surnames = {"uk": UK_SURNAMES, "ru": RU_SURNAMES, "en": EN_SURNAMES}[lang]
    alphabet = {"uk": UK_INITIALS, "ru": RU_INITIALS, "en": EN_INITIALS}[lang]
    return {"family": rng.choice(surnames), "given": _initials(rng, alphabet)}


def _title(rng: random.Random, lang: str) -> str:
    a, b, c, d, e = TITLE_PARTS[lang]
    title = f"{rng.choice(a)} {rng.choice(b)} {rng.choice(c)} {rng.choice(d)}"
    if rng.random() < 0.35:
        title += ": " + rng.choice(e)
    return title[0].upper() + title[1:]


def _pages(rng: random.Random) -> str:
    start = rng.randint(1, 2400)
    kind = rng.random()
    if kind < 0.06:
        return f"E{start}-E{start + rng.randint(1, 12)}"
    if kind < 0.1:
        return str(start)
    return f"{start}-{start + rng.randint(1, 25)}"


def generated_items(rng: random.Random, count: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for n in range(count):
        lang = rng.choices(("uk", "ru", "en"), weights=(4, 3, 3))[0]
        authors = [_person(rng, lang) for _ in range(rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 8)))]
        year = rng.randint(1975, 2025)
        kind = rng.random()
        item: dict[str, Any] = {"id": f"gen-{n}", "language": lang, "author": authors,
                                "title": _title(rng, lang), "issued": {"date-parts": [[year]]}}
        if kind < 0.62:
            item["type"] = "article-journal"
            item["container-title"] = rng.choice(JOURNALS[lang] if rng.random() < 0.85 else JOURNALS["en"])
            item["volume"] = str(rng.randint(1, 120))
            if rng.random() < 0.8:
                item["issue"] = rng.choice([str(rng.randint(1, 12)), str(rng.randint(1, 6)),
                                            f"{rng.randint(1, 6)} ({rng.randint(20, 150)})",
                                            f"Suppl {rng.randint(1, 3)}", f"{rng.randint(1, 4)} Pt {rng.randint(1, 2)}"])
            if rng.random() < 0.2:
                del item["volume"]
            item["page"] = _pages(rng)
            if rng.random() < 0.35:
                item["issued"]["date-parts"][0].append(rng.randint(1, 12))
                if rng.random() < 0.3:
                    item["issued"]["date-parts"][0].append(rng.randint(1, 28))
            if rng.random() < 0.25:
                item["DOI"] = f"10.{rng.randint(1000, 39999)}/{rng.choice(['j.', 'S', 'ujmj.', ''])}{rng.randint(10000, 9999999)}"
        elif kind < 0.8:
            place, publishers = rng.choice(PLACES[lang])
            item.update({"type": "book", "publisher-place": place, "publisher": rng.choice(publishers),
                         "number-of-pages": str(rng.randint(80, 900))})
            if rng.random() < 0.3:
                item["edition"] = str(rng.randint(2, 5))
        elif kind < 0.9:
            place, publishers = rng.choice(PLACES[lang])
            item.update({"type": "chapter", "publisher-place": place, "publisher": rng.choice(publishers),
                         "container-title": _title(rng, lang), "page": _pages(rng),
                         "editor": [_person(rng, lang) for _ in range(rng.choice((1, 2)))]})
            if rng.random() < 0.3:  # a collection cited by place and year only
                del item["publisher"]
                item.pop("editor", None)
        else:
            uni, place = UNIVERSITIES[lang]
            item.update({"type": "thesis", "genre": rng.choice(THESIS_GENRES[lang]), "publisher": uni,
                         "publisher-place": place, "number-of-pages": str(rng.randint(20, 400))})
            item["author"] = authors[:1]
        if rng.random() < 0.05:
            item["URL"] = f"https://www.example-journal.org/article/{rng.randint(1000, 99999)}"
            item["accessed"] = {"date-parts": [[min(year + 1, 2025), rng.randint(1, 12), rng.randint(1, 28)]]}
        items.append(item)
    return items


def bibtex_items(shared: Path) -> list[dict[str, Any]]:
    import cslkit

    items: list[dict[str, Any]] = []
    for path in sorted((shared / "cyrillic-bib").glob("*/*.bib")):
        for item in cslkit.parse(path, format="bibtex"):
            item.pop("custom", None)
            if item.get("title"):
                items.append(item)
    return items


def test_suite_items(shared: Path, rng: random.Random, limit: int) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    section = re.compile(r">>=+ INPUT =+>>(.*?)<<=+ INPUT =+<<", re.DOTALL)
    for path in sorted((shared / "csl-test-suite/humans").glob("*.txt")):
        match = section.search(path.read_text(encoding="utf-8", errors="replace"))
        if not match:
            continue
        try:
            data = json.loads(match.group(1))
        except json.JSONDecodeError:
            continue
        for item in data if isinstance(data, list) else []:
            if isinstance(item, dict) and isinstance(item.get("title"), str) and item.get("type") in (
                "article-journal", "book", "chapter", "paper-conference", "report", "thesis", "webpage"
            ):
                key = json.dumps(item, sort_keys=True)
                found.setdefault(key, item)
    items = list(found.values())
    rng.shuffle(items)
    return items[:limit]


# ---------------------------------------------------------------- rendering with markers

def _mark(item: dict[str, Any]) -> dict[str, Any]:
    marked = copy.deepcopy(item)
    for field, k in FIELD_MARKS.items():
        value = marked.get(field)
        if isinstance(value, int | str) and str(value).strip():
            marked[field] = chr(_FIELD_BASE + 2 * k) + str(value) + chr(_FIELD_BASE + 2 * k + 1)
    for role, k in NAME_MARKS.items():
        for name in marked.get(role) or []:
            if not isinstance(name, dict):
                continue
            key = "family" if name.get("family") else "literal" if name.get("literal") else None
            if key:
                name[key] = chr(_NAME_BASE + 2 * k) + str(name[key]) + chr(_NAME_BASE + 2 * k + 1)
    return marked


def _styles(shared: Path) -> list[Path]:
    styles = sorted((shared / "csl-styles/styles").glob("*.csl"))
    styles += sorted((ROOT / "styles").glob("dstu-8302-2015*.csl"))
    return styles


class Renderer:
    def __init__(self, shared: Path) -> None:
        self.styles = _styles(shared)
        # Vancouver/NLM and GOST/DSTU are what cslkit's users paste most: render them more.
        self.weights = [3.0 if "nlm" in p.stem else 2.0 if ("gost" in p.stem or "dstu" in p.stem)
                        else 1.0 for p in self.styles]
        self._cache: dict[tuple[str, str], Any] = {}

    def style(self, path: Path, locale: str) -> Any:
        from citeproc import CitationStylesStyle

        key = (str(path), locale)
        if key not in self._cache:
            self._cache[key] = CitationStylesStyle(str(path), locale=locale, validate=False)
        return self._cache[key]

    def render(self, item: dict[str, Any], path: Path, locale: str) -> str | None:
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON

        marked = _mark(item)
        marked["id"] = "x"
        try:
            bib = CitationStylesBibliography(self.style(path, locale), CiteProcJSON([marked]),
                                             formatter.plain)
            bib.register(Citation([CitationItem("x")]))
            return str(bib.bibliography()[0])
        except Exception:  # citeproc-py rejects some item/style pairs; those are skipped
            return None


def _given_forms(given: str) -> list[str]:
    given = given.strip()
    if not given:
        return []
    parts = re.findall(r"[^\W\d_]+", given)
    initials = [p[0] for p in parts]
    forms = {given, " ".join(i + "." for i in initials), "".join(i + "." for i in initials),
             "".join(initials), " ".join(parts)}
    return sorted((f for f in forms if f), key=len, reverse=True)


def label_rendering(rendered: str, item: dict[str, Any]) -> dict | None:
    """Strip markers and return text + spans; None when the markers are unbalanced."""
    rendered = re.sub(r"^\s*(?:\[\d+\]|\d+\.)\s*", "", rendered).replace("\xa0", " ")
    text_chars: list[str] = []
    labels: list[str | None] = []
    stack: list[str] = []
    for ch in rendered:
        code = ord(ch)
        if _FIELD_BASE <= code < _FIELD_BASE + 64:
            k, closing = divmod(code - _FIELD_BASE, 2)
            field = next(f for f, v in FIELD_MARKS.items() if v == k)
            if closing:
                if not stack or stack[-1] != field:
                    return None
                stack.pop()
            else:
                stack.append(field)
            continue
        if _NAME_BASE <= code < _NAME_BASE + 16:
            k, closing = divmod(code - _NAME_BASE, 2)
            role = next(r for r, v in NAME_MARKS.items() if v == k)
            if closing:
                if not stack or stack[-1] != role:
                    return None
                stack.pop()
            else:
                stack.append(role)
            continue
        text_chars.append(ch)
        labels.append(MARK_LABEL.get(stack[-1], stack[-1]) if stack else None)
    if stack:
        return None
    text = "".join(text_chars)
    _extend_names(text, labels, item)
    _label_dates(text, labels, item)
    _label_accessed(text, labels)
    return {"text": text, "labels": labels}


def _extend_names(text: str, labels: list[str | None], item: dict[str, Any]) -> None:
    """Given names are not marked (styles turn them into initials); attach them to the
    family name they stand beside, then join a role's names into one span."""
    for role in NAME_MARKS:
        givens = sorted({g for n in item.get(role) or [] if isinstance(n, dict)
                         for g in _given_forms(str(n.get("given", "")))}, key=len, reverse=True)
        runs = _runs(labels, role)
        for start, end in runs:
            for form in givens:
                after = re.match(r"[,]?\s?" + re.escape(form), text[end:])
                if after and all(lab is None for lab in labels[end:end + after.end()]):
                    for i in range(end, end + after.end()):
                        labels[i] = role
                    break
            for form in givens:
                before = re.search(re.escape(form) + r"\s?$", text[:start])
                if before and all(lab is None for lab in labels[before.start():start]):
                    for i in range(before.start(), start):
                        labels[i] = role
                    break
        runs = _runs(labels, role)
        # Fill separators (", ", " и ", " & ") between names of the same role.
        for (_s1, e1), (s2, _e2) in zip(runs, runs[1:], strict=False):
            gap = text[e1:s2]
            if len(gap) <= 8 and all(lab is None for lab in labels[e1:s2]):
                for i in range(e1, s2):
                    labels[i] = role
        runs = _runs(labels, role)
        if runs:
            end = runs[-1][1]
            tail = re.match(r",?\s*(?:et al\.?|и др\.?|та ін\.?|\[и др\.\]|\[та ін\.\]|…)", text[end:])
            if tail:
                for i in range(end, end + tail.end()):
                    labels[i] = role


def _runs(labels: list[str | None], label: str) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(labels):
        if labels[i] == label:
            j = i
            while j < len(labels) and labels[j] == label:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


_MONTH_WORD = r"[^\W\d_]{3,10}\.?"


def _label_dates(text: str, labels: list[str | None], item: dict[str, Any]) -> None:
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    if not parts or not parts[0]:
        return
    year = str(parts[0][0])
    has_month = len(parts[0]) > 1
    pattern = re.escape(year) + r"[a-z]?"
    if has_month:
        pattern = (rf"(?:\d{{1,2}}\s)?(?:{_MONTH_WORD}\s)?" + pattern
                   + rf"(?:,?\s{_MONTH_WORD}(?:\s\d{{1,2}})?)?")
    for match in re.finditer(rf"(?<![\d\w]){pattern}(?![\d])", text):
        if all(lab is None for lab in labels[match.start():match.end()]):
            for i in range(match.start(), match.end()):
                labels[i] = "date"


def _label_accessed(text: str, labels: list[str | None]) -> None:
    for match in re.finditer(
        r"[\[(]?(?:cited|accessed|viewed|дата обращения|дата звернення|дата доступа)[^)\]]{0,40}[)\]]?",
        text, re.IGNORECASE,
    ):
        for i in range(match.start(), match.end()):
            if labels[i] is None or labels[i] == "date":
                labels[i] = "accessed"


# ---------------------------------------------------------------- noise

def _add_responsibility_area(example: dict, item: dict[str, Any], rng: random.Random) -> dict:
    """GOST/DSTU repeat the authors after the title: "Title / І. Б. Прізвище, А. Б. Інший"."""
    names = [n for n in item.get("author") or [] if isinstance(n, dict) and n.get("family")]
    labels = example["labels"]
    title_end = max((i + 1 for i, lab in enumerate(labels) if lab == "title"), default=None)
    if not names or title_end is None:
        return example
    shown = names[:3] if len(names) <= 4 or rng.random() < 0.5 else names[:1]
    parts = []
    for n in shown:
        initials = " ".join(p[0] + "." for p in re.findall(r"[^\W\d_]+", str(n.get("given", ""))))
        parts.append(f"{initials} {n['family']}".strip())
    area = ", ".join(parts)
    if len(shown) < len(names):
        area += rng.choice((" [и др.]", " [та ін.]", " и др.", " та ін.", " [et al.]"))
    text = example["text"]
    insert = " / " + area
    new_labels = labels[:title_end] + [None, None, None] + ["author"] * len(area) + labels[title_end:]
    return {"text": text[:title_end] + insert + text[title_end:], "labels": new_labels}


def _noise(example: dict, rng: random.Random, vancouver: bool = False) -> dict:
    chars = list(example["text"])
    labels = list(example["labels"])

    def replace_all(old: str, new: str, prob: float) -> None:
        nonlocal chars, labels
        text = "".join(chars)
        out_c: list[str] = []
        out_l: list[str | None] = []
        i = 0
        while i < len(text):
            if text.startswith(old, i) and rng.random() < prob:
                lab = labels[i]
                out_c.extend(new)
                out_l.extend([lab] * len(new))
                i += len(old)
            else:
                out_c.append(text[i])
                out_l.append(labels[i])
                i += 1
        chars, labels = out_c, out_l

    if rng.random() < 0.3:
        replace_all(" – ", rng.choice((" - ", " — ", ". ")), 0.8)
    if rng.random() < 0.3:
        replace_all("–", "-", 0.9)
    if rng.random() < 0.2:
        replace_all("; ", ";", 0.9)
        replace_all(": ", ":", 0.7)
    if rng.random() < 0.1:
        replace_all(" ", "\u00a0", 0.05)
    if rng.random() < 0.1:
        replace_all(" // ", rng.choice(("//", " //", "// ")), 1.0)
    if rng.random() < (0.6 if vancouver else 0.25):
        # Missing period between fields (author block or title end), as in the seed list.
        text = "".join(chars)
        boundaries = [i for i in range(1, len(text) - 1)
                      if text[i] == "." and text[i + 1] == " " and labels[i - 1] != labels[i + 2 if i + 2 < len(labels) else i]]
        for i in rng.sample(boundaries, min(len(boundaries), rng.choice((1, 1, 2)))):
            chars[i] = ""
            labels[i] = "__drop__"
        keep = [(c, lab) for c, lab in zip(chars, labels, strict=True) if lab != "__drop__"]
        chars = [c for c, _ in keep]
        labels = [lab for _, lab in keep]
    text = "".join(chars)
    prefix = ""
    prefix_label: list[str | None] = []
    if rng.random() < 0.04:
        prefix = rng.choice(("12. ", "[3] ", "7) "))
        prefix_label = ["citation-number"] * (len(prefix) - 1) + [None]
    suffix = ""
    suffix_labels: list[str | None] = []
    if rng.random() < 0.05:
        piece = rng.choice((" [Epub ahead of print].", " [Article in Ukrainian].", " [In Russ.]"))
        suffix, suffix_labels = piece, [None] + ["note"] * (len(piece) - 1)
    elif rng.random() < 0.05:
        piece = f" PMID: {rng.randint(1000000, 39999999)}."
        suffix, suffix_labels = piece, [None] + ["PMID"] * (len(piece) - 2) + [None]
    full_labels = prefix_label + labels + suffix_labels
    return {"text": prefix + text + suffix, "labels": full_labels}


def _to_spans(text: str, labels: list[str | None]) -> list[list]:
    spans: list[list] = []
    i = 0
    while i < len(text):
        lab = labels[i]
        j = i
        while j < len(text) and labels[j] == lab:
            j += 1
        if lab is not None:
            # Trim whitespace at span edges.
            s, e = i, j
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                spans.append([lab, s, e])
        i = j
    return spans


def synthetic_examples(shared: Path, seed: int) -> list[dict]:
    """Labelled synthetic references; ``heldout`` marks those of the held-out items."""
    rng = random.Random(seed)
    renderer = Renderer(shared)
    pools: list[tuple[str, list[dict[str, Any]], int]] = [
        ("synthetic-generated", generated_items(rng, 4200), 2),
        ("synthetic-cyrillic-bib", bibtex_items(shared), 2),
        ("synthetic-csl-test-suite", test_suite_items(shared, rng, 700), 1),
    ]
    examples: list[dict] = []
    for source, items, renderings in pools:
        for item in items:
            heldout = rng.random() < 0.08
            lang = item.get("language") or "en"
            for _ in range(renderings):
                style = rng.choices(renderer.styles, weights=renderer.weights)[0]
                is_cyrillic_style = "gost" in style.name or "dstu" in style.name
                if "nlm" in style.stem or "medical" in style.stem:
                    locale = "en-US"  # Vancouver lists keep English punctuation in any language
                elif lang in ("uk", "ru") or is_cyrillic_style:
                    locale = rng.choice(("uk-UA", "ru-RU", "en-US")) if lang != "ru" else rng.choice(("ru-RU", "ru-RU", "en-US"))
                else:
                    locale = "en-US"
                rendered = renderer.render(item, style, locale)
                if not rendered:
                    continue
                labelled = label_rendering(rendered, item)
                if not labelled or len(labelled["text"]) < 15:
                    continue
                if is_cyrillic_style and rng.random() < 0.4:
                    labelled = _add_responsibility_area(labelled, item, rng)
                noisy = _noise(labelled, rng, vancouver="nlm" in style.stem or "medical" in style.stem)
                examples.append({
                    "text": noisy["text"], "spans": _to_spans(noisy["text"], noisy["labels"]),
                    "source": source, "style": style.stem, "locale": locale, "lang": lang,
                    "type": item.get("type"),
                    "heldout": heldout,
                })
    return examples


# ---------------------------------------------------------------- German and Portuguese

# German and Portuguese references print their own labels ("Hrsg.", "S.", "Aufl.", "Jg.",
# "Heft"; "org.", "p.", "v.", "n.", "ed.", "Disponível em:") and conventions (DIN 1505-2's
# "Name, Vorname: Titel. In: …", ABNT NBR 6023's upper-case surnames). The labelled
# corpora hold few of them, so these items teach the tagger those forms: rendered through
# the CSL styles in de-DE / pt-BR locales, and through two templates of our own for
# DIN 1505-2 and ABNT, which no style in ../shared/data covers.
DE_SURNAMES = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
               "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
               "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann",
               "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Köhler",
               "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters",
               "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Friedrich", "Keller",
               "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann",
               "Franke", "Albrecht", "Ludwig", "Winter", "Simon", "Kraus", "Böhm", "Dietrich",
               "von Arnim", "von der Heide", "zur Nieden", "Groß", "Thiele", "Engel", "Brandt"]
DE_GIVEN = ["Thomas", "Anna", "Peter", "Michael", "Andreas", "Stefan", "Christian", "Martin",
            "Sabine", "Claudia", "Ursula", "Monika", "Wolfgang", "Klaus", "Jürgen", "Hans-Peter",
            "Karl-Heinz", "Katharina", "Julia", "Birgit", "Jörg", "Uwe", "Dieter", "Günter",
            "Petra", "Susanne", "Matthias", "Frank", "Christa", "Heinrich", "Friederike", "Lena"]
PT_SURNAMES = ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves",
               "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida",
               "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento",
               "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso",
               "Ramos", "Gonçalves", "Araújo", "Teixeira", "Correia", "Pinto", "Moura", "Cavalcanti",
               "Azevedo", "Castro", "Campos", "Monteiro", "Magalhães", "Brandão", "Sá", "Leão",
               "da Silva", "dos Santos", "de Souza", "da Costa", "de Oliveira", "do Nascimento"]
PT_GIVEN = ["João", "Maria", "José", "Ana", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro",
            "Lucas", "Luiz", "Marcos", "Luís", "Gabriel", "Rafael", "Fernanda", "Juliana",
            "Patrícia", "Aline", "Adriana", "Márcia", "Sandra", "Camila", "Beatriz", "Helena",
            "Maria Clara", "João Pedro", "Ana Paula", "Luiz Carlos", "Boaventura de Sousa",
            "Pedro Henrique", "Rita de Cássia", "Conceição", "Sérgio", "Vinícius", "Tânia"]
TITLE_PARTS_DE = (
    ["Die Entwicklung", "Zur Geschichte", "Grundlagen", "Probleme", "Die Bedeutung", "Aspekte",
     "Perspektiven", "Der Wandel", "Theorie und Praxis", "Chancen und Grenzen", "Analyse",
     "Die Rolle", "Untersuchungen zur Wirkung", "Neue Ansätze"],
    ["der Sozialpädagogik", "des Föderalismus", "der Erwachsenenbildung", "der Migration",
     "des Arbeitsrechts", "der Bildungsgerechtigkeit", "der Stadtplanung", "der Psychotherapie",
     "der Pflege", "der Inklusion", "des Umweltrechts", "der Digitalisierung", "der Schulreform",
     "der Gesundheitsversorgung"],
    ["in Deutschland", "im 19. Jahrhundert", "in der Bundesrepublik", "nach 1945",
     "in Europa", "im ländlichen Raum", "in der Schule", "bei Kindern und Jugendlichen",
     "im internationalen Vergleich", ""],
    ["eine empirische Untersuchung", "ein Überblick", "Bestandsaufnahme und Ausblick",
     "eine Einführung", "Ergebnisse einer Längsschnittstudie", "ein Handbuch"],
)
TITLE_PARTS_PT = (
    ["A formação", "O ensino", "A história", "Políticas públicas", "O papel", "Desafios",
     "Perspectivas", "A construção", "Uma análise", "Aspectos", "Estudo", "Avaliação",
     "A influência", "Fundamentos"],
    ["de professores", "da educação básica", "do direito ambiental", "da saúde mental",
     "da atenção primária", "da política externa brasileira", "do trabalho docente",
     "da agricultura familiar", "da gestão escolar", "do sistema único de saúde",
     "da literatura brasileira", "dos movimentos sociais", "da economia solidária"],
    ["no Brasil", "no ensino superior", "na América Latina", "em Portugal", "no século XX",
     "na rede pública", "em comunidades rurais", "na pós-modernidade", "no Nordeste", ""],
    ["um estudo de caso", "uma revisão sistemática", "reflexões teóricas",
     "contribuições para o debate", "o social e o político", "uma abordagem qualitativa"],
)
JOURNALS_DE = ["Zeitschrift für Pädagogik", "Zeitschrift für Politikwissenschaft", "Soziale Welt",
               "Kölner Zeitschrift für Soziologie und Sozialpsychologie", "Deutsches Ärzteblatt",
               "Neue Juristische Wochenschrift", "Historische Zeitschrift", "Die Deutsche Schule",
               "Zeitschrift für Erziehungswissenschaft", "Berliner Journal für Soziologie",
               "Psychotherapeut", "Der Nervenarzt", "Vierteljahrshefte für Zeitgeschichte",
               "Politische Vierteljahresschrift", "Merkur", "Leviathan", "Bauwelt", "Das Gesundheitswesen"]
JOURNALS_PT = ["Revista Brasileira de Educação", "Cadernos de Saúde Pública", "Educação & Sociedade",
               "Revista de Saúde Pública", "Ciência & Saúde Coletiva", "Revista Brasileira de História",
               "Estudos Avançados", "Dados", "Revista de Administração Pública", "Cadernos de Pesquisa",
               "Revista Brasileira de Ciências Sociais", "Análise Social", "Sociologias",
               "Revista Direito GV", "Psicologia & Sociedade", "Revista Katálysis", "Interface"]
PLACES_DE = [("Berlin", ["Springer", "de Gruyter", "Suhrkamp", "Duncker & Humblot"]),
             ("München", ["C. H. Beck", "Oldenbourg", "Hanser"]), ("Stuttgart", ["Kohlhammer", "Thieme"]),
             ("Weinheim", ["Beltz", "Beltz Juventa", "Wiley-VCH"]), ("Frankfurt am Main", ["Suhrkamp", "Campus", "Klostermann"]),
             ("Wiesbaden", ["VS Verlag für Sozialwissenschaften", "Springer VS"]),
             ("Bielefeld", ["transcript"]), ("Göttingen", ["Vandenhoeck & Ruprecht", "Wallstein"]),
             ("Opladen", ["Leske + Budrich", "Budrich"]), ("Darmstadt", ["Luchterhand", "WBG"])]
PLACES_PT = [("São Paulo", ["Cortez", "Atlas", "Companhia das Letras", "Editora Unesp", "Boitempo"]),
             ("Rio de Janeiro", ["Zahar", "Paz e Terra", "Editora FGV", "Civilização Brasileira"]),
             ("Belo Horizonte", ["Autêntica", "Del Rey", "Editora UFMG"]), ("Porto Alegre", ["Artmed", "Penso"]),
             ("Petrópolis", ["Vozes"]), ("Lisboa", ["Edições 70", "Imprensa de Ciências Sociais"]),
             ("Porto", ["Afrontamento", "Porto Editora"]), ("Campinas", ["Papirus", "Editora da Unicamp"]),
             ("Brasília", ["Editora UnB", "Ipea"]), ("Salvador", ["EDUFBA"])]
_PT_MONTHS = ["jan.", "fev.", "mar.", "abr.", "maio", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."]


def _de_pt_person(rng: random.Random, lang: str) -> dict[str, str]:
    surnames, given = (DE_SURNAMES, DE_GIVEN) if lang == "de" else (PT_SURNAMES, PT_GIVEN)
    name = rng.choice(given)
    if rng.random() < 0.35:
        name = " ".join(p[0] + "." for p in name.split() if p[0].isupper())
    family = rng.choice(surnames)
    if lang == "pt" and rng.random() < 0.3 and " " not in family:
        family = family + " " + rng.choice(PT_SURNAMES).split()[-1]
    return {"family": family, "given": name}


def _de_pt_title(rng: random.Random, lang: str) -> str:
    a, b, c, d = TITLE_PARTS_DE if lang == "de" else TITLE_PARTS_PT
    title = f"{rng.choice(a)} {rng.choice(b)} {rng.choice(c)}".strip()
    if rng.random() < 0.4:
        title += ": " + rng.choice(d)
    return title


def de_pt_items(rng: random.Random, count: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for n in range(count):
        lang = "de" if n % 2 == 0 else "pt"
        authors = [_de_pt_person(rng, lang) for _ in range(rng.choice((1, 1, 2, 2, 3, 4)))]
        item: dict[str, Any] = {"id": f"dept-{n}", "language": lang, "author": authors,
                                "title": _de_pt_title(rng, lang),
                                "issued": {"date-parts": [[rng.randint(1960, 2025)]]}}
        kind = rng.random()
        place, publishers = rng.choice(PLACES_DE if lang == "de" else PLACES_PT)
        if kind < 0.45:
            item["type"] = "article-journal"
            item["container-title"] = rng.choice(JOURNALS_DE if lang == "de" else JOURNALS_PT)
            item["volume"] = str(rng.randint(1, 80))
            if rng.random() < 0.8:
                item["issue"] = rng.choice([str(rng.randint(1, 12)), str(rng.randint(1, 4)),
                                            f"{rng.randint(1, 5)}/{rng.randint(6, 8)}"])
            item["page"] = _pages(rng)
            if rng.random() < 0.3:
                item["issued"]["date-parts"][0].append(rng.randint(1, 12))
            if rng.random() < 0.15:
                item["DOI"] = f"10.{rng.randint(1000, 39999)}/{rng.randint(10000, 9999999)}"
        elif kind < 0.75:
            item.update({"type": "book", "publisher-place": place, "publisher": rng.choice(publishers)})
            if rng.random() < 0.4:
                item["edition"] = str(rng.randint(2, 9))
            if rng.random() < 0.25:
                item["volume"] = str(rng.randint(1, 6))
            if rng.random() < 0.4:
                item["number-of-pages"] = str(rng.randint(80, 600))
            if rng.random() < 0.2:  # an edited volume: editors only
                item["editor"] = item.pop("author")
        else:
            item.update({"type": "chapter", "publisher-place": place, "publisher": rng.choice(publishers),
                         "container-title": _de_pt_title(rng, lang), "page": _pages(rng),
                         "editor": [_de_pt_person(rng, lang) for _ in range(rng.choice((1, 1, 2)))]})
            if rng.random() < 0.25:
                item["edition"] = str(rng.randint(2, 6))
        if rng.random() < 0.08:
            year = item["issued"]["date-parts"][0][0]
            item["URL"] = f"https://www.example.{'de' if lang == 'de' else 'br'}/texte/{rng.randint(1000, 99999)}.pdf"
            item["accessed"] = {"date-parts": [[min(year + 1, 2025), rng.randint(1, 12), rng.randint(1, 28)]]}
        items.append(item)
    return items


def _pieces_example(pieces: list[tuple[str, str | None]]) -> dict:
    """Text and per-character labels from (text, label) pieces."""
    text = ""
    labels: list[str | None] = []
    for piece, label in pieces:
        if piece.startswith(".") and text.endswith("."):
            piece = piece[1:]  # "Souza, M. C." ends the area with its own period
        text += piece
        labels.extend([label] * len(piece))
    return {"text": text, "labels": labels}


def _given_short(given: str, rng: random.Random, initials: bool) -> str:
    if not initials:
        return given
    return " ".join(p[0] + "." for p in given.split() if p[0].isupper()) or given


def _names_pieces(names: list[dict[str, str]], role: str, style: str, rng: random.Random,
                  initials: bool) -> list[tuple[str, str | None]]:
    """A name list as DIN ("Müller, Thomas; Weber, M.") or ABNT ("SILVA, J.; SOUZA, M. C.")
    prints it, and DIN's Wikipedia-like "Thomas Müller, Anna Weber" variant."""
    out: list[tuple[str, str | None]] = []
    shown = names if len(names) <= 3 else names[:1]
    given_first = style == "din" and rng.random() < 0.15
    for i, n in enumerate(shown):
        given = _given_short(n["given"], rng, initials)
        family = n["family"].upper() if style == "abnt" else n["family"]
        if i:
            sep = ", " if given_first else rng.choice(("; ", "; ", " ; ", " / ")) if style == "din" else "; "
            out.append((sep, role))
        out.append((f"{given} {family}" if given_first else f"{family}, {given}", role))
    if len(shown) < len(names):
        out.append((rng.choice((" et al.", " u. a.", " [u. a.]")) if style == "din" else " et al.", role))
    return out


def _din(item: dict[str, Any], rng: random.Random) -> dict:
    """DIN 1505-2 and the German author-date variants seen in the humanities."""
    p: list[tuple[str, str | None]] = []
    initials = rng.random() < 0.4
    year = str(item["issued"]["date-parts"][0][0])
    author_date = rng.random() < 0.35
    role = "author" if item.get("author") else "editor"
    p += _names_pieces(item.get(role) or [], role, "din", rng, initials)
    if role == "editor":
        p.append((rng.choice((" (Hrsg.)", " (Hg.)", " (Hrsg.)")), "editor"))
    if author_date:
        p += [(" (", None), (year, "date"), (")", None)]
    p += [(": ", None), (item["title"], "title"), (". ", None)]
    kind = item["type"]
    if kind == "article-journal":
        p += [("In: ", None), (item["container-title"], "container-title")]
        vol = item.get("volume")
        form = rng.random()
        if form < 0.4 and not author_date:  # DIN: "25 (2015), Nr. 3, S. 245–268"
            p += [(" ", None), (vol, "volume"), (" (", None), (year, "date"), (")", None)]
        else:
            p += [(", ", None), (rng.choice(("Jg. ", "Bd. ", "Jahrgang ", "")), "volume"), (vol, "volume")]
            if not author_date:
                bracketed = rng.random() < 0.5
                p += [(" (" if bracketed else ", ", None), (year, "date"), (")" if bracketed else "", None)]
        if item.get("issue"):
            label = rng.choice(("Nr. ", "H. ", "Heft ", "Nr. "))
            p += [(", ", None), (label + item["issue"], "issue")]
        p += [(", ", None), ("S. " + item["page"], "page")]
    else:
        if kind == "chapter":
            p += [(rng.choice(("In: ", "In: ", "in: ")), None)]
            p += _names_pieces(item["editor"], "editor", "din", rng, rng.random() < 0.6)
            p += [(rng.choice((" (Hrsg.)", " (Hg.)", " (Hrsg.)")), "editor"), (": ", None),
                  (item["container-title"], "container-title"), (". ", None)]
        if item.get("volume"):
            p += [("Bd. " + item["volume"], "volume"), (". ", None)]
        if item.get("edition"):
            p += [(item["edition"] + rng.choice((". Aufl.", ". Auflage", "., überarb. Aufl.")), "edition"), (". ", None)]
        p += [(item["publisher-place"], "publisher-place"), (rng.choice((" : ", ": ")), None),
              (item["publisher"], "publisher")]
        if not author_date:
            p += [(rng.choice((", ", " ")), None), (year, "date")]
        if kind == "chapter":
            p += [(", ", None), ("S. " + item["page"], "page")]
        elif item.get("number-of-pages") and rng.random() < 0.5:
            p += [(". – ", None), (item["number-of-pages"] + " S.", "page")]
    if item.get("URL"):
        acc = item["accessed"]["date-parts"][0]
        p += [(". URL: " if rng.random() < 0.5 else ". Online unter: ", None), (item["URL"], "URL"),
              (" (", None), (f"abgerufen am {acc[2]:02d}.{acc[1]:02d}.{acc[0]}", "accessed"), (")", None)]
    elif item.get("DOI") and rng.random() < 0.7:
        p += [(". DOI: ", None), (item["DOI"], "DOI")]
    p.append((".", None) if rng.random() < 0.8 else ("", None))
    return _pieces_example(p)


def _abnt(item: dict[str, Any], rng: random.Random) -> dict:
    """ABNT NBR 6023: upper-case surnames, "In:", "(org.)", "v.", "n.", "p.", "ed."."""
    p: list[tuple[str, str | None]] = []
    initials = rng.random() < 0.5
    year = str(item["issued"]["date-parts"][0][0])
    role = "author" if item.get("author") else "editor"
    p += _names_pieces(item.get(role) or [], role, "abnt", rng, initials)
    if role == "editor":
        p.append((rng.choice((" (org.)", " (Org.)", " (org.)", " (coord.)", " (ed.)")), "editor"))
    p += [(". ", None), (item["title"], "title"), (". ", None)]
    kind = item["type"]
    if kind == "article-journal":
        p += [(item["container-title"], "container-title"), (", ", None)]
        if rng.random() < 0.5:
            p += [(rng.choice([c for c, _ in PLACES_PT]), "publisher-place"), (", ", None)]
        p += [("v. " + item["volume"], "volume"), (", ", None)]
        if item.get("issue"):
            p += [("n. " + item["issue"], "issue"), (", ", None)]
        p += [("p. " + item["page"], "page"), (", ", None)]
        parts = item["issued"]["date-parts"][0]
        if len(parts) > 1:
            p += [(f"{_PT_MONTHS[parts[1] - 1]} {year}", "date")]
        else:
            p += [(year, "date")]
    else:
        if kind == "chapter":
            p += [(rng.choice(("In: ", "In: ", "In: ", "Em: ")), None)]
            p += _names_pieces(item["editor"], "editor", "abnt", rng, rng.random() < 0.6)
            p += [(rng.choice((" (org.)", " (Org.)", " (coord.)", " (ed.)", " (orgs.)")), "editor"), (". ", None),
                  (item["container-title"], "container-title"), (". ", None)]
        if item.get("edition"):
            p += [(item["edition"] + ". ed.", "edition"), (" ", None)]
        p += [(item["publisher-place"], "publisher-place"), (": ", None), (item["publisher"], "publisher"),
              (", ", None), (year, "date")]
        if item.get("volume"):
            p += [(". ", None), ("v. " + item["volume"], "volume")]
        if kind == "chapter":
            p += [(rng.choice((". ", ", ")), None), ("p. " + item["page"], "page")]
        elif item.get("number-of-pages"):
            p += [(". ", None), (item["number-of-pages"] + " p.", "page")]
    if item.get("DOI") and rng.random() < 0.6:
        p += [(". DOI: ", None), (item["DOI"], "DOI")]
    if item.get("URL"):
        acc = item["accessed"]["date-parts"][0]
        p += [(". Disponível em: ", None), (item["URL"], "URL"), (". ", None),
              (f"Acesso em: {acc[2]} {_PT_MONTHS[acc[1] - 1]} {acc[0]}", "accessed")]
    p.append((".", None))
    return _pieces_example(p)


_DE_PT_STYLES = ("apa", "chicago-author-date", "harvard-cite-them-right", "ieee", "iso690-author-date-en",
                 "iso690-numeric-en", "modern-language-association", "nlm-citation-sequence",
                 "american-medical-association", "dstu-8302-2015", "dstu-8302-2015-short")


def de_pt_examples(shared: Path, seed: int, count: int = 700) -> list[dict]:
    """Training-only German and Portuguese examples (none is held out, so the held-out
    sets stay those the earlier models were measured on)."""
    rng = random.Random(seed)
    renderer = Renderer(shared)
    styles = [p for p in renderer.styles if p.stem in _DE_PT_STYLES]
    examples: list[dict] = []
    for item in de_pt_items(rng, count):
        lang = item["language"]
        locale = "de-DE" if lang == "de" else rng.choice(("pt-BR", "pt-BR", "pt-PT"))
        for form in ("template", "style"):
            style_name = "din-1505-2" if lang == "de" else "abnt-nbr-6023"
            if form == "template":
                labelled = (_din if lang == "de" else _abnt)(item, rng)
            else:
                style = rng.choice(styles)
                style_name = style.stem
                rendered = renderer.render(item, style, locale)
                labelled = label_rendering(rendered, item) if rendered else None
            if not labelled or len(labelled["text"]) < 15:
                continue
            noisy = _noise(labelled, rng)
            examples.append({
                "text": noisy["text"], "spans": _to_spans(noisy["text"], noisy["labels"]),
                "source": "synthetic-de-pt", "style": style_name, "locale": locale, "lang": lang,
                "type": item.get("type"), "heldout": False,
            })
    return examples
