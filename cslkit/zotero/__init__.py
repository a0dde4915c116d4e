"""Zotero: CSL-JSON <-> Zotero item mapping and group library sync.

``cslkit.sync(items, group=...)`` is :func:`cslkit.zotero.engine.sync`; the mapping is
in :mod:`cslkit.zotero.mapping`, the pure plan in :mod:`cslkit.zotero.plan`, the HTTP
client (the one place that retries) in :mod:`cslkit.zotero.client`.
"""

from cslkit.zotero.engine import SyncReport, sync

__all__ = ["SyncReport", "sync"]
