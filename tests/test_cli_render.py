"""`cslkit render`, `cslkit cite` and `cslkit styles` from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import docx
import pytest

ITEMS = [
    {
        "id": "kov2013",
        "type": "article-journal",
        "language": "uk",
        "title": "Лікування гіпертензії у дітей",
        "container-title": "Педіатрія",
        "author": [{"family": "Коваленко", "given": "Юрій"}],
        "issued": {"date-parts": [[2013]]},
        "volume": "5",
        "issue": "2",
        "page": "12-15",
        "custom": {"translated-title": "Treatment of hypertension in children"},
    },
    {
        "id": "smith2015",
        "type": "article-journal",
        "title": "Blood pressure & salt",
        "container-title": "J Hypertens",
        "author": [{"family": "Smith", "given": "John"}],
        "issued": {"date-parts": [[2015, 6]]},
        "volume": "12",
        "page": "123-129",
    },
]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cslkit", *args], input=stdin, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def refs(tmp_path):
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(ITEMS, ensure_ascii=False), encoding="utf-8")
    return path


def test_render_prints_one_entry_per_line(refs) -> None:
    result = run("render", str(refs), "--style", "vancouver", "--from", "csl-json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("1. Коваленко Ю. Лікування гіпертензії у дітей.")
    assert lines[1] == "2. Smith J. Blood pressure & salt. J Hypertens. 2015 Jun;12:123–9."


def test_render_reads_stdin_and_writes_html(refs) -> None:
    result = run("render", "-", "--format", "html", "--from", "csl-json", stdin=refs.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert "Blood pressure &amp; salt" in result.stdout


def test_render_docx_file(refs, tmp_path) -> None:
    target = tmp_path / "refs.docx"
    result = run("render", str(refs), "-o", str(target), "--from", "csl-json")
    assert result.returncode == 0, result.stderr
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert texts[1].startswith("2. Smith J.")


def test_render_transliterated_references(refs) -> None:
    module = pytest.importorskip("cslkit.transliteration")
    if not hasattr(module, "prepare_references"):
        pytest.skip("cslkit.transliteration.prepare_references is not written yet")
    result = run("render", str(refs), "--transliterate", "--from", "csl-json")
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("1. Kovalenko Y. Likuvannia hipertenzii u ditei")
    assert "[Treatment of hypertension in children]" in first
    assert first.endswith("[in Ukrainian]")


def test_unknown_style_is_one_line_and_exit_2(refs) -> None:
    result = run("render", str(refs), "--style", "vancuver", "--from", "csl-json")
    assert result.returncode == 2
    assert result.stderr.startswith("cslkit: error: unknown style 'vancuver'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_cite_numbers_and_collapses(refs) -> None:
    result = run("cite", str(refs), "--cite", "smith2015", "--cite", "kov2013,smith2015", "--from", "csl-json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["(1)", "(1,2)"]


def test_cite_unknown_id_is_an_input_error(refs) -> None:
    result = run("cite", str(refs), "--cite", "nope", "--from", "csl-json")
    assert result.returncode == 2
    assert "nope" in result.stderr


def test_cite_notes_print_ibid_in_a_note_style(refs) -> None:
    result = run("cite", str(refs), "--style", "chicago-notes-bibliography-subsequent-ibid", "--notes",
                 "--cite", "smith2015", "--cite", "smith2015", "--from", "csl-json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == "Ibid."


def test_cite_reads_csl_citations_with_locators(refs, tmp_path) -> None:
    clusters = tmp_path / "clusters.json"
    clusters.write_text(json.dumps([
        {"citationItems": [{"id": "smith2015", "locator": "12"}], "properties": {"noteIndex": 1}},
        {"citationItems": [{"id": "smith2015", "locator": "15"}], "properties": {"noteIndex": 2}},
    ]), encoding="utf-8")
    result = run("cite", str(refs), "--style", "chicago-notes-bibliography-subsequent-ibid",
                 "--clusters", str(clusters), "--from", "csl-json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == "Ibid., 15."
    clusters.write_text('[{"properties": {}}]', encoding="utf-8")
    result = run("cite", str(refs), "--clusters", str(clusters), "--from", "csl-json")
    assert result.returncode == 2 and "citationItems" in result.stderr


def test_styles_lists_ours_first_and_searches() -> None:
    result = run("styles", "dstu")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("dstu-8302-2015")
    result = run("styles", "nlm", "citation", "sequence", "--json")
    names = [row["name"] for row in json.loads(result.stdout)]
    assert "nlm-citation-sequence" in names


def test_help_prints_square_brackets_as_written() -> None:
    # rich reads help texts as markup: unescaped, "[in Ukrainian]" vanished as a tag.
    result = run("render", "--help")
    assert result.returncode == 0
    assert "[in Ukrainian]" in " ".join(result.stdout.replace("│", " ").split())


def test_cite_shorthand_locators(refs) -> None:
    result = run("cite", str(refs), "--style", "apa", "--cite", "smith2015@p. 12-15,kov2013@chap. 3",
                 "--cite", "smith2015@7", "--from", "csl-json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["(Smith, 2015, pp. 12–15; Коваленко, 2013, Chapter 3)", "(Smith, 2015, p. 7)"]


def test_cite_shorthand_with_an_unknown_label_names_it(refs) -> None:
    result = run("cite", str(refs), "--cite", "smith2015@pgs 12", "--from", "csl-json")
    assert result.returncode == 2
    assert "unknown locator label 'pgs'" in result.stderr and "chap." in result.stderr


def test_output_into_a_missing_directory_or_onto_a_directory_is_an_input_error(refs, tmp_path) -> None:
    for target in (tmp_path / "missing" / "refs.docx", tmp_path / "missing" / "refs.txt", tmp_path):
        result = run("render", str(refs), "-o", str(target), "--from", "csl-json")
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"cslkit: error: {target}"), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.json"]  # no temporary file left


def test_output_files_get_ordinary_permissions_and_keep_their_own(refs, tmp_path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    for name in ("refs.docx", "refs.txt"):
        target = tmp_path / name
        assert run("render", str(refs), "-o", str(target), "--from", "csl-json").returncode == 0
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask
        target.chmod(0o640)
        assert run("render", str(refs), "-o", str(target), "--from", "csl-json").returncode == 0
        assert target.stat().st_mode & 0o777 == 0o640


def test_render_names_fields_it_cannot_print_and_prints_no_python_objects(tmp_path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"id": "a", "type": "article-journal", "title": "X", "author": "Smith J",
                                 "issued": "2020", "volume": {"a": 1}, "container-title": "J"}]), encoding="utf-8")
    result = run("render", str(path), "--from", "csl-json")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1. X. J.\n"
    warnings = result.stderr.splitlines()
    assert len(warnings) == 3 and all(w.startswith('cslkit: warning: item "a" (no. 1), field ') for w in warnings)
    assert any("field issued" in w and '{"date-parts": [[2020]]}' in w for w in warnings)
    assert all("left out of the entry" in w for w in warnings)


def test_render_names_a_date_it_cannot_read(tmp_path) -> None:
    path = tmp_path / "date.json"
    path.write_text(json.dumps([{"id": "x", "type": "book", "title": "T", "issued": {"date-parts": [["x"]]}}]),
                    encoding="utf-8")
    result = run("render", str(path), "--from", "csl-json")
    assert result.returncode == 0 and result.stdout == "1. T.\n"
    assert 'item "x" (no. 1), field issued' in result.stderr and "left out of the entry" in result.stderr
