"""The local sync state (SQLite), keyed by server URL and library.

For each library it keeps the library version last read, what the remote items looked
like then (so later runs read only what changed, with ``since``), and for every item
sync put there: its local id, the identities it matched by, and the base of the
three-way merge; and the keys chosen for creates not yet confirmed, so that a create
whose answer never came is recognised by its key. Collections are remembered by name.
API keys are never stored.
The state is written after every batch, so an interrupted sync resumes where it stopped.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cslkit.zotero.plan import SyncedRecord

_SCHEMA = """
CREATE TABLE IF NOT EXISTS libraries (
    server TEXT NOT NULL, library TEXT NOT NULL, version INTEGER NOT NULL,
    PRIMARY KEY (server, library));
CREATE TABLE IF NOT EXISTS remote_items (
    server TEXT NOT NULL, library TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (server, library, key));
CREATE TABLE IF NOT EXISTS records (
    server TEXT NOT NULL, library TEXT NOT NULL, key TEXT NOT NULL, local_id TEXT NOT NULL,
    identities TEXT NOT NULL, base TEXT NOT NULL,
    PRIMARY KEY (server, library, key));
CREATE TABLE IF NOT EXISTS pending_creates (
    server TEXT NOT NULL, library TEXT NOT NULL, local_id TEXT NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (server, library, local_id));
CREATE TABLE IF NOT EXISTS collections (
    server TEXT NOT NULL, library TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (server, library, name));
"""


def default_state_path() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("cslkit")) / "zotero-sync.sqlite"


def server_id(api_url: str) -> str:
    return api_url.strip().rstrip("/").lower()


class SyncState:
    """One library's sync state inside the SQLite file at ``path``."""

    def __init__(self, path: str | Path, server: str, library: str) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.executescript(_SCHEMA)
        self._where = (server_id(server), library)

    def close(self) -> None:
        self._db.commit()
        self._db.close()

    def __enter__(self) -> SyncState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def commit(self) -> None:
        self._db.commit()

    @property
    def library_version(self) -> int:
        row = self._db.execute(
            "SELECT version FROM libraries WHERE server=? AND library=?", self._where
        ).fetchone()
        return int(row[0]) if row else 0

    def set_library_version(self, version: int) -> None:
        self._db.execute(
            "INSERT INTO libraries VALUES (?, ?, ?) ON CONFLICT(server, library) "
            "DO UPDATE SET version=excluded.version",
            (*self._where, version),
        )

    def remote_items(self) -> dict[str, dict[str, Any]]:
        rows = self._db.execute(
            "SELECT key, data FROM remote_items WHERE server=? AND library=?", self._where
        )
        return {key: json.loads(data) for key, data in rows}

    def put_remote(self, items: Iterable[dict[str, Any]]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO remote_items VALUES (?, ?, ?, ?)",
            [(*self._where, d["key"], json.dumps(d, ensure_ascii=False)) for d in items],
        )

    def forget_remote(self, keys: Iterable[str]) -> None:
        """Items deleted in Zotero. Their records stay: the deletion is remembered, so a
        later sync leaves it alone instead of creating the item again."""
        self._db.executemany(
            "DELETE FROM remote_items WHERE server=? AND library=? AND key=?",
            [(*self._where, k) for k in keys],
        )

    def records(self) -> dict[str, SyncedRecord]:
        rows = self._db.execute(
            "SELECT key, local_id, identities, base FROM records WHERE server=? AND library=?",
            self._where,
        )
        return {
            key: SyncedRecord(key, local_id, tuple(json.loads(ids)), json.loads(base))
            for key, local_id, ids, base in rows
        }

    def put_records(self, records: Iterable[SyncedRecord]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?)",
            [
                (*self._where, r.key, r.local_id, json.dumps(list(r.identities)),
                 json.dumps(r.base, ensure_ascii=False))
                for r in records
            ],
        )  # fmt: skip

    def pending_creates(self) -> dict[str, str]:
        """Local id -> the key chosen for its create, for creates not yet confirmed."""
        rows = self._db.execute(
            "SELECT local_id, key FROM pending_creates WHERE server=? AND library=?", self._where
        )
        return dict(rows.fetchall())

    def put_pending_creates(self, keys: dict[str, str]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO pending_creates VALUES (?, ?, ?, ?)",
            [(*self._where, local_id, key) for local_id, key in keys.items()],
        )

    def confirm_creates(self, local_ids: Iterable[str]) -> None:
        self._db.executemany(
            "DELETE FROM pending_creates WHERE server=? AND library=? AND local_id=?",
            [(*self._where, i) for i in local_ids],
        )

    def collection_key(self, name: str) -> str | None:
        row = self._db.execute(
            "SELECT key FROM collections WHERE server=? AND library=? AND name=?",
            (*self._where, name),
        ).fetchone()
        return row[0] if row else None

    def set_collection(self, name: str, key: str) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO collections VALUES (?, ?, ?, ?)", (*self._where, name, key)
        )

    def reset(self) -> None:
        """Forget this library (it was reset remotely, or is new): the next read is full."""
        for table in ("libraries", "remote_items", "records", "collections", "pending_creates"):
            self._db.execute(f"DELETE FROM {table} WHERE server=? AND library=?", self._where)
