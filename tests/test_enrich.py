"""cslkit.enrich and `cslkit enrich` against local servers on 127.0.0.1 that replay
Crossref- and PubMed-shaped JSON (written by hand from the APIs' documentation)."""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse

import pytest

import cslkit
from cslkit.cli import main
from cslkit.enrichment import enrich

SEPSIS_DOI = "10.1097/ccm.0b013e31827e83af"
CROSSREF_WORK = {
    "DOI": "10.1097/CCM.0b013e31827e83af",
    "type": "journal-article",
    "title": [
        "Surviving Sepsis Campaign: International Guidelines for Management of Severe Sepsis and Septic Shock: 2012"
    ],
    "container-title": ["Critical Care Medicine"],
    "short-container-title": ["Crit Care Med"],
    "author": [
        {"given": "R. Phillip", "family": "Dellinger", "sequence": "first"},
        {"given": "Mitchell M.", "family": "Levy", "sequence": "additional"},
    ],
    "published-print": {"date-parts": [[2013, 2]]},
    "issued": {"date-parts": [[2013, 2]]},
    "volume": "41",
    "issue": "2",
    "page": "580-637",
    "ISSN": ["0090-3493"],
    "publisher": "Ovid Technologies (Wolters Kluwer Health)",
}
SEARCH_WORK = {
    "DOI": "10.1056/NEJMoa1002097",
    "type": "journal-article",
    "title": ["Long-term outcome after the Fontan procedure"],
    "container-title": ["New England Journal of Medicine"],
    "author": [{"given": "A.", "family": "Example"}],
    "issued": {"date-parts": [[2010, 6]]},
    "volume": "362",
    "page": "2321-2330",
    "score": 87.2,
}
PUBMED_SUMMARY = {
    "header": {"type": "esummary", "version": "0.3"},
    "result": {
        "uids": ["23353941"],
        "23353941": {
            "uid": "23353941",
            "pubdate": "2013 Feb",
            "source": "Crit Care Med",
            "authors": [
                {"name": "Dellinger RP", "authtype": "Author"},
                {"name": "Levy MM", "authtype": "Author"},
                {
                    "name": "Surviving Sepsis Campaign Guidelines Committee",
                    "authtype": "CollectiveName",
                },
            ],
            "title": "Surviving sepsis campaign: international guidelines for management of severe sepsis and septic shock: 2012.",
            "volume": "41",
            "issue": "2",
            "pages": "580-637",
            "lang": ["eng"],
            "issn": "0090-3493",
            "fulljournalname": "Critical care medicine",
            "articleids": [
                {"idtype": "pubmed", "value": "23353941"},
                {"idtype": "doi", "value": "10.1097/CCM.0b013e31827e83af"},
            ],
        },
    },
}


class Replay:
    """A tiny Crossref + PubMed on 127.0.0.1 that records every request."""

    def __init__(self):
        self.requests: list[tuple[float, str, dict[str, list[str]], str]] = []
        self.fail_next_with_429 = 0
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                url = urlparse(self.path)
                query = parse_qs(url.query)
                replay.requests.append(
                    (time.monotonic(), url.path, query, self.headers.get("User-Agent", ""))
                )
                if replay.fail_next_with_429:
                    replay.fail_next_with_429 -= 1
                    self.send_response(429)
                    self.send_header("Retry-After", "0")
                    self.end_headers()
                    return
                status, body = replay.answer(unquote(url.path), query)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Rate-Limit-Limit", "50")
                self.send_header("X-Rate-Limit-Interval", "1s")
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, path, query):
        if path.lower() == f"/crossref/works/{SEPSIS_DOI}":
            return 200, {"status": "ok", "message-type": "work", "message": CROSSREF_WORK}
        if path == "/crossref/works" and "query.bibliographic" in query:
            return 200, {"status": "ok", "message": {"items": [SEARCH_WORK]}}
        if path.startswith("/crossref/works/"):
            return 404, {"status": "error", "message": "Resource not found."}
        if path == "/pubmed/esummary.fcgi":
            ids = query.get("id", [""])[0].split(",")
            result = {"uids": ids}
            for pmid in ids:
                result[pmid] = PUBMED_SUMMARY["result"].get(
                    pmid, {"uid": pmid, "error": "cannot get document summary"}
                )
            return 200, {"result": result}
        return 404, {}


@pytest.fixture
def replay():
    server = Replay()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


def run_enrich(replay, items, tmp_path, **options):
    return enrich(
        items,
        crossref_url=replay.url + "/crossref",
        pubmed_url=replay.url + "/pubmed",
        cache_dir=tmp_path / "cache",
        **options,
    )


