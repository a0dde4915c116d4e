"""render(), cite(), list_styles() and write_bibliography() through the public API."""

from __future__ import annotations

import docx
import pytest

import cslkit
from cslkit.errors import StyleError, UnknownFormatError
from cslkit.rendering import write_bibliography

ARTICLE = {
    "id": "smith2015",
    "type": "article-journal",
    "title": "Blood pressure in children",
    "container-title": "J Hypertens",
    "author": [{"family": "Smith", "given": "John A"}, {"family": "Lee", "given": "Kim"}],
    "issued": {"date-parts": [[2015, 6]]},
    "volume": "12",
    "issue": "3",
    "page": "123-129",
}
BOOK = {
    "id": "book1",
    "type": "book",
    "title": "Clinical pharmacology",
    "author": [{"family": "Brown", "given": "Ann"}],
    "publisher": "Elsevier",
    "publisher-place": "London",
    "issued": {"date-parts": [[2010]]},
}


def test_vancouver_by_its_old_name_renders_a_numbered_list() -> None:
    entries = cslkit.render([ARTICLE, BOOK], style="vancouver")
    assert entries == [
        "1. Smith JA, Lee K. Blood pressure in children. J Hypertens. 2015 Jun;12(3):123–9.",
        "2. Brown A. Clinical pharmacology. London: Elsevier; 2010.",
    ]


def test_same_result_by_current_id_and_by_path() -> None:
    from cslkit.rendering.styles import resolve_style

    by_name = cslkit.render([ARTICLE], style="nlm-citation-sequence")
    path = resolve_style("vancouver").path
    assert cslkit.render([ARTICLE], style=str(path)) == by_name


def test_dependent_style_resolves_to_its_parent() -> None:
    # springer-vancouver-brackets etc. are independent; "vancouver-nlm"-like dependents
    # point to nlm-citation-sequence
    from cslkit.rendering.styles import resolve_style

    resolved = resolve_style("vancouver-nlm")
    assert resolved.path.stem == "nlm-citation-sequence"


def test_unknown_style_suggests_close_names() -> None:
    with pytest.raises(StyleError) as caught:
        cslkit.render([ARTICLE], style="vancuver")
    assert "vancouver" in str(caught.value)


def test_url_styles_are_refused_without_network() -> None:
    with pytest.raises(StyleError, match="network"):
        cslkit.render([ARTICLE], style="https://example.org/style.csl")


def test_cite_numbers_follow_first_citation_in_a_sequence_style() -> None:
    marks = cslkit.cite([ARTICLE, BOOK], [["book1"], ["smith2015", "book1"]], style="vancouver")
    assert marks == ["(1)", "(1,2)"]
    assert cslkit.cite([ARTICLE, BOOK], ["smith2015"], style="vancouver") == ["(1)"]


def test_list_styles_finds_vancouver_family() -> None:
    names = [s.name for s in cslkit.list_styles("nlm citation sequence")]
    assert "nlm-citation-sequence" in names


def test_docx_is_a_file_not_strings(tmp_path) -> None:
    with pytest.raises(UnknownFormatError):
        cslkit.render([ARTICLE], format="docx")
    target = tmp_path / "refs.docx"
    write_bibliography([ARTICLE | {"title": "A <i>Homo sapiens</i> study"}], target)
    paragraphs = docx.Document(str(target)).paragraphs
    assert paragraphs[0].text.startswith("1. Smith JA")
    italic = [run.text for run in paragraphs[0].runs if run.italic]
    assert italic == ["Homo sapiens"]


@pytest.mark.parametrize("suffix", ["txt", "html", "md", "rtf"])
def test_write_bibliography_text_formats(tmp_path, suffix: str) -> None:
    target = tmp_path / f"refs.{suffix}"
    write_bibliography([ARTICLE, BOOK], target)
    text = target.read_text(encoding="utf-8")
    assert "Blood pressure in children" in text
    assert "Clinical pharmacology" in text


ODD_ITEMS = [
    {"id": 1, "type": "book", "title": 12345, "issued": {"date-parts": [["2015", "6"]]}},
    {"id": "no-type", "title": "No type at all", "author": [{"literal": "WHO"}]},
    {"id": "strings", "type": "article-journal", "author": ["not a name"], "issued": {"raw": "Spring 2001"},
     "page": "e1234", "volume": 7},
    {"id": "empty", "type": "webpage"},
    {"id": "range", "type": "chapter", "title": "T", "issued": {"date-parts": [[1999, 1], [2001]]},
     "page": "iv-x", "editor": [{"given": "Only"}]},
]


@pytest.mark.parametrize("style", ["vancouver", "apa", "dstu-8302-2015", "ieee", "modern-language-association"])
def test_odd_items_render_without_errors(style: str) -> None:
    entries = cslkit.render(ODD_ITEMS, style=style)
    assert entries  # every style prints something for these items, and nothing raises
    assert cslkit.cite(ODD_ITEMS, [["1", "range"]], style=style)


def test_style_search_ranks_the_best_match_first():
    from cslkit.rendering import list_styles

    assert list_styles("vancouver")[0].name == "nlm-citation-sequence"  # the renamed id
    assert list_styles("apa")[0].name == "apa"
    assert list_styles("vanc")[0].name.startswith("vancouver")
