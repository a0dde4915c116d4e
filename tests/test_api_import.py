"""Importing cslkit is cheap and exposes the public API."""

import subprocess
import sys

import cslkit


def test_public_names_resolve():
    for name in ("parse", "write", "CslkitError", "Problem", "Report", "Items"):
        assert getattr(cslkit, name) is not None


def test_import_loads_no_heavy_module():
    code = (
        "import sys, cslkit; heavy = [m for m in ('citeproc', 'lxml', 'pyzotero', 'pycrfsuite',"
        " 'bibtexparser', 'rispy', 'httpx', 'rich', 'typer') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_unknown_attribute_raises_attribute_error():
    import pytest

    with pytest.raises(AttributeError):
        cslkit.no_such_function  # noqa: B018
