"""The CSL-JSON data model: plain dicts with TypedDict hints, plus validation problems.

Items stay the dicts ``json.load`` produces, so any CSL tool can read what cslkit writes.
Custom data lives under the CSL ``custom`` object (``custom.original``,
``custom.confidence``, ...), never in invented top-level keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, NotRequired, TypedDict

Severity = Literal["error", "warning", "info"]


# CSL variable names contain hyphens, which TypedDict's class syntax cannot spell;
# the functional form can.
CslName = TypedDict(
    "CslName",
    {
        "family": str,
        "given": str,
        "literal": str,
        "suffix": str,
        "dropping-particle": str,
        "non-dropping-particle": str,
        "comma-suffix": bool | str,
        "static-ordering": bool | str,
        "parse-names": bool | str,
    },
    total=False,
)

CslDate = TypedDict(
    "CslDate",
    {
        "date-parts": list[list[int | str]],
        "raw": str,
        "literal": str,
        "season": int | str,
        "circa": bool | int | str,
    },
    total=False,
)


CslItem = TypedDict(
    "CslItem",
    {
        "id": str | int,
        "type": str,
        "title": NotRequired[str],
        "container-title": NotRequired[str],
        "container-title-short": NotRequired[str],
        "author": NotRequired[list[CslName]],
        "editor": NotRequired[list[CslName]],
        "issued": NotRequired[CslDate],
        "accessed": NotRequired[CslDate],
        "volume": NotRequired[str | int],
        "issue": NotRequired[str | int],
        "page": NotRequired[str | int],
        "number": NotRequired[str | int],
        "DOI": NotRequired[str],
        "PMID": NotRequired[str],
        "PMCID": NotRequired[str],
        "ISSN": NotRequired[str],
        "ISBN": NotRequired[str],
        "URL": NotRequired[str],
        "language": NotRequired[str],
        "note": NotRequired[str],
        "custom": NotRequired[dict[str, Any]],
    },
    total=False,
)
"""A CSL-JSON 1.0.2 item. Only the commonest variables are listed; any other is allowed."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth knowing) about the input.

    ``code`` is a stable kebab-case string documented in the README; ``item_id`` and
    ``field`` say where; ``message`` says what, ``hint`` says what to do.
    """

    code: str
    severity: Severity
    item_id: str | None
    field: str | None
    message: str
    hint: str | None = None
    position: int | None = None  # 0-based index of the item in its list, when known

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if data["position"] is None:
            del data["position"]
        return data


@dataclass(slots=True)
class Report:
    """An ordered collection of problems. Iterable; ``ok`` is true when there is no error."""

    problems: list[Problem] = field(default_factory=list)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def __bool__(self) -> bool:  # a report is always a real object, even when empty
        return True

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def for_item(self, item_id: str) -> list[Problem]:
        return [p for p in self.problems if p.item_id == item_id]


class Items(list):
    """A list of CSL-JSON items that also carries the problems met while reading them.

    It *is* a ``list[dict]`` (``json.dumps`` and every list operation work); ``problems``
    holds what a reader skipped or repaired, so nothing is lost silently.
    """

    def __init__(self, items: Iterable[dict[str, Any]] = (), problems: Iterable[Problem] = ()):
        super().__init__(items)
        self.problems: list[Problem] = list(problems)


def item_id(item: dict[str, Any], position: int | None = None) -> str:
    """The id of an item as a string, or a positional stand-in when it has none."""
    value = item.get("id")
    if value is None or value == "":
        return f"#{position + 1}" if position is not None else "?"
    return str(value)
