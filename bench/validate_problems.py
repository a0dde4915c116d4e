"""Recall of injected faults and false alarms on clean items for cslkit.validate().

Makes clean, complete items (journal articles, books, chapters, web pages; English,
Ukrainian and Russian; valid DOI/ISSN/ISBN check digits), checks that validate() stays
silent on them (also with their page ranges shortened the NLM way, "1073-9"), then injects one known fault of each kind into copies and checks that
validate() reports it (the expected code on that item).

    .venv/bin/python bench/validate_problems.py [--items 1000]

Targets: recall >= 0.98, false alarms on clean items <= 1 %.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from cslkit.validation import validate
from cslkit.validation.identifiers import issn_check_digit

FAMILIES = [
    "Smith",
    "Kowalski",
    "Nakamura",
    "O'Connor",
    "Schäfer",
    "García",
    "Мальцев",
    "Іваненко",
    "Казмірчук",
    "Петров",
    "Ковальчук",
    "Haddad",
    "Brennan",
    "Dubois",
    "Rossi",
    "Ли",
]
GIVENS = ["J. A.", "P.", "Y.", "L.", "D. V.", "І. В.", "В. Є.", "A. Yu.", "M.", "Olena", "Sarah"]
WORDS_EN = [
    "outcomes",
    "of",
    "treatment",
    "in",
    "patients",
    "with",
    "chronic",
    "heart",
    "failure",
    "a",
    "randomised",
    "trial",
    "children",
    "vaccination",
    "coverage",
    "stroke",
    "risk",
]
WORDS_UK = [
    "особливості",
    "лікування",
    "хворих",
    "на",
    "цукровий",
    "діабет",
    "у",
    "дітей",
    "імунітет",
]
WORDS_RU = ["особенности", "лечения", "больных", "с", "артериальной", "гипертензией", "у", "детей"]
JOURNALS = [
    ("New England Journal of Medicine", "N Engl J Med"),
    ("Critical Care Medicine", "Crit Care Med"),
    ("Клінічна імунологія. Алергологія. Інфектологія", None),
    ("Кардиология", None),
    ("European Journal of Heart Failure", "Eur J Heart Fail"),
    ("PLoS One", "PLoS One"),
]


STEMS = [
    "Kowal",
    "Petr",
    "Shev",
    "Ivan",
    "Bond",
    "Mel",
    "Nak",
    "Har",
    "Brenn",
    "Dub",
    "Ross",
    "Schm",
    "Kovt",
    "Мальц",
    "Іван",
    "Коваль",
    "Петр",
    "Шевч",
    "Бондар",
    "Мельн",
    "Сидор",
]
ENDINGS = [
    "enko",
    "chuk",
    "ski",
    "ov",
    "ova",
    "son",
    "er",
    "amura",
    "ets",
    "ів",
    "енко",
    "ук",
    "ський",
    "ов",
    "ова",
    "ич",
    "ець",
]


def family_name(rng: random.Random) -> str:
    """A family name from a few thousand combinations (real lists have many authors)."""
    if rng.random() < 0.2:
        return rng.choice(FAMILIES)
    stem = rng.choice(STEMS)
    cyrillic = "\u0400" <= stem[0] <= "\u04ff"
    endings = [e for e in ENDINGS if ("\u0400" <= e[0] <= "\u04ff") == cyrillic]
    return (
        stem
        + rng.choice(endings)
        + rng.choice(["", "a", "i", "o"] if not cyrillic else ["", "а", "о"])
    )


def isbn13(rng: random.Random) -> str:
    digits = [9, 7, 8] + [rng.randrange(10) for _ in range(9)]
    check = (10 - sum((1 if i % 2 == 0 else 3) * d for i, d in enumerate(digits)) % 10) % 10
    return "".join(map(str, digits)) + str(check)


def issn(rng: random.Random) -> str:
    first = "".join(str(rng.randrange(10)) for _ in range(7))
    return f"{first[:4]}-{first[4:]}{issn_check_digit(first)}"


def clean_item(rng: random.Random, index: int) -> dict[str, Any]:
    """One complete, correct item of a random type and language."""
    language = rng.choice(["en", "en", "uk", "ru"])
    words = {"en": WORDS_EN, "uk": WORDS_UK, "ru": WORDS_RU}[language]
    title = " ".join(rng.choice(words) for _ in range(rng.randint(5, 12))).capitalize()
    title += f" {index}"  # distinct works have distinct titles
    authors = [
        {"family": family_name(rng), "given": rng.choice(GIVENS)} for _ in range(rng.randint(1, 6))
    ]
    year = rng.randint(1950, datetime.date.today().year)
    first_page = rng.randint(1, 2000)
    kind = rng.choices(["article-journal", "book", "chapter", "webpage"], weights=[7, 1, 1, 1])[0]
    item: dict[str, Any] = {
        "id": f"item{index}",
        "type": kind,
        "title": title,
        "language": language,
        "author": authors,
        "issued": {"date-parts": [[year, rng.randint(1, 12)]]},
    }
    if kind == "article-journal":
        journal, abbreviation = rng.choice(JOURNALS)
        item.update(
            {
                "container-title": journal,
                "volume": str(rng.randint(1, 300)),
                "issue": str(rng.randint(1, 12)),
                "page": f"{first_page}-{first_page + rng.randint(0, 30)}",
                "ISSN": issn(rng),
                "DOI": f"10.{rng.randint(1000, 99999)}/j.{rng.randint(1, 10**6)}",
                "PMID": str(rng.randint(1, 4 * 10**7)),
            }
        )
        if abbreviation:
            item["container-title-short"] = abbreviation
    elif kind in ("book", "chapter"):
        item.update(
            {
                "publisher": "Медицина" if language != "en" else "Oxford University Press",
                "publisher-place": "Київ" if language == "uk" else "Oxford",
                "ISBN": isbn13(rng),
            }
        )
        if kind == "chapter":
            item.update(
                {
                    "container-title": "Handbook of clinical practice",
                    "page": f"{first_page}-{first_page + 20}",
                    "editor": [{"family": rng.choice(FAMILIES), "given": "K."}],
                }
            )
    else:
        item.update(
            {
                "URL": f"https://example.org/page/{index}",
                "accessed": {"date-parts": [[year, 1, 15]]},
            }
        )
    return item


def nlm_range(page: str) -> str:
    """A range with the leading digits both ends share dropped from the last page, as NLM
    writes it: "1073-1079" -> "1073-9", "98-108" unchanged, "12-12" -> "12-2"."""
    first, last = page.split("-")
    if len(first) != len(last):
        return page
    keep = len(last)
    while keep > 1 and last[len(last) - keep] == first[len(first) - keep]:
        keep -= 1
    return f"{first}-{last[len(last) - keep :]}"


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def apply(item: dict[str, Any]) -> None:
        item[key] = value(item) if callable(value) else value

    return apply


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda item: item.pop(key, None)


def _bad_issn(item: dict[str, Any]) -> str:
    good = item["ISSN"]
    last = "0" if good[-1] != "0" else "1"
    return good[:-1] + last


def _bad_isbn(item: dict[str, Any]) -> str:
    good = item["ISBN"]
    return good[:-1] + str((int(good[-1]) + 1) % 10)


NEXT_YEAR = datetime.date.today().year + 2
# name -> (applies to item?, inject, expected code)
FAULTS: dict[
    str, tuple[Callable[[dict[str, Any]], bool], Callable[[dict[str, Any]], None], str]
] = {
    "reversed pages": (
        lambda i: "page" in i,
        _set(
            "page",
            lambda i: "{1}-{0}".format(*[int(p) + k for k, p in enumerate(i["page"].split("-"))]),
        ),
        "reversed-page-range",
    ),
    "future year": (lambda i: True, _set("issued", {"date-parts": [[NEXT_YEAR]]}), "future-year"),
    "year before 1500": (
        lambda i: True,
        _set("issued", {"date-parts": [[201]]}),
        "year-before-1500",
    ),
    "impossible date": (
        lambda i: True,
        _set("issued", {"date-parts": [[2010, 2, 30]]}),
        "impossible-date",
    ),
    "ISSN check digit": (lambda i: "ISSN" in i, _set("ISSN", _bad_issn), "invalid-issn"),
    "ISBN check digit": (lambda i: "ISBN" in i, _set("ISBN", _bad_isbn), "invalid-isbn"),
    "DOI syntax": (
        lambda i: "DOI" in i,
        _set("DOI", lambda i: i["DOI"].replace("10.", "doi ", 1).replace("/", " ")),
        "invalid-doi",
    ),
    "PMID not digits": (
        lambda i: "PMID" in i,
        _set("PMID", lambda i: "PMID " + i["PMID"] + "x"),
        "invalid-pmid",
    ),
    "missing title": (lambda i: True, _drop("title"), "missing-title"),
    "retracted title": (
        lambda i: True,
        _set("title", lambda i: "RETRACTED: " + i["title"]),
        "retracted-title",
    ),
    "unknown type": (lambda i: True, _set("type", "journal-article"), "unknown-type"),
    "unknown variable": (lambda i: True, _set("journal", "Lancet"), "unknown-variable"),
    "author as string": (
        lambda i: True,
        _set("author", lambda i: ", ".join(a["family"] for a in i["author"])),
        "invalid-names",
    ),
    "date as string": (lambda i: True, _set("issued", "2012 Apr"), "invalid-date"),
    "et al. as author": (
        lambda i: True,
        _set("author", lambda i: [*i["author"], {"literal": "et al."}]),
        "et-al-in-names",
    ),
    "name without family": (
        lambda i: True,
        _set("author", lambda i: [{"given": "J."}, *i["author"][1:]]),
        "empty-name",
    ),
    "missing journal": (
        lambda i: i["type"] == "article-journal",
        lambda i: [i.pop("container-title", None), i.pop("container-title-short", None)],
        "missing-field",
    ),
    "bad URL": (
        lambda i: "URL" in i,
        _set("URL", lambda i: i["URL"].replace("https://", "")),
        "invalid-url",
    ),
    "DOI in the note": (
        lambda i: "DOI" in i,
        lambda i: i.update(note="doi: " + i.pop("DOI")),
        "misplaced-identifier",
    ),
    "language name": (lambda i: True, _set("language", "Ukrainian"), "invalid-language"),
    "title as number": (lambda i: True, _set("title", 1999), "invalid-value-type"),
}
LIST_FAULTS = {
    "duplicate id": ("duplicate-id", lambda a, b: {**b, "id": a["id"]}),
    "id differing in case": ("duplicate-id-case", lambda a, b: {**b, "id": a["id"].upper()}),
    "same work twice": (
        "possible-duplicate",
        lambda a, b: {**copy.deepcopy(a), "id": b["id"], "title": a["title"] + "."},
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    clean = [clean_item(rng, i) for i in range(args.items)]

    started = time.perf_counter()
    # The same clean items with their page ranges shortened as NLM shortens them
    # ("1073-1079" -> "1073-9"): an abbreviation must not read as a reversed range.
    shortened = [
        {**item, "page": nlm_range(item["page"])} if "page" in item else item for item in clean
    ]
    report = validate(clean)
    alarmed = {p.position for p in report}
    alarm_codes = Counter(p.code for p in report)
    report_short = validate(shortened)
    alarmed_short = {p.position for p in report_short}
    alarm_codes.update(p.code for p in report_short)
    false_alarm_rate = (len(alarmed) + len(alarmed_short)) / (2 * len(clean))

    injected = detected = 0
    missed: Counter[str] = Counter()
    per_kind: Counter[str] = Counter()
    for name, (applies, inject, code) in FAULTS.items():
        batch, targets = [], []
        for item in clean:
            if not applies(item):
                continue
            broken = copy.deepcopy(item)
            inject(broken)
            targets.append(len(batch))
            batch.append(broken)
        found = {p.position for p in validate(batch, rules=None) if p.code == code}
        for position in targets:
            injected += 1
            per_kind[name] += 1
            if position in found:
                detected += 1
            else:
                missed[name] += 1
    for name, (code, make) in LIST_FAULTS.items():
        for a, b in zip(clean[0::2], clean[1::2], strict=False):
            injected += 1
            per_kind[name] += 1
            if any(p.code == code and p.position == 1 for p in validate([a, make(a, b)])):
                detected += 1
            else:
                missed[name] += 1
    elapsed = time.perf_counter() - started
    recall = detected / injected
    print(
        f"clean items: {len(clean)}; fault kinds: {len(FAULTS) + len(LIST_FAULTS)}; injected faults: {injected}"
    )
    print(f"recall of injected faults: {recall:.4f} ({detected}/{injected})  target >= 0.98")
    print(
        f"false alarms on clean items: {false_alarm_rate:.2%} ({len(alarmed)}/{len(clean)} "
        f"with full page ranges, {len(alarmed_short)}/{len(clean)} with NLM-shortened ones)"
        "  target <= 1 %"
    )
    if alarm_codes:
        print("  false alarm codes:", dict(alarm_codes))
    for name, count in missed.most_common():
        print(f"  missed {name}: {count}/{per_kind[name]}")
    print(f"time: {elapsed:.1f} s")
    sys.exit(0 if recall >= 0.98 and false_alarm_rate <= 0.01 else 1)


if __name__ == "__main__":
    main()
