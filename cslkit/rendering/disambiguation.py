"""Disambiguation of cites (CSL 1.0.2 §Disambiguation), which citeproc-py lacks.

Works the way citeproc-js does, so that styles come out as Zotero prints them:

* Cites are ambiguous when their bare cites (no locator or affixes, in the *subsequent*
  form, without formatting) render the same.
* Each item has a configuration (:class:`AmbigConfig`): how many names each of its name
  lists shows, how much of each given name (0 family only, 1 initials, 2 full), its year
  suffix and how many ``disambiguate="true"`` conditions it passes.
* An ambiguous group is worked on step by step, in the style's order of methods:
  ``disambiguate-add-names`` and ``disambiguate-add-givenname`` (by-cite rule) widen the
  configuration a name or a given name at a time; a step that tells a cite apart from
  the others is kept for it; ``disambiguate-add-year-suffix`` then letters what is left
  in bibliography order ("2020a", "2020b"); then ``disambiguate="true"`` conditions are
  switched on one by one.
* With a ``givenname-disambiguation-rule`` other than ``by-cite``, given names are
  expanded wherever two people in the document share a family name
  (:class:`NameRegistry`), ambiguous cites or not.

The result lives on the style root (``root.disambiguation``) for the renderings that
follow; the adapter's ``Name`` and conditions ask it what to show.
"""

from __future__ import annotations

import re
from typing import Any

_TAG = re.compile(r"<[^>]+>")
# a runaway group (a style whose renderings never settle) stops after this many steps
_MAX_STEPS = 500


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


class AmbigConfig:
    """What one cite shows: names per name list, given-name level per name, the year
    suffix (an index) and the number of ``disambiguate="true"`` conditions it passes."""

    __slots__ = ("names", "givens", "year_suffix", "disambiguate")

    def __init__(self, names: list[int] | None = None, givens: list[list[int]] | None = None,
                 year_suffix: int | None = None, disambiguate: int = 0) -> None:
        self.names = list(names or [])
        self.givens = [list(levels) for levels in givens or []]
        self.year_suffix = year_suffix
        self.disambiguate = disambiguate

    def clone(self) -> AmbigConfig:
        return AmbigConfig(self.names, self.givens, self.year_suffix, self.disambiguate)

    def pad(self) -> None:
        """A given-name level for every name shown."""
        while len(self.givens) < len(self.names):
            self.givens.append([])
        for index, count in enumerate(self.names):
            levels = self.givens[index]
            levels.extend([0] * (count - len(levels)))


def _strip_periods(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace(".", " ")).strip()


def _initials(given: str) -> str:
    return " ".join("-".join(part[:1] for part in word.split("-")) for word in given.split())


