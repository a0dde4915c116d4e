"""Shared fixtures: paths to test data and to ../shared (skipped cleanly when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# The suite gates every landing, so property tests draw the same examples on every run
# (derandomize): a failure reproduces, and no run goes red by the luck of the draw.
# HYPOTHESIS_PROFILE=explore searches afresh (run it locally to find new cases).
settings.register_profile("gate", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "gate"))

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared/data is absent (looked in {SHARED}); skipping tests that need it")
    return SHARED
