"""The tagger's label set (named after CSL variables) and span → token labelling."""

from __future__ import annotations

from cslkit.textparser.tokens import Token

LABELS: tuple[str, ...] = (
    "author", "editor", "translator", "title", "container-title", "collection-title",
    "date", "volume", "issue", "page", "publisher", "publisher-place", "edition", "genre",
    "DOI", "URL", "PMID", "PMCID", "ISBN", "note", "accessed", "citation-number", "other",
)


def token_labels(tokens: list[Token], spans: list[list]) -> list[str]:
    """Label each token by the span that covers it.

    Punctuation left outside every span joins the span just before it (AnyStyle keeps
    a field's trailing punctuation inside the field; GROBID leaves it outside), so both
    corpora teach the tagger the same convention. Other uncovered tokens are "other".
    """
    labels: list[str] = []
    ordered = sorted(spans, key=lambda s: s[1])
    k = 0
    for tok in tokens:
        while k < len(ordered) and ordered[k][2] <= tok.start:
            k += 1
        label = None
        if k < len(ordered) and ordered[k][1] <= tok.start < ordered[k][2]:
            label = ordered[k][0]
        if label is None:
            if not tok.text[0].isalnum() and labels and labels[-1] != "other" and len(tok.text) <= 2:
                label = labels[-1] if tok.text not in ("(", "[", "//", "«", "“") else "other"
            else:
                label = "other"
        labels.append(label)
    return labels
