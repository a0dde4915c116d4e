"""cslkit.parse / cslkit.write: sources, encodings, detection, errors naming the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import cslkit
from cslkit.errors import InputError, UnknownFormatError
from cslkit.formats import decode_bytes

FORMATS = Path(__file__).parent / "data" / "formats"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("@book{a, title = {Сычёв М. С. Київ: її ґанок}}", "cp1251"),
        ("@book{a, title = {Müller, Jörg; García; Ærø}}", "cp1252"),
        ("@book{a, title = {Müller і Київ}}", "utf-8"),
        ("@book{a, title = {Müller і Київ}}", "utf-8-sig"),
        ("@book{a, title = {Müller і Київ}}", "utf-16"),
    ],
)
def test_legacy_and_unicode_encodings_are_decoded(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


def test_parse_accepts_paths_strings_and_file_objects(tmp_path):
    path = FORMATS / "medical.ris"
    by_path = cslkit.parse(path)
    assert cslkit.parse(str(path)) == by_path
    assert cslkit.parse(path.read_text(encoding="utf-8")) == by_path
    with path.open("rb") as handle:
        assert cslkit.parse(handle) == by_path
    assert cslkit.parse(io.StringIO(path.read_text(encoding="utf-8")), format="ris") == by_path


def test_write_by_extension_and_to_file_objects(tmp_path):
    items = cslkit.parse(FORMATS / "medical.bib")
    for name in ("out.bib", "out.json", "out.jsonl"):
        cslkit.write(items, tmp_path / name)
        assert list(cslkit.parse(tmp_path / name)) == list(items), name
    cslkit.write(items, tmp_path / "out.ris")  # RIS has no place for BibTeX-only fields
    assert [i["title"] for i in cslkit.parse(tmp_path / "out.ris")] == [i["title"] for i in items]
    buffer = io.StringIO()
    cslkit.write(items, buffer, format="ris")
    assert buffer.getvalue().startswith("TY  - JOUR")
    with pytest.raises(InputError, match="cannot tell which format to write"):
        cslkit.write(items, tmp_path / "out.xyz")


def test_errors_name_the_file(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.json: invalid JSON"):
        cslkit.parse(broken)
    with pytest.raises(InputError, match="no such file"):
        cslkit.parse(tmp_path / "missing.bib")
    with pytest.raises(UnknownFormatError):
        cslkit.parse("@book{a, title={T}}", format="no-such-format")
