"""The README's main job, end to end, as a user runs it: examples/demo.sh."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import cslkit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_demo_script_runs_the_whole_job():
    cslkit_bin = shutil.which("cslkit", path=str(BIN)) or shutil.which("cslkit")
    assert cslkit_bin, "the cslkit console script is not installed"
    env = {**os.environ, "CSLKIT": cslkit_bin, "PYTHON": sys.executable}
    env.pop("ZOTERO_API_KEY", None)
    run = subprocess.run(
        ["bash", str(ROOT / "examples" / "demo.sh")],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = run.stdout
    assert "71 references parsed" in out
    # Vancouver, then DSTU (full form), then the References list.
    assert "2. Al-Rawi S, Woodward LJ, Knight J. Puerperal streptococcal" in out
    assert "// Int J Obstet Anesth. – 2009. – Vol. 18, № 2. – P. 169–172." in out
    assert "[in Ukrainian]" in out
    assert "71 created" in run.stderr
    assert "nothing to do: 71 unchanged" in run.stderr


def test_library_pipeline_on_the_pasted_list(tmp_path):
    items = cslkit.parse(ROOT / "examples" / "maltsev-2013-references.txt")
    assert len(items) == 71
    normalised = cslkit.normalise(items)
    report = cslkit.validate(normalised.items)
    assert report.ok, [p.as_dict() for p in report.errors][:3]
    entries = cslkit.render(normalised.items, style="vancouver")
    assert len(entries) == 71
    cslkit.write(normalised.items, tmp_path / "refs.ris")
    back = cslkit.parse(tmp_path / "refs.ris")
    assert [i.get("title") for i in back] == [i.get("title") for i in normalised.items]
    assert json.loads(json.dumps(normalised.items)) == normalised.items
