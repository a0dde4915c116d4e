"""Build cslkit/normalisers/data/journals-uk-ru.tsv: Ukrainian and Russian medical
journals' titles (Cyrillic and English) -> their standard abbreviation.

The NLM list knows these journals only under transliterated titles ("Likarska Sprava"),
so a reference that prints the Cyrillic title ("Лікарська справа") or the journal's
English title ("Reproductive Endocrinology") finds no abbreviation there. The rows below
are facts: the journal's printed titles and its abbreviation. Rows marked "nlm" use the
NLM abbreviation and are checked here against the bundled NLM table (the build fails if
one is not there); rows marked "iso4" are journals NLM does not index, abbreviated word
by word with the ISO 4 word abbreviations (LTWA), written without dots as NLM does.

    python tools/normalisers/build_uk_ru_journals.py
"""

from __future__ import annotations

from pathlib import Path

from cslkit.normalisers.containers import fold, journal_table

OUTPUT = Path(__file__).resolve().parents[2] / "cslkit/normalisers/data/journals-uk-ru.tsv"

# (abbreviation, source, printed titles...)
JOURNALS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Lik Sprava", "nlm", ("Лікарська справа", "Likarska sprava")),
    ("Vrach Delo", "nlm", ("Врачебное дело",)),
    ("Fiziol Zh", "nlm", ("Фізіологічний журнал", "Fiziolohichnyi zhurnal")),
    (
        "Zh Mikrobiol Epidemiol Immunobiol",
        "nlm",
        ("Журнал микробиологии, эпидемиологии и иммунобиологии",),
    ),
    ("Ter Arkh", "nlm", ("Терапевтический архив",)),
    ("Ukr Biokhim Zh", "nlm", ("Український біохімічний журнал",)),
    ("Vopr Pitan", "nlm", ("Вопросы питания",)),
    ("Kardiologiia", "nlm", ("Кардиология",)),
    ("Urologiia", "nlm", ("Урология",)),
    ("Pediatriia", "nlm", ("Педиатрия",)),
    ("Klin Khir", "nlm", ("Клінічна хірургія", "Klinichna khirurhiia")),
    ("Probl Endokrinol (Mosk)", "nlm", ("Проблемы эндокринологии",)),
    (
        "Ukr Med J",
        "iso4",
        (
            "Ukrainian Medical Journal",
            "Український медичний часопис",
            "Ukrainskyi medychnyi chasopys",
        ),
    ),
    (
        "Reprod Endocrinol",
        "iso4",
        (
            "Reproductive Endocrinology",
            "Репродуктивна ендокринологія",
            "Reproduktyvna endokrynolohiia",
        ),
    ),
)


def main() -> None:
    # Empty the file first so the table loaded below is the NLM list alone.
    OUTPUT.write_text("", encoding="utf-8")
    table = journal_table()
    lines = []
    for abbreviation, source, titles in JOURNALS:
        if source == "nlm" and fold(abbreviation) not in table.abbreviation_by_key:
            raise SystemExit(f"{abbreviation!r} is not an NLM abbreviation in the bundled table")
        lines.extend(f"{title}\t{abbreviation}\t{source}" for title in titles)
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} titles of {len(JOURNALS)} journals to {OUTPUT}")


if __name__ == "__main__":
    main()
