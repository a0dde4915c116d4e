"""`cslkit validate` and `cslkit normalise` as a user runs them: output, exit codes, files."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from cslkit.cli import main

GOOD = Path(__file__).parent / "data" / "validation" / "good.json"
MESSY = [
    {
        "id": "m1",
        "type": "journalArticle",
        "author": "Smith JA, Doe B, et al.",
        "title": "Aspirin and stroke. doi: 10.1000/XYZ",
        "container-title": "N Engl J Med",
        "issued": "2012 Apr 5",
        "page": "1073–9",
        "volume": "12",
        "custom": {
            "original": "Smith JA, Doe B, et al. Aspirin and stroke. N Engl J Med. 2012 Apr 5;12:1073–9."
        },
    },
    {
        "id": "m2",
        "type": "article-journal",
        "title": "Особливості лікування",
        "author": [{"family": "Іваненко", "given": "І.В."}],
        "container-title": "Клінічна імунологія",
        "issued": {"date-parts": [[2012]]},
        "volume": "3",
        "page": "245-239",
    },
]


def run(argv, capsys, monkeypatch=None, stdin: bytes | None = None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    captured = capsys.readouterr()
    return exit_info.value.code or 0, captured.out, captured.err


@pytest.fixture
def messy_file(tmp_path):
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(MESSY, ensure_ascii=False), encoding="utf-8")
    return path


def test_clean_file_exits_0(capsys):
    code, out, _ = run(["validate", str(GOOD)], capsys)
    assert code == 0
    assert "OK: 0 error(s), 0 warning(s)" in out


def test_text_output_groups_by_item_with_the_original_reference(capsys, messy_file):
    code, out, _ = run(["validate", str(messy_file)], capsys)
    assert code == 1
    assert "\x1b[" not in out  # plain when not a terminal
    lines = out.splitlines()
    first = lines.index('item "m1" (no. 1)')
    assert lines[first + 1].strip().startswith("Smith JA, Doe B, et al. Aspirin and stroke.")
    assert any("invalid-names author:" in line for line in lines)
    second = lines.index('item "m2" (no. 2)')
    assert any("reversed-page-range page:" in line for line in lines[second:])
    assert lines[-1].startswith("NOT OK: 3 error(s)")


def test_json_output_has_the_documented_keys(capsys, messy_file):
    code, out, _ = run(["validate", str(messy_file), "--format", "json"], capsys)
    assert code == 1
    problems = json.loads(out)
    assert all(
        set(p) == {"code", "severity", "item_id", "field", "message", "hint"} for p in problems
    )
    assert {"code": "invalid-date", "item_id": "m1", "field": "issued"}.items() <= next(
        p for p in problems if p["code"] == "invalid-date"
    ).items()


def test_stdin_and_style_and_rules(capsys, monkeypatch):
    book = [
        {
            "id": "b",
            "type": "book",
            "title": "X",
            "author": [{"family": "Y"}],
            "publisher": "P",
            "publisher-place": "K",
            "issued": {"date-parts": [[2010]]},
        }
    ]
    data = json.dumps(book).encode()
    code, out, _ = run(["validate", "-", "--format", "json"], capsys, monkeypatch, data)
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(
        ["validate", "-", "--format", "json", "--style", "dstu"], capsys, monkeypatch, data
    )
    assert code == 0 and [p["field"] for p in json.loads(out)] == ["number-of-pages"]
    code, out, _ = run(["validate", "--list-rules"], capsys)
    assert code == 0 and "identifiers" in out


def test_fix_writes_normalised_items_and_never_the_input(capsys, messy_file, tmp_path):
    before = messy_file.read_bytes()
    code, _, err = run(["validate", str(messy_file), "--fix"], capsys)
    assert code == 2 and "-o OUT" in err  # nowhere to write
    out_path = tmp_path / "fixed.json"
    code, out, _ = run(
        ["validate", str(messy_file), "--fix", "-o", str(out_path), "--format", "json"], capsys
    )
    assert messy_file.read_bytes() == before
    fixed = json.loads(out_path.read_text("utf-8"))
    assert fixed[0]["page"] == "1073-1079" and fixed[0]["type"] == "article-journal"
    problems = json.loads(out)
    assert any(p["code"] == "normalised-page" and "1073-1079" in p["message"] for p in problems)
    assert code == 0  # only the reversed range (a warning) is left


def test_fix_in_place_keeps_a_backup(capsys, messy_file):
    before = messy_file.read_text("utf-8")
    code, _, err = run(["validate", str(messy_file), "--fix", "--in-place"], capsys)
    assert code == 0
    assert Path(str(messy_file) + ".bak").read_text("utf-8") == before
    assert json.loads(messy_file.read_text("utf-8"))[0]["issued"] == {"date-parts": [[2012, 4, 5]]}
    assert "refs.json.bak" in err


def test_duplicates_against_another_list_and_merge(capsys, tmp_path):
    mine = tmp_path / "mine.json"
    theirs = tmp_path / "zotero.json"
    item = json.loads(GOOD.read_text("utf-8"))[0]
    mine.write_text(json.dumps([{k: v for k, v in item.items() if k != "ISSN"}]), encoding="utf-8")
    theirs.write_text(json.dumps([{**item, "id": "ZOTERO1"}]), encoding="utf-8")
    code, out, _ = run(
        ["validate", str(mine), "--duplicates-against", str(theirs), "--format", "json"], capsys
    )
    dupes = [p for p in json.loads(out) if p["code"] == "possible-duplicate"]
    assert code == 0 and len(dupes) == 1 and "ZOTERO1" in dupes[0]["message"]
    merged = tmp_path / "merged.json"
    run(
        ["validate", str(mine), "--duplicates-against", str(theirs), "--merge", "-o", str(merged)],
        capsys,
    )
    assert json.loads(merged.read_text("utf-8"))[0]["ISSN"] == item["ISSN"]


def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path):
    code, _, err = run(["validate", str(tmp_path / "missing.json")], capsys)
    assert code == 2 and err.count("\n") == 1 and err.startswith("cslkit: error:")


def test_normalise_command(capsys, messy_file, tmp_path):
    code, out, err = run(["normalise", str(messy_file), "--skip", "language"], capsys)
    assert code == 0
    items = json.loads(out)
    assert items[0]["author"][0] == {"family": "Smith", "given": "J. A."}
    assert "language" not in items[0]
    assert "change(s) in 2 of 2 item(s)" in err
    code, out, _ = run(["normalise", "--list-steps"], capsys)
    assert code == 0 and out.split()[0] == "types"
    code, _, err = run(["normalise", str(messy_file), "--skip", "bogus"], capsys)
    assert code == 2 and "bogus" in err


def test_bundled_reference_list_end_to_end(capsys, tmp_path):
    """The real pasted list in examples/: parsed, fixed and checked in one command."""
    example = Path(__file__).resolve().parent.parent / "examples" / "maltsev-2013-references.txt"
    fixed = tmp_path / "fixed.json"
    code, out, _ = run(
        ["validate", str(example), "--fix", "-o", str(fixed), "--format", "json"], capsys
    )
    problems = json.loads(out)
    assert code == 0  # warnings only: nothing that breaks CSL processing
    items = json.loads(fixed.read_text("utf-8"))
    assert len(items) > 50
    pages = [p for p in problems if p["code"] == "normalised-page"]
    assert any("1073–9" in p["message"] and "1073-1079" in p["message"] for p in pages)
    ours = [
        p for p in problems if p["code"].startswith("normalised-") or p["code"] == "missing-field"
    ]
    assert ours
    for problem in ours:
        assert f'"{problem["item_id"]}"' in problem["message"]
    assert all("–" not in str(item.get("page", "")) for item in items)


def test_fix_and_normalise_write_one_spelling_per_journal(capsys, tmp_path):
    titles = ["Lik Sprava", "Lik. sprava", "Lik Sprava", "Zh Foo", "ZH. FOO", "Zh Foo"]
    items = [
        {"id": f"i{n}", "type": "article-journal", "title": f"Study {n}", "container-title": t}
        for n, t in enumerate(titles)
    ]
    source = tmp_path / "refs.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    code, out, _ = run(["validate", str(source), "--format", "json"], capsys)
    reported = [
        p["item_id"] for p in json.loads(out) if p["code"] == "inconsistent-container-title"
    ]
    assert reported == ["i1", "i4"]
    fixed_path = tmp_path / "fixed.json"
    code, out, _ = run(
        ["validate", str(source), "--fix", "-o", str(fixed_path), "--format", "json"], capsys
    )
    problems = json.loads(out)
    assert not [p for p in problems if p["code"] == "inconsistent-container-title"]
    fixed = json.loads(fixed_path.read_text("utf-8"))
    assert fixed[4]["container-title"] == "Zh Foo"
    assert len({i["container-title"] for i in fixed[:3]}) == 1
    assert any(p["item_id"] == "i4" and '"ZH. FOO" → "Zh Foo"' in p["message"] for p in problems)
    code, out, _ = run(["normalise", str(source), "--skip", "container-titles"], capsys)
    assert [i["container-title"] for i in json.loads(out)] == [
        "Lik Sprava",
        "Lik Sprava",
        "Lik Sprava",
        "Zh Foo",
        "Zh Foo",
        "Zh Foo",
    ]
    code, out, _ = run(
        ["normalise", str(source), "--skip", "container-titles", "--skip", "container-spellings"],
        capsys,
    )
    assert [i["container-title"] for i in json.loads(out)] == titles


def test_normalise_help_names_every_step(capsys):
    from cslkit.normalisers import STEPS

    code, out, _ = run(["normalise", "--help"], capsys)
    flat = "".join(out.replace("│", "").split())  # rich may wrap a name at its hyphen
    for name in STEPS:
        assert name in flat
    code, out, _ = run(["normalise", "--list-steps"], capsys)
    assert [line.split()[0] for line in out.splitlines()] == list(STEPS)
