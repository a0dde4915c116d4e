"""`cslkit convert` and `cslkit parse` on the file formats: output, exit codes, one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cslkit.cli import main

FORMATS = Path(__file__).parent / "data" / "formats"


def run(argv: list[str], capsys, monkeypatch=None, stdin: bytes | None = None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    captured = capsys.readouterr()
    return exit_info.value.code or 0, captured.out, captured.err


def test_convert_bibtex_to_ris_and_back(capsys, tmp_path):
    code, out, err = run(["convert", str(FORMATS / "medical.bib"), "--to", "ris"], capsys)
    assert code == 0 and err == ""
    assert out.startswith("TY  - JOUR\nID  - kovalenko2019heart\n")
    ris_file = tmp_path / "medical.ris"
    ris_file.write_text(out, encoding="utf-8")
    code, out, _ = run(["convert", str(ris_file), "-o", str(tmp_path / "again.bib")], capsys)
    assert code == 0 and out == ""
    assert "@article{kovalenko2019heart," in (tmp_path / "again.bib").read_text(encoding="utf-8")


def test_convert_to_csl_json_and_jsonl(capsys):
    code, out, _ = run(["convert", str(FORMATS / "medical.ris"), "--to", "csl-json"], capsys)
    assert code == 0 and len(json.loads(out)) == 11
    code, out, _ = run(["convert", str(FORMATS / "medical.ris"), "--to", "jsonl"], capsys)
    assert code == 0 and len(out.splitlines()) == 11


def test_convert_from_stdin_with_explicit_format(capsys, monkeypatch):
    data = (FORMATS / "medical.bib").read_bytes()
    code, out, _ = run(
        ["convert", "-", "--from", "bibtex", "--to", "csl-json"], capsys, monkeypatch, data
    )
    assert code == 0 and json.loads(out)[0]["id"] == "kovalenko2019heart"


def test_parse_bibtex_and_ris(capsys):
    for name in ("medical.bib", "medical.ris"):
        code, out, err = run(["parse", str(FORMATS / name)], capsys)
        assert code == 0, err
        assert any(item["type"] == "thesis" for item in json.loads(out))


def test_broken_entry_is_reported_and_the_rest_converted(capsys):
    code, out, err = run(
        ["convert", str(FORMATS / "with-broken-entry.bib"), "--to", "csl-json"], capsys
    )
    assert code == 1
    assert [item["id"] for item in json.loads(out)] == ["good1", "good3"]
    (line,) = err.splitlines()
    assert line.startswith("cslkit: error: item broken2: entry broken2 at line 9")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["convert", "no/such/file.bib", "--to", "ris"], "no/such/file.bib: no such file"),
        (["convert", "{json}", "--to", "ris"], "invalid JSON at line 1"),
        (["convert", "{unreadable_bib}", "--to", "ris"], "not readable as BibTeX"),
        (["convert", str(FORMATS / "medical.bib"), "--to", "xml"], "unknown output format 'xml'"),
        (
            ["convert", str(FORMATS / "medical.bib"), "--from", "xml", "--to", "ris"],
            "unknown input format 'xml'",
        ),
        (["convert", str(FORMATS / "medical.bib")], "say which format to write"),
        (["parse", "{json}"], "invalid JSON at line 1"),
    ],
)
def test_bad_input_gives_one_error_line_and_exit_2(argv, message, capsys, tmp_path):
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('[{"id": "a", "type": ', encoding="utf-8")
    bad_bib = tmp_path / "bad.bib"
    bad_bib.write_text("@article{x, title = {never closed\n", encoding="utf-8")
    argv = [
        a.replace("{json}", str(bad_json)).replace("{unreadable_bib}", str(bad_bib)) for a in argv
    ]
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith("cslkit: error: ") and message in line
    assert "Traceback" not in err


def test_console_script_end_to_end(tmp_path):
    """The installed command, as a user runs it (one subprocess: the rest run in-process)."""
    result = subprocess.run(
        [sys.executable, "-m", "cslkit", "convert", str(FORMATS / "medical.ris"), "--to", "bibtex"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "@book{world2021," in result.stdout
