"""Splitting pasted reference lists into references."""

from __future__ import annotations

from pathlib import Path

from cslkit.textparser import split_references

ROOT = Path(__file__).resolve().parent.parent


def texts(text: str) -> list[str]:
    return [s.text for s in split_references(text)[0]]


def test_seed_list_gives_71_references_with_the_broken_one_rejoined():
    segments, skipped = split_references(
        (ROOT / "examples/maltsev-2013-references.txt").read_text(encoding="utf-8")
    )
    assert len(segments) == 71
    assert not skipped
    joined = segments[50].text
    assert "to treat anti-Ro/La-related congenital atrioventricular block" in joined
    assert joined.endswith("2013; 12(7): 768–73.")
    assert segments[51].text.startswith("Ruffatti A, Milanesi O")
    assert segments[-1].number == 72


def test_numbering_styles():
    for template in ("{n}. {t}", "[{n}] {t}", "{n}) {t}", "  {n}.\t{t}"):
        refs = [f"Author{n} A. Title {n}. J Med. 200{n};{n}:1-2." for n in range(1, 4)]
        text = "\n".join(template.format(n=i + 1, t=r) for i, r in enumerate(refs))
        assert texts(text) == refs, template


def test_wrapped_lines_and_a_wrapped_year_are_joined():
    text = (
        "1. Smith J, Doe A. A title that is long enough to wrap onto\n"
        "the next line. J Med.\n"
        "2013 Apr;5(2):1-9.\n"
        "2. Roe B. Another title. Lancet. 2001;3:4-5.\n"
    )
    assert texts(text) == [
        "Smith J, Doe A. A title that is long enough to wrap onto the next line. J Med. 2013 Apr;5(2):1-9.",
        "Roe B. Another title. Lancet. 2001;3:4-5.",
    ]


def test_unnumbered_one_per_line_and_hanging_indent():
    plain = "Smith J. Title one. J Med. 2001;1:1-2.\nDoe A. Title two. Lancet. 2002;3:4.\n"
    assert len(texts(plain)) == 2
    hanging = (
        "Smith, J. (2001). A title that goes on\n    and on. Journal, 1, 1-2.\n"
        "Doe, A. (2002). Another. Journal, 3, 4.\n"
    )
    assert texts(hanging)[0] == "Smith, J. (2001). A title that goes on and on. Journal, 1, 1-2."
    assert len(texts(hanging)) == 2


def test_blank_line_separated_blocks():
    text = "Smith J.\nTitle one.\nJ Med. 2001.\n\nDoe A.\nTitle two.\nLancet. 2002.\n"
    assert texts(text) == ["Smith J. Title one. J Med. 2001.", "Doe A. Title two. Lancet. 2002."]


def test_page_furniture_is_skipped():
    text = (
        "References\n\n1. Smith J. Title. J Med. 2001;1:1-2.\n\n12\n\n"
        "2. Doe A. Title. Lancet. 2002;3:4.\n\n\nHow to cite\n\nSomebody else. 2020.\n"
    )
    segments, skipped = split_references(text)
    assert [s.number for s in segments] == [1, 2]
    assert {s.text for s in skipped} >= {"References", "12", "How to cite"}


def test_odd_spaces_and_control_characters_are_normalised():
    segments, _ = split_references("1.\u00a0Smith\u00a0J. Title.\x07 J Med. 2001.\r\n2. Doe A. T. 2002.")
    assert segments[0].text == "Smith J. Title. J Med. 2001."
    assert len(segments) == 2


def test_empty_input():
    assert split_references("") == ([], [])
    assert split_references("\n\n  \n") == ([], [])


def test_numbering_past_999_and_lists_starting_midway():
    text = "\n".join(f"{n}. Author{n} A. Title {n}. J Med. 2001;1:{n}." for n in range(1, 1201))
    assert len(texts(text)) == 1200
    assert len(texts("12. Smith J. T. 2013.\n13. Doe J. T. 2014.\n14. Roe B. T. 2001.")) == 3


def test_lines_opening_with_years_are_not_numbers():
    assert texts("2013. Smith J. Title. Publisher.\n2014. Doe J. Title. Publisher.") == [
        "2013. Smith J. Title. Publisher.", "2014. Doe J. Title. Publisher."]


def test_same_author_dashes_start_a_new_reference():
    text = "Hemingway, E. The Sun Also Rises. New York: Scribner, 1926.\n———. Men Without Women. New York: Scribner, 1927.\n"
    assert len(texts(text)) == 2
