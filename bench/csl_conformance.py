"""The CSL processor test suite through cslkit's renderer, beside plain citeproc-py.

    .venv/bin/python bench/csl_conformance.py [--suite ../shared/data/csl-test-suite/humans]
                                              [--group name] [--show-failures N]

Prints passed/run per fixture group (the file-name prefix: name, date, sort...) for
citation and bibliography modes. CITATIONS fixtures (clusters with note numbers, added
and edited one by one) run through the cluster API, printed as the citeproc-js test
runner prints them: the final document's citations, ">>[i]" for those citeproc-js sends
again after the last edit (we render the document before and after it and apply
citeproc-js's rules: text or positions changed, or an item in the citation was
renumbered, disambiguated anew, given another first note, or cited more than once in a
style with disambiguate conditions), "..[i]" for the others. Plain citeproc-py has no
note numbers, so it fails them. Fixtures that need BIBENTRIES/BIBSECTION (bibliographies
of item subsets, filtered bibliographies) are counted as "not run".
Outputs are compared as citeproc-js HTML after normalising whitespace, entity spelling
and the second-field-align wrapper divs.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import signal
import sys
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_SUITE = ROOT.parent / "shared" / "data" / "csl-test-suite" / "humans"
SECTION = re.compile(r">>=+ ([A-Z-]+) =+>>\n(.*?)\n<<=+ \1 =+<<", re.S)
FIXTURE_SECONDS = 5


class Timeout(Exception):
    pass


def parse_fixture(path: Path) -> dict[str, str]:
    return {name: body for name, body in SECTION.findall(path.read_text(encoding="utf-8"))}


def normalise(text: str, keep_lines: bool = False) -> str:
    """Compare-ready text: entities decoded, wrapper divs gone (a second-field-align
    margin ends in a space, as cslkit prints it), spaces collapsed (within lines when
    ``keep_lines``: a citation's delimiter may be a line break)."""
    text = re.sub(r'</div>\s*<div class="csl-right-inline">', " ", text)
    if not keep_lines:
        text = text.replace("\n", " ")
    text = re.sub(r'<div class="csl-(left-margin|right-inline|indent|block)">', "", text)
    text = html.unescape(text).replace("</div>", "")
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def expected_entries(result: str) -> list[str] | None:
    if "csl-bib-body" not in result:
        return None
    body = re.sub(r'^\s*<div class="csl-bib-body">', "", result.strip())
    body = re.sub(r"</div>\s*$", "", body)
    parts = re.split(r'<div class="csl-entry">', body)[1:]
    return [normalise(part) for part in parts]


def clusters_of(fixture: dict[str, str], items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    if "CITATION-ITEMS" in fixture:
        return json.loads(fixture["CITATION-ITEMS"])
    return [[{"id": item_id} for item_id in item_ids(items)]]


def item_ids(items: list[dict[str, Any]]) -> list[Any]:
    """Each id once, in input order: the citeproc-js test runner keeps items by id, so an
    id given twice is one item (the later one)."""
    return list(dict.fromkeys(item.get("id", f"item-{n + 1}") for n, item in enumerate(items)))


# -- cslkit's renderer ------------------------------------------------------------------------


def _cite_items(clusters: list[list[dict[str, Any]]], keys: dict[str, str], cite_class: Any) -> list[Any]:
    from citeproc import Citation, Locator

    citations = []
    for cluster in clusters:
        cites = []
        for entry in cluster:
            args: dict[str, Any] = {}
            if "locator" in entry:
                args["locator"] = Locator(entry.get("label", "page"), entry["locator"])
            for affix in ("prefix", "suffix"):
                if entry.get(affix):
                    args[affix] = entry[affix]
            cites.append(cite_class(keys.get(str(entry["id"]), str(entry["id"])), **args))
        citations.append(Citation(cites))
    return citations


def run_ours(fixture: dict[str, str]) -> str:
    from cslkit.rendering.adapter import CitationItemKeepingCase, build_source
    from cslkit.rendering.disambiguation import disambiguate
    from cslkit.rendering.engine import LoadedStyle, new_bibliography
    from cslkit.rendering.formats import html as html_format
    from cslkit.rendering.styles import ResolvedStyle

    if "CITATIONS" in fixture:
        return run_citations(fixture)
    items = json.loads(fixture["INPUT"])
    resolved = ResolvedStyle(name="fixture", path=Path("fixture.csl"), data=fixture["CSL"].encode(),
                             trusted=True, default_locale=None, item_locales=False)
    loaded = LoadedStyle(resolved, None, None)
    source, key_list = build_source(items)
    keys = {str(item.get("id", f"item-{n + 1}")): key for n, (item, key) in enumerate(zip(items, key_list, strict=True))}
    bibliography = new_bibliography(loaded, source)
    if fixture["MODE"].strip() == "bibliography":
        ids = item_ids(items)
        for citation in _cite_items([[{"id": i}] for i in ids], keys, CitationItemKeepingCase):
            bibliography.register(citation)
        bibliography.sort()
        disambiguate(loaded, bibliography)
        entries = [e for e in bibliography.bibliography() if e is not None]
        return "\n".join(normalise(html_format.convert(str(e))) for e in entries)
    # through the cluster API, as cslkit.cite renders (the fixture's style given parsed)
    from cslkit.rendering.citations import as_clusters
    from cslkit.rendering.engine import Renderer

    clusters = as_clusters([[dict(cite, id=keys.get(str(cite["id"]), str(cite["id"]))) for cite in cluster]
                            for cluster in clusters_of(fixture, items)])
    marks = Renderer().citations_markup(items, clusters, loaded)
    return "\n".join(normalise(html_format.convert(mark), keep_lines=True) for mark in marks)


def _documents(fixture: dict[str, str]) -> list[list[tuple[str, dict[str, Any], int]]]:
    """The document after each CITATIONS step: (citation id, citation, note number) in
    order. A step is citeproc-js's processCitationCluster(citation, pre, post): the
    document becomes pre + [citation] + post, where pre and post list [id, note number]
    of citations already given (any other citation is deleted)."""
    known: dict[str, dict[str, Any]] = {}
    documents = []
    for citation, pre, post in json.loads(fixture["CITATIONS"]):
        known[citation["citationID"]] = citation
        note = (citation.get("properties") or {}).get("noteIndex") or 0
        documents.append([(cid, known[cid], n or 0) for cid, n in pre]
                         + [(citation["citationID"], citation, note)]
                         + [(cid, known[cid], n or 0) for cid, n in post])
    return documents


class _State:
    """One state of a document: each citation's text, and what citeproc-js watches to
    decide which citations to send again after an edit."""

    def __init__(self, fixture: dict[str, str], items: list[dict[str, Any]],
                 document: list[tuple[str, dict[str, Any], int]]) -> None:
        from cslkit.rendering import Cluster
        from cslkit.rendering.citations import as_clusters
        from cslkit.rendering.engine import Renderer
        from cslkit.rendering.formats import html as html_format

        loaded = _fixture_style(fixture)
        clusters = [Cluster(as_clusters([citation["citationItems"]])[0].cites, note)
                    for _cid, citation, note in document]
        marks, citations, rendered = Renderer().citations_document(items, clusters, loaded)
        self.ids = [cid for cid, _citation, _note in document]
        self.texts = {cid: normalise(html_format.convert(mark), keep_lines=True)
                      for cid, mark in zip(self.ids, marks, strict=True)}
        self.notes = {cid: note for cid, _citation, note in document}
        self.keys = {cid: [cite.key for cite in citation.cites] for cid, citation in zip(self.ids, citations, strict=True)}
        self.positions = {cid: [_position_state(vars(cite).get("cite_position")) for cite in citation.cites]
                          for cid, citation in zip(self.ids, citations, strict=True)}
        self.numbers = {key: index for index, key in enumerate(rendered.keys)}
        disambiguation = vars(loaded.root).get("disambiguation")
        self.configs = {key: (c.names, c.givens, c.year_suffix, c.disambiguate)
                        for key, c in (disambiguation.configs.items() if disambiguation else ())}
        self.counts: dict[str, int] = defaultdict(int)
        for keys in self.keys.values():
            for key in set(keys):
                self.counts[key] += 1


def _position_state(position: Any) -> Any:
    if position is None:
        return None
    return (position.name, position.first_note, position.near_note)


def _resent(fixture: dict[str, str], before: _State, after: _State) -> set[str]:
    """The citations citeproc-js sends again after the last edit: those whose text or
    cite positions changed, and every citation of an item that changed: its
    first-reference-note-number, its number (a style printing citation-number), its
    disambiguation, or (a style with disambiguate="true" conditions) whether it is cited
    once or more."""
    citation = re.search(r"<citation\b.*?</citation>", fixture["CSL"], re.S)
    numbered = citation is not None and "citation-number" in citation.group(0)
    counted = 'disambiguate="true"' in fixture["CSL"]
    resent: set[str] = set()
    changed_items: set[str] = set()
    for cid in after.ids:
        if cid not in before.texts:
            resent.add(cid)
            continue
        if before.texts[cid] != after.texts[cid] or before.positions[cid] != after.positions[cid]:
            resent.add(cid)
        if before.keys[cid] == after.keys[cid]:
            for key, old, new in zip(after.keys[cid], before.positions[cid], after.positions[cid], strict=True):
                if old and new and old[1] != new[1]:
                    changed_items.add(key)
    for key in after.counts:
        if ((numbered and before.numbers.get(key) != after.numbers.get(key))
                or before.configs.get(key) != after.configs.get(key)
                or (counted and (before.counts[key] < 2) != (after.counts[key] < 2))):
            changed_items.add(key)
    resent.update(cid for cid in after.ids if changed_items & set(after.keys[cid]))
    return resent


def run_citations(fixture: dict[str, str]) -> str:
    """A CITATIONS fixture as the citeproc-js test runner prints it: every citation of the
    final document, ">>[i]" for those the last step inserted or changed, "..[i]" for the
    others; in bibliography mode the bibliography of the items the final document cites."""
    from cslkit.rendering.engine import Renderer
    from cslkit.rendering.formats import html as html_format

    items = list({str(item.get("id")): item for item in json.loads(fixture["INPUT"])}.values())
    documents = _documents(fixture)
    final = documents[-1]
    if fixture["MODE"].strip() == "bibliography":
        order = list(dict.fromkeys(str(cite["id"]) for _cid, citation, _n in final
                                   for cite in citation["citationItems"]))
        by_id = {str(item.get("id")): item for item in items}
        cited = [by_id[i] for i in order if i in by_id]
        entries = Renderer().bibliography_markup(cited, _fixture_style(fixture))
        return "\n".join(normalise(html_format.convert(entry)) for _index, entry in entries)
    after = _State(fixture, items, final)
    final_id = json.loads(fixture["CITATIONS"])[-1][0]["citationID"]
    before = _State(fixture, items, documents[-2]) if len(documents) > 1 else None
    resent = _resent(fixture, before, after) | {final_id} if before is not None else set(after.ids)
    lines = [f"{'>>' if cid in resent else '..'}[{index}] {after.texts[cid]}"
             for index, cid in enumerate(after.ids)]
    return "\n".join(lines)


def _fixture_style(fixture: dict[str, str]) -> Any:
    from cslkit.rendering.engine import LoadedStyle
    from cslkit.rendering.styles import ResolvedStyle

    resolved = ResolvedStyle(name="fixture", path=Path("fixture.csl"), data=fixture["CSL"].encode(),
                             trusted=True, default_locale=None, item_locales=False)
    return LoadedStyle(resolved, None, None)


# -- plain citeproc-py ------------------------------------------------------------------------


def run_plain(fixture: dict[str, str]) -> str:
    import io

    from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    if "CITATIONS" in fixture:
        raise NotImplementedError("plain citeproc-py has no note numbers: counted as failing")
    items = json.loads(fixture["INPUT"])
    style = CitationStylesStyle(io.BytesIO(fixture["CSL"].encode()), validate=False)
    source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(style, source, formatter.html)
    keys = {str(item.get("id")): str(item.get("id")) for item in items}
    if fixture["MODE"].strip() == "bibliography":
        for citation in _cite_items([[{"id": i}] for i in item_ids(items)], keys, CitationItem):
            bibliography.register(citation)
        bibliography.sort()
        return "\n".join(normalise(str(e)) for e in bibliography.bibliography())
    citations = _cite_items(clusters_of(fixture, items), keys, CitationItem)
    for citation in citations:
        bibliography.register(citation)
    if style.has_bibliography():
        bibliography.sort()
    return "\n".join(normalise(str(bibliography.cite(c, lambda cite: None)), keep_lines=True)
                     for c in citations)


def passes(runner: Any, fixture: dict[str, str]) -> bool:
    def alarm(_signum: int, _frame: Any) -> None:
        raise Timeout

    signal.signal(signal.SIGALRM, alarm)
    signal.alarm(FIXTURE_SECONDS)
    try:
        got = runner(fixture)
    except Exception:
        return False
    finally:
        signal.alarm(0)
    expected = fixture["RESULT"]
    entries = expected_entries(expected)
    if entries is not None:
        return got == "\n".join(entries)
    return got == normalise(expected, keep_lines=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, default=DEFAULT_SUITE)
    parser.add_argument("--group", help="only fixtures whose group is this")
    parser.add_argument("--show-failures", type=int, default=0, metavar="N",
                        help="print the names of up to N fixtures we fail")
    parser.add_argument("--write-passing", type=Path, metavar="FILE",
                        help="write the names of the fixtures we pass (the list the regression "
                             "test tests/test_rendering_conformance.py holds us to)")
    args = parser.parse_args()
    if not args.suite.is_dir():
        sys.exit(f"no test suite at {args.suite}")
    warnings.simplefilter("ignore")
    # mode -> group -> [run, ours, plain]
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    not_run: dict[str, int] = defaultdict(int)
    failures: list[str] = []
    passing: list[str] = []
    for path in sorted(args.suite.glob("*.txt")):
        group = path.stem.split("_")[0]
        if args.group and group != args.group:
            continue
        fixture = parse_fixture(path)
        mode = fixture.get("MODE", "").strip()
        if mode not in ("citation", "bibliography") or "CSL" not in fixture or "INPUT" not in fixture:
            not_run["malformed"] += 1
            continue
        if {"BIBENTRIES", "BIBSECTION"} & fixture.keys():
            not_run[mode] += 1
            continue
        row = table[mode][group]
        row[0] += 1
        ours = passes(run_ours, fixture)
        row[1] += ours
        row[2] += passes(run_plain, fixture)
        (passing if ours else failures).append(path.name)
    for mode in ("citation", "bibliography"):
        groups = table[mode]
        total = [sum(r[i] for r in groups.values()) for i in range(3)]
        print(f"\n{mode} mode ({not_run[mode]} fixtures not run: BIBENTRIES or BIBSECTION)")
        print(f"  {'group':<14}{'run':>5}{'cslkit':>10}{'citeproc-py':>14}")
        for group in sorted(groups, key=lambda g: -groups[g][0]):
            run, ours, plain = groups[group]
            print(f"  {group:<14}{run:>5}{ours:>6} {ours / run:>4.0%}{plain:>8} {plain / run:>4.0%}")
        if total[0]:
            print(f"  {'overall':<14}{total[0]:>5}{total[1]:>6} {total[1] / total[0]:>4.0%}"
                  f"{total[2]:>8} {total[2] / total[0]:>4.0%}")
    if args.write_passing:
        header = "# CSL test-suite fixtures cslkit passes; rebuild: bench/csl_conformance.py --write-passing\n"
        args.write_passing.write_text(header + "".join(f"{name}\n" for name in passing), encoding="utf-8")
    if args.show_failures:
        print("\nfailing fixtures:", *failures[: args.show_failures], sep="\n  ")


if __name__ == "__main__":
    main()
