"""Registry: format detection, missing built-in modules, and entry-point plugins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cslkit import registry
from cslkit.errors import UnknownFormatError

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ('[{"id": "a", "type": "book"}]', None, "csl-json"),
        ('{"id": "a", "type": "book"}\n{"id": "b", "type": "book"}\n', "x.jsonl", "csl-json"),
        ("@article{a, title={T}}", None, "bibtex"),
        ("% header\n@string{j = {J}}\n@book{b, title={T}}", "refs.txt", "bibtex"),
        ("TY  - JOUR\nTI  - T\nER  - \n", None, "ris"),
        ("TY  - JOUR\nTI  - T\nER  - \n", "pubmed-export.txt", "ris"),  # content beats .txt
        ("anything at all", "refs.bib", "bibtex"),  # no content evidence: the extension decides
    ],
)
def test_detect_format(text, path, expected):
    assert registry.detect_format(text, path) == expected


def test_undetectable_input_raises_unknown_format(monkeypatch):
    monkeypatch.setattr(
        registry,
        "BUILTIN_READERS",
        {k: v for k, v in registry.BUILTIN_READERS.items() if k != "text"},
    )
    with pytest.raises(UnknownFormatError, match="cannot tell the format"):
        registry.detect_format("no structure here")


def test_missing_builtin_module_is_skipped_not_fatal(monkeypatch):
    readers = dict(registry.BUILTIN_READERS, future="cslkit.readers.not_written_yet:READER")
    monkeypatch.setattr(registry, "BUILTIN_READERS", readers)
    assert "future" not in [r.name for r in registry.all_readers()]
    assert registry.detect_format("@book{b, title={T}}") == "bibtex"
    with pytest.raises(UnknownFormatError, match="not supported yet"):
        registry.get_reader("future")


def test_a_module_that_exists_but_fails_its_own_import_is_not_hidden(monkeypatch, tmp_path):
    (tmp_path / "cslkit_broken_reader.py").write_text("import no_such_dependency_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    readers = dict(registry.BUILTIN_READERS, broken="cslkit_broken_reader:READER")
    monkeypatch.setattr(registry, "BUILTIN_READERS", readers)
    with pytest.raises(ModuleNotFoundError):
        registry.all_readers()


def test_unknown_names_and_aliases():
    assert registry.get_reader("bib").name == "bibtex"
    assert registry.get_writer("jsonl").name == "csl-jsonl"
    assert registry.get_writer("JSON").name == "csl-json"
    with pytest.raises(UnknownFormatError, match="unknown output format 'xml'"):
        registry.get_writer("xml")


def _run(code_or_args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(DATA / "plugin"), str(ROOT)]))
    return subprocess.run(
        [sys.executable, *code_or_args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )


def test_plugin_reader_writer_and_style_are_used_by_the_api_and_the_cli(tmp_path):
    """A package with cslkit.readers/writers/styles entry points (a .dist-info on sys.path,
    as pip would install it) is found by the registry, cslkit.parse, render and the CLI."""
    sample = DATA / "formats" / "sample.pipe"
    code = (
        "import cslkit, json; from cslkit import registry;"
        f"items = cslkit.parse({str(sample)!r});"
        "print(json.dumps([registry.reader_names(), registry.writer_names(), list(items),"
        " cslkit.formats.dumps(items, 'pipe')]))"
    )
    result = _run(["-c", code], tmp_path)
    assert result.returncode == 0, result.stderr
    readers, writers, items, written = json.loads(result.stdout)
    assert "pipe" in readers and "pipe" in writers
    assert [i["id"] for i in items] == ["p1", "p2"]
    assert written == sample.read_text()

    cli = _run(["-m", "cslkit", "convert", str(sample), "--to", "bibtex"], tmp_path)
    assert cli.returncode == 0, cli.stderr
    assert "@book{p1," in cli.stdout and "title = {A pipe-format book}" in cli.stdout
    rendered = _run(["-m", "cslkit", "render", str(sample), "--style", "pipe-demo"], tmp_path)
    assert rendered.returncode == 0, rendered.stderr
    assert rendered.stdout.splitlines()[0].endswith("PIPE: A pipe-format book (2001)")
    back = _run(
        ["-m", "cslkit", "convert", str(DATA / "formats" / "medical.ris"), "--to", "pipe"], tmp_path
    )
    assert back.returncode == 0, back.stderr
    assert back.stdout.splitlines()[0].startswith("коваленко2019|article-journal|")


def test_plugins_cannot_replace_builtins():
    entries = registry._entries(registry.BUILTIN_READERS, registry.READER_GROUP)
    assert entries["bibtex"].target == "cslkit.readers.bibtex:READER"
