"""Demo: sync a reference file into a fresh local Zotero server, twice.

    python -m cslkit.testing.zotero_demo examples/references.json

Starts :class:`~cslkit.testing.zotero_server.ZoteroTestServer` (in memory, API key
``test``), then runs the real ``cslkit sync FILE --group 1 --api-url <server>`` twice
with a throw-away state file: the first run creates every item, the second reports
nothing to do. Exits with the second run's status.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from cslkit.testing.zotero_server import ZoteroTestServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cslkit.testing.zotero_demo",
                                     description=__doc__.splitlines()[0])  # fmt: skip
    parser.add_argument("file", help="references in any format cslkit reads")
    parser.add_argument("--collection", default="Demo")
    args = parser.parse_args(argv)
    env = dict(os.environ, ZOTERO_API_KEY="test")
    with ZoteroTestServer() as server, tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "cslkit", "sync", args.file, "--group", "1",
                   "--api-url", server.url, "--state", str(Path(tmp) / "state.sqlite"),
                   "--collection", args.collection]  # fmt: skip
        status = 0
        for run in ("first", "second"):
            sys.stderr.write(f"$ cslkit sync {args.file} --group 1 --api-url {server.url} "
                             f"--collection {args.collection}   # {run} run\n")  # fmt: skip
            sys.stderr.flush()
            status = subprocess.run(command, env=env, check=False).returncode
        return status


if __name__ == "__main__":
    sys.exit(main())
