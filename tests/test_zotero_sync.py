"""End-to-end sync against the local Zotero server: idempotence, merges, conflicts,
faults (429, 5xx, Backoff, dropped connections, concurrent edits), resumption, auth."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import cslkit
from cslkit.errors import CslkitError, ZoteroAuthError
from cslkit.testing.zotero_server import ZoteroTestServer
from cslkit.zotero.client import RetryPolicy

FAST = RetryPolicy(max_retries=6, base_delay=0.01, time_scale=0.01)
ROOT = Path(__file__).resolve().parent.parent


def _articles(count: int, prefix: str = "Article") -> list[dict]:
    return [
        {
            "id": f"{prefix.lower()}-{n}",
            "type": "article-journal",
            "title": f"{prefix} {n}: серцева недостатність",
            "author": [{"family": f"Автор{n}", "given": "О."}],
            "container-title": "Український медичний часопис",
            "volume": str(n % 20 + 1),
            "issued": {"date-parts": [[2000 + n % 20]]},
            "DOI": f"10.1000/test.{prefix.lower()}.{n}",
        }
        for n in range(count)
    ]


@pytest.fixture
def server():
    with ZoteroTestServer(seed=7) as running:
        yield running


@pytest.fixture
def run(server: ZoteroTestServer, tmp_path: Path):
    state = tmp_path / "state.sqlite"

    def sync(items, **options):
        options.setdefault("retry", FAST)
        return cslkit.sync(items, group=1, api_key="test", api_url=server.url,
                           state_path=state, **options)  # fmt: skip

    return sync


def _titles(server: ZoteroTestServer) -> list[str]:
    return sorted(d["title"] for d in server.items(1).values())


def test_second_sync_changes_nothing(server: ZoteroTestServer, run) -> None:
    items = cslkit.parse(ROOT / "examples" / "references.json")
    first = run(items, collection="Issue 2013/13", tags=["issue-13"])
    assert len(first.created) == len(items) and first.ok
    assert len(server.items(1)) == len(items)
    stored = next(iter(server.items(1).values()))
    assert {"tag": "issue-13"} in stored["tags"] and len(stored["collections"]) == 1
    server.reset_log()
    second = run(items, collection="Issue 2013/13", tags=["issue-13"])
    assert second.summary() == f"nothing to do: {len(items)} unchanged"
    assert second.writes == 0 and second.requests <= 3
    assert len(server.requests) == second.requests


def test_batches_of_fifty_and_incremental_reads(server: ZoteroTestServer, run) -> None:
    report = run(_articles(120))
    posts = [r for r in server.requests if r.method == "POST"]
    assert len(posts) == 3 and len(report.created) == 120
    server.reset_log()
    key = report.keys["article-5"]
    server.edit_item(1, key, {"pages": "10-20"})
    again = run(_articles(120))
    assert again.writes == 0
    fetched = [r.path for r in server.requests if "itemKey=" in r.path]
    assert len(fetched) == 1 and key in fetched[0]


def test_a_colleagues_edit_survives(server: ZoteroTestServer, run) -> None:
    items = _articles(3)
    report = run(items)
    key = report.keys["article-1"]
    server.edit_item(1, key, {"pages": "45-51", "abstractNote": "Written in Zotero"})
    items[1] = {**items[1], "title": "Fixed title"}
    second = run(items)
    assert second.updated == ["article-1"] and second.ok
    remote = server.items(1)[key]
    assert remote["title"] == "Fixed title"
    assert remote["pages"] == "45-51" and remote["abstractNote"] == "Written in Zotero"


def test_conflict_is_reported_not_overwritten(server: ZoteroTestServer, run) -> None:
    items = _articles(2)
    key = run(items).keys["article-0"]
    server.edit_item(1, key, {"volume": "77"})
    items[0] = {**items[0], "volume": "88"}
    report = run(items)
    assert not report.ok
    assert [(c["field"], c["local"], c["remote"]) for c in report.conflicts] == [
        ("volume", "88", "77")
    ]
    assert server.items(1)[key]["volume"] == "77"
    assert report.problems[0].item_id == "article-0" and report.problems[0].field == "volume"
    resolved = run(items, prefer="local")
    assert resolved.ok and server.items(1)[key]["volume"] == "88"


def test_pull_returns_remote_changes(server: ZoteroTestServer, run) -> None:
    items = _articles(2)
    key = run(items).keys["article-1"]
    server.edit_item(1, key, {"pages": "1-9"})
    report = run(items, pull=True)
    assert report.pulled == {"article-1": ["pages"]}
    assert report.items[1]["page"] == "1-9" and report.items[0] == items[0]
    assert run(report.items).summary() == "nothing to do: 2 unchanged"


def test_retries_on_429_5xx_backoff_and_dropped_connections(server: ZoteroTestServer, run) -> None:
    server.faults.fail_next(429, retry_after=1)
    server.faults.fail_next(503, retry_after=2)
    server.faults.fail_next(500)
    server.faults.fail_next(502, methods=("POST",))
    server.faults.drop_next()
    server.faults.drop_next(after_processing=True, methods=("POST",))
    server.faults.backoff_next = 1
    report = run(_articles(60))
    assert len(report.created) == 60 and report.ok
    assert len(server.items(1)) == 60  # the lost answer to a create made no duplicate
    assert report.retries >= 6


def test_concurrent_edits_between_read_and_write(server: ZoteroTestServer, run) -> None:
    items = _articles(60)
    run(items[:30])
    server.faults.edit_before_next_write(2)
    changed = [{**i, "volume": "500"} for i in items[:30]] + items[30:]
    report = run(changed)
    assert len(server.items(1)) == 60 and len(report.created) == 30
    edits = server.concurrent_edits
    assert edits
    remote = server.items(1)
    for _, key, field, value in edits:
        assert remote[key][field] == value  # their edit is still there
    assert sum(1 for d in remote.values() if d.get("volume") == "500") == 30


def test_interrupted_sync_resumes_without_duplicates(server: ZoteroTestServer, run) -> None:
    items = _articles(120)

    def interrupt_after_first_batch(done: int, total: int) -> None:
        if done:
            raise KeyboardInterrupt  # Ctrl-C half-way

    with pytest.raises(KeyboardInterrupt):
        run(items, progress=interrupt_after_first_batch)
    assert len(server.items(1)) == 50
    # The network goes away during the next attempt: retries run out, nothing breaks.
    server.faults.fail_next(503, count=10, methods=("POST",))
    with pytest.raises(CslkitError):
        run(items, retry=RetryPolicy(max_retries=2, base_delay=0.001, time_scale=0.01))
    server.faults.clear()
    report = run(items)
    assert len(server.items(1)) == 120
    assert len(report.created) == 70 and len(report.unchanged) == 50


def test_per_object_failures_name_item_and_field(server: ZoteroTestServer, run) -> None:
    server.faults.unknown_fields.add("DOI")
    report = run(_articles(3) + [{"id": "no-doi", "type": "book", "title": "Кобзар"}])
    assert report.created == ["no-doi"]
    assert {(f["item_id"], f["field"], f["code"]) for f in report.failed} == {
        ("article-0", "DOI", 400), ("article-1", "DOI", 400), ("article-2", "DOI", 400)
    }  # fmt: skip
    assert not report.ok


def test_keys_and_access(server: ZoteroTestServer, tmp_path: Path) -> None:
    with pytest.raises(ZoteroAuthError):
        cslkit.sync(_articles(1), group=1, api_key="wrong", api_url=server.url,
                    state_path=tmp_path / "s.sqlite", retry=FAST)  # fmt: skip
    keys = {"reader": {"groups": {"5": {"library": True, "write": False}}}}
    with ZoteroTestServer(api_keys=keys) as limited:
        options = dict(api_key="reader", api_url=limited.url, state_path=tmp_path / "r.sqlite",
                       retry=FAST)  # fmt: skip
        with pytest.raises(ZoteroAuthError, match="group 6"):
            cslkit.sync(_articles(1), group=6, **options)
        with pytest.raises(ZoteroAuthError, match="not write"):
            cslkit.sync(_articles(1), group=5, **options)
        preview = cslkit.sync(_articles(1), group=5, dry_run=True, **options)
        assert preview.created == ["article-0"] and not limited.items(5)


def test_api_key_from_environment_and_never_stored(
    server: ZoteroTestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "s3cret-key-value"
    with ZoteroTestServer(api_keys={secret: {"groups": {"all": {"library": True,
                                                                "write": True}}}}) as private:  # fmt: skip
        monkeypatch.setenv("ZOTERO_API_KEY", secret)
        monkeypatch.setenv("ZOTERO_API_URL", private.url)
        state = tmp_path / "state.sqlite"
        report = cslkit.sync(_articles(2), group=3, state_path=state, retry=FAST)
        assert len(report.created) == 2
        assert secret.encode() not in state.read_bytes()
        with sqlite3.connect(state) as db:
            servers = {row[0] for row in db.execute("SELECT server FROM libraries")}
        assert servers == {private.url.lower()}


def test_reset_library_gets_a_full_sync(server: ZoteroTestServer, run) -> None:
    items = _articles(5)
    run(items)
    server.reset_library(1)  # the group is empty and its version restarts
    run(_articles(1, "Other"))  # a new library version 1 < the remembered one
    report = run(items)
    assert len(report.created) == 5
    assert len(server.items(1)) == 6


def test_first_sync_into_a_library_that_has_the_items(server: ZoteroTestServer, run) -> None:
    from pyzotero import zotero

    client = zotero.Zotero(1, "group", "test")
    client.endpoint = server.url
    existing = [cslkit.zotero.mapping.csl_to_zotero(i) for i in _articles(130)]
    for start in range(0, 130, 50):
        client.create_items(existing[start : start + 50])
    report = run(_articles(130))
    assert len(report.unchanged) == 130 and len(server.items(1)) == 130
    assert any("start=100" in r.path for r in server.requests)  # read page by page


def test_an_item_deleted_in_zotero_is_not_created_again(server: ZoteroTestServer, run) -> None:
    items = _articles(3)
    key = run(items).keys["article-2"]
    server.delete_item(1, key)
    report = run(items)
    assert report.deleted_remotely == ["article-2"] and not report.created
    assert len(server.items(1)) == 2
    assert run(items).deleted_remotely == ["article-2"]
    trashed = report.keys["article-1"]
    server.edit_item(1, trashed, {"deleted": 1})  # moved to the trash
    assert run(items).deleted_remotely == ["article-1", "article-2"]
    assert len(server.items(1)) == 2


def test_too_large_batches_are_split(server: ZoteroTestServer, run) -> None:
    server.faults.fail_next(413, methods=("POST",))
    report = run(_articles(60))
    assert len(report.created) == 60 and len(server.items(1)) == 60
    assert len([r for r in server.requests if r.method == "POST"]) == 4  # 413, 25, 25, 10


def test_an_existing_collection_is_reused(server: ZoteroTestServer, run) -> None:
    from pyzotero import zotero

    client = zotero.Zotero(1, "group", "test")
    client.endpoint = server.url
    existing = client.create_collections([{"name": "Issue 2013/13"}])["success"]["0"]
    run(_articles(2), collection="Issue 2013/13")
    assert len(client.collections()) == 1
    assert all(d["collections"] == [existing] for d in server.items(1).values())


def test_api_key_from_the_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    from cslkit.zotero.engine import resolve_api_key

    monkeypatch.delenv("ZOTERO_API_KEY", raising=False)
    stored = {("cslkit-zotero", "api-key"): "from-keyring"}
    monkeypatch.setattr(keyring, "get_password", lambda service, user: stored.get((service, user)))
    assert resolve_api_key() == "from-keyring"
    stored.clear()
    with pytest.raises(ZoteroAuthError, match="no Zotero API key"):
        resolve_api_key()


def test_a_lost_answer_duplicates_nothing_even_without_identities(
    server: ZoteroTestServer, run
) -> None:
    bare = [{"id": f"bare-{n}", "type": "document"} for n in range(3)]  # no title, no author
    server.faults.drop_next(after_processing=True, methods=("POST",))
    report = run(bare)
    assert [r.status for r in server.requests if r.method == "POST"] == [0, 412]  # lost, refused
    assert len(server.items(1)) == 3 and len(report.created) == 3
    assert run(bare).summary() == "nothing to do: 3 unchanged"


def test_a_run_killed_while_its_create_was_in_flight(server: ZoteroTestServer, run) -> None:
    bare = [{"id": f"bare-{n}", "type": "document"} for n in range(3)]
    server.faults.drop_next(after_processing=True, methods=("POST",))
    with pytest.raises(CslkitError):  # the network goes for good: no retries left
        run(bare, retry=RetryPolicy(max_retries=0))
    assert len(server.items(1)) == 3  # the server did create them
    report = run(bare)
    assert len(server.items(1)) == 3 and sorted(report.created) == ["bare-0", "bare-1", "bare-2"]
    assert report.writes == 0
    assert run(bare).summary() == "nothing to do: 3 unchanged"


def test_extra_lines_added_in_zotero_survive_our_extra_edits(server: ZoteroTestServer, run) -> None:
    items = [{**_articles(1)[0], "original-date": {"date-parts": [[2012]]}}]
    key = run(items).keys["article-0"]
    extra = server.items(1)[key]["extra"]
    server.edit_item(1, key, {"extra": extra + "\nCitation Key: avtor2000"})
    items[0] = {**items[0], "original-date": {"date-parts": [[2011]]}}
    assert run(items).updated == ["article-0"]
    lines = server.items(1)[key]["extra"].splitlines()
    assert "Citation Key: avtor2000" in lines and "original-date: 2011" in lines
    assert run(items).summary() == "nothing to do: 1 unchanged"


def test_pull_with_a_collection_brings_in_what_colleagues_added(
    server: ZoteroTestServer, run
) -> None:
    from pyzotero import zotero

    items = _articles(2)
    run(items, collection="Issue 2013/13")
    collection = next(iter(server.items(1).values()))["collections"][0]
    client = zotero.Zotero(1, "group", "test")
    client.endpoint = server.url
    added = {"itemType": "book", "title": "Added in Zotero", "collections": [collection],
             "creators": [{"creatorType": "author", "firstName": "Ann", "lastName": "Lee"}]}  # fmt: skip
    key = client.create_items([added])["success"]["0"]
    client.create_items([{"itemType": "book", "title": "Elsewhere in the group"}])
    preview = run(items, collection="Issue 2013/13", pull=True, dry_run=True)
    assert preview.new_from_zotero == [key]
    report = run(items, collection="Issue 2013/13", pull=True)
    assert report.new_from_zotero == [key]
    assert report.items[-1]["title"] == "Added in Zotero" and report.items[-1]["id"] == key
    again = run(report.items, collection="Issue 2013/13", pull=True)
    assert again.summary() == "nothing to do: 3 unchanged" and len(server.items(1)) == 4