class NameRegistry:
    """The people named in the document: family name → initials → full given names.

    Two people share a family name when it has two forms of initials (show initials) or
    two given names behind the same initials (show them in full). With the ``by-cite``
    rule only people within one item are compared.
    """

    def __init__(self, rule: str, add_given: bool, demote: str | None) -> None:
        self.rule = rule
        self.add_given = add_given
        self.demote_never = demote == "never"
        self.families: dict[str, dict[str, set[str]]] = {}
        # while on: each level() call and its answer (see settled())
        self.log: list[tuple[tuple[Any, ...], int]] | None = None
        self._memo: dict[tuple[str, int], tuple[Any, tuple[str, str, str] | None]] = {}
        self._before_bibliography: dict[str, dict[str, set[str]]] | None = None

    def settled(self, log: list[tuple[tuple[Any, ...], int]]) -> bool:
        """Whether every level() call in ``log`` answers as it did then."""
        return all(self._level(*arguments) == answer for arguments, answer in log)

    def _keys(self, item_key: str, name: Any) -> tuple[str, str, str] | None:
        # asked for every name each time a cite renders: worked out once per name
        memo_key = (item_key, id(name))
        found = self._memo.get(memo_key)
        if found is not None and found[0] is name:
            return found[1]
        keys = self._name_keys(item_key, name)
        self._memo[memo_key] = (name, keys)
        return keys

    def _name_keys(self, item_key: str, name: Any) -> tuple[str, str, str] | None:
        if "literal" in name or not (name.get("family") or name.get("given")):
            return None
        family = _strip_periods(name.get("family"))
        if self.demote_never and name.get("non-dropping-particle"):
            family = f"{family} {name.get('non-dropping-particle')}"
        given = _strip_periods(name.get("given"))
        # a lower-case tail after a comma ("John, jr") is not part of the person's name
        tail = re.search(r"[,!]* ([^,]+)$", given)
        if tail and tail.group(1) == tail.group(1).lower():
            given = given[: tail.start()]
        if self.rule == "by-cite":
            family = f"{item_key}\0{family}"
        return family, _initials(given), given

    def add(self, item_key: str, name: Any, index: int) -> None:
        if self.rule.startswith("primary-name") and index > 0:
            return
        keys = self._keys(item_key, name)
        if keys is not None:
            family, initials, given = keys
            self.families.setdefault(family, {}).setdefault(initials, set()).add(given)

    def open_bibliography(self) -> None:
        """Start a bibliography: its entries add the people they show as they render
        (see :meth:`Disambiguation.given_level`); :meth:`close_bibliography` forgets them."""
        self._before_bibliography = {family: {initials: set(givens) for initials, givens in forms.items()}
                                     for family, forms in self.families.items()}

    def close_bibliography(self) -> None:
        if self._before_bibliography is not None:
            self.families, self._before_bibliography = self._before_bibliography, None

    def level(self, item_key: str, name: Any, index: int, requested: int, form: str,
              initialize_with: str | None) -> int:
        """The given-name level a name needs (citeproc-js's ``evalname``)."""
        answer = self._level(item_key, name, index, requested, form, initialize_with)
        if self.log is not None:
            self.log.append(((item_key, name, index, requested, form, initialize_with), answer))
        return answer

    def _level(self, item_key: str, name: Any, index: int, requested: int, form: str,
               initialize_with: str | None) -> int:
        level = 0 if form == "short" else (1 if initialize_with is not None else 2)
        keys = self._keys(item_key, name)
        if keys is None:
            return level
        family, initials, _given = keys
        forms = self.families.get(family)
        if forms is None or initials not in forms:
            return level
        if self.rule == "by-cite" and level <= requested:
            return requested
        if not self.add_given or (self.rule.startswith("primary-name") and index > 0):
            return level
        if self.rule.endswith("with-initials"):
            return 1 if len(forms) > 1 else 0
        if len(forms) > 1:
            level = 1
        if len(forms[initials]) > 1 or (len(forms) > 1 and initialize_with is None):
            level = 2
        return level


class CiteContext:
    """The cite or entry being rendered: its item, where, and its name lists so far."""

    __slots__ = ("key", "area", "subsequent", "nameset", "conditions_passed", "conditions_seen")

    def __init__(self, key: str, area: str, subsequent: bool) -> None:
        self.key = key
        self.area = area
        self.subsequent = subsequent
        self.nameset = 0
        self.conditions_passed = 0
        self.conditions_seen = 0


