"""Small images built byte by byte for the tests: a real PNG, and headers of the other formats."""

from __future__ import annotations

import struct
import zlib


def png(width: int, height: int) -> bytes:
    """A valid grey PNG of that size."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg(width: int, height: int, *, app_segment: bool = True) -> bytes:
    """A JPEG's markers up to its frame header (SOI, APP0, SOF0), then EOI."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + (app0 if app_segment else b"") + sof0 + b"\xff\xd9"


def gif(width: int, height: int) -> bytes:
    """A GIF header and an empty trailer."""
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00;"


def _riff_webp(kind: bytes, body: bytes) -> bytes:
    """A RIFF WebP file holding one chunk of that kind."""
    chunk = kind + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def webp_lossy(width: int, height: int) -> bytes:
    """A RIFF WebP with a VP8 (lossy) frame header."""
    frame = b"\x00\x00\x00" + b"\x9d\x01\x2a" + struct.pack("<HH", width, height)
    return _riff_webp(b"VP8 ", frame)


def webp_lossless(width: int, height: int) -> bytes:
    """A RIFF WebP with a VP8L (lossless) header."""
    bits = (width - 1) | ((height - 1) << 14)
    frame = b"\x2f" + struct.pack("<I", bits)
    return _riff_webp(b"VP8L", frame)


def webp_extended(width: int, height: int) -> bytes:
    """A RIFF WebP with a VP8X (extended) header."""
    body = (
        b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    )
    return _riff_webp(b"VP8X", body)
