#!/usr/bin/env bash
# The main job on the bundled example, end to end:
#   pasted reference list -> CSL-JSON -> checked -> Vancouver, DSTU 8302:2015 and the
#   transliterated References list -> synced twice into a Zotero group (a local server
#   that speaks the Zotero Web API, so nothing leaves this machine).
# Run from a checkout after `pip install -e .`; uses the `cslkit` on PATH or .venv's.
set -euo pipefail
cd "$(dirname "$0")/.."
CSLKIT=${CSLKIT:-$(command -v cslkit || echo .venv/bin/cslkit)}
PYTHON=${PYTHON:-$(dirname "$CSLKIT")/python}
out=$(mktemp -d)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$out"' EXIT

# Bold headings on a terminal only: piped or saved to a file, the output stays plain.
if [ -t 2 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain" >&2; }

step "1. Parse the pasted list (examples/maltsev-2013-references.txt) into CSL-JSON"
"$CSLKIT" parse examples/maltsev-2013-references.txt -o "$out/references.json" 2>"$out/parse.log" \
  || { cat "$out/parse.log" >&2; exit 1; }
"$PYTHON" -c "import json,sys; print(len(json.load(open(sys.argv[1]))), 'references parsed')" "$out/references.json"

step "2. Validate them (problems grouped by reference; exit 1 would mean errors)"
"$CSLKIT" validate "$out/references.json" --fix -o "$out/clean.json" | head -n 40 || true

step "3. Vancouver (NLM)"
"$CSLKIT" render "$out/clean.json" --style vancouver

step "4. DSTU 8302:2015, full punctuation form"
"$CSLKIT" render "$out/clean.json" --style dstu-8302-2015 | head -n 10

step "5. A Ukrainian/Russian list (examples/references.json): DSTU and the transliterated References"
"$CSLKIT" render examples/references.json --style dstu-8302-2015
echo
"$CSLKIT" render examples/references.json --style vancouver --transliterate

step "6. Sync into a Zotero group on a local test server, twice"
"$PYTHON" -m cslkit.testing.zotero_server --port 0 >"$out/server.url" 2>"$out/server.log" &
server_pid=$!
for _ in $(seq 50); do [ -s "$out/server.url" ] && break; sleep 0.1; done
url=$(head -n 1 "$out/server.url")
export ZOTERO_API_KEY=test
"$CSLKIT" sync "$out/clean.json" --group 1 --api-url "$url" --state "$out/sync.sqlite" \
  --collection "Reproductive Endocrinology 2013/13" | tail -n 3
echo "-- second run: nothing to do"
"$CSLKIT" sync "$out/clean.json" --group 1 --api-url "$url" --state "$out/sync.sqlite" \
  --collection "Reproductive Endocrinology 2013/13"
