"""Check an image before it becomes an article's photo: what Telegram's sendPhoto takes.

A photo is a JPEG, PNG or WebP image of at most :data:`MAX_PHOTO_BYTES`, whose width
and height add up to at most :data:`MAX_SIDES` pixels and whose long side is at most
:data:`MAX_RATIO` times its short side. Anything else is an :class:`ImageError` whose
one-line message names the file and says what is wrong; the article then goes out
without a photo.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image

from bot.storage.photos import PhotoData

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_SIDES = 10_000
MAX_RATIO = 20
#: Pillow's format names of the images Telegram shows as photos.
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP")


class ImageError(ValueError):
    """An image that cannot be an article's photo; the message names the file."""

    def __init__(self, name: Path | str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = str(name)
        self.reason = reason


def too_big(size: int) -> str:
    """Why an image of ``size`` bytes is refused.

    >>> too_big(20_000_000)
    'is 20,000,000 bytes, over the 10 MB limit of a Telegram photo'
    """
    return f"is {size:,} bytes, over the {MAX_PHOTO_BYTES // 2**20} MB limit of a Telegram photo"


def check_image(data: bytes, name: Path | str = "<image>", sha256: str = "") -> PhotoData:
    """The checked photo in ``data``; :class:`ImageError` says why it cannot be one.

    The header gives the format and size before anything is decoded; then the whole
    image is decoded once, so a damaged or cut-off file is refused here, not by Telegram.
    ``sha256``: the bytes' hash, when the caller has it already.

    >>> check_image(b"", "a.jpg")
    Traceback (most recent call last):
    ...
    bot.pipeline.images.ImageError: a.jpg: is empty
    """
    if not data:
        raise ImageError(name, "is empty")
    if len(data) > MAX_PHOTO_BYTES:
        raise ImageError(name, too_big(len(data)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError:
            raise ImageError(name, "has far too many pixels to be a photo") from None
        except Exception:  # Pillow's readers raise many kinds for hostile headers
            raise ImageError(name, "is not an image that can be read (JPEG, PNG or WebP)") from None
        with image:
            kind, (width, height) = image.format or "?", image.size
            if kind not in PHOTO_FORMATS:
                raise ImageError(name, f"is a {kind} image; a photo must be JPEG, PNG or WebP")
            if width < 1 or height < 1:
                raise ImageError(name, f"is {width}×{height} pixels, an empty picture")
            if width + height > MAX_SIDES:
                raise ImageError(
                    name,
                    f"is {width}×{height} pixels; width and height together may be at most "
                    f"{MAX_SIDES:,}",
                )
            if max(width, height) > MAX_RATIO * min(width, height):
                raise ImageError(
                    name,
                    f"is {width}×{height} pixels, more than {MAX_RATIO} times as "
                    f"{'wide' if width > height else 'tall'} as it is "
                    f"{'high' if width > height else 'wide'}",
                )
            try:
                image.load()
            except Exception as error:  # Pillow raises many kinds for damaged data
                raise ImageError(name, f"is damaged and cannot be read ({error})") from None
    return PhotoData(data, kind, width, height, sha256)


def read_image_bytes(path: Path, size: int | None = None) -> bytes:
    """The bytes of the image file at ``path``, its size (``size``, when the caller has
    just stat'ed it) checked before it is read."""
    try:
        if size is None:
            size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise ImageError(path.name, too_big(size))
        return path.read_bytes()
    except FileNotFoundError:
        raise ImageError(path.name, "no such file") from None
    except OSError as error:
        raise ImageError(path.name, f"cannot be read ({error.strerror})") from None


def read_image(path: Path) -> PhotoData:
    """Read and check the image file at ``path``."""
    return check_image(read_image_bytes(path), path.name)
