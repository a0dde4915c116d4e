"""``cslkit parse`` on plain-text reference lists."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "maltsev-2013-references.txt"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cslkit", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT)


def test_parse_text_file_to_json_array():
    result = run("parse", str(SEED), "--from", "text")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert len(items) == 71
    assert items[0]["id"] == "ref-1"
    assert "Traceback" not in result.stderr


def test_parse_stdin_jsonl_with_jobs():
    result = run("parse", "-", "--from", "text", "--jsonl", "--jobs", "2",
                 stdin=SEED.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 71
    assert [json.loads(line)["id"] for line in lines] == [f"ref-{n}" for n in range(1, 72)]


def test_parse_output_file(tmp_path):
    out = tmp_path / "refs.json"
    result = run("parse", str(SEED), "--from", "text", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 71


def test_missing_file_is_one_error_line():
    result = run("parse", "no-such-file.txt")
    assert result.returncode == 2
    assert result.stderr.startswith("cslkit: error:")
    assert "Traceback" not in result.stderr
