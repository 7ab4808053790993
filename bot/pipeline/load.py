"""Read article files: size and content checks, encoding detection.

Editors send UTF-8 (with or without a byte order mark), UTF-16 with or without a BOM,
and Windows-1256 from older Windows tools; CRLF line endings are common. Anything else
gets a :class:`LoadError` that names the file and says what is wrong.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

DEFAULT_MAX_BYTES = 1_000_000
ARTICLE_SUFFIXES = frozenset({".txt", ".md"})
#: Suffixes of an article's photo beside it, in the order preferred when there are several.
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
#: Share of replacement-worthy control bytes above which a file is binary.
BINARY_CONTROL_SHARE = 0.05
#: Share of Persian letters a Windows-1256 reading needs to be believed.
PERSIAN_SHARE = 0.5
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")
#: Share of the NUL bytes that must sit on one side of the byte pairs for UTF-16.
UTF16_NUL_SIDE = 0.9
#: Share of characters of a UTF-16 reading that must be in the scripts articles use.
UTF16_PLAUSIBLE = 0.9
#: Code point ranges of article text: Latin, Greek, Cyrillic, Arabic and its
#: presentation forms, general punctuation and symbols.
_PLAUSIBLE = (
    (0x0009, 0x000D),
    (0x0020, 0x007E),
    (0x00A0, 0x052F),
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0x2000, 0x2BFF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


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


def _plausible(char: str) -> bool:
    point = ord(char)
    return any(low <= point <= high for low, high in _PLAUSIBLE)


def utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes that have no byte order mark, or ``None`` if they are not.

    The byte order comes from where the NUL bytes are: the high byte of every ASCII
    character (spaces, line breaks, digits) is NUL, at odd offsets in little-endian
    text and at even ones in big-endian. The reading must then decode strictly, hold
    no NUL or other control character, and be mostly in the scripts articles use.

    >>> utf16_without_bom("سلام دنیا".encode("utf-16-le"))
    'سلام دنیا'
    >>> utf16_without_bom(b"\\x00\\x01\\x02\\x03") is None
    True
    """
    if len(data) < 2 or len(data) % 2 or b"\x00" not in data:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if odd >= UTF16_NUL_SIDE * (even + odd):
        encoding = "utf-16-le"
    elif even >= UTF16_NUL_SIDE * (even + odd):
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if any(ord(char) < 32 and char not in "\t\n\r\f" for char in text):
        return None
    plausible = sum(1 for char in text if _plausible(char))
    return text if plausible >= UTF16_PLAUSIBLE * len(text) else None


def decode_article(data: bytes, name: str | Path = "<input>") -> str:
    """Decode article bytes: BOM-marked UTF-16/UTF-8, UTF-16 without a BOM (see
    :func:`utf16_without_bom`), plain UTF-8, else Windows-1256.

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
        text = utf16_without_bom(data)
        if text is not None:
            return text
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


def photos_in(folder: Path) -> dict[str, Path]:
    """The images of ``folder`` that may be an article's photo, by stem.

    Suffixes count whatever their case (``.JPG``); when one stem has several images, the
    first of :data:`PHOTO_SUFFIXES` wins, then the name. Hidden files are left out.
    """
    found: dict[str, Path] = {}
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return found
    rank = {suffix: n for n, suffix in enumerate(PHOTO_SUFFIXES)}
    for child in children:
        suffix = child.suffix.lower()
        if suffix not in rank or child.name.startswith(".") or not child.is_file():
            continue
        best = found.get(child.stem)
        if best is None or rank[suffix] < rank[best.suffix.lower()]:
            found[child.stem] = child
    return found


def photo_beside(path: Path, cache: dict[Path, dict[str, Path]] | None = None) -> Path | None:
    """The image beside an article file: the same name with ``.jpg``, ``.jpeg``, ``.png``
    or ``.webp`` (any case), or ``None``.

    ``cache`` keeps each folder's listing between calls (one listing for a whole folder).
    """
    folder = path.parent
    if cache is None:
        return photos_in(folder).get(path.stem)
    if folder not in cache:
        cache[folder] = photos_in(folder)
    return cache[folder].get(path.stem)
