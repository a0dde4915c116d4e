"""Types shared by the normalising steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from cslkit.model import Problem, Report

Item = dict[str, Any]
# A step takes an item and returns the (new) item and what it changed; it never mutates
# its input, so a caller can diff, undo or skip steps.
StepFunction = Callable[[Item], tuple[Item, list[Problem]]]
# A list step sees the whole list (entries that are not objects included) once every
# item step has run, and returns the new list and its changes with their positions set;
# it is for fixes no single item can decide, such as one spelling per journal.
ListStepFunction = Callable[[list[Any]], tuple[list[Any], list[Problem]]]


class Step(NamedTuple):
    name: str
    function: Callable[..., tuple[Any, list[Problem]]]  # StepFunction or ListStepFunction
    code: str  # the main problem code the step reports its changes with
    description: str
    kind: str = "item"  # "item" (StepFunction) or "list" (ListStepFunction)


class Normalised(NamedTuple):
    """The result of :func:`cslkit.normalise`: new items and a report of every change."""

    items: list[Item]
    report: Report
