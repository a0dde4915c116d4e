"""``cslkit.normalise()``: pure, switchable steps that clean items and report each change.

Each step is a function ``item -> (new item, changes)`` registered by name in
:data:`STEPS`, in the order they run. A step never mutates its input; ``normalise`` runs
them all (or the ones named in ``steps``, minus ``skip``) over every item and collects
the changes, as "info" problems, in one report. A few steps (``kind="list"``) need the
whole list, such as one spelling per journal; they run after the per-item steps.

Duplicates work on whole lists: :func:`find_duplicates` and :func:`merge_duplicates`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cslkit.gcpause import cycle_collection_paused
from cslkit.model import Problem, Report
from cslkit.normalisers.base import Item, Normalised, Step
from cslkit.normalisers.containers import normalise_container_titles, unify_container_spellings
from cslkit.normalisers.dates import normalise_dates
from cslkit.normalisers.duplicates import DuplicatePair, find_duplicates, merge_duplicates
from cslkit.normalisers.identifiers import normalise_identifiers
from cslkit.normalisers.language import detect_language, normalise_language
from cslkit.normalisers.names import normalise_names
from cslkit.normalisers.pages import normalise_pages
from cslkit.normalisers.places import spell_out_places
from cslkit.normalisers.text import clean_text, normalise_type

__all__ = [
    "STEPS",
    "DuplicatePair",
    "Normalised",
    "Step",
    "detect_language",
    "find_duplicates",
    "merge_duplicates",
    "normalise",
]

# The registry, in running order. Identifiers go before text clean-up so a DOI glued to
# the end of a title leaves with its punctuation; language runs last of the item steps,
# on clean titles, and places follow it (an abbreviation's city depends on the language);
# list steps come after every item step, on clean items.
STEPS: dict[str, Step] = {
    step.name: step
    for step in (
        Step(
            "types",
            normalise_type,
            "normalised-type",
            "map non-CSL type names (journalArticle, inproceedings) to CSL types",
        ),
        Step(
            "identifiers",
            normalise_identifiers,
            "normalised-identifier",
            "clean DOI, PMID, PMCID, ISSN, ISBN, URL; move identifiers out of title and note",
        ),
        Step(
            "text",
            clean_text,
            "normalised-text",
            "collapse whitespace, drop end punctuation from titles, places and publishers",
        ),
        Step(
            "names",
            normalise_names,
            "normalised-name",
            'split name strings, initials as "J. A.", particles, group authors as literal, remove et al.',
        ),
        Step(
            "dates",
            normalise_dates,
            "normalised-date",
            'printed and raw dates to numeric date-parts; "[cited ...]" to accessed',
        ),
        Step(
            "pages",
            normalise_pages,
            "normalised-page",
            "dashes, labels and abbreviated ranges (1073-9 -> 1073-1079); page counts to number-of-pages",
        ),
        Step(
            "container-titles",
            normalise_container_titles,
            "normalised-container-title",
            "full journal title and NLM abbreviation in container-title / container-title-short",
        ),
        Step(
            "language",
            normalise_language,
            "set-language",
            "set language (en, uk, ru, ...) from the title and names",
        ),
        Step(
            "places",
            spell_out_places,
            "normalised-place",
            'abbreviated cities in Ukrainian and Russian items written out ("К." -> "Київ", "М." -> "Москва")',
        ),
        Step(
            "container-spellings",
            unify_container_spellings,
            "normalised-container-title",
            "one spelling per journal in the list (the commonest); an abbreviation to -short",
            kind="list",
        ),
    )
}


def _select(steps: Iterable[str] | None, skip: Iterable[str]) -> list[Step]:
    from cslkit.errors import CslkitError

    names = list(STEPS) if steps is None else [steps] if isinstance(steps, str) else list(steps)
    skipped = {skip} if isinstance(skip, str) else set(skip)
    for name in [*names, *skipped]:
        if name not in STEPS:
            raise CslkitError(
                f"unknown normalising step {name!r}", hint=f"known steps: {', '.join(STEPS)}"
            )
    return [STEPS[name] for name in names if name not in skipped]


def normalise(
    items: Iterable[Item], *, steps: Iterable[str] | None = None, skip: Iterable[str] = ()
) -> Normalised:
    """Run the normalising steps over every item; return new items and a report of changes.

    ``steps`` names the steps to run, in registry order unless given otherwise (default:
    all of :data:`STEPS`; list steps always run after the item steps); ``skip`` names
    steps to leave out. The input is not modified.
    Entries that are not objects are passed through untouched (``validate`` reports them).
    """
    chosen = _select(steps, skip)
    with cycle_collection_paused():
        return _normalise(items, chosen)


def _normalise(items: Iterable[Item], chosen: list[Step]) -> Normalised:
    report = Report()
    result: list[Any] = []
    functions = [step.function for step in chosen if step.kind == "item"]
    found = report.problems
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            result.append(item)
            continue
        current = item
        for function in functions:
            current, changes = function(current)
            # Steps do not know the item's place in the list; it is added here.
            for c in changes:
                found.append(
                    Problem(c.code, c.severity, c.item_id, c.field, c.message, c.hint, position)
                )
        result.append(current)
    for step in chosen:
        if step.kind == "list":
            result, changes = step.function(result)
            found.extend(changes)
    return Normalised(result, report)
