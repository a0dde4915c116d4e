"""The sync plan is a pure function: matching, three-way merge, conflicts, pull."""

from __future__ import annotations

import copy

from cslkit.zotero.mapping import csl_to_zotero
from cslkit.zotero.plan import SyncedRecord, identities, make_plan, pulled_item

ARTICLE = {
    "id": "maltsev2013",
    "type": "article-journal",
    "title": "Хронічна серцева недостатність у хворих на цукровий діабет",
    "author": [{"family": "Мальцев", "given": "О. В."}, {"family": "Petrenko", "given": "I."}],
    "container-title": "Український медичний часопис",
    "volume": "13",
    "page": "45-51",
    "issued": {"date-parts": [[2013, 3]]},
    "DOI": "10.1000/UMJ.2013.13.45",
}
BOOK = {
    "id": "holt2017",
    "type": "book",
    "title": "Textbook of Diabetes",
    "author": [{"family": "Holt", "given": "Richard"}],
    "issued": {"date-parts": [[2017]]},
    "ISBN": "1-118-91202-6",
}


def _synced(items, key_prefix="KEY"):
    """Remote data and records as they are right after a first sync of ``items``."""
    plan = make_plan(items, {}, {})
    remote, records = {}, {}
    for number, entry in enumerate(plan.create):
        key = f"{key_prefix}{number:04d}".ljust(8, "A")[:8]
        remote[key] = {**entry.data, "key": key, "version": 1}
        records[key] = SyncedRecord(key, entry.item_id, entry.identities, entry.new_base)
    return remote, records


def test_first_sync_creates_everything_with_tags_and_collection() -> None:
    plan = make_plan([ARTICLE, BOOK], {}, {}, tags=["issue-13"], collection_key="COLL2345")
    assert [e.action for e in plan.entries] == ["create", "create"]
    assert plan.create[0].data["tags"] == [{"tag": "issue-13"}]
    assert plan.create[0].data["collections"] == ["COLL2345"]
    assert plan.create[0].data["DOI"] == "10.1000/UMJ.2013.13.45"


def test_second_sync_with_nothing_changed_is_all_unchanged() -> None:
    remote, records = _synced([ARTICLE, BOOK])
    plan = make_plan([ARTICLE, BOOK], remote, records)
    assert [e.action for e in plan.entries] == ["unchanged", "unchanged"]
    assert all(e.matched_by == "remembered" for e in plan.entries)
    assert not plan.conflict and not plan.update


def test_identity_by_doi_isbn_and_fingerprint_without_state() -> None:
    remote = {
        "DOIMATCH": {
            **csl_to_zotero(ARTICLE),
            "key": "DOIMATCH",
            "version": 3,
            "DOI": "https://doi.org/10.1000/umj.2013.13.45",
        },  # fmt: skip
        "ISBNMTCH": {
            **csl_to_zotero(BOOK),
            "key": "ISBNMTCH",
            "version": 3,
            "ISBN": "978-1-118-91202-7",
        },  # fmt: skip
    }
    plan = make_plan([ARTICLE, BOOK], remote, {})
    assert [(e.key, e.matched_by) for e in plan.entries] == [
        ("DOIMATCH", "doi"), ("ISBNMTCH", "isbn")
    ]  # fmt: skip
    no_ids = {k: v for k, v in ARTICLE.items() if k != "DOI"}
    shouty = {**csl_to_zotero(no_ids), "key": "FPMATCH1", "version": 2,
              "title": no_ids["title"].upper() + "."}  # fmt: skip
    plan = make_plan([no_ids], {"FPMATCH1": shouty}, {})
    assert plan.entries[0].key == "FPMATCH1" and plan.entries[0].matched_by == "fp"
    # The first sync into a library that already has the item fills only what it lacks.
    assert plan.entries[0].conflicts[0].field == "title"


