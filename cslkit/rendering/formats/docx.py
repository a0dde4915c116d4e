"""DOCX (python-docx): one paragraph per entry, runs keeping italics, bold and the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cslkit.rendering.formats.markup import tokens

name = "docx"
extension = ".docx"


def add_entry(document: Any, markup: str) -> Any:
    """Append one entry as a paragraph of formatted runs; returns the paragraph."""
    paragraph = document.add_paragraph()
    for text, flags in tokens(markup):
        if not text:
            continue
        run = paragraph.add_run(text)
        run.italic = "italic" in flags or None
        run.bold = "bold" in flags or None
        run.underline = "underline" in flags or None
        run.font.superscript = "superscript" in flags or None
        run.font.subscript = "subscript" in flags or None
        run.font.small_caps = "smallcaps" in flags or None
    return paragraph


def write(entries: list[str], path: str | Path) -> None:
    """Write a Word document with one paragraph per entry (entries in internal markup),
    replacing ``path`` whole: a failed write leaves the old file as it was."""
    import io

    import docx

    from cslkit.formats import write_atomically

    document = docx.Document()
    for entry in entries:
        add_entry(document, entry)
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomically(Path(path), buffer.getvalue())