class Disambiguation:
    """The disambiguation settings of one document, as the renderer reads them."""

    def __init__(self, root: Any, citation: Any) -> None:
        self.add_names = citation.get("disambiguate-add-names", "false") == "true"
        self.add_given = citation.get("disambiguate-add-givenname", "false") == "true"
        self.add_suffix = citation.get("disambiguate-add-year-suffix", "false") == "true"
        self.rule = citation.get("givenname-disambiguation-rule", "by-cite")
        self.uses_condition = bool(root.xpath(
            "//cs:if[@disambiguate='true'] | //cs:else-if[@disambiguate='true']",
            namespaces={"cs": "http://purl.org/net/xbiblio/csl"}))
        self.names = NameRegistry(self.rule, self.add_given, root.get("demote-non-dropping-particle"))
        self.configs: dict[str, AmbigConfig] = {}
        # while probing: the configuration tried, filled in as the cite renders
        self.request: AmbigConfig | None = None
        self.collecting = False
        self.name_totals: list[int] = []
        # set once the document's people are known: sort keys then show given names as
        # the disambiguation expanded them (see engine: the bibliography is sorted again)
        self.sort_given = False

    def active(self) -> bool:
        return self.add_names or self.add_given or self.add_suffix or self.uses_condition

    def _config(self, context: CiteContext) -> AmbigConfig | None:
        if self.request is not None:
            return self.request
        if context.area == "bibliography" and not self.add_given:
            return None
        return self.configs.get(context.key)

    # -- what the adapter asks ------------------------------------------------------------
    def names_limit(self, context: CiteContext, names: list[Any], limit: int, et_al_min: int,
                    use_first: int) -> int:
        """How many of a name list to show (``limit``: what the et-al options say)."""
        position = context.nameset
        if self.collecting:
            for index, name in enumerate(names):
                self.names.add(context.key, name, index)
        total = len(names)
        if self.request is not None:
            self.name_totals.append(total)
            asked = self.request.names[position] if position < len(self.request.names) else 0
            shown = min(asked, total) if asked else limit
            while len(self.request.names) <= position:
                self.request.names.append(0)
            self.request.names[position] = shown
            return shown
        config = self._config(context)
        if config is not None and context.area == "bibliography" and not self.add_names:
            config = None
        asked = config.names[position] if config is not None and position < len(config.names) else 0
        if asked > use_first:
            return total if total < et_al_min else min(asked, total)
        return limit

    def given_level(self, context: CiteContext, name: Any, index: int, form: str,
                    initialize_with: str | None, shown: bool = True) -> int:
        """How much of a given name to show: 0 none, 1 initials, 2 in full (``shown``:
        the name is printed, not cut by et-al)."""
        default = 0 if form == "short" else (1 if initialize_with is not None else 2)
        if "literal" in name or not (name.get("given") or name.get("family")):
            return default
        if shown and self.add_given and context.area == "bibliography":
            # citeproc-js registers every name it prints, entries included, just before
            # weighing it: an editor met only in the bibliography who shares initials
            # with someone met before prints in full ("In Oleksandr Kim (Ed.)"), and
            # entries after it see that person too (APA 6th)
            self.names.add(context.key, name, index)
        position = context.nameset
        unasked = self.names.level(context.key, name, index, 0, form, initialize_with)
        config = self._config(context)
        if config is None:
            level = unasked
        else:
            while len(config.givens) <= position:
                config.givens.append([])
            levels = config.givens[position]
            while len(levels) <= index:
                levels.append(unasked)
            level = levels[index]
            if level == 1 and self.rule == "by-cite" and (initialize_with is None or not name.get("given")):
                level = 2
            if self.add_given and name.get("given"):
                level = self.names.level(context.key, name, index, level, form, initialize_with)
            if self.request is not None:
                levels[index] = level
        if self.request is None and not context.subsequent:
            level = max(level, unasked)
        return max(level, default)

    def condition(self, context: CiteContext) -> bool:
        """A ``disambiguate="true"`` test: the first N an item meets are true."""
        config = self.request if self.request is not None else self.configs.get(context.key)
        context.conditions_seen += 1
        if config is not None and context.conditions_passed < config.disambiguate:
            context.conditions_passed += 1
            return True
        return False


class _PriorCite:
    """A cite of the same item earlier in the document, so a probe renders the
    subsequent form (citeproc-js compares those)."""

    has_locator = False
    locator = None

    def __init__(self, key: str, citation: Any) -> None:
        self.key = key
        self.citation = citation


class _PriorCitation:
    def __init__(self) -> None:
        self.cites: list[Any] = []


