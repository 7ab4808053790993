"""Image dimensions read from the file header (JPEG, PNG, GIF, WebP), without decoding pixels.

The emulated server needs only what Telegram's checks need: whether the bytes are an image
it can read, and its width and height.

>>> image_info(b"GIF89a\\x20\\x03\\x58\\x02" + bytes(8))
ImageInfo(format='gif', width=800, height=600)
>>> image_info(b"not an image")
Traceback (most recent call last):
...
tgsandbox.images.ImageError: not a JPEG, PNG, GIF or WebP image
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

__all__ = ["ImageError", "ImageInfo", "image_info"]

# Start-of-frame markers carry the dimensions; C4 (DHT), C8 (JPG) and CC (DAC) do not.
_JPEG_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers without a length: TEM, RST0-7, SOI.
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD9)})


class ImageError(ValueError):
    """The bytes are not an image the server can read."""


@dataclass(frozen=True)
class ImageInfo:
    """An image's format (``jpeg``, ``png``, ``gif`` or ``webp``) and size in pixels."""

    format: str
    width: int
    height: int


def _jpeg(data: bytes) -> tuple[int, int]:
    position = 2
    while position < len(data):
        if data[position] != 0xFF:
            raise ImageError("JPEG segment does not start with a marker")
        while position < len(data) and data[position] == 0xFF:
            position += 1
        if position >= len(data):
            break
        marker = data[position]
        position += 1
        if marker in _JPEG_STANDALONE:
            continue
        if marker in (0xD9, 0xDA):
            raise ImageError("JPEG has no frame header before its image data")
        if position + 2 > len(data):
            break
        (length,) = struct.unpack(">H", data[position : position + 2])
        if length < 2 or position + length > len(data):
            raise ImageError("JPEG segment length is out of range")
        if marker in _JPEG_SOF:
            if length < 7:
                raise ImageError("JPEG frame header is too short")
            height, width = struct.unpack(">HH", data[position + 3 : position + 7])
            return width, height
        position += length
    raise ImageError("JPEG ends before its frame header")


def _png(data: bytes) -> tuple[int, int]:
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise ImageError("PNG does not start with an IHDR chunk")
    width, height = struct.unpack(">II", data[16:24])
    if width >= 1 << 31 or height >= 1 << 31:
        raise ImageError("PNG dimensions are out of range")
    return width, height


def _webp(data: bytes) -> tuple[int, int]:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30:
        if data[23:26] != b"\x9d\x01\x2a":
            raise ImageError("WebP VP8 frame has no start code")
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25:
        if data[20] != 0x2F:
            raise ImageError("WebP VP8L frame has no signature")
        (bits,) = struct.unpack("<I", data[21:25])
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    raise ImageError("WebP has no VP8, VP8L or VP8X chunk")


def image_info(data: bytes) -> ImageInfo:
    """The format and dimensions of an image, or :class:`ImageError` if it is unreadable."""
    if data.startswith(b"\xff\xd8"):
        kind, (width, height) = "jpeg", _jpeg(data)
    elif data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind, (width, height) = "png", _png(data)
    elif data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        kind, (width, height) = "gif", struct.unpack("<HH", data[6:10])
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        kind, (width, height) = "webp", _webp(data)
    else:
        raise ImageError("not a JPEG, PNG, GIF or WebP image")
    if width <= 0 or height <= 0:
        raise ImageError(f"{kind.upper()} has a zero width or height")
    return ImageInfo(kind, width, height)
