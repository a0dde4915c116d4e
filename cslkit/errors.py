"""The one exception hierarchy of cslkit.

Every error a user can cause derives from :class:`CslkitError`, so callers (and the CLI)
can catch one class. Data problems found by validation are *not* raised: they are
returned as :class:`cslkit.model.Problem` objects.
"""

from __future__ import annotations


class CslkitError(Exception):
    """Base class of every error cslkit raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"


class InputError(CslkitError):
    """Input that cannot be read: a missing file, broken JSON or BibTeX, an unknown format."""


class UnknownFormatError(InputError):
    """A format name (or a file whose format cannot be detected) that no reader or writer handles."""


class StyleError(CslkitError):
    """A style that cannot be found, parsed or trusted."""


class UnsafeStyleError(StyleError):
    """A style refused because it is unsafe (external entities, entity bombs) or invalid CSL."""


class RenderError(CslkitError):
    """The renderer failed on otherwise readable items."""


class ZoteroError(CslkitError):
    """Talking to a Zotero server failed (after retries), or it refused the request."""


class ZoteroAuthError(ZoteroError):
    """The API key is missing, invalid, or lacks access to the library."""


class NetworkError(CslkitError):
    """An online service (Crossref, PubMed, Zotero) could not be reached."""


class DataLossWarning(UserWarning):
    """A writer could not put every value of an item into the target format.

    Issued (with :mod:`warnings`) instead of dropping data quietly; ``cslkit convert``
    prints it on stderr.
    """
