"""The one way in (:func:`parse`) and the one way out (:func:`write`) for files and text."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import IO, Any

from cslkit.errors import InputError
from cslkit.model import Items, Problem
from cslkit.registry import canonical_format, detect_format, get_reader, get_writer, writer_for_path

Source = str | os.PathLike[str] | IO[str] | IO[bytes]


def decode_bytes(data: bytes, origin: str = "input") -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else a legacy
    8-bit encoding: Windows-1251 (Ukrainian and Russian manuscripts) or Windows-1252
    (Western European), told apart by how the non-ASCII bytes sit (see
    :func:`_looks_cyrillic`). Any byte string decodes, so a wrong guess shows as odd
    letters, not as an error.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    encoding = "cp1251" if _looks_cyrillic(data) else "cp1252"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        try:
            return data.decode("cp1251" if encoding == "cp1252" else "cp1252")
        except UnicodeDecodeError as exc:  # both leave a few bytes undefined
            raise InputError(
                f"{origin}: cannot decode the text (not UTF-8, Windows-1251 or Windows-1252)",
                hint="save the file as UTF-8 and try again",
            ) from exc


def _looks_cyrillic(data: bytes) -> bool:
    """Cyrillic text in an 8-bit code page is whole words of high bytes; Western text has
    single accented letters inside ASCII words (``M\xfcller``). Count the high bytes that
    have a high-byte neighbour."""
    high = [i for i, byte in enumerate(data) if byte >= 0x80]
    if not high:
        return True
    positions = set(high)
    paired = sum(1 for i in high if i - 1 in positions or i + 1 in positions)
    return paired / len(high) > 0.5


def _looks_like_path(source: str) -> bool:
    return "\n" not in source and len(source) < 4096 and bool(source.strip())


def read_source(source: Source) -> tuple[str, Path | None]:
    """Return the text of ``source`` and its path when it names a file."""
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = Path(source)
        if path.is_file():
            try:
                return decode_bytes(path.read_bytes(), str(path)), path
            except OSError as exc:
                raise InputError(f"{path}: cannot read the file ({exc.strerror})") from exc
        if isinstance(source, os.PathLike) or (
            isinstance(source, str)
            and path.suffix.lower() in {".json", ".jsonl", ".bib", ".ris", ".txt", ".csl"}
        ):
            raise InputError(f"{path}: no such file", hint="check the path")
        assert isinstance(source, str)
        return source, None
    if isinstance(source, str):
        return source, None
    data = source.read()
    name = getattr(source, "name", None)
    path = Path(name) if isinstance(name, str) and not name.startswith("<") else None
    if isinstance(data, bytes):
        return decode_bytes(data, str(path or "input")), path
    return data, path


def parse(source: Source, format: str | None = None) -> Items:
    """Read references from a path, a string or a file object into CSL-JSON items.

    ``format`` names the reader (``csl-json``, ``bibtex``, ``ris``, ``zotero-json``,
    ``text``); when ``None`` it is detected from the file extension and the content.
    The result is a list of item dicts; its ``problems`` attribute lists what the reader
    skipped or repaired (a broken entry in a large file does not stop the others).
    """
    text, path = read_source(source)
    return read_items(text, path, format)


def read_items(text: str, path: Path | None = None, format: str | None = None) -> Items:
    """Read already-decoded ``text`` with the named reader, or the one detected from the
    content and ``path``; an input error names the file, since the reader saw only text."""
    name = canonical_format(format) if format else detect_format(text, path)
    try:
        result = get_reader(name).read(text)
    except InputError as exc:
        if path is None or exc.message.startswith(str(path)):
            raise
        raise type(exc)(f"{path}: {exc.message}", hint=exc.hint) from exc
    return result if isinstance(result, Items) else Items(result)


def dumps(items: list[dict[str, Any]], format: str) -> str:
    """Serialise items in the named format and return the text."""
    return get_writer(format).write(list(items))


def write(
    items: list[dict[str, Any]],
    path_or_file: str | os.PathLike[str] | IO[str],
    format: str | None = None,
) -> None:
    """Write items to a path or a text file object.

    The format is taken from ``format`` or the path's extension. A path is written
    atomically (a temporary file renamed into place), so a failure never leaves a
    half-written file behind.
    """
    if format is None:
        if isinstance(path_or_file, str | os.PathLike):
            format = writer_for_path(path_or_file)
        if format is None:
            raise InputError(
                "cannot tell which format to write",
                hint="give format= (csl-json, bibtex, ris) or a path ending in .json, .bib or .ris",
            )
    text = dumps(items, format)
    if not isinstance(path_or_file, str | os.PathLike):
        path_or_file.write(text)
        return
    write_atomically(Path(path_or_file), text)


def write_atomically(path: Path, text: str | bytes) -> None:
    """Replace ``path`` with ``text`` (or bytes) so readers see the old or the new file,
    never half. A new file gets the usual permissions (the umask's); a replaced one keeps
    its own."""
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give a file name, e.g. {path / 'refs.txt'}")
    directory = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = None
    for _ in range(100):
        tmp_path = directory / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            # os.open applies the umask to 0o666, as any new file gets; mkstemp would give 0o600
            fd = os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
        except OSError as exc:
            raise InputError(f"{path}: cannot write here ({exc.strerror})") from exc
    else:
        raise InputError(f"{path}: cannot create a temporary file beside it")
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        if mode is not None:
            os.chmod(tmp_path, mode)
        os.replace(tmp_path, path)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write it ({exc.strerror})") from exc
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


__all__ = [
    "Problem",
    "decode_bytes",
    "dumps",
    "parse",
    "read_items",
    "read_source",
    "write",
    "write_atomically",
]
