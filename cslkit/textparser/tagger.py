"""The CRF tagger: token features in, one label and its marginal probability per token out."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from cslkit.textparser.features import sequence_features
from cslkit.textparser.tokens import Token

MODEL_PATH = Path(__file__).with_name("model.crfsuite")


@lru_cache(maxsize=2)
def load_tagger(path: str = str(MODEL_PATH)) -> Any:
    """Open the model once per process (the file is read-only, so sharing it is safe)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def tag(tokens: list[Token]) -> tuple[list[str], list[float | None]]:
    """Labels and confidences (marginal probability of the chosen label) at field edges."""
    if not tokens:
        return [], []
    tagger = load_tagger()
    tagger.set(sequence_features(tokens))
    labels = tagger.tag()
    # The tagger errs at field edges, so a field's confidence is read at its first and
    # last word; punctuation and words inside a field get None (skipped when averaging),
    # which saves most of the marginal computations.
    n = len(labels)
    confidences: list[float | None] = [None] * n
    words = [i for i, tok in enumerate(tokens) if tok.text[0].isalnum()]
    for position, i in enumerate(words):
        before = words[position - 1] if position else None
        after = words[position + 1] if position + 1 < len(words) else None
        if before is None or after is None or labels[before] != labels[i] or labels[after] != labels[i]:
            confidences[i] = tagger.marginal(labels[i], i)
    return labels, confidences
