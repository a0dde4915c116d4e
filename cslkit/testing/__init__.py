"""Test helpers shipped with cslkit (a local Zotero API server), for its own tests,
benchmarks and demos, and for projects that build on cslkit."""
