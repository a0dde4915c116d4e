"""Disambiguation of cites (CSL 1.0.2 §Disambiguation), which citeproc-py lacks.

Cites are ambiguous when their bare first citations render the same. In the order the
specification gives, and as far as the style allows:

1. ``disambiguate-add-names``: show more names of the ambiguous items' lists;
2. ``disambiguate-add-givenname``: show initials, then full given names. With a
   ``givenname-disambiguation-rule`` other than ``by-cite``, names are also expanded
   where two people share a family name anywhere in the document ("J. Malone", "K.
   Malone"), ambiguous cites or not;
3. ``disambiguate-add-year-suffix``: "2020a", "2020b" in bibliography order;
4. what is still ambiguous takes the ``disambiguate="true"`` branches of ``cs:choose``.

The result is stored on the style root for the rendering that follows:
``name_overrides`` (item key → {"names": extra names, "given": {name index: 0–2}}),
``year_suffix`` on each item's reference, and ``disambiguate_true`` (item keys).
"""

from __future__ import annotations

from typing import Any


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def disambiguate(loaded: Any, bibliography: Any) -> None:
    """Work out what each registered item needs to be told apart from the others."""
    from citeproc import Citation
    from citeproc.source import VariableError
    from citeproc.string import String

    from cslkit.rendering.adapter import CitationItemKeepingCase

    root = loaded.root
    citation = root.citation
    root.name_overrides = {}
    root.disambiguate_true = set()
    if citation is None:
        return
    add_names = citation.get("disambiguate-add-names", "false") == "true"
    add_given = citation.get("disambiguate-add-givenname", "false") == "true"
    add_suffix = citation.get("disambiguate-add-year-suffix", "false") == "true"
    rule = citation.get("givenname-disambiguation-rule", "by-cite")
    uses_condition = bool(root.xpath("//cs:if[@disambiguate='true'] | //cs:else-if[@disambiguate='true']",
                                     namespaces={"cs": "http://purl.org/net/xbiblio/csl"}))
    if not (add_names or add_given or add_suffix or uses_condition):
        return
    layout = citation.layout
    cites: dict[str, Any] = {}
    for registered in bibliography.items:
        # a fresh cite without locator, prefix or suffix: the bare first citation
        cite = CitationItemKeepingCase(registered.key)
        bibliography.register(Citation([cite]))
        cite.reference.pop("year_suffix", None)
        cites[registered.key] = cite

    def render(key: str) -> str | None:
        citation.cites = []
        layout.repressed = {}
        root.comparing_cites = True  # see adapter.Date
        try:
            return str(layout.render_children(cites[key]))
        except VariableError:
            return None
        finally:
            root.comparing_cites = False

    def ambiguous_groups(keys: list[str]) -> list[list[str]]:
        groups: dict[str, list[str]] = {}
        for key in keys:
            text = render(key)
            if text is not None:
                groups.setdefault(text, []).append(key)
        return [group for group in groups.values() if len(group) > 1]

    if add_given and rule != "by-cite":
        _expand_shared_family_names(root, cites, rule)
    overrides = root.name_overrides
    remaining: list[list[str]] = []
    for group in ambiguous_groups(list(cites)):
        remaining.extend(_settle(group, overrides, ambiguous_groups, add_names, add_given, cites))
    for group in remaining:
        if add_suffix:
            for index, key in enumerate(group):
                cites[key].reference["year_suffix"] = String(_letters(index))
        else:
            root.disambiguate_true.update(group)
    if add_suffix and uses_condition:
        for group in ambiguous_groups(list(cites)):
            root.disambiguate_true.update(group)
    citation.cites = []


def _settle(group: list[str], overrides: dict[str, dict[str, Any]], ambiguous_groups: Any,
            add_names: bool, add_given: bool, cites: dict[str, Any]) -> list[list[str]]:
    """Try more names, then given names name by name, on one ambiguous group; returns
    the groups still ambiguous. Names added without effect are taken back."""
    if add_names:
        longest = max(len(_names(cites[key])) for key in group)
        for extra in range(1, longest):
            for key in group:
                overrides.setdefault(key, {})["names"] = extra
            still = ambiguous_groups(group)
            if sum(len(g) for g in still) < len(group):
                return [g for sub in still for g in _settle(sub, overrides, ambiguous_groups, False,
                                                            add_given, cites)]
            if add_given and not _given_names_settle(group, overrides, ambiguous_groups, cites, extra):
                continue
            if add_given and not ambiguous_groups(group):
                return []
        for key in group:
            overrides.setdefault(key, {})["names"] = 0
    if add_given:
        _given_names_settle(group, overrides, ambiguous_groups, cites, 0)
    return ambiguous_groups(group)


def _given_names_settle(group: list[str], overrides: dict[str, dict[str, Any]], ambiguous_groups: Any,
                        cites: dict[str, Any], extra_names: int) -> bool:
    """Expand given names position by position while that tells the group apart; True
    when the group is no longer fully ambiguous (expansions that did nothing are undone)."""
    shown = max(len(_names(cites[key])) for key in group)
    progress = False
    for index in range(shown):
        for level in (1, 2):
            saved = {key: dict(overrides.get(key, {}).get("given") or {}) for key in group}
            for key in group:
                levels = dict(overrides.setdefault(key, {}).get("given") or {})
                levels[index] = level
                overrides[key]["given"] = levels
            still = ambiguous_groups(group)
            if sum(len(g) for g in still) < len(group):
                progress = True
                break
            for key in group:
                overrides[key]["given"] = saved[key]
        if progress and not ambiguous_groups(group):
            return True
    return progress


def _names(cite: Any) -> list[Any]:
    for variable in ("author", "editor", "translator", "composer", "director"):
        names = cite.reference.get(variable)
        if names:
            return list(names)
    return []


def _expand_shared_family_names(root: Any, cites: dict[str, Any], rule: str) -> None:
    """Given names for people who share a family name with someone else in the document."""
    primary_only = rule.startswith("primary-name")
    initials_only = rule.endswith("with-initials")
    people: dict[str, set[str]] = {}
    initials: dict[str, set[str]] = {}
    for cite in cites.values():
        names = _names(cite)[:1] if primary_only else _names(cite)
        for name in names:
            family, given = name.get("family"), name.get("given")
            if family and given:
                people.setdefault(family, set()).add(given)
                initials.setdefault(family, set()).add("".join(w[0] for w in given.replace(".", " ").split()))
    for key, cite in cites.items():
        names = _names(cite)[:1] if primary_only else _names(cite)
        levels: dict[int, int] = {}
        for index, name in enumerate(names):
            family = name.get("family")
            if family and len(people.get(family, ())) > 1:
                needs_full = len(initials[family]) < len(people[family]) and not initials_only
                levels[index] = 2 if needs_full else 1
        if levels:
            root.name_overrides.setdefault(key, {})["given"] = levels