def test_fills_missing_fields_by_doi_and_never_replaces_user_values(replay, tmp_path):
    item = {
        "id": "sepsis",
        "type": "article-journal",
        "title": "Surviving sepsis campaign",  # the user's shortened title
        "DOI": "https://doi.org/10.1097/CCM.0b013e31827e83af",
        "page": "580-63",  # a typo the user made
    }
    result = run_enrich(replay, [item], tmp_path, email="editor@example.org")
    enriched = result.items[0]
    assert enriched["volume"] == "41" and enriched["issue"] == "2"
    assert enriched["container-title"] == "Critical Care Medicine"
    assert enriched["author"][0] == {"family": "Dellinger", "given": "R. Phillip"}
    assert enriched["issued"] == {"date-parts": [[2013, 2]]}
    assert enriched["title"] == "Surviving sepsis campaign"  # kept
    assert enriched["page"] == "580-63"  # kept, reported
    assert item == {**item}  # the input is untouched
    assert "volume" not in item
    conflicts = {p.field: p for p in result.report if p.code == "enrichment-conflict"}
    assert set(conflicts) >= {"title", "page"}
    assert "580-637" in conflicts["page"].message and conflicts["page"].severity == "warning"
    filled = {p.field for p in result.report if p.code == "enriched-field"}
    assert {"volume", "issue", "author", "container-title"} <= filled
    diff = result.diffs[0]
    assert diff.item_id == "sepsis" and any(
        c.field == "page" and not c.applied for c in diff.changes
    )
    # politeness: the contact email goes with the request
    (_, path, query, agent) = replay.requests[0]
    assert query["mailto"] == ["editor@example.org"] and "mailto:editor@example.org" in agent


def test_overwrite_replaces_differing_values(replay, tmp_path):
    item = {"id": "s", "type": "article-journal", "DOI": SEPSIS_DOI, "page": "580-63"}
    result = run_enrich(replay, [item], tmp_path, overwrite=True)
    assert result.items[0]["page"] == "580-637"
    assert not [p for p in result.report if p.code == "enrichment-conflict"]


def test_pubmed_by_pmid_then_crossref_by_the_doi_it_gave(replay, tmp_path):
    item = {"id": "p", "type": "article-journal", "PMID": "23353941"}
    result = run_enrich(replay, [item], tmp_path)
    enriched = result.items[0]
    assert enriched["DOI"] == SEPSIS_DOI
    assert enriched["author"][:2] == [
        {"family": "Dellinger", "given": "R. P."},
        {"family": "Levy", "given": "M. M."},
    ]
    assert enriched["container-title-short"] == "Crit Care Med"
    assert enriched["language"] == "en"
    paths = [r[1] for r in replay.requests]
    assert paths == ["/pubmed/esummary.fcgi", f"/crossref/works/{SEPSIS_DOI}"]


def test_search_without_doi_is_used_only_when_title_and_year_match(replay, tmp_path):
    matching = {
        "id": "m",
        "type": "article-journal",
        "title": "Long-term outcome after the Fontan procedure.",
        "author": [{"family": "Example"}],
        "issued": {"date-parts": [[2010]]},
    }
    different = {
        "id": "d",
        "type": "article-journal",
        "title": "A completely different study of something else",
        "issued": {"date-parts": [[2010]]},
    }
    result = run_enrich(replay, [matching, different], tmp_path)
    assert result.items[0]["DOI"] == "10.1056/nejmoa1002097"
    assert "DOI" not in result.items[1]
    failed = [p for p in result.report if p.code == "enrichment-failed"]
    assert [p.item_id for p in failed] == ["d"]
    assert run_enrich(replay, [different], tmp_path, query=False, use_cache=False).diffs == []


def test_cache_answers_the_second_run_without_requests(replay, tmp_path):
    item = {"id": "s", "type": "article-journal", "DOI": SEPSIS_DOI}
    first = run_enrich(replay, [item], tmp_path)
    count = len(replay.requests)
    second = run_enrich(replay, [item], tmp_path, email="someone@example.org")
    assert len(replay.requests) == count
    assert second.items == first.items


def test_rate_limit_and_retry_after(replay, tmp_path):
    items = [
        {"id": f"x{i}", "type": "article-journal", "DOI": f"10.1000/missing{i}"} for i in range(4)
    ]
    replay.fail_next_with_429 = 1
    started = time.monotonic()
    result = run_enrich(replay, items, tmp_path, use_cache=False)
    elapsed = time.monotonic() - started
    assert len([p for p in result.report if p.code == "enrichment-failed"]) == 4
    assert len(replay.requests) == 5  # one 429 retried
    # Five requests with at least 0.1 s between starts: about 10 requests a second at most.
    assert elapsed >= 0.4


def test_unreachable_services_raise_network_error(tmp_path):
    item = {"id": "s", "type": "article-journal", "DOI": SEPSIS_DOI}
    with pytest.raises(cslkit.NetworkError):
        enrich(
            [item],
            crossref_url="http://127.0.0.1:9",
            pubmed_url="http://127.0.0.1:9",
            use_cache=False,
        )


def test_cli_shows_a_diff_and_writes_items(replay, tmp_path, capsys, monkeypatch):
    source = tmp_path / "refs.json"
    source.write_text(
        json.dumps(
            [
                {
                    "id": "sepsis",
                    "type": "article-journal",
                    "title": "Surviving sepsis campaign",
                    "DOI": SEPSIS_DOI,
                }
            ]
        ),
        "utf-8",
    )
    out = tmp_path / "out.json"
    monkeypatch.setenv("CSLKIT_CONTACT_EMAIL", "desk@example.org")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "enrich",
                str(source),
                "-o",
                str(out),
                "--crossref-url",
                replay.url + "/crossref",
                "--pubmed-url",
                replay.url + "/pubmed",
            ]
        )
    err = capsys.readouterr().err
    assert (exit_info.value.code or 0) == 0
    assert 'item "sepsis" (no. 1)' in err
    assert '+ volume: "41"' in err
    assert "= title:" in err and "kept" in err
    assert json.loads(out.read_text("utf-8"))[0]["volume"] == "41"
    assert replay.requests[0][2]["mailto"] == ["desk@example.org"]
    assert sys.modules.get("cslkit.enrichment") is not None
