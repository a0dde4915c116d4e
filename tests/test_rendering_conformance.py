"""Every CSL test-suite fixture we once passed still passes (a ratchet, not a score).

The list in tests/data/csl-suite-passing.txt is written by
``bench/csl_conformance.py --write-passing tests/data/csl-suite-passing.txt``; the bench
prints the per-group figures. Fixtures come from ../shared, so the test skips without it.
"""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSING = Path(__file__).resolve().parent / "data" / "csl-suite-passing.txt"


def _bench() -> object:
    spec = importlib.util.spec_from_file_location("csl_conformance", ROOT / "bench" / "csl_conformance.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fixtures_that_passed_still_pass(shared_data: Path) -> None:
    suite = shared_data / "csl-test-suite" / "humans"
    names = [line for line in PASSING.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert len(names) > 600
    bench = _bench()
    regressions = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in names:
            if not bench.passes(bench.run_ours, bench.parse_fixture(suite / name)):  # type: ignore[attr-defined]
                regressions.append(name)
    assert not regressions, f"{len(regressions)} CSL fixtures no longer pass: {', '.join(regressions)}"