def disambiguate(loaded: Any, bibliography: Any) -> None:
    """Work out what each registered item needs to be told apart from the others."""
    root = loaded.root
    citation = root.citation
    root.disambiguation = None
    if citation is None:
        return
    state = Disambiguation(root, citation)
    if not state.active():
        return
    root.disambiguation = state
    _Run(root, citation, state, bibliography).run()


class _Run:
    """One disambiguation of a document: citeproc-js's registry and disambiguator."""

    def __init__(self, root: Any, citation: Any, state: Disambiguation, bibliography: Any) -> None:
        from citeproc import Citation

        from cslkit.rendering.adapter import CitationItemKeepingCase

        self.root = root
        self.citation = citation
        self.state = state
        self.order = [registered.key for registered in bibliography.items]
        self.cites: dict[str, Any] = {}
        for key in self.order:
            # a fresh cite without locator, prefix or suffix: the bare cite
            cite = CitationItemKeepingCase(key)
            bibliography.register(Citation([cite]))
            cite.reference.pop("year_suffix", None)
            self.cites[key] = cite
        self.conditions = (0, 0)

    def render(self, key: str, config: AmbigConfig) -> str | None:
        """The bare subsequent cite of ``key`` as ``config`` asks (filled in as it goes)."""
        from citeproc.source import VariableError

        from cslkit.rendering.adapter import set_cite_context

        layout = self.citation.layout
        prior = _PriorCitation()
        # an earlier cite of the item, then one of another: subsequent, not ibid
        prior.cites = [_PriorCite(key, prior), _PriorCite("\0", prior)]
        self.citation.cites = list(prior.cites)
        layout.repressed = {}
        self.state.request = config
        self.root.comparing_cites = True  # see adapter.Date
        context = set_cite_context(self.root, key, "citation", subsequent=True)
        # a note style's back-reference ("See note 1") is part of the subsequent form
        # that cites are told apart by (citeproc-js)
        reference = self.cites[key].reference
        first_note = (vars(self.root).get("first_reference_notes") or {}).get(key)
        if first_note:
            from citeproc.string import String

            reference["first_reference_note_number"] = String(str(first_note))
        try:
            text = layout.render_children(self.cites[key])
        except VariableError:
            text = None
        finally:
            self.state.request = None
            self.root.comparing_cites = False
            self.citation.cites = []
            reference.pop("first_reference_note_number", None)
        self.conditions = (context.conditions_passed, context.conditions_seen)
        return _TAG.sub("", str(text)) if text is not None else None

    def run(self) -> None:
        state = self.state
        # who shares a family name with whom must be known before any cite is compared
        # when the rule looks across the document; by-cite compares within an item
        document_wide = state.add_given and state.rule != "by-cite"
        collected: dict[str, tuple[str | None, AmbigConfig, list[Any]]] = {}
        if document_wide:
            state.collecting = True
            for key in self.order:
                state.names.log = []
                config = AmbigConfig()
                text = self.render(key, config)
                collected[key] = (text, config, state.names.log)
            state.names.log = None
        state.collecting = state.add_given and not document_wide
        groups: dict[str, list[str]] = {}
        for key in self.order:
            earlier = collected.get(key)
            if earlier is not None and state.names.settled(earlier[2]):
                # nothing it asked the registry changed since: rendering again gives the same
                text, config = earlier[0], earlier[1]
            else:
                config = AmbigConfig()
                text = self.render(key, config)
            state.configs[key] = config
            if text is not None:
                groups.setdefault(text, []).append(key)
        state.collecting = False
        modes = []
        if state.add_names or (state.add_given and state.rule == "by-cite"):
            modes.append("names")
        if state.add_suffix:
            modes.append("years")
        if state.uses_condition:
            modes.append("extra")
        if modes:
            for keys in groups.values():
                if len(keys) > 1:
                    _Group(self, keys, modes).run()
        for key, config in state.configs.items():
            if config.year_suffix is not None:
                from citeproc.string import String

                self.cites[key].reference["year_suffix"] = String(_letters(config.year_suffix))
        state.sort_given = state.add_given and state.rule != "by-cite"


