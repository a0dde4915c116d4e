"""The committed DSTU styles are exactly what tools/dstu/build_styles.py makes of its template."""

from __future__ import annotations

import importlib.util
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILDER = ROOT / "tools" / "dstu" / "build_styles.py"


def load_builder() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("dstu_build_styles", BUILDER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILD = load_builder()


@pytest.mark.parametrize("name", sorted(BUILD.FORMS))
def test_committed_style_equals_generated(name: str) -> None:
    committed = (ROOT / "styles" / f"{name}.csl").read_text(encoding="utf-8")
    assert committed == BUILD.build_style(name), (
        f"styles/{name}.csl differs from tools/dstu/dstu-8302-2015.csl.in: edit the template "
        "and run .venv/bin/python tools/dstu/build_styles.py"
    )


def test_check_mode_reports_nothing_when_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert BUILD.main(["--check"]) == 0
    assert capsys.readouterr().out == ""


def test_check_mode_fails_on_a_hand_edited_style(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in BUILD.FORMS:
        (tmp_path / f"{name}.csl").write_text(BUILD.build_style(name), encoding="utf-8")
    edited = tmp_path / "dstu-8302-2015-short.csl"
    edited.write_text(edited.read_text(encoding="utf-8").replace("та ін.", "та iн."), encoding="utf-8")
    monkeypatch.setattr(BUILD, "STYLES_DIR", tmp_path)
    monkeypatch.setattr(BUILD, "ROOT", tmp_path)
    assert BUILD.main(["--check"]) == 1
    assert "dstu-8302-2015-short.csl" in capsys.readouterr().out
