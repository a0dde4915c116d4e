"""Write the oracle corpus: varied, real-looking CSL-JSON items, reproducible from a seed.

    .venv/bin/python tools/oracle/make_corpus.py [--count 600] [--seed 5]

Writes tests/data/oracle/corpus.json. Then `node tools/oracle/render.js` renders it with
citeproc-js into tests/data/oracle/expected-*.json (see tools/oracle/README.md).
The items are synthetic (names, titles and journals combined at random) but shaped like
medical references: journal articles with supplements, parts, article numbers, group
authors, more than six authors, Epub ahead of print, non-English titles; books, chapters,
conference papers, theses, reports and web pages; DOIs and PMIDs.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TARGET = ROOT / "tests" / "data" / "oracle" / "corpus.json"

FAMILIES = [
    "Smith", "Johnson", "O'Brien", "García-López", "van der Berg", "Müller", "Kowalski",
    "Nguyen", "Wang", "Kim", "Patel", "de Souza", "Rossi", "Dubois", "Andersson", "Ivanova",
    "Kovalenko", "Shevchenko", "Petrenko", "Lee", "Brown", "MacDonald", "D'Angelo", "Østergaard",
    "Tanaka", "Ahmed", "Cohen", "Schmidt", "Novak", "Horváth",
]
GIVENS = [
    "John", "Mary Ann", "J. R.", "Anna-Maria", "Wei", "Olena", "Pierre", "K", "Sarah J",
    "Ji-Hoon", "Oleksandr", "Maria", "Thomas", "Hans Peter", "Yuki", "R.", "Elena", "David",
]
GROUPS = [
    "WHO Expert Committee", "American Heart Association", "Cochrane Hypertension Group",
    "National Institute for Health and Care Excellence", "ESC Scientific Document Group",
]
TITLE_HEADS = [
    "Effect of", "Long-term outcomes of", "A randomized trial of", "Prevalence of",
    "Cost-effectiveness of", "Risk factors for", "Management of", "Does", "Genetic variants in",
    "Association between", "Safety & efficacy of",
]
TITLE_TOPICS = [
    "metformin in type 2 diabetes", "hypertension in children", "statins after stroke",
    "COVID-19 vaccination", "Helicobacter pylori eradication", "atrial fibrillation",
    "chronic kidney disease", "the BRCA1 gene", "vitamin D supplementation", "sepsis in the ICU",
    "tuberculosis in Ukraine", "HIV pre-exposure prophylaxis",
]
TITLE_TAILS = ["", ": a systematic review", ": a cohort study", " in adults", "?", " (the ABC trial)",
               ": results from a multicentre study", " in patients aged <65 years"]
FOREIGN_TITLES = [
    ("uk", "Лікування артеріальної гіпертензії у дітей", "Treatment of arterial hypertension in children"),
    ("ru", "Эпидемиология туберкулёза в России", "Epidemiology of tuberculosis in Russia"),
    ("de", "Therapie der Herzinsuffizienz", "Therapy of heart failure"),
    ("fr", "Prise en charge de l'asthme", "Management of asthma"),
    ("es", "Diabetes en atención primaria", "Diabetes in primary care"),
]
JOURNALS = [
    "N Engl J Med", "Lancet", "JAMA", "BMJ", "J Hypertens", "Eur Heart J", "PLoS One",
    "Sci Rep", "Ukr Med J", "Clin Infect Dis", "Ann Intern Med", "Nat Med",
]
PUBLISHERS = [("New York", "Springer"), ("London", "Elsevier"), ("Philadelphia", "Lippincott Williams & Wilkins"),
              ("Kyiv", "Medytsyna"), ("Oxford", "Oxford University Press"), ("Geneva", "World Health Organization")]
MONTHS = list(range(1, 13))


def _person(rng: random.Random) -> dict[str, str]:
    family = rng.choice(FAMILIES)
    name = {"family": family, "given": rng.choice(GIVENS)}
    if family.startswith(("van der ", "de ")):
        particle, _, rest = family.rpartition(" ")
        name = {"family": rest, "given": name["given"], "non-dropping-particle": particle}
    return name


def _authors(rng: random.Random) -> list[dict[str, str]]:
    roll = rng.random()
    if roll < 0.06:
        return [{"literal": rng.choice(GROUPS)}]
    if roll < 0.2:
        return [_person(rng) for _ in range(rng.randint(7, 12))]
    if roll < 0.25:
        return [_person(rng) for _ in range(rng.randint(2, 4))] + [{"literal": rng.choice(GROUPS)}]
    return [_person(rng) for _ in range(rng.randint(1, 6))]


def _title(rng: random.Random) -> tuple[str, str | None]:
    if rng.random() < 0.12:
        language, title, _english = rng.choice(FOREIGN_TITLES)
        return title, language
    return f"{rng.choice(TITLE_HEADS)} {rng.choice(TITLE_TOPICS)}{rng.choice(TITLE_TAILS)}", None


def _date(rng: random.Random, parts: int) -> dict[str, list[list[int]]]:
    year = rng.randint(1985, 2025)
    date = [year, rng.choice(MONTHS), rng.randint(1, 28)][:parts]
    return {"date-parts": [date]}


def _pages(rng: random.Random) -> str:
    first = rng.randint(1, 2400)
    return f"{first}-{first + rng.randint(1, 40)}" if rng.random() < 0.9 else str(first)


def _article(rng: random.Random, serial: int) -> dict:
    title, language = _title(rng)
    item: dict = {
        "type": "article-journal",
        "author": _authors(rng),
        "title": title,
        "container-title": rng.choice(JOURNALS),
        "issued": _date(rng, rng.choice([1, 2, 2, 3])),
        "volume": str(rng.randint(1, 400)),
    }
    if language:
        item["language"] = language
    roll = rng.random()
    if roll < 0.1:
        item["issue"] = f"{rng.randint(1, 12)} Suppl {rng.randint(1, 3)}"
    elif roll < 0.15:
        item["issue"] = f"{rng.randint(1, 12)} Pt {rng.randint(1, 2)}"
    elif roll < 0.85:
        item["issue"] = str(rng.randint(1, 12))
    if rng.random() < 0.12:
        item["page"] = f"e{rng.randint(100000, 999999)}"
    elif rng.random() < 0.05:
        item["number"] = str(rng.randint(1000, 9999))
    else:
        item["page"] = _pages(rng)
    if rng.random() < 0.5:
        item["DOI"] = f"10.{rng.randint(1000, 9999)}/{rng.choice(['j', 's', 'nejm'])}.{rng.randint(2000, 2025)}.{serial:05d}"
    if rng.random() < 0.3:
        item["PMID"] = str(rng.randint(10000000, 39999999))
    if rng.random() < 0.05:
        item["status"] = "Epub ahead of print"
        item.pop("volume", None)
        item.pop("issue", None)
        item.pop("page", None)
    if rng.random() < 0.2:
        item["container-title-short"] = item["container-title"]
    return item


def _book(rng: random.Random, serial: int) -> dict:
    place, publisher = rng.choice(PUBLISHERS)
    item = {
        "type": "book",
        "author": _authors(rng) if rng.random() < 0.8 else [],
        "title": rng.choice(["Harrison's principles of internal medicine", "Clinical pharmacology",
                             "Oxford handbook of clinical medicine", "Pediatric cardiology"]),
        "publisher": publisher,
        "publisher-place": place,
        "issued": _date(rng, 1),
    }
    if not item["author"]:
        del item["author"]
        item["editor"] = [_person(rng) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.4:
        item["edition"] = str(rng.randint(2, 20))
    if rng.random() < 0.3:
        item["number-of-pages"] = str(rng.randint(100, 1500))
    return item


def _chapter(rng: random.Random, serial: int) -> dict:
    place, publisher = rng.choice(PUBLISHERS)
    title, _language = _title(rng)
    return {
        "type": "chapter",
        "author": [_person(rng) for _ in range(rng.randint(1, 3))],
        "title": title,
        "container-title": rng.choice(["Textbook of cardiology", "Principles of surgery", "Infectious diseases"]),
        "editor": [_person(rng) for _ in range(rng.randint(1, 3))],
        "publisher": publisher,
        "publisher-place": place,
        "issued": _date(rng, 1),
        "page": _pages(rng),
    }


def _paper(rng: random.Random, serial: int) -> dict:
    place, publisher = rng.choice(PUBLISHERS)
    title, _language = _title(rng)
    item = {
        "type": "paper-conference",
        "author": [_person(rng) for _ in range(rng.randint(1, 4))],
        "title": title,
        "container-title": f"Proceedings of the {rng.randint(2, 40)}th European Congress of Cardiology",
        "event-title": "European Congress of Cardiology",
        "event-place": rng.choice(["Vienna, Austria", "Kyiv, Ukraine", "Paris, France"]),
        "publisher": publisher,
        "publisher-place": place,
        "issued": _date(rng, rng.choice([1, 3])),
        "page": _pages(rng),
    }
    return item


def _thesis(rng: random.Random, serial: int) -> dict:
    title, _language = _title(rng)
    return {
        "type": "thesis",
        "author": [_person(rng)],
        "title": title,
        "genre": rng.choice(["PhD thesis", "Dissertation", "Master's thesis"]),
        "publisher": rng.choice(["University of Oxford", "Bogomolets National Medical University", "Harvard University"]),
        "publisher-place": rng.choice(["Oxford", "Kyiv", "Cambridge (MA)"]),
        "issued": _date(rng, 1),
    }


def _report(rng: random.Random, serial: int) -> dict:
    place, publisher = rng.choice(PUBLISHERS)
    title, _language = _title(rng)
    item = {
        "type": "report",
        "author": _authors(rng),
        "title": title,
        "publisher": publisher,
        "publisher-place": place,
        "issued": _date(rng, rng.choice([1, 2])),
    }
    if rng.random() < 0.6:
        item["number"] = f"WHO/{rng.choice(['HTM', 'NMH'])}/{rng.randint(1, 99)}.{rng.randint(1, 9)}"
        item["collection-title"] = "Technical report series"
    return item


def _webpage(rng: random.Random, serial: int) -> dict:
    title, _language = _title(rng)
    item = {
        "type": "webpage",
        "title": title,
        "container-title": rng.choice(["World Health Organization", "Centers for Disease Control and Prevention", "NHS"]),
        "URL": f"https://www.example.org/health/{serial}",
        "accessed": _date(rng, 3),
    }
    if rng.random() < 0.6:
        item["author"] = _authors(rng)
    if rng.random() < 0.7:
        item["issued"] = _date(rng, rng.choice([1, 3]))
    return item


def make(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    makers = [(_article, 0.55), (_book, 0.1), (_chapter, 0.08), (_paper, 0.07), (_thesis, 0.06),
              (_report, 0.07), (_webpage, 0.07)]
    items = []
    for serial in range(1, count + 1):
        maker = rng.choices([m for m, _ in makers], weights=[w for _, w in makers])[0]
        items.append({"id": f"ITEM-{serial:04d}", **maker(rng, serial)})
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    items = make(args.count, args.seed)
    TARGET.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(items)} items to {TARGET}")


if __name__ == "__main__":
    main()
