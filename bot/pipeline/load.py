"""Read article files: size and content checks, encoding detection.

Editors send UTF-8 (with or without a byte order mark), UTF-16 with a BOM, and
Windows-1256 from older Windows tools; CRLF line endings are common. Anything else
gets a :class:`LoadError` that names the file and says what is wrong.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

DEFAULT_MAX_BYTES = 1_000_000
ARTICLE_SUFFIXES = frozenset({".txt", ".md"})
#: Share of replacement-worthy control bytes above which a file is binary.
BINARY_CONTROL_SHARE = 0.05
#: Share of Persian letters a Windows-1256 reading needs to be believed.
PERSIAN_SHARE = 0.5
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")


class LoadError(ValueError):
    """An article file that cannot be read; the message names the file."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls > BINARY_CONTROL_SHARE * max(len(sample), 1)


def decode_article(data: bytes, name: str | Path = "<input>") -> str:
    """Decode article bytes: BOM-marked UTF-16/UTF-8, plain UTF-8, else Windows-1256.

    >>> decode_article("سلام".encode("cp1256"))
    'سلام'
    >>> decode_article(b"")
    ''
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                reason = f"is not valid {encoding.upper()} text ({error.reason})"
                raise LoadError(name, reason) from None
    if _looks_binary(data):
        raise LoadError(name, "looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise LoadError(name, "is neither UTF-8, UTF-16 nor Windows-1256 text") from None
    letters = [char for char in text if char.isalpha()]
    persian = sum(1 for char in letters if "\u0600" <= char <= "\u06ff")
    if persian < PERSIAN_SHARE * len(letters) or not persian:
        raise LoadError(name, "is not UTF-8 text and does not read as Persian Windows-1256")
    return text


def read_article(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read and decode one article file, refusing what is not an article.

    Raises :class:`LoadError` for a missing, unreadable, oversized, binary,
    undecodable, empty or whitespace-only file.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(path, f"is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(path, "no such file") from None
    except IsADirectoryError:
        raise LoadError(path, "is a folder, not a file") from None
    except OSError as error:
        raise LoadError(path, f"cannot be read ({error.strerror})") from None
    text = decode_article(data, path)
    if not text.strip(" \t\r\n\ufeff\u200c\u200f\u200e"):
        raise LoadError(path, "is empty")
    return text


def article_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and article files (.txt, .md) inside folders, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                child
                for child in path.rglob("*")
                if child.is_file()
                and child.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
        else:
            yield path
