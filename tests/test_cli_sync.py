"""`cslkit sync` from the command line, against the local Zotero server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cslkit.testing.zotero_server import ZoteroTestServer

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "references.json"


@pytest.fixture
def server():
    with ZoteroTestServer() as running:
        yield running


def cslkit_process(*args: str, key: str | None = "test") -> subprocess.CompletedProcess:
    """The real command, in its own process (slow: used once, end to end)."""
    env = {k: v for k, v in os.environ.items() if k not in ("ZOTERO_API_KEY", "ZOTERO_API_URL")}
    if key:
        env["ZOTERO_API_KEY"] = key
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    return subprocess.run([sys.executable, "-m", "cslkit", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)  # fmt: skip


@pytest.fixture
def cslkit(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """The command line in this process: cslkit(*args, key=...) -> result with
    returncode, stdout and stderr."""
    from cslkit.cli import main

    def invoke(*args: str, key: str | None = "test") -> subprocess.CompletedProcess:
        monkeypatch.delenv("ZOTERO_API_URL", raising=False)
        if key:
            monkeypatch.setenv("ZOTERO_API_KEY", key)
        else:
            monkeypatch.delenv("ZOTERO_API_KEY", raising=False)
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
        capsys.readouterr()
        with pytest.raises(SystemExit) as exit_info:
            main(list(args))
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, int(exit_info.value.code or 0), out, err)

    return invoke


def test_dry_run_then_sync_then_nothing_to_do(
    server: ZoteroTestServer, tmp_path: Path, cslkit
) -> None:
    common = ["--group", "1", "--api-url", server.url, "--state", str(tmp_path / "s.sqlite")]
    preview = cslkit("sync", str(EXAMPLE), *common, "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "would create: harrison2021" in preview.stdout
    assert "dry run:" in preview.stderr and not server.items(1)
    first = cslkit("sync", str(EXAMPLE), *common, "--collection", "Issue 2013/13", "--tag", "demo")
    assert first.returncode == 0 and "created: harrison2021" in first.stdout
    again = cslkit_process("sync", str(EXAMPLE), *common, "--collection", "Issue 2013/13", "--tag", "demo",
                   "--format", "json")  # fmt: skip
    assert again.returncode == 0
    assert "nothing to do" in again.stderr
    report = json.loads(again.stdout)
    assert report["created"] == [] and report["writes"] == 0 and report["requests"] <= 3


def test_conflict_exits_1_and_pull_rewrites_the_file(
    server: ZoteroTestServer, tmp_path: Path, cslkit
) -> None:
    refs = tmp_path / "refs.json"
    refs.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    common = ["--group", "1", "--api-url", server.url, "--state", str(tmp_path / "s.sqlite")]
    first = cslkit("sync", str(refs), *common, "--format", "json")
    keys = json.loads(first.stdout)["keys"]
    server.edit_item(1, keys["harrison2021"], {"volume": "77"})
    server.edit_item(1, keys["lee2020"], {"pages": "1-2"})
    items = json.loads(refs.read_text(encoding="utf-8"))
    items[0]["volume"] = "88"
    refs.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    items[1]["title"] = "A fixed title"
    refs.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    preview = cslkit("sync", str(refs), *common, "--dry-run")
    assert f"would update: {items[1]['id']} ({keys[items[1]['id']]}): title" in preview.stdout
    conflicted = cslkit("sync", str(refs), *common)
    assert conflicted.returncode == 1
    assert "conflict: harrison2021" in conflicted.stdout and "volume" in conflicted.stdout
    pulled = cslkit("sync", str(refs), *common, "--pull", "--prefer", "remote")
    assert pulled.returncode == 0, pulled.stderr
    rewritten = {i["id"]: i for i in json.loads(refs.read_text(encoding="utf-8"))}
    assert rewritten["lee2020"]["page"] == "1-2"
    assert rewritten["harrison2021"]["volume"] == "77"


def test_usage_and_key_errors_exit_2(server: ZoteroTestServer, tmp_path: Path, cslkit) -> None:
    common = ["--group", "1", "--api-url", server.url, "--state", str(tmp_path / "s.sqlite")]
    no_key = cslkit("sync", str(EXAMPLE), *common, key=None)
    assert no_key.returncode == 2 and "ZOTERO_API_KEY" in no_key.stderr
    assert no_key.stderr.count("\n") == 1
    bad_key = cslkit("sync", str(EXAMPLE), *common, key="wrong")
    assert bad_key.returncode == 2 and "does not accept the API key" in bad_key.stderr
    assert "wrong" not in bad_key.stderr
    on_command_line = cslkit("sync", str(EXAMPLE), *common, "--api-key", "test")
    assert on_command_line.returncode == 2
    bad_prefer = cslkit("sync", str(EXAMPLE), *common, "--prefer", "mine")
    assert bad_prefer.returncode == 2
