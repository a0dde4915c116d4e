"""Zotero: CSL-JSON <-> Zotero item mapping and group library sync."""