def test_different_dois_never_match_even_with_the_same_title() -> None:
    other = {**ARTICLE, "DOI": "10.1000/other"}
    remote, records = _synced([ARTICLE])
    plan = make_plan([other], remote, {})
    assert plan.entries[0].action == "create"


def test_local_change_is_pushed_remote_change_is_kept() -> None:
    remote, records = _synced([ARTICLE])
    key = next(iter(remote))
    remote[key] = {**remote[key], "pages": "45-52", "abstractNote": "From Zotero", "version": 5}
    edited = {**ARTICLE, "volume": "14"}
    plan = make_plan([edited], remote, records)
    entry = plan.entries[0]
    assert entry.action == "update" and entry.changes == {"volume": "14"}
    assert entry.data["pages"] == "45-52" and entry.data["abstractNote"] == "From Zotero"
    assert entry.version == 5 and not entry.pulled and not entry.conflicts


def test_pull_brings_remote_changes_into_the_local_item() -> None:
    remote, records = _synced([ARTICLE])
    key = next(iter(remote))
    remote[key] = {**remote[key], "pages": "45-52", "version": 5}
    plan = make_plan([ARTICLE], remote, records, pull=True)
    entry = plan.entries[0]
    assert entry.action == "unchanged" and entry.pulled == {"pages": "45-52"}
    assert plan.pull == [entry]
    updated = pulled_item(ARTICLE, entry)
    assert updated["page"] == "45-52" and updated["id"] == "maltsev2013"
    assert updated["title"] == ARTICLE["title"]


def test_both_sides_changed_is_a_conflict_resolved_only_when_asked() -> None:
    remote, records = _synced([ARTICLE])
    key = next(iter(remote))
    remote[key] = {**remote[key], "volume": "15", "version": 5}
    edited = {**ARTICLE, "volume": "14"}
    entry = make_plan([edited], remote, records).entries[0]
    assert entry.action == "unchanged"
    assert [(c.field, c.local, c.remote, c.base) for c in entry.conflicts] == [
        ("volume", "14", "15", "13")
    ]
    local_wins = make_plan([edited], remote, records, prefer="local").entries[0]
    assert local_wins.action == "update" and local_wins.changes == {"volume": "14"}
    remote_wins = make_plan([edited], remote, records, prefer="remote").entries[0]
    assert remote_wins.action == "unchanged" and remote_wins.conflicts
    # Settled for remote: the next plan neither pushes nor reports it again.
    records[key] = SyncedRecord(key, "maltsev2013", remote_wins.identities, remote_wins.new_base)
    again = make_plan([edited], remote, records).entries[0]
    assert again.action == "unchanged" and not again.conflicts


def test_unresolved_conflict_is_reported_again_next_time() -> None:
    remote, records = _synced([ARTICLE])
    key = next(iter(remote))
    remote[key] = {**remote[key], "volume": "15", "version": 5}
    edited = {**ARTICLE, "volume": "14"}
    entry = make_plan([edited], remote, records).entries[0]
    records[key] = SyncedRecord(key, "maltsev2013", entry.identities, entry.new_base)
    assert make_plan([edited], remote, records).entries[0].conflicts


def test_remembered_match_survives_a_title_fix() -> None:
    no_doi = {k: v for k, v in ARTICLE.items() if k != "DOI"}
    remote, records = _synced([no_doi])
    fixed = {**no_doi, "title": no_doi["title"] + " 2 типу"}
    entry = make_plan([fixed], remote, records).entries[0]
    assert entry.matched_by == "remembered" and entry.changes == {"title": fixed["title"]}


def test_tags_and_collections_are_added_never_removed() -> None:
    remote, records = _synced([ARTICLE])
    key = next(iter(remote))
    remote[key]["tags"] = [{"tag": "cardiology"}]
    remote[key]["collections"] = ["OTHER234"]
    entry = make_plan([ARTICLE], remote, records, tags=["issue-13"],
                      collection_key="COLL2345").entries[0]  # fmt: skip
    assert entry.changes["tags"] == [{"tag": "cardiology"}, {"tag": "issue-13"}]
    assert entry.changes["collections"] == ["OTHER234", "COLL2345"]
    remote[key].update(entry.changes)
    assert make_plan([ARTICLE], remote, records, tags=["issue-13"],
                     collection_key="COLL2345").entries[0].action == "unchanged"  # fmt: skip


