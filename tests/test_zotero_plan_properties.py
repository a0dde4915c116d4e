"""Properties of the three-way merge (hypothesis): no remote edit is overwritten unless
asked, every local-only edit is pushed, and a second plan after applying is quiet."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cslkit.zotero.plan import SyncedRecord, make_plan

FIELDS = ["title", "volume", "pages", "issue", "abstractNote"]
values = st.sampled_from(["", "a", "b", "c"])
states = st.fixed_dictionaries({f: values for f in FIELDS})


def _zotero(values: dict) -> dict:
    data = {"itemType": "journalArticle", "DOI": "10.1000/x"}
    data.update({k: v for k, v in values.items() if v})
    return data


def _csl(values: dict) -> dict:
    names = {"title": "title", "volume": "volume", "pages": "page", "issue": "issue",
             "abstractNote": "abstract"}  # fmt: skip
    item = {"id": "x", "type": "article-journal", "DOI": "10.1000/x"}
    item.update({names[k]: v for k, v in values.items() if v})
    return item


@settings(max_examples=400, deadline=None)
@given(states, states, states, st.sampled_from([None, "local", "remote"]))
def test_three_way_merge(base: dict, local: dict, remote: dict, prefer) -> None:
    record = SyncedRecord("KEY23456", "x", ("doi:10.1000/x",), _zotero(base))
    current = {**_zotero(remote), "key": "KEY23456", "version": 7}
    entry = make_plan([_csl(local)], {"KEY23456": current}, {"KEY23456": record},
                      prefer=prefer).entries[0]  # fmt: skip
    conflicts = {c.field for c in entry.conflicts}
    for field in FIELDS:
        ours, old, theirs = local[field], base[field], remote[field]
        sent = entry.changes.get(field, theirs)
        if theirs != old and ours != theirs:
            # Zotero's edit survives unless the user chose ours for a real conflict.
            if ours != old:
                assert field in conflicts
                assert sent == (ours if prefer == "local" else theirs)
            else:
                assert sent == theirs
        elif ours != old:
            assert sent == ours  # a local-only edit is pushed
        else:
            assert field not in entry.changes
    # After applying, the next plan has nothing to push.
    after = {**current, **entry.changes}
    record = SyncedRecord("KEY23456", "x", entry.identities, entry.new_base)
    again = make_plan([_csl(local)], {"KEY23456": after}, {"KEY23456": record},
                      prefer=prefer).entries[0]  # fmt: skip
    assert not again.changes
