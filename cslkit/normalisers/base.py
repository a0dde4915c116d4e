"""Types shared by the normalising steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from cslkit.model import Problem, Report

Item = dict[str, Any]
# A step takes an item and returns the (new) item and what it changed; it never mutates
# its input, so a caller can diff, undo or skip steps.
StepFunction = Callable[[Item], tuple[Item, list[Problem]]]


class Step(NamedTuple):
    name: str
    function: StepFunction
    code: str  # the main problem code the step reports its changes with
    description: str


class Normalised(NamedTuple):
    """The result of :func:`cslkit.normalise`: new items and a report of every change."""

    items: list[Item]
    report: Report