def test_duplicates_and_remote_deletions() -> None:
    remote, records = _synced([ARTICLE])
    twin = {**ARTICLE, "id": "twin"}
    plan = make_plan([ARTICLE, twin], remote, records)
    assert [e.action for e in plan.entries] == ["unchanged", "duplicate"]
    gone = {k: {**v, "deleted": 1} for k, v in remote.items()}
    assert make_plan([ARTICLE], gone, records).entries[0].action == "deleted-remotely"


def test_plan_does_not_touch_its_inputs() -> None:
    remote, records = _synced([ARTICLE])
    before = copy.deepcopy((remote, ARTICLE))
    make_plan([{**ARTICLE, "volume": "99"}], remote, records, tags=["x"], pull=True)
    assert (remote, ARTICLE) == before


def test_identities() -> None:
    ids = identities(csl_to_zotero(ARTICLE))
    assert "doi:10.1000/umj.2013.13.45" in ids
    assert any(i.startswith("fp:хронічна серцева") and i.endswith("|2013|мальцев") for i in ids)
    book = identities(csl_to_zotero(BOOK))
    assert "isbn:9781118912027" in book
    extra_pmid = identities({"itemType": "book", "title": "T", "extra": "PMID: 0123"})
    assert "pmid:123" in extra_pmid


def test_the_same_reference_twice_in_a_first_sync_is_created_once() -> None:
    plan = make_plan([ARTICLE, {**ARTICLE, "id": "copy"}, BOOK], {}, {})
    assert [e.action for e in plan.entries] == ["create", "duplicate", "create"]


def test_extra_edited_on_both_sides_is_merged_line_by_line() -> None:
    item = {**ARTICLE, "note": "Checked by the editor.", "original-date": {"date-parts": [[2012]]}}
    remote, records = _synced([item])
    key = next(iter(remote))
    remote[key] = {**remote[key], "version": 4,
                   "extra": remote[key]["extra"] + "\nCitation Key: maltsev2013"}  # fmt: skip
    edited = {**item, "original-date": {"date-parts": [[2011]]}}
    entry = make_plan([edited], remote, records).entries[0]
    assert not entry.conflicts and entry.action == "update"
    lines = entry.changes["extra"].splitlines()
    assert "Citation Key: maltsev2013" in lines and "original-date: 2011" in lines
    assert "original-date: 2012" not in lines
    # The same line changed on both sides is still a conflict.
    remote[key]["extra"] = remote[key]["extra"].replace(
        "original-date: 2012", "original-date: 2010"
    )
    assert make_plan([edited], remote, records).entries[0].conflicts[0].field == "extra"


def test_a_type_change_drops_the_fields_the_new_type_lacks() -> None:
    remote, records = _synced([ARTICLE])
    as_chapter = {**ARTICLE, "type": "chapter", "container-title": "Textbook of Diabetes"}
    entry = make_plan([as_chapter], remote, records).entries[0]
    assert entry.changes["itemType"] == "bookSection"
    assert entry.data["bookTitle"] == "Textbook of Diabetes"
    assert "publicationTitle" not in entry.data and "volume" in entry.data


def test_an_item_read_from_zotero_json_matches_its_zotero_item() -> None:
    remote = {"ABCD2345": {"itemType": "book", "title": "Кобзар", "key": "ABCD2345", "version": 3}}
    item = {"id": "k", "type": "book", "title": "Кобзар (1840)",
            "custom": {"zotero": {"key": "ABCD2345"}}}  # fmt: skip
    entry = make_plan([item], remote, {}).entries[0]
    assert entry.key == "ABCD2345" and entry.matched_by == "zotero-key"