class _Group:
    """citeproc-js's disambiguation of one set of cites that render alike: the
    configuration is widened one step at a time (``base``); steps that helped are kept
    (``better``) and given to the cites they settled."""

    def __init__(self, run: _Run, keys: list[str], modes: list[str]) -> None:
        self.run_ = run
        self.state = run.state
        self.modes = modes
        self.mode = 0
        state = self.state
        first = keys[0]
        self.base = state.configs[first].clone()
        self.max_names: dict[str, list[int]] = {}
        state.name_totals = []
        run.render(first, self.base)
        self.max_names[first] = state.name_totals
        self.namesets_max = len(state.configs[first].names) - 1
        self.better = self.base.clone()
        for key in keys[1:]:
            state.name_totals = []
            run.render(key, self.base)
            self.max_names[key] = state.name_totals
            self.namesets_max = len(state.configs[key].names) - 1
            self.better.givens = [list(levels) for levels in self.base.givens]
        # fewest names first (citeproc-js compares the lists as text), then by id
        ordered = sorted(keys, key=lambda k: (",".join(map(str, self.max_names[k])), k))
        totals = self.max_names[ordered[0]]
        self.names_max: int | None = totals[0] if totals else None
        self.givens_max: int | None = 2 if state.rule == "by-cite" and state.add_given else None
        self.base.pad()
        self.better.pad()
        self.base.year_suffix = self.better.year_suffix = None
        self.base.disambiguate = self.better.disambiguate = 0
        self.lists: list[tuple[AmbigConfig, list[str]]] = [(self.base, ordered)]
        self.init_givens = True
        self.nameset = 0
        self.name = 0
        self.clashes = [1, 0]
        self.partners: list[str] = []
        self.others: list[str] = []

    def register(self, key: str, config: AmbigConfig) -> None:
        self.state.configs[key] = config.clone()

    def run(self) -> None:
        steps = 0
        while self.lists:
            self.nameset = 0
            self.name = 0
            self.clashes = [1, 0]
            while self.lists[0][1]:
                steps += 1
                if steps > _MAX_STEPS:
                    return
                first_look = self.init_givens
                before = self._shape()
                maxed = self.increment()
                self.scan(self.lists[0][1])
                if not maxed and not first_look and self.modes[self.mode] == "names" \
                        and self._shape() == before:
                    # the step changed nothing (a name the registry keeps at its level):
                    # widening names further cannot help, as if maxed (no 500-step spin)
                    maxed = True
                self.evaluate(maxed)
            self.lists = self.lists[1:]

    def _shape(self) -> tuple[Any, ...]:
        base = self.base
        return (tuple(base.names), tuple(tuple(levels) for levels in base.givens), self.nameset, self.name)

    def scan(self, keys: list[str]) -> None:
        first = self.run_.render(keys[0], self.base)
        self.partners = [keys[0]]
        self.others = []
        for key in keys[1:]:
            if self.run_.render(key, self.base) == first:
                self.partners.append(key)
            else:
                self.others.append(key)
        self.clashes = [self.clashes[1], len(self.partners) - 1]

    def evaluate(self, maxed: bool) -> None:
        mode = self.modes[self.mode]
        if mode == "names":
            self.by_names(maxed)
        elif mode == "years":
            self.by_years()
        else:
            self.by_extra_text()
        if maxed:
            if self.mode < len(self.modes) - 1:
                self.mode += 1
            elif len(self.lists) > 1:
                self.lists[1] = (self.base, [])
            else:
                self.lists.append((self.base, []))

    def keep_step(self) -> None:
        """The last step helped: the better configuration takes it."""
        base, better = self.base, self.better
        if self.state.rule == "by-cite" and base.givens and self.nameset < len(base.givens) \
                and self.name < len(base.givens[self.nameset]):
            if len(better.givens) < len(base.givens):
                better.givens = [list(levels) for levels in base.givens]
            levels = better.givens[self.nameset]
            while len(levels) <= self.name:
                levels.append(0)
            levels[self.name] = base.givens[self.nameset][self.name]
        while len(better.names) <= self.nameset:
            better.names.append(0)
        better.names[self.nameset] = base.names[self.nameset] if self.nameset < len(base.names) else 0

    def by_names(self, maxed: bool = False) -> None:
        if self.clashes[1] == 0 and len(self.others) == 1:
            self.keep_step()
            self.register(self.others[0], self.better)
            self.register(self.partners[0], self.better)
            self.lists[0] = (self.better, [])
        elif self.clashes[1] == 0:
            self.keep_step()
            self.register(self.partners[0], self.better)
            self.lists[0] = (self.better, self.others)
            if self.others:
                self.init_givens = True
        elif len(self.others) == 1:
            self.keep_step()
            self.register(self.others[0], self.better)
            self.lists[0] = (self.better, self.partners)
        elif self.clashes[1] < self.clashes[0]:
            self.keep_step()
            self.lists[0] = (self.better, self.partners)
            self.lists.append((self.better, self.others))
        elif maxed:
            self.lists[0] = (self.better, self.others)
            self.lists.append((self.better, self.partners))
            if self.mode == len(self.modes) - 1:
                for key in self.partners:
                    self.register(key, self.better)
                self.lists[0] = (self.better, [])

    def by_years(self) -> None:
        config, keys = self.lists[0]
        if self.clashes[1]:
            members = set(keys)
            for index, key in enumerate(k for k in self.run_.order if k in members):
                config.year_suffix = index
                self.register(key, config)
        self.lists[0] = (self.better, [])

    def by_extra_text(self) -> None:
        passed, seen = self.run_.conditions
        done = self.clashes[1] == 0 and len(self.others) < 2
        if not done and (not self.base.disambiguate or passed != seen):
            self.mode = 0
            self.base.disambiguate = self.better.disambiguate = passed
            if not self.base.disambiguate:
                self.init_givens = True
                self.base.disambiguate = 1
            else:
                self.by_names()
        elif done or passed == seen:
            config, keys = self.lists[0]
            if done or self.mode == len(self.modes) - 1:
                for key in keys:
                    self.register(key, config)
                self.lists[0] = (self.better, [])
            else:
                self.mode = len(self.modes) - 1
                config.disambiguate = max(config.disambiguate, 1)
                for key in keys:
                    self.register(key, config)

    def increment(self) -> bool:
        """One step wider (citeproc-js's ``incrementDisambig``); True when nothing is left
        to widen in this mode."""
        if self.init_givens:
            self.init_givens = False
            return False
        mode = self.modes[self.mode]
        if mode == "extra":
            self.base.disambiguate += 1
            self.better.disambiguate += 1
            return False
        if mode != "names":
            return False
        base = self.base
        more_names = self.givens_max is None
        more_namesets = self.names_max is None
        if self.givens_max is not None:
            levels = base.givens[self.nameset] if self.nameset < len(base.givens) else []
            if base.givens and self.name < len(levels) and levels[self.name] < self.givens_max:
                levels[self.name] += 1
            else:
                more_names = True
        if self.names_max is not None and more_names:
            if self.state.add_names:
                more_namesets = False
                if self.name < self.names_max:
                    while len(base.names) <= self.nameset:
                        base.names.append(0)
                    base.names[self.nameset] += 1
                    self.name += 1
                else:
                    more_namesets = True
            else:
                more_namesets = True
        if more_namesets and self.nameset < self.namesets_max:
            self.nameset += 1
            while len(base.names) <= self.nameset:
                base.names.append(0)
            base.names[self.nameset] = 1
            self.name = 0
        levels = base.givens[self.nameset] if self.nameset < len(base.givens) else None
        return ((self.namesets_max == -1 or self.nameset == self.namesets_max)
                and (not self.state.add_names or self.names_max is None or self.name == self.names_max)
                and (self.givens_max is None or levels is None or self.name >= len(levels)
                     or levels[self.name] == self.givens_max))
